"""Storage layer: the automatic database backups (``<db>.backups/``): list and restore.

Backups are made by ``models.backup_files.backup_database`` before every migration and
import (the newest ``BACKUPS_KEPT`` by creation number are kept). A backup is restored
only after the same scrutiny an exchange file gets, because a file handed over on a stick
can be anything:

1. it must be a Duban database at a schema revision this build knows, pass SQLite's full
   ``integrity_check``, hold no trigger or view, have exactly the tables, columns and
   indexes the migrations make at its revision, and exactly one installation row;
2. a database of another PC (another installation id) is refused unless the clerk says
   so on purpose (``allow_other_installation``): this PC would take over that PC's
   installation id, unit and key registry;
3. a copy is staged in a temporary folder (so the pruning in step 4 can never delete the
   file being restored, even when it is the oldest one);
4. the current database is backed up (``before-restore``); that copy must exist and open;
5. the staged copy replaces the database through SQLite's online backup API (safe while
   the window holds its engine), and is brought up to the current schema.

Errors are ``BackupError`` codes; the command line and the window word them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from models.backup_files import BACKUP_NAME, creation_number
from models.database import (
    KNOWN_REVISIONS,
    MIGRATIONS_DIR,
    backup_database,
    backups_dir,
    create_sqlite_engine,
    list_backups,
    prepare_database,
    readonly_uri,
    schema_revision,
)
from models.errors import StoreError

REASON_BEFORE_RESTORE = "before-restore"


class BackupError(Exception):
    """A backup cannot be restored; nothing was changed. ``code`` says why."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup copy: when it was made (by this PC's clock), why, its size and number."""

    path: Path
    made_at: dt.datetime | None
    reason: str
    size: int
    #: Creation order (the clock in the name can be wrong); 0 for older unnumbered copies.
    number: int = 0


def backup_info(path: Path) -> BackupInfo:
    match = BACKUP_NAME.search(path.name)
    made_at = None
    reason = ""
    if match:
        made_at = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
        reason = match.group(3)
    return BackupInfo(path, made_at, reason, path.stat().st_size, creation_number(path))


def backups(db_path: Path) -> list[BackupInfo]:
    """The backups of ``db_path``, newest first."""
    return [backup_info(p) for p in list_backups(Path(db_path))]


def check_backup(path: Path) -> str:
    """The backup's schema revision, if it can be restored; raises BackupError otherwise."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("missing", str(path))
    try:
        revision = schema_revision(path)
    except StoreError as exc:
        raise BackupError(exc.code, str(path)) from None
    if revision is None:
        raise BackupError("not_a_duban_database", str(path))
    if revision not in KNOWN_REVISIONS:
        raise BackupError("database_too_new", f"{path}（{revision}）")
    conn = sqlite3.connect(readonly_uri(path), uri=True)
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        verdict = conn.execute("PRAGMA integrity_check(1)").fetchone()[0]
        if verdict != "ok":
            raise BackupError("damaged", f"{path}: {verdict}")
        found = structure(conn)
        installations = conn.execute("SELECT count(*) FROM installation").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        code = "not_a_duban_database" if "no such" in str(exc) else "damaged"
        raise BackupError(code, f"{path}: {exc}") from None
    finally:
        conn.close()
    if found != reference_structure(revision):
        raise BackupError("not_a_duban_database", f"{path}: {_difference(found, revision)}")
    if installations != 1:
        raise BackupError("not_a_duban_database", f"{path}: {installations} installation rows")
    return revision


def backup_owner(path: Path) -> tuple[str, str] | None:
    """(installation id, "unit（PC name）") of a Duban database, None if it has none yet."""
    if not Path(path).exists():
        return None
    try:
        conn = sqlite3.connect(readonly_uri(Path(path)), uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute(
            "SELECT i.id, i.name, i.is_coordinating_office, u.name FROM installation i "
            "LEFT JOIN units u ON u.id = i.unit_id"
        ).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    if row is None:
        return None
    inst_id, name, office, unit = row
    label = "协调办公室" if office else (unit or "未设置单位")
    return str(inst_id), f"{label}（{name}）"


def restore_backup(
    db_path: Path, backup: Path, *, allow_other_installation: bool = False
) -> Path | None:
    """Replace ``db_path``'s content with ``backup`` (see the module docstring).

    Returns the backup made of the database as it was (None if there was none). Callers
    holding a ``Store`` on ``db_path`` should ``close()`` it first (its engine reconnects
    on the next use) and reload what they show afterwards. Raises BackupError, including
    ``other_installation`` (detail: the backup's unit and PC) unless allowed.
    """
    db_path, backup = Path(db_path), Path(backup)
    check_backup(backup)
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError("same_file", str(backup))
    theirs, ours = backup_owner(backup), backup_owner(db_path)
    if theirs and ours and theirs[0] != ours[0] and not allow_other_installation:
        raise BackupError("other_installation", theirs[1])
    with tempfile.TemporaryDirectory(prefix="duban-restore-") as tmp:
        staged = Path(tmp) / "staged.sqlite"
        _sqlite_copy(backup, staged)
        try:
            saved = backup_database(db_path, reason=REASON_BEFORE_RESTORE)
        except StoreError as exc:  # no copy of the current data: nothing is replaced
            raise BackupError(exc.code, exc.detail) from None
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(staged, db_path)
    prepare_database(db_path)
    return saved


Structure = frozenset[tuple[str, ...]]


def structure(conn: sqlite3.Connection) -> Structure:
    """Every schema object with its columns and indexed columns; views and triggers show
    up as themselves, so a planted one is a difference like any other."""
    items: set[tuple[str, ...]] = set()
    objects = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for kind, name, table in objects:
        items.add((kind, name, table))
        if kind == "table":
            for col in conn.execute(f'PRAGMA table_xinfo("{name}")'):
                items.add(("column", name, *(str(v) for v in col[1:])))
        elif kind == "index":
            columns = ",".join(str(c[2]) for c in conn.execute(f'PRAGMA index_info("{name}")'))
            items.add(("index_columns", name, columns))
    return frozenset(items)


@cache
def reference_structure(revision: str) -> Structure:
    """The structure the migrations build at ``revision`` (made once per process)."""
    from alembic import command
    from alembic.config import Config

    with tempfile.TemporaryDirectory(prefix="duban-schema-") as tmp:
        path = Path(tmp) / "reference.sqlite"
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        engine = create_sqlite_engine(path)
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            engine.dispose()
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            return structure(conn)
        finally:
            conn.close()


def _difference(found: Structure, revision: str) -> str:
    expected = reference_structure(revision)
    extra = sorted(" ".join(x) for x in found - expected)[:3]
    missing = sorted(" ".join(x) for x in expected - found)[:3]
    return f"unexpected {extra}, missing {missing}"[:300]


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(readonly_uri(source), uri=True)
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
    finally:
        dest.close()
        src.close()


__all__ = [
    "BackupError",
    "BackupInfo",
    "backup_info",
    "backups",
    "list_backups",
    "backup_owner",
    "backups_dir",
    "check_backup",
    "restore_backup",
]
