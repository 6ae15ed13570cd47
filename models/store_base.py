"""Storage layer: what every part of the ``Store`` shares (engine, sessions, look-ups)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from domain.records import Installation
from models.database import create_engine_for
from models.directory_rows import directory_aliases
from models.errors import STORAGE_CODES, StoreError, storage_error_code
from models.locations import DatabaseLocation, ServerAddress, parse_location
from models.orm import InstallationRow, PlanRow, UnitRow


def utc_now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class StoreBase:
    """Engine and session factory of one database (a file, or a database on a server).
    Sessions never cross threads."""

    def __init__(self, path: DatabaseLocation | str) -> None:
        self._path = parse_location(path)
        self._engine = create_engine_for(self._path)
        self._sessions = GuardedSessions(
            sessionmaker(self._engine, expire_on_commit=False), self._path
        )

    @property
    def path(self) -> DatabaseLocation:
        """The file's path, or the server's address: pass it to ``Store(...)`` on another
        thread to open the same data."""
        return self._path

    @property
    def on_server(self) -> bool:
        return isinstance(self._path, ServerAddress)

    def close(self) -> None:
        self._engine.dispose()


class GuardedSessions:
    """``sessionmaker`` whose transactions turn a full disk, a read-only file or folder and
    a database busy past the wait budget into a ``StoreError`` with that code (one clear
    sentence for the clerk) instead of SQLAlchemy's English text with the SQL and its
    parameters. The transaction is rolled back first, as always: nothing is half written."""

    def __init__(self, factory: sessionmaker[Session], path: DatabaseLocation) -> None:
        self._factory = factory
        self._path = path

    def __call__(self) -> Session:
        return self._factory()

    @contextmanager
    def begin(self) -> Iterator[Session]:
        try:
            with self._factory.begin() as session:
                yield session
        except OperationalError as exc:
            # SQLite only: a server's conflicts are retried by ``retry_on_conflict``.
            if not isinstance(exc.orig, sqlite3.Error) or not isinstance(self._path, Path):
                raise
            code = storage_error_code(exc.orig, self._path)
            if code not in STORAGE_CODES:
                raise
            raise StoreError(code, str(self._path)) from None


def installation_row(s: Session, *, lock: bool = True) -> InstallationRow:
    """This installation's row, locked until the transaction ends (``FOR UPDATE`` on a
    server; a SQLite write transaction holds the whole file already). Several clerks share
    the office's installation on a server: its sequence and Lamport counters are read and
    incremented under this lock, so no number is handed out twice or skipped.

    ``lock=False`` for reads that only show the row: they must not wait for (or hold up)
    another desk's import, which keeps the row locked while it merges."""
    query = select(InstallationRow)
    row = s.scalars(query.with_for_update() if lock else query).first()
    assert row is not None, "Store.open creates the installation row"
    return row


def installation_record(s: Session, row: InstallationRow) -> Installation:
    unit = s.get(UnitRow, row.unit_id) if row.unit_id else None
    home_id, home_name = (None, None)
    if row.unit_id:
        home_id, home_name = directory_aliases(s).get(
            row.unit_id, (row.unit_id, unit.name if unit else None)
        )
    return Installation(
        id=row.id,
        name=row.name,
        unit_id=row.unit_id,
        unit_name=unit.name if unit else None,
        is_coordinating_office=row.is_coordinating_office,
        lamport=row.lamport,
        next_seq=row.next_seq,
        home_unit_id=home_id,
        home_unit_name=home_name,
    )


def unit_name_of(s: Session, unit_id: str) -> str:
    unit = s.get(UnitRow, unit_id)
    return unit.name if unit else unit_id


def plan_row(s: Session, plan_id: str | None) -> PlanRow:
    if plan_id is None:
        row = s.scalars(select(PlanRow).order_by(PlanRow.position)).first()
    else:
        row = (
            s.get(PlanRow, plan_id)
            or s.scalars(select(PlanRow).where(PlanRow.id.startswith(plan_id))).first()
        )
    if row is None:
        raise StoreError("unknown_plan", plan_id or "（数据库中没有方案）")
    return row


def unit_by_name(s: Session, name: str) -> UnitRow:
    wanted = "".join(name.split())
    row = s.scalar(select(UnitRow).where(UnitRow.name == wanted))
    if row is None and wanted and not wanted.startswith("省"):
        row = s.scalar(select(UnitRow).where(UnitRow.name == "省" + wanted))
    if row is None:
        raise StoreError("unknown_unit", name)
    return row
