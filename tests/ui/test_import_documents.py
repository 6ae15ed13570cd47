"""文件 → 导入方案 with the documents offices receive: Word, PDF, Excel; old formats refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO_ROOT
from ui.plan_import.dialog import PlanImportDialog

pytestmark = pytest.mark.gui
PLANS = REPO_ROOT / "tests" / "data" / "plans"


@pytest.mark.parametrize("name", ["seed-numbered.pdf", "seed-table.docx", "seed-ledger.xlsx"])
def test_preview_of_a_received_document(qtbot: QtBot, zh_app: object, name: str) -> None:
    dialog = PlanImportDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=30_000):
        dialog.set_data(PLANS / name)
    assert dialog.counts_label.text().startswith("6 个部分，26 个方面，60 项任务")
    assert dialog.ok_button.isEnabled()


def test_an_old_word_file_is_refused_with_what_to_do(
    qtbot: QtBot, zh_app: object, tmp_path: Path
) -> None:
    old = tmp_path / "分工方案.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1000)
    dialog = PlanImportDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        dialog.set_data(old)
    assert "另存为 .docx 或 PDF" in dialog.state_label.text()
    assert not dialog.ok_button.isEnabled()
