"""本机设置: the first start asks which unit this PC serves and what the PC is called (its host
name unless changed); the name is kept with the installation, printed on the registration
card, sent in every exchange file, and can be changed later from 工具 → 本机设置…."""

from __future__ import annotations

import platform
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from exchange.service import export_to
from models.store import Store
from sheets.registration_card import registration_card
from ui.main_window import MainWindow
from ui.units.office_dialog import OfficeChoice, OfficeDialog

pytestmark = pytest.mark.gui

NEW_NAME = "档案室 2 号电脑"


def answer(monkeypatch: pytest.MonkeyPatch, fill) -> list[OfficeDialog]:  # type: ignore[no-untyped-def]
    """Answer the dialog as a clerk would: ``fill`` types into it, then OK is pressed."""
    seen: list[OfficeDialog] = []

    def run(self: OfficeDialog) -> int:
        seen.append(self)
        fill(self)
        self.accept()  # validates: a refused form stays open
        return int(self.result())

    monkeypatch.setattr(OfficeDialog, "exec", run)
    return seen


def test_first_start_names_the_pc_after_its_host_name(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = platform.node() or "本机"
    assert store.installation().name == host

    def fill(dialog: OfficeDialog) -> None:
        assert dialog.name_edit.text() == host  # offered, not typed
        dialog.unit_box.setCurrentIndex(dialog.unit_box.findText("省公安厅"))

    seen = answer(monkeypatch, fill)
    assert window.commands.choose_office()
    assert len(seen) == 1
    me = store.installation()
    assert (me.unit_name, me.name) == ("省公安厅", host)


def test_the_name_is_changed_later_and_travels(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window.set_installation(store.set_office("省公安厅"))

    def fill(dialog: OfficeDialog) -> None:
        assert dialog.unit_box.currentText() == "省公安厅"  # the current choice, kept
        dialog.name_edit.setText(f"  {NEW_NAME} ")

    answer(monkeypatch, fill)
    window.menu_actions.set_office.trigger()
    me = store.installation()
    assert (me.unit_name, me.name) == ("省公安厅", NEW_NAME)

    card = tmp_path / "登记卡.pdf"
    registration_card(store.registration_card(), card)
    text = "".join(page.extract_text() for page in PdfReader(card).pages)
    assert NEW_NAME.replace(" ", "") in text.replace(" ", "")

    exported = export_to(store, tmp_path)
    with sqlite3.connect(exported) as db:
        manifest = dict(db.execute("SELECT key, value FROM manifest"))
        senders = [row[0] for row in db.execute("SELECT name FROM installations")]
    assert manifest["installation_name"] == NEW_NAME
    assert NEW_NAME in senders


def test_a_blank_name_is_refused_and_nothing_changes(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = store.installation()
    messages: list[str] = []

    def fill(dialog: OfficeDialog) -> None:
        dialog.office_radio.setChecked(True)
        dialog.name_edit.setText("   ")
        dialog.accept()
        messages.append(dialog.error_label.text())
        assert dialog.result() != QDialog.DialogCode.Accepted  # refused: the form stays
        dialog.reject()

    answer(monkeypatch, fill)
    assert not window.commands.choose_office()
    assert messages == ["请填写本机名称。"]
    assert store.installation() == before


def test_the_dialog_returns_the_name_with_the_choice(qtbot: QtBot, zh_app: object) -> None:
    dialog = OfficeDialog(["省公安厅", "省法院"])
    qtbot.addWidget(dialog)
    dialog.set_data(OfficeChoice("省法院", installation_name="立案庭电脑"))
    assert dialog.data() == OfficeChoice("省法院", installation_name="立案庭电脑")
    assert dialog.validate() is None
    dialog.set_data(OfficeChoice(None, coordinating_office=True))  # no name: the field stays
    assert dialog.data() == OfficeChoice(None, True, "立案庭电脑")
    assert dialog.name_edit.maxLength() == 100
