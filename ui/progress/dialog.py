"""Window layer: the 填报进展 dialog, where a unit reports (or revises) its progress on a task.

The dialog returns a ``ProgressInput``; the window hands it to the store. Rules come from
``domain.validation``; this dialog only shows their codes as words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QRegularExpression, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from domain.attachments import DEFAULT_LIMITS, AttachmentLimits, AttachmentRef
from domain.enums import ProgressStatus, ReviewDecision
from domain.records import ProgressInput, ProgressRevision, TaskView
from domain.review_rules import decisive_review
from domain.validation import ProgressProblem, progress_problems
from ui.attachments.box import AttachmentsBox
from ui.common import messages, words
from ui.common.sizing import resize_within_screen


class ProgressDialog(QDialog):
    """Form for one ``ProgressInput``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(
        self,
        task: TaskView,
        units: list[tuple[str, str]],
        *,
        unit_fixed: bool = False,
        limits: AttachmentLimits = DEFAULT_LIMITS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progress_dialog")
        self._task = task
        self._parent_revision_id: str | None = None
        self._initial: ProgressInput | None = None
        self.attachments_box = AttachmentsBox(limits, self)
        self._init_widgets(units, unit_fixed)
        self._init_layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.status_box.currentIndexChanged.connect(self._on_status_changed)
        self.setWindowTitle(self.tr("填报进展"))
        resize_within_screen(self, 640, 760)

    def _init_widgets(self, units: list[tuple[str, str]], unit_fixed: bool) -> None:
        self.task_label = QLabel(
            self.tr("任务 {number}：{text}").format(
                number=self._task.number, text=self._task.first_line
            ),
            self,
        )
        self.task_label.setWordWrap(True)
        self.revision_note = QLabel(self)
        self.revision_note.setWordWrap(True)
        # A return from the coordinating office is said first, in red, with its reason.
        self.return_note = QLabel(self)
        self.return_note.setObjectName("return_note")
        self.return_note.setWordWrap(True)
        self.return_note.setStyleSheet(
            "color: #8e24aa; font-weight: bold; border: 1px solid #8e24aa; padding: 6px;"
        )
        self.return_note.hide()
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName("unit_box")
        for unit_id, name in units:
            self.unit_box.addItem(name, unit_id)
        self.unit_box.setEnabled(not unit_fixed and len(units) > 1)
        self.status_box = QComboBox(self)
        self.status_box.setObjectName("status_box")
        for status in ProgressStatus:
            self.status_box.addItem(words.status_text(status), status.value)
        self.percent = QLineEdit(self)
        self.percent.setObjectName("percent")
        self.percent.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,3}"), self.percent)
        )
        self.percent.setMaximumWidth(80)
        self.date = QDateEdit(self)
        self.date.setObjectName("report_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.work_done = self._text_box("work_done")
        self.problems = self._text_box("problems")
        self.next_steps = self._text_box("next_steps")
        self.reporter = QLineEdit(self)
        self.reporter.setObjectName("reporter")
        self.phone = QLineEdit(self)
        self.phone.setObjectName("phone")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("reason")
        self.reason_label = QLabel(self.tr("说明"), self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

    def _text_box(self, name: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        return box

    def _init_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("单位"), self.unit_box)
        form.addRow(self.tr("状态"), self.status_box)
        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent)
        percent_row.addWidget(QLabel("%", self))
        percent_row.addStretch(1)
        form.addRow(self.tr("完成百分比"), percent_row)
        form.addRow(self.tr("填报日期"), self.date)
        form.addRow(self.tr("工作进展"), self.work_done)
        form.addRow(self.tr("存在问题"), self.problems)
        form.addRow(self.tr("下一步计划"), self.next_steps)
        form.addRow(self.tr("填报人"), self.reporter)
        form.addRow(self.tr("联系电话"), self.phone)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.tr("佐证材料"), self.attachments_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.task_label)
        layout.addWidget(self.return_note)
        layout.addWidget(self.revision_note)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, entry: ProgressInput) -> None:
        self._parent_revision_id = entry.parent_revision_id
        index = self.unit_box.findData(entry.unit_id)
        self.unit_box.setCurrentIndex(max(index, 0))
        self.status_box.blockSignals(True)
        self.status_box.setCurrentIndex(max(self.status_box.findData(entry.status.value), 0))
        self.status_box.blockSignals(False)
        self.percent.setText(str(entry.percent))
        d = entry.report_date
        self.date.setDate(QDate(d.year, d.month, d.day))
        self.work_done.setPlainText(entry.work_done)
        self.problems.setPlainText(entry.problems)
        self.next_steps.setPlainText(entry.next_steps)
        self.reporter.setText(entry.reporter)
        self.phone.setText(entry.phone)
        self.reason.setText(entry.reason)
        if entry.attachments is not None:
            self.attachments_box.set_choices(entry.attachments)
        editing = entry.parent_revision_id is not None
        self.reason_label.setText(self.tr("修改原因") if editing else self.tr("说明"))
        self.reason.setPlaceholderText(
            self.tr("必填：为什么修改") if editing else self.tr("完成百分比低于上次时必填")
        )
        self._show_return(entry.unit_id)
        self.setWindowTitle(self.tr("修改进展") if editing else self.tr("填报进展"))
        self.revision_note.setText(
            self.tr("保存后将生成一条新的修订记录，原记录保留不变。") if editing else ""
        )
        self.revision_note.setVisible(editing)
        self._initial = self.data()

    def data(self) -> ProgressInput:
        text = self.percent.text().strip()
        qdate = self.date.date()
        return ProgressInput(
            task_id=self._task.id,
            unit_id=str(self.unit_box.currentData() or ""),
            status=ProgressStatus(self.status_box.currentData()),
            percent=int(text) if text else -1,
            report_date=dt.date(qdate.year(), qdate.month(), qdate.day()),
            work_done=self.work_done.toPlainText().strip(),
            problems=self.problems.toPlainText().strip(),
            next_steps=self.next_steps.toPlainText().strip(),
            reporter=self.reporter.text().strip(),
            phone=self.phone.text().strip(),
            parent_revision_id=self._parent_revision_id,
            reason=self.reason.text().strip(),
            attachments=self.attachments_box.choices(),
        )

    def _previous(self, unit_id: str) -> ProgressRevision | None:
        """The unit's current report on the task (a lower percent is compared with it)."""
        return next((r for r in self._task.current_progress if r.unit_id == unit_id), None)

    def _show_return(self, unit_id: str) -> None:
        current = self._previous(unit_id)
        review = decisive_review(current, self._task.reviews) if current else None
        returned = review is not None and review.decision is ReviewDecision.RETURNED
        if returned and review is not None:
            self.return_note.setText(
                self.tr(
                    "协调办公室已退回本单位的进展，请修改后重新报送。退回原因：{reason}"
                ).format(reason=review.reason)
            )
        self.return_note.setVisible(returned)

    def validate(self) -> str | None:
        entry = self.data()
        problems = progress_problems(entry, self._task, self._previous(entry.unit_id))
        if not problems:
            return None
        self._focus_first(problems[0])
        return "\n".join(words.problem_text(p) for p in problems)

    def _focus_first(self, problem: ProgressProblem) -> None:
        target = {
            ProgressProblem.PERCENT_OUT_OF_RANGE: self.percent,
            ProgressProblem.WORK_TEXT_REQUIRED: self.work_done,
            ProgressProblem.REPORTER_REQUIRED: self.reporter,
            ProgressProblem.DONE_NEEDS_FULL_PERCENT: self.percent,
            ProgressProblem.LOWER_PERCENT_NEEDS_REASON: self.reason,
            ProgressProblem.EDIT_REASON_REQUIRED: self.reason,
            ProgressProblem.UNIT_NOT_IN_TASK: self.unit_box,
        }.get(problem)
        if target is not None:
            target.setFocus()

    def is_dirty(self) -> bool:
        return self._initial is not None and self.data() != self._initial

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        task: TaskView,
        entry: ProgressInput,
        units: list[tuple[str, str]],
        *,
        unit_fixed: bool = False,
        limits: AttachmentLimits = DEFAULT_LIMITS,
        attachments: tuple[AttachmentRef, ...] = (),
        opener: Callable[[object], None] | None = None,
    ) -> ProgressInput | None:
        """Run the dialog on ``entry``; the typed entry, or None when cancelled.

        ``attachments`` are the files of the revision being edited (an entry reopened after
        a refusal carries its own); ``opener`` shows one of them (the window's viewer)."""
        dialog = cls(task, units, unit_fixed=unit_fixed, limits=limits, parent=parent)
        if entry.attachments is None:
            dialog.attachments_box.set_choices(attachments)
        if opener is not None:
            dialog.attachments_box.open_requested.connect(opener)
        dialog.set_data(entry)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.data()
            return None
        finally:
            dialog.deleteLater()

    # --- QDialog -------------------------------------------------------------------------
    @Slot()
    def accept(self) -> None:
        message = self.validate()
        if message:
            self.error_label.setText(message)
            self.error_label.show()
            return
        super().accept()

    @Slot()
    def reject(self) -> None:
        if self.is_dirty() and not messages.confirm_discard(self):
            return
        super().reject()

    @Slot()
    def _on_status_changed(self) -> None:
        if self.status_box.currentData() == ProgressStatus.DONE.value:
            self.percent.setText("100")
        self.error_label.hide()


def new_entry(
    task: TaskView,
    unit_id: str,
    today: dt.date | None = None,
    *,
    status: ProgressStatus = ProgressStatus.IN_PROGRESS,
    percent: int = 0,
    reporter: str = "",
    phone: str = "",
) -> ProgressInput:
    """A new report for ``unit_id`` on ``task``, dated today, starting from the unit's last
    status and percent and this PC's 填报人 and 联系电话 (``Store.report_defaults``)."""
    return ProgressInput(
        task_id=task.id,
        unit_id=unit_id,
        status=status,
        percent=percent,
        report_date=today or dt.date.today(),
        work_done="",
        reporter=reporter,
        phone=phone,
    )


def revision_entry(revision: ProgressRevision) -> ProgressInput:
    """The content of ``revision`` as a new entry that edits it (a child revision)."""
    return ProgressInput(
        task_id=revision.task_id,
        unit_id=revision.unit_id,
        status=revision.status,
        percent=revision.percent,
        report_date=revision.report_date,
        work_done=revision.work_done,
        problems=revision.problems,
        next_steps=revision.next_steps,
        reporter=revision.reporter,
        phone=revision.phone,
        parent_revision_id=revision.revision_id,
    )
