"""Start-up on an existing file: the plans are shown (read-only) before the store is open."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from domain.plan_names import plan_labels
from domain.records import PlanView
from models import fast_read
from models.store import Store
from plan_parser import parse_plan_text
from runtime import gc_pause
from tests.exchange.offices import report
from tests.ui.test_plan_names_ui import PLAN, REISSUED
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
    gc_pause.hold_for_start_up()  # as cli.launch does before the window's imports
    session = GuiSession(zh_app, db_path, qt_settings)
    session.start()
    window = session.window
    assert window is not None
    try:
        qtbot.waitUntil(lambda: window.store is not None, timeout=20_000)
        assert gc.isenabled()  # switched back on once the first plans were shown
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


def _three_plans(db_path: Path) -> tuple[int, list[str]]:
    """The embedded plan and two more with one title; their task count and tree names."""
    with Store.open(db_path) as store:
        store.set_office(None, coordinating_office=True)
        store.import_plan(parse_plan_text(PLAN))
        store.import_plan(parse_plan_text(REISSUED))
        plans = store.plan_views()
    return sum(len(p.all_tasks()) for p in plans), [name for _id, name in plan_labels(plans)]


def _start(zh_app: QApplication, db_path: Path, qt_settings: QSettings) -> GuiSession:
    session = GuiSession(zh_app, db_path, qt_settings)
    session.start()
    return session


def _ready(window: MainWindow) -> bool:
    return window.store is not None and window.tree.isEnabled()


def _stop(session: GuiSession) -> None:
    assert session.window is not None
    session.window.close()
    session.window.deleteLater()
    session._on_quit()
    session.deleteLater()


def test_a_large_store_shows_a_screenful_first_and_is_not_read_again(
    qtbot: QtBot,
    zh_app: QApplication,
    db_path: Path,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tasks, names = _three_plans(db_path)
    monkeypatch.setattr(fast_read, "FIRST_SCREEN_TASKS", 1)
    shown: list[int] = []
    original_show, original_add = MainWindow.show_first_fill, MainWindow.add_first_fill

    def show(self: MainWindow, plans: list[PlanView], warning_days: int) -> None:
        original_show(self, plans, warning_days)
        shown.append(len(self.model.plan_nodes()))

    def add(self: MainWindow, plans: list[PlanView]) -> None:
        original_add(self, plans)
        shown.append(len(self.model.plan_nodes()))

    reads: list[str] = []
    original_views = Store.plan_views

    def plan_views(self: Store) -> list[PlanView]:
        reads.append("store")
        return original_views(self)

    monkeypatch.setattr(MainWindow, "show_first_fill", show)
    monkeypatch.setattr(MainWindow, "add_first_fill", add)
    monkeypatch.setattr(Store, "plan_views", plan_views)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    session = _start(zh_app, db_path, qt_settings)
    window = session.window
    assert window is not None
    try:
        qtbot.waitUntil(lambda: _ready(window), timeout=20_000)
        assert shown == [1, 3]  # the embedded plan first, then the other two
        assert reads == []  # the file had not changed: the plans shown are kept
        assert window.proxy.visible_task_count() == tasks
        # The second plan of one title came later, and the names were made again.
        assert [node.label for node in window.model.plan_nodes()] == names
        assert len(set(names)) == 3
    finally:
        _stop(session)


def test_a_file_changed_while_its_plans_were_shown_is_read_again(
    qtbot: QtBot,
    zh_app: QApplication,
    db_path: Path,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _three_plans(db_path)
    monkeypatch.setattr(fast_read, "FIRST_SCREEN_TASKS", 1)
    original_add = MainWindow.add_first_fill

    def add(self: MainWindow, plans: list[PlanView]) -> None:
        original_add(self, plans)
        with Store.open(db_path) as other:  # another program writes meanwhile
            report(other, 23, "省公安厅", 40)

    monkeypatch.setattr(MainWindow, "add_first_fill", add)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    session = _start(zh_app, db_path, qt_settings)
    window = session.window
    assert window is not None
    try:
        qtbot.waitUntil(lambda: _ready(window), timeout=20_000)
        node = window.model.node_by_id(window.store.find_task_id(None, 23))
        assert node is not None and node.task is not None
        assert [p.percent for p in node.task.current_progress] == [40]
    finally:
        _stop(session)


def test_a_store_that_opens_before_the_rest_is_read_waits_for_it(
    qtbot: QtBot,
    zh_app: QApplication,
    db_path: Path,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tasks, _names = _three_plans(db_path)
    monkeypatch.setattr(fast_read, "FIRST_SCREEN_TASKS", 1)
    slow_rest = fast_read.FirstFillReader.read_rest

    def read_rest(self: fast_read.FirstFillReader) -> list[PlanView]:
        time.sleep(1.5)  # the store, opening beside it, is ready first
        return slow_rest(self)

    order: list[str] = []
    original_add, original_set = MainWindow.add_first_fill, MainWindow.set_store

    def add(self: MainWindow, plans: list[PlanView]) -> None:
        order.append("rest shown")
        original_add(self, plans)

    def set_store(self: MainWindow, store: Store, **kwargs: bool) -> None:
        order.append(f"store swapped in, plans current: {kwargs.get('plans_current')}")
        original_set(self, store, **kwargs)

    monkeypatch.setattr(fast_read.FirstFillReader, "read_rest", read_rest)
    monkeypatch.setattr(MainWindow, "add_first_fill", add)
    monkeypatch.setattr(MainWindow, "set_store", set_store)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    session = _start(zh_app, db_path, qt_settings)
    window = session.window
    assert window is not None
    try:
        qtbot.waitUntil(lambda: _ready(window), timeout=20_000)
        assert order == ["rest shown", "store swapped in, plans current: True"]
        assert window.proxy.visible_task_count() == tasks
    finally:
        _stop(session)


def test_the_frame_gets_its_tree_and_shortcuts_before_the_first_plans(
    qtbot: QtBot, zh_app: QApplication, db_path: Path, qt_settings: QSettings
) -> None:
    from PySide6.QtGui import QKeySequence

    window = MainWindow(qt_settings, complete=False)
    qtbot.addWidget(window)
    # The frame: menus and an empty tree view, nothing behind them yet.
    assert window.tree.model() is None
    assert window.menu_actions.find.shortcut().isEmpty()
    assert [m.title() for m in window.menus.values()][:2] == ["文件(&F)", "编辑(&E)"]
    reader = fast_read.FirstFillReader.open(db_path)
    if reader is None:  # a fresh file: made by the store, then read ahead
        Store.open(db_path).close()
        reader = fast_read.FirstFillReader.open(db_path)
    assert reader is not None
    fill = reader.read_first(fast_read.FIRST_SCREEN_TASKS)
    reader.close()
    assert fill is not None
    window.show_first_fill(fill.plans, fill.warning_days)
    assert window.tree.model() is window.proxy
    assert window.proxy.visible_task_count() == 60
    assert window.menu_actions.find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.menu_actions.report.shortcut().toString() == "Ctrl+N"
    # The search bar came with the tree, above it.
    window.filter_bar.search.setText("公安厅")
    window.filter_bar.flush()
    assert 0 < window.proxy.visible_task_count() < 60
