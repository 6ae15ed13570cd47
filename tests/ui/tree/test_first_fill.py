"""Start-up on an existing file: the plans are shown (read-only) before the store is open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from domain.records import PlanView
from models.store import Store
from tests.exchange.offices import report
from ui.app import GuiSession
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_plans_show_before_the_store_opens_then_it_is_swapped_in(
    qtbot: QtBot,
    zh_app: QApplication,
    db_path: Path,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with Store.open(db_path) as store:
        store.set_office("省公安厅")
        report(store, 23, "省公安厅", 40)
    seen: list[tuple[bool, int, bool]] = []
    original = MainWindow.show_first_fill

    def spy(self: MainWindow, plans: list[PlanView], warning_days: int) -> None:
        original(self, plans, warning_days)
        seen.append((self.store is None, self.proxy.visible_task_count(), self.tree.isEnabled()))

    monkeypatch.setattr(MainWindow, "show_first_fill", spy)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)  # offscreen: nothing to see
    session = GuiSession(zh_app, db_path, qt_settings)
    session.start()
    window = session.window
    assert window is not None
    try:
        qtbot.waitUntil(lambda: window.store is not None, timeout=20_000)
        # Shown from the file while the store was still opening, and greyed out meanwhile.
        assert seen == [(True, 60, False)]
        assert window.proxy.visible_task_count() == 60 and window.tree.isEnabled()
        node = window.model.node_by_id(window.store.find_task_id(None, 23))
        assert node is not None and node.task is not None
        assert [p.percent for p in node.task.current_progress] == [40]
    finally:
        window.close()
        window.deleteLater()
        session._on_quit()
        session.deleteLater()
