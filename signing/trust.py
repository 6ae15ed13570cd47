"""Signing layer: may a signed exchange file be merged here? (pure; the registry is passed in)

Rules (README, "Signed exchange files"):

* no signature (a format 1 file) → ``unsigned``: preview only;
* a key this PC has not confirmed → ``unknown_key``: preview only until a clerk checks the
  fingerprint and runs ``keys --trust``; on a unit's PC, a file claiming to come from the
  coordinating office while another office key is pinned → ``office_key_mismatch``;
* a confirmed key signing for another installation, unit or role than it was registered
  for, or a file claiming to be this PC's own but not signed by its key → ``key_wrong_unit``;
* a retired key → ``key_retired`` for files signed after its retirement.

``signed_at`` comes from the sender's clock, which may be wrong, and whoever holds a lost
PC's key can also backdate a file: retiring a key stops forward-dated files only. That is
why retiring should go with telling units and keeping the import log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from domain.exchange_records import FileSignature, Sender
from domain.key_records import KeyRecord, KeyStatus, TrustCode, TrustVerdict
from signing.keys import fingerprint_of


def decide(
    sender: Sender,
    signature: FileSignature | None,
    keys: Sequence[KeyRecord],
    *,
    own_installation_id: str,
    own_is_office: bool,
) -> TrustVerdict:
    """The verdict on a file whose manifest names ``sender`` and carries ``signature``."""
    if signature is None:
        return TrustVerdict(TrustCode.UNSIGNED)
    found = next((k for k in keys if k.public_key == signature.public_key), None)
    pinned = None if own_is_office else pinned_office_key(keys)

    def verdict(code: TrustCode, key: KeyRecord | None = found) -> TrustVerdict:
        return TrustVerdict(
            code,
            key_id=signature.key_id,
            fingerprint=fingerprint_of(signature.public_key),
            signed_at=signature.signed_at,
            key=key,
            pinned=pinned if sender.is_coordinating_office else None,
        )

    claims_own = sender.installation_id == own_installation_id
    if found is not None and found.is_own:
        if not claims_own:
            return verdict(TrustCode.KEY_WRONG_UNIT)
    elif claims_own:
        return verdict(TrustCode.KEY_WRONG_UNIT)  # "from this PC", signed by someone else
    elif found is None or found.status is KeyStatus.PENDING:
        if sender.is_coordinating_office and pinned is not None:
            return verdict(TrustCode.OFFICE_KEY_MISMATCH)
        return verdict(TrustCode.UNKNOWN_KEY)
    elif not bound_to(found, sender):
        return verdict(TrustCode.KEY_WRONG_UNIT)
    if found.status is KeyStatus.RETIRED and signed_after(signature.signed_at, found.retired_at):
        return verdict(TrustCode.KEY_RETIRED)
    return verdict(TrustCode.OK)


def bound_to(key: KeyRecord, sender: Sender) -> bool:
    """A key speaks for the one installation, unit and role it was confirmed for."""
    return (
        key.installation_id == sender.installation_id
        and (key.unit_id or None) == (sender.unit_id or None)
        and key.is_coordinating_office == sender.is_coordinating_office
    )


def pinned_office_key(keys: Sequence[KeyRecord]) -> KeyRecord | None:
    """On a unit's PC: the coordinating office's confirmed key, if one was confirmed."""
    return next(
        (
            k
            for k in keys
            if k.is_coordinating_office and not k.is_own and k.status is KeyStatus.CONFIRMED
        ),
        None,
    )


def parse_time(text: str | None) -> dt.datetime | None:
    """An ISO-8601 time as aware UTC (naive ones are taken as UTC); None if unreadable."""
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def signed_after(signed_at: str, retired_at: str | None) -> bool:
    """True when the file is dated after the retirement, or either date cannot be read
    (a retired key gets no benefit of the doubt)."""
    signed, retired = parse_time(signed_at), parse_time(retired_at)
    if signed is None or retired is None:
        return True
    return signed > retired
