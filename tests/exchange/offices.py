"""Helpers that play several offices, each with its own real database and USB folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from domain.enums import ProgressStatus
from domain.exchange_records import ExportScope, Sender
from domain.plan_json import plan_json
from domain.records import ProgressInput, ProgressRevision
from exchange.reader import read_exchange_file
from exchange.service import export_to, import_file
from models.database import create_engine_for
from models.locations import DatabaseLocation
from models.store import Store
from signing.keys import fingerprint_of

#: Where a coordinating office keeps its data: None for a file of its own (the default);
#: the ``office_engine`` fixture points it at a new server database for each office.
coordinating_office_database: Callable[[], DatabaseLocation] | None = None


def office(tmp: Path, name: str, unit: str | None) -> Store:
    """A PC with its own database; the coordinating office's on the server when the test
    runs on PostgreSQL (units' PCs are always offline SQLite files)."""
    location: DatabaseLocation = tmp / f"{name}.sqlite"
    if unit is None and coordinating_office_database is not None:
        location = coordinating_office_database()
    store = Store.open(location)
    if unit is None:
        store.set_office(None, coordinating_office=True)
    else:
        store.set_office(unit)
    return store


def sender(store: Store) -> Sender:
    """The installation as its exports name it."""
    inst = store.installation()
    return Sender(
        inst.id, inst.name, inst.unit_id, inst.unit_name or "", inst.is_coordinating_office
    )


def trust_each_other(*stores: Store) -> None:
    """Every office confirms every other office's key, as clerks do with the registration
    cards (keys --trust); call it once the offices have their units set."""
    keys = [(store, sender(store), store.own_key()) for store in stores]
    for store in stores:
        for other, who, key in keys:
            if other is not store:
                store.trust_key(who, key.public_key, key.fingerprint)


def trust_senders(store: Store, *paths: Path) -> None:
    """keys --trust for each file's signing key, with the fingerprint its card would show."""
    own = store.installation().id
    for path in paths:
        bundle = read_exchange_file(path).bundle
        signature = bundle.signature
        assert signature is not None, path
        if bundle.manifest.sender.installation_id != own:
            store.trust_key(
                bundle.manifest.sender, signature.public_key, fingerprint_of(signature.public_key)
            )


def report(
    store: Store,
    task: int,
    unit: str,
    percent: int,
    parent: ProgressRevision | None = None,
    text: str = "工作推进中",
) -> ProgressRevision:
    return store.record_progress(
        ProgressInput(
            task_id=store.find_task_id(None, task),
            unit_id=store.find_unit_id(unit),
            status=ProgressStatus.DONE if percent == 100 else ProgressStatus.IN_PROGRESS,
            percent=percent,
            report_date=dt.date(2026, 3, 1) + dt.timedelta(days=percent),
            work_done=text,
            reporter="张三",
            parent_revision_id=parent.revision_id if parent else None,
            reason="更正数字" if parent else "",
        )
    )


def export(store: Store, folder: Path, scope: ExportScope = ExportScope.UNIT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return export_to(store, folder, scope)


def import_all(store: Store, *paths: Path) -> None:
    for path in paths:
        outcome = import_file(store, path)
        assert outcome.rejected_code is None, outcome


def query(location: DatabaseLocation, sql: str) -> list[list[object]]:
    """Rows of one SQL query on a file or a server database, values written out alike."""
    engine = create_engine_for(location)
    try:
        with engine.connect() as conn:
            return _plain(conn.execute(text(sql)))
    finally:
        engine.dispose()


def database_digest(location: DatabaseLocation) -> str:
    """SHA-256 over every row of every Duban table, in key order: "left untouched" on
    either engine (a file's bytes would not do for a server)."""
    from models.orm import Base

    digest = hashlib.sha256()
    for table in Base.metadata.sorted_tables:
        keys = ", ".join(c.name for c in table.primary_key.columns)
        rows = query(location, f"SELECT * FROM {table.name} ORDER BY {keys}")  # noqa: S608
        digest.update(json.dumps([table.name, rows], ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


def state(store: Store) -> str:
    """Everything that must agree across PCs: the plan as shown, every revision, anomalies.
    Values are read through SQL on either engine and written out alike (booleans as 0/1,
    dates as ISO text), so a server database compares equal to a file."""
    plans = [plan_json(v, with_progress=True) for v in store.plan_views()]
    revisions = query(
        store.path,
        "SELECT revision_id, report_id, parent_revision_id, task_id, unit_id, "
        "author_installation_id, author_seq, lamport, status, percent, report_date, "
        "work_done, withdrawn, on_behalf FROM progress_revisions ORDER BY revision_id",
    )
    anomalies = query(
        store.path, "SELECT kind, record_id, content_sha256 FROM anomalies ORDER BY 1, 2, 3"
    )
    changes = query(store.path, "SELECT change_id FROM plan_changes ORDER BY 1")
    return json.dumps([plans, revisions, anomalies, changes], ensure_ascii=False, sort_keys=True)


def _plain(rows: object) -> list[list[object]]:
    def value(v: object) -> object:
        if isinstance(v, bool):
            return int(v)
        if isinstance(v, dt.date):
            return v.isoformat()
        return v

    return [[value(v) for v in row] for row in rows]  # type: ignore[attr-defined]
