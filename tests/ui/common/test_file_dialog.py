"""File dialogs speak the window's language, Qt's own labels included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from ui.common.file_dialog import Mode, make_dialog

pytestmark = pytest.mark.gui


def test_every_label_is_chinese_in_a_chinese_window(zh_app: QApplication, tmp_path: Path) -> None:
    dialog = make_dialog(None, "另存为 PDF", tmp_path / "清单.pdf", "PDF 文件 (*.pdf)", Mode.SAVE)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    labels = {
        label: dialog.labelText(label)
        for label in (
            QFileDialog.DialogLabel.LookIn,
            QFileDialog.DialogLabel.FileName,
            QFileDialog.DialogLabel.FileType,
            QFileDialog.DialogLabel.Accept,
            QFileDialog.DialogLabel.Reject,
        )
    }
    assert labels[QFileDialog.DialogLabel.LookIn] == "查找范围："
    assert labels[QFileDialog.DialogLabel.FileType] == "文件类型："
    for text in labels.values():
        words = re.sub(r"\(&\w\)", "", text)  # the mnemonic: 保存(&S)
        assert not re.search(r"[A-Za-z]", words), labels
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert Path(dialog.directory().absolutePath()) == tmp_path
    dialog.deleteLater()
