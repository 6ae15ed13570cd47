"""Storage layer: open the database safely (pragmas, version check, backup, migrate).

A SQLite file is handled here; a PostgreSQL server (``models.locations.ServerAddress``) is
handed to ``models.server``, which keeps the same steps in the server's terms.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from models import backup_files
from models.backup_files import BACKUPS_KEPT, backups_dir
from models.errors import STORAGE_CODES, StoreError, storage_error_code
from models.locations import DatabaseLocation, ServerAddress, parse_location

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

    from models.server import ConfirmMigration

#: Every schema revision this build knows, oldest first. A test keeps it equal to the
#: Alembic scripts; checking it with plain sqlite3 keeps Alembic off the start-up path.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010",
)  # fmt: skip
SCHEMA_HEAD = KNOWN_REVISIONS[-1]
#: How long a write waits for another window or process to finish its own (SQLite retries
#: within this budget); past it the clerk is told the database is busy.
BUSY_TIMEOUT_MS = 15_000
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def readonly_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path``; percent-encoded, so '#', '%', '?', spaces and
    Chinese in folder names (C:\\Users\\张 三\\…) reach SQLite intact."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def create_engine_for(location: DatabaseLocation | str) -> Engine:
    """The engine of a SQLite file or of a server database."""
    location = parse_location(location)
    if isinstance(location, ServerAddress):
        from models.server import create_server_engine

        return create_server_engine(location)
    return create_sqlite_engine(location)


def create_sqlite_engine(path: Path) -> Engine:
    # Imported here: the window imports this module (backups) before it is shown, and
    # SQLAlchemy costs 200 ms there; the store imports it on its pool thread.
    from sqlalchemy import URL, create_engine, event

    # URL.create, not an f-string: a URL string would read '%41' or '?' in a path as syntax.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy own transactions (BEGIN IMMEDIATE below): an import is one
        # real transaction and a second window cannot interleave a write.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in (
            # First: switching to WAL takes a lock too, and must wait like everything else.
            f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
            "PRAGMA foreign_keys=ON",
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=FULL",
            "PRAGMA trusted_schema=OFF",
        ):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: object) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # type: ignore[attr-defined]

    return engine


def schema_revision(path: Path) -> str | None:
    """The file's Alembic revision, None for a new/empty file. Raises StoreError if unreadable."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise StoreError("not_a_database", str(path))
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if not has_table:
                other = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if other:
                    raise StoreError("not_a_duban_database", str(path))
                return None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        # A full disk or a read-only folder is not a damaged file: say what it is.
        code = storage_error_code(exc, path)
        if code in STORAGE_CODES:
            raise StoreError(code, str(path)) from None
        raise StoreError("not_a_database", f"{path}: {exc}") from None


def prepare_database(
    path: DatabaseLocation, confirm_migration: ConfirmMigration | None = None
) -> None:
    """Create or upgrade the database to SCHEMA_HEAD; refuse one written by a newer Duban.

    ``confirm_migration`` is asked before a server's schema is upgraded (a file is backed
    up and upgraded without asking: it belongs to this PC alone)."""
    if isinstance(path, ServerAddress):
        from models.server import prepare_server_database

        prepare_server_database(path, KNOWN_REVISIONS, migrate_connection, confirm_migration)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    current = schema_revision(path)
    if current == SCHEMA_HEAD:
        return
    if current is not None and current not in KNOWN_REVISIONS:
        raise StoreError("database_too_new", str(path))
    if current is not None:
        backup_database(path, reason="before-migration")
    _run_migrations(path)


def _run_migrations(path: Path) -> None:
    engine = create_sqlite_engine(path)
    try:
        with engine.begin() as connection:
            migrate_connection(connection)
    finally:
        engine.dispose()


def migrate_connection(connection: Connection, target: str = "head") -> None:
    """Alembic's upgrade to ``target`` inside the caller's transaction (either engine)."""
    from alembic import command  # heavy: imported only when a migration is due
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, target)


def backup_database(path: DatabaseLocation, *, reason: str) -> Path | None:
    """A checked copy kept by creation number (``models.backup_files``).

    None for a server database: its copies are the server's own (pg_dump schedule, see
    README), and a migration takes a pg_dump itself (``models.server``)."""
    if isinstance(path, ServerAddress):
        return None
    return backup_files.backup_database(path, reason=reason)


def list_backups(path: DatabaseLocation) -> list[Path]:
    if isinstance(path, ServerAddress):
        return []
    return backup_files.list_backups(path)


__all__ = ["BACKUPS_KEPT", "backup_database", "backups_dir", "list_backups"]
