"""Domain layer: installation keys (签名密钥), their registration, and trust verdicts.

Plain records shared by the signing layer, the store's key registry (登记), the command line
and the registration card (登记卡). Codes, not words: ``cli/`` and ``ui/`` say them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class KeyStatus(StrEnum):
    """Where a key stands in this PC's registry."""

    PENDING = "pending"  # seen, not yet confirmed by a clerk (reserved for the window)
    CONFIRMED = "confirmed"  # a clerk checked its fingerprint against the card or by phone
    RETIRED = "retired"  # lost PC or replaced key: files signed after retired_at are refused


@dataclass(frozen=True, slots=True)
class KeyRecord:
    """One installation's public key as this PC registered it (or this PC's own key)."""

    key_id: str
    public_key: bytes
    fingerprint: str
    installation_id: str
    installation_name: str
    unit_id: str | None
    unit_name: str
    is_coordinating_office: bool
    is_own: bool
    status: KeyStatus
    first_seen_at: str
    confirmed_at: str | None = None
    retired_at: str | None = None
    replaced_by: str | None = None


class TrustCode(StrEnum):
    """The verdict on a signed (or unsigned) exchange file, before anything is merged."""

    OK = "ok"
    UNSIGNED = "unsigned"  # format 1 file from an old Duban: preview only
    UNKNOWN_KEY = "unknown_key"  # not yet confirmed here: preview only until keys --trust
    KEY_RETIRED = "key_retired"  # signed after the key's retirement
    KEY_WRONG_UNIT = "key_wrong_unit"  # a key registered for another installation or unit
    OFFICE_KEY_MISMATCH = "office_key_mismatch"  # a plan update not signed by the pinned key


@dataclass(frozen=True, slots=True)
class TrustVerdict:
    """What the registry says about a file's signature; ``key`` is the matching record."""

    code: TrustCode
    key_id: str = ""
    fingerprint: str = ""
    signed_at: str = ""
    key: KeyRecord | None = None
    pinned: KeyRecord | None = None  # the coordinating office's pinned key, when relevant

    @property
    def ok(self) -> bool:
        return self.code is TrustCode.OK


@dataclass(frozen=True, slots=True)
class RegistrationCard:
    """登记卡: what is printed for the coordinating office to check a key against."""

    unit_label: str
    installation_name: str
    installation_id: str
    key_id: str
    fingerprint: str
    public_key_sha256: str
    issued_on: dt.date
