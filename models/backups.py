"""Storage layer: the automatic database backups (``<db>.backups/``): list and restore.

Backups are made by ``models.database.backup_database`` before every migration and
import (the newest ``BACKUPS_KEPT`` are kept). Restoring one:

1. checks it is a Duban database at a schema revision this build knows (and not damaged);
2. stages a copy in a temporary folder (so the pruning in step 3 can never delete the
   file being restored, even when it is the oldest one);
3. backs up the current database (``before-restore``);
4. copies the staged copy over the database with SQLite's online backup API (a copy made
   through SQLite's own locking, safe while the window holds its engine);
5. brings the restored file up to the current schema (migrating an older backup).

Errors are ``BackupError`` codes; the command line and the window word them.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from models.database import (
    KNOWN_REVISIONS,
    backup_database,
    backups_dir,
    list_backups,
    prepare_database,
    readonly_uri,
    schema_revision,
)
from models.errors import StoreError

#: ``duban-20261126-153000-123456-before-import.sqlite``: stem, time stamp, reason.
_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z-]+)\.sqlite$")
REASON_BEFORE_RESTORE = "before-restore"
#: Tables every schema revision has had since 0001: a file without them is not Duban's.
CORE_TABLES = frozenset({"installation", "plans", "progress_revisions"})


class BackupError(Exception):
    """A backup cannot be restored; nothing was changed. ``code`` says why."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup copy: when it was made, why (``before-migration`` …), and its size."""

    path: Path
    made_at: dt.datetime | None
    reason: str
    size: int


def backup_info(path: Path) -> BackupInfo:
    match = _NAME.search(path.name)
    made_at = None
    reason = ""
    if match:
        made_at = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
        reason = match.group(2)
    return BackupInfo(path, made_at, reason, path.stat().st_size)


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
        verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise BackupError("damaged", f"{path}: {exc}") from None
    finally:
        conn.close()
    if verdict != "ok":
        raise BackupError("damaged", f"{path}: {verdict}")
    if not CORE_TABLES <= tables:
        raise BackupError("not_a_duban_database", str(path))
    return revision


def restore_backup(db_path: Path, backup: Path) -> Path | None:
    """Replace ``db_path``'s content with ``backup`` (see the module docstring).

    Returns the backup made of the database as it was (None if there was none). Callers
    holding a ``Store`` on ``db_path`` should ``close()`` it first (its engine reconnects
    on the next use) and reload what they show afterwards.
    """
    db_path, backup = Path(db_path), Path(backup)
    check_backup(backup)
    if db_path.exists() and backup.resolve() == db_path.resolve():
        raise BackupError("same_file", str(backup))
    with tempfile.TemporaryDirectory(prefix="duban-restore-") as tmp:
        staged = Path(tmp) / "staged.sqlite"
        _sqlite_copy(backup, staged)
        saved = backup_database(db_path, reason=REASON_BEFORE_RESTORE)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(staged, db_path)
    prepare_database(db_path)
    return saved


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
    "backups_dir",
    "check_backup",
    "restore_backup",
]
