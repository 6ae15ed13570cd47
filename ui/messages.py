"""Window layer: every message box and file picker of the window, in one place.

Tests patch these functions instead of driving modal boxes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


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


def confirm_discard(parent: QWidget | None) -> bool:
    """Ask before a dialog with unsaved typing closes; True means throw the typing away."""
    return confirm(
        parent,
        QCoreApplication.translate("Messages", "放弃填写？"),
        QCoreApplication.translate("Messages", "填写的内容尚未保存。确定要关闭并放弃这些内容吗？"),
    )


def choose_plan_file(parent: QWidget | None, start_dir: Path | None = None) -> Path | None:
    """Pick a plan text file (.txt) to import."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Messages", "选择分工方案文件"),
        str(start_dir or Path.home()),
        QCoreApplication.translate("Messages", "文本文件 (*.txt);;所有文件 (*)"),
    )
    return Path(name) if name else None
