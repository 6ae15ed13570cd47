"""Window layer: 另存为 dialogs for paperwork (PDF, Word, Excel) and the notice after saving.

Each dialog starts in the last folder used for its purpose (:mod:`ui.common.folders`) and
remembers the folder chosen; the suffix is added when the clerk leaves it off. Tests patch
these functions instead of driving modal dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.common import messages
from ui.common.file_dialog import Mode, ask
from ui.common.folders import Purpose, last_folder, remember

SUFFIXES = (".pdf", ".docx", ".xlsx")


def _words(suffix: str) -> tuple[str, str]:
    """The dialog's title and file-type filter for ``suffix`` (literal, for lupdate)."""
    if suffix == ".docx":
        return (
            QCoreApplication.translate("SaveDialogs", "另存为 Word 文档"),
            QCoreApplication.translate("SaveDialogs", "Word 文档 (*.docx)"),
        )
    if suffix == ".xlsx":
        return (
            QCoreApplication.translate("SaveDialogs", "导出 Excel 台账"),
            QCoreApplication.translate("SaveDialogs", "Excel 工作簿 (*.xlsx)"),
        )
    return (
        QCoreApplication.translate("SaveDialogs", "另存为 PDF"),
        QCoreApplication.translate("SaveDialogs", "PDF 文件 (*.pdf)"),
    )


def choose_save_path(
    parent: QWidget | None, purpose: Purpose, file_name: str, suffix: str
) -> Path | None:
    """Where to save ``file_name`` (its suffix replaced by ``suffix``); None when cancelled."""
    title, filters = _words(suffix)
    start = last_folder(purpose) / Path(file_name).with_suffix(suffix).name
    chosen = ask(parent, title, start, filters, Mode.SAVE)
    if not chosen:
        return None
    path = chosen[0]
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember(purpose, path)
    return path


def tell_saved(parent: QWidget | None, path: Path) -> None:
    """The confirmation a clerk gets after saving: which file, in which folder."""
    messages.information(
        parent,
        QCoreApplication.translate("SaveDialogs", "已保存"),
        QCoreApplication.translate("SaveDialogs", "已保存文件：{name}\n位置：{folder}").format(
            name=path.name, folder=path.parent
        ),
    )
