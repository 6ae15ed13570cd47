"""Window layer: the main window's status bar and its saved layout (split from main_window).

Strings keep the ``MainWindow`` translation context they had inside the window, so the
English catalogue needs no new entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

# ``Qt`` only where it is used: see ui/main_window.py.
from PySide6.QtCore import QByteArray, QCoreApplication, QMargins, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ui import settings as keys

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QSplitter, QTabWidget

    from domain.records import Installation, PlanView
    from models.locations import DatabaseLocation

#: Pixels of the plan title in the status bar (titles run to 60 characters).
PLAN_LABEL_WIDTH = 360
#: The window's size where the screen has room for it (a 1920×1080 monitor).
DEFAULT_SIZE = QSize(1280, 800)
#: What a window manager adds around the window (title bar, borders), allowed for before
#: the window is shown and its real frame is known.
FRAME_ALLOWANCE = QMargins(4, 24, 4, 4)
#: Narrower than this, the detail pane is given its share back when it reappears.
DETAIL_MIN_WIDTH = 300


class StatusLabels:
    """The permanent labels: plan, tasks shown, this PC's unit, where the data lives (a file
    on this PC, or the office's server), and the 已更新 mark of a server's refresh."""

    def __init__(self, window: QMainWindow) -> None:
        bar = window.statusBar()
        self.plan_label = QLabel(window)
        self.count_label = QLabel(window)
        self.office_label = QLabel(window)
        self.updated_label = QLabel(window)
        self.updated_label.setObjectName("updated_mark")
        self.db_label = QLabel(window)
        self.db_label.setObjectName("database_mark")
        for label in (
            self.plan_label,
            self.count_label,
            self.office_label,
            self.updated_label,
            self.db_label,
        ):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self.updated_label.hide()

    def mark_updated(self, when: str) -> None:
        """另一台电脑录入的新数据已显示: visible until the next mark."""
        self.updated_label.setText(
            QCoreApplication.translate("MainWindow", "已更新 {time}").format(time=when)
        )
        self.updated_label.setToolTip(
            QCoreApplication.translate("MainWindow", "其他电脑刚录入或修改的数据已自动显示")
        )
        self.updated_label.setStyleSheet("color: #1a6e1a; font-weight: bold;")
        self.updated_label.show()

    def update(
        self,
        plan: PlanView | None,
        shown: int,
        total: int,
        installation: Installation | None,
        path: DatabaseLocation | None,
    ) -> None:
        from PySide6.QtCore import Qt

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
            home = installation.home_unit_name
            if home and home != office:  # 单位名录: its tasks are read under another name
                office = QCoreApplication.translate("MainWindow", "{unit}（即{home}）").format(
                    unit=office, home=home
                )
        self.office_label.setText(
            QCoreApplication.translate("MainWindow", "本机：{office}").format(office=office)
        )
        self._show_location(path)

    def _show_location(self, path: DatabaseLocation | None) -> None:
        from models.locations import ServerAddress  # standard library only

        if isinstance(path, ServerAddress):
            # Plainly different from a file: several desks share what is shown here.
            self.db_label.setText(
                QCoreApplication.translate("MainWindow", "数据：服务器 {name}").format(
                    name=path.short_name()
                )
            )
            self.db_label.setToolTip(
                QCoreApplication.translate(
                    "MainWindow", "数据保存在办公室的数据库服务器上，多台电脑共用：{url}"
                ).format(url=path.display())
            )
            self.db_label.setStyleSheet("color: #0b4f9c; font-weight: bold;")
            return
        self.db_label.setText(
            QCoreApplication.translate("MainWindow", "数据：本机 {name}").format(
                name=path.name if path else "—"
            )
        )
        self.db_label.setToolTip(
            QCoreApplication.translate("MainWindow", "数据保存在本机文件中：{path}").format(
                path=path
            )
            if path
            else ""
        )
        self.db_label.setStyleSheet("")


class DetailSwitch:
    """The detail pane beside the tree and unit tabs, unless the clerk hid it (视图 → 详情窗格,
    remembered); the dashboard always has the whole width (a 1024-pixel screen needs it)."""

    def __init__(
        self,
        settings: QSettings,
        action: QAction,
        tabs: QTabWidget,
        splitter: QSplitter,
        detail: QWidget,
        wide_tab: int,
    ) -> None:
        self._settings = settings
        self._action = action
        self._tabs = tabs
        self._splitter = splitter
        self._detail = detail
        self._wide_tab = wide_tab
        #: The tree/detail split before the pane was hidden.
        self._split: list[int] = []
        action.setChecked(bool(settings.value(keys.KEY_DETAIL_PANE, True, type=bool)))
        action.toggled.connect(self._on_toggled)
        tabs.currentChanged.connect(self.update)
        self.update()

    def _on_toggled(self, shown: bool) -> None:
        self._settings.setValue(keys.KEY_DETAIL_PANE, shown)
        self.update()

    def update(self) -> None:
        wanted = self._action.isChecked() and self._tabs.currentIndex() != self._wide_tab
        detail, splitter = self._detail, self._splitter
        if not wanted:
            if not detail.isHidden():
                self._split = splitter.sizes()
                detail.hide()
            return
        if detail.isHidden():
            detail.show()
            total = sum(splitter.sizes())
            sizes = self._split
            if not sizes or sizes[1] < DETAIL_MIN_WIDTH:  # e.g. the app was closed on the board
                sizes = [total * 11 // 20, total - total * 11 // 20]
            splitter.setSizes(sizes)


@dataclass(frozen=True)
class Placement:
    """Where the window opens: its geometry (without the frame) and whether maximised."""

    geometry: QRect
    maximised: bool


def fits(geometry: QRect, available: QRect, frame: QMargins = FRAME_ALLOWANCE) -> bool:
    """Whether a window of ``geometry``, with its frame, lies wholly within ``available``."""
    return available.contains(geometry.marginsAdded(frame))


def first_placement(
    available: QRect, size: QSize = DEFAULT_SIZE, frame: QMargins = FRAME_ALLOWANCE
) -> Placement:
    """The default size centred on a roomy screen; maximised on a small one (a 1366×768
    laptop with its taskbar, a 1024×768 projector), with a normal geometry that fits too."""
    inner = available.marginsRemoved(frame)
    if size.width() <= inner.width() and size.height() <= inner.height():
        geometry = QRect(0, 0, size.width(), size.height())
        geometry.moveCenter(inner.center())
        return Placement(geometry, maximised=False)
    return Placement(inner, maximised=True)


def available_geometry(around: QRect | None = None) -> QRect:
    """The usable part (without taskbars) of the screen showing ``around``, else the
    primary screen's."""
    screen = QGuiApplication.screenAt(around.center()) if around is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def fit_to_screen(window: QMainWindow, available: QRect | None = None) -> Placement:
    """Before the first show: keep the restored geometry if it still fits the screen (or was
    maximised), else open at ``first_placement``. Returns what the window will show as."""
    if window.isMaximized() or window.isFullScreen():
        return Placement(window.normalGeometry(), maximised=True)
    restored = window.geometry()
    area = available if available is not None else available_geometry(restored)
    if fits(restored, area):
        return Placement(restored, maximised=False)
    placement = first_placement(area)
    window.setGeometry(placement.geometry)
    if placement.maximised:
        from PySide6.QtCore import Qt

        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return placement


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
