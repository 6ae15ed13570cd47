"""Signing layer: an installation's Ed25519 key pair, its key id and fingerprint.

The fingerprint people compare is the SHA-256 of the raw 32-byte public key, first 128
bits, as 8 groups of 4 upper-case hex characters; the key id is its first 16 hex
characters (lower case), short enough to type in ``keys --retire``.
"""

from __future__ import annotations

import hashlib
import re

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64
KEY_ID_CHARS = 16
FINGERPRINT_GROUPS = 8
_ENCRYPTED_PEM = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"
_SEPARATORS = re.compile(r"[\s\-:：]+")


class KeyFileError(Exception):
    """A private key could not be used; ``code`` says why (words are the caller's)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def key_digest(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()


def key_id_of(public_key: bytes) -> str:
    return key_digest(public_key)[:KEY_ID_CHARS]


def fingerprint_of(public_key: bytes) -> str:
    """``3F2A 91C0 …``: 8 groups of 4 upper-case hex characters, read aloud on the phone."""
    head = key_digest(public_key)[: FINGERPRINT_GROUPS * 4].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def normalise_fingerprint(text: str) -> str:
    """What a clerk typed (spaces, dashes, lower case, full-width colon) in canonical form."""
    return _SEPARATORS.sub("", text).upper()


def same_fingerprint(typed: str, public_key: bytes) -> bool:
    return normalise_fingerprint(typed) == normalise_fingerprint(fingerprint_of(public_key))


def differing_groups(typed: str, public_key: bytes) -> tuple[int, ...]:
    """Which of the 8 groups (1–8) of what was typed differ from the key's fingerprint: all
    a clerk needs to re-check the card, without showing the number to copy."""
    want = normalise_fingerprint(fingerprint_of(public_key))
    got = normalise_fingerprint(typed)
    return tuple(
        n + 1
        for n in range(FINGERPRINT_GROUPS)
        if got[n * 4 : n * 4 + 4] != want[n * 4 : n * 4 + 4]
    )


def verify(public_key: bytes, signature: bytes, message: bytes) -> bool:
    """True only for a valid Ed25519 signature of ``message`` by ``public_key``."""
    if len(public_key) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError, UnsupportedAlgorithm):
        return False
    return True


class InstallationKey:
    """This installation's private key; satisfies ``exchange.signature.Signer``."""

    def __init__(self, private_key: Ed25519PrivateKey) -> None:
        self._private = private_key
        self._public = private_key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @classmethod
    def generate(cls) -> InstallationKey:
        return cls(Ed25519PrivateKey.generate())

    @property
    def public_key(self) -> bytes:
        return self._public

    @property
    def key_id(self) -> str:
        return key_id_of(self._public)

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self._public)

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def to_pem(self, passphrase: str | None = None) -> bytes:
        """PKCS8 PEM; encrypted with the best scheme available when a passphrase is given."""
        encryption: serialization.KeySerializationEncryption = serialization.NoEncryption()
        if passphrase:
            encryption = serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        return self._private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
        )

    @classmethod
    def from_pem(cls, data: bytes, passphrase: str | None = None) -> InstallationKey:
        """Raises ``KeyFileError``: key_locked (encrypted, no passphrase), wrong_passphrase,
        bad_key_file (not an Ed25519 PKCS8 key)."""
        encrypted = is_encrypted_pem(data)
        if encrypted and not passphrase:
            raise KeyFileError("key_locked")
        password = passphrase.encode("utf-8") if encrypted and passphrase else None
        try:
            key = serialization.load_pem_private_key(data, password=password)
        except ValueError as exc:
            code = "wrong_passphrase" if encrypted else "bad_key_file"
            raise KeyFileError(code, str(exc)[:200]) from None
        except (TypeError, UnsupportedAlgorithm) as exc:
            raise KeyFileError("bad_key_file", str(exc)[:200]) from None
        if not isinstance(key, Ed25519PrivateKey):
            raise KeyFileError("bad_key_file", f"not Ed25519: {type(key).__name__}")
        return cls(key)


def is_encrypted_pem(data: bytes) -> bool:
    return data.lstrip().startswith(_ENCRYPTED_PEM)
