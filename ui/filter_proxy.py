"""Window layer: filter the plan tree by search text, unit, role and status.

Only task rows are judged; recursive filtering keeps the sections and subsections above a
matching task visible, so a clerk always sees where a task sits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from domain.enums import ProgressStatus, Role
from domain.records import TaskView
from ui.plan_tree_model import NodeKind, PlanTreeModel, latest_status

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
    """Proxy over ``PlanTreeModel`` applying ``FilterCriteria`` to task rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._criteria = FilterCriteria()
        self.setRecursiveFilteringEnabled(True)

    @property
    def criteria(self) -> FilterCriteria:
        return self._criteria

    def set_criteria(self, criteria: FilterCriteria) -> None:
        if criteria == self._criteria:
            return
        self.beginFilterChange()
        self._criteria = criteria
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.set_criteria(replace(self._criteria, text=text))

    def clear(self) -> None:
        self.set_criteria(FilterCriteria())

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._criteria.active:
            return True
        source = self.sourceModel()
        assert isinstance(source, PlanTreeModel)
        node = source.node(source.index(source_row, 0, source_parent))
        if node.kind is not NodeKind.TASK or node.task is None:
            return False  # kept by recursive filtering when a task below matches
        return task_matches(node.task, self._criteria)

    def visible_task_count(self, parent: QModelIndex | None = None) -> int:
        """Number of task rows the proxy currently shows."""
        parent = parent or QModelIndex()
        count = 0
        for row in range(self.rowCount(parent)):
            index = self.index(row, 0, parent)
            source = self.sourceModel()
            assert isinstance(source, PlanTreeModel)
            if source.node(self.mapToSource(index)).kind is NodeKind.TASK:
                count += 1
            else:
                count += self.visible_task_count(index)
        return count
