"""Window layer: 登记密钥 — confirm a sender's signing key against its registration card.

The clerk types the fingerprint printed on the paper card (or read out on the phone); the
store compares it with the key in the file and registers the key only when they agree.
The file's own fingerprint (and its key id, the fingerprint's first half) is never shown
before that: copying it from the screen would prove nothing. After a mismatch the dialog
opens again with what was typed and says which of the 8 groups differ.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.common.dialog_base import CheckedDialog, run_modal


@dataclass(frozen=True, slots=True)
class KeyClaim:
    """What a file says about its signer (the file's claim; the fingerprint decides)."""

    path: Path
    sender_label: str


class KeyConfirmDialog(CheckedDialog):
    """Shows the file's key and asks for the fingerprint on the card; returns what was typed."""

    def __init__(self, claim: KeyClaim, parent: QWidget | None = None, problem: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("登记发送方的密钥"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "请拿出{sender}交来的《交换文件签名密钥登记卡》（或电话核实），"
                "把卡上的密钥指纹逐组输入下框。指纹一致才会登记，之后才能导入该单位的文件。"
            ).format(sender=claim.sender_label),
            self,
        )
        intro.setWordWrap(True)
        self.fingerprint = QLineEdit(self)
        self.fingerprint.setObjectName("card_fingerprint")
        self.fingerprint.setPlaceholderText(self.tr("例如 40C8 09DA BA1B C600 A82B D4A8 86C6 7ED9"))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(self.tr("发送方："), QLabel(claim.sender_label, self))
        form.addRow(self.tr("文件："), QLabel(claim.path.name, self))
        form.addRow(self.tr("登记卡上的指纹："), self.fingerprint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        if problem:  # what the store said about the last attempt
            self.error_label.setText(problem)
            self.error_label.show()

    def set_data(self, typed: str) -> None:
        self.fingerprint.setText(typed)

    def data(self) -> str:
        return self.fingerprint.text().strip()

    def validate(self) -> str | None:
        digits = "".join(ch for ch in self.data() if ch.isalnum())
        if len(digits) != 32:
            return self.tr("指纹应为 32 位十六进制字符（8 组，每组 4 位），请对照登记卡输入。")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, claim: KeyClaim, typed: str = "", problem: str = ""
    ) -> str | None:
        dialog = cls(claim, parent, problem)
        dialog.set_data(typed)
        return run_modal(dialog)
