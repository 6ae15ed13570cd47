"""Window layer: the 按单位 tab: the plan's units, and one unit's tasks grouped by role."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from domain.enums import Role
from ui.common import words
from ui.tree.model import IdRole

if TYPE_CHECKING:
    from collections.abc import Mapping

    from domain.records import PlanView, TaskView
    from domain.status_lights import TaskLight


def _item(text: str, item_id: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if item_id is not None:
        item.setData(item_id, IdRole)
    return item


class UnitView(QWidget):
    """Units on the left; the chosen unit's tasks (牵头 / 负责 / 配合) on the right."""

    task_selected = Signal(str)  # task id
    unit_selected = Signal(str)  # unit id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: PlanView | None = None
        self._lights: Mapping[str, TaskLight] = {}
        self._my_unit_id: str | None = None
        self._init_widgets()
        self._init_layout()
        self.unit_search.textChanged.connect(self.unit_proxy.setFilterFixedString)
        self.unit_list.selectionModel().selectionChanged.connect(self._on_unit_changed)
        self.task_tree.selectionModel().selectionChanged.connect(self._on_task_changed)
        self.my_unit_button.clicked.connect(self.select_my_unit)

    def _init_widgets(self) -> None:
        self.unit_search = QLineEdit(self)
        self.unit_search.setObjectName("unit_search")
        self.unit_search.setPlaceholderText(self.tr("查找单位…"))
        self.unit_search.setClearButtonEnabled(True)
        self.units_model = QStandardItemModel(self)
        self.unit_proxy = QSortFilterProxyModel(self)
        self.unit_proxy.setSourceModel(self.units_model)
        self.unit_list = QListView(self)
        self.unit_list.setObjectName("unit_list")
        self.unit_list.setModel(self.unit_proxy)
        self.unit_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Long group names (…领导小组其他各成员单位) wrap instead of scrolling sideways.
        self.unit_list.setWordWrap(True)
        self.unit_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.my_unit_button = QPushButton(self.tr("我的单位"), self)
        self.my_unit_button.setObjectName("my_unit_button")
        self.unit_title = QLabel(self)
        self.unit_title.setObjectName("unit_title")
        self.unit_title.setWordWrap(True)
        self.tasks_model = QStandardItemModel(self)
        self.task_tree = QTreeView(self)
        self.task_tree.setObjectName("unit_tasks")
        self.task_tree.setModel(self.tasks_model)
        self.task_tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.task_tree.setUniformRowHeights(True)

    def _init_layout(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.unit_search, 1)
        row.addWidget(self.my_unit_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.unit_list, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.unit_title)
        right_layout.addWidget(self.task_tree, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # --- data ----------------------------------------------------------------------------
    def set_plan(
        self,
        plan: PlanView | None,
        my_unit_id: str | None,
        lights: Mapping[str, TaskLight] | None = None,
    ) -> None:
        """Show the units of ``plan`` (``lights``: each task's light as in the tree); keep
        the unit that was selected if it is still there."""
        previous = self.current_unit_id()
        self._plan = plan
        self._lights = lights or {}
        self._my_unit_id = my_unit_id
        self.units_model.clear()
        if plan is not None:
            counts: dict[str, int] = {}
            for task in plan.all_tasks():
                for unit_id in {a.unit_id for a in task.assignments}:
                    counts[unit_id] = counts.get(unit_id, 0) + 1
            for unit in plan.units():
                label = self.tr("{name}（{count} 项）").format(
                    name=unit.unit_name, count=counts.get(unit.unit_id, 0)
                )
                self.units_model.appendRow(_item(label, unit.unit_id))
        in_plan = plan is not None and any(u.unit_id == my_unit_id for u in plan.units())
        self.my_unit_button.setEnabled(in_plan)
        if previous is None or not self.select_unit(previous):
            self._show_unit(None)

    def current_unit_id(self) -> str | None:
        rows = self.unit_list.selectionModel().selectedRows()
        return str(rows[0].data(IdRole)) if rows else None

    def select_unit(self, unit_id: str) -> bool:
        self.unit_search.clear()
        for row in range(self.unit_proxy.rowCount()):
            index = self.unit_proxy.index(row, 0)
            if index.data(IdRole) == unit_id:
                self.unit_list.setCurrentIndex(index)
                self.unit_list.scrollTo(index)
                return True
        return False

    @Slot()
    def select_my_unit(self) -> None:
        if self._my_unit_id is not None:
            self.select_unit(self._my_unit_id)

    def _show_unit(self, unit_id: str | None) -> None:
        self.tasks_model.clear()
        self.tasks_model.setHorizontalHeaderLabels(
            [self.tr("任务"), self.tr("状态"), self.tr("本单位最新进展")]
        )
        plan = self._plan
        if plan is None or unit_id is None:
            self.unit_title.setText(self.tr("请选择一个单位"))
            return
        tasks = [t for t in plan.all_tasks() if t.has_unit(unit_id)]
        name = next((u.unit_name for u in plan.units() if u.unit_id == unit_id), "")
        self.unit_title.setText(
            self.tr("{name}：共 {count} 项任务").format(name=name, count=len(tasks))
        )
        for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATE):
            mine = [
                t
                for t in tasks
                if any(a.unit_id == unit_id and a.role is role for a in t.assignments)
            ]
            if not mine:
                continue
            group = _item(
                self.tr("{role}（{count} 项）").format(role=words.role_text(role), count=len(mine))
            )
            for task in mine:
                group.appendRow(
                    [
                        _item(f"{task.number}. {task.first_line}", task.id),
                        self._status_item(task),
                        self._report_item(task, unit_id),
                    ]
                )
            self.tasks_model.appendRow([group, _item(""), _item("")])
        self.task_tree.expandAll()
        self.task_tree.resizeColumnToContents(1)
        self.task_tree.header().setStretchLastSection(False)
        self.task_tree.header().setSectionResizeMode(0, self.task_tree.header().ResizeMode.Stretch)

    def _status_item(self, task: TaskView) -> QStandardItem:
        """The task's light: the same word, colour and tooltip as the tree's."""
        light = self._lights.get(task.id)
        if light is None:
            return _item("")
        item = _item(words.light_text(light.light))
        item.setIcon(words.light_icon(light.light))
        item.setToolTip(words.light_tooltip(task, light))
        return item

    def _report_item(self, task: TaskView, unit_id: str) -> QStandardItem:
        """What the unit itself last reported (推进中 60%): the report's content."""
        return _item(words.unit_report_text(task, unit_id))

    def task_ids(self) -> dict[str, list[int]]:
        """Task numbers shown per role group (used by tests and the status bar)."""
        out: dict[str, list[int]] = {}
        for row in range(self.tasks_model.rowCount()):
            group = self.tasks_model.item(row, 0)
            numbers = [
                int(group.child(r, 0).text().split(".", 1)[0]) for r in range(group.rowCount())
            ]
            out[group.text()] = numbers
        return out

    # --- slots ---------------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_unit_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        unit_id = self.current_unit_id()
        self._show_unit(unit_id)
        if unit_id is not None:
            self.unit_selected.emit(unit_id)

    @Slot(QItemSelection, QItemSelection)
    def _on_task_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        rows = self.task_tree.selectionModel().selectedRows()
        task_id = rows[0].data(IdRole) if rows else None
        if task_id:
            self.task_selected.emit(str(task_id))
