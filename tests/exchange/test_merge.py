"""Merging exchange files: convergence, idempotence, order independence, ownership."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from domain.exchange_records import ExportScope, RecordProblem
from exchange.reader import read_exchange_file
from exchange.service import import_file
from exchange.writer import write_bundle
from tests.exchange.offices import (
    database_digest,
    export,
    import_all,
    office,
    query,
    report,
    state,
    trust_each_other,
    trust_senders,
)

#: The coordinating office's database on a SQLite file and on a PostgreSQL server.
ON_BOTH_ENGINES = pytest.mark.usefixtures("office_engine")


@ON_BOTH_ENGINES
def test_unit_to_office_and_back_converges(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, customs, coord)
    first = report(police, 23, "省公安厅", 30)
    report(customs, 25, "哈尔滨海关", 20)
    import_all(coord, export(police, tmp_path / "usb1"), export(customs, tmp_path / "usb1"))
    report(coord, 25, "省公安厅", 10)  # on the unit's behalf, after a phone call
    back = export(coord, tmp_path / "usb2", ExportScope.ALL)
    import_all(police, back)
    import_all(customs, back)
    report(police, 23, "省公安厅", 60, parent=first)
    import_all(coord, export(police, tmp_path / "usb3"))
    final = export(coord, tmp_path / "usb4", ExportScope.ALL)
    import_all(police, final)
    import_all(customs, final)
    assert state(police) == state(customs) == state(coord)
    task23 = coord.plan_view().task_by_number(23)
    assert task23 is not None and [p.percent for p in task23.current_progress] == [60]
    task25 = coord.plan_view().task_by_number(25)
    assert task25 is not None
    assert {(p.unit_name, p.on_behalf) for p in task25.current_progress} == {
        ("哈尔滨海关", False),
        ("省公安厅", True),
    }


@ON_BOTH_ENGINES
def test_reimport_is_a_no_op_and_leaves_the_file_unchanged(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    path = export(police, tmp_path / "usb")
    first = import_file(coord, path)
    assert first.report is not None and first.report.new_revisions == 1
    coord.close()
    digest = database_digest(coord.path)
    again = import_file(coord, path)
    assert again.report is not None and again.report.already_imported
    assert again.report.new_revisions == 0
    assert database_digest(coord.path) == digest
    log = coord.import_log()
    assert len(log) == 1 and log[0].new_count == 1 and log[0].sender_unit == "省公安厅"


def test_a_newer_export_carries_the_whole_history(tmp_path: Path) -> None:
    """A lost stick loses nothing: the next export holds every earlier revision too."""
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    export(police, tmp_path / "lost")
    report(police, 20, "省公安厅", 50)
    second = import_file(coord, export(police, tmp_path / "usb"))
    assert second.report is not None and second.report.new_revisions == 2


@ON_BOTH_ENGINES
def test_thirty_units_in_two_orders_give_identical_plans(tmp_path: Path) -> None:
    units = [u.unit_name for u in office(tmp_path, "probe", None).plan_view().units()]
    files = []
    for i, unit in enumerate(units):
        store = office(tmp_path, f"u{i}", unit)
        tasks = [
            t.number
            for t in store.plan_view().all_tasks()
            if any(a.unit_name == unit for a in t.assignments)
        ]
        for n in tasks[:3]:
            report(store, n, unit, 10 + i)
        files.append(export(store, tmp_path / "usb"))
        store.close()
    a, b = office(tmp_path, "coord-a", None), office(tmp_path, "coord-b", None)
    trust_senders(a, *files)
    trust_senders(b, *files)
    import_all(a, *files)
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    import_all(b, *reversed(shuffled))
    assert state(a) == state(b)
    assert sum(len(t.current_progress) for t in a.plan_view().all_tasks()) >= 27


@ON_BOTH_ENGINES
def test_forks_are_kept_and_shown_the_same_everywhere(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    police2 = office(tmp_path, "police2", "省公安厅")  # a second PC in the same unit
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, police2, coord)
    root = report(police, 23, "省公安厅", 30)
    import_all(coord, export(police, tmp_path / "a"))
    import_all(police2, export(coord, tmp_path / "b", ExportScope.ALL))
    report(police, 23, "省公安厅", 40, parent=root)
    report(police2, 23, "省公安厅", 45, parent=root)
    f1, f2 = export(police, tmp_path / "c"), export(police2, tmp_path / "c")
    outcome = import_file(coord, f1)
    assert outcome.report is not None and outcome.report.conflicts == 0
    outcome = import_file(coord, f2)
    assert outcome.report is not None and outcome.report.conflicts == 1
    history = coord.progress_history(root.task_id)
    assert len(history) == 3 and sum(r.in_conflict for r in history) == 2
    other = office(tmp_path, "coord2", None)
    trust_senders(other, f1, f2)
    import_all(other, f2, f1)
    assert state(other) == state(coord)


@ON_BOTH_ENGINES
def test_unit_file_with_another_units_records_is_rejected_with_reasons(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    foreign = report(customs, 25, "哈尔滨海关", 10)
    bundle = police.export_bundle(ExportScope.UNIT)
    forged = dataclasses.replace(bundle, revisions=(*bundle.revisions, foreign))
    path = tmp_path / "forged.duban"
    write_bundle(forged, path, signer=police.signer())  # the unit's own, confirmed key
    outcome = import_file(coord, path)
    assert outcome.report is not None
    assert [r.problem for r in outcome.report.rejected] == [RecordProblem.NOT_SENDERS_UNIT]
    assert outcome.report.new_revisions == 1 and outcome.has_problems
    task25 = coord.plan_view().task_by_number(25)
    assert task25 is not None and task25.current_progress == ()


@ON_BOTH_ENGINES
def test_plan_content_only_from_the_coordinating_office(tmp_path: Path) -> None:
    from domain.exchange_records import PlanChange

    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    bundle = police.export_bundle(ExportScope.UNIT)
    change = PlanChange(
        "0" * 8 + "-0000-4000-8000-" + "0" * 12, bundle.manifest.plan_id,
        bundle.manifest.sender.installation_id, 1, 1, "2026-01-01T00:00:00+00:00",
        "deadline", None, "{}",
    )  # fmt: skip
    path = tmp_path / "forged.duban"
    write_bundle(dataclasses.replace(bundle, plan_changes=(change,)), path, signer=police.signer())
    outcome = import_file(coord, path)
    assert outcome.report is not None
    assert [r.problem for r in outcome.report.rejected] == [
        RecordProblem.PLAN_CONTENT_NOT_FROM_OFFICE
    ]


@ON_BOTH_ENGINES
def test_file_for_another_plan_is_refused_untouched(tmp_path: Path) -> None:
    other_plan = tmp_path / "other.txt"
    other_plan.write_text("一、任务\n1.推进甲工作。（省公安厅负责）\n", encoding="utf-8")
    from plan_parser import parse_plan_file

    police = office(tmp_path, "police", "省公安厅")
    summary = police.import_plan(parse_plan_file(other_plan))
    police.set_office("省公安厅")
    path = tmp_path / "usb"
    path.mkdir()
    from exchange.service import export_to

    file = export_to(police, path, ExportScope.UNIT, plan_id=summary.id)
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    coord.close()
    before = database_digest(coord.path)
    outcome = import_file(coord, file)
    assert outcome.refused and outcome.rejected_code == "other_plan"
    assert database_digest(coord.path) == before


def test_clocks_years_off_change_nothing(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    report(police, 23, "省公安厅", 30)
    bundle = police.export_bundle(ExportScope.UNIT)
    results = []
    for stamp in (
        "1999-01-01T00:00:00+00:00",
        "2026-03-01T00:00:00+00:00",
        "2099-12-31T23:59:59+00:00",
    ):
        skewed = dataclasses.replace(
            bundle,
            revisions=tuple(dataclasses.replace(r, authored_at=stamp) for r in bundle.revisions),
            manifest=dataclasses.replace(bundle.manifest, created_at=stamp),
        )
        path = tmp_path / f"{stamp[:4]}.duban"
        write_bundle(skewed, path, signer=police.signer(), signed_at=stamp)
        coord = office(tmp_path, f"coord-{stamp[:4]}", None)
        trust_senders(coord, path)
        outcome = import_file(coord, path)
        assert outcome.report is not None and outcome.report.new_revisions == 1
        task = coord.plan_view().task_by_number(23)
        assert task is not None
        results.append([(p.percent, p.status) for p in task.current_progress])
    assert results[0] == results[1] == results[2]


@ON_BOTH_ENGINES
def test_same_revision_id_with_other_content_is_kept_as_anomaly(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    report(police, 23, "省公安厅", 30)
    bundle = police.export_bundle(ExportScope.UNIT)
    altered = dataclasses.replace(
        bundle, revisions=tuple(dataclasses.replace(r, percent=99) for r in bundle.revisions)
    )
    p1, p2 = tmp_path / "a.duban", tmp_path / "b.duban"
    write_bundle(bundle, p1, signer=police.signer())
    write_bundle(
        dataclasses.replace(
            altered,
            manifest=dataclasses.replace(
                altered.manifest, export_id="11111111-1111-4111-8111-111111111111"
            ),
        ),
        p2,
        signer=police.signer(),
    )
    a, b = office(tmp_path, "a", None), office(tmp_path, "b", None)
    trust_senders(a, p1)
    trust_senders(b, p1)
    import_all(a, p1, p2)
    import_all(b, p2, p1)
    assert state(a) == state(b)
    rows = query(a.path, "SELECT kind FROM anomalies")
    assert rows == [["same_id_different_content"]] * 2


@pytest.mark.parametrize("scope", [ExportScope.ALL, ExportScope.PLAN_ONLY])
def test_only_the_coordinating_office_exports_everything(
    tmp_path: Path, scope: ExportScope
) -> None:
    from models.errors import StoreError

    police = office(tmp_path, "police", "省公安厅")
    with pytest.raises(StoreError) as info:
        police.export_bundle(scope)
    assert info.value.code == "not_coordinating_office"


def test_export_reads_back_with_the_importers_reader(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    report(police, 23, "省公安厅", 30, text="含“引号”与换行\n第二行；生僻字：镕喆赟𠀀")
    read = read_exchange_file(export(police, tmp_path / "测试 目录"))
    assert read.bundle.revisions[0].work_done.endswith("镕喆赟𠀀")
    assert read.bundle.manifest.sender.unit_name == "省公安厅"


def test_a_batch_is_backed_up_once_before_its_first_merge(tmp_path: Path) -> None:
    from exchange.service import import_files
    from models.database import list_backups

    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(coord, police)
    trust_each_other(coord, customs)
    report(police, 23, "省公安厅", 30)
    report(customs, 25, "哈尔滨海关", 20)
    files = [export(police, tmp_path / "usb"), export(customs, tmp_path / "usb")]
    outcomes = list(import_files(coord, files))
    assert [o.report.new_revisions for o in outcomes if o.report] == [1, 1]
    assert [bool(o.report and o.report.backup_path) for o in outcomes] == [True, False]
    assert len(list_backups(coord.path)) == 1
    again = list(import_files(coord, files))
    assert all(o.report and o.report.already_imported for o in again)
    assert len(list_backups(coord.path)) == 1  # nothing merged, nothing copied
