"""Window layer: the main window's status bar and its saved layout (split from main_window).

Strings keep the ``MainWindow`` translation context they had inside the window, so the
English catalogue needs no new entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QTabWidget

from ui import settings as keys

if TYPE_CHECKING:
    from pathlib import Path

    from domain.records import Installation, PlanView

#: Pixels of the plan title in the status bar (titles run to 60 characters).
PLAN_LABEL_WIDTH = 360


class StatusLabels:
    """The four permanent labels: plan, tasks shown, this PC's unit, the database file."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.statusBar()
        self.plan_label = QLabel(window)
        self.count_label = QLabel(window)
        self.office_label = QLabel(window)
        self.db_label = QLabel(window)
        for label in (self.plan_label, self.count_label, self.office_label, self.db_label):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)

    def update(
        self,
        plan: PlanView | None,
        shown: int,
        total: int,
        installation: Installation | None,
        path: Path | None,
    ) -> None:
        from ui.common import words  # only once data is shown: keeps it off the first paint

        title = plan.title if plan else "—"
        elided = self.plan_label.fontMetrics().elidedText(
            title, Qt.TextElideMode.ElideMiddle, PLAN_LABEL_WIDTH
        )
        self.plan_label.setText(
            QCoreApplication.translate("MainWindow", "方案：{title}").format(title=elided)
        )
        self.plan_label.setToolTip(title)
        self.count_label.setText(
            QCoreApplication.translate("MainWindow", "显示任务：{shown}/{total}").format(
                shown=shown, total=total
            )
        )
        if installation is None or not installation.configured:
            office = QCoreApplication.translate("MainWindow", "未设置")
        elif installation.is_coordinating_office:
            office = words.coordinating_office_text()
        else:
            office = installation.unit_name or ""
        self.office_label.setText(
            QCoreApplication.translate("MainWindow", "本机：{office}").format(office=office)
        )
        self.db_label.setText(
            QCoreApplication.translate("MainWindow", "数据：{name}").format(
                name=path.name if path else "—"
            )
        )
        self.db_label.setToolTip(str(path) if path else "")


def restore_layout(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, tabs: QTabWidget, tab: int
) -> None:
    """Geometry, docks, splitter and left tab as the clerk left them (``tab`` if unknown)."""
    for key, restore in (
        (keys.KEY_GEOMETRY, window.restoreGeometry),
        (keys.KEY_STATE, window.restoreState),
        (keys.KEY_SPLITTER, splitter.restoreState),
    ):
        value = settings.value(key)
        if isinstance(value, QByteArray):
            restore(value)
    saved = str(settings.value(keys.KEY_TAB, tab))
    tabs.setCurrentIndex(int(saved) if saved.isdigit() else tab)


def save_layout(
    settings: QSettings, window: QMainWindow, splitter: QSplitter, tabs: QTabWidget
) -> None:
    settings.setValue(keys.KEY_GEOMETRY, window.saveGeometry())
    settings.setValue(keys.KEY_STATE, window.saveState())
    settings.setValue(keys.KEY_SPLITTER, splitter.saveState())
    settings.setValue(keys.KEY_TAB, tabs.currentIndex())
    settings.sync()
