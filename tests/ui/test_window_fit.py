"""The window fits the screen it opens on: a 1366×768 laptop with a taskbar, a 1024×768
projector, a wide monitor; the dashboard stays readable at 1024 pixels."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from models.store import Store
from ui.i18n import install_translators
from ui.main_window import TAB_DASHBOARD, TAB_TREE, MainWindow
from ui.window_state import DEFAULT_SIZE, first_placement, fit_to_screen, fits

from .conftest import MakeWindow

pytestmark = [
    pytest.mark.gui,
    # the offscreen platform says so whenever a shown window is resized
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support"),
]

LAPTOP = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
PROJECTOR = QRect(0, 0, 1024, 768)
PROJECTOR_TASKBAR = QRect(0, 0, 1024, 728)
MONITOR = QRect(0, 0, 1920, 1040)
RIGHT_MONITOR = QRect(1920, 0, 1920, 1080)


@pytest.mark.parametrize("screen", [LAPTOP, PROJECTOR, PROJECTOR_TASKBAR])
def test_small_screens_open_maximised_with_a_normal_size_that_fits(screen: QRect) -> None:
    placement = first_placement(screen)
    assert placement.maximised
    assert fits(placement.geometry, screen)  # un-maximising keeps the status bar in sight


@pytest.mark.parametrize("screen", [MONITOR, RIGHT_MONITOR])
def test_roomy_screens_open_centred_at_the_default_size(screen: QRect) -> None:
    placement = first_placement(screen)
    assert not placement.maximised
    assert placement.geometry.size() == DEFAULT_SIZE
    assert fits(placement.geometry, screen)
    assert abs(placement.geometry.center().x() - screen.center().x()) <= 1


def test_a_window_fits_only_with_its_frame_inside_the_screen() -> None:
    assert fits(QRect(100, 60, 1280, 800), MONITOR)
    assert not fits(QRect(100, 60, 1280, 800), LAPTOP)  # the status bar under the taskbar
    assert not fits(QRect(0, 0, 1000, 600), LAPTOP)  # the title bar above the screen
    assert not fits(QRect(1500, 60, 1000, 600), MONITOR)  # half on a monitor now unplugged
    assert fits(QRect(2000, 60, 1000, 600), RIGHT_MONITOR)


def test_a_saved_geometry_is_kept_only_while_it_fits(make_window: MakeWindow, store: Store) -> None:
    window = make_window(store)
    window.setGeometry(QRect(40, 60, 1000, 600))
    kept = fit_to_screen(window, LAPTOP)
    assert not kept.maximised and not window.isMaximized()
    assert window.geometry() == QRect(40, 60, 1000, 600)

    again = make_window(store)
    again.setGeometry(QRect(300, 100, 1280, 800))  # saved on a wide monitor
    placed = fit_to_screen(again, LAPTOP)
    assert placed.maximised and again.windowState() & Qt.WindowState.WindowMaximized
    assert fits(again.geometry(), LAPTOP)


def test_a_maximised_window_stays_maximised(make_window: MakeWindow, store: Store) -> None:
    window = make_window(store)
    window.setWindowState(Qt.WindowState.WindowMaximized)
    assert fit_to_screen(window, PROJECTOR).maximised
    assert window.isMaximized()


def test_the_window_can_be_as_small_as_a_1024_screen(
    qtbot: QtBot,
    qapp: QApplication,
    store: Store,
    qt_settings: QSettings,
    english_catalogue: Path,
) -> None:
    """In both languages, on every tab, the window's minimum fits 1024×768 with a taskbar
    and a title bar; at that size the dashboard's cards wrap instead of widening it."""
    room = PROJECTOR_TASKBAR.size() - QSize(8, 28)
    try:
        for language in ("zh_CN", "en"):
            install_translators(qapp, language)
            window = MainWindow(qt_settings)
            qtbot.addWidget(window)
            window.set_store(store)
            for tab in (TAB_TREE, 1, TAB_DASHBOARD):
                window.tabs.setCurrentIndex(tab)
                need = window.minimumSizeHint()
                assert need.width() <= room.width(), (language, tab, need)
                assert need.height() <= room.height(), (language, tab, need)
            window.resize(room)
            window.show()
            qtbot.waitExposed(window)
            board = window.dashboard
            assert not window.detail.isVisible()  # the board has the whole width
            cards = [board.all_card, *board.cards.values()]
            assert all(card.isVisible() for card in cards)
            right = board.mapTo(window, board.rect().topRight()).x()
            for card in cards:
                assert card.mapTo(window, card.rect().topRight()).x() <= right, card.text()
            window.resize(480, room.height())  # narrower still: the cards take two lines
            qtbot.wait(50)
            assert len({card.y() for card in cards}) > 1
            window.close()
    finally:
        install_translators(qapp, "zh_CN")


def test_the_detail_pane_can_be_hidden_and_stays_so(
    make_window: MakeWindow, store: Store, qtbot: QtBot
) -> None:
    window = make_window(store)
    window.show()
    qtbot.waitExposed(window)
    toggle = window.menu_actions.show_detail
    assert toggle.isChecked() and window.detail.isVisible()
    toggle.trigger()
    assert not window.detail.isVisible()
    qtbot.waitUntil(lambda: window.tabs.width() > window.width() - 20)  # the tree's now
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    window.tabs.setCurrentIndex(TAB_TREE)
    assert not window.detail.isVisible()  # the clerk's choice, not the tab's
    window.close()

    again = make_window(store)
    again.show()
    qtbot.waitExposed(again)
    assert not again.menu_actions.show_detail.isChecked() and not again.detail.isVisible()
    again.menu_actions.show_detail.trigger()
    assert again.detail.isVisible() and again.detail.width() >= 300
    again.close()


def test_a_window_reopened_on_the_dashboard_gives_it_the_whole_width(
    make_window: MakeWindow, store: Store, qtbot: QtBot
) -> None:
    """As after a language switch: the tab comes back from the settings."""
    window = make_window(store)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    window.close()
    again = make_window(store)
    again.show()
    qtbot.waitExposed(again)
    assert again.tabs.currentIndex() == TAB_DASHBOARD
    assert not again.detail.isVisible()
    again.tabs.setCurrentIndex(TAB_TREE)
    assert again.detail.isVisible()
    again.close()
