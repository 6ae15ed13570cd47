"""登记密钥 from the window: the fingerprint typed from the card must match the file's key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from exchange.reader import read_exchange_file
from exchange.service import import_file
from tests.exchange.offices import export, office, report
from tests.ui.conftest import MakeWindow
from ui.common import messages
from ui.exchange.jobs import FilePreview
from ui.keys.confirm_dialog import KeyClaim, KeyConfirmDialog

pytestmark = pytest.mark.gui


def test_key_registered_only_with_the_right_fingerprint(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    report(police, 23, "省公安厅", 30)
    path = export(police, tmp_path / "usb")
    card = police.own_key().fingerprint
    window = make_window(coord)
    said: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, details="": said.append(text))
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: said.append(text))
    preview = FilePreview(import_file(coord, path, dry_run=True))
    assert preview.outcome.trust_code == "unknown_key"

    # A card read wrongly in groups 2 and 8: the dialog opens again with what was typed,
    # saying which groups differ, never the file's number; the clerk then cancels.
    groups = card.split()
    groups[1] = "0000" if groups[1] != "0000" else "1111"
    groups[7] = "0000" if groups[7] != "0000" else "1111"
    wrong = " ".join(groups)
    shown: list[tuple[str, str]] = []
    answers = iter([wrong, None])

    def edit(cls, _parent, claim, typed="", problem=""):  # type: ignore[no-untyped-def]
        shown.append((typed, problem))
        return next(answers)

    monkeypatch.setattr(KeyConfirmDialog, "edit", classmethod(edit))
    assert window.exchange.confirm_key(preview) is False
    assert shown[0] == ("", "")
    typed, problem = shown[1]
    assert typed == wrong and "第 2、8 组不同" in problem
    assert card not in problem and card.replace(" ", "")[:16].lower() not in problem
    assert import_file(coord, path).refused
    assert [e.outcome for e in coord.import_log()] == ["key_mismatch"]

    answers = iter([wrong, card])  # wrong once more, then the card's number: registered
    shown.clear()
    assert window.exchange.confirm_key(preview) is True
    assert shown[1][0] == wrong and "已登记" in said[-1] and card in said[-1]
    log = coord.import_log()
    assert [e.outcome for e in log] == ["key_mismatch", "key_mismatch"]
    merged = import_file(coord, path)
    assert merged.report is not None and merged.report.new_revisions == 1
    police.close()
    coord.close()


def test_dialog_validates_the_typed_fingerprint(qtbot, zh_app) -> None:  # type: ignore[no-untyped-def]
    dialog = KeyConfirmDialog(KeyClaim(Path("a.duban"), "省公安厅（vm）"))
    qtbot.addWidget(dialog)
    dialog.set_data("40C8 09DA")
    assert dialog.validate() is not None
    dialog.set_data("40C8 09DA BA1B C600 A82B D4A8 86C6 7ED9")
    assert dialog.validate() is None and dialog.data().startswith("40C8")


def test_own_key_shows_the_fingerprint_and_saves_the_card(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    coord = office(tmp_path, "coord", None)
    window = make_window(coord)
    shown: list[str] = []
    target = tmp_path / "登记卡 目录" / "card.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: shown.append(text) or True)
    monkeypatch.setattr(messages, "choose_save_pdf", lambda _p, _s: target)
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: shown.append(text))
    window.menu_actions.own_key.trigger()
    fingerprint = coord.own_key().fingerprint
    assert fingerprint in shown[0] and "协调办公室" in shown[0]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert fingerprint.split()[0] in text and "登记卡" in shown[-1]
    coord.close()


def test_the_dialog_keeps_what_was_typed_and_shows_the_problem(qtbot, zh_app) -> None:  # type: ignore[no-untyped-def]
    typed = "40C8 09DA BA1B C600 A82B D4A8 86C6 7ED9"
    dialog = KeyConfirmDialog(KeyClaim(Path("a.duban"), "省公安厅（vm）"), None, "第 3 组不同")
    qtbot.addWidget(dialog)
    dialog.set_data(typed)
    assert dialog.fingerprint.text() == typed
    assert dialog.error_label.isVisibleTo(dialog) and "第 3 组不同" in dialog.error_label.text()
    labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "密钥编号" not in labels


def test_a_cloned_installation_is_asked_about_in_the_window(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    first = export(police, tmp_path / "usb1")
    bundle = read_exchange_file(first).bundle
    assert bundle.signature is not None
    coord.trust_key(bundle.manifest.sender, bundle.signature.public_key,
                    police.own_key().fingerprint)  # fmt: skip
    police.set_office("哈尔滨海关")  # one installation id, now for another unit
    police.retire_key(police.own_key().key_id)
    report(police, 25, "哈尔滨海关", 10)
    second = export(police, tmp_path / "usb2")
    card = police.own_key().fingerprint
    window = make_window(coord)
    asked: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: said.append(text))
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or False)
    monkeypatch.setattr(
        KeyConfirmDialog, "edit", classmethod(lambda cls, p, claim, typed="", problem="": card)
    )
    preview = FilePreview(import_file(coord, second, dry_run=True))
    assert window.exchange.confirm_key(preview) is False  # "a cloned PC?" → no: nothing
    assert "省公安厅" in asked[0] and "复制" in asked[0]
    assert {k.unit_name for k in coord.keys() if not k.is_own and k.status == "confirmed"} == {
        "省公安厅"
    }
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: True)
    assert window.exchange.confirm_key(preview) is True  # the same PC moved: on purpose
    assert {k.unit_name for k in coord.keys() if not k.is_own and k.status == "confirmed"} == {
        "哈尔滨海关"
    }
