"""Exchange layer: the Duban exchange file format (version, schema, per-column checks).

An exchange file is a plain SQLite database (``.duban``), readable in any SQLite tool.
``PRAGMA application_id`` marks it as Duban's; ``PRAGMA user_version`` is the format
version. Tables are STRICT so a wrong type fails the integrity check. Documented in the
README ("Exchange files", "Signed exchange files").

Format 2 adds the ``signature`` table (one row: the signing key and an Ed25519 signature
over the manifest, which holds the records' digest). Format 1 files (unsigned) are still
read, through ``schema_for``; the store then lets them be previewed, never merged.

Format 3 adds three tables and changes none: ``revision_notes`` (the 修改原因 / 撤回原因 /
说明 of a revision in ``progress_revisions``), ``report_reviews`` (审核) and ``instructions``
(领导批示), the last two written by the coordinating office only. A format 2 file reads as
one with those tables empty.

Format 4 adds 佐证材料: ``attachments`` (which files each revision lists, by SHA-256 and
size; a record table, so covered by the digest and the signature) and
``attachment_chunks`` (the bytes in 1 MiB pieces, checked against those hashes on read).
A file may then be large (``MAX_FILE_BYTES``): one over ``IN_MEMORY_BYTES`` is read from a
private copy on disk, never whole into memory (``safe_sqlite.open_untrusted_file``).
"""

from __future__ import annotations

from domain.attachments import HARD_MAX_FILE_BYTES, HARD_MAX_FILES
from domain.chunked_io import CHUNK_SIZE
from exchange.safe_rows import Blob, Integer, Text, ValueCheck

APPLICATION_ID = 0x44554241  # "DUBA"
FORMAT_VERSION = 4
SUPPORTED_VERSIONS = range(1, FORMAT_VERSION + 1)
EXTENSION = ".duban"
#: 2 GiB: a stick of evidence (a unit's year of scans) and under FAT32's 4 GiB file limit.
MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024
MAX_ROWS = 500_000
#: Files up to this size are read whole into memory and checked there (fast, the format
#: 1–2 way); larger ones (attachments) from a private copy on disk, in bounded memory.
IN_MEMORY_BYTES = 16 * 1024 * 1024
#: The bytes of one attachment travel in pieces of this size (the last may be shorter).
ATTACHMENT_CHUNK_BYTES = CHUNK_SIZE

SCHEMA_V1: dict[str, str] = {
    "manifest": "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT",
    "installations": (
        "CREATE TABLE installations (id TEXT PRIMARY KEY, name TEXT NOT NULL, unit_id TEXT, "
        "unit_name TEXT NOT NULL, is_coordinating_office INTEGER NOT NULL) STRICT"
    ),
    "progress_revisions": (
        "CREATE TABLE progress_revisions (revision_id TEXT PRIMARY KEY, report_id TEXT NOT NULL, "
        "parent_revision_id TEXT, task_id TEXT NOT NULL, unit_id TEXT NOT NULL, "
        "author_installation_id TEXT NOT NULL, author_seq INTEGER NOT NULL, "
        "lamport INTEGER NOT NULL, authored_at TEXT NOT NULL, status TEXT NOT NULL, "
        "percent INTEGER NOT NULL, report_date TEXT NOT NULL, work_done TEXT NOT NULL, "
        "problems TEXT NOT NULL, next_steps TEXT NOT NULL, reporter TEXT NOT NULL, "
        "phone TEXT NOT NULL, withdrawn INTEGER NOT NULL, on_behalf INTEGER NOT NULL) STRICT"
    ),
    "plan_changes": (
        "CREATE TABLE plan_changes (change_id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, "
        "author_installation_id TEXT NOT NULL, author_seq INTEGER NOT NULL, "
        "lamport INTEGER NOT NULL, authored_at TEXT NOT NULL, kind TEXT NOT NULL, task_id TEXT, "
        "payload TEXT NOT NULL, reason TEXT NOT NULL) STRICT"
    ),
}


SCHEMA_V2: dict[str, str] = {
    **SCHEMA_V1,
    "signature": (
        "CREATE TABLE signature (key_id TEXT PRIMARY KEY, public_key BLOB NOT NULL, "
        "signature BLOB NOT NULL, signed_at TEXT NOT NULL) STRICT"
    ),
}
SCHEMA_V3: dict[str, str] = {
    **SCHEMA_V2,
    "revision_notes": (
        "CREATE TABLE revision_notes (revision_id TEXT PRIMARY KEY, reason TEXT NOT NULL) STRICT"
    ),
    "report_reviews": (
        "CREATE TABLE report_reviews (review_id TEXT PRIMARY KEY, report_id TEXT NOT NULL, "
        "revision_id TEXT NOT NULL, task_id TEXT NOT NULL, unit_id TEXT NOT NULL, "
        "author_installation_id TEXT NOT NULL, author_seq INTEGER NOT NULL, "
        "lamport INTEGER NOT NULL, authored_at TEXT NOT NULL, decision TEXT NOT NULL, "
        "reason TEXT NOT NULL, reviewer TEXT NOT NULL) STRICT"
    ),
    "instructions": (
        "CREATE TABLE instructions (instruction_id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, "
        "task_id TEXT NOT NULL, author_installation_id TEXT NOT NULL, "
        "author_seq INTEGER NOT NULL, lamport INTEGER NOT NULL, authored_at TEXT NOT NULL, "
        "text TEXT NOT NULL, leader TEXT NOT NULL, instructed_on TEXT NOT NULL) STRICT"
    ),
}
SCHEMA_V4: dict[str, str] = {
    **SCHEMA_V3,
    "attachments": (
        "CREATE TABLE attachments (revision_id TEXT NOT NULL, position INTEGER NOT NULL, "
        "sha256 TEXT NOT NULL, size INTEGER NOT NULL, file_name TEXT NOT NULL, "
        "PRIMARY KEY (revision_id, position)) STRICT"
    ),
    "attachment_chunks": (
        "CREATE TABLE attachment_chunks (sha256 TEXT NOT NULL, seq INTEGER NOT NULL, "
        "data BLOB NOT NULL, PRIMARY KEY (sha256, seq)) STRICT"
    ),
}
SCHEMAS: dict[int, dict[str, str]] = {1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3, 4: SCHEMA_V4}
#: The schema this build writes.
SCHEMA_CURRENT = SCHEMAS[FORMAT_VERSION]


def schema_for(version: int) -> dict[str, str]:
    """The expected schema of a file of ``version`` (older versions are upgraded on read)."""
    return SCHEMAS[version]


UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_uuid = Text(max_len=36, min_len=36, pattern=UUID, fixed_width=True)
_uuid_or_null = Text(max_len=36, min_len=36, pattern=UUID, nullable=True, fixed_width=True)
_bool = Integer(0, 1)
#: Sequence numbers and Lamport counters are 63-bit end to end (DESIGN.md); the merge
#: refuses implausible jumps far below this (``models.merge_authority.COUNTER_CEILING``).
_count = Integer(0, 2**63 - 1)
_timestamp = Text(max_len=40, min_len=10)
_date = Text(max_len=10, min_len=10, pattern=r"\d{4}-\d{2}-\d{2}")

COLUMNS: dict[str, dict[str, ValueCheck]] = {
    "manifest": {"key": Text(max_len=64, min_len=1), "value": Text(max_len=20_000)},
    "installations": {
        "id": _uuid,
        "name": Text(max_len=100),
        "unit_id": _uuid_or_null,
        "unit_name": Text(max_len=200),
        "is_coordinating_office": _bool,
    },
    "progress_revisions": {
        "revision_id": _uuid,
        "report_id": _uuid,
        "parent_revision_id": _uuid_or_null,
        "task_id": _uuid,
        "unit_id": _uuid,
        "author_installation_id": _uuid,
        "author_seq": _count,
        "lamport": _count,
        "authored_at": _timestamp,
        "status": Text(
            max_len=20, choices=frozenset({"not_started", "in_progress", "done", "blocked"})
        ),
        "percent": Integer(0, 100),
        "report_date": _date,
        "work_done": Text(max_len=4000, multiline=True),
        "problems": Text(max_len=4000, multiline=True),
        "next_steps": Text(max_len=4000, multiline=True),
        "reporter": Text(max_len=100),
        "phone": Text(max_len=100),
        "withdrawn": _bool,
        "on_behalf": _bool,
    },
    "plan_changes": {
        "change_id": _uuid,
        "plan_id": _uuid,
        "author_installation_id": _uuid,
        "author_seq": _count,
        "lamport": _count,
        "authored_at": _timestamp,
        "kind": Text(max_len=40, min_len=1, pattern=r"[a-z_]+"),
        "task_id": _uuid_or_null,
        "payload": Text(max_len=20_000, multiline=True),
        "reason": Text(max_len=2000, multiline=True),
    },
    "revision_notes": {"revision_id": _uuid, "reason": Text(max_len=1000, multiline=True)},
    "report_reviews": {
        "review_id": _uuid,
        "report_id": _uuid,
        "revision_id": _uuid,
        "task_id": _uuid,
        "unit_id": _uuid,
        "author_installation_id": _uuid,
        "author_seq": _count,
        "lamport": _count,
        "authored_at": _timestamp,
        "decision": Text(max_len=20, choices=frozenset({"accepted", "returned"})),
        "reason": Text(max_len=1000, multiline=True),
        "reviewer": Text(max_len=100),
    },
    "instructions": {
        "instruction_id": _uuid,
        "plan_id": _uuid,
        "task_id": _uuid,
        "author_installation_id": _uuid,
        "author_seq": _count,
        "lamport": _count,
        "authored_at": _timestamp,
        "text": Text(max_len=4000, min_len=1, multiline=True),
        "leader": Text(max_len=100, min_len=1),
        "instructed_on": _date,
    },
    "signature": {
        "key_id": Text(max_len=16, min_len=16, pattern=r"[0-9a-f]{16}"),
        "public_key": Blob(max_len=32),  # exact lengths: exchange.signature.verify_rows
        "signature": Blob(max_len=64),
        "signed_at": _timestamp,
    },
    "attachments": {
        "revision_id": _uuid,
        "position": Integer(0, HARD_MAX_FILES - 1),
        "sha256": Text(max_len=64, min_len=64, pattern=r"[0-9a-f]{64}"),
        "size": Integer(1, HARD_MAX_FILE_BYTES),
        # Made safe again on reading (domain.attachments.safe_file_name): never a path.
        "file_name": Text(max_len=255, min_len=1),
    },
}

RECORD_TABLES_V1 = ("installations", "progress_revisions", "plan_changes")
#: Format 3's record tables (reviews and instructions by the coordinating office).
RECORD_TABLES_V3 = (*RECORD_TABLES_V1, "revision_notes", "report_reviews", "instructions")
#: The current format's: format 4 adds the attachments each revision lists.
RECORD_TABLES = (*RECORD_TABLES_V3, "attachments")


def record_tables(version: int) -> tuple[str, ...]:
    """The record tables a file of ``version`` has (counted and digested by the manifest)."""
    if version >= 4:
        return RECORD_TABLES
    return RECORD_TABLES_V3 if version >= 3 else RECORD_TABLES_V1


MANIFEST_KEYS = (
    "format_version",
    "app_version",
    "export_id",
    "installation_id",
    "installation_name",
    "unit_id",
    "unit_name",
    "is_coordinating_office",
    "plan_id",
    "plan_fingerprint",
    "plan_title",
    "created_at",
    "scope",
    "counts",
    "records_sha256",
)
