"""本单位待办: a unit's PC opens on its overdue, due-soon, owed and returned tasks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.enums import ProgressStatus, ReviewDecision
from domain.records import ProgressInput
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import plan_lights
from domain.unit_todo import TodoReason, unit_todo
from models.store import Store
from tests.exchange.offices import office
from ui.main_window import TAB_TODO, TAB_TREE, MainWindow

from ..conftest import MakeWindow

pytestmark = pytest.mark.gui

POLICE = "省公安厅"


def police_pc(tmp_path: Path) -> Store:
    """The office sets rounds and deadlines, reviews and instructs; the unit's PC holds it
    all as after an import (one database plays both, the rules are the same)."""
    today = dt.date.today()
    store = office(tmp_path, "both", None)
    t = store.find_task_id
    store.set_rounds(RoundRule(RoundKind.DATES, dates=(today - dt.timedelta(days=10),
                                                       today + dt.timedelta(days=30))))  # fmt: skip
    store.set_deadline(Deadline(date=today - dt.timedelta(days=1)), task_id=t(None, 20))
    store.set_deadline(Deadline(date=today + dt.timedelta(days=2)), task_id=t(None, 25))
    police = store.find_unit_id(POLICE)
    day = today - dt.timedelta(days=3)
    store.record_progress(
        ProgressInput(t(None, 23), police, ProgressStatus.IN_PROGRESS, 30, day, "已部署",
                      reporter="张三")
    )  # fmt: skip
    store.review_report(t(None, 23), police, ReviewDecision.RETURNED, "未写明数量")
    store.instruct(t(None, 23), "务必本月报结果", "王副省长", today)
    store.set_office(POLICE)
    return store


def test_todo_lists_what_needs_doing_worst_first(tmp_path: Path) -> None:
    store = police_pc(tmp_path)
    view = store.plan_view()
    today = dt.date.today()
    todo = unit_todo(view, plan_lights(view, today), store.find_unit_id(POLICE), today)
    got = {i.task.number: i.reasons for i in todo.items}
    assert got[23][0] is TodoReason.RETURNED and got[20][0] is TodoReason.OVERDUE
    assert TodoReason.DUE_SOON in got[25] or TodoReason.OWES_REPORT in got[25]
    assert [i.task.number for i in todo.items][0] == 23  # a return first
    returned = next(i for i in todo.items if i.task.number == 23)
    assert returned.return_reason == "未写明数量"
    assert [x.text for x in returned.instructions] == ["务必本月报结果"]
    assert todo.next_round == today + dt.timedelta(days=30)
    assert all(i.task.has_unit(todo.unit_id) for i in todo.items)


def test_a_unit_pc_opens_on_its_todo(tmp_path: Path, make_window: MakeWindow) -> None:
    store = police_pc(tmp_path)
    window: MainWindow = make_window(store)
    assert window.tabs.currentIndex() == TAB_TODO
    todo = window.todo_view
    summary = todo.summary.text()
    assert "省公安厅" in summary and "下一报送节点" in summary
    first = [todo.model.item(0, c).text() for c in range(3)]
    assert first[0].startswith("23.") and "被退回修改" in first[1]
    assert "退回原因：未写明数量" in first[2] and "务必本月报结果" in first[2]
    todo.view.doubleClicked.emit(todo.model.index(0, 0))
    assert window.tabs.currentIndex() == TAB_TREE
    assert window.detail.title.text() == "任务 23"
    assert "未写明数量" in window.detail.returns.text()


def test_the_coordinating_office_has_no_unit_todo(store: Store, make_window: MakeWindow) -> None:
    store.set_office(None, coordinating_office=True)
    window: MainWindow = make_window(store)
    assert window.tabs.currentIndex() != TAB_TODO
    assert window.todo_view.task_ids() == []
