"""Storage layer: making the automatic backup copies (``<db>.backups/``), kept by creation order.

Office PC clocks are wrong (a dead CMOS battery says 2001; a clock corrected after running
fast goes back by hours), so a copy's place among the kept ones never comes from a time:
each name carries a number one above the highest in the folder
(``duban-20261126-153000-123456-n000007-before-import.sqlite``), and the newest
``BACKUPS_KEPT`` by that number are kept. The copy is written under a ``.partial`` name,
opened to check it, and only then renamed, so a failed copy (a full disk) never leaves a
file that counts as a backup, and the copy just made is never the one pruned.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from models.errors import StoreError, storage_error_code

BACKUPS_KEPT = 5
#: The time written into a backup's name (for people only); tests set it back to 2001.
clock: Callable[[], dt.datetime] = dt.datetime.now

#: Time stamp, the creation number (absent in names written before numbers), the reason.
BACKUP_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})(?:-n(\d+))?-([a-z-]+)\.sqlite$")


def backups_dir(path: Path) -> Path:
    return path.with_name(path.name + ".backups")


def creation_number(path: Path) -> int:
    """The copy's number (0 for an older name without one: older than any numbered copy)."""
    match = BACKUP_NAME.search(path.name)
    return int(match.group(2)) if match and match.group(2) else 0


def _order(path: Path) -> tuple[int, str]:
    match = BACKUP_NAME.search(path.name)
    return (creation_number(path), match.group(1) if match else "")


def _candidates(path: Path) -> list[Path]:
    folder = backups_dir(path)
    if not folder.exists():
        return []
    return [p for p in folder.glob(f"{path.stem}-*.sqlite") if BACKUP_NAME.search(p.name)]


def list_backups(path: Path) -> list[Path]:
    """The usable backups of ``path``, newest (highest number) first; empty leftovers of a
    failed copy are not backups."""
    found = [p for p in _candidates(path) if _size(p) > 0]
    return sorted(found, key=_order, reverse=True)


def backup_database(path: Path, *, reason: str) -> Path | None:
    """A consistent copy made with SQLite's online backup, checked to open, then kept with
    the newest BACKUPS_KEPT. Raises StoreError (``disk_full``, ``read_only``,
    ``database_locked``, ``io_error``) when no good copy could be made; nothing is left
    behind then, and no kept copy is touched."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    folder = backups_dir(path)
    everything = _candidates(path)
    number = 1 + max((creation_number(p) for p in everything), default=0)
    stamp = clock().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{path.stem}-{stamp}-n{number:06d}-{reason}.sqlite"
    partial = target.with_name(target.name + ".partial")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(str(path))
        try:
            dest = sqlite3.connect(str(partial))
            try:
                source.backup(dest)
                # A copy is one self-contained file: no -wal/-shm beside it when opened.
                dest.execute("PRAGMA journal_mode=DELETE").fetchone()
            finally:
                dest.close()
        finally:
            source.close()
        _check_opens(partial)
        os.replace(partial, target)
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(storage_error_code(exc), f"{folder}: {exc}") from None
    _prune(path, keep=target)
    return target


def _check_opens(copy: Path) -> None:
    conn = sqlite3.connect(copy.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    if _size(copy) == 0:
        raise sqlite3.DatabaseError("the copy is empty")


def _prune(path: Path, *, keep: Path) -> None:
    """Keep the newest BACKUPS_KEPT by creation number (never ``keep``, the copy just
    made); empty leftovers of older failed copies go too."""
    usable = list_backups(path)
    doomed = [p for p in usable[BACKUPS_KEPT:] if p != keep]
    doomed += [p for p in _candidates(path) if _size(p) == 0 and p != keep]
    for old in doomed:
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # a copy that cannot be removed now is pruned next time


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
