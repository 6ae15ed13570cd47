"""Window layer: what every form dialog shares (the set_data/data/validate/edit contract).

OK runs ``validate()``; a message is shown in red under the form and the dialog stays open,
so nothing typed is lost. ``run_modal`` shows a dialog and returns its data, or None.
"""

from __future__ import annotations

from typing import Protocol, TypeVar

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QLabel

T = TypeVar("T", covariant=True)


class _DataDialog(Protocol[T]):
    def exec(self) -> int: ...
    def data(self) -> T: ...
    def deleteLater(self) -> None: ...


class CheckedDialog(QDialog):
    """Subclasses set ``self.error_label`` and implement ``validate()``."""

    error_label: QLabel

    def validate(self) -> str | None:
        return None

    @Slot()
    def accept(self) -> None:
        message = self.validate()
        if message:
            self.error_label.setText(message)
            self.error_label.show()
            return
        super().accept()


def run_modal(dialog: _DataDialog[T]) -> T | None:
    """``exec()`` the dialog; its data when accepted, else None; the dialog is released."""
    try:
        return dialog.data() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
