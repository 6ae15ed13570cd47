"""Corrections made in the import preview are stored with the plan as plan changes, so the
units, importing the same document, end up with the same plan."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.enums import Role
from domain.exchange_records import ExportScope
from domain.task_flags import TaskCorrection
from exchange.service import export_to
from models.errors import StoreError
from plan_parser import parse_plan_text
from plan_parser.to_view import plan_view_of
from tests.exchange.offices import import_all, office, trust_each_other

PLAN = """某省推进营商环境建设重点任务分工方案
一、重点任务
1.推进甲工作。（省发展改革委负责）
2.推进乙工作。（省财政厅负责）
3.推进丙工作，完善丁机制。
4.推进戊工作。（省商务厅负责）
5.以上工作由各地结合实际推进。
6.推进己工作。（省商务厅负责）
"""


def _corrections() -> tuple[TaskCorrection, ...]:
    view = plan_view_of(parse_plan_text(PLAN))
    third, fifth = view.task_by_number(3), view.task_by_number(5)
    assert third is not None and fifth is not None
    return (
        TaskCorrection(third.id, units=(("省公安厅", Role.LEAD, "牵头"),)),
        TaskCorrection(fifth.id, not_a_task=True),
    )


def _shown(store, plan_id: str) -> list[tuple[int, list[str], bool]]:  # type: ignore[no-untyped-def]
    view = next(v for v in store.plan_views() if v.id == plan_id)
    return [
        (t.number, [a.unit_name for a in t.assignments], t.needs_completion)
        for t in view.all_tasks()
    ]


EXPECTED = [
    (1, ["省发展改革委"], False),
    (2, ["省财政厅"], False),
    (3, ["省公安厅"], False),
    (4, ["省商务厅"], False),
    (6, ["省商务厅"], False),
]


@pytest.mark.usefixtures("office_engine")  # the office on SQLite and PostgreSQL
def test_preview_corrections_stored_as_plan_changes_and_travel(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", "省公安厅")
    trust_each_other(coord, police)
    summary = coord.import_plan(parse_plan_text(PLAN), _corrections())
    assert summary.task_count == 5
    assert _shown(coord, summary.id) == EXPECTED
    log = coord.plan_change_log(summary.id)
    assert [(c.kind, c.reason) for c in log] == [
        ("edit_task", "导入方案时核对原文更正"),
        ("not_a_task", "导入方案时核对原文更正"),
    ]

    police.import_plan(parse_plan_text(PLAN))
    assert [n for n, _, flagged in _shown(police, summary.id) if flagged] == [3, 5]
    folder = tmp_path / "stick"
    folder.mkdir()
    import_all(police, export_to(coord, folder, ExportScope.PLAN_ONLY, plan_id=summary.id))
    assert _shown(police, summary.id) == EXPECTED
    coord.close()
    police.close()


def test_a_units_pc_cannot_correct_and_nothing_is_stored(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    before = len(police.plans())
    with pytest.raises(StoreError) as caught:
        police.import_plan(parse_plan_text(PLAN), _corrections())
    assert caught.value.code == "not_coordinating_office"
    assert len(police.plans()) == before  # one transaction: no plan without its corrections
    police.close()
