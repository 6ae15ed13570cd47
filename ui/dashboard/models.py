"""Window layer: the dashboard's figures (督办看板), their table models, and the tasks behind
each figure.

The counts are ``supervision.figures.plan_figures`` — the very figures ``status --json``
prints — so the window and the command line cannot disagree. Which tasks a figure stands
for (what a click shows in the tree) is computed here with the same predicates, and the
tests check that every list is exactly as long as its figure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from domain.enums import Role
from domain.records import PlanView, TaskView
from domain.status_lights import LIGHT_ORDER, Light, TaskLight
from supervision.figures import PlanFigures, UnitFigures, plan_figures
from ui.common import words
from ui.common.table_model import NUMBER_ALIGNMENT, ReadOnlyTableModel

#: Unit id (unit table) or section id (section table) of a row.
RowIdRole = Qt.ItemDataRole.UserRole + 1
#: The value a column sorts by (numbers as numbers).
SortRole = Qt.ItemDataRole.UserRole + 2

# The unit table's columns (what each figure of ``UnitFigures`` is).
COL_UNIT, COL_TASKS, COL_OWED, COL_MISSING, COL_OVERDUE, COL_DONE = range(6)
UNIT_COLUMNS = 6


@dataclass(frozen=True, slots=True)
class DashboardData:
    """One plan's lights and figures on one day."""

    view: PlanView
    lights: dict[str, TaskLight]
    figures: PlanFigures

    @classmethod
    def build(cls, view: PlanView, lights: dict[str, TaskLight], as_of: dt.date) -> DashboardData:
        return cls(view, lights, plan_figures(view, lights, as_of))

    @property
    def as_of(self) -> dt.date:
        return self.figures.as_of

    def with_light(self, tasks: tuple[TaskView, ...], light: Light | None) -> tuple[str, ...]:
        return tuple(t.id for t in tasks if light is None or self.lights[t.id].light is light)

    def pending_tasks(self) -> tuple[str, ...]:
        """待补充: tasks whose assignment the office has yet to complete."""
        return tuple(t.id for t in self.view.all_tasks() if t.needs_completion)

    def plan_tasks(self, light: Light | None) -> tuple[str, ...]:
        """The tasks behind a whole-plan light count (None: every task)."""
        return self.with_light(self.view.all_tasks(), light)

    def section_tasks(self, section_id: str, light: Light | None) -> tuple[str, ...]:
        section = next(s for s in self.view.sections if s.id == section_id)
        return self.with_light(section.all_tasks(), light)

    def unit_tasks(self, unit_id: str, column: int) -> tuple[str, ...]:
        """The tasks behind one cell of the unit table (predicates of ``plan_figures``)."""
        mine = tuple(t for t in self.view.all_tasks() if t.has_unit(unit_id))
        if column == COL_OWED:
            return tuple(t.id for t in mine if _role(t, unit_id) is not Role.COOPERATE)
        if column == COL_MISSING:
            return tuple(t.id for t in mine if unit_id in self.lights[t.id].missing_units)
        if column == COL_OVERDUE:
            return self.with_light(mine, Light.OVERDUE)
        if column == COL_DONE:
            return self.with_light(mine, Light.DONE)
        return tuple(t.id for t in mine)

    def unit_light_tasks(self, unit_id: str, light: Light | None) -> tuple[str, ...]:
        """The tasks behind one segment of a unit's bar."""
        return self.with_light(
            tuple(t for t in self.view.all_tasks() if t.has_unit(unit_id)), light
        )

    def section_label(self, section_id: str) -> str:
        section = next(s for s in self.view.sections if s.id == section_id)
        return words.section_label(section.number, section.title)


def _role(task: TaskView, unit_id: str) -> Role | None:
    return next((a.role for a in task.assignments if a.unit_id == unit_id), None)


def unit_column_title(column: int) -> str:
    return (
        QCoreApplication.translate("Dashboard", "单位"),
        QCoreApplication.translate("Dashboard", "承担任务"),
        QCoreApplication.translate("Dashboard", "应报任务"),
        QCoreApplication.translate("Dashboard", "本轮未报送"),
        QCoreApplication.translate("Dashboard", "逾期任务"),
        QCoreApplication.translate("Dashboard", "已完成"),
    )[column]


def _unit_column_help(column: int) -> str:
    return (
        QCoreApplication.translate("Dashboard", "方案中点到的单位"),
        QCoreApplication.translate("Dashboard", "该单位参与的全部任务（牵头、负责、配合）"),
        QCoreApplication.translate("Dashboard", "该单位牵头或负责、须报送进展的任务"),
        QCoreApplication.translate("Dashboard", "上一报送节点已过、该单位尚未报送进展的任务"),
        QCoreApplication.translate("Dashboard", "该单位参与、已过完成时限仍未完成的任务"),
        QCoreApplication.translate("Dashboard", "该单位参与、已完成或已办结的任务"),
    )[column]


class UnitTableModel(ReadOnlyTableModel[UnitFigures]):
    """One row per unit: tasks, tasks owed, reports missing this round, overdue, done."""

    column_count = UNIT_COLUMNS

    def set_figures(self, rows: list[UnitFigures]) -> None:
        self.set_rows(rows)

    def unit(self, row: int) -> UnitFigures:
        return self.row_at(row)

    def value(self, unit: UnitFigures, column: int) -> int:
        return (
            unit.tasks_total,
            unit.tasks_total,
            unit.tasks_owed,
            unit.missing_reports,
            unit.overdue,
            unit.done,
        )[column]

    def header(self, section: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return unit_column_title(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _unit_column_help(section)
        return None

    def cell(self, unit: UnitFigures, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return unit.unit_name if column == COL_UNIT else str(self.value(unit, column))
        if role == SortRole:
            return unit.unit_name if column == COL_UNIT else self.value(unit, column)
        if role == RowIdRole:
            return unit.unit_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column != COL_UNIT:
            return NUMBER_ALIGNMENT
        if role == Qt.ItemDataRole.ForegroundRole and column != COL_UNIT:
            light = {COL_MISSING: Light.UNREPORTED, COL_OVERDUE: Light.OVERDUE}.get(column)
            if light is not None and self.value(unit, column):
                return words.light_colour(light)
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "Dashboard", "{unit}：{what} {count} 项（单击在方案中查看）"
            ).format(
                unit=unit.unit_name,
                what=unit_column_title(COL_TASKS if column == COL_UNIT else column),
                count=self.value(unit, column),
            )
        return None


#: A section table row: section id, label (一、…), counts by light.
SectionRow = tuple[str, str, dict[Light, int]]


class SectionTableModel(ReadOnlyTableModel[SectionRow]):
    """One row per section (部分): its task count, then the count of each light."""

    column_count = 2 + len(LIGHT_ORDER)

    @staticmethod
    def light_of(column: int) -> Light | None:
        """The light a column counts (None: the title and total columns)."""
        return LIGHT_ORDER[column - 2] if column >= 2 else None

    def header(self, section: int, role: int) -> Any:
        light = self.light_of(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if light is not None:
                return words.light_text(light)
            return (
                QCoreApplication.translate("Dashboard", "部分"),
                QCoreApplication.translate("Dashboard", "任务数"),
            )[section]
        if role == Qt.ItemDataRole.DecorationRole and light is not None:
            return words.light_icon(light)
        if role == Qt.ItemDataRole.ToolTipRole and light is not None:
            return words.light_reason(light)
        return None

    def count(self, row: int, column: int) -> int:
        return self._count(self.row_at(row), column)

    def _count(self, row: SectionRow, column: int) -> int:
        _, _, counts = row
        light = self.light_of(column)
        return sum(counts.values()) if light is None else counts.get(light, 0)

    def cell(self, row: SectionRow, column: int, role: int) -> Any:
        section_id, label, _ = row
        if role == Qt.ItemDataRole.DisplayRole:
            return label if column == 0 else str(self._count(row, column))
        if role == SortRole:
            return label if column == 0 else self._count(row, column)
        if role == RowIdRole:
            return section_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return label
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return NUMBER_ALIGNMENT
        light = self.light_of(column)
        if role == Qt.ItemDataRole.ForegroundRole and light in (Light.OVERDUE, Light.UNREPORTED):
            if self._count(row, column):
                return words.light_colour(light)
        return None
