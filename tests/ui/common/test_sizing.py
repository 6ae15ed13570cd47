"""Dialogs take their preferred size, or less on a small screen (buttons stay on screen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from ui.common.sizing import FRAME, bounded_size
from ui.exchange.import_log_view import ImportLogDialog
from ui.printing.preview import PdfPreview

pytestmark = pytest.mark.gui

PROJECTOR_TASKBAR = QRect(0, 0, 1024, 728)


def test_a_size_is_kept_where_it_fits_and_shrunk_where_not() -> None:
    assert bounded_size(QSize(640, 560), PROJECTOR_TASKBAR) == QSize(640, 560)
    assert bounded_size(QSize(1100, 480), PROJECTOR_TASKBAR) == QSize(1024 - FRAME.width(), 480)
    assert bounded_size(QSize(900, 1000), PROJECTOR_TASKBAR) == QSize(900, 728 - FRAME.height())


def test_the_widest_and_the_tallest_window_fit_the_screen(qtbot: QtBot, zh_app: object) -> None:
    """The import log asks for 1100 pixels, the print preview for 1000: neither may exceed
    the screen they open on (offscreen here: 800×800)."""
    screen = QGuiApplication.primaryScreen().availableGeometry()
    log = ImportLogDialog()
    preview = PdfPreview(b"", "督办单", "督办单.pdf")
    for widget in (log, preview):
        qtbot.addWidget(widget)
        assert widget.width() <= screen.width() - FRAME.width()
        assert widget.height() <= screen.height() - FRAME.height()
