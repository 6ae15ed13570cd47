"""The reader checks a column at a time (``all_valid``); it must accept exactly the columns
whose every value passes the one-value ``check``, or a bad value would slip through."""

from __future__ import annotations

import math
import random

import pytest

from exchange.format import COLUMNS, UUID
from exchange.safe_rows import Blob, Integer, Real, Text, ValueCheck

CHECKS: list[ValueCheck] = [
    Text(5),
    Text(5, min_len=2, nullable=True),
    Text(40, multiline=True),
    Text(36, pattern=UUID),
    Text(36, min_len=36, pattern=UUID, fixed_width=True),
    Text(36, min_len=36, pattern=UUID, nullable=True, fixed_width=True),
    Text(10, choices=frozenset({"done", "blocked"})),
    Integer(0, 100),
    Integer(nullable=True),
    Real(-1.0, 1.0),
    Real(nullable=True),
    Blob(3),
    Blob(3, nullable=True),
    *(check for table in COLUMNS.values() for check in table.values()),
]

VALUES: list[object] = [
    None, "", "a", "abcdef", "done", "blocked", "督办", "a\tb", "a\nb", "a\x00", "\x7f", "\x1b",
    "0e4f9c1a-1f5d-4c6b-9f2e-3c1d2b4a5e6f", "0E4F9C1A-1F5D-4C6B-9F2E-3C1D2B4A5E6F",
    "9b2e3c1d-0e4f-4c6b-1f5d-3c1d2b4a5e6f", "0e4f9c1a-1f5d-4c6b-9f2e-3c1d2b4a5e6g",
    "0e4f9c1a1-f5d-4c6b-9f2e-3c1d2b4a5e6f", "0e4f9c1a-1f5d-4c6b-9f2e-3c1d2b4a5e6",
    "0e4f9c1a-1f5d-4c6b-9f2e-3c1d2b4a5e6f0", "0e4f9c1a-1f5d-4c6b-9f2e-3c1d2b4a5e6\n",
    0, 1, -1, 100, 101, True, False, 2**63 - 1, -(2**63), 0.0, -0.5, 1.0, 2.0, math.nan,
    math.inf, b"", b"abc", b"abcd", bytearray(b"a"),
]  # fmt: skip


def _passes(check: ValueCheck, value: object) -> bool:
    try:
        return check.check(value) is value
    except ValueError:
        return False


def test_all_valid_agrees_with_check_value_by_value() -> None:
    rng = random.Random(18)
    for check in CHECKS:
        for _ in range(300):
            column = [rng.choice(VALUES) for _ in range(rng.randrange(1, 6))]
            expected = all(_passes(check, v) for v in column)
            assert check.all_valid(column) == expected, (check, column)


def test_a_fixed_width_column_with_one_bad_id_among_many_is_refused() -> None:
    # The joined match must not let a value that is no id hide between good ones.
    check = Text(36, min_len=36, pattern=UUID, fixed_width=True)
    good = "0e4f9c1a-1f5d-4c6b-9f2e-3c1d2b4a5e6f"
    shifted = "0e4f9c1a1-f5d-4c6b-9f2e-3c1d2b4a5e6f"  # right length, hyphen moved
    assert check.all_valid([good] * 256)
    for bad in (shifted, good.upper(), good[:-1] + "g"):
        for at in (0, 100, 255):
            column = [good] * 256
            column[at] = bad
            assert not check.all_valid(column)


def test_fixed_width_needs_a_pattern_of_one_length() -> None:
    with pytest.raises(ValueError):
        Text(36, pattern=UUID, fixed_width=True)
    with pytest.raises(ValueError):
        Text(36, min_len=36, fixed_width=True)
