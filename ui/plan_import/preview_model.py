"""Window layer: the import preview's table — every task read, with its units and problems.

One row per task as the parser read it, with the clerk's corrections laid over it: units
edited (完成 a 待补充 task), or the line marked as not a task. Nothing is ever left out of
the table; a line marked as not a task stays listed, struck through.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from domain.enums import Role
from domain.records import TaskView
from domain.task_flags import TaskCorrection
from ui.common import words
from ui.common.table_model import DISPLAY, ReadOnlyTableModel

COL_NUMBER, COL_TEXT, COL_UNITS, COL_DEADLINE, COL_PROBLEMS = range(5)
# Background of a row that still needs the office (the dashboard's 待补充 colour, light).
FLAGGED_BACKGROUND = "#fdebd3"
UnitEntry = tuple[str, Role, str]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    task: TaskView
    deadline_text: str | None
    problems: tuple[str, ...]
    text: str | None = None  # corrected text
    units: tuple[UnitEntry, ...] | None = None  # corrected units
    not_a_task: bool = False

    @property
    def shown_units(self) -> tuple[UnitEntry, ...]:
        if self.units is not None:
            return self.units
        return tuple((a.unit_name, a.role, a.wording) for a in self.task.assignments)

    @property
    def needs_completion(self) -> bool:
        """Flagged by the reading and neither completed nor taken out by the clerk."""
        return bool(self.problems) and self.units is None and not self.not_a_task

    @property
    def corrected(self) -> bool:
        return self.units is not None or self.text is not None or self.not_a_task

    def correction(self) -> TaskCorrection | None:
        if not self.corrected:
            return None
        if self.not_a_task:
            return TaskCorrection(self.task.id, not_a_task=True)
        return TaskCorrection(self.task.id, text=self.text, units=self.units)


class PreviewTaskModel(ReadOnlyTableModel[PreviewRow]):
    column_count = 5

    def header(self, section: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return (
            QCoreApplication.translate("PlanImportDialog", "编号"),
            QCoreApplication.translate("PlanImportDialog", "任务"),
            QCoreApplication.translate("PlanImportDialog", "分工单位"),
            QCoreApplication.translate("PlanImportDialog", "完成时限"),
            QCoreApplication.translate("PlanImportDialog", "问题"),
        )[section]

    def cell(self, row: PreviewRow, column: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TEXT:
                return row.text or row.task.text
            if column == COL_PROBLEMS:
                return "\n".join(row.problems) or None
            if column == COL_UNITS:
                return self._text(row, column) or None
        if role == Qt.ItemDataRole.BackgroundRole and row.needs_completion:
            return QBrush(QColor(FLAGGED_BACKGROUND))
        if role == Qt.ItemDataRole.FontRole and row.not_a_task:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def _text(self, row: PreviewRow, column: int) -> str:
        if column == COL_NUMBER:
            return row.task.label or str(row.task.number)
        if column == COL_TEXT:
            return (row.text or row.task.text).replace("\n", " ")
        if column == COL_UNITS:
            return "、".join(
                QCoreApplication.translate("PlanImportDialog", "{name}（{role}）").format(
                    name=name, role=words.role_text(role)
                )
                for name, role, _ in row.shown_units
            )
        if column == COL_DEADLINE:
            return row.deadline_text or ""
        if row.not_a_task:
            return QCoreApplication.translate("PlanImportDialog", "不是任务，不导入")
        if row.problems and row.units is not None:
            return QCoreApplication.translate("PlanImportDialog", "已补全分工")
        return "；".join(row.problems)

    def update_row(self, position: int, **changes: Any) -> None:
        self._rows[position] = replace(self._rows[position], **changes)
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.column_count - 1))

    def flagged_count(self) -> int:
        return sum(1 for r in self._rows if r.needs_completion)

    def corrections(self) -> tuple[TaskCorrection, ...]:
        return tuple(c for r in self._rows if (c := r.correction()) is not None)
