"""Window layer: give a dialog its preferred size, or less where the screen is smaller.

A 1024×768 projector with a taskbar leaves about 1024×728 pixels; a dialog asking for more
would put its buttons under the taskbar or past the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room kept for the window manager's frame (borders, title bar) around a dialog.
FRAME = QSize(16, 48)


def bounded_size(wanted: QSize, available: QRect) -> QSize:
    """``wanted``, shrunk to fit ``available`` (a screen's usable area) with its frame."""
    return wanted.boundedTo(available.size() - FRAME)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width``×``height``, or less on a smaller screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    wanted = QSize(width, height)
    widget.resize(bounded_size(wanted, screen.availableGeometry()) if screen else wanted)
