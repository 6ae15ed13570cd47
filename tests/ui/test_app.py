"""Start-up, first run, language switch, settings and the screenshot command."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from models.store import Store
from ui import settings as keys
from ui.app import GuiSession
from ui.common import messages
from ui.diagnostics.screenshot import take_screenshot
from ui.main_window import MainWindow
from ui.units.office_dialog import OfficeChoice, OfficeDialog

from .conftest import MakeWindow

pytestmark = pytest.mark.gui


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


@pytest.fixture
def session(
    qtbot: QtBot,
    zh_app: QApplication,
    db_path: Path,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[GuiSession]:
    """A GUI session as ``run_gui`` starts it, on a fresh file, first run answered."""

    def choose(self: OfficeDialog) -> int:
        self.set_data(OfficeChoice("省公安厅"))
        self.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(OfficeDialog, "exec", choose)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)  # offscreen: nothing to see
    started = GuiSession(zh_app, db_path, qt_settings)
    started.start()
    assert started.window is not None
    with qtbot.waitSignal(started.window.plans_reloaded, timeout=20_000):
        pass
    yield started
    if started.window is not None:
        started.window.close()
        started.window.deleteLater()
    started._on_quit()
    started.deleteLater()


def test_first_run_creates_seeds_and_asks_for_the_unit(
    session: GuiSession,
    db_path: Path,
    qtbot: QtBot,
) -> None:
    window = session.window
    assert window is not None
    assert db_path.exists()
    assert window.proxy.visible_task_count() == 60
    qtbot.waitUntil(lambda: "本机：省公安厅" in window.office_label.text())
    assert menu_titles(window) == [
        "文件(&F)",
        "编辑(&E)",
        "视图(&V)",
        "督办(&S)",
        "工具(&T)",
        "帮助(&H)",
    ]


def test_language_switch_shows_english_menus(
    session: GuiSession,
    english_catalogue: Path,
    qt_settings: QSettings,
) -> None:
    assert english_catalogue.exists()
    old = session.window
    assert old is not None and old.select_task_number(20)
    old.menu_actions.languages["en"].trigger()
    window = session.window
    assert window is not None and window is not old
    assert keys.language(qt_settings) == "en"
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Supervision", "&Tools", "&Help"]
    assert window.menu_actions.import_plan.text() == "&Import plan…"
    assert window.filter_bar.unit_box.itemText(0) == "All units"
    assert window.detail.title.text() == "Task 20"  # the last selection came along
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    window.menu_actions.languages["zh_CN"].trigger()
    assert session.window is not None
    assert menu_titles(session.window)[0] == "文件(&F)"


def test_window_layout_is_remembered(
    make_window: MakeWindow,
    store: Store,
    qt_settings: QSettings,
) -> None:
    window: MainWindow = make_window(store)
    window.splitter.setSizes([500, 780])
    window.tabs.setCurrentIndex(1)
    assert window.select_task_number(33)
    window.close()
    again: MainWindow = make_window(store)
    assert again.tabs.currentIndex() == 1
    assert again.splitter.saveState() == window.splitter.saveState()
    node = again.selected_node()
    assert node is not None and node.task is not None and node.task.number == 33


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support")
def test_screenshot_renders_the_window_to_png(
    zh_app: QApplication,
    db_path: Path,
    tmp_path: Path,
) -> None:
    out = tmp_path / "shots" / "shot.png"
    take_screenshot(db_path, out, select_task=20)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    with pytest.raises(ValueError):
        take_screenshot(db_path, tmp_path / "none.png", select_task=999)


def test_a_file_that_is_no_database_is_reported_in_words(
    qtbot: QtBot,
    zh_app: QApplication,
    tmp_path: Path,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "notes.sqlite"
    bad.write_text("这不是数据库", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _parent, _title, text, *_a: shown.append(text))
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    session = GuiSession(zh_app, bad, qt_settings)
    with qtbot.waitSignal(session.database_failed, timeout=20_000):
        session.start()
    assert shown[0].startswith("这不是督办的数据库文件，或文件已损坏")
    assert session.window is not None and session.window.store is None
    session.window.deleteLater()
    session.deleteLater()


def test_every_window_string_has_an_english_translation() -> None:
    from scripts.build_translations import unfinished

    assert unfinished("en") == []


def test_reload_keeps_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    assert window.select_task_number(42)
    with qtbot.waitSignal(window.plans_reloaded):
        window.menu_actions.reload.trigger()
    node = window.selected_node()
    assert node is not None and node.task is not None and node.task.number == 42


def test_restore_backup_is_offered_once_the_window_is_ready(
    session: GuiSession, qtbot: QtBot
) -> None:
    """The command objects are made after the first fill; 恢复备份 must not stay greyed."""
    window = session.window
    assert window is not None
    qtbot.waitUntil(lambda: "backups" in vars(window), timeout=5_000)
    assert window.menu_actions.restore_backup.isEnabled()


def test_first_fill_waits_for_the_first_paint(qtbot) -> None:
    """The plans are read once the empty window has painted, exactly once; a window that
    never paints (minimised) still gets them after a short wait."""
    from PySide6.QtWidgets import QWidget

    from ui.app import after_first_paint

    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    calls: list[str] = []
    after_first_paint(shown, lambda: calls.append("shown"))
    after_first_paint(hidden, lambda: calls.append("hidden"))
    assert calls == []  # never before the event loop has run
    shown.show()
    qtbot.waitUntil(lambda: "shown" in calls)
    qtbot.waitUntil(lambda: "hidden" in calls)  # the fallback
    shown.update()
    qtbot.wait(400)
    assert sorted(calls) == ["hidden", "shown"]
