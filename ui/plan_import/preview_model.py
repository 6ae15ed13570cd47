"""Window layer: the import preview's table — every task read, with its units and problems.

One row per task as the parser read it, with the clerk's corrections laid over it: units
edited (完成 a 待补充 task), the line marked as not a task, a task split in two (the second
part a row of its own, below the first) or joined with the next. Nothing is ever left out
of the table; a line marked as not a task, or joined into the one above, stays listed,
struck through. Every correction can be undone, the last first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
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
    deadline: dt.date | None = None  # the deadline's date where the wording gives one
    added: bool = False  # the second part of a split: a new task, stored after the row above
    joined_into: str | None = None  # joined into the task with this id (the row above)

    @property
    def shown_units(self) -> tuple[UnitEntry, ...]:
        if self.units is not None:
            return self.units
        return tuple((a.unit_name, a.role, a.wording) for a in self.task.assignments)

    @property
    def shown_text(self) -> str:
        return self.text if self.text is not None else self.task.text

    @property
    def needs_completion(self) -> bool:
        """Flagged by the reading and neither completed nor taken out by the clerk."""
        return bool(self.problems) and self.units is None and not self.not_a_task

    @property
    def corrected(self) -> bool:
        return self.units is not None or self.text is not None or self.not_a_task or self.added

    def correction(self, after: str | None = None) -> TaskCorrection | None:
        """The plan change this row asks for; ``after``: the task an added row follows."""
        if not self.corrected:
            return None
        if self.not_a_task:
            return TaskCorrection(self.task.id, not_a_task=True, joined_into=self.joined_into)
        if self.added:
            return TaskCorrection(
                self.task.id, text=self.text, units=self.units, after=after, label=self.task.label
            )
        return TaskCorrection(self.task.id, text=self.text, units=self.units)


class PreviewTaskModel(ReadOnlyTableModel[PreviewRow]):
    column_count = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo: list[list[PreviewRow]] = []  # the rows before each correction

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
                return row.shown_text
            if column == COL_PROBLEMS:
                return "\n".join(row.problems) or None
            if column in (COL_UNITS, COL_DEADLINE):
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
            return row.shown_text.replace("\n", " ")
        if column == COL_UNITS:
            return "、".join(
                QCoreApplication.translate("PlanImportDialog", "{name}（{role}）").format(
                    name=name, role=words.role_text(role)
                )
                for name, role, _ in row.shown_units
            )
        if column == COL_DEADLINE:
            return row.deadline_text or ""
        if row.joined_into is not None:
            return QCoreApplication.translate("PlanImportDialog", "已并入上一项")
        if row.not_a_task:
            return QCoreApplication.translate("PlanImportDialog", "不是任务，不导入")
        if row.added:
            return QCoreApplication.translate("PlanImportDialog", "拆分出的新任务")
        if row.problems and row.units is not None:
            return QCoreApplication.translate("PlanImportDialog", "已补全分工")
        return "；".join(row.problems)

    # --- corrections ---------------------------------------------------------------------
    def set_rows(self, rows: list[PreviewRow]) -> None:
        self._undo = []
        super().set_rows(rows)

    def update_row(self, position: int, **changes: Any) -> None:
        self._remember()
        self._rows[position] = replace(self._rows[position], **changes)
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.column_count - 1))

    def split_row(
        self,
        position: int,
        first: tuple[str, tuple[UnitEntry, ...]],
        second: tuple[str, tuple[UnitEntry, ...]],
        new_id: str,
    ) -> None:
        """Row ``position`` keeps the first part; the second becomes a new row below it."""
        self._remember()
        row = self._rows[position]
        self._rows[position] = replace(row, text=first[0], units=first[1])
        part = PreviewRow(
            replace(row.task, id=new_id, text=second[0], assignments=(), problems=()),
            row.deadline_text,
            (),
            text=second[0],
            units=second[1],
            deadline=row.deadline,
            added=True,
        )
        self.beginInsertRows(ROOT, position + 1, position + 1)
        self._rows.insert(position + 1, part)
        self.endInsertRows()
        self.dataChanged.emit(self.index(position, 0), self.index(position, self.column_count - 1))

    def next_joinable(self, position: int) -> int | None:
        """The row a task at ``position`` can be joined with: the next, in the same group."""
        if not 0 <= position < len(self._rows) - 1 or self._rows[position].not_a_task:
            return None
        row, following = self._rows[position], self._rows[position + 1]
        same_group = (row.task.section_number, row.task.subsection_number) == (
            following.task.section_number,
            following.task.subsection_number,
        )
        return position + 1 if same_group and not following.not_a_task else None

    def join_with_next(self, position: int) -> bool:
        """Texts concatenated, units united, the stricter deadline; the next row is joined
        into this one (struck through), or gone when it was a split's part never stored."""
        following_at = self.next_joinable(position)
        if following_at is None:
            return False
        self._remember()
        row, following = self._rows[position], self._rows[following_at]
        units = _united(row.shown_units, following.shown_units)
        wording, date = _stricter(
            (row.deadline_text, row.deadline), (following.deadline_text, following.deadline)
        )
        self._rows[position] = replace(
            row,
            text=_joined_text(row.shown_text, following.shown_text),
            units=units or row.units,
            deadline_text=wording,
            deadline=date,
        )
        if following.added:
            self.beginRemoveRows(ROOT, following_at, following_at)
            del self._rows[following_at]
            self.endRemoveRows()
        else:
            self._rows[following_at] = replace(following, not_a_task=True, joined_into=row.task.id)
        self.dataChanged.emit(self.index(position, 0), self.index(following_at, COL_PROBLEMS))
        return True

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> None:
        """Back to the table as it was before the last correction."""
        if self._undo:
            self.beginResetModel()
            self._rows = self._undo.pop()
            self.endResetModel()

    def _remember(self) -> None:
        self._undo.append(list(self._rows))

    def flagged_count(self) -> int:
        return sum(1 for r in self._rows if r.needs_completion)

    def task_count(self) -> int:
        """Tasks the plan will have: rows not taken out (split parts included)."""
        return sum(1 for r in self._rows if not r.not_a_task)

    def corrections(self) -> tuple[TaskCorrection, ...]:
        """In table order, so a split's part follows the task above it on every PC."""
        out: list[TaskCorrection] = []
        above: str | None = None
        for row in self._rows:
            correction = row.correction(after=above)
            if correction is not None:
                out.append(correction)
            if not row.not_a_task:
                above = row.task.id
        return tuple(out)


ROOT = QModelIndex()
#: Punctuation a task's text may end with; anything else gets "。" before the next text.
_ENDS = "。；;.!！?？"


def _joined_text(first: str, second: str) -> str:
    first, second = first.strip(), second.strip()
    return first + ("" if not first or first[-1] in _ENDS else "。") + second


def _united(first: tuple[UnitEntry, ...], second: tuple[UnitEntry, ...]) -> tuple[UnitEntry, ...]:
    """Both tasks' units, each once: a unit in both keeps its role in the first."""
    names = {name for name, _, _ in first}
    return first + tuple(u for u in second if u[0] not in names)


Deadline = tuple[str | None, dt.date | None]


def _stricter(first: Deadline, second: Deadline) -> Deadline:
    """The earlier date; a dated deadline over an undated wording (长期坚持); else the first."""
    if first[1] is not None and second[1] is not None:
        return first if first[1] <= second[1] else second
    if second[1] is not None:
        return second
    return first if first[0] or first[1] else second
