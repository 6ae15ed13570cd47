"""A cloned PC image: two PCs sharing one installation id, serving two units.

Registering the second PC's card used to retire the first unit's key without a word. Now
the registry notices one installation id bound to two units (or two PC names), refuses,
and says what to do; the clerk may confirm on purpose that it is one PC moved or renamed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from domain.key_records import KeyStatus
from exchange.reader import read_exchange_file
from exchange.service import import_file
from models.errors import StoreError
from models.store import Store
from signing.keys import fingerprint_of
from tests.exchange.offices import export, import_all, office, report, trust_senders


def _clone(
    source: Store, tmp_path: Path, name: str, unit: str, monkeypatch: pytest.MonkeyPatch
) -> Store:
    """The same database copied to another PC (a system image), which then makes its own
    key in its own user folder and is set to serve another unit."""
    source.close()
    shutil.copy(source.path, tmp_path / f"{name}.sqlite")
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path / f"{name}-userdata"))
    clone = Store.open(tmp_path / f"{name}.sqlite")
    clone.set_office(unit)
    clone.set_installation_name(f"{name}-PC")
    # Its copied registry lists the first PC's key, whose file is not here: as the export
    # says, the clerk retires it, and the next export makes this PC's own key and card.
    own = next(k for k in clone.keys() if k.is_own and k.status == "confirmed")
    clone.retire_key(own.key_id)
    return clone


def _trust(store: Store, path: Path, **kwargs: bool) -> None:
    bundle = read_exchange_file(path).bundle
    assert bundle.signature is not None
    key = bundle.signature.public_key
    store.trust_key(bundle.manifest.sender, key, fingerprint_of(key), **kwargs)


def test_a_cloned_installation_cannot_silently_retire_the_first_units_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_senders(police, export(coord, tmp_path / "plan"))
    report(police, 23, "省公安厅", 30)
    from_police = export(police, tmp_path / "usb1")
    trust_senders(coord, from_police)
    import_all(coord, from_police)
    police_folder = police.key_folder().parent
    customs = _clone(police, tmp_path, "customs", "哈尔滨海关", monkeypatch)
    assert customs.installation().id == police.installation().id
    report(customs, 25, "哈尔滨海关", 20)
    from_customs = export(customs, tmp_path / "usb2")
    monkeypatch.setenv("DUBAN_DATA_DIR", str(police_folder))

    with pytest.raises(StoreError) as info:
        _trust(coord, from_customs)
    assert info.value.code == "installation_conflict"
    assert "省公安厅" in info.value.detail
    keys = {k.unit_name: k.status for k in coord.keys() if not k.is_own}
    assert keys == {"省公安厅": KeyStatus.CONFIRMED}
    report(police, 23, "省公安厅", 40)
    later = import_file(coord, export(police, tmp_path / "usb3"))
    assert later.rejected_code is None and later.report is not None
    assert later.report.new_revisions == 1

    # Told it is one PC moved to another unit, the clerk confirms on purpose.
    _trust(coord, from_customs, replace_installation=True)
    keys = {k.unit_name: k.status for k in coord.keys() if not k.is_own}
    assert keys == {"省公安厅": KeyStatus.RETIRED, "哈尔滨海关": KeyStatus.CONFIRMED}


def test_the_same_pc_renamed_is_asked_about_too(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    first = export(police, tmp_path / "usb1")
    trust_senders(coord, first)
    police.set_installation_name("新电脑名")
    police.retire_key(police.own_key().key_id)  # a new key, a new card
    second = export(police, tmp_path / "usb2")
    with pytest.raises(StoreError) as info:
        _trust(coord, second)
    assert info.value.code == "installation_conflict"
    _trust(coord, second, replace_installation=True)


def test_a_new_key_for_the_same_pc_and_unit_needs_no_question(tmp_path: Path) -> None:
    """The ordinary replacement (lost key file, new card) is unchanged."""
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_senders(coord, export(police, tmp_path / "usb1"))
    police.retire_key(police.own_key().key_id)
    _trust(coord, export(police, tmp_path / "usb2"))
    statuses = sorted(k.status.value for k in coord.keys() if not k.is_own)
    assert statuses == ["confirmed", "retired"]


def test_keys_trust_on_the_command_line_refuses_and_says_what_to_do(
    cli,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    pc1, coord, usb = tmp_path / "pc1.sqlite", tmp_path / "coord.sqlite", tmp_path / "usb"
    usb.mkdir()
    assert cli("office", "--db", str(pc1), "--unit", "省公安厅").code == 0
    assert cli("office", "--db", str(coord), "--coordinating-office").code == 0
    assert cli("exchange", "export", "--db", str(pc1), "-o", str(usb / "a.duban")).code == 0
    shown = cli("keys", "--db", str(pc1), "--show").out
    fingerprint = shown.split("本机密钥指纹：")[1].split()[:8]
    trusted = cli("keys", "--db", str(coord), "--trust", str(usb / "a.duban"), "--fingerprint",
                  " ".join(fingerprint))  # fmt: skip
    assert trusted.code == 0, trusted.err
    # The same PC is then given a new name and a new key (as a cloned image would be).
    assert cli("office", "--db", str(pc1), "--unit", "哈尔滨海关").code == 0
    key_id = "".join(fingerprint)[:16].lower()
    assert cli("keys", "--db", str(pc1), "--retire", key_id).code == 0
    assert cli("exchange", "export", "--db", str(pc1), "-o", str(usb / "b.duban")).code == 0
    new_fp = cli("keys", "--db", str(pc1), "--show").out.split("本机密钥指纹：")[1].split()[:8]
    refused = cli("keys", "--db", str(coord), "--trust", str(usb / "b.duban"), "--fingerprint",
                  " ".join(new_fp))  # fmt: skip
    assert refused.code == 1
    assert "省公安厅" in refused.err and "复制" in refused.err and "--replace" in refused.err
    assert "Traceback" not in refused.err and len(refused.err.strip().splitlines()) == 1
    listed = cli("keys", "--db", str(coord), "--show").out
    assert "[已确认] 省公安厅" in listed
    replaced = cli("keys", "--db", str(coord), "--trust", str(usb / "b.duban"), "--fingerprint",
                   " ".join(new_fp), "--replace")  # fmt: skip
    assert replaced.code == 0, replaced.err
    assert "[已确认] 哈尔滨海关" in cli("keys", "--db", str(coord), "--show").out
