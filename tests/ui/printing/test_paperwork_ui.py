"""Paperwork from the window: 另存为 Word, the 通报, the 台账, the dashboard's day and unit,
and file dialogs that start in the folder last used for the purpose."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from tests.sheets.docxcheck import all_text, open_docx
from tests.ui.printing.test_pdf_preview import WORKER_TIMEOUT, open_preview, pdf_text
from ui.common import folders, messages, save_dialogs
from ui.common.folders import Purpose
from ui.main_window import TAB_DASHBOARD, MainWindow
from ui.printing.commands import SheetKind, SheetRequest

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]

POLICE = "省公安厅"


def test_folders_are_remembered_per_purpose(tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    before = folders.last_folder(Purpose.EXCHANGE_EXPORT)
    assert before.is_dir() and before != stick
    folders.remember(Purpose.EXCHANGE_EXPORT, stick)
    folders.remember(Purpose.SHEETS, tmp_path / "纸件" / "清单.pdf")
    assert folders.last_folder(Purpose.EXCHANGE_EXPORT) == stick
    # A file's folder is remembered; a folder that is gone falls back to Documents.
    assert folders.last_folder(Purpose.SHEETS) == folders.documents_folder()
    stick.rmdir()
    assert folders.last_folder(Purpose.EXCHANGE_EXPORT) == folders.documents_folder()


def test_preview_saves_the_same_sheet_as_word(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert window.unit_view.select_unit(window.store.find_unit_id(POLICE))  # type: ignore[union-attr]
    preview = open_preview(qtbot, window, "print_unit")
    target = tmp_path / "清单.docx"
    asked: list[tuple[Purpose, str, str]] = []

    def choose(_parent, purpose, name, suffix):  # type: ignore[no-untyped-def]
        asked.append((purpose, name, suffix))
        return target

    told: list[Path] = []
    monkeypatch.setattr(save_dialogs, "choose_save_path", choose)
    monkeypatch.setattr(save_dialogs, "tell_saved", lambda _p, path: told.append(path))
    assert preview.save_word_action.isVisible() or not preview.isHidden()
    with qtbot.waitSignal(window.printing.file_saved, timeout=WORKER_TIMEOUT):
        preview.save_word_action.trigger()
    assert asked == [(Purpose.SHEETS, f"任务分工责任清单-{POLICE}.pdf", ".docx")]
    assert told == [target]
    text = all_text(open_docx(target))
    assert f"责任单位：{POLICE}" in text and "单位（盖章）" in text


def test_the_pdf_save_as_confirms_and_remembers_the_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    preview = open_preview(qtbot, window, "print_summary")
    target = tmp_path / "存档" / "汇总.pdf"
    target.parent.mkdir()
    told: list[str] = []
    monkeypatch.setattr(messages, "choose_save_pdf", lambda _p, _s: target)
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    preview.save_action.trigger()
    assert target.is_file()
    assert told == [f"已保存文件：汇总.pdf\n位置：{target.parent}"]
    assert folders.last_folder(Purpose.SHEETS) == target.parent


def test_ledger_from_the_file_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "台账.xlsx"
    monkeypatch.setattr(save_dialogs, "choose_save_path", lambda *_a: target)
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    with qtbot.waitSignal(window.printing.file_saved, timeout=WORKER_TIMEOUT) as saved:
        window.menu_actions.export_ledger.trigger()
    assert saved.args == [target]
    book = load_workbook(target)
    assert book.sheetnames == ["督办台账", "报送记录", "计划修订记录"]
    assert told and "台账.xlsx" in told[0]
    assert window.menu_actions.export_ledger in window.menus["file"].actions()


def test_dashboard_day_and_unit_go_to_the_paperwork(
    qtbot: QtBot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    board = window.dashboard
    day = dt.date(2026, 12, 1)
    board.set_as_of(day)
    qtbot.waitUntil(lambda: board.data() is not None and board.data().as_of == day)
    police = window.store.find_unit_id(POLICE)  # type: ignore[union-attr]
    row = next(
        r for r in range(board.unit_model.rowCount()) if board.unit_model.unit(r).unit_id == police
    )
    board.unit_view.setCurrentIndex(board.unit_proxy.mapFromSource(board.unit_model.index(row, 0)))
    assert board.selected_unit_id() == police
    made: list[SheetRequest] = []
    monkeypatch.setattr(window.printing, "generate", lambda request: made.append(request) or True)
    window.menu_actions.print_reminder.trigger()
    window.menu_actions.print_bulletin.trigger()
    assert [(r.kind, r.unit_id, r.as_of) for r in made] == [
        (SheetKind.REMINDER, police, day),
        (SheetKind.BULLETIN, None, day),
    ]
    # The board carries the buttons itself.
    for name in ("action_print_bulletin", "action_print_reminder", "action_export_ledger"):
        assert board.findChild(QPushButton, "dashboard_" + name) is not None


def test_bulletin_preview_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    preview = open_preview(qtbot, window, "print_bulletin")
    text = pdf_text(preview.pdf_bytes)
    assert "进展情况的通报" in text and "一、总体情况" in text
    assert re.search(r"截至\d{4}年\d{1,2}月\d{1,2}日", text)
    assert len(PdfReader(__import__("io").BytesIO(preview.pdf_bytes)).pages) >= 2
