"""Exchange layer: the ``signature`` table of format 2 and the exact bytes it signs.

What is signed is a canonical encoding of the manifest (every key and value, sorted by key)
together with the signer's key id, public key and signing time. The manifest already holds
the SHA-256 of the records in canonical order and their counts, so the signature covers
every record without hashing the file's bytes: the file stays an ordinary SQLite database
whose page layout is SQLite's business, and any change to a value is caught either here or
by the digest check.

Keys never pass through here: the writer gets a ``Signer`` (the store loads the key), the
reader only verifies with the public key found in the file. Whether that key belongs to
the unit the manifest names is decided later, by the store's key registry.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Protocol

from domain.exchange_records import FileSignature
from exchange.errors import RejectCode, RejectedFile
from signing.keys import PUBLIC_KEY_BYTES, SIGNATURE_BYTES, key_id_of, verify
from signing.trust import parse_time

#: Domain separation: these bytes can never be mistaken for another Duban signature.
CONTEXT = b"duban-exchange-file-signature-v1\n"

Row = Sequence[object]


class Signer(Protocol):
    """Whatever signs exports (``signing.keys.InstallationKey``; a test double in tests)."""

    @property
    def key_id(self) -> str: ...

    @property
    def public_key(self) -> bytes: ...

    def sign(self, message: bytes) -> bytes: ...


def signed_message(
    manifest: Iterable[Row], *, key_id: str, public_key: bytes, signed_at: str
) -> bytes:
    """The canonical bytes a file's signature covers (ASCII JSON, sorted, no spaces)."""
    items = sorted([str(k), str(v)] for k, v in manifest)
    body = {
        "manifest": items,
        "signer": {"key_id": key_id, "public_key": public_key.hex(), "signed_at": signed_at},
    }
    text = json.dumps(body, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return CONTEXT + text.encode("ascii")


def signature_row(manifest: Iterable[Row], signer: Signer, signed_at: str) -> tuple[object, ...]:
    """The one row of the ``signature`` table for a file whose manifest is ``manifest``."""
    message = signed_message(
        manifest, key_id=signer.key_id, public_key=signer.public_key, signed_at=signed_at
    )
    return (signer.key_id, signer.public_key, signer.sign(message), signed_at)


def verify_rows(
    manifest: Sequence[Row], signature_rows: Sequence[Row], claimed: dict[str, str]
) -> FileSignature:
    """Check the ``signature`` table (already type-checked rows) against the manifest.

    Raises ``RejectedFile(bad_signature)`` unless there is exactly one row whose key id is
    its public key's, whose time is readable, and whose signature is valid.
    """

    def refuse(detail: str) -> RejectedFile:
        return RejectedFile(RejectCode.BAD_SIGNATURE, detail, claimed)

    if len(signature_rows) != 1:
        raise refuse(f"{len(signature_rows)} signature rows, expected 1")
    key_id, public_key, signature, signed_at = signature_rows[0]
    if not isinstance(public_key, bytes) or len(public_key) != PUBLIC_KEY_BYTES:
        raise refuse("public key is not 32 bytes")
    if not isinstance(signature, bytes) or len(signature) != SIGNATURE_BYTES:
        raise refuse("signature is not 64 bytes")
    if key_id != key_id_of(public_key):
        raise refuse("key id does not match the public key")
    if parse_time(str(signed_at)) is None:
        raise refuse("signing time unreadable")
    message = signed_message(
        manifest, key_id=str(key_id), public_key=public_key, signed_at=str(signed_at)
    )
    if not verify(public_key, signature, message):
        raise refuse("signature does not match the manifest")
    return FileSignature(str(key_id), public_key, signature, str(signed_at))
