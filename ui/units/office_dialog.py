"""Window layer: the first-run dialog (and 工具 → 本机设置…): which unit this PC serves and
what the PC is called (本机名称: on its key registration card and in its exchange files)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from domain.records import Installation
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen


@dataclass(frozen=True, slots=True)
class OfficeChoice:
    """This PC serves ``unit_name``, or is the coordinating office (协调办公室), and is
    called ``installation_name`` (blank: keep the name it has)."""

    unit_name: str | None
    coordinating_office: bool = False
    installation_name: str = ""


# As many characters as the store keeps of a PC's name.
NAME_MAX_LENGTH = 100


class OfficeDialog(CheckedDialog):
    """Form for one ``OfficeChoice``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(self, unit_names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office_dialog")
        self.setWindowTitle(self.tr("本机设置"))
        self._init_widgets(unit_names)
        self._init_layout()
        self.unit_radio.toggled.connect(self._on_toggled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        resize_within_screen(self, 520, 330)

    def _init_widgets(self, unit_names: list[str]) -> None:
        self.intro = QLabel(
            self.tr(
                "请选择这台电脑所属的单位。本机填报的进展将以该单位的名义保存；"
                "协调办公室可以汇总各单位的进展，也可以代各单位填报。"
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.unit_radio = QRadioButton(self.tr("本机属于以下单位："), self)
        self.unit_box = QComboBox(self)
        self.unit_box.setObjectName("office_unit")
        self.unit_box.addItems(unit_names)
        # No unit is preselected: a PC filed under the wrong unit would report in its name.
        self.unit_box.setPlaceholderText(self.tr("请选择单位"))
        self.unit_box.setCurrentIndex(-1)
        self.office_radio = QRadioButton(self.tr("本机是协调办公室（领导小组办公室）"), self)
        self.group = QButtonGroup(self)
        self.group.addButton(self.unit_radio)
        self.group.addButton(self.office_radio)
        self.unit_radio.setChecked(True)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("installation_name")
        self.name_edit.setMaxLength(NAME_MAX_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("例如：办公室张三的电脑"))
        self.name_hint = QLabel(
            self.tr("区分同一单位的几台电脑；印在密钥登记卡上，随交换文件发出。"), self
        )
        self.name_hint.setWordWrap(True)
        self.name_hint.setStyleSheet("color: #5f6b78;")
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )

    def _init_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.unit_radio)
        layout.addWidget(self.unit_box)
        layout.addWidget(self.office_radio)
        layout.addSpacing(8)
        name_form = QFormLayout()
        name_form.setContentsMargins(0, 0, 0, 0)
        name_form.addRow(self.tr("本机名称："), self.name_edit)
        layout.addLayout(name_form)
        layout.addWidget(self.name_hint)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def set_data(self, choice: OfficeChoice) -> None:
        if choice.installation_name:  # blank: the name shown stays (see OfficeChoice)
            self.name_edit.setText(choice.installation_name)
        self.office_radio.setChecked(choice.coordinating_office)
        self.unit_radio.setChecked(not choice.coordinating_office)
        if choice.unit_name:
            self.unit_box.setCurrentIndex(max(self.unit_box.findText(choice.unit_name), 0))

    def data(self) -> OfficeChoice:
        name = self.name_edit.text().strip()
        if self.office_radio.isChecked():
            return OfficeChoice(None, coordinating_office=True, installation_name=name)
        return OfficeChoice(self.unit_box.currentText() or None, installation_name=name)

    def validate(self) -> str | None:
        choice = self.data()
        if not choice.coordinating_office and not choice.unit_name:
            return self.tr("请选择本机所属的单位，或选择协调办公室。")
        if not choice.installation_name:
            return self.tr("请填写本机名称。")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, unit_names: list[str], current: Installation | None
    ) -> OfficeChoice | None:
        dialog = cls(unit_names, parent)
        if current is not None:
            # A new installation is named after the computer (its host name) until renamed.
            dialog.set_data(
                OfficeChoice(current.unit_name, current.is_coordinating_office, current.name)
                if current.configured
                else OfficeChoice(None, installation_name=current.name)
            )
        return run_modal(dialog)

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        self.unit_box.setEnabled(checked)
