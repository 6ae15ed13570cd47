"""safe_sqlite / safe_rows: a valid file opens locked down; checks, budget, digest."""

from __future__ import annotations

import hashlib
import math
import os
import sqlite3
import tempfile
import time
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exchange.errors import RejectCode, RejectedFile
from exchange.safe_rows import Blob, Integer, Real, Text, canonical_digest, read_rows
from exchange.safe_sqlite import (
    COPY_PREFIX,
    STALE_COPY_SECONDS,
    TimeBudget,
    _authorizer,
    as_rejection,
    check_header,
    normalise_sql,
    open_untrusted_bytes,
    remove_stale_copies,
)
from tests.exchange import exchange_samples as s


def _open(data: bytes, **overrides: object) -> sqlite3.Connection:
    return open_untrusted_bytes(data, **s.open_args(**overrides))


def test_valid_file_opens_with_facts_about_its_bytes(valid_bytes: bytes) -> None:
    with closing(_open(valid_bytes)) as conn:
        assert conn.user_version == s.FORMAT_VERSION
        assert conn.application_id == s.APP_ID
        assert conn.source_sha256 == hashlib.sha256(valid_bytes).hexdigest()
        assert conn.source_size == len(valid_bytes)
        assert conn.tables == {"manifest", "unit", "revision"}
        assert conn.execute("SELECT count(*) FROM revision").fetchone() == (40,)
    assert s.read_sample(valid_bytes)["revision"] == s.sample_records()["revision"]


@pytest.mark.parametrize(
    "sql",
    [
        "CREATE TABLE t(a)",
        "INSERT INTO unit VALUES ('a', 'b')",
        "DELETE FROM revision",
        "UPDATE unit SET name = 'x'",
        "DROP TABLE unit",
        "ATTACH ':memory:' AS other",
        "PRAGMA writable_schema=ON",
        "PRAGMA trusted_schema=ON",
        "PRAGMA query_only=OFF",
        "PRAGMA journal_mode",
        "SELECT sql FROM sqlite_master",
        "SELECT load_extension('x')",
        "SELECT randomblob(10)",
        "SELECT zeroblob(1000000000)",
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c",
        "VACUUM",
        "BEGIN IMMEDIATE",
    ],
)
def test_connection_refuses_everything_but_plain_reads(valid_bytes: bytes, sql: str) -> None:
    with closing(_open(valid_bytes)) as conn, pytest.raises(sqlite3.DatabaseError):
        conn.execute(sql).fetchall()


def test_connection_is_locked_down(valid_bytes: bytes) -> None:
    with closing(_open(valid_bytes)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.getlimit(sqlite3.SQLITE_LIMIT_ATTACHED) == 0
        assert conn.getlimit(sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH) == 0
        assert conn.getlimit(sqlite3.SQLITE_LIMIT_EXPR_DEPTH) == 100
        assert conn.getlimit(sqlite3.SQLITE_LIMIT_LENGTH) == 64 * 1024 * 1024
        conn.set_authorizer(None)  # to look at the pragmas; callers never do this
        for pragma, value in [("trusted_schema", 0), ("query_only", 1), ("cell_size_check", 1)]:
            assert conn.execute(f"PRAGMA {pragma}").fetchone() == (value,)


def test_authorizer_denies_anything_done_for_a_view_or_trigger() -> None:
    authorize = _authorizer(frozenset({"unit"}), [False])
    assert authorize(sqlite3.SQLITE_READ, "unit", "name", "main", None) == sqlite3.SQLITE_OK
    for inner in ("some_view", "some_trigger"):
        for action, a1, a2 in [
            (sqlite3.SQLITE_READ, "unit", "name"),
            (sqlite3.SQLITE_SELECT, None, None),
            (sqlite3.SQLITE_FUNCTION, None, "count"),
        ]:
            assert authorize(action, a1, a2, "main", inner) == sqlite3.SQLITE_DENY
    assert authorize(sqlite3.SQLITE_READ, "unit", "name", "temp", None) == sqlite3.SQLITE_DENY
    assert authorize(sqlite3.SQLITE_READ, "other", "a", "main", None) == sqlite3.SQLITE_DENY
    pragma_set = authorize(sqlite3.SQLITE_PRAGMA, "user_version", "5", None, None)
    assert pragma_set == sqlite3.SQLITE_DENY


def test_time_budget_stops_the_checks(valid_bytes: bytes) -> None:
    with pytest.raises(RejectedFile) as caught:
        _open(valid_bytes, time_budget_s=0.0)
    assert caught.value.code == RejectCode.TIME_BUDGET


def test_each_read_gets_a_fresh_budget(valid_bytes: bytes) -> None:
    with closing(_open(valid_bytes, time_budget_s=0.2)) as conn:
        time.sleep(0.3)
        assert len(read_rows(conn, "revision", ["id"], types=s.TYPES["revision"])) == 40
        conn.restart_budget(0.0)
        time.sleep(0.01)
        with pytest.raises(sqlite3.OperationalError, match="interrupted"):
            conn.execute("PRAGMA integrity_check").fetchall()


def test_older_format_opens_with_its_own_schema() -> None:
    old = s.build_sample(version=1)
    with closing(_open(old)) as conn:
        assert conn.user_version == 1
    with pytest.raises(RejectedFile) as caught:
        _open(old, expected_schema=s.SCHEMA_V2)
    assert caught.value.code == RejectCode.SCHEMA_MISMATCH


def test_schema_comparison_ignores_layout_only() -> None:
    reflowed = {**s.SCHEMA_V2, "revision": " ".join(s.REVISION_SQL.split()).replace(", ", " ,")}
    assert reflowed["revision"] != s.REVISION_SQL
    s.read_sample(s.build_sample(ddl=reflowed))
    assert normalise_sql("CREATE TABLE t ( a TEXT ,\n b INT )") == "CREATE TABLE t(a TEXT,b INT)"


def test_expected_schema_mistakes_are_bugs_not_rejections(valid_bytes: bytes) -> None:
    with pytest.raises(ValueError):
        _open(valid_bytes, expected_schema={"wrong_name": s.UNIT_SQL})
    with pytest.raises(ValueError):
        _open(valid_bytes, expected_schema={**s.SCHEMA_V2, "v": "CREATE VIEW v AS SELECT 1"})


def test_check_header_reads_the_fields(valid_bytes: bytes) -> None:
    header = check_header(
        valid_bytes, application_id=s.APP_ID, supported_user_versions=s.SUPPORTED_VERSIONS
    )
    assert (header.page_size, header.page_count) == (1024, len(valid_bytes) // 1024)
    assert (header.user_version, header.application_id) == (2, s.APP_ID)


def test_read_rows_refuses_more_rows_than_allowed(valid_bytes: bytes) -> None:
    with closing(_open(valid_bytes)) as conn:
        with pytest.raises(RejectedFile) as caught:
            read_rows(conn, "revision", ["seq"], types=s.TYPES["revision"], max_rows=39)
        assert caught.value.code == RejectCode.TOO_MANY_ROWS
        with pytest.raises(ValueError):
            read_rows(conn, 'unit"; --', ["id"], types=s.TYPES["unit"])
        with pytest.raises(KeyError):
            read_rows(conn, "unit", ["id", "name"], types={"id": Text(36)})


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        (Text(5), ["", "督办", "abcde"], [None, "abcdef", b"ab", 1, "a\nb", "a\x00", "\x7f"]),
        (Text(9, min_len=1, multiline=True), ["a\nb\tc\r\n"], ["", "a\x0bb", "a\x1b"]),
        (Text(9, nullable=True, pattern=r"[0-9]+"), [None, "123"], ["12a", "１２"]),
        (Text(9, choices=frozenset({"a", "b"})), ["a"], ["c"]),
        (Integer(0, 10), [0, 10], [-1, 11, 1.0, "1", None, True]),
        (Integer(nullable=True), [None, -(2**63), 2**63 - 1], [2**63, 0.5]),
        (Real(0.0, 1.0), [0.0, 1.0], [1, math.nan, math.inf, -0.1, None]),
        (Blob(2, nullable=True), [None, b"", b"ab"], [b"abc", "ab", bytearray(b"a")]),
    ],
)
def test_value_checks(check: Text | Integer | Real | Blob, good: list, bad: list) -> None:
    for value in good:
        assert check.check(value) == value or value is None
    for value in bad:
        with pytest.raises(ValueError):
            check.check(value)


def test_rejection_codes_for_errors() -> None:
    budget = TimeBudget(10)
    cases = [
        (MemoryError(), RejectCode.RESOURCE_LIMIT),
        (RecursionError(), RejectCode.RESOURCE_LIMIT),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), RejectCode.CORRUPT),
        (sqlite3.DatabaseError("database disk image is malformed"), RejectCode.CORRUPT),
        (sqlite3.DataError("string or blob too big"), RejectCode.RESOURCE_LIMIT),
        (sqlite3.DatabaseError("not authorized"), RejectCode.FORBIDDEN),
        # invalid UTF-8 as CPython reports it; the file's own text must not choose the code
        (
            sqlite3.OperationalError("Could not decode to UTF-8 column 'x' with text 'too big'"),
            RejectCode.CORRUPT,
        ),
    ]
    for exc, code in cases:
        assert as_rejection(exc, budget, RejectCode.CORRUPT).code == code


values = st.one_of(
    st.none(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.binary(max_size=20),
)
tables = st.dictionaries(
    st.text(min_size=1, max_size=8), st.lists(st.tuples(values, values), max_size=6), max_size=4
)


@given(tables, st.randoms(use_true_random=False))
def test_digest_ignores_row_and_table_order(data: dict, rng) -> None:  # type: ignore[no-untyped-def]
    shuffled = {}
    for table in rng.sample(sorted(data), len(data)):
        shuffled[table] = rng.sample(data[table], len(data[table]))
    assert canonical_digest(shuffled) == canonical_digest(data)


@given(tables, tables)
def test_digest_differs_when_content_differs(a: dict, b: dict) -> None:
    def canon(d: dict) -> dict:
        return {t: sorted(map(repr, rows)) for t, rows in d.items()}

    if canon(a) != canon(b):
        assert canonical_digest(a) != canonical_digest(b)


def test_digest_is_type_and_boundary_sensitive() -> None:
    variants = [1, 1.0, "1", b"1", None, True and 2]
    digests = {canonical_digest({"t": [(v,)]}) for v in variants}
    assert len(digests) == len(variants)
    assert canonical_digest({"a": [(1,)], "b": []}) != canonical_digest({"a": [], "b": [(1,)]})
    assert canonical_digest({"t": [("a,b",)]}) != canonical_digest({"t": [("a", "b")]})
    assert canonical_digest({"t": [(0.0,)]}) != canonical_digest({"t": [(-0.0,)]})
    with pytest.raises(TypeError):
        canonical_digest({"t": [(True,)]})


def test_copies_left_by_an_import_that_never_finished_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / f"{COPY_PREFIX}killed"
    stale.mkdir()
    (stale / "copy.sqlite").write_bytes(b"x" * 4096)
    old = time.time() - STALE_COPY_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = tmp_path / f"{COPY_PREFIX}running"  # another window importing right now
    fresh.mkdir()
    other = tmp_path / "something-else"
    other.mkdir()
    os.utime(other, (old, old))
    assert remove_stale_copies() == 1
    assert not stale.exists() and fresh.exists() and other.exists()
