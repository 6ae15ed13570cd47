"""The fast paths behind search-as-you-type (bench/README.md): the precomputed accepted set,
the tree expanded a screenful at a time, and the pause in typing on a large store."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from domain.enums import ProgressStatus
from domain.records import ProgressInput
from domain.status_lights import Light, owing_units
from models.store import Store
from ui.main_window import MainWindow
from ui.tree import expander as tree_expander
from ui.tree.filter_bar import TYPING_PAUSE_MS
from ui.tree.filter_proxy import FilterCriteria, task_matches
from ui.tree.model import NodeKind

from ..conftest import type_text

pytestmark = pytest.mark.gui

NEEDLES = ("公安厅", "知识产权", "20", "2", "省", "不存在的词", "牵头", " 海关 ")


@pytest.mark.parametrize("needle", NEEDLES)
def test_text_fast_path_agrees_with_task_matches(window: MainWindow, needle: str) -> None:
    criteria = FilterCriteria(text=needle)
    window.proxy.set_criteria(criteria)
    accepted = window.proxy.accepted_ids()
    assert accepted is not None
    tasks = window.model.iter_nodes(NodeKind.TASK)
    expected = {n.id for n in tasks if n.task is not None and task_matches(n.task, criteria)}
    assert {n.id for n in tasks if n.id in accepted} == expected
    assert window.proxy.visible_task_count() == len(expected)
    # Every row above a shown task is shown too.
    for node in tasks:
        if node.id in expected:
            parent = node.parent
            while parent is not None and parent.kind is not NodeKind.ROOT:
                assert parent.id in accepted
                parent = parent.parent


def test_task_ids_and_text_combine(window: MainWindow, store: Store) -> None:
    plan = store.plan_view()
    some = [t.id for t in plan.all_tasks()[:10]]
    window.proxy.set_task_ids(some)
    window.proxy.set_criteria(FilterCriteria(text="省"))
    accepted = window.proxy.accepted_ids()
    assert accepted is not None
    expected = {t.id for t in plan.all_tasks()[:10] if task_matches(t, FilterCriteria(text="省"))}
    assert {t.id for t in plan.all_tasks() if t.id in accepted} == expected
    window.proxy.set_task_ids(None)
    window.proxy.clear()
    assert window.proxy.accepted_ids() is None
    assert window.proxy.visible_task_count() == 60


def _collapsed_containers(window: MainWindow, parent: QModelIndex | None = None) -> int:
    parent = parent or QModelIndex()
    proxy, count = window.proxy, 0
    for row in range(proxy.rowCount(parent)):
        index = proxy.index(row, 0, parent)
        if proxy.rowCount(index) > 0:
            count += 0 if window.tree.isExpanded(index) else 1
            count += _collapsed_containers(window, index)
    return count


def test_rows_below_the_first_screen_expand_while_idle(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tree_expander, "FIRST_ROWS", 3)
    window.filter_bar.search.setText("省")
    assert window.expander.busy  # only a screenful so far
    assert _collapsed_containers(window) > 0
    qtbot.waitUntil(lambda: not window.expander.busy, timeout=5000)
    assert _collapsed_containers(window) == 0
    # The count and status columns, sized from their words, fit every row now shown.
    header = window.tree.header()
    for column in (1, 2):
        assert header.sectionSize(column) >= window.tree.sizeHintForColumn(column)


def test_collapse_all_stops_the_idle_expansion(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tree_expander, "FIRST_ROWS", 3)
    window.filter_bar.search.setText("省")
    assert window.expander.busy
    window.menu_actions.collapse_all.trigger()
    assert not window.expander.busy
    qtbot.wait(tree_expander.IDLE_START_MS + 50)
    assert not window.tree.isExpanded(window.proxy.index(0, 0))


def test_large_store_filters_once_typing_pauses(window: MainWindow, qtbot: QtBot) -> None:
    bar = window.filter_bar
    bar.set_task_count(10_000)
    seen: list[FilterCriteria] = []
    bar.criteria_changed.connect(seen.append)
    type_text(bar.search, "公安厅")
    assert seen == []  # nothing yet: the clerk may still be typing
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=TYPING_PAUSE_MS * 10)
    assert seen[0].text == "公安厅"
    assert window.proxy.visible_task_count() == 3
    bar.search.setText("海关")
    bar.flush()  # applied at once, no second emission later
    assert [c.text for c in seen] == ["公安厅", "海关"]
    qtbot.wait(TYPING_PAUSE_MS + 50)
    assert len(seen) == 2


def test_small_store_filters_on_every_keystroke(window: MainWindow) -> None:
    seen: list[str] = []
    window.filter_bar.criteria_changed.connect(lambda c: seen.append(c.text))
    type_text(window.filter_bar.search, "公安")
    assert seen == ["公", "公安"]


def test_a_report_under_a_status_filter_updates_the_shown_rows(
    window: MainWindow, store: Store
) -> None:
    # The accepted set is marked stale before the proxy re-judges the changed rows.
    box = window.filter_bar.status_box
    box.setCurrentIndex(box.findData(Light.ON_TRACK.value))
    assert window.proxy.visible_task_count() == 60
    store.set_office(None, coordinating_office=True)
    task = store.plan_view().task_by_number(23)
    assert task is not None
    day = dt.date(2024, 5, 6)
    for unit in owing_units(task):  # every owing unit done: the task's light is 已完成
        store.record_progress(
            ProgressInput(task.id, unit, ProgressStatus.DONE, 100, day, "已建立", reporter="李四")
        )
    fresh = store.plan_view().task_by_number(23)
    assert fresh is not None
    window.refresh_task(fresh)
    assert window.proxy.visible_task_count() == 59
    assert not window.proxy.mapFromSource(window.model.index_of(task.id)).isValid()
