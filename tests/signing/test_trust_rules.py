"""The pure trust decision (signing.trust.decide), rule by rule."""

from __future__ import annotations

import dataclasses

from domain.exchange_records import FileSignature, Sender
from domain.key_records import KeyRecord, KeyStatus, TrustCode
from signing.keys import InstallationKey, fingerprint_of
from signing.trust import decide, signed_after

OWN = "00000000-0000-4000-8000-000000000000"
POLICE = Sender("11111111-1111-4111-8111-111111111111", "PC-1", "u-police", "省公安厅", False)
CUSTOMS = Sender("22222222-2222-4222-8222-222222222222", "PC-2", "u-customs", "哈尔滨海关", False)
OFFICE = Sender("33333333-3333-4333-8333-333333333333", "协调", None, "", True)


def key_of(sender: Sender, key: InstallationKey, **changes: object) -> KeyRecord:
    record = KeyRecord(
        key.key_id, key.public_key, fingerprint_of(key.public_key), sender.installation_id,
        sender.name, sender.unit_id, sender.unit_name, sender.is_coordinating_office, False,
        KeyStatus.CONFIRMED, "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00",
    )  # fmt: skip
    return dataclasses.replace(record, **changes)  # type: ignore[arg-type]


def signed(key: InstallationKey, when: str = "2026-06-01T00:00:00+00:00") -> FileSignature:
    return FileSignature(key.key_id, key.public_key, b"\0" * 64, when)


def code(
    sender: Sender, sig: FileSignature | None, keys: list[KeyRecord], office: bool = False
) -> str:
    return decide(sender, sig, keys, own_installation_id=OWN, own_is_office=office).code.value


def test_each_rule() -> None:
    police_key, customs_key, office_key, other = (InstallationKey.generate() for _ in range(4))
    registry = [key_of(POLICE, police_key), key_of(CUSTOMS, customs_key)]
    assert code(POLICE, None, registry) == TrustCode.UNSIGNED
    assert code(POLICE, signed(police_key), registry) == TrustCode.OK
    assert code(POLICE, signed(other), registry) == TrustCode.UNKNOWN_KEY
    assert code(POLICE, signed(customs_key), registry) == TrustCode.KEY_WRONG_UNIT
    moved = dataclasses.replace(POLICE, unit_id="u-customs", unit_name="哈尔滨海关")
    assert code(moved, signed(police_key), registry) == TrustCode.KEY_WRONG_UNIT
    pending = [key_of(POLICE, police_key, status=KeyStatus.PENDING)]
    assert code(POLICE, signed(police_key), pending) == TrustCode.UNKNOWN_KEY
    retired = [key_of(POLICE, police_key, status=KeyStatus.RETIRED,
                      retired_at="2026-03-01T00:00:00+00:00")]  # fmt: skip
    assert code(POLICE, signed(police_key, "2026-02-28T23:59:59+00:00"), retired) == "ok"
    assert code(POLICE, signed(police_key, "2026-03-01T00:00:01+00:00"), retired) == "key_retired"


def test_pinned_office_key_on_a_units_pc() -> None:
    office_key, impostor = InstallationKey.generate(), InstallationKey.generate()
    assert code(OFFICE, signed(office_key), []) == TrustCode.UNKNOWN_KEY  # first plan update
    pinned = [key_of(OFFICE, office_key)]
    assert code(OFFICE, signed(office_key), pinned) == TrustCode.OK
    assert code(OFFICE, signed(impostor), pinned) == TrustCode.OFFICE_KEY_MISMATCH
    other_office = dataclasses.replace(OFFICE, installation_id=POLICE.installation_id)
    assert code(other_office, signed(impostor), pinned) == TrustCode.OFFICE_KEY_MISMATCH
    # On the coordinating office's own PC nothing is pinned: another office PC is unknown.
    assert code(OFFICE, signed(impostor), pinned, office=True) == TrustCode.UNKNOWN_KEY


def test_files_claiming_to_be_this_pc() -> None:
    own_key, other = InstallationKey.generate(), InstallationKey.generate()
    me = Sender(OWN, "本机", "u-police", "省公安厅", False)
    registry = [key_of(me, own_key, is_own=True)]
    assert code(me, signed(own_key), registry) == TrustCode.OK  # re-importing one's own file
    assert code(me, signed(other), registry) == TrustCode.KEY_WRONG_UNIT
    assert code(POLICE, signed(own_key), registry) == TrustCode.KEY_WRONG_UNIT


def test_unreadable_dates_count_as_after_retirement() -> None:
    assert signed_after("not a date", "2026-01-01T00:00:00+00:00")
    assert signed_after("2026-01-02", None)
    assert not signed_after("2026-01-01T07:59:00+08:00", "2026-01-01T00:00:00+00:00")
    assert signed_after("2026-01-01T08:01:00+08:00", "2026-01-01T00:00:00+00:00")
