"""Window layer: 文件 → 导入方案…: choose a plan (.docx/.pdf/.xlsx/.txt), preview, confirm.

Reading runs on a pool thread (``plan_intake`` reads the document, ``plan_parser`` the
text); the dialog returns the parsed plan and the window hands it to the store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plan_intake import parse_plan_document
from plan_parser import ParsedPlan, PlanParseError
from ui.common import messages, words
from ui.common.worker import run_in_pool


class PlanImportDialog(QDialog):
    """Preview of one plan file; ``data()`` is the parsed plan once it reads cleanly."""

    preview_ready = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_import_dialog")
        self.setWindowTitle(self.tr("导入方案"))
        self._path: Path | None = None
        self._parsed: ParsedPlan | None = None
        self._reading = False
        self._init_widgets()
        self._init_layout()
        self.choose_button.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(640, 560)
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
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.state_label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("未能识别的行"), self))
        layout.addWidget(self.problems_view, 1)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, path: Path) -> None:
        """Read ``path`` on a pool thread; ``preview_ready`` fires when the preview is shown."""
        self._path = path
        self._parsed = None
        self.path_edit.setText(str(path))
        self.state_label.setText(self.tr("正在读取…"))
        self._reading = True
        self._show_preview()
        run_in_pool(self._on_parsed, self._on_failed, parse_plan_document, path)

    def data(self) -> ParsedPlan | None:
        return self._parsed

    def validate(self) -> str | None:
        if self._parsed is None:
            return self.tr("请先选择一个可以读取的方案文件。")
        if self._parsed.task_count == 0:
            return self.tr("文件中没有找到任务。")
        return None

    @classmethod
    def edit(cls, parent: QWidget | None, path: Path | None = None) -> ParsedPlan | None:
        """Choose (or take) a file, preview it; the parsed plan when the clerk confirms."""
        dialog = cls(parent)
        try:
            path = path or messages.choose_plan_file(parent)
            if path is None:
                return None
            dialog.set_data(path)
            return dialog.data() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

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
        super().accept()

    @Slot(object)
    def _on_parsed(self, parsed: ParsedPlan) -> None:
        self._parsed = parsed
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
        if parsed is None:
            for label in (self.title_label, self.issuer_label, self.counts_label, self.units_label):
                label.setText("—")
            return
        self.title_label.setText(parsed.title or self.tr("（未识别出标题）"))
        date = parsed.issued_on.isoformat() if parsed.issued_on else ""
        self.issuer_label.setText(" ".join(x for x in (parsed.issuer, date) if x) or "—")
        self.counts_label.setText(
            self.tr(
                "{sections} 个部分，{subsections} 个方面，{tasks} 项任务，{units} 个单位"
            ).format(
                sections=len(parsed.sections),
                subsections=parsed.subsection_count,
                tasks=parsed.task_count,
                units=len(parsed.unit_names),
            )
        )
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
