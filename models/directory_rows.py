"""Storage layer: the 单位名录 log (``unit_directory``) read and appended."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.unit_directory import DirectoryEntry, UnitDirectory, fold
from domain.unit_fold import Aliases
from models.orm import UnitDirectoryRow

_FIELDS = [f.name for f in dataclasses.fields(DirectoryEntry)]


def directory_entries(session: Session) -> list[DirectoryEntry]:
    rows = session.scalars(select(UnitDirectoryRow))
    return [DirectoryEntry(**{name: getattr(r, name) for name in _FIELDS}) for r in rows]


def unit_directory(session: Session) -> UnitDirectory:
    return fold(directory_entries(session))


def directory_aliases(session: Session) -> Aliases:
    """Unit id → (canonical id, canonical name) of every aliased name; {} without entries."""
    return unit_directory(session).id_map()


def save_entry(session: Session, entry: DirectoryEntry) -> bool:
    """Append an entry (idempotent by id: ids derive from content). True when new."""
    if session.get(UnitDirectoryRow, entry.entry_id) is not None:
        return False
    session.add(UnitDirectoryRow(**dataclasses.asdict(entry)))
    return True
