"""Window layer: the 督办看板 tab: counts by light for the plan, each section and each unit,
with a completion donut and bars per unit. A click on any figure asks the window to show
exactly those tasks in the tree (``tasks_chosen``).

The figures come from ``store.lights`` and ``supervision.figures.plan_figures``, the same
path as ``status --json``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.status_lights import LIGHT_ORDER, Light
from ui import clock
from ui.common import words
from ui.common.flow_layout import FlowLayout
from ui.dashboard.charts import CompletionDonut, UnitBars
from ui.dashboard.figure_card import NEUTRAL, PENDING_COLOUR, FigureCard
from ui.dashboard.models import (
    COL_UNIT,
    DashboardData,
    RowIdRole,
    SectionTableModel,
    SortRole,
    UnitTableModel,
    unit_column_title,
)
from ui.tree.filter_banner import TaskFilterBanner

if TYPE_CHECKING:
    from models.store import Store

__all__ = ["Dashboard", "TaskFilterBanner"]  # the banner lived here once


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setCursor(Qt.CursorShape.PointingHandCursor)
    view.setWordWrap(False)
    return view


class Dashboard(QWidget):
    """督办看板: figures of one plan on one day (today unless the clerk picks another)."""

    #: (task ids, what they are) — the window filters the tree to exactly these tasks.
    tasks_chosen = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard")
        self._store: Store | None = None
        self._data: DashboardData | None = None
        self._stale = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._init_widgets()
        self._init_layout()
        self._refresh_timer.timeout.connect(self._recompute)
        self.as_of.dateChanged.connect(self.refresh)
        self.today_button.clicked.connect(self._on_today)
        self.plan_box.currentIndexChanged.connect(self.refresh)
        self.all_card.clicked.connect(lambda: self._on_plan_light(""))
        self.pending_card.clicked.connect(self._on_pending)
        for light, card in self.cards.items():
            card.clicked.connect(lambda _=False, value=light.value: self._on_plan_light(value))
        self.donut.light_clicked.connect(self._on_plan_light)
        self.bars.segment_clicked.connect(self._on_bar)
        self.section_view.clicked.connect(self._on_section_cell)
        self.unit_view.clicked.connect(self._on_unit_cell)

    def _init_widgets(self) -> None:
        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("dashboard_as_of")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self._set_date(clock.today())
        self.today_button = QPushButton(self.tr("今天"), self)
        self.plan_box = QComboBox(self)
        self.plan_box.setObjectName("dashboard_plan")
        self.plan_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.plan_box.setMinimumContentsLength(20)
        self.info = QLabel(self)
        self.info.setObjectName("dashboard_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("color: #5f6b78;")
        self.all_card = FigureCard(self.tr("全部任务"), NEUTRAL, self)
        self.all_card.setObjectName("card_all")
        # 待补充: tasks whose units the document did not give; shown only while there are any.
        self.pending_card = FigureCard(self.tr("待补充"), PENDING_COLOUR, self)
        self.pending_card.setObjectName("card_pending")
        self.pending_card.setToolTip(self.tr("分工单位无法从原文识别，待协调办公室补全的任务"))
        self.pending_card.setVisible(False)
        self.cards: dict[Light, FigureCard] = {}
        for light in LIGHT_ORDER:
            card = FigureCard(words.light_text(light), words.LIGHT_COLOURS[light], self)
            card.setObjectName(f"card_{light.value}")
            card.setToolTip(words.light_reason(light))
            self.cards[light] = card
        self.donut = CompletionDonut(self)
        self.donut.setObjectName("completion_donut")
        self.section_model = SectionTableModel(self)
        self.section_view = _table(self, "section_table")
        self.section_view.setModel(self.section_model)
        header = self.section_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.bars = UnitBars(self)
        self.bars.setObjectName("unit_bars")
        self.unit_model = UnitTableModel(self)
        self.unit_proxy = QSortFilterProxyModel(self)
        self.unit_proxy.setSourceModel(self.unit_model)
        self.unit_proxy.setSortRole(SortRole)
        self.unit_view = _table(self, "unit_table")
        self.unit_view.setModel(self.unit_proxy)
        # No sort column at first: units in the order the plan names them.
        self.unit_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.unit_view.setSortingEnabled(True)
        header = self.unit_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Most unit names whole (not "省知…" beside wide English headers), the rare long one
        # elided with its tooltip; a narrow screen scrolls the table sideways instead.
        header.setSectionResizeMode(COL_UNIT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(
            COL_UNIT, self.fontMetrics().horizontalAdvance("省新闻出版广电局") + 16
        )

    def _init_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("截至"), self))
        top.addWidget(self.as_of)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.plan_box)
        top.addStretch(1)
        self._top_bar = top
        # The cards wrap onto a second line rather than widen the board (a 1024-pixel screen).
        cards = FlowLayout()
        cards.addWidget(self.all_card)
        for card in self.cards.values():
            cards.addWidget(card)
        cards.addWidget(self.pending_card)

        middle = QHBoxLayout()
        donut_box = QGroupBox(self.tr("完成情况"), self)
        QVBoxLayout(donut_box).addWidget(self.donut)
        section_box = QGroupBox(self.tr("各部分"), self)
        QVBoxLayout(section_box).addWidget(self.section_view)
        middle.addWidget(donut_box)
        middle.addWidget(section_box, 1)

        bars_scroll = QScrollArea(self)
        bars_scroll.setWidgetResizable(True)
        bars_scroll.setFrameShape(QFrame.Shape.NoFrame)
        bars_scroll.setWidget(self.bars)
        bars_box = QGroupBox(self.tr("各单位任务状态"), self)
        QVBoxLayout(bars_box).addWidget(bars_scroll)
        unit_box = QGroupBox(self.tr("各单位报送情况"), self)
        QVBoxLayout(unit_box).addWidget(self.unit_view)
        bottom = QSplitter(Qt.Orientation.Horizontal, self)
        bottom.setObjectName("dashboard_splitter")
        bottom.setChildrenCollapsible(False)
        bottom.addWidget(bars_box)
        bottom.addWidget(unit_box)
        bottom.setSizes([560, 620])

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addLayout(cards)
        layout.addLayout(middle)
        layout.addWidget(bottom, 1)
        # Scrolls rather than forcing its width on the window (the tabs share one minimum).
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- data ----------------------------------------------------------------------------
    def set_store(self, store: Store | None) -> None:
        self._store = store
        self.refresh()

    def set_plans(self, plans: list[tuple[str, str]], current: str | None) -> None:
        """Offer ``(plan id, title)``; the combo shows only when there is a choice."""
        chosen = self.plan_id() or current
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan_id, title in plans:
            self.plan_box.addItem(title, plan_id)
        index = self.plan_box.findData(chosen) if chosen else 0
        self.plan_box.setCurrentIndex(max(index, 0))
        self.plan_box.blockSignals(False)
        self.plan_box.setVisible(len(plans) > 1)
        self.refresh()

    def plan_id(self) -> str | None:
        data = self.plan_box.currentData()
        return str(data) if data else None

    def as_of_date(self) -> dt.date:
        q = self.as_of.date()
        return dt.date(q.year(), q.month(), q.day())

    def set_as_of(self, day: dt.date) -> None:
        self._set_date(day)

    def _set_date(self, day: dt.date) -> None:
        self.as_of.setDate(QDate(day.year, day.month, day.day))

    def data(self) -> DashboardData | None:
        """The figures on show (computed now if they are out of date)."""
        if self._stale:
            self._recompute()
        return self._data

    @Slot()
    def refresh(self) -> None:
        """The data changed: recompute once, now if visible, else when next shown."""
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._recompute()

    @Slot()
    def _recompute(self) -> None:
        self._stale = False
        store = self._store
        if store is None or not store.plans():
            self._data = None
            return
        view, lights = store.lights(self.as_of_date(), self.plan_id())
        self._data = data = DashboardData.build(view, lights, self.as_of_date())
        figures = data.figures
        self.all_card.set_count(figures.task_count)
        pending = len(data.pending_tasks())
        self.pending_card.set_count(pending)
        self.pending_card.setVisible(pending > 0)
        for light, card in self.cards.items():
            card.set_count(figures.total.get(light, 0))
        self.donut.set_counts(figures.total)
        self.section_model.set_rows(
            [(sid, data.section_label(sid), counts) for sid, _title, counts in figures.by_section]
        )
        self.bars.set_rows([(u.unit_id, u.unit_name, u.lights) for u in figures.by_unit])
        self.unit_model.set_figures(figures.by_unit)
        self.info.setText(
            self.tr("报送节点：{rounds}　方案完成时限：{deadline}　临期提醒：{days} 天").format(
                rounds=words.rounds_text(view.rounds),
                deadline=words.deadline_text(view.plan_deadline),
                days=store.warning_days(),
            )
        )

    # --- clicks --------------------------------------------------------------------------
    def _choose(self, ids: tuple[str, ...], what: str) -> None:
        data = self._data
        if data is None or not ids:
            return  # an empty figure would show an empty tree: nothing to look at
        label = self.tr("截至 {date}：{what}").format(date=data.as_of.isoformat(), what=what)
        self.tasks_chosen.emit(ids, label)

    def _light_words(self, light: Light | None) -> str:
        return words.light_text(light) if light is not None else self.tr("全部任务")

    @Slot(str)
    def _on_plan_light(self, value: str) -> None:
        if self._data is None:
            return
        light = Light(value) if value else None
        self._choose(self._data.plan_tasks(light), self._light_words(light))

    @Slot()
    def _on_pending(self) -> None:
        if self._data is not None:
            self._choose(self._data.pending_tasks(), self.tr("待补充"))

    @Slot(str, str)
    def _on_bar(self, unit_id: str, value: str) -> None:
        if self._data is None:
            return
        light = Light(value) if value else None
        name = next(u.unit_name for u in self._data.figures.by_unit if u.unit_id == unit_id)
        self._choose(
            self._data.unit_light_tasks(unit_id, light),
            self.tr("{unit} · {what}").format(unit=name, what=self._light_words(light)),
        )

    @Slot(QModelIndex)
    def _on_section_cell(self, index: QModelIndex) -> None:
        if self._data is None or not index.isValid():
            return
        section_id = str(index.data(RowIdRole))
        light = SectionTableModel.light_of(index.column())
        self._choose(
            self._data.section_tasks(section_id, light),
            self.tr("{section} · {what}").format(
                section=self._data.section_label(section_id), what=self._light_words(light)
            ),
        )

    @Slot(QModelIndex)
    def add_actions(self, actions: list[tuple[QAction, str]]) -> None:
        """Short buttons for window actions (通报, 催办单, 台账) at the right of the top bar:
        they make the paperwork of the day chosen here, for the unit selected here."""
        for action, text in actions:
            button = QPushButton(text, self)
            button.setObjectName("dashboard_" + action.objectName())
            button.setToolTip(action.text().replace("&", ""))
            button.clicked.connect(action.trigger)
            button.setEnabled(action.isEnabled())
            action.changed.connect(
                lambda b=button, a=action: b.setEnabled(a.isEnabled())  # type: ignore[misc]
            )
            self._top_bar.addWidget(button)

    def selected_unit_id(self) -> str | None:
        """The unit of the row selected in the unit table, if any."""
        index = self.unit_view.currentIndex()
        if self._data is None or not index.isValid():
            return None
        return str(self.unit_model.unit(self.unit_proxy.mapToSource(index).row()).unit_id)

    def _on_unit_cell(self, index: QModelIndex) -> None:
        if self._data is None or not index.isValid():
            return
        unit = self.unit_model.unit(self.unit_proxy.mapToSource(index).row())
        column = index.column()
        what = unit_column_title(column) if column != COL_UNIT else self.tr("全部任务")
        self._choose(
            self._data.unit_tasks(unit.unit_id, column),
            self.tr("{unit} · {what}").format(unit=unit.unit_name, what=what),
        )

    @Slot()
    def _on_today(self) -> None:
        self._set_date(clock.today())
