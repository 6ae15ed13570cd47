"""Window layer: filter the plan tree by search text, unit, role and status.

Only task rows are judged; the sections and subsections above a matching task stay visible,
so a clerk always sees where a task sits. Besides the filter bar's
criteria, a set of task ids (a figure clicked on the dashboard) can narrow the tree; the
two combine, so typing a search inside "逾期 of 省公安厅" searches only those tasks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
    Slot,
)

from domain.enums import Role
from domain.search import search_text
from ui.tree.model import Node, NodeKind, PlanTreeModel

if TYPE_CHECKING:
    from domain.records import TaskView
    from domain.status_lights import TaskLight


@dataclass(frozen=True, slots=True)
class FilterCriteria:
    """What the filter bar asks for; empty values mean "any"."""

    text: str = ""
    unit_id: str | None = None
    role: Role | None = None
    #: A ``Light`` value (the task's status: 逾期, 未报送 …), or None for any.
    status: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or any(
            v is not None for v in (self.unit_id, self.role, self.status)
        )


def task_matches(task: TaskView, criteria: FilterCriteria, light: TaskLight | None = None) -> bool:
    """Whether ``task`` (whose status light is ``light``) passes every filter (pure: no
    Qt, tested directly). The search text is looked for in the task, its units, each unit's
    current report, the 批示 and the review reasons (``domain.search``)."""
    assignments = task.assignments
    if criteria.unit_id is not None:
        assignments = tuple(a for a in assignments if a.unit_id == criteria.unit_id)
    if criteria.role is not None:
        assignments = tuple(a for a in assignments if a.role is criteria.role)
    if (criteria.unit_id is not None or criteria.role is not None) and not assignments:
        return False
    if criteria.status is not None and (light is None or light.light.value != criteria.status):
        return False
    needle = criteria.text.strip()
    if not needle:
        return True
    if needle.isdigit() and int(needle) == task.number:
        return True
    return needle in search_text(task)


class PlanFilterProxy(QSortFilterProxyModel):
    """Proxy over ``PlanTreeModel`` applying ``FilterCriteria`` (and task ids) to task rows."""

    #: The criteria or the task ids changed (the shown rows may differ).
    filter_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = FilterCriteria()
        self._task_ids: frozenset[str] | None = None
        #: Ids of the rows shown (matching tasks and every row above them), worked out once
        #: per change in plain Python; None: no filter, or not worked out since the last
        #: change. Judging each row through Qt took 150 ms a keystroke at 10,000 tasks.
        self._accepted: frozenset[str] | None = None
        self._accepted_tasks = 0
        self._stale = True
        #: Each task's searchable text, kept while the task record is the same object.
        self._haystacks: dict[str, tuple[TaskView, str]] = {}

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 (Qt's name)
        # Connected before the base class connects its own handlers, so the accepted set is
        # marked stale before the proxy asks filterAcceptsRow about the changed rows.
        for signal in (model.modelAboutToBeReset, model.dataChanged, model.layoutChanged):
            signal.connect(self._mark_stale)
        model.modelAboutToBeReset.connect(self._haystacks.clear)
        super().setSourceModel(model)

    @Slot()
    def _mark_stale(self) -> None:
        self._stale = True

    @property
    def criteria(self) -> FilterCriteria:
        return self._criteria

    def set_criteria(self, criteria: FilterCriteria) -> None:
        if criteria == self._criteria:
            return
        # A reset, not begin/endFilterChange: QTreeView handles each removed range of an
        # expanded tree in time proportional to its rows, so the first keystroke over
        # 10,000 tasks took five minutes (bench/README.md). Callers re-expand and re-select.
        self.beginResetModel()
        self._criteria = criteria
        self._stale = True
        self.endResetModel()
        self.filter_changed.emit()

    @property
    def task_ids(self) -> frozenset[str] | None:
        return self._task_ids

    def set_task_ids(self, task_ids: Iterable[str] | None) -> None:
        """Show only these tasks (None: no such limit); combines with the criteria."""
        ids = frozenset(task_ids) if task_ids is not None else None
        if ids == self._task_ids:
            return
        self.beginResetModel()  # see set_criteria
        self._task_ids = ids
        self._stale = True
        self.endResetModel()
        self.filter_changed.emit()

    def set_text(self, text: str) -> None:
        self.set_criteria(replace(self._criteria, text=text))

    def clear(self) -> None:
        self.set_criteria(FilterCriteria())

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        accepted = self.accepted_ids()
        if accepted is None:
            return True
        source = self.sourceModel()
        assert isinstance(source, PlanTreeModel)
        # The parent's node holds the row: no source index is made (called per row).
        return source.node(source_parent).children[source_row].id in accepted

    @property
    def filtering(self) -> bool:
        return self._criteria.active or self._task_ids is not None

    def accepted_ids(self) -> frozenset[str] | None:
        """Ids of the shown rows (tasks and the rows above them); None when all are shown."""
        if self._stale:
            self._stale = False
            self._accepted = self._compute_accepted() if self.filtering else None
        return self._accepted

    def _compute_accepted(self) -> frozenset[str]:
        source = self.sourceModel()
        assert isinstance(source, PlanTreeModel)
        accepted: set[str] = set()
        tasks = 0
        for node in self._matching_tasks(source.iter_nodes(NodeKind.TASK)):
            tasks += 1
            accepted.add(node.id)
            current = node.parent
            while current is not None and current.kind is not NodeKind.ROOT:
                if current.id in accepted:
                    break  # the rows above were added with an earlier task
                accepted.add(current.id)
                current = current.parent
        self._accepted_tasks = tasks
        return frozenset(accepted)

    def _matching_tasks(self, nodes: list[Node]) -> list[Node]:
        if self._task_ids is not None:
            nodes = [n for n in nodes if n.id in self._task_ids]
        c = self._criteria
        if c.unit_id is not None or c.role is not None or c.status is not None:
            return [n for n in nodes if n.task is not None and task_matches(n.task, c, n.light)]
        # Text only (typing in the search box): the same test as task_matches, on one
        # string per task joined once, so a keystroke scans 10,000 tasks in a few ms.
        needle = c.text.strip()
        if not needle:
            return nodes
        number = int(needle) if needle.isdigit() else None
        return [
            n
            for n in nodes
            if n.task is not None and (n.task.number == number or needle in self._haystack(n.task))
        ]

    def _haystack(self, task: TaskView) -> str:
        cached = self._haystacks.get(task.id)
        if cached is not None and cached[0] is task:
            return cached[1]
        text = search_text(task)
        self._haystacks[task.id] = (task, text)
        return text

    def visible_task_count(self) -> int:
        """Number of task rows the proxy currently shows (counted with the accepted set)."""
        source = self.sourceModel()
        assert isinstance(source, PlanTreeModel)
        if self.accepted_ids() is None:
            return len(source.iter_nodes(NodeKind.TASK))
        return self._accepted_tasks
