"""单位名录: the office declares 省发改委 another name of 省发展改革委; the declaration travels
in its exports, the unit's PC sees and reports on the tasks of both names, its reports are
accepted and counted for the canonical unit, an undo restores separate counting with
nothing lost, and any other unit's report stays refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import uuid
from pathlib import Path

import pytest

from domain.enums import ProgressStatus
from domain.exchange_records import ExportScope, RecordProblem
from domain.records import ProgressInput
from domain.status_lights import plan_lights
from domain.unit_directory import DirectoryEntry
from exchange.service import export_to, import_file
from models.errors import StoreError
from models.fast_read import read_first_fill
from models.store import Store
from plan_parser import parse_plan_text
from supervision.figures import plan_figures
from tests.exchange.offices import import_all, office, trust_each_other

SHORT, LONG = "省发改委", "省发展改革委"
FINANCE = "省财政厅"
#: A second plan naming the unit the long way (the embedded plan writes 省发改委).
PLAN2 = """某省优化营商环境重点任务分工方案
一、重点任务
1.推进项目审批改革。（省发展改革委牵头，省财政厅配合）
2.清理涉企收费。（省财政厅、省发展改革委负责）
3.推进政务服务一网通办。（省政务服务局负责）
"""


def _plan2(store: Store) -> str:
    return next(v.id for v in store.plan_views() if v.title.startswith("某省优化"))


def _task(store: Store, plan_id: str, number: int):  # type: ignore[no-untyped-def]
    task = next(v for v in store.plan_views() if v.id == plan_id).task_by_number(number)
    assert task is not None
    return task


def _report(store: Store, plan_id: str, number: int, unit: str, percent: int):  # type: ignore[no-untyped-def]
    return store.record_progress(
        ProgressInput(
            task_id=store.find_task_id(plan_id, number),
            unit_id=store.find_unit_id(unit),
            status=ProgressStatus.DONE if percent == 100 else ProgressStatus.IN_PROGRESS,
            percent=percent,
            report_date=dt.date(2026, 3, 10),
            work_done="已完成审批事项清理",
            reporter="王五",
        )
    )


def _units_of(store: Store, plan_id: str, number: int) -> list[tuple[str, str]]:
    return [(a.unit_name, a.role.value) for a in _task(store, plan_id, number).assignments]


@pytest.fixture
def offices(tmp_path: Path):  # type: ignore[no-untyped-def]
    coord = office(tmp_path, "coord", None)
    coord.import_plan(parse_plan_text(PLAN2))
    fgw = office(tmp_path, "fgw", SHORT)  # a unit of the embedded plan, by its short name
    fgw.import_plan(parse_plan_text(PLAN2))
    finance = office(tmp_path, "finance", FINANCE)
    finance.import_plan(parse_plan_text(PLAN2))
    trust_each_other(coord, fgw, finance)
    yield coord, fgw, finance
    for store in (coord, fgw, finance):
        store.close()


@pytest.mark.usefixtures("office_engine")  # the office on SQLite and PostgreSQL
def test_alias_travels_and_the_unit_reports_for_the_canonical_unit(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    coord, fgw, _ = offices
    plan2 = _plan2(coord)
    with pytest.raises(StoreError) as refused:
        fgw.declare_same_unit([SHORT, LONG], LONG, "同一单位")
    assert refused.value.code == "office_only"
    with pytest.raises(StoreError) as blank:
        coord.declare_same_unit([SHORT, LONG], LONG, "  ")
    assert blank.value.code == "empty_reason"
    listing = coord.unit_directory()
    assert (SHORT, LONG) in listing.suggestions or (LONG, SHORT) in listing.suggestions
    assert listing.entries == ()  # suggested, never applied

    coord.declare_same_unit([SHORT, LONG], LONG, "省发改委即省发展改革委（简称）")
    listing = coord.unit_directory()
    by_name = {u.name: u for u in listing.units}
    assert by_name[SHORT].canonical == LONG and by_name[LONG].canonical == LONG
    assert by_name[SHORT].task_count == 2 and by_name[LONG].task_count == 2
    assert not any(SHORT in group for group in listing.suggestions)
    # Task 4 of the embedded plan names 省发改委: read as the canonical unit.
    assert (LONG, "负责") in _units_of(coord, coord.default_plan_id(), 4)

    # Before the office's file, the unit's PC sees only its own name.
    assert fgw.installation().counted_unit_id == fgw.installation().unit_id
    with pytest.raises(StoreError):
        _report(fgw, _plan2(fgw), 1, LONG, 50)
    to_unit = tmp_path / "to-unit"
    to_unit.mkdir()
    files = [export_to(coord, to_unit, ExportScope.ALL, plan_id=p.id) for p in coord.plans()]
    import_all(fgw, *files)
    inst = fgw.installation()
    assert inst.unit_name == SHORT and inst.home_unit_name == LONG
    fgw_plan2 = _plan2(fgw)
    assert (LONG, "牵头") in _units_of(fgw, fgw_plan2, 1)
    mine = [
        (v.title.startswith("某省"), t.number)
        for v in fgw.plan_views()
        for t in v.all_tasks()
        if t.has_unit(str(inst.counted_unit_id))
    ]
    assert sorted(mine) == [(False, 4), (False, 9), (True, 1), (True, 2)]

    # The window offers the canonical unit; the record keeps the PC's own.
    rev = _report(fgw, fgw_plan2, 1, LONG, 100)
    assert rev.unit_id == inst.unit_id and rev.unit_name == SHORT
    (current,) = _task(fgw, fgw_plan2, 1).current_progress
    assert current.unit_id == inst.counted_unit_id and current.unit_name == SHORT

    to_office = tmp_path / "to-office"
    to_office.mkdir()
    outcome = import_file(coord, export_to(fgw, to_office, ExportScope.UNIT, plan_id=fgw_plan2))
    assert outcome.report is not None and outcome.report.rejected == ()
    assert outcome.report.new_revisions == 1
    lights = plan_lights(next(v for v in coord.plan_views() if v.id == plan2), dt.date(2026, 3, 20))
    assert lights[coord.find_task_id(plan2, 1)].light.value == "done"
    view = next(v for v in coord.plan_views() if v.id == plan2)
    figures = plan_figures(view, lights, dt.date(2026, 3, 20))
    long_unit = next(u for u in figures.by_unit if u.unit_name == LONG)
    assert (long_unit.tasks_total, long_unit.done) == (2, 1)
    assert SHORT not in {u.unit_name for u in figures.by_unit}

    # The office's file for 省发展改革委 carries what was written under either name.
    for_long = coord.export_bundle(ExportScope.UNIT, unit_name=LONG, plan_id=plan2)
    assert [r.revision_id for r in for_long.revisions] == [rev.revision_id]

    # 撤销: counted apart again, nothing lost; the stored report is not touched.
    coord.undo_unit_alias(SHORT, "经核实为两个单位")
    (kept,) = coord.progress_history(coord.find_task_id(plan2, 1))
    assert kept.revision_id == rev.revision_id and kept.unit_name == SHORT
    lights = plan_lights(next(v for v in coord.plan_views() if v.id == plan2), dt.date(2026, 3, 20))
    assert lights[coord.find_task_id(plan2, 1)].light.value != "done"
    assert (SHORT, "负责") in _units_of(coord, coord.default_plan_id(), 4)
    assert [e.undo for e in coord.unit_directory().entries] == [True, False]


@pytest.mark.usefixtures("office_engine")
def test_another_units_report_is_still_refused(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.signing.helpers import write_signed

    coord, _, finance = offices
    coord.declare_same_unit([SHORT, LONG], LONG, "简称")
    plan2 = _plan2(finance)
    # 省财政厅 reports on task 2 (its own) and forges one on task 1's 省发展改革委 slot.
    own = _report(finance, plan2, 2, FINANCE, 40)
    bundle = finance.export_bundle(ExportScope.UNIT, plan_id=plan2)
    forged = dataclasses.replace(
        own,
        revision_id=str(uuid.uuid4()),
        report_id=str(uuid.uuid4()),
        task_id=finance.find_task_id(plan2, 3),  # 省政务服务局's task only
        lamport=own.lamport + 1,
        author_seq=own.author_seq + 1,
    )
    bundle = dataclasses.replace(bundle, revisions=(*bundle.revisions, forged))
    path = write_signed(bundle, tmp_path / "usb" / "finance.duban", finance.signer())
    outcome = import_file(coord, path)
    assert outcome.report is not None and outcome.report.new_revisions == 1
    assert [(r.record_id, r.problem) for r in outcome.report.rejected] == [
        (forged.revision_id, RecordProblem.UNIT_NOT_IN_TASK)
    ]


def test_reports_written_under_an_alias_merge_alike_in_either_order(
    offices, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The office imports the unit's file before the undo on one copy, after it on the
    other: the same records are stored, and both count alike."""
    coord, fgw, _ = offices
    coord.declare_same_unit([SHORT, LONG], LONG, "简称")
    usb = tmp_path / "usb"
    usb.mkdir()
    import_all(fgw, *[export_to(coord, usb, ExportScope.ALL, plan_id=p.id) for p in coord.plans()])
    fgw_plan2 = _plan2(fgw)
    _report(fgw, fgw_plan2, 1, LONG, 60)
    unit_file = export_to(fgw, usb, ExportScope.UNIT, plan_id=fgw_plan2)

    coord.close()
    before = tmp_path / "coord.sqlite"
    after = tmp_path / "coord-copy.sqlite"
    shutil.copy(before, after)
    one, two = Store.open(before), Store.open(after)
    import_all(one, unit_file)
    one.undo_unit_alias(SHORT, "核实为两个单位")
    two.undo_unit_alias(SHORT, "核实为两个单位")
    import_all(two, unit_file)  # written while the alias held: accepted after the undo too
    plan2 = _plan2(one)
    for store in (one, two):
        (rev,) = store.progress_history(store.find_task_id(plan2, 1))
        assert rev.unit_name == SHORT and rev.percent == 60
        task = _task(store, plan2, 1)
        assert [a.unit_name for a in task.assignments] == [LONG, FINANCE]
        lights = plan_lights(
            next(v for v in store.plan_views() if v.id == plan2), dt.date(2026, 3, 20)
        )
        assert lights[task.id].light.value != "done"
    # The window's first fill (plain sqlite3) reads the directory as the Store does.
    fill = read_first_fill(two.path)  # type: ignore[arg-type]
    assert fill is not None and fill.plans == two.plan_views()
    one.declare_same_unit([SHORT, LONG], LONG, "复核后仍为同一单位")
    fill = read_first_fill(one.path)  # type: ignore[arg-type]
    assert fill is not None and fill.plans == one.plan_views()
    assert [a.unit_name for a in _task(one, plan2, 1).assignments] == [LONG, FINANCE]
    assert (
        _task(one, plan2, 1).current_progress[0].unit_id
        == _task(one, plan2, 1).assignments[0].unit_id
    )
    # A report written after the undo reached the unit is another unit's again.
    import_all(fgw, export_to(two, usb, ExportScope.ALL, plan_id=fgw_plan2))
    with pytest.raises(StoreError):
        _report(fgw, fgw_plan2, 1, LONG, 80)
    one.close(), two.close()


@pytest.mark.usefixtures("office_engine")
def test_only_the_offices_own_intact_entries_are_taken(offices, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from domain.unit_directory import change_for_entry, entry_id_for
    from tests.signing.helpers import write_signed

    coord, fgw, finance = offices
    plan2 = _plan2(finance)
    # A unit's file declaring an alias (its own 留痕 on another unit's name): refused.
    inst = finance.installation()
    at = "2026-03-01T00:00:00+00:00"
    made_up = DirectoryEntry(
        entry_id_for(inst.id, 9, 9, at, FINANCE, LONG, False, "冒充"),
        inst.id, 9, 9, at, FINANCE, LONG, False, "冒充",
    )  # fmt: skip
    bundle = finance.export_bundle(ExportScope.UNIT, plan_id=plan2)
    forged = dataclasses.replace(bundle, plan_changes=(change_for_entry(made_up, plan2),))
    path = write_signed(forged, tmp_path / "usb" / "finance.duban", finance.signer())
    outcome = import_file(coord, path)
    assert outcome.report is not None
    assert [r.problem for r in outcome.report.rejected] == [
        RecordProblem.PLAN_CONTENT_NOT_FROM_OFFICE
    ]
    assert coord.unit_directory().entries == ()

    # The office's own file with one entry altered after it was written: that entry is
    # refused (its id no longer matches), the genuine one merges.
    coord.declare_same_unit([SHORT, LONG], LONG, "简称")
    bundle = coord.export_bundle(ExportScope.ALL, plan_id=coord.default_plan_id())
    (genuine,) = [c for c in bundle.plan_changes if c.kind == "unit_alias"]
    altered = dataclasses.replace(
        genuine,
        change_id=str(uuid.uuid4()),
        payload=genuine.payload.replace(SHORT, FINANCE),
    )
    tampered = dataclasses.replace(bundle, plan_changes=(*bundle.plan_changes, altered))
    path = write_signed(tampered, tmp_path / "usb" / "office.duban", coord.signer())
    outcome = import_file(fgw, path)
    assert outcome.report is not None
    assert [(r.record_id, r.problem) for r in outcome.report.rejected] == [
        (altered.change_id, RecordProblem.BAD_PAYLOAD)
    ]
    assert [(e.name, e.same_as) for e in fgw.unit_directory().entries] == [(SHORT, LONG)]
