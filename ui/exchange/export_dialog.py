"""Window layer: 文件 → 导出交换文件…: what to export and into which folder (a USB stick).

The dialog returns an ``ExportRequest``; the window writes the file on a pool thread. A
unit's PC exports its own unit's records; the coordinating office chooses everything, the
plan content only, or one unit's records.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from domain.exchange_records import ExportScope
from domain.records import Installation
from ui.common import messages
from ui.exchange import words as exchange_words
from ui.exchange.jobs import ExportRequest, export_file_name


class ExchangeExportDialog(QDialog):
    """Form for one ``ExportRequest``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(
        self,
        installation: Installation,
        plans: list[tuple[str, str]],
        unit_names: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_export_dialog")
        self.setWindowTitle(self.tr("导出交换文件"))
        self._installation = installation
        self._folder: Path | None = None
        self._init_widgets(plans, unit_names)
        self._init_layout()
        self.choose_button.clicked.connect(self.choose_folder)
        self.scope_group.buttonToggled.connect(self._on_changed)
        self.unit_box.currentIndexChanged.connect(self._on_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(600, 0)
        self._on_changed()

    @property
    def _office(self) -> bool:
        return self._installation.is_coordinating_office

    def _init_widgets(self, plans: list[tuple[str, str]], unit_names: list[str]) -> None:
        office = exchange_words.office_label(self._installation.unit_name, self._office)
        self.office_label = QLabel(
            self.tr("{office}（{computer}）").format(
                office=office, computer=self._installation.name
            ),
            self,
        )
        self.plan_box = QComboBox(self)
        self.plan_box.setObjectName("export_plan")
        for plan_id, title in plans:
            self.plan_box.addItem(title, plan_id)
        self.scope_group = QButtonGroup(self)
        self.unit_radio = QRadioButton(
            self.tr("本单位（{unit}）的进展记录").format(unit=self._installation.unit_name or ""),
            self,
        )
        self.all_radio = QRadioButton(exchange_words.scope_text(ExportScope.ALL), self)
        self.plan_radio = QRadioButton(exchange_words.scope_text(ExportScope.PLAN_ONLY), self)
        self.one_unit_radio = QRadioButton(self.tr("某单位的进展记录："), self)
        for radio, name in (
            (self.unit_radio, "scope_unit"),
            (self.all_radio, "scope_all"),
            (self.plan_radio, "scope_plan_only"),
            (self.one_unit_radio, "scope_one_unit"),
        ):
            radio.setObjectName(name)
            self.scope_group.addButton(radio)
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName("export_unit")
        self.unit_box.addItems(unit_names)
        self.unit_box.setPlaceholderText(self.tr("请选择单位"))
        self.unit_box.setCurrentIndex(-1)
        (self.all_radio if self._office else self.unit_radio).setChecked(True)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("export_folder")
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("请选择 U 盘或其中的文件夹"))
        self.choose_button = QPushButton(self.tr("选择文件夹…"), self)
        self.choose_button.setObjectName("choose_folder_button")
        self.name_label = QLabel(self)
        self.name_label.setObjectName("export_file_name")
        font = QFont(self.name_label.font())
        font.setBold(True)
        self.name_label.setFont(font)
        self.note = QLabel(
            self.tr(
                "文件先写成临时文件，读回核对无误后才改为正式文件名。"
                "在提示“可以安全拔出 U 盘”之前，请不要拔出 U 盘。"
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6b78;")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("export_error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("导出"))

    def _init_layout(self) -> None:
        scopes = QVBoxLayout()
        if self._office:
            scopes.addWidget(self.all_radio)
            scopes.addWidget(self.plan_radio)
            unit_row = QHBoxLayout()
            unit_row.addWidget(self.one_unit_radio)
            unit_row.addWidget(self.unit_box, 1)
            scopes.addLayout(unit_row)
            self.unit_radio.hide()
        else:
            scopes.addWidget(self.unit_radio)
            for widget in (self.all_radio, self.plan_radio, self.one_unit_radio, self.unit_box):
                widget.hide()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("本机"), self.office_label)
        form.addRow(self.tr("方案"), self.plan_box)
        # One plan (the usual case) needs no choice.
        form.setRowVisible(self.plan_box, self.plan_box.count() > 1)
        form.addRow(self.tr("导出内容"), scopes)
        form.addRow(self.tr("保存到"), folder_row)
        form.addRow(self.tr("文件名"), self.name_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, request: ExportRequest) -> None:
        if self._office:
            radio = {
                ExportScope.ALL: self.all_radio,
                ExportScope.PLAN_ONLY: self.plan_radio,
                ExportScope.UNIT: self.one_unit_radio,
            }[request.scope]
            radio.setChecked(True)
            if request.unit_name:
                self.unit_box.setCurrentIndex(self.unit_box.findText(request.unit_name))
        index = self.plan_box.findData(request.plan_id) if request.plan_id else -1
        if index >= 0:
            self.plan_box.setCurrentIndex(index)
        self.set_folder(request.folder)

    def data(self) -> ExportRequest:
        scope, unit_name = ExportScope.UNIT, None
        if self._office:
            if self.all_radio.isChecked():
                scope = ExportScope.ALL
            elif self.plan_radio.isChecked():
                scope = ExportScope.PLAN_ONLY
            else:
                unit_name = self.unit_box.currentText() or None
        plan_id = self.plan_box.currentData()
        return ExportRequest(scope, self._folder, unit_name, str(plan_id) if plan_id else None)

    def validate(self) -> str | None:
        request = self.data()
        if self._office and request.scope is ExportScope.UNIT and not request.unit_name:
            return self.tr("请选择要导出哪个单位的记录。")
        if request.folder is None:
            return self.tr("请选择保存交换文件的文件夹（通常是 U 盘）。")
        if not request.folder.is_dir():
            return exchange_words.write_error_text("missing_folder", str(request.folder))
        return None

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        installation: Installation,
        plans: list[tuple[str, str]],
        unit_names: list[str],
        request: ExportRequest,
    ) -> ExportRequest | None:
        dialog = cls(installation, plans, unit_names, parent)
        try:
            dialog.set_data(request)
            return dialog.data() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    # --- slots ---------------------------------------------------------------------------
    def set_folder(self, folder: Path | None) -> None:
        self._folder = folder
        self.folder_edit.setText(str(folder) if folder else "")
        self._on_changed()

    @Slot()
    def choose_folder(self) -> None:
        folder = messages.choose_folder(self, self._folder)
        if folder is not None:
            self.set_folder(folder)

    @Slot()
    def _on_changed(self) -> None:
        request = self.data()
        self.unit_box.setEnabled(self.one_unit_radio.isChecked())
        unit = request.unit_name
        if self._office and request.scope is ExportScope.UNIT and not unit:
            self.name_label.setText("—")
        else:
            self.name_label.setText(
                export_file_name(self._installation, request.scope, unit, request.folder)
            )
        self.error_label.hide()

    @Slot()
    def accept(self) -> None:
        message = self.validate()
        if message:
            self.error_label.setText(message)
            self.error_label.show()
            return
        super().accept()
