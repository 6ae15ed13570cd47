"""The records digest is built row by row in sorted order without holding every line; it
must stay byte for byte the digest every earlier Duban wrote into its files' manifests."""

from __future__ import annotations

import hashlib
import json
import random

from exchange.safe_rows import canonical_digest


def reference_digest(rows_by_table: dict[str, list[tuple[object, ...]]]) -> str:
    """The digest as first specified: every row's JSON line, sorted, hashed in order."""

    def tagged(value: object) -> list[str]:
        if value is None:
            return ["null"]
        if type(value) is int:
            return ["int", str(value)]
        if type(value) is float:
            return ["real", value.hex()]
        if type(value) is str:
            return ["text", value]
        assert type(value) is bytes
        return ["blob", value.hex()]

    def line(obj: object) -> bytes:
        return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"

    digest = hashlib.sha256(b"duban-canonical-records-v1\n")
    for table in sorted(rows_by_table):
        lines = sorted(line([tagged(v) for v in row]) for row in rows_by_table[table])
        digest.update(line(["table", table, len(lines)]))
        for one in lines:
            digest.update(one)
    return digest.hexdigest()


def _value(rng: random.Random) -> object:
    kind = rng.randrange(6)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([0, 1, -1, 10, 2**62, -(2**63), rng.randrange(-999, 999)])
    if kind == 2:
        return rng.choice([0.0, -0.0, 1.5, -2.25, 1e300, rng.random()])
    if kind == 3:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(4)))
    # Text that sorts awkwardly: prefixes of each other, quotes, backslashes, controls,
    # Chinese, characters beyond the BMP and lone surrogates (JSON escapes all of these).
    pieces = ["a", "ab", "", '"', "\\", "\n", "\x00", "督办", "𠀀", "\ud800", "]", ",", "z"]
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(4)))


def test_digest_equals_the_reference_on_awkward_rows() -> None:
    rng = random.Random(18)
    for _ in range(60):
        tables: dict[str, list[tuple[object, ...]]] = {}
        for name in ("a", "progress_revisions", "z"):
            width = rng.randrange(1, 4)
            firsts = [_value(rng) for _ in range(rng.randrange(1, 6))]
            # First values repeat often, so ties are broken by the rest of the row.
            tables[name] = [
                (rng.choice(firsts), *(_value(rng) for _ in range(width - 1)))
                for _ in range(rng.randrange(0, 40))
            ]
        assert canonical_digest(tables) == reference_digest(tables)


def test_digest_of_rows_of_other_widths_equals_the_reference() -> None:
    tables = {"t": [(), ("a",), ("a", 1), (), (None,), (1, "x", b"\x00")], "u": [()]}
    assert canonical_digest(tables) == reference_digest(tables)


def test_digest_of_unique_ids_equals_the_reference() -> None:
    rng = random.Random(7)
    rows = [
        (f"{rng.getrandbits(64):x}"[: rng.randrange(1, 17)], rng.randrange(9), "进展")
        for _ in range(2000)
    ]
    rows = list({r[0]: r for r in rows}.values())
    assert canonical_digest({"t": rows}) == reference_digest({"t": rows})
    assert canonical_digest({"t": iter(rows)}) == reference_digest({"t": rows})


def test_digest_of_all_text_columns_equals_the_reference() -> None:
    # Whole columns of text, some plain ASCII (written without escaping, ids sorted as they
    # are) and some not: space and "!" sort before the closing quote, DEL and the rest are
    # escaped, characters beyond the BMP become surrogate pairs.
    rng = random.Random(3)
    plain = ["a", "ab", "Z", "#", "~", "[", "]", "-", "0"]
    awkward = [*plain, " ", "!", '"', "\\", "\x7f", "\t", "督办", "𠀀", "\ud800", "é"]
    for pieces in (plain, awkward, [*plain, " "], [*plain, "!"]):
        for _ in range(20):
            rows = {
                ("".join(rng.choice(pieces) for _ in range(rng.randrange(6))), i): (
                    "".join(rng.choice(pieces) for _ in range(rng.randrange(6))),
                    "".join(rng.choice(awkward) for _ in range(rng.randrange(6))),
                )
                for i in range(rng.randrange(1, 700))
            }
            unique = list({k: (k, *v) for (k, _), v in rows.items()}.values())
            tied = [(k, *v) for (k, _), v in rows.items()]
            for table in (unique, tied):
                assert canonical_digest({"t": table}) == reference_digest({"t": table})
