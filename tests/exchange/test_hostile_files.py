"""Hand-built hostile exchange files: each is refused with the right code, nothing runs."""

from __future__ import annotations

import random
import sqlite3
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from exchange.errors import RejectCode, RejectedFile
from exchange.safe_sqlite import DEFAULT_MAX_BYTES
from tests.exchange import exchange_samples as s


def _patched(data: bytes, offset: int, fmt: str, *values: int) -> bytes:
    out = bytearray(data)
    struct.pack_into(fmt, out, offset, *values)
    return bytes(out)


def _sql(*statements: str) -> Callable[[sqlite3.Connection], None]:
    def tamper(conn: sqlite3.Connection) -> None:
        for sql in statements:
            conn.execute(sql)

    return tamper


def _schema_edit(*statements: str) -> Callable[[sqlite3.Connection], None]:
    """Edit sqlite_master directly, as a crafted file would."""
    return _sql("PRAGMA writable_schema=ON", *statements, "PRAGMA writable_schema=OFF")


_NEW_ID = "'00000000-0000-4000-8000-000000000000'"


def _insert_revision(body_sql: str, seq: str = "1", unit: str = "(SELECT id FROM unit)") -> str:
    return f"INSERT INTO revision VALUES ({_NEW_ID}, {unit}, {seq}, {body_sql}, NULL, NULL)"


def _loose(*statements: str) -> bytes:
    """Built non-STRICT, bad rows inserted, then relabelled STRICT in sqlite_master."""
    ddl = {**s.SCHEMA_V2, "revision": s.REVISION_LOOSE_SQL}
    fix = s.REVISION_SQL.replace("'", "''")
    return s.build_sample(
        ddl=ddl,
        tamper=_schema_edit(
            *statements, f"UPDATE sqlite_master SET sql='{fix}' WHERE name='revision'"
        ),
    )


def _wal(tmp: Path) -> bytes:
    path = tmp / "wal.db"
    return s.build_sample(
        path=path, tamper=_sql("PRAGMA journal_mode=WAL", "DELETE FROM unit WHERE 0")
    )


def _corrupt_index_page() -> bytes:
    """Change one unit id inside the index b-tree only: index and table now disagree."""
    data = s.build_sample(s.sample_records(n_revisions=8, body_len=20))  # index: one leaf
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name='revision_by_unit'"
    ).fetchone()
    (unit_id,) = conn.execute("SELECT id FROM unit LIMIT 1").fetchone()
    conn.close()
    ps = 1024
    page = bytearray(data[(root - 1) * ps : root * ps])
    at = page.find(unit_id.encode())
    assert page[0] == 0x0A and at >= 0, "the index should be one leaf page holding unit ids"
    page[at + 35] = ord("0") if page[at + 35] != ord("0") else ord("1")
    return data[: (root - 1) * ps] + bytes(page) + data[root * ps :]


def _crafted_index() -> bytes:
    """Index built over (seq, unit_id) but labelled (unit_id, seq): quick_check would pass."""
    ddl = {
        **s.SCHEMA_V2,
        "revision_by_unit": "CREATE INDEX revision_by_unit ON revision(seq, unit_id)",
    }
    return s.build_sample(
        s.sample_records(n_revisions=8, body_len=20),
        ddl=ddl,
        tamper=_schema_edit(
            f"UPDATE sqlite_master SET sql='{s.INDEX_SQL}' WHERE name='revision_by_unit'"
        ),
    )


def _lying_page_size(valid: bytes) -> bytes:
    """Page size doubled and page count halved: lengths agree, every page is wrong."""
    pages = len(valid) // 1024
    data = valid if pages % 2 == 0 else valid + bytes(1024)
    return _patched(data, 16, ">H", 2048)[:28] + struct.pack(">I", len(data) // 2048) + data[32:]


HOSTILE: dict[str, tuple[Callable[[bytes, Path], bytes], str]] = {
    "empty": (lambda v, t: b"", RejectCode.EMPTY),
    "three_bytes": (lambda v, t: b"abc", RejectCode.NOT_SQLITE),
    "random_bytes": (lambda v, t: random.Random(5).randbytes(8192), RejectCode.NOT_SQLITE),
    "text_file": (lambda v, t: "督办事项 进展情况\r\n".encode() * 300, RejectCode.NOT_SQLITE),
    "header_fragment": (lambda v, t: v[:40], RejectCode.TRUNCATED),
    "truncated_half": (lambda v, t: v[: len(v) // 2], RejectCode.TRUNCATED),
    "truncated_mid_page": (lambda v, t: v[:-100], RejectCode.TRUNCATED),
    "bytes_appended": (lambda v, t: v + b"\x00" * 10, RejectCode.SIZE_MISMATCH),
    "page_count_lies": (
        lambda v, t: _patched(v, 28, ">I", len(v) // 1024 + 5),
        RejectCode.TRUNCATED,
    ),
    "stale_page_count": (lambda v, t: _patched(v, 92, ">I", 77), RejectCode.BAD_HEADER),
    "page_size_1000": (lambda v, t: _patched(v, 16, ">H", 1000), RejectCode.BAD_HEADER),
    "page_size_lies": (lambda v, t: _lying_page_size(v), RejectCode.CORRUPT),
    "wal_mode": (lambda v, t: _wal(t), RejectCode.WAL),
    "wrong_application_id": (
        lambda v, t: s.build_sample(app_id=0x12345678),
        RejectCode.FOREIGN_FILE,
    ),
    "plain_sqlite": (lambda v, t: s.build_sample(app_id=0), RejectCode.FOREIGN_FILE),
    "newer_format": (lambda v, t: _patched(v, 60, ">i", 3), RejectCode.NEWER_FORMAT),
    "older_format": (lambda v, t: _patched(v, 60, ">i", 0), RejectCode.OLDER_FORMAT_UNSUPPORTED),
    "utf16": (lambda v, t: s.build_sample(encoding="UTF-16le"), RejectCode.WRONG_ENCODING),
    "extra_table": (
        lambda v, t: s.build_sample(tamper=_sql("CREATE TABLE extra(a TEXT) STRICT")),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "missing_table": (
        lambda v, t: s.build_sample(tamper=_sql("DROP TABLE unit")),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "view": (
        lambda v, t: s.build_sample(tamper=_sql("CREATE VIEW v AS SELECT * FROM unit")),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "recursive_cte_view": (
        lambda v, t: s.build_sample(
            tamper=_sql(
                "CREATE VIEW bomb AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL "
                "SELECT x + 1 FROM c) SELECT zeroblob(1000000) FROM c"
            )
        ),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "view_named_like_table": (
        lambda v, t: s.build_sample(
            tamper=_sql("DROP TABLE manifest", "CREATE VIEW manifest AS SELECT 'a' key, 'b' value")
        ),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "trigger": (
        lambda v, t: s.build_sample(
            tamper=_sql("CREATE TRIGGER t AFTER INSERT ON unit BEGIN DELETE FROM revision; END")
        ),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "extra_index": (
        lambda v, t: s.build_sample(tamper=_sql("CREATE INDEX x ON unit(name)")),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "missing_index": (
        lambda v, t: s.build_sample(tamper=_sql("DROP INDEX revision_by_unit")),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "analyze_stats": (
        lambda v, t: s.build_sample(tamper=_sql("ANALYZE")),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "not_strict_wrong_types": (
        lambda v, t: s.build_sample(
            ddl={**s.SCHEMA_V2, "revision": s.REVISION_LOOSE_SQL},
            tamper=_sql(_insert_revision("'x'", seq="'not a number'")),
        ),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "column_changed": (
        lambda v, t: s.build_sample(
            tamper=_schema_edit(
                "UPDATE sqlite_master SET sql=replace(sql, 'name TEXT', 'name ANY') "
                "WHERE name='unit'"
            )
        ),
        RejectCode.SCHEMA_MISMATCH,
    ),
    "blob_in_strict_text": (lambda v, t: _loose(_insert_revision("x'00ff'")), RejectCode.CORRUPT),
    "real_in_strict_integer": (
        lambda v, t: _loose(_insert_revision("'x'", seq="1.5")),
        RejectCode.CORRUPT,
    ),
    "crafted_index_mismatch": (lambda v, t: _crafted_index(), RejectCode.CORRUPT),
    "corrupt_index_page": (lambda v, t: _corrupt_index_page(), RejectCode.CORRUPT),
    "foreign_key_violation": (
        lambda v, t: s.build_sample(tamper=_sql(_insert_revision("'x'", unit=_NEW_ID))),
        RejectCode.FOREIGN_KEY_VIOLATION,
    ),
    "invalid_utf8": (
        lambda v, t: s.build_sample(tamper=_sql(_insert_revision("CAST(x'e79da3ff41' AS TEXT)"))),
        RejectCode.BAD_VALUE,
    ),
    "nul_in_single_line_text": (
        lambda v, t: s.build_sample(tamper=_sql("UPDATE unit SET name = 'a' || char(0) || 'b'")),
        RejectCode.BAD_VALUE,
    ),
    "integer_out_of_range": (
        lambda v, t: s.build_sample(tamper=_sql("UPDATE revision SET seq = -1 WHERE seq = 3")),
        RejectCode.BAD_VALUE,
    ),
    "text_too_long": (
        lambda v, t: s.build_sample(tamper=_sql("UPDATE unit SET name = printf('%.200c', 'x')")),
        RejectCode.BAD_VALUE,
    ),
    "id_not_uuid": (
        lambda v, t: s.build_sample(
            tamper=_sql("UPDATE revision SET id = id || ';--' WHERE seq=2")
        ),
        RejectCode.BAD_VALUE,
    ),
    "units_renumbered": (
        lambda v, t: s.build_sample(tamper=_sql("UPDATE unit SET id = upper(id)")),
        RejectCode.FOREIGN_KEY_VIOLATION,
    ),
    "content_changed": (
        lambda v, t: s.build_sample(tamper=_sql("UPDATE revision SET body = 'x' WHERE seq = 7")),
        RejectCode.DIGEST_MISMATCH,
    ),
    "row_deleted": (
        lambda v, t: s.build_sample(tamper=_sql("DELETE FROM revision WHERE seq = 7")),
        RejectCode.COUNT_MISMATCH,
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_with_its_code(
    name: str, valid_bytes: bytes, tmp_path: Path
) -> None:
    make, code = HOSTILE[name]
    data = make(valid_bytes, tmp_path)
    with pytest.raises(RejectedFile) as caught:
        s.read_sample(data)
    assert caught.value.code == code, caught.value


def test_sql_in_text_fields_is_only_text(valid_bytes: bytes) -> None:
    evil = "'); DROP TABLE revision; --"
    data = s.build_sample(
        {"unit": [("00000000-0000-4000-8000-00000000000a", evil)], "revision": []}
    )
    assert s.read_sample(data)["unit"] == [("00000000-0000-4000-8000-00000000000a", evil)]


def test_file_over_the_cap_is_refused_before_reading(tmp_path: Path, valid_bytes: bytes) -> None:
    huge = tmp_path / "huge.duban"
    with open(huge, "wb") as f:  # sparse: costs no disk
        f.write(valid_bytes[:100])
        f.truncate(DEFAULT_MAX_BYTES + 1)
    with pytest.raises(RejectedFile) as caught:
        s.read_sample(huge)
    assert caught.value.code == RejectCode.TOO_LARGE


def test_cap_is_exact(tmp_path: Path, valid_bytes: bytes) -> None:
    path = tmp_path / "x.duban"
    path.write_bytes(valid_bytes)
    s.read_sample(path, max_bytes=len(valid_bytes))
    for data in (path, valid_bytes):
        with pytest.raises(RejectedFile) as caught:
            s.read_sample(data, max_bytes=len(valid_bytes) - 1)
        assert caught.value.code == RejectCode.TOO_LARGE


@pytest.mark.parametrize("name", ["x.duban.partial", "X.DUBAN.PARTIAL"])
def test_partial_names_are_refused(tmp_path: Path, valid_bytes: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(valid_bytes)
    with pytest.raises(RejectedFile) as caught:
        s.read_sample(path)
    assert caught.value.code == RejectCode.PARTIAL_FILE


def test_missing_file_and_folder_are_unreadable(tmp_path: Path) -> None:
    for path in (tmp_path / "nope.duban", tmp_path):
        with pytest.raises(RejectedFile) as caught:
            s.read_sample(path)
        assert caught.value.code == RejectCode.UNREADABLE


def test_at_least_twenty_hostile_cases() -> None:
    assert len(HOSTILE) >= 20
