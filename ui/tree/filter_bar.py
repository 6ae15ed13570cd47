"""Window layer: the filter bar above the plan tree (search as you type, unit, role, status)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from domain.enums import Role
from domain.status_lights import LIGHT_ORDER
from ui.common import words
from ui.tree.filter_proxy import FilterCriteria

if TYPE_CHECKING:
    from domain.records import AssignmentView

#: Above this many tasks one keystroke's filtering costs tens of milliseconds, so the search
#: waits for a pause in typing instead of filtering for every character of a word.
TYPING_PAUSE_TASKS = 2000
TYPING_PAUSE_MS = 150


class FilterBar(QWidget):
    """Emits ``criteria_changed`` on every choice, and on each keystroke (or, on a large
    store, once typing pauses: see ``set_task_count``)."""

    criteria_changed = Signal(object)  # FilterCriteria

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._init_widgets()
        self._init_layout()
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(0)
        self._typing.timeout.connect(self._emit)
        self.search.textChanged.connect(self._on_text)
        self.unit_box.currentIndexChanged.connect(self._emit)
        self.role_box.currentIndexChanged.connect(self._emit)
        self.status_box.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)

    def _init_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("搜索任务、单位、进展、批示…"))
        self.search.setClearButtonEnabled(True)
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName("unit_filter")
        self.unit_box.setMinimumContentsLength(8)
        self.unit_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.unit_box.addItem(self.tr("全部单位"), None)
        self.role_box = QComboBox(self)
        self.role_box.setObjectName("role_filter")
        self.role_box.addItem(self.tr("全部角色"), None)
        for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATE):
            self.role_box.addItem(words.role_text(role), role.value)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("status_filter")
        self.status_box.addItem(self.tr("全部状态"), None)
        # The task's status is its light, the same word as in the tree and the unit list.
        for light in LIGHT_ORDER:
            self.status_box.addItem(words.light_icon(light), words.light_text(light), light.value)
            self.status_box.setItemData(
                self.status_box.count() - 1, words.light_reason(light), Qt.ItemDataRole.ToolTipRole
            )
        self.clear_button = QPushButton(self.tr("清除筛选"), self)
        self.clear_button.setObjectName("clear_filter")

    def _init_layout(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.unit_box, 2)
        layout.addWidget(self.role_box)
        layout.addWidget(self.status_box)
        layout.addWidget(self.clear_button)

    def set_units(self, units: list[AssignmentView]) -> None:
        """Offer ``units`` (one entry per unit id) in the unit filter, keeping the choice."""
        current = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        self.unit_box.addItem(self.tr("全部单位"), None)
        for unit in units:
            self.unit_box.addItem(unit.unit_name, unit.unit_id)
        found = self.unit_box.findData(current) if current is not None else 0
        self.unit_box.setCurrentIndex(max(found, 0))
        self.unit_box.blockSignals(False)
        if found < 0:
            self._emit()

    def set_unit(self, unit_id: str | None) -> None:
        index = self.unit_box.findData(unit_id) if unit_id is not None else 0
        if index >= 0:
            self.unit_box.setCurrentIndex(index)

    def criteria(self) -> FilterCriteria:
        role = self.role_box.currentData()
        return FilterCriteria(
            text=self.search.text(),
            unit_id=self.unit_box.currentData(),
            role=Role(role) if role else None,
            status=self.status_box.currentData(),
        )

    @Slot()
    def clear(self) -> None:
        for box in (self.unit_box, self.role_box, self.status_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._emit()

    def set_task_count(self, count: int) -> None:
        """Filter on every keystroke, or once typing pauses when there are many tasks."""
        self._typing.setInterval(TYPING_PAUSE_MS if count > TYPING_PAUSE_TASKS else 0)

    def flush(self) -> None:
        """Apply typed text still waiting for the pause now."""
        if self._typing.isActive():
            self._emit()

    @Slot()
    def _on_text(self) -> None:
        if self._typing.interval() == 0:
            self._emit()  # small stores: at once, no event-loop round trip
        else:
            self._typing.start()

    @Slot()
    def _emit(self) -> None:
        self._typing.stop()
        self.criteria_changed.emit(self.criteria())
