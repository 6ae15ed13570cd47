"""The clerk's path on the command line, and the registration card (登记卡) PDF."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.key_records import RegistrationCard
from sheets.registration_card import registration_card
from signing.keys import InstallationKey, key_digest


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_registration_card_prints_the_fingerprint(tmp_path: Path) -> None:
    key = InstallationKey.generate()
    card = RegistrationCard(
        unit_label="省公安厅",
        installation_name="督查室-01",
        installation_id="0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b",
        key_id=key.key_id,
        fingerprint=key.fingerprint,
        public_key_sha256=key_digest(key.public_key),
        issued_on=dt.date(2026, 3, 1),
    )
    out = tmp_path / "登记卡.pdf"
    registration_card(card, out)
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = pdf_text(out)
    groups = key.fingerprint.split()
    assert " ".join(groups[:4]) in text and " ".join(groups[4:]) in text
    for words in ("省公安厅", "督查室-01", key.key_id, "经办人", "单位盖章", "2026年03月01日"):
        assert words in text, words


def test_clerks_register_a_key_then_import(cli, tmp_path: Path, db_arg: str) -> None:  # type: ignore[no-untyped-def]
    """A unit's file (SQLite PC) into the coordinating office's database, on a file or on
    the server, with the same checks and signatures."""
    police, coord, usb = tmp_path / "police.sqlite", db_arg, tmp_path / "usb"
    usb.mkdir()
    assert cli("office", "--db", str(police), "--unit", "省公安厅").code == 0
    assert cli("office", "--db", str(coord), "--coordinating-office").code == 0
    shown = cli("keys", "--db", str(police), "--show")
    assert shown.code == 0, shown.err
    fingerprint = re.search(r"本机密钥指纹：([0-9A-F ]{39})", shown.out).group(1)  # type: ignore[union-attr]
    card = tmp_path / "card.pdf"
    printed = cli("keys", "--db", str(police), "--card", "-o", str(card))
    assert printed.code == 0, printed.err
    assert " ".join(fingerprint.split()[:4]) in pdf_text(card)
    added = cli("progress", "add", "--db", str(police), "--task", "23", "--unit", "省公安厅",
                "--status", "in_progress", "--percent", "30", "--text", "推进中",
                "--reporter", "张三")  # fmt: skip
    assert added.code == 0, added.err
    exported = cli("exchange", "export", "--db", str(police), "-o", str(usb))
    assert exported.code == 0, exported.err
    (file,) = usb.iterdir()

    preview = cli("exchange", "import", "--db", str(coord), "--dry-run", str(file))
    assert preview.code == 1 and "新记录 1 条" in preview.out
    # The fingerprint is typed from the card, never offered on screen to be copied.
    assert "keys --trust" in preview.out and fingerprint not in preview.out
    refused = cli("exchange", "import", "--db", str(coord), str(file))
    assert refused.code == 1 and "拒收" in refused.out and "数据库未作改动" in refused.out
    assert fingerprint not in refused.out and fingerprint.split()[0] not in refused.out
    assert "省公安厅" in refused.out and "尚未在本机登记" in refused.out

    wrong = cli("keys", "--db", str(coord), "--trust", str(file), "--fingerprint", "1234 " * 8)
    assert wrong.code == 1 and "不一致" in wrong.err
    typed = fingerprint.lower().replace(" ", "-")  # as read out on the phone
    trusted = cli("keys", "--db", str(coord), "--trust", str(file), "--fingerprint", typed)
    assert trusted.code == 0 and "已登记" in trusted.out, trusted.err
    imported = cli("exchange", "import", "--db", str(coord), str(file))
    assert imported.code == 0 and "新记录 1 条" in imported.out, imported.out
    assert "签名：有效" in imported.out

    listed = cli("keys", "--db", str(coord), "--show")
    assert "[已确认] 省公安厅" in listed.out and fingerprint in listed.out
    key_id = fingerprint.replace(" ", "")[:16].lower()
    retired = cli("keys", "--db", str(coord), "--retire", key_id)
    assert retired.code == 0 and "已停用" in retired.out, retired.err
    assert "[已停用] 省公安厅" in cli("keys", "--db", str(coord), "--show").out


def test_keys_usage_errors_are_one_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "x.sqlite")
    assert cli("keys", "--db", db).code == 2
    card = cli("keys", "--db", db, "--card")
    assert card.code == 1 and "-o" in card.err
    trust = cli("keys", "--db", db, "--trust", str(tmp_path / "none.duban"))
    assert trust.code == 1 and "--fingerprint" in trust.err
    missing = cli("keys", "--db", db, "--trust", str(tmp_path / "none.duban"), "--fingerprint", "x")
    assert missing.code == 1 and "无法登记" in missing.err
    unknown = cli("keys", "--db", db, "--retire", "abcdef123456")
    assert unknown.code == 1 and "没有这个密钥编号" in unknown.err


def test_passphrase_protected_key_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from cli.app import run
    from runtime.paths import user_data_dir

    db, usb = str(tmp_path / "police.sqlite"), tmp_path / "usb"
    usb.mkdir()
    assert run(["office", "--db", db, "--unit", "省公安厅"]) == 0
    monkeypatch.setenv("DUBAN_KEY_PASSPHRASE", "正确的口令")
    assert run(["keys", "--db", db, "--show"]) == 0  # first use: the key is made encrypted
    (pem,) = (user_data_dir() / "keys").glob("*.pem")
    assert pem.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    monkeypatch.delenv("DUBAN_KEY_PASSPHRASE")
    capsys.readouterr()
    assert run(["keys", "--db", db, "--show"]) == 0  # the public half needs no passphrase
    assert run(["exchange", "export", "--db", db, "-o", str(usb)]) == 1
    assert "口令" in capsys.readouterr().err and not list(usb.iterdir())
    monkeypatch.setenv("DUBAN_KEY_PASSPHRASE", "错误")
    assert run(["exchange", "export", "--db", db, "-o", str(usb)]) == 1
    assert "口令不正确" in capsys.readouterr().err
    monkeypatch.setenv("DUBAN_KEY_PASSPHRASE", "正确的口令")
    assert run(["exchange", "export", "--db", db, "-o", str(usb)]) == 0
    assert len(list(usb.iterdir())) == 1
