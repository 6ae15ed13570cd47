"""The plan tree model: shape of the embedded plan, model contract, in-place refresh, and
the status mark: the task's computed light (as of today), never the report typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from domain.enums import ProgressStatus
from domain.records import PlanView, ProgressInput
from domain.status_lights import Light, TaskLight
from models.store import Store
from ui.common.words import chinese_number
from ui.tree.model import (
    COL_COUNT,
    COL_NAME,
    COL_STATUS,
    IdRole,
    KindRole,
    NodeKind,
    PlanTreeModel,
    TaskNumberRole,
)

pytestmark = pytest.mark.gui


def _walk(model: PlanTreeModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    parent = parent or QModelIndex()
    out = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        out.append(index)
        out.extend(_walk(model, index))
    return out


def _today_lights(store: Store) -> tuple[PlanView, dict[str, TaskLight]]:
    return store.lights(dt.date.today())


def _kinds(model: PlanTreeModel) -> dict[str, int]:
    counts: dict[str, int] = {}
    for index in _walk(model):
        kind = index.data(KindRole)
        counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_tree_shows_sections_subsections_and_tasks(store: Store, zh_app: object) -> None:
    model = PlanTreeModel()
    view, lights = _today_lights(store)
    model.set_plans([view], lights)
    assert _kinds(model) == {"plan": 1, "section": 6, "subsection": 26, "task": 60}

    plan = model.index(0, 0)
    assert "重点任务分工方案" in plan.data()
    assert plan.siblingAtColumn(COL_COUNT).data() == "60"
    first_section = model.index(0, 0, plan)
    assert first_section.data() == "一、推进知识产权管理体制机制改革"
    first_sub = model.index(0, 0, first_section)
    assert first_sub.data() == "（一）健全知识产权管理体系"
    assert first_sub.siblingAtColumn(COL_COUNT).data() == "3"
    task = model.index(0, 0, first_sub)
    assert task.data(TaskNumberRole) == 1
    assert task.data().startswith("1. 充实省知识产权战略制定和实施工作领导小组力量")
    # No deadline, no report rounds, nothing owed yet: the computed light is 正常.
    assert lights[task.data(IdRole)].light is Light.ON_TRACK
    assert task.siblingAtColumn(COL_STATUS).data() == "正常"
    assert task.siblingAtColumn(COL_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    numbers = [i.data(TaskNumberRole) for i in _walk(model) if i.data(KindRole) == "task"]
    assert numbers == list(range(1, 61))


def test_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, store: Store, zh_app: object
) -> None:
    model = PlanTreeModel()
    view, lights = _today_lights(store)
    model.set_plans([view], lights)
    qtmodeltester.check(model, force_py=True)


def test_update_task_changes_status_mark_in_place(
    qtbot: QtBot, store: Store, zh_app: object
) -> None:
    model = PlanTreeModel()
    view, lights = _today_lights(store)
    model.set_plans([view], lights)
    store.set_office(None, coordinating_office=True)
    # Task 23 has one unit (省公安厅, 负责): its 已完成 report makes the task 已完成.
    task = view.task_by_number(23)
    assert task is not None
    unit = task.assignments[0]
    day = dt.date(2024, 5, 6)
    store.record_progress(
        ProgressInput(
            task.id, unit.unit_id, ProgressStatus.DONE, 100, day, "已建立", reporter="李四"
        )
    )
    fresh_view, fresh_lights = _today_lights(store)
    fresh = fresh_view.task_by_number(23)
    assert fresh is not None and fresh_lights[fresh.id].light is Light.DONE
    with qtbot.waitSignals([model.dataChanged] * 4):  # task, subsection, section, plan
        model.update_task(fresh, fresh_lights[fresh.id])
    index = model.index_of(task.id)
    assert index.data(IdRole) == task.id
    assert index.siblingAtColumn(COL_STATUS).data() == "已完成"
    assert "已完成" in index.siblingAtColumn(COL_STATUS).data(Qt.ItemDataRole.ToolTipRole)
    subsection = index.parent()
    assert subsection.siblingAtColumn(COL_STATUS).data() == "已完成 1/2"
    assert model.node(index.parent().parent()).done_count == 1
    assert model.node(index).kind is NodeKind.TASK
    assert index.siblingAtColumn(COL_NAME).data(Qt.ItemDataRole.ToolTipRole) == fresh.text


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (9, "九"), (10, "十"), (12, "十二"), (20, "二十"), (26, "二十六")]
)
def test_chinese_heading_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text
