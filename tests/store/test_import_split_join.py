"""Split and join made in the import preview are stored as plan changes with the plan, and a
unit's PC that imports the same document and then the office's plan export ends up with
the same tasks, in the same order, with the same ids."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from domain.enums import Role
from domain.exchange_records import ExportScope
from domain.task_flags import TaskCorrection
from exchange.service import export_to
from models.errors import StoreError
from models.store import Store
from plan_parser import parse_plan_text
from plan_parser.to_view import plan_view_of
from tests.exchange.offices import import_all, office, trust_each_other

PLAN = """某省推进营商环境建设重点任务分工方案
一、重点任务
1.推进甲工作。完善乙机制。（省发展改革委牵头，省财政厅配合）
2.推进丙工作。（省商务厅负责）
3.推进丙工作的配套政策。（省财政厅负责）
4.推进丁工作。（省公安厅负责）
二、保障措施
5.加强督查。（省政府督查室负责）
"""
SECOND_PART = str(uuid.UUID(int=7))  # made once at the office; here fixed for the test


def _corrections() -> tuple[TaskCorrection, ...]:
    view = plan_view_of(parse_plan_text(PLAN))
    first, second, third = (view.task_by_number(n) for n in (1, 2, 3))
    assert first is not None and second is not None and third is not None
    return (
        # 1 split after "推进甲工作。": each part with the unit it needs.
        TaskCorrection(
            first.id, text="推进甲工作。", units=(("省发展改革委", Role.RESPONSIBLE, "负责"),)
        ),
        TaskCorrection(
            SECOND_PART,
            text="完善乙机制。",
            units=(("省财政厅", Role.RESPONSIBLE, "负责"),),
            after=first.id,
        ),
        # 2 joined with 3: texts concatenated, units united, 3 out of the plan.
        TaskCorrection(
            second.id,
            text="推进丙工作。推进丙工作的配套政策。",
            units=(("省商务厅", Role.RESPONSIBLE, "负责"), ("省财政厅", Role.RESPONSIBLE, "负责")),
        ),
        TaskCorrection(third.id, not_a_task=True, joined_into=second.id),
    )


def _shown(store: Store, plan_id: str) -> list[tuple[str, str, str, list[str]]]:
    view = next(v for v in store.plan_views() if v.id == plan_id)
    return [(t.id, t.label, t.text, [a.unit_name for a in t.assignments]) for t in view.all_tasks()]


@pytest.mark.usefixtures("office_engine")  # the office on SQLite and PostgreSQL
def test_split_and_join_stored_as_plan_changes_and_travel(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", "省公安厅")
    trust_each_other(coord, police)
    summary = coord.import_plan(parse_plan_text(PLAN), _corrections())
    assert summary.task_count == 5  # 5 read, one more by the split, one fewer by the join
    shown = _shown(coord, summary.id)
    assert [(label, text, units) for _, label, text, units in shown] == [
        ("1.", "推进甲工作。", ["省发展改革委"]),
        ("1.", "完善乙机制。", ["省财政厅"]),  # right below its first part, not at the end
        ("2.", "推进丙工作。推进丙工作的配套政策。", ["省商务厅", "省财政厅"]),
        ("4.", "推进丁工作。", ["省公安厅"]),
        ("5.", "加强督查。", ["省政府督查室"]),
    ]
    assert shown[1][0] == SECOND_PART
    log = coord.plan_change_log(summary.id)
    assert [c.kind for c in log] == ["edit_task", "add_task", "edit_task", "not_a_task"]
    assert {c.reason for c in log} == {"导入方案时核对原文更正"}

    police.import_plan(parse_plan_text(PLAN))
    assert len(_shown(police, summary.id)) == 5  # the document as read: 1 to 5
    folder = tmp_path / "stick"
    folder.mkdir()
    import_all(police, export_to(coord, folder, ExportScope.PLAN_ONLY, plan_id=summary.id))
    assert _shown(police, summary.id) == shown  # same tasks, order and ids
    # A report on the split-off task reaches the unit's tasks by its id.
    assert police.find_task_id(summary.id, "4") == shown[3][0]
    coord.close()
    police.close()


def test_a_split_part_needs_a_known_task_text_and_units(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    view = plan_view_of(parse_plan_text(PLAN))
    first = view.task_by_number(1)
    assert first is not None
    before = len(coord.plans())
    units = (("省财政厅", Role.LEAD, "牵头"),)
    for fix, code in [
        (
            TaskCorrection(SECOND_PART, text="完善乙机制。", units=units, after="nope"),
            "unknown_task",
        ),
        (TaskCorrection(SECOND_PART, text=" ", units=units, after=first.id), "empty_text"),
        (TaskCorrection(SECOND_PART, text="完善乙机制。", units=(), after=first.id), "no_units"),
        (TaskCorrection(first.id, text="完善。", units=units, after=first.id), "task_exists"),
    ]:
        with pytest.raises(StoreError) as caught:
            coord.import_plan(parse_plan_text(PLAN), (fix,))
        assert caught.value.code == code
    assert len(coord.plans()) == before  # one transaction: nothing stored
    coord.close()
