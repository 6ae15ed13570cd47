"""Window layer: the banner above the plan tree while it shows a dashboard figure's tasks.

Its own module so the main window can make it at start-up without importing the dashboard
(built when its tab is first opened).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class TaskFilterBanner(QFrame):
    """Above the tree while it shows a dashboard figure's tasks: what they are, and a way back."""

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("task_filter_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#task_filter_banner { background: #fff7e0; border: 1px solid #e0c36a; }"
        )
        self.label = QLabel(self)
        self.label.setObjectName("task_filter_label")
        self.label.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("显示全部任务"), self)
        self.clear_button.setObjectName("task_filter_clear")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self.clear_button.clicked.connect(self.clear_requested)
        self.hide()

    def show_filter(self, what: str, count: int) -> None:
        self.label.setText(
            self.tr("看板筛选　{what}（{count} 项任务）").format(what=what, count=count)
        )
        self.show()
