"""Window layer: every message box and file picker of the window, in one place.

Tests patch these functions instead of driving modal boxes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.common.file_dialog import Mode, ask
from ui.common.folders import Purpose, last_folder, remember

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def warning(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def information(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_text(parent: QWidget | None, title: str, label: str) -> str | None:
    """One line typed by the clerk (a reason); None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(parent, title, label)
    return text if ok else None


def confirm_discard(parent: QWidget | None) -> bool:
    """Ask before a dialog with unsaved typing closes; True means throw the typing away."""
    return confirm(
        parent,
        QCoreApplication.translate("Messages", "放弃填写？"),
        QCoreApplication.translate("Messages", "填写的内容尚未保存。确定要关闭并放弃这些内容吗？"),
    )


def choose_plan_file(parent: QWidget | None, start_dir: Path | None = None) -> Path | None:
    """Pick a plan to import: Word, PDF, Excel or text (plan_intake.PLAN_SUFFIXES)."""
    chosen = ask(
        parent,
        QCoreApplication.translate("Messages", "选择分工方案文件"),
        start_dir or last_folder(Purpose.PLAN),
        QCoreApplication.translate(
            "Messages",
            "分工方案 (*.docx *.pdf *.xlsx *.txt *.md);;Word 文档 (*.docx);;PDF 文件 (*.pdf);;"
            "Excel 表格 (*.xlsx);;文本文件 (*.txt *.md);;所有文件 (*)",
        ),
        Mode.OPEN,
    )
    return _remembered(Purpose.PLAN, chosen[0]) if chosen else None


def choose_folder(parent: QWidget | None, start_dir: Path | None = None) -> Path | None:
    """Pick the folder an exchange file is written to (usually a USB stick)."""
    chosen = ask(
        parent,
        QCoreApplication.translate("Messages", "选择保存交换文件的文件夹（U 盘）"),
        start_dir or last_folder(Purpose.EXCHANGE_EXPORT),
        "",
        Mode.FOLDER,
    )
    return _remembered(Purpose.EXCHANGE_EXPORT, chosen[0]) if chosen else None


def choose_exchange_files(parent: QWidget | None, start_dir: Path | None = None) -> list[Path]:
    """Pick one or more exchange files (.duban) to import; empty when cancelled."""
    chosen = ask(
        parent,
        QCoreApplication.translate("Messages", "选择要导入的交换文件"),
        start_dir or last_folder(Purpose.EXCHANGE_IMPORT),
        QCoreApplication.translate("Messages", "督办交换文件 (*.duban);;所有文件 (*)"),
        Mode.OPEN_MANY,
    )
    if chosen:
        remember(Purpose.EXCHANGE_IMPORT, chosen[0])
    return chosen


def choose_save_pdf(parent: QWidget | None, suggested: Path) -> Path | None:
    """Where to save a printed sheet (另存为); ``.pdf`` is added when the clerk leaves it off."""
    chosen = ask(
        parent,
        QCoreApplication.translate("Messages", "另存为 PDF"),
        suggested,
        QCoreApplication.translate("Messages", "PDF 文件 (*.pdf)"),
        Mode.SAVE,
    )
    if not chosen:
        return None
    path = chosen[0]
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def choose_sheets_folder(parent: QWidget | None, start_dir: Path | None = None) -> Path | None:
    """Pick the folder that receives one 任务分工责任清单 PDF per unit."""
    chosen = ask(
        parent,
        QCoreApplication.translate("Messages", "选择保存各单位责任清单的文件夹"),
        start_dir or last_folder(Purpose.SHEETS),
        "",
        Mode.FOLDER,
    )
    return _remembered(Purpose.SHEETS, chosen[0]) if chosen else None


def _remembered(purpose: Purpose, path: Path) -> Path:
    remember(purpose, path)
    return path


def ask_printer(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """The system print dialog for ``printer`` (a QPrinter); True when the clerk prints.

    QtPrintSupport is loaded here, on first use, not at start-up.
    """
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(page_count, 1))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, False)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted
