"""Window layer: 文件 → 导入方案…: choose a plan (.docx/.pdf/.xlsx/.txt), preview, confirm.

Reading runs on a pool thread (``plan_intake`` reads the document, ``plan_parser`` the
text). The preview lists every task read — number, text, units with roles, deadline and
what is wrong — and on the coordinating office's PC the clerk can complete a task's units,
mark a flagged line as not a task, split a task in two or join it with the next (and undo
each step); 导入 asks again while tasks are still 待补充. The dialog returns the parsed plan
and the corrections; the window hands both to the store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.records import PlanView
from domain.task_flags import TaskCorrection
from plan_intake import parse_plan_document
from plan_parser import ParsedPlan, PlanParseError
from plan_parser.to_view import plan_view_of
from ui.common import messages, words
from ui.common.sizing import resize_within_screen
from ui.common.worker import run_in_pool
from ui.plan_import.preview_model import (
    COL_DEADLINE,
    COL_NUMBER,
    COL_PROBLEMS,
    COL_TEXT,
    COL_UNITS,
    PreviewRow,
    PreviewTaskModel,
)
from ui.plan_import.split_join import SplitJoinActions, preview_rows
from ui.supervision.task_edit_dialog import TaskEditDialog, entry_for

# What the store is handed: the plan as read and the clerk's corrections to it.
PlanImport = tuple[ParsedPlan, tuple[TaskCorrection, ...]]


class PlanImportDialog(SplitJoinActions, QDialog):
    """Preview of one plan file; ``data()`` is the parsed plan once it reads cleanly."""

    preview_ready = Signal()

    def __init__(self, parent: QWidget | None = None, *, can_correct: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("plan_import_dialog")
        self.setWindowTitle(self.tr("导入方案"))
        self._path: Path | None = None
        self._parsed: ParsedPlan | None = None
        self._view: PlanView | None = None
        self._reading = False
        # Corrections become plan changes, which only the coordinating office writes.
        self._can_correct = can_correct
        self._init_widgets()
        self._init_layout()
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit_button.clicked.connect(self.edit_selected)
        self.not_task_button.clicked.connect(self.toggle_not_a_task)
        self.split_button.clicked.connect(self.split_selected)
        self.join_button.clicked.connect(self.join_selected)
        self.undo_button.clicked.connect(self.undo_correction)
        self.tasks_view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.tasks_view.selectionModel().currentRowChanged.connect(self._update_buttons)
        resize_within_screen(self, 980, 700)
        self._show_preview()

    def _init_widgets(self) -> None:
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("plan_path")
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("请选择分工方案文件（Word、PDF、Excel 或文本）"))
        self.choose_button = QPushButton(self.tr("选择文件…"), self)
        self.choose_button.setObjectName("choose_button")
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state_label")
        self.state_label.setWordWrap(True)
        self.title_label = self._value_label("plan_title")
        self.issuer_label = self._value_label("plan_issuer")
        self.counts_label = self._value_label("plan_counts")
        self.units_label = self._value_label("plan_units")
        self.tasks_model = PreviewTaskModel(self)
        self.tasks_view = QTableView(self)
        self.tasks_view.setObjectName("preview_tasks")
        self.tasks_view.setModel(self.tasks_model)
        self.tasks_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tasks_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tasks_view.setWordWrap(False)
        self.tasks_view.verticalHeader().hide()
        header = self.tasks_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NUMBER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # Room for a few unit names and a whole reason; the full text is in the tooltip.
        em = self.fontMetrics().horizontalAdvance("中")
        for column, chars in ((COL_UNITS, 16), (COL_DEADLINE, 9), (COL_PROBLEMS, 18)):
            self.tasks_view.setColumnWidth(column, em * chars)
        self.edit_button = QPushButton(self.tr("修改分工…"), self)
        self.edit_button.setObjectName("edit_units_button")
        self.not_task_button = QPushButton(self.tr("不是任务"), self)
        self.not_task_button.setObjectName("not_a_task_button")
        self.split_button = QPushButton(self.tr("拆分…"), self)
        self.split_button.setObjectName("split_button")
        self.split_button.setToolTip(self.tr("把一项任务拆成两项，各自确定分工"))
        self.join_button = QPushButton(self.tr("与下一项合并"), self)
        self.join_button.setObjectName("join_button")
        self.join_button.setToolTip(
            self.tr("内容相连，单位合在一起，完成时限取较早的；下一项保留在列表中并划去")
        )
        self.undo_button = QPushButton(self.tr("撤销"), self)
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setToolTip(self.tr("撤销上一次更正"))
        self.correct_note = QLabel(self)
        self.correct_note.setObjectName("correct_note")
        self.correct_note.setWordWrap(True)
        self.problems_model = QStandardItemModel(self)
        self.problems_view = QListView(self)
        self.problems_view.setObjectName("problems_list")
        self.problems_view.setModel(self.problems_model)
        self.problems_view.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("导入"))

    def _value_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    def _init_layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title_label)
        form.addRow(self.tr("发文机关"), self.issuer_label)
        form.addRow(self.tr("内容"), self.counts_label)
        form.addRow(self.tr("单位"), self.units_label)
        task_buttons = QHBoxLayout()
        task_buttons.addWidget(self.correct_note, 1)
        task_buttons.addWidget(self.edit_button)
        task_buttons.addWidget(self.split_button)
        task_buttons.addWidget(self.join_button)
        task_buttons.addWidget(self.not_task_button)
        task_buttons.addWidget(self.undo_button)
        tasks_box = QWidget(self)
        tasks_layout = QVBoxLayout(tasks_box)
        tasks_layout.setContentsMargins(0, 0, 0, 0)
        tasks_layout.addWidget(QLabel(self.tr("读出的任务（双击一行可修改分工）"), self))
        tasks_layout.addWidget(self.tasks_view, 1)
        tasks_layout.addLayout(task_buttons)
        problems_box = QWidget(self)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(QLabel(self.tr("需要核对的行"), self))
        problems_layout.addWidget(self.problems_view, 1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(tasks_box)
        split.addWidget(problems_box)
        split.setSizes([460, 120])
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, path: Path) -> None:
        """Read ``path`` on a pool thread; ``preview_ready`` fires when the preview is shown."""
        self._path = path
        self._parsed = None
        self._view = None
        self.path_edit.setText(str(path))
        self.state_label.setText(self.tr("正在读取…"))
        self._reading = True
        self._show_preview()
        run_in_pool(self._on_parsed, self._on_failed, parse_plan_document, path)

    def data(self) -> ParsedPlan | None:
        return self._parsed

    def corrections(self) -> tuple[TaskCorrection, ...]:
        """The clerk's corrections (units given, lines that are no task), for the store."""
        return self.tasks_model.corrections()

    def validate(self) -> str | None:
        if self._parsed is None:
            return self.tr("请先选择一个可以读取的方案文件。")
        if self._parsed.task_count == 0:
            return self.tr("文件中没有找到任务。")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, path: Path | None = None, *, can_correct: bool = True
    ) -> PlanImport | None:
        """Choose (or take) a file, preview it; the plan and corrections once confirmed."""
        dialog = cls(parent, can_correct=can_correct)
        try:
            path = path or messages.choose_plan_file(parent)
            if path is None:
                return None
            dialog.set_data(path)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            parsed = dialog.data()
            return (parsed, dialog.corrections()) if parsed is not None else None
        finally:
            dialog.deleteLater()

    # --- corrections ---------------------------------------------------------------------
    def _current_row(self) -> int | None:
        index = self.tasks_view.currentIndex()
        return index.row() if index.isValid() else None

    @Slot()
    def edit_selected(self) -> None:
        """修改分工: the 修改任务 form on the task as read (or as already corrected)."""
        position = self._current_row()
        if position is None or self._view is None or not self._can_correct:
            return
        row = self.tasks_model.row_at(position)
        entry = entry_for(row.task, self._view)
        entry = type(entry)(
            entry.task_id,
            entry.section_id,
            entry.subsection_id,
            entry.number,
            row.text or row.task.text,
            row.shown_units,
            self.tr("导入方案时核对原文更正"),
        )
        result = TaskEditDialog.edit(self, self._view, entry)
        if result is None:
            return
        # A split's part is a new task: its text is always given (it is no document line).
        text = result.text if row.added or result.text != row.task.text else None
        self.tasks_model.update_row(position, text=text, units=result.units, not_a_task=False)
        self._after_correction()

    @Slot()
    def toggle_not_a_task(self) -> None:
        """A flagged line that is no task (a heading, a note): out of the plan, still listed."""
        position = self._current_row()
        if position is None or not self._can_correct:
            return
        row = self.tasks_model.row_at(position)
        if not row.problems and not row.not_a_task:
            return
        self.tasks_model.update_row(position, not_a_task=not row.not_a_task)
        self._after_correction()

    def _after_correction(self) -> None:
        self._update_buttons()
        self._show_counts()

    @Slot()
    def _update_buttons(self, *_args: QModelIndex) -> None:
        position = self._current_row()
        row = self.tasks_model.row_at(position) if position is not None else None
        self.edit_button.setEnabled(
            self._can_correct and row is not None and row.joined_into is None
        )
        self.not_task_button.setEnabled(
            self._can_correct and row is not None and (bool(row.problems) or row.not_a_task)
        )
        self.not_task_button.setText(
            self.tr("恢复为任务") if row is not None and row.not_a_task else self.tr("不是任务")
        )
        if row is not None and row.joined_into is not None:
            self.not_task_button.setEnabled(False)  # undone with 撤销, with its join
        self.split_button.setEnabled(self._can_correct and row is not None and not row.not_a_task)
        self.join_button.setEnabled(
            self._can_correct
            and position is not None
            and self.tasks_model.next_joinable(position) is not None
        )
        self.undo_button.setEnabled(self._can_correct and self.tasks_model.can_undo())

    def _confirm_flags(self) -> bool:
        flagged = self.tasks_model.flagged_count()
        if flagged == 0:
            return True
        return messages.confirm(
            self,
            self.tr("导入方案"),
            self.tr(
                "还有 {count} 项任务的分工单位没有识别出来。导入后这些任务标记为“待补充”，"
                "可以稍后在“修改任务”中补全。仍要导入吗？"
            ).format(count=flagged),
        )

    # --- slots ---------------------------------------------------------------------------
    @Slot()
    def choose_file(self) -> None:
        start = self._path.parent if self._path else None
        path = messages.choose_plan_file(self, start)
        if path is not None:
            self.set_data(path)

    @Slot()
    def accept(self) -> None:
        message = self.validate()
        if message:
            self.state_label.setText(message)
            return
        if not self._confirm_flags():
            return
        super().accept()

    @Slot(object)
    def _on_parsed(self, parsed: ParsedPlan) -> None:
        self._parsed = parsed
        self._view = plan_view_of(parsed)
        self._reading = False
        self.state_label.setText(
            self.tr("已读取。请核对下面的内容，确认无误后点击“导入”。")
            if parsed.task_count
            else self.tr("文件中没有找到任务。")
        )
        self._show_preview()
        self.preview_ready.emit()

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._reading = False
        if isinstance(error, PlanParseError):
            text = words.parse_error_text(error.code, error.message_zh)
        elif isinstance(error, OSError):
            text = self.tr("无法打开文件：{reason}").format(reason=error.strerror or error)
        else:
            text = self.tr("读取失败：{reason}").format(reason=error)
        self.state_label.setText(text)
        self._show_preview()
        self.preview_ready.emit()

    def _show_preview(self) -> None:
        parsed = self._parsed
        self.choose_button.setEnabled(not self._reading)
        self.ok_button.setEnabled(parsed is not None and parsed.task_count > 0)
        self.problems_model.clear()
        self.tasks_model.set_rows(self._preview_rows())
        self._update_buttons()
        self.correct_note.setText(
            ""
            if self._can_correct
            else self.tr("只有协调办公室可以更正分工；本机导入后，以协调办公室下发的修订为准。")
        )
        if parsed is None:
            for label in (self.title_label, self.issuer_label, self.counts_label, self.units_label):
                label.setText("—")
            return
        self.title_label.setText(parsed.title or self.tr("（未识别出标题）"))
        date = parsed.issued_on.isoformat() if parsed.issued_on else ""
        self.issuer_label.setText(" ".join(x for x in (parsed.issuer, date) if x) or "—")
        self._show_counts()
        self.units_label.setText("、".join(parsed.unit_names) or "—")
        for problem in parsed.problems:
            text = words.parse_problem_text(
                problem.code, problem.line_no, problem.text, problem.message_zh
            )
            item = QStandardItem(text)
            item.setEditable(False)
            self.problems_model.appendRow(item)
        for other in parsed.non_task_items:
            text = self.tr("第 {line} 行：没有分工单位，未作为任务导入：{text}").format(
                line=other.line_no, text=f"{other.label}{other.text}"[:60]
            )
            item = QStandardItem(text)
            item.setEditable(False)
            self.problems_model.appendRow(item)
        if not parsed.problems and not parsed.non_task_items:
            item = QStandardItem(self.tr("没有无法识别的行。"))
            item.setEditable(False)
            self.problems_model.appendRow(item)

    def _show_counts(self) -> None:
        parsed = self._parsed
        if parsed is None:
            return
        text = self.tr(
            "{sections} 个部分，{subsections} 个方面，{tasks} 项任务，{units} 个单位"
        ).format(
            sections=len(parsed.sections),
            subsections=parsed.subsection_count,
            tasks=self.tasks_model.task_count(),
            units=len(parsed.unit_names),
        )
        flagged = self.tasks_model.flagged_count()
        if flagged:
            text += self.tr("；{count} 项待补充").format(count=flagged)
        self.counts_label.setText(text)

    def _preview_rows(self) -> list[PreviewRow]:
        if self._parsed is None or self._view is None:
            return []
        return preview_rows(self._parsed, self._view)
