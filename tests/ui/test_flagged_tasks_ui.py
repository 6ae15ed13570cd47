"""待补充 in the window: the tree marks the task and says why; the dashboard counts them and
a click shows exactly those tasks; completing the units clears the mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.enums import Role
from models.store import Store
from plan_parser import parse_plan_text
from tests.store.test_flagged_tasks import PLAN
from ui.main_window import TAB_DASHBOARD, TAB_TREE

from .conftest import MakeWindow
from .tree.test_filter import visible_tasks

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_tree_and_dashboard_show_the_flagged_task(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.set_office(None, coordinating_office=True)
    plan_id = store.import_plan(parse_plan_text(PLAN)).id
    window = make_window(store)
    window.show()
    qtbot.waitExposed(window)
    plan = window.model.plan_nodes()[1]
    labels = [task.label for task in plan.children[0].children]
    assert labels[2].startswith("3. 【待补充】推进丙工作")
    assert not any("待补充" in x for x in labels[:2] + labels[3:])
    index = window.model.index_of(plan.children[0].children[2].id)
    tooltip = window.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "第 5 行" in tooltip

    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    board = window.dashboard
    board.plan_box.setCurrentIndex(board.plan_box.findData(plan_id))
    qtbot.waitUntil(lambda: board.pending_card.isVisible(), timeout=5_000)
    assert board.pending_card.count() == 1
    qtbot.mouseClick(board.pending_card, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == TAB_TREE
    assert visible_tasks(window) == [3]

    task = store.find_task_id(plan_id, 3)
    store.edit_task(task, units=[("省公安厅", Role.LEAD, "牵头")], plan_id=plan_id, reason="补全")
    with qtbot.waitSignal(window.plans_reloaded, timeout=10_000):
        window.reload()
    plan = window.model.plan_nodes()[1]
    assert not any("待补充" in t.label for s in plan.children for t in s.children)
