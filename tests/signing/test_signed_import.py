"""Import rules for signed files: registration, forgery, wrong unit, retirement, pinning.

Every refusal must leave the receiving database byte for byte as it was.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from cli.exchange_words import rejection_line, trust_message
from domain.exchange_records import ExportScope
from exchange.reader import read_exchange_file
from exchange.service import import_file
from models.errors import StoreError
from tests.exchange.offices import (
    export,
    import_all,
    office,
    report,
    sender,
    state,
    trust_each_other,
    trust_senders,
)
from tests.signing.helpers import (
    as_format_1,
    bundle_of,
    claiming,
    replace_signature,
    snapshot,
    write_signed,
)


def test_unregistered_key_previews_but_is_not_merged_until_confirmed(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    report(police, 23, "省公安厅", 30)
    path = export(police, tmp_path / "usb")
    before = snapshot(coord)

    preview = import_file(coord, path, dry_run=True)
    assert preview.report is not None and preview.report.new_revisions == 1
    assert preview.trust_code == "unknown_key" and not preview.refused
    assert preview.report.extra["key_fingerprint"] == police.own_key().fingerprint
    refused = import_file(coord, path)
    assert refused.refused and refused.rejected_code == "unknown_key"
    message = trust_message(refused.report, str(path))  # type: ignore[arg-type]
    assert "省公安厅" in message and "keys --trust" in message and "登记卡" in message
    # no fingerprint on screen: the clerk types it from the card (keys --trust compares)
    assert police.own_key().fingerprint not in message and "keys --trust" in message
    assert snapshot(coord) == before and coord.import_log() == []
    with pytest.raises(StoreError) as info:  # the clerk typed the card's number wrong
        coord.trust_key(sender(police), police.own_key().public_key, "0000 " * 8)
    assert info.value.code == "fingerprint_mismatch"
    (attempt,) = coord.import_log()  # the refused attempt is listed, nothing else changed
    assert attempt.outcome == "key_mismatch" and attempt.sender_unit == "省公安厅"

    trust_senders(coord, path)  # keys --trust FILE --fingerprint (from the card)
    merged = import_file(coord, path)
    assert merged.rejected_code is None and merged.report is not None
    assert merged.report.new_revisions == 1 and merged.report.applied


def test_forged_and_tampered_files_are_refused_and_change_nothing(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    mallory = office(tmp_path, "mallory", "省公安厅")  # any copy of Duban, any unit
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    genuine = export(police, tmp_path / "usb")
    before = snapshot(coord)

    # Another key claiming to be police's installation: unknown here, never merged.
    forged = write_signed(
        claiming(bundle_of(mallory), read_exchange_file(genuine).bundle),
        tmp_path / "forged.duban",
        mallory.signer(),
    )
    outcome = import_file(coord, forged)
    assert outcome.rejected_code == "unknown_key"
    # Police's genuine signature pasted onto other content: the signature does not fit.
    report(mallory, 23, "省公安厅", 99, text="伪造的进展")
    pasted = write_signed(
        claiming(bundle_of(mallory), read_exchange_file(genuine).bundle),
        tmp_path / "pasted.duban",
        mallory.signer(),
    )
    replace_signature(pasted, genuine)
    outcome = import_file(coord, pasted)
    assert outcome.rejected_code == "bad_signature"
    line = rejection_line(pasted.name, "bad_signature", outcome.claimed)
    assert "请联系省公安厅重新导出" in line and "数据库未作改动" in line
    # A value changed in place in a genuine file, with any SQLite tool.
    for sql, code in (
        ("UPDATE progress_revisions SET percent = 99", "digest_mismatch"),
        ("UPDATE manifest SET value = '哈尔滨海关' WHERE key = 'unit_name'", "bad_signature"),
        ("UPDATE signature SET signed_at = '2020-01-01T00:00:00+00:00'", "bad_signature"),
    ):
        copy = tmp_path / f"tampered-{code}-{len(sql)}.duban"
        copy.write_bytes(genuine.read_bytes())
        with closing(sqlite3.connect(copy, isolation_level=None)) as conn:
            conn.execute(sql)
        outcome = import_file(coord, copy)
        assert outcome.rejected_code == code, sql
    assert snapshot(coord) == before


def test_a_units_key_cannot_sign_for_another_unit(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, customs, coord)
    report(police, 23, "省公安厅", 30)
    # Customs, whose key is confirmed, writes a file that claims to come from police.
    path = write_signed(bundle_of(police), tmp_path / "usb" / "claim.duban", customs.signer())
    before = snapshot(coord)
    outcome = import_file(coord, path)
    assert outcome.refused and outcome.rejected_code == "key_wrong_unit"
    message = trust_message(outcome.report, str(path))  # type: ignore[arg-type]
    assert "省公安厅" in message and "哈尔滨海关" in message and "冒用" in message
    assert snapshot(coord) == before
    # A file claiming to come from the coordinating office's own PC, signed by police.
    own = write_signed(
        claiming(bundle_of(police), bundle_of(coord, ExportScope.ALL)),
        tmp_path / "own.duban",
        police.signer(),
    )
    assert import_file(coord, own).rejected_code == "key_wrong_unit"
    assert snapshot(coord) == before


def test_retired_key_is_refused_for_files_signed_after_retirement(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    key = police.signer()
    usb = tmp_path / "usb"
    early = write_signed(bundle_of(police), usb / "early.duban", key, "2026-01-31T23:00:00+00:00")
    late = write_signed(bundle_of(police), usb / "late.duban", key, "2026-02-02T08:00:00+00:00")
    retired = coord.retire_key(key.key_id, since="2026-02-01T00:00:00+00:00")  # the PC was lost
    assert retired.status == "retired" and retired.retired_at == "2026-02-01T00:00:00+00:00"
    before = snapshot(coord)
    outcome = import_file(coord, late)
    assert outcome.rejected_code == "key_retired"
    message = trust_message(outcome.report, str(late))  # type: ignore[arg-type]
    assert "停用" in message and "省公安厅" in message and key.key_id in message
    assert snapshot(coord) == before
    # A file the key signed before it was retired is still genuine.
    assert import_file(coord, early).rejected_code is None
    with pytest.raises(StoreError) as info:  # a retired key is never confirmed again
        coord.trust_key(sender(police), key.public_key, key.fingerprint)
    assert info.value.code == "key_retired"
    # Police's new PC key: registered with a new card, and then its files merge.
    police.retire_key(police.own_key().key_id)
    report(police, 20, "省公安厅", 50)
    fresh = export(police, usb)
    assert import_file(coord, fresh).rejected_code == "unknown_key"
    trust_senders(coord, fresh)
    assert import_file(coord, fresh).rejected_code is None


def test_confirming_a_new_key_for_an_installation_retires_its_old_one(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    old = police.own_key()
    police.retire_key(old.key_id)  # reinstalled: a new key on the same installation
    new = police.own_key()
    outcome = coord.trust_key(sender(police), new.public_key, new.fingerprint)
    assert [k.key_id for k in outcome.replaced] == [old.key_id]
    states = {k.key_id: (k.status, k.replaced_by) for k in coord.keys()}
    assert states[old.key_id] == ("retired", new.key_id)
    assert states[new.key_id] == ("confirmed", None)


def test_units_pin_the_coordinating_offices_key(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    impostor = office(tmp_path, "impostor", None)  # someone's copy set up as an "office"
    report(coord, 23, "省公安厅", 10)  # on the unit's behalf, after a phone call
    update = export(coord, tmp_path / "usb", ExportScope.ALL)
    # First plan update: shown with its fingerprint, merged only after confirmation.
    preview = import_file(police, update, dry_run=True)
    assert preview.trust_code == "unknown_key" and preview.report is not None
    assert preview.report.new_revisions == 1
    assert import_file(police, update).rejected_code == "unknown_key"
    trust_senders(police, update)
    assert import_file(police, update).rejected_code is None

    report(impostor, 23, "省公安厅", 99, text="假的方案更新")
    fake = export(impostor, tmp_path / "usb", ExportScope.ALL)
    before = snapshot(police)
    outcome = import_file(police, fake)
    assert outcome.rejected_code == "office_key_mismatch"
    message = trust_message(outcome.report, str(fake))  # type: ignore[arg-type]
    assert "协调办公室" in message and coord.own_key().key_id in message
    with pytest.raises(StoreError) as info:  # a clerk cannot just confirm a second office
        trust_senders(police, fake)
    assert info.value.code == "office_key_pinned"
    assert snapshot(police) == before

    # The office really replaced its PC: retire the pinned key on purpose, then confirm.
    police.retire_key(coord.own_key().key_id)
    assert import_file(police, fake).rejected_code == "unknown_key"
    trust_senders(police, fake)
    assert import_file(police, fake).rejected_code is None


def test_round_trip_unit_office_unit_with_confirmed_keys(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, customs, coord)  # registration cards checked everywhere
    first = report(police, 23, "省公安厅", 30)
    report(customs, 25, "哈尔滨海关", 20)
    to_office = [export(police, tmp_path / "usb1"), export(customs, tmp_path / "usb1")]
    import_all(coord, *to_office)
    report(coord, 25, "省公安厅", 10)
    back = export(coord, tmp_path / "usb2", ExportScope.ALL)
    import_all(police, back)
    import_all(customs, back)
    report(police, 23, "省公安厅", 60, parent=first)
    import_all(coord, export(police, tmp_path / "usb3"))
    final = export(coord, tmp_path / "usb4", ExportScope.ALL)
    import_all(police, final)
    import_all(customs, final)
    assert state(police) == state(customs) == state(coord)
    # Replaying old genuine files changes nothing anywhere.
    before = [snapshot(s) for s in (police, customs, coord)]
    for store, files in ((coord, to_office), (police, [back]), (customs, [back, final])):
        for path in files:
            outcome = import_file(store, path)
            assert outcome.report is not None and outcome.report.already_imported
    assert [snapshot(s) for s in (police, customs, coord)] == before


def test_unsigned_format_1_file_is_read_for_preview_only(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    old = as_format_1(export(police, tmp_path / "usb"), tmp_path / "old.duban")
    read = read_exchange_file(old)
    assert read.bundle.signature is None and read.bundle.manifest.format_version == 1
    before = snapshot(coord)
    preview = import_file(coord, old, dry_run=True)
    assert preview.trust_code == "unsigned" and preview.report is not None
    assert preview.report.new_revisions == 1
    outcome = import_file(coord, old)
    assert outcome.rejected_code == "unsigned"
    assert "升级 Duban" in trust_message(outcome.report, str(old))  # type: ignore[arg-type]
    assert snapshot(coord) == before
