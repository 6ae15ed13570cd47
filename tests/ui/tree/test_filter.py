"""Filtering the tree: by unit, role, status and search text; clearing restores it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from domain.enums import Role
from domain.status_lights import Light
from models.store import Store
from ui.main_window import MainWindow
from ui.tree.filter_proxy import FilterCriteria, task_matches
from ui.tree.model import KindRole, TaskNumberRole

from ..conftest import type_text

pytestmark = pytest.mark.gui


def visible_tasks(window: MainWindow, parent: QModelIndex | None = None) -> list[int]:
    parent = parent or QModelIndex()
    proxy = window.proxy
    out: list[int] = []
    for row in range(proxy.rowCount(parent)):
        index = proxy.index(row, 0, parent)
        if index.data(KindRole) == "task":
            out.append(index.data(TaskNumberRole))
        out.extend(visible_tasks(window, index))
    return out


def test_task_matches_is_pure(store: Store) -> None:
    plan = store.plan_view()
    police = store.find_unit_id("省公安厅")
    task20 = plan.task_by_number(20)
    task1 = plan.task_by_number(1)
    assert task20 is not None and task1 is not None
    assert task_matches(task20, FilterCriteria(unit_id=police))
    assert not task_matches(task1, FilterCriteria(unit_id=police))
    assert task_matches(task20, FilterCriteria(unit_id=police, role=Role.RESPONSIBLE))
    assert not task_matches(task20, FilterCriteria(unit_id=police, role=Role.LEAD))
    assert task_matches(task20, FilterCriteria(text="公安厅"))
    assert task_matches(task20, FilterCriteria(text="20"))
    window_light = store.lights(__import__("datetime").date(2026, 3, 1))[1][task1.id]
    assert task_matches(task1, FilterCriteria(status=window_light.light.value), window_light)
    assert not task_matches(task1, FilterCriteria(status=Light.DONE.value), window_light)
    assert not task_matches(task1, FilterCriteria(status=Light.ON_TRACK.value))  # no light
    assert not FilterCriteria(text="  ").active


def test_filter_by_unit_leaves_its_tasks_and_their_headings(window: MainWindow) -> None:
    bar = window.filter_bar
    index = bar.unit_box.findText("省公安厅")
    assert index > 0
    bar.unit_box.setCurrentIndex(index)
    assert visible_tasks(window) == [20, 23, 25]
    # Ancestors stay: the plan, 二、 and its subsections (三)(五)(六).
    plan = window.proxy.index(0, 0)
    assert window.proxy.rowCount(plan) == 1
    section = window.proxy.index(0, 0, plan)
    assert section.data() == "二、全面加强知识产权保护"
    assert window.proxy.rowCount(section) == 3
    assert "显示任务：3/60" in window.count_label.text()

    # 省公安厅 is 负责 in all three (task 25 is led by 哈尔滨海关).
    bar.role_box.setCurrentIndex(bar.role_box.findData(Role.LEAD.value))
    assert visible_tasks(window) == []
    bar.role_box.setCurrentIndex(bar.role_box.findData(Role.RESPONSIBLE.value))
    assert visible_tasks(window) == [20, 23, 25]


def test_search_narrows_as_you_type_and_clearing_restores(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_task_number(7)
    search = window.filter_bar.search
    type_text(search, "海关")
    narrowed = visible_tasks(window)
    assert 0 < len(narrowed) < 60
    assert window.store is not None
    assert all(
        "海关" in (t.text + t.assignment_text)
        for t in window.store.plan_view().all_tasks()
        if t.number in narrowed
    )
    type_text(search, "不存在的词")
    assert visible_tasks(window) == []
    assert "显示任务：0/60" in window.count_label.text()

    window.menu_actions.clear_filter.trigger()
    assert search.text() == ""
    assert visible_tasks(window) == list(range(1, 61))
    selected = window.selected_node()
    assert selected is not None and selected.task is not None and selected.task.number == 7


def test_search_keeps_selection_when_it_still_matches(qtbot: QtBot, window: MainWindow) -> None:
    assert window.select_task_number(20)
    type_text(window.filter_bar.search, "公安")
    node = window.selected_node()
    assert node is not None and node.task is not None and node.task.number == 20
    assert window.detail.title.text() == "任务 20"


def test_status_filter_is_the_light(window: MainWindow) -> None:
    box = window.filter_bar.status_box
    # No deadline, no rounds, nothing reported: every task is 正常 (not "未报送").
    box.setCurrentIndex(box.findData(Light.ON_TRACK.value))
    assert len(visible_tasks(window)) == 60
    box.setCurrentIndex(box.findData(Light.UNREPORTED.value))
    assert visible_tasks(window) == []
    box.setCurrentIndex(box.findData(Light.DONE.value))
    assert visible_tasks(window) == []
    assert window.proxy.rowCount() == 0
