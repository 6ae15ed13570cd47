"""A lost private key at export: the clerk is told a new registration card is needed.

The next export used to make a new key quietly and say the stick was safe to remove; the
coordinating office then refused the file as ``unknown_key``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from models.errors import StoreError
from signing import key_file
from tests.exchange.offices import export, import_all, office, report, trust_each_other


def test_export_with_the_key_file_gone_says_a_new_card_is_needed(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    import_all(coord, export(police, tmp_path / "usb1"))
    own = police.own_key()
    path = key_file.key_path(police.key_folder(), police.installation().id)
    kept = path.read_bytes()
    path.unlink()

    with pytest.raises(StoreError) as info:
        export(police, tmp_path / "usb2")
    assert info.value.code == "own_key_missing" and info.value.detail == own.key_id
    assert not (tmp_path / "usb2").exists() or not any((tmp_path / "usb2").iterdir())
    assert [k.key_id for k in police.keys() if k.is_own] == [own.key_id]  # nothing retired

    path.write_bytes(kept)  # found in the recycle bin: the old key signs again
    import_all(coord, export(police, tmp_path / "usb3"))


def test_retiring_the_lost_key_then_makes_a_new_one_for_a_new_card(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    own = police.own_key()
    key_file.key_path(police.key_folder(), police.installation().id).unlink()
    police.retire_key(own.key_id)
    assert export(police, tmp_path / "usb").exists()
    assert police.own_key().key_id != own.key_id


def test_cli_export_refuses_and_names_the_card(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, usb = tmp_path / "police.sqlite", tmp_path / "usb"
    usb.mkdir()
    assert cli("office", "--db", str(db), "--unit", "省公安厅").code == 0
    assert cli("exchange", "export", "--db", str(db), "-o", str(usb)).code == 0
    shown = cli("keys", "--db", str(db), "--show").out
    key_id = re.search(r"本机密钥编号：([0-9a-f]{16})", shown).group(1)  # type: ignore[union-attr]
    pem = re.search(r"私钥文件：(.+\.pem)", shown).group(1)  # type: ignore[union-attr]
    Path(pem).unlink()
    refused = cli("exchange", "export", "--db", str(db), "-o", str(usb))
    assert refused.code == 1 and "可以安全拔出" not in refused.out
    assert "登记卡" in refused.err and f"keys --retire {key_id}" in refused.err
    assert len(list(usb.iterdir())) == 1
