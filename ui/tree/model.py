"""Window layer: the plan tree (分工方案 → 部分 → 方面 → 任务) as a Qt item model.

A custom ``QAbstractItemModel`` over a plain node tree built from the store's frozen
``PlanView`` records (template: Qt for Python's ``editabletreemodel``). ``data()`` only
reads the nodes: no query ever runs inside it. A task's status mark is its computed light
(``domain.status_lights``, as of today), handed in with the plans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from domain.enums import ProgressStatus
from domain.plan_names import plan_labels
from domain.status_lights import LIGHT_ORDER, Light, TaskLight
from ui.common import words

if TYPE_CHECKING:
    from domain.records import PlanView, TaskView

COL_NAME = 0
COL_COUNT = 1
COL_STATUS = 2
COLUMN_COUNT = 3

IdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
TaskNumberRole = Qt.ItemDataRole.UserRole + 3
PlanIdRole = Qt.ItemDataRole.UserRole + 4

#: Roles as plain ints: ``data()`` runs thousands of times a paint, and each look-up of a
#: ``Qt.ItemDataRole`` member is an enum attribute access.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
#: The roles ``data()`` answers; the view asks for a dozen more (font, colours, size hint…)
#: on every cell, and those are turned away first.
_ANSWERED = frozenset(
    {_DISPLAY, _TOOLTIP, _DECORATION, _ALIGNMENT, IdRole, KindRole, TaskNumberRole, PlanIdRole}
)
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

AnyIndex = QModelIndex | QPersistentModelIndex
#: The invalid index that stands for the hidden root (a shared default argument).
_ROOT_INDEX = QModelIndex()


class NodeKind(Enum):
    ROOT = "root"
    PLAN = "plan"
    SECTION = "section"
    SUBSECTION = "subsection"
    TASK = "task"


@dataclass(eq=False)
class Node:
    """One row of the tree; ``task`` is set on task rows only."""

    kind: NodeKind
    id: str
    plan_id: str
    label: str
    parent: Node | None = None
    task: TaskView | None = None
    #: The task's status light as of today (task rows only).
    light: TaskLight | None = None
    children: list[Node] = field(default_factory=list)
    row: int = 0
    task_count: int = 0
    done_count: int = 0
    reported_count: int = 0
    light_counts: Counter[Light] = field(default_factory=Counter)

    def add(self, child: Node) -> Node:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    def recount(self) -> None:
        """Refresh the task counts of this node from its children (tasks count themselves)."""
        if self.task is not None:
            self.task_count = 1
            # 已完成 is the light's word (all owing units done, or closed 办结).
            self.done_count = int(self.light is not None and self.light.light is Light.DONE)
            self.reported_count = int(bool(self.task.current_progress))
            self.light_counts = Counter([self.light.light] if self.light else [])
            return
        self.task_count = sum(c.task_count for c in self.children)
        self.done_count = sum(c.done_count for c in self.children)
        self.reported_count = sum(c.reported_count for c in self.children)
        counts: Counter[Light] = Counter()
        for child in self.children:  # update() in place: sum() builds a Counter per child
            counts.update(child.light_counts)
        self.light_counts = counts

    def worst_light(self) -> Light | None:
        """The most urgent light below a heading, if any task needs attention."""
        attention = (Light.OVERDUE, Light.UNREPORTED, Light.RETURNED, Light.DUE_SOON)
        return next((light for light in attention if self.light_counts[light]), None)


def _heading_status(done: int, total: int) -> str:
    return QCoreApplication.translate("PlanTreeModel", "已完成 {done}/{total}").format(
        done=done, total=total
    )


def latest_status(task: TaskView) -> ProgressStatus | None:
    """Status of the newest current report of any unit (None: nothing reported, 未报送)."""
    return task.current_progress[0].status if task.current_progress else None


def _build_plan(root: Node, plan: PlanView, lights: Mapping[str, TaskLight], name: str) -> Node:
    plan_node = root.add(Node(NodeKind.PLAN, plan.id, plan.id, name))
    for section in plan.sections:
        label = words.section_label(section.number, section.title)
        sec_node = plan_node.add(Node(NodeKind.SECTION, section.id, plan.id, label))
        for task in section.tasks:
            sec_node.add(_task_node(task, lights.get(task.id)))
        for sub in section.subsections:
            sub_label = words.subsection_label(sub.number, sub.title)
            sub_node = sec_node.add(Node(NodeKind.SUBSECTION, sub.id, plan.id, sub_label))
            for task in sub.tasks:
                sub_node.add(_task_node(task, lights.get(task.id)))
            sub_node.recount()
        sec_node.recount()
    plan_node.recount()
    return plan_node


def _task_node(task: TaskView, light: TaskLight | None) -> Node:
    node = Node(NodeKind.TASK, task.id, task.plan_id, _task_label(task), task=task, light=light)
    node.recount()
    return node


def _task_label(task: TaskView) -> str:
    closed = QCoreApplication.translate("PlanTreeModel", "【已办结】") if task.closed else ""
    # 待补充: the document's assignment could not be read; the office completes it.
    pending = (
        QCoreApplication.translate("PlanTreeModel", "【待补充】") if task.needs_completion else ""
    )
    return f"{task.number}. {pending}{closed}{task.first_line}"


class PlanTreeModel(QAbstractItemModel):
    """Read-only tree of every loaded plan; reload with ``set_plans``, refresh a task in place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._root = Node(NodeKind.ROOT, "", "", "")
        self._by_id: dict[str, Node] = {}
        self._plans: list[PlanView] = []

    # --- loading -------------------------------------------------------------------------
    def set_plans(self, plans: list[PlanView], lights: Mapping[str, TaskLight]) -> None:
        """Show ``plans``; ``lights`` holds each task's light by task id (as of today)."""
        self.beginResetModel()
        self._root = Node(NodeKind.ROOT, "", "", "")
        self._plans = list(plans)
        names = dict(plan_labels(plans))  # two plans with one title are told apart
        for plan in plans:
            _build_plan(self._root, plan, lights, names[plan.id])
        self._root.recount()
        self._by_id = {}
        self._index_nodes(self._root)
        self.endResetModel()

    def append_plans(self, plans: list[PlanView], lights: Mapping[str, TaskLight]) -> None:
        """Show ``plans`` after those already shown (start-up: the plans below the first
        screen). The plans' names are made again over all of them: a title met a second
        time now needs its issuer or date."""
        if not plans:
            return
        first = len(self._root.children)
        self.beginInsertRows(QModelIndex(), first, first + len(plans) - 1)
        for plan in plans:
            node = _build_plan(self._root, plan, lights, plan.title)
            self._by_id[node.id] = node
            self._index_nodes(node)
        self._plans.extend(plans)
        self._root.recount()
        self.endInsertRows()
        names = dict(plan_labels(self._plans))
        for node in self._root.children:
            if node.label != names[node.id]:
                node.label = names[node.id]
                index = self.createIndex(node.row, COL_NAME, node)
                self.dataChanged.emit(index, index)

    def _index_nodes(self, node: Node) -> None:
        for child in node.children:
            self._by_id[child.id] = child
            self._index_nodes(child)

    def update_task(self, task: TaskView, light: TaskLight | None) -> None:
        """Replace one task's record and light (e.g. after a report) and refresh its marks."""
        node = self._by_id.get(task.id)
        if node is None:
            return
        node.task = task
        node.light = light
        node.label = _task_label(task)
        current: Node | None = node
        while current is not None and current.kind is not NodeKind.ROOT:
            current.recount()
            left = self.createIndex(current.row, 0, current)
            right = self.createIndex(current.row, COLUMN_COUNT - 1, current)
            self.dataChanged.emit(left, right)
            current = current.parent

    # --- lookups -------------------------------------------------------------------------
    def node(self, index: AnyIndex) -> Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, Node)
            return node
        return self._root

    def index_of(self, node_id: str) -> QModelIndex:
        node = self._by_id.get(node_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def node_by_id(self, node_id: str) -> Node | None:
        return self._by_id.get(node_id)

    def plan_nodes(self) -> list[Node]:
        return list(self._root.children)

    def iter_nodes(self, kind: NodeKind | None = None) -> list[Node]:
        return [n for n in self._by_id.values() if kind is None or n.kind is kind]

    # --- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = _ROOT_INDEX) -> QModelIndex:
        # hasIndex() would call back into rowCount() and columnCount() (Python, each row);
        # and the nodes are read straight off the index: the view calls this for every row
        # it lays out.
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            children = parent.internalPointer().children
        else:
            children = self._root.children
        if 0 <= row < len(children) and 0 <= column < COLUMN_COUNT:
            return self.createIndex(row, column, children[row])
        return QModelIndex()

    def parent(self, index: AnyIndex = _ROOT_INDEX) -> QModelIndex:  # type: ignore[override]
        # Qt's overload parent() -> QObject is the QObject one; this is the model's.
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: AnyIndex = _ROOT_INDEX) -> int:
        if not parent.isValid():
            return len(self._root.children)
        return len(parent.internalPointer().children) if parent.column() == 0 else 0

    def columnCount(self, parent: AnyIndex = _ROOT_INDEX) -> int:
        return COLUMN_COUNT

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            QCoreApplication.translate("PlanTreeModel", "名称"),
            QCoreApplication.translate("PlanTreeModel", "任务数"),
            QCoreApplication.translate("PlanTreeModel", "状态"),
        )
        return headers[section] if 0 <= section < COLUMN_COUNT else None

    def data(self, index: AnyIndex, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED or not index.isValid():
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if role == _DISPLAY:
            return self._display(node, column)
        if role == _TOOLTIP and column == COL_NAME:
            if node.task and node.task.needs_completion:
                reasons = "\n".join(f.message for f in node.task.problems)
                return f"{node.task.text}\n\n{reasons}"
            return node.task.text if node.task else node.label
        if role == _TOOLTIP and column == COL_STATUS:
            return self._status_tooltip(node)
        if role == _DECORATION and column == COL_STATUS:
            light = node.light.light if node.light else node.worst_light()
            return words.light_icon(light) if light is not None else None
        if role == _ALIGNMENT and column == COL_COUNT:
            return _RIGHT_ALIGNED
        if role == IdRole:
            return node.id
        if role == KindRole:
            return node.kind.value
        if role == TaskNumberRole:
            return node.task.number if node.task else None
        if role == PlanIdRole:
            return node.plan_id
        return None

    def _display(self, node: Node, column: int) -> str | None:
        if column == COL_NAME:
            return node.label
        if column == COL_COUNT:
            return None if node.task else str(node.task_count)
        if column == COL_STATUS:
            if node.task:
                if node.light is None:
                    return None
                text = words.light_text(node.light.light)
                status = latest_status(node.task)
                if status is not None and node.light.light is not Light.DONE:
                    text += f" {node.task.current_progress[0].percent}%"
                return text
            if node.reported_count or node.done_count:
                return _heading_status(node.done_count, node.task_count)
        return None

    def column_samples(self) -> dict[int, list[str]]:
        """For the count and status columns, texts at least as wide as any they can show
        for the plans held: the view sizes them from these words instead of measuring every
        row (a thousand data() calls at each layout, 12 ms at the first paint)."""
        total = max((p.task_count for p in self._root.children), default=0)
        statuses = [f"{words.light_text(light)} 100%" for light in LIGHT_ORDER]
        return {COL_COUNT: [str(total)], COL_STATUS: [_heading_status(total, total), *statuses]}

    def _status_tooltip(self, node: Node) -> str | None:
        if node.task is not None:
            return words.light_tooltip(node.task, node.light) if node.light else None
        counts = [
            f"{words.light_text(light)} {node.light_counts[light]}"
            for light in LIGHT_ORDER
            if node.light_counts[light]
        ]
        return QCoreApplication.translate("PlanTreeModel", "、").join(counts) or None
