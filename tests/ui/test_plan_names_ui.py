"""Two plans with one title are told apart in the tree and the dashboard's plan picker."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from models.store import Store
from plan_parser import parse_plan_text
from tests.store.test_flagged_tasks import PLAN
from ui.main_window import TAB_DASHBOARD

from .conftest import MakeWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

REISSUED = PLAN.replace("1.推进甲工作。", "1.推进甲工作，持续深化。")


def test_same_title_twice_gets_names_that_differ(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    store.import_plan(parse_plan_text(PLAN))
    store.import_plan(parse_plan_text(REISSUED))
    window = make_window(store)
    window.show()
    qtbot.waitExposed(window)
    names = [node.label for node in window.model.plan_nodes()]
    assert len(names) == 3 and len(set(names)) == 3
    assert names[1].endswith("（未注明发文机关）（第 1 份）")
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    box = window.dashboard.plan_box
    qtbot.waitUntil(lambda: box.count() == 3, timeout=5_000)
    assert [box.itemText(i) for i in range(3)] == names
