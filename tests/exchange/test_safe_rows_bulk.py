"""The reader checks a column at a time (``all_valid``); it must accept exactly the columns
whose every value passes the one-value ``check``, or a bad value would slip through."""

from __future__ import annotations

import math
import random

from exchange.format import COLUMNS, UUID
from exchange.safe_rows import Blob, Integer, Real, Text, ValueCheck

CHECKS: list[ValueCheck] = [
    Text(5),
    Text(5, min_len=2, nullable=True),
    Text(40, multiline=True),
    Text(36, pattern=UUID),
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
