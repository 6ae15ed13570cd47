"""Window layer: filter the plan tree by search text, unit, role and status.

Only task rows are judged; recursive filtering keeps the sections and subsections above a
matching task visible, so a clerk always sees where a task sits. Besides the filter bar's
criteria, a set of task ids (a figure clicked on the dashboard) can narrow the tree; the
two combine, so typing a search inside "逾期 of 省公安厅" searches only those tasks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)

from domain.enums import ProgressStatus, Role
from domain.records import TaskView
from ui.plan_tree_model import Node, NodeKind, PlanTreeModel, latest_status

#: Status filter value for "nothing reported yet" (未报送).
NOT_REPORTED = "not_reported"


@dataclass(frozen=True, slots=True)
class FilterCriteria:
    """What the filter bar asks for; empty values mean "any"."""

    text: str = ""
    unit_id: str | None = None
    role: Role | None = None
    #: A ``ProgressStatus`` value, ``NOT_REPORTED``, or None for any.
    status: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or any(
            v is not None for v in (self.unit_id, self.role, self.status)
        )


def task_matches(task: TaskView, criteria: FilterCriteria) -> bool:
    """Whether ``task`` passes every filter (pure: no Qt, tested directly)."""
    assignments = task.assignments
    if criteria.unit_id is not None:
        assignments = tuple(a for a in assignments if a.unit_id == criteria.unit_id)
    if criteria.role is not None:
        assignments = tuple(a for a in assignments if a.role is criteria.role)
    if (criteria.unit_id is not None or criteria.role is not None) and not assignments:
        return False
    if criteria.status is not None and _status_code(task, criteria.unit_id) != criteria.status:
        return False
    needle = criteria.text.strip()
    if not needle:
        return True
    if needle.isdigit() and int(needle) == task.number:
        return True
    haystacks = (task.text, task.assignment_text, *(a.unit_name for a in task.assignments))
    return any(needle in h for h in haystacks)


def _status_code(task: TaskView, unit_id: str | None) -> str:
    """The task's status, or the given unit's status on it when a unit is chosen."""
    status: ProgressStatus | None
    if unit_id is None:
        status = latest_status(task)
    else:
        mine = [r for r in task.current_progress if r.unit_id == unit_id]
        status = mine[0].status if mine else None
    return NOT_REPORTED if status is None else status.value


class PlanFilterProxy(QSortFilterProxyModel):
    """Proxy over ``PlanTreeModel`` applying ``FilterCriteria`` (and task ids) to task rows."""

    #: The criteria or the task ids changed (the shown rows may differ).
    filter_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = FilterCriteria()
        self._task_ids: frozenset[str] | None = None
        self.setRecursiveFilteringEnabled(True)

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
        self.endResetModel()
        self.filter_changed.emit()

    def set_text(self, text: str) -> None:
        self.set_criteria(replace(self._criteria, text=text))

    def clear(self) -> None:
        self.set_criteria(FilterCriteria())

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._criteria.active and self._task_ids is None:
            return True
        source = self.sourceModel()
        assert isinstance(source, PlanTreeModel)
        # The parent's node holds the row: no source index is made (called per row).
        return self._accepts(source.node(source_parent).children[source_row])

    def _accepts(self, node: Node) -> bool:
        if node.kind is not NodeKind.TASK or node.task is None:
            return False  # kept by recursive filtering when a task below matches
        if self._task_ids is not None and node.id not in self._task_ids:
            return False
        return task_matches(node.task, self._criteria)

    def visible_task_count(self) -> int:
        """Number of task rows the proxy currently shows: recursive filtering shows every
        accepted task. Counted on the nodes (walking the proxy took 230 ms at 10,000)."""
        source = self.sourceModel()
        assert isinstance(source, PlanTreeModel)
        tasks = source.iter_nodes(NodeKind.TASK)
        if not self._criteria.active and self._task_ids is None:
            return len(tasks)
        return sum(1 for node in tasks if self._accepts(node))
