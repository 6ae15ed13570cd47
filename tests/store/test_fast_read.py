"""The start-up reader (plain sqlite3) and the Store read the same plans, or it reads none."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench.datagen import plan_text
from domain.enums import Role
from domain.plan_json import plan_json
from domain.schedule import Deadline
from models.database import SCHEMA_HEAD
from models.fast_read import FirstFillReader, read_first_fill
from models.store import Store
from plan_parser import parse_plan_text
from tests.exchange.offices import office, report

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


def test_both_readers_give_the_same_plans(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    first = report(coord, 23, "省公安厅", 40)
    report(coord, 23, "省公安厅", 60, parent=first)  # an edit: only the latest is current
    report(coord, 25, "哈尔滨海关", 100)
    t23 = coord.find_task_id(None, 23)
    coord.set_deadline(Deadline(date=dt.date(2026, 6, 30)), task_id=t23, reason="省政府要求")
    coord.edit_task(t23, text="加大打击力度（修订）。", reason="文字调整")
    section = coord.plan_view().sections[1]
    coord.add_task(
        section_id=section.id,
        subsection_id=section.subsections[0].id,
        number=61,
        text="新增任务：开展专项督查。",
        units=[("省公安厅", Role.LEAD, "牵头")],
        reason="领导小组会议决定",
    )
    report(coord, 61, "省公安厅", 10)
    coord.close_task(coord.find_task_id(None, 24), reason="已办结")
    coord.set_warning_days(12)
    expected = [plan_json(p, with_progress=True) for p in coord.plan_views()]
    path = coord.path
    coord.close()

    fill = read_first_fill(path)
    assert fill is not None and fill.warning_days == 12
    assert [plan_json(p, with_progress=True) for p in fill.plans] == expected
    added = fill.plans[0].task_by_number(61)
    assert added is not None and [p.percent for p in added.current_progress] == [10]


def test_it_reads_only_a_current_file(tmp_path: Path) -> None:
    assert read_first_fill(tmp_path / "missing.sqlite") is None
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert read_first_fill(empty) is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database at all" * 10)
    assert read_first_fill(junk) is None
    store = office(tmp_path, "old", None)
    path = store.path
    store.close()
    with sqlite3.connect(path) as conn:  # as if written by an older Duban
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert read_first_fill(path) is None
    with sqlite3.connect(path) as conn:  # current, but Store.open never finished
        conn.execute("UPDATE alembic_version SET version_num = ?", (SCHEMA_HEAD,))
        conn.execute("DELETE FROM installation")
    assert read_first_fill(path) is None


def test_it_does_not_import_sqlalchemy() -> None:
    code = (
        "import sys, models.fast_read; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def _store_with_three_plans(path: Path) -> list[dict[str, object]]:
    """The embedded plan and two synthetic ones; the plans as the Store reads them."""
    with Store.open(path) as store:
        store.set_office(None, coordinating_office=True)
        store.import_plan(parse_plan_text(plan_text(1, tasks=8, units=5)))
        store.import_plan(parse_plan_text(plan_text(2, tasks=8, units=5)))
        report(store, 23, "省公安厅", 40)
        return [plan_json(p, with_progress=True) for p in store.plan_views()]


def test_the_first_screen_then_the_rest_come_from_one_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "three.sqlite"
    expected = _store_with_three_plans(path)
    reader = FirstFillReader.open(path)
    assert reader is not None
    first = reader.read_first(screen_tasks=1)
    assert first is not None and not first.complete and len(first.plans) == 1
    # A plan renamed between the two reads is not renamed in the rest: one snapshot.
    with Store.open(path) as other:
        last = other.plan_views()[-1]
        other.rename_plan(last.id, "改过的名称", reason="更正")
    rest = reader.read_rest()
    assert rest[-1].title == last.title
    assert [plan_json(p, with_progress=True) for p in [*first.plans, *rest]] == expected
    assert not reader.unchanged()  # that report came after the snapshot
    reader.close()


def test_unchanged_until_something_is_committed(tmp_path: Path) -> None:
    path = tmp_path / "three.sqlite"
    _store_with_three_plans(path)
    reader = FirstFillReader.open(path)
    assert reader is not None
    fill = reader.read_first(screen_tasks=None)
    assert fill is not None and fill.complete and len(fill.plans) == 3
    with Store.open(path) as store:  # opening and reading writes nothing
        store.plan_views()
        store.installation()
        assert reader.unchanged()
        report(store, 23, "省公安厅", 60)
        assert not reader.unchanged()
    reader.close()


def test_a_reader_that_did_not_read_every_plan_is_never_current(tmp_path: Path) -> None:
    path = tmp_path / "three.sqlite"
    _store_with_three_plans(path)
    reader = FirstFillReader.open(path)
    assert reader is not None
    first = reader.read_first(screen_tasks=1)
    assert first is not None and not first.complete
    assert not reader.unchanged()  # the rest was never read: the store must read it
    reader.close()
