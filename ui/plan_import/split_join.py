"""Window layer: the import preview's split and join (拆分, 与下一项合并, 撤销).

Kept apart from the dialog's reading and showing: these slots only turn the clerk's choice
into rows of the preview model, which hands them to the store as corrections (a split is an
edit plus an added task, a join an edit plus a line joined into the task above).
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

from domain.records import PlanView
from plan_parser import ParsedPlan
from plan_parser.to_view import task_path
from ui.plan_import.preview_model import PreviewRow, PreviewTaskModel
from ui.plan_import.split_dialog import SplitTaskDialog


class SplitJoinActions:
    """Mixed into the preview dialog, which owns these widgets and ``_after_correction``."""

    tasks_model: PreviewTaskModel
    tasks_view: QTableView
    state_label: QLabel
    split_button: QPushButton
    join_button: QPushButton
    undo_button: QPushButton
    _can_correct: bool

    if TYPE_CHECKING:  # the dialog's own

        def _current_row(self) -> int | None: ...
        def _after_correction(self) -> None: ...

    @Slot()
    def split_selected(self) -> None:
        """拆分: the task as two, cut where the clerk puts the cursor, each with its units."""
        position = self._current_row()
        if position is None or not self._can_correct:
            return
        row = self.tasks_model.row_at(position)
        if row.not_a_task:
            return
        if not row.shown_units:
            self.state_label.setText(
                QCoreApplication.translate(
                    "PlanImportDialog", "这项任务还没有分工单位：请先“修改分工”补全，再拆分。"
                )
            )
            return
        parts = SplitTaskDialog.edit(self._as_parent(), row.shown_text, row.shown_units)
        if parts is None:
            return
        # The new task's id is made here, once: it travels in the plan change, so every
        # PC that applies it has the same task under the same id.
        self.tasks_model.split_row(
            position,
            (parts.first_text, parts.first_units),
            (parts.second_text, parts.second_units),
            str(uuid.uuid4()),
        )
        self._after_correction()

    @Slot()
    def join_selected(self) -> None:
        """合并: the task and the next one as one task (the next stays listed, struck)."""
        position = self._current_row()
        if position is None or not self._can_correct:
            return
        if self.tasks_model.join_with_next(position):
            self._after_correction()

    @Slot()
    def undo_correction(self) -> None:
        position = self._current_row()
        self.tasks_model.undo()
        if position is not None and position < self.tasks_model.rowCount():
            self.tasks_view.setCurrentIndex(self.tasks_model.index(position, 0))
        self._after_correction()

    def _as_parent(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None


def preview_rows(parsed: ParsedPlan, view: PlanView) -> list[PreviewRow]:
    """Every task of the plan as read, paired with what the parser said about it."""
    by_path = {
        task_path(s_pos, sub_pos, t.number): t
        for s_pos, section in enumerate(parsed.sections, 1)
        for sub_pos, group in [(0, section.tasks)]
        + [(i, sub.tasks) for i, sub in enumerate(section.subsections, 1)]
        for t in group
    }
    rows = []
    for task in view.all_tasks():
        source = by_path[task.path]
        rows.append(
            PreviewRow(
                task,
                source.deadline_text,
                tuple(p.message_zh for p in source.problems),
                deadline=source.deadline,
            )
        )
    return sorted(rows, key=lambda r: by_path[r.task.path].line_no)
