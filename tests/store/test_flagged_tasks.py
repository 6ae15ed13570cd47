"""待补充: a plan is stored whole, an unreadable assignment flagged; the office completes it
with a plan change that reaches every unit's PC."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.enums import Role
from domain.exchange_records import ExportScope
from domain.plan_json import plan_json
from exchange.service import export_to
from models.fast_read import read_first_fill
from models.store import Store
from plan_parser import parse_plan_text
from tests.exchange.offices import import_all, office, trust_each_other

PLAN = """某省推进营商环境建设重点任务分工方案
一、重点任务
1.推进甲工作。（省发展改革委负责）
2.推进乙工作。（省财政厅负责）
3.推进丙工作，完善丁机制。
4.推进戊工作。（省商务厅负责）
"""


def _flagged(store: Store, plan_id: str) -> dict[int, list[tuple[str, int]]]:
    view = next(v for v in store.plan_views() if v.id == plan_id)
    return {
        t.number: [(f.code, f.line) for f in t.problems]
        for t in view.all_tasks()
        if t.needs_completion
    }


def test_every_task_stored_the_unreadable_one_flagged(store: Store) -> None:
    summary = store.import_plan(parse_plan_text(PLAN))
    assert summary.task_count == 4
    assert _flagged(store, summary.id) == {3: [("no_assignment", 5)]}
    view = next(v for v in store.plan_views() if v.id == summary.id)
    third = plan_json(view, with_progress=True)["sections"][0]["tasks"][2]
    assert third["needs_completion"] is True and third["units"] == []
    assert third["problems"][0]["line"] == 5 and "第 5 行" in third["problems"][0]["message"]
    assert "problems" not in plan_json(view, with_progress=False)["sections"][0]["tasks"][0]


def test_first_fill_reads_the_same_flags(store: Store) -> None:
    summary = store.import_plan(parse_plan_text(PLAN))
    store.close()
    fill = read_first_fill(store.path)
    assert fill is not None
    view = next(v for v in fill.plans if v.id == summary.id)
    assert [t.number for t in view.all_tasks() if t.needs_completion] == [3]


@pytest.mark.usefixtures("office_engine")  # the office on SQLite and PostgreSQL
def test_office_completes_a_flagged_task_and_units_see_it(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", "省公安厅")
    trust_each_other(coord, police)
    plan_id = coord.import_plan(parse_plan_text(PLAN)).id
    assert police.import_plan(parse_plan_text(PLAN)).id == plan_id  # same document, same ids
    assert _flagged(police, plan_id) == {3: [("no_assignment", 5)]}

    task = coord.find_task_id(plan_id, 3)
    coord.edit_task(task, text="推进丙工作。", plan_id=plan_id, reason="核对原文，补充分工")
    assert 3 in _flagged(coord, plan_id), "a text correction alone does not complete it"
    coord.edit_task(
        task,
        units=[("省公安厅", Role.LEAD, "牵头"), ("省司法厅", Role.COOPERATE, "配合")],
        plan_id=plan_id,
        reason="补充分工单位",
    )
    assert _flagged(coord, plan_id) == {}

    folder = tmp_path / "stick"
    folder.mkdir()
    import_all(police, export_to(coord, folder, ExportScope.PLAN_ONLY, plan_id=plan_id))
    assert _flagged(police, plan_id) == {}
    view = next(v for v in police.plan_views() if v.id == plan_id)
    third = view.task_by_number(3)
    assert third is not None
    assert [a.unit_name for a in third.assignments] == ["省公安厅", "省司法厅"]
    coord.close()
    police.close()
