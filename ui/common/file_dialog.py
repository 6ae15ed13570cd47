"""Window layer: one way to open Qt's file dialog, with its labels in the window's language.

Qt 6.11's widget file dialog asks its catalogue for "&Look in:" and "Files of &type:",
which qtbase_zh_CN.qm only has without the mnemonic ("Look in:" → 查找范围：), so those two
labels stayed English in a Chinese window. They are set here from the catalogue's own
strings. The platform's dialog (Windows, a desktop portal) is used where there is one: it
speaks the system's language and ignores these labels.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


class Mode(Enum):
    OPEN = "open"
    OPEN_MANY = "open_many"
    SAVE = "save"
    FOLDER = "folder"


def make_dialog(
    parent: QWidget | None, title: str, start: Path, filters: str, mode: Mode
) -> QFileDialog:
    folder, name = (start.parent, start.name) if mode is Mode.SAVE else (start, "")
    dialog = QFileDialog(parent, title, str(folder), filters)
    if mode is Mode.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(name)
    elif mode is Mode.FOLDER:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    elif mode is Mode.OPEN_MANY:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("QFileDialog", "Look in:")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileType,
        QCoreApplication.translate("QFileDialog", "Files of type:"),
    )
    return dialog


def ask(
    parent: QWidget | None, title: str, start: Path, filters: str = "", mode: Mode = Mode.OPEN
) -> list[Path]:
    """Run the dialog; the chosen paths, empty when cancelled."""
    dialog = make_dialog(parent, title, start, filters, mode)
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(p) for p in dialog.selectedFiles() if p]
