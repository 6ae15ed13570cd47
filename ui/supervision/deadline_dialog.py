"""Window layer: the 设置完成时限 dialog (coordinating office): a date or 长期坚持, for one
task or the whole plan, with the reason that goes into the change log (留痕)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from domain.records import PlanView, TaskView
from domain.schedule import Deadline
from ui import clock
from ui.common import words
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen
from ui.supervision.forms import error_label, reason_box, reason_problem


@dataclass(frozen=True, slots=True)
class DeadlineInput:
    """A deadline for ``task_id`` (None: the whole plan), and why it is set."""

    task_id: str | None
    deadline: Deadline
    reason: str


class DeadlineDialog(CheckedDialog):
    """Form for one ``DeadlineInput``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(self, plan: PlanView, task: TaskView | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deadline_dialog")
        self.setWindowTitle(self.tr("设置完成时限"))
        self._plan = plan
        self._task = task
        self._init_widgets()
        self._init_layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.date_radio.toggled.connect(self.date.setEnabled)
        self.task_radio.toggled.connect(self._show_current)
        resize_within_screen(self, 520, 360)

    def _init_widgets(self) -> None:
        task = self._task
        self.task_radio = QRadioButton(self)
        self.task_radio.setObjectName("target_task")
        if task is not None:
            self.task_radio.setText(
                self.tr("任务 {number}：{text}").format(number=task.number, text=task.first_line)
            )
        self.task_radio.setEnabled(task is not None)
        self.plan_radio = QRadioButton(self.tr("整个方案（未单独设定时限的任务均按此时限）"), self)
        self.plan_radio.setObjectName("target_plan")
        targets = QButtonGroup(self)
        targets.addButton(self.task_radio)
        targets.addButton(self.plan_radio)
        self.current = QLabel(self)
        self.current.setObjectName("current_deadline")
        self.current.setStyleSheet("color: #5f6b78;")
        self.date_radio = QRadioButton(self.tr("完成日期"), self)
        self.date_radio.setObjectName("by_date")
        self.date = QDateEdit(self)
        self.date.setObjectName("deadline_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.long_term_radio = QRadioButton(self.tr("长期坚持"), self)
        self.long_term_radio.setObjectName("long_term")
        values = QButtonGroup(self)
        values.addButton(self.date_radio)
        values.addButton(self.long_term_radio)
        self.reason = reason_box(self)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

    def _init_layout(self) -> None:
        value_row = QHBoxLayout()
        value_row.addWidget(self.date_radio)
        value_row.addWidget(self.date)
        value_row.addSpacing(16)
        value_row.addWidget(self.long_term_radio)
        value_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("时限"), value_row)
        form.addRow(self.tr("修改原因"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("设定对象"), self))
        layout.addWidget(self.task_radio)
        layout.addWidget(self.plan_radio)
        layout.addWidget(self.current)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, entry: DeadlineInput) -> None:
        on_task = entry.task_id is not None and self._task is not None
        self.task_radio.setChecked(on_task)
        self.plan_radio.setChecked(not on_task)
        deadline = entry.deadline
        self.long_term_radio.setChecked(deadline.long_term)
        self.date_radio.setChecked(not deadline.long_term)
        self.date.setEnabled(not deadline.long_term)
        day = deadline.date or clock.today()
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.reason.setPlainText(entry.reason)
        self._show_current()

    def data(self) -> DeadlineInput:
        q = self.date.date()
        deadline = (
            Deadline(long_term=True)
            if self.long_term_radio.isChecked()
            else Deadline(date=dt.date(q.year(), q.month(), q.day()))
        )
        task_id = self._task.id if self._task is not None and self.task_radio.isChecked() else None
        return DeadlineInput(task_id, deadline, self.reason.toPlainText().strip())

    def _current(self, task_id: str | None) -> Deadline | None:
        if task_id is None or self._task is None:
            return self._plan.plan_deadline
        return self._task.deadline

    def validate(self) -> str | None:
        entry = self.data()
        if entry.deadline == self._current(entry.task_id):
            return self.tr("完成时限没有变化。")
        problem = reason_problem(entry.reason)
        if problem:
            self.reason.setFocus()
        return problem

    @classmethod
    def edit(
        cls, parent: QWidget | None, plan: PlanView, task: TaskView | None, entry: DeadlineInput
    ) -> DeadlineInput | None:
        dialog = cls(plan, task, parent)
        dialog.set_data(entry)
        return run_modal(dialog)

    @Slot()
    def _show_current(self) -> None:
        task_id = self._task.id if self._task is not None and self.task_radio.isChecked() else None
        self.current.setText(
            self.tr("当前完成时限：{deadline}").format(
                deadline=words.deadline_text(self._current(task_id))
            )
        )


def initial_deadline(plan: PlanView, task: TaskView | None) -> DeadlineInput:
    """What the dialog opens on: the task's (or plan's) deadline, else the end of this year."""
    current = task.deadline if task is not None else plan.plan_deadline
    fallback = Deadline(date=dt.date(clock.today().year, 12, 31))
    return DeadlineInput(task.id if task else None, current or fallback, "")
