"""登记密钥 from the window: the fingerprint typed from the card must match the file's key."""

from __future__ import annotations

from pathlib import Path

import pytest

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

    wrong = card[:-4] + ("0000" if not card.endswith("0000") else "1111")
    monkeypatch.setattr(KeyConfirmDialog, "edit", classmethod(lambda cls, p, claim: wrong))
    assert window.exchange.confirm_key(preview) is False
    assert "不一致" in said[-1] and import_file(coord, path).refused

    monkeypatch.setattr(KeyConfirmDialog, "edit", classmethod(lambda cls, p, claim: card))
    assert window.exchange.confirm_key(preview) is True
    assert "已登记" in said[-1]
    merged = import_file(coord, path)
    assert merged.report is not None and merged.report.new_revisions == 1
    police.close()
    coord.close()


def test_dialog_validates_the_typed_fingerprint(qtbot, zh_app) -> None:  # type: ignore[no-untyped-def]
    dialog = KeyConfirmDialog(KeyClaim(Path("a.duban"), "省公安厅（vm）", "0123456789abcdef", ""))
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
