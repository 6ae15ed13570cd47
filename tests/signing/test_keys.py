"""Installation keys: fingerprints, the key file (0600, passphrase), never in an export."""

from __future__ import annotations

import re
import stat
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from models.errors import StoreError
from signing import key_file
from signing.keys import (
    InstallationKey,
    KeyFileError,
    fingerprint_of,
    key_id_of,
    normalise_fingerprint,
    same_fingerprint,
    verify,
)
from tests.exchange.offices import export, office, report

INSTALLATION = "0b6f3c1e-2a4d-4e5f-8a9b-0c1d2e3f4a5b"


def test_fingerprint_is_eight_groups_of_four_and_key_id_its_first_sixteen() -> None:
    key = InstallationKey.generate()
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", key.fingerprint)
    assert key.key_id == key.fingerprint.replace(" ", "")[:16].lower() == key_id_of(key.public_key)
    assert fingerprint_of(key.public_key) == key.fingerprint
    typed = key.fingerprint.lower().replace(" ", "-")
    assert same_fingerprint(typed, key.public_key)
    assert normalise_fingerprint(f"  {typed}：") == key.fingerprint.replace(" ", "")
    other = InstallationKey.generate()
    assert not same_fingerprint(other.fingerprint, key.public_key)


def test_signature_verifies_only_for_its_message_and_key() -> None:
    key, other = InstallationKey.generate(), InstallationKey.generate()
    sig = key.sign(b"manifest")
    assert verify(key.public_key, sig, b"manifest")
    assert not verify(key.public_key, sig, b"manifesT")
    assert not verify(other.public_key, sig, b"manifest")
    assert not verify(key.public_key, sig[:-1], b"manifest")
    assert not verify(key.public_key[:31], sig, b"manifest")


def test_key_file_is_private_pkcs8_and_never_overwritten(tmp_path: Path) -> None:
    folder = tmp_path / "keys"
    key = key_file.create_key(folder, INSTALLATION)
    path = key_file.key_path(folder, INSTALLATION)
    data = path.read_bytes()
    assert data.startswith(b"-----BEGIN PRIVATE KEY-----")  # PKCS8, unencrypted
    loaded = serialization.load_pem_private_key(data, password=None)
    assert isinstance(loaded, type(key._private))
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    with pytest.raises(KeyFileError) as info:
        key_file.create_key(folder, INSTALLATION)
    assert info.value.code == "key_exists"
    assert path.read_bytes() == data
    again = key_file.load_key(folder, INSTALLATION)
    assert again is not None and again.public_key == key.public_key
    assert not list(folder.glob("*.partial"))


def test_passphrase_protected_key(tmp_path: Path) -> None:
    key = key_file.create_key(tmp_path, INSTALLATION, "甲乙丙 secret")
    path = key_file.key_path(tmp_path, INSTALLATION)
    assert path.read_bytes().startswith(b"-----BEGIN ENCRYPTED PRIVATE KEY-----")
    for passphrase, code in ((None, "key_locked"), ("wrong", "wrong_passphrase")):
        with pytest.raises(KeyFileError) as info:
            key_file.load_key(tmp_path, INSTALLATION, passphrase)
        assert info.value.code == code
    loaded = key_file.load_key(tmp_path, INSTALLATION, "甲乙丙 secret")
    assert loaded is not None and loaded.public_key == key.public_key


def test_garbage_key_file_is_a_clear_error(tmp_path: Path) -> None:
    key_file.key_path(tmp_path, INSTALLATION).write_bytes(b"not a key")
    with pytest.raises(KeyFileError) as info:
        key_file.load_key(tmp_path, INSTALLATION)
    assert info.value.code == "bad_key_file"


def test_store_makes_one_key_per_installation_and_exports_only_the_public_half(
    tmp_path: Path,
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    customs = office(tmp_path, "customs", "哈尔滨海关")
    own = police.own_key()
    assert police.own_key() == own and police.signer().public_key == own.public_key
    assert customs.own_key().key_id != own.key_id
    files = sorted(p.name for p in police.key_folder().iterdir())
    assert files == sorted(f"{s.installation().id}.pem" for s in (police, customs))
    report(police, 23, "省公安厅", 30)
    exported = export(police, tmp_path / "usb").read_bytes()
    private = police.signer()._private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    assert own.public_key in exported
    assert private not in exported and b"PRIVATE KEY" not in exported
    assert private not in police.path.read_bytes()  # the database holds public keys only


def test_encrypted_own_key_needs_its_passphrase_to_sign(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    own = police.own_key("口令123")
    assert police.own_key() == own  # the public half is in the registry: no passphrase
    with pytest.raises(StoreError) as info:
        police.signer()
    assert info.value.code == "key_locked"
    assert police.signer("口令123").key_id == own.key_id


def test_lost_key_file_makes_a_new_key_and_retires_the_old(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    first = police.own_key()
    key_file.key_path(police.key_folder(), police.installation().id).unlink()
    second = police.own_key()
    assert second.key_id != first.key_id
    by_id = {k.key_id: k for k in police.keys()}
    assert by_id[first.key_id].status == "retired"
    assert by_id[first.key_id].replaced_by == second.key_id
    assert by_id[second.key_id].status == "confirmed" and by_id[second.key_id].is_own


def test_retiring_the_own_key_sets_its_file_aside(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    first = police.own_key()
    retired = police.retire_key(first.key_id[:8])
    assert retired.status == "retired" and retired.is_own
    assert list(police.key_folder().glob("*.retired-*.pem"))
    assert police.own_key().key_id != first.key_id
