"""Faults of the disk and of other writers: one clear sentence, data untouched.

A full disk, a read-only file or folder and a database kept busy by another clerk are
told apart from a damaged file (which invites a needless restore), and none of them
shows SQLAlchemy's English text with the SQL and its parameters.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

import models.database
from exchange.service import import_file
from models.errors import StoreError
from models.store import Store
from tests.exchange.offices import export, office, report, trust_each_other

WRITERS = 8
WRITES_EACH = 12


def _write_many(path: str, worker: int, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    failures = []
    try:
        store = Store.open(Path(path), seed_default_plan=False)
        for n in range(WRITES_EACH):
            try:
                report(store, 23, "省公安厅", 50, text=f"{worker}-{n}")
            except Exception as exc:  # every failure is counted, whatever it is
                failures.append(f"{type(exc).__name__}: {exc}"[:200])
        store.close()
    except Exception as exc:
        failures.append(f"open {type(exc).__name__}: {exc}"[:200])
    queue.put(failures)


def test_eight_clerks_writing_at_once_all_succeed(tmp_path: Path) -> None:
    store = office(tmp_path, "shared", "省公安厅")
    store.close()
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [
        ctx.Process(target=_write_many, args=(str(store.path), n, queue)) for n in range(WRITERS)
    ]
    for w in workers:
        w.start()
    failures = [f for _ in workers for f in queue.get(timeout=300)]
    for w in workers:
        w.join(timeout=60)
    assert failures == []
    history = store.progress_history(store.find_task_id(None, 23))
    assert len(history) == WRITERS * WRITES_EACH
    assert len({r.author_seq for r in history}) == WRITERS * WRITES_EACH  # none reused


def test_a_database_busy_past_the_budget_is_said_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = office(tmp_path, "police", "省公安厅")
    store.close()
    monkeypatch.setattr(models.database, "BUSY_TIMEOUT_MS", 300)
    store = Store.open(store.path)
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another clerk's long import
    try:
        with pytest.raises(StoreError) as info:
            report(store, 23, "省公安厅", 30)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert info.value.code == "database_locked"
    assert "占用" in info.value.message_zh and "SQL" not in info.value.message_zh
    report(store, 23, "省公安厅", 30)  # once the other is done, it works


def test_a_full_disk_during_the_merge_changes_nothing_and_says_so(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    for n in range(60):
        report(police, 23, "省公安厅", n, text="推进中" * 300)
    path = export(police, tmp_path / "usb")
    coord.close()
    pages = sqlite3.connect(coord.path).execute("PRAGMA page_count").fetchone()[0]

    @event.listens_for(coord._engine, "connect")  # SQLite's own "database or disk is full"
    def _no_room(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 2}")

    coord.close()
    with pytest.raises(StoreError) as info:
        import_file(coord, path)
    assert info.value.code == "disk_full"
    assert "磁盘空间已满" in info.value.message_zh and "损坏" not in info.value.message_zh
    assert len(info.value.message_zh) < 200
    event.remove(coord._engine, "connect", _no_room)
    coord.close()
    view = coord.plan_view().task_by_number(23)
    assert view is not None and view.current_progress == ()
    assert coord.import_log() == []
