"""Exchange layer: open an untrusted SQLite file into a locked-down, read-only in-memory copy.

Generic: it knows no Duban tables. The caller passes the expected schema, application id and
readable format versions; ``../shared/EXCHANGE.md`` ("How to open one") is the specification.
Every way a file can be bad ends as ``RejectedFile(code, detail)``; nothing in the file runs.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import stat
import struct
import tempfile
import time
import weakref
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from exchange.errors import RejectCode, RejectedFile

#: Default size cap. Exports are small; this only bounds what a hostile file can cost us.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100

Schema = Mapping[str, str]
"""Object name → its ``CREATE TABLE`` / ``CREATE INDEX`` statement (trusted, from our code)."""

# Errors an untrusted file can provoke anywhere in the reading path. Anything else is a bug
# in our code and propagates (the fuzz tests count those as "uncaught").
FILE_ERRORS: tuple[type[BaseException], ...] = (
    sqlite3.Error,
    MemoryError,
    RecursionError,
    ValueError,  # includes UnicodeDecodeError
    OverflowError,
)

_LIMITS = {  # (sqlite3.SQLITE_LIMIT_*, value); LENGTH is set from max_bytes
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    sqlite3.SQLITE_LIMIT_COLUMN: 200,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 5,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 8,
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 100,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 999,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 0,
    sqlite3.SQLITE_LIMIT_WORKER_THREADS: 0,
}
_READ_PRAGMAS = frozenset(
    {"integrity_check", "foreign_key_check", "user_version", "application_id"}
)
_FUNCTIONS = frozenset({"count", "length", "typeof"})
_SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_schema"})
_PROGRESS_EVERY = 1000  # SQLite VM instructions between time-budget checks


@dataclass(frozen=True)
class SqliteHeader:
    """The fields of the 100-byte SQLite header that the pre-check reads."""

    page_size: int
    page_count: int
    user_version: int
    application_id: int


class TimeBudget:
    """A wall-clock deadline polled by SQLite's progress handler."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def restart(self, seconds: float | None = None) -> None:
        if seconds is not None:
            self.seconds = seconds
        self.deadline = time.monotonic() + self.seconds

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline


class UntrustedConnection(sqlite3.Connection):
    """The connection ``open_untrusted`` returns: in memory, ``query_only``, authorizer on.

    Besides the ``sqlite3.Connection`` API it carries facts about the source bytes:
    ``source_sha256`` (hex), ``source_size``, ``user_version``, ``application_id`` and
    ``tables`` (the readable table names). The authorizer lets through only ``SELECT`` of
    those tables' columns (no views, no recursive CTEs), the functions count/length/typeof,
    and ``PRAGMA`` integrity_check/foreign_key_check/user_version/application_id reads;
    anything else raises ``sqlite3.DatabaseError('not authorized')``. Use it in the thread
    that opened it. Close it with ``contextlib.closing``: as with any ``sqlite3.Connection``,
    ``with conn:`` manages a transaction, it does not close.
    """

    source_sha256: str
    source_size: int
    user_version: int
    application_id: int
    tables: frozenset[str]
    budget: TimeBudget
    #: Removes the private copy of a file opened by ``open_untrusted_file``.
    cleanup: Callable[[], None] | None = None

    def restart_budget(self, seconds: float | None = None) -> None:
        """Give the next statements a fresh time budget (``read_rows`` does this per call)."""
        self.budget.restart(seconds)

    def close(self) -> None:
        super().close()
        if self.cleanup is not None:
            self.cleanup()


def read_capped(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a whole regular file once, refusing ``*.partial`` names and anything over the cap."""
    if path.name.lower().endswith(".partial"):
        raise RejectedFile(RejectCode.PARTIAL_FILE, "unfinished copy (*.partial)")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open(): a FIFO would block
            raise RejectedFile(RejectCode.UNREADABLE, "not a regular file")
        with open(path, "rb") as f:
            if os.fstat(f.fileno()).st_size > max_bytes:
                raise RejectedFile(RejectCode.TOO_LARGE, f"over {max_bytes} bytes")
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise RejectedFile(RejectCode.UNREADABLE, f"{type(exc).__name__}: {exc.strerror}") from exc
    except MemoryError as exc:
        raise RejectedFile(RejectCode.RESOURCE_LIMIT, "out of memory reading file") from exc
    if len(data) > max_bytes:
        raise RejectedFile(RejectCode.TOO_LARGE, f"over {max_bytes} bytes")
    return data


def check_header(
    data: bytes,
    *,
    application_id: int,
    supported_user_versions: Collection[int],
    length: int | None = None,
) -> SqliteHeader:
    """Pre-check the 100-byte header before SQLite sees the bytes; raise ``RejectedFile``.

    ``data`` is the whole file, or (for a file read from disk) its first bytes with the
    file's ``length`` given apart."""
    total = len(data) if length is None else length
    if not total:
        raise RejectedFile(RejectCode.EMPTY, "0 bytes")
    if len(data) < HEADER_SIZE:
        looks_sqlite = SQLITE_MAGIC.startswith(data[:16]) or data.startswith(SQLITE_MAGIC)
        code = RejectCode.TRUNCATED if looks_sqlite else RejectCode.NOT_SQLITE
        raise RejectedFile(code, f"only {len(data)} bytes")
    if data[:16] != SQLITE_MAGIC:
        raise RejectedFile(RejectCode.NOT_SQLITE, "no SQLite magic string")
    raw_page_size, write_version, read_version = struct.unpack_from(">HBB", data, 16)
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if not 512 <= page_size <= 65536 or page_size & (page_size - 1):
        raise RejectedFile(RejectCode.BAD_HEADER, f"page size {raw_page_size}")
    if 2 in (write_version, read_version):
        raise RejectedFile(RejectCode.WAL, "WAL-mode file (its -wal part is not in the file)")
    if (write_version, read_version) != (1, 1):
        raise RejectedFile(RejectCode.BAD_HEADER, f"file format {write_version}/{read_version}")
    if data[20:24] != b"\x00\x40\x20\x20":  # reserved bytes per page, payload fractions
        raise RejectedFile(RejectCode.BAD_HEADER, "unusual reserved space or payload fractions")
    change_counter, page_count = struct.unpack_from(">II", data, 24)
    (valid_for,) = struct.unpack_from(">I", data, 92)
    if page_count == 0 or change_counter != valid_for:
        raise RejectedFile(RejectCode.BAD_HEADER, "page count in header is not current")
    if total != page_count * page_size:
        short = total < page_count * page_size
        raise RejectedFile(
            RejectCode.TRUNCATED if short else RejectCode.SIZE_MISMATCH,
            f"{total} bytes, header says {page_count} pages of {page_size}",
        )
    (schema_format,) = struct.unpack_from(">I", data, 44)
    if schema_format != 4:
        raise RejectedFile(RejectCode.BAD_HEADER, f"schema format {schema_format}")
    (file_app_id,) = struct.unpack_from(">I", data, 68)
    if file_app_id != application_id & 0xFFFFFFFF:
        raise RejectedFile(RejectCode.FOREIGN_FILE, f"application_id {file_app_id:#x}")
    (user_version,) = struct.unpack_from(">i", data, 60)
    if user_version not in supported_user_versions:
        newer = not supported_user_versions or user_version > max(supported_user_versions)
        code = RejectCode.NEWER_FORMAT if newer else RejectCode.OLDER_FORMAT_UNSUPPORTED
        raise RejectedFile(code, f"format version {user_version}")
    (encoding,) = struct.unpack_from(">I", data, 56)
    if encoding != 1:
        raise RejectedFile(RejectCode.WRONG_ENCODING, f"text encoding {encoding}, not UTF-8")
    return SqliteHeader(page_size, page_count, user_version, file_app_id)


def open_untrusted(
    path: Path,
    *,
    expected_schema: Schema | Callable[[int], Schema],
    application_id: int,
    supported_user_versions: Collection[int],
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_budget_s: float = 5.0,
) -> UntrustedConnection:
    """Read ``path`` once (size-capped) and return a checked, locked-down in-memory copy.

    ``expected_schema`` maps every table and explicit index name to the statement that creates
    it (or is a function of the file's ``user_version`` returning such a mapping, for reading
    older formats). The file's ``sqlite_master`` must equal what those statements produce
    (automatic indexes included, whitespace-insensitive); views, triggers and anything extra
    are refused. Raises ``RejectedFile``; never anything else for any file content.
    """
    data = read_capped(Path(path), max_bytes)
    return open_untrusted_bytes(
        data,
        expected_schema=expected_schema,
        application_id=application_id,
        supported_user_versions=supported_user_versions,
        max_bytes=max_bytes,
        time_budget_s=time_budget_s,
    )


def open_untrusted_bytes(
    data: bytes,
    *,
    expected_schema: Schema | Callable[[int], Schema],
    application_id: int,
    supported_user_versions: Collection[int],
    max_bytes: int = DEFAULT_MAX_BYTES,
    time_budget_s: float = 5.0,
) -> UntrustedConnection:
    """``open_untrusted`` for bytes already read (e.g. by ``read_capped``)."""
    if len(data) > max_bytes:
        raise RejectedFile(RejectCode.TOO_LARGE, f"over {max_bytes} bytes")
    header = check_header(
        data, application_id=application_id, supported_user_versions=supported_user_versions
    )
    schema = expected_schema(header.user_version) if callable(expected_schema) else expected_schema
    reference = _reference_schema(tuple(sorted(schema.items())))  # our DDL: errors are bugs
    conn = sqlite3.connect(":memory:", isolation_level=None, factory=UntrustedConnection)
    assert isinstance(conn, UntrustedConnection)
    conn.budget = TimeBudget(time_budget_s)
    tables = frozenset(name for kind, name, _, _ in reference if kind == "table")
    schema_readable = [True]  # the checks below read sqlite_master; callers do not need to
    try:
        _lock_down(conn, max_bytes, conn.budget)
        conn.deserialize(data)
        conn.execute("PRAGMA mmap_size=0")
        conn.set_authorizer(_authorizer(tables, schema_readable))
        _check_schema(conn, reference)
        _check_integrity(conn)
        schema_readable[0] = False
    except BaseException as exc:
        conn.close()
        if isinstance(exc, FILE_ERRORS):
            raise as_rejection(exc, conn.budget, RejectCode.CORRUPT) from exc
        raise
    conn.source_sha256 = hashlib.sha256(data).hexdigest()
    conn.source_size = len(data)
    conn.user_version = header.user_version
    conn.application_id = header.application_id
    conn.tables = tables
    conn.restart_budget()
    return conn


#: The private copies' folder names (``open_untrusted_file``).
COPY_PREFIX = "duban-read-"
#: A copy folder older than this belongs to a run that never closed it (killed, or power
#: lost mid-import): it is removed when the next large file is opened.
STALE_COPY_SECONDS = 6 * 3600


def remove_stale_copies(now: float | None = None) -> int:
    """Remove the private copies that runs which never finished left behind (each can be
    as large as the file imported, up to 2 GB); the number removed. A copy still in use
    is safe: an open file outlives its name on POSIX, and Windows refuses to remove it."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(COPY_PREFIX):
            continue
        try:
            if not entry.is_dir(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime < STALE_COPY_SECONDS:
                continue
        except OSError:
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed += not os.path.exists(entry.path)
    return removed


def open_untrusted_file(
    path: Path,
    *,
    expected_schema: Schema | Callable[[int], Schema],
    application_id: int,
    supported_user_versions: Collection[int],
    max_bytes: int,
    max_value_bytes: int = 4 * 1024 * 1024,
    copy: bool = True,
) -> UntrustedConnection:
    """``open_untrusted`` for files too large to hold in memory (exchange files carrying
    attachments, up to ``max_bytes``), with the same defences.

    The file is copied once, size-capped and hashed, into a private temporary folder
    (``copy=False`` only for a file this program just wrote there itself), and SQLite opens
    that copy read-only and immutable: no journal or lock file is ever made beside the
    original, and the bytes checked are the bytes read. SQLite's page cache is bounded
    and memory mapping is off, so memory stays flat whatever the file's size; a value
    longer than ``max_value_bytes`` is refused. The time budget grows with the size.
    Closing the connection removes the copy.
    """
    path = Path(path)
    remove_stale_copies()
    folder = Path(tempfile.mkdtemp(prefix=COPY_PREFIX))

    def finalizer() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    try:
        if copy:
            local, sha, size = copy_capped(path, folder / "copy.sqlite", max_bytes)
        else:
            local = path
            sha, size = _digest_capped(path, max_bytes)
        with open(local, "rb") as f:
            head = f.read(HEADER_SIZE)
    except BaseException:
        finalizer()
        raise
    budget_s = 5.0 + size / (20 * 1024 * 1024)
    try:
        header = check_header(
            head,
            application_id=application_id,
            supported_user_versions=supported_user_versions,
            length=size,
        )
    except BaseException:
        finalizer()
        raise
    schema = expected_schema(header.user_version) if callable(expected_schema) else expected_schema
    reference = _reference_schema(tuple(sorted(schema.items())))
    uri = local.resolve().as_uri() + "?mode=ro&immutable=1"
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, factory=UntrustedConnection, check_same_thread=False
    )
    assert isinstance(conn, UntrustedConnection)
    # Removed on close(), or when the connection is collected (a caller that forgot).
    conn.cleanup = weakref.finalize(conn, shutil.rmtree, str(folder), True)
    conn.budget = TimeBudget(budget_s)
    tables = frozenset(name for kind, name, _, _ in reference if kind == "table")
    schema_readable = [True]
    try:
        _lock_down(conn, max_value_bytes, conn.budget)
        conn.execute("PRAGMA mmap_size=0")
        conn.execute("PRAGMA cache_size=-8192")  # 8 MiB of pages at most
        conn.set_authorizer(_authorizer(tables, schema_readable))
        _check_schema(conn, reference)
        _check_integrity(conn)
        schema_readable[0] = False
    except BaseException as exc:
        conn.close()
        if isinstance(exc, FILE_ERRORS):
            raise as_rejection(exc, conn.budget, RejectCode.CORRUPT) from exc
        raise
    conn.source_sha256 = sha
    conn.source_size = size
    conn.user_version = header.user_version
    conn.application_id = header.application_id
    conn.tables = tables
    conn.restart_budget(5.0)
    return conn


_PIECE = 1 << 20


def copy_capped(path: Path, target: Path, max_bytes: int) -> tuple[Path, str, int]:
    """Copy a regular file to ``target`` piece by piece; refuse ``*.partial`` names and
    anything over the cap. Returns the copy, the SHA-256 (hex) and size of what was read."""
    _check_source(path)
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as src:
            if os.fstat(src.fileno()).st_size > max_bytes:
                raise RejectedFile(RejectCode.TOO_LARGE, f"over {max_bytes} bytes")
            with open(target, "xb") as dst:
                while piece := src.read(_PIECE):
                    size += len(piece)
                    if size > max_bytes:
                        raise RejectedFile(RejectCode.TOO_LARGE, f"over {max_bytes} bytes")
                    digest.update(piece)
                    dst.write(piece)
    except OSError as exc:
        raise RejectedFile(RejectCode.UNREADABLE, f"{type(exc).__name__}: {exc.strerror}") from exc
    return target, digest.hexdigest(), size


def _digest_capped(path: Path, max_bytes: int) -> tuple[str, int]:
    _check_source(path)
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as src:
            while piece := src.read(_PIECE):
                size += len(piece)
                if size > max_bytes:
                    raise RejectedFile(RejectCode.TOO_LARGE, f"over {max_bytes} bytes")
                digest.update(piece)
    except OSError as exc:
        raise RejectedFile(RejectCode.UNREADABLE, f"{type(exc).__name__}: {exc.strerror}") from exc
    return digest.hexdigest(), size


def _check_source(path: Path) -> None:
    if path.name.lower().endswith(".partial"):
        raise RejectedFile(RejectCode.PARTIAL_FILE, "unfinished copy (*.partial)")
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open(): a FIFO would block
            raise RejectedFile(RejectCode.UNREADABLE, "not a regular file")
    except OSError as exc:
        raise RejectedFile(RejectCode.UNREADABLE, f"{type(exc).__name__}: {exc.strerror}") from exc


def normalise_sql(sql: str) -> str:
    """Whitespace-insensitive form of a CREATE statement, for comparing schemas."""
    collapsed = " ".join(sql.split())
    return re.sub(r" ?([(),]) ?", r"\1", collapsed)


def _lock_down(conn: sqlite3.Connection, max_bytes: int, budget: TimeBudget) -> None:
    """Limits, time budget and safety pragmas, set before the file's bytes are loaded."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, max(1, min(max_bytes, 2**31 - 1)))
    for limit, value in _LIMITS.items():
        conn.setlimit(limit, value)
    conn.set_progress_handler(lambda: int(budget.expired()), _PROGRESS_EVERY)
    for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "query_only=ON"):
        conn.execute(f"PRAGMA {pragma}")
    # Invalid UTF-8 must raise, never be replaced: CPython's own decoding (text_factory
    # str, in C) is strict and raises OperationalError("Could not decode to UTF-8 …"),
    # which ``as_rejection`` maps as it would a UnicodeDecodeError. A Python function here
    # would be called for every text value (1.4 million in a 100,000-revision file).
    conn.text_factory = str


def _authorizer(
    tables: frozenset[str], schema_readable: list[bool]
) -> Callable[[int, str | None, str | None, str | None, str | None], int]:
    """Allow plain reads of the expected tables and a few read-only pragmas; deny the rest."""

    def authorize(
        action: int, arg1: str | None, arg2: str | None, db: str | None, inner: str | None
    ) -> int:
        if inner is not None:  # on behalf of a view or trigger: never
            return sqlite3.SQLITE_DENY
        if action == sqlite3.SQLITE_SELECT:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_READ and db in ("main", None):  # None: count(*)
            if arg1 in tables or (schema_readable[0] and arg1 in _SCHEMA_TABLES):
                return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and arg2 is None and (arg1 or "") in _READ_PRAGMAS:
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in _FUNCTIONS:
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    return authorize


SchemaRow = tuple[str, str, str, str | None]  # type, name, tbl_name, normalised sql


def _schema_rows(conn: sqlite3.Connection) -> list[SchemaRow]:
    rows: list[SchemaRow] = []
    for kind, name, tbl_name, sql in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ):
        if not all(isinstance(v, str) for v in (kind, name, tbl_name)) or not (
            sql is None or isinstance(sql, str)
        ):
            raise RejectedFile(RejectCode.SCHEMA_MISMATCH, "non-text entry in sqlite_master")
        rows.append((kind, name, tbl_name, None if sql is None else normalise_sql(sql)))
    return sorted(rows, key=repr)


@lru_cache(maxsize=32)
def _reference_schema(items: tuple[tuple[str, str], ...]) -> tuple[SchemaRow, ...]:
    """What ``sqlite_master`` holds after running the expected statements on an empty file."""
    ref = sqlite3.connect(":memory:")
    try:
        tables_first = sorted(
            items, key=lambda it: not it[1].lstrip().upper().startswith("CREATE TABLE")
        )
        for _, sql in tables_first:
            ref.execute(sql)
        rows = _schema_rows(ref)
    finally:
        ref.close()
    created = {name for kind, name, _, sql in rows if sql and not name.startswith("sqlite_")}
    if created != {name for name, _ in items}:
        raise ValueError(f"expected_schema names {sorted(n for n, _ in items)} != {created}")
    if any(kind not in ("table", "index") for kind, *_ in rows):
        raise ValueError("expected_schema may hold only tables and indexes")
    return tuple(rows)


def _check_schema(conn: sqlite3.Connection, reference: tuple[SchemaRow, ...]) -> None:
    found = _schema_rows(conn)
    if found == list(reference):
        return
    extra = sorted({f"{k} {n}" for k, n, _, _ in found} - {f"{k} {n}" for k, n, _, _ in reference})
    missing = sorted(
        {f"{k} {n}" for k, n, _, _ in reference} - {f"{k} {n}" for k, n, _, _ in found}
    )
    detail = f"extra {extra[:5]!r}, missing {missing[:5]!r}" if extra or missing else "changed SQL"
    raise RejectedFile(RejectCode.SCHEMA_MISMATCH, detail[:300])


def _check_integrity(conn: sqlite3.Connection) -> None:
    result = conn.execute("PRAGMA integrity_check").fetchmany(3)
    if result != [("ok",)]:
        raise RejectedFile(RejectCode.CORRUPT, repr(result)[:300])
    violations = conn.execute("PRAGMA foreign_key_check").fetchmany(3)
    if violations:
        raise RejectedFile(RejectCode.FOREIGN_KEY_VIOLATION, repr(violations)[:300])


#: How CPython's sqlite3 reports invalid UTF-8 in a text value (lower case).
_UNDECODABLE = "could not decode to utf-8"


def as_rejection(
    exc: BaseException, budget: TimeBudget | None, default: RejectCode
) -> RejectedFile:
    """Turn an error provoked by file content into a ``RejectedFile`` with the best code."""
    if isinstance(exc, RejectedFile):
        return exc
    detail = f"{type(exc).__name__}: {exc}"[:300]
    code = default
    if isinstance(exc, MemoryError | RecursionError | OverflowError):
        code = RejectCode.RESOURCE_LIMIT
    elif isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", None) or ""
        message = str(exc).lower()
        if message.startswith(_UNDECODABLE):  # the rest of the message is the file's text
            code = default
        elif name == "SQLITE_INTERRUPT":  # our progress handler stopped it
            code = RejectCode.TIME_BUDGET
        elif name == "SQLITE_AUTH" or "not authorized" in message:
            code = RejectCode.FORBIDDEN
        elif name in ("SQLITE_TOOBIG", "SQLITE_NOMEM", "SQLITE_FULL") or "too " in message:
            code = RejectCode.RESOURCE_LIMIT
        elif default is RejectCode.BAD_VALUE and name not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            code = RejectCode.BAD_VALUE
        else:
            code = RejectCode.CORRUPT
    return RejectedFile(code, detail)
