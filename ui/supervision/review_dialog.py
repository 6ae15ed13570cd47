"""Window layer: 审核进展 (batch) and 领导批示, the coordinating office's two dialogs on reports.

The review dialog lists the reports waiting for review; the clerk selects rows (arrow keys,
Shift/Ctrl) and presses A (通过) or R (退回修改, with the reason typed once for the selected
rows) in the table, or the buttons (Alt+A, Alt+R); rows left undecided are not touched.
Both dialogs return data; the window calls the Store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.enums import ReviewDecision
from domain.records import ProgressRevision, ReviewInput, TaskView
from ui.common import words
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen

COL_TASK, COL_UNIT, COL_DATE, COL_PERCENT, COL_WORK, COL_DECISION, COL_REASON = range(7)


@dataclass(frozen=True, slots=True)
class PendingReport:
    """A unit's current report waiting for review (审核)."""

    task: TaskView
    revision: ProgressRevision


@dataclass(frozen=True, slots=True)
class Instructed:
    text: str
    leader: str
    on: dt.date


def _item(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    return item


class ReviewDialog(CheckedDialog):
    """通过 / 退回修改 for many reports at once; ``data()`` holds only the decided rows."""

    def __init__(self, pending: list[PendingReport], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review_dialog")
        self.setWindowTitle(self.tr("审核进展"))
        self._pending = pending
        self._decisions: dict[int, tuple[ReviewDecision, str]] = {}
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels(
            [
                self.tr("任务"),
                self.tr("单位"),
                self.tr("报送日期"),
                self.tr("进度"),
                self.tr("工作进展"),
                self.tr("审核结论"),
                self.tr("退回原因"),
            ]
        )
        for entry in pending:
            rev = entry.revision
            work = _item(rev.work_done.replace("\n", " "))
            work.setToolTip(rev.work_done)
            self.model.appendRow(
                [
                    _item(f"{entry.task.number}. {entry.task.first_line}"),
                    _item(rev.unit_name),
                    _item(rev.report_date.isoformat()),
                    _item(f"{words.status_text(rev.status)} {rev.percent}%"),
                    work,
                    _item(self.tr("（未处理）")),
                    _item(""),
                ]
            )
        self.table = QTableView(self)
        self.table.setObjectName("review_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(COL_WORK, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.installEventFilter(self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("review_reason")
        self.reason.setPlaceholderText(self.tr("退回修改时必填，对所选各行适用"))
        self.reviewer = QLineEdit(self)
        self.reviewer.setObjectName("reviewer")
        self.accept_button = QPushButton(self.tr("通过(&A)"), self)
        self.accept_button.setObjectName("accept_selected")
        self.return_button = QPushButton(self.tr("退回修改(&R)"), self)
        self.return_button.setObjectName("return_selected")
        self.clear_button = QPushButton(self.tr("撤销结论(&U)"), self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._init_layout()
        self.accept_button.clicked.connect(lambda: self.decide(ReviewDecision.ACCEPTED))
        self.return_button.clicked.connect(lambda: self.decide(ReviewDecision.RETURNED))
        self.clear_button.clicked.connect(self.undecide)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if pending:
            self.table.selectRow(0)
        self.table.setFocus()
        resize_within_screen(self, 960, 560)

    def _init_layout(self) -> None:
        hint = QLabel(
            self.tr(
                "共 {count} 份进展待审核。用方向键和 Shift 选择，在表中按 A 通过、R 退回修改"
                "（先填写退回原因），U 撤销；未处理的保持待审核。"
            ).format(count=len(self._pending)),
            self,
        )
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("退回原因"), self.reason)
        form.addRow(self.tr("审核人"), self.reviewer)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.return_button)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """A / R / U on the table decide the selected rows without leaving the keyboard."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() == Qt.KeyboardModifier.NoModifier:
                key = event.key()
                if key == Qt.Key.Key_A:
                    self.decide(ReviewDecision.ACCEPTED)
                    return True
                if key == Qt.Key.Key_R:
                    self.decide(ReviewDecision.RETURNED)
                    return True
                if key == Qt.Key.Key_U:
                    self.undecide()
                    return True
        return super().eventFilter(watched, event)

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    @Slot()
    def decide(self, decision: ReviewDecision) -> None:
        """Give the selected rows ``decision`` (a return takes the reason typed above)."""
        reason = self.reason.text().strip()
        if decision is ReviewDecision.RETURNED and not reason:
            self.error_label.setText(self.tr("退回修改须写明原因：请先填写退回原因。"))
            self.error_label.show()
            self.reason.setFocus()
            return
        self.error_label.hide()
        for row in self._selected_rows():
            kept = reason if decision is ReviewDecision.RETURNED else ""
            self._decisions[row] = (decision, kept)
            self.model.item(row, COL_DECISION).setText(decision.label_zh)
            self.model.item(row, COL_REASON).setText(kept)
        self._select_next()

    @Slot()
    def undecide(self) -> None:
        for row in self._selected_rows():
            self._decisions.pop(row, None)
            self.model.item(row, COL_DECISION).setText(self.tr("（未处理）"))
            self.model.item(row, COL_REASON).setText("")

    def _select_next(self) -> None:
        rows = self._selected_rows()
        following = (rows[-1] + 1) if rows else 0
        if following < self.model.rowCount():
            self.table.selectRow(following)
        self.table.setFocus()

    def data(self) -> list[ReviewInput]:
        reviewer = self.reviewer.text().strip()
        return [
            ReviewInput(self._pending[row].revision.revision_id, decision, reason, reviewer)
            for row, (decision, reason) in sorted(self._decisions.items())
        ]

    def validate(self) -> str | None:
        if not self._decisions:
            return self.tr("还没有审核任何一份进展：请选择行后按“通过”或“退回修改”。")
        return None

    @classmethod
    def edit(cls, parent: QWidget | None, pending: list[PendingReport]) -> list[ReviewInput] | None:
        return run_modal(cls(pending, parent))


class InstructionDialog(CheckedDialog):
    """领导批示 / 督办意见 on one task: text, who, date."""

    def __init__(self, task: TaskView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instruction_dialog")
        self.setWindowTitle(self.tr("记录领导批示"))
        title = QLabel(
            self.tr("任务 {number}：{text}").format(number=task.number, text=task.first_line),
            self,
        )
        title.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("instruction_text")
        self.text.setTabChangesFocus(True)
        self.leader = QLineEdit(self)
        self.leader.setObjectName("instruction_leader")
        self.date = QDateEdit(self)
        self.date.setObjectName("instruction_date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        today = dt.date.today()
        self.date.setDate(QDate(today.year, today.month, today.day))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("批示内容"), self.text)
        form.addRow(self.tr("批示人"), self.leader)
        form.addRow(self.tr("批示日期"), self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        resize_within_screen(self, 560, 360)
        _ = Qt

    def data(self) -> Instructed:
        d = self.date.date()
        return Instructed(
            self.text.toPlainText().strip(),
            self.leader.text().strip(),
            dt.date(d.year(), d.month(), d.day()),
        )

    def validate(self) -> str | None:
        typed = self.data()
        if not typed.text or not typed.leader:
            return self.tr("请填写批示内容和批示人。")
        return None

    @classmethod
    def edit(cls, parent: QWidget | None, task: TaskView) -> Instructed | None:
        return run_modal(cls(task, parent))
