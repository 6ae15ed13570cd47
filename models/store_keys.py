"""Storage layer: the key half of the ``Store`` (this PC's signing key, the key registry).

The private key lives in a file in the user data folder (``signing.key_file``), never in
the database or an export; the database keeps public keys only: this installation's own,
the keys a clerk confirmed (登记), and retired ones (never deleted, so earlier files can
still be judged). ``trust_verdict`` is what the exchange half asks before merging.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.exchange_records import ExchangeBundle, Sender
from domain.key_records import KeyRecord, KeyStatus, RegistrationCard, TrustVerdict
from models.concurrency import retry_on_conflict
from models.errors import StoreError
from models.orm import ImportLogRow, UnitRow
from models.orm_keys import InstallationKeyRow
from models.store_base import StoreBase, installation_row, utc_now_text
from runtime.paths import user_data_dir
from signing import key_file
from signing.keys import (
    InstallationKey,
    KeyFileError,
    differing_groups,
    fingerprint_of,
    key_digest,
    key_id_of,
    normalise_fingerprint,
    same_fingerprint,
)
from signing.trust import bound_to, decide, parse_time, pinned_office_key

#: ``outcome`` of an import log row for a key confirmation refused (fingerprint mismatch).
KEY_MISMATCH = "key_mismatch"


@dataclass(frozen=True, slots=True)
class TrustOutcome:
    """What ``trust_key`` did: the confirmed key, and keys it replaced (now retired)."""

    key: KeyRecord
    replaced: tuple[KeyRecord, ...] = ()
    already_confirmed: bool = False


class KeyStore(StoreBase):
    """签名密钥: this installation's key pair and the registry of other installations' keys."""

    def key_folder(self) -> Path:
        """Where private keys live: per user, beside the default database, never exported."""
        return user_data_dir() / "keys"

    # -- this installation's key ----------------------------------------------------------
    def registration_card(
        self, passphrase: str | None = None, today: dt.date | None = None
    ) -> RegistrationCard:
        """The facts printed on this PC's 密钥登记卡 (unit, PC, key id, fingerprint)."""
        own = self.own_key(passphrase)
        with self._sessions.begin() as s:
            inst = installation_row(s, lock=False)
            unit = s.get(UnitRow, inst.unit_id) if inst.unit_id else None
            label = (
                "协调办公室"
                if inst.is_coordinating_office
                else (unit.name if unit else "（未设置单位）")
            )
            return RegistrationCard(
                unit_label=label,
                installation_name=inst.name,
                installation_id=inst.id,
                key_id=own.key_id,
                fingerprint=own.fingerprint,
                public_key_sha256=key_digest(own.public_key),
                issued_on=today or dt.date.today(),
            )

    def own_key(self, passphrase: str | None = None) -> KeyRecord:
        """This installation's public key (made on first use). Needs the passphrase only
        when the key must be made or its file no longer matches the registry."""
        with self._sessions.begin() as s:
            inst_id = installation_row(s, lock=False).id
            current = _own_current(s, inst_id)
        if current is not None and key_file.key_path(self.key_folder(), inst_id).exists():
            return current
        return self._load_own(passphrase)[1]

    def signer(self, passphrase: str | None = None) -> InstallationKey:
        """The private key that signs this installation's exports (made on first use).

        Raises StoreError: ``key_locked`` (passphrase needed), ``wrong_passphrase``,
        ``bad_key_file``, ``key_file_io``, and ``own_key_missing`` (detail: the key id)
        when the registry lists a key of this PC whose file is gone: a new key made
        quietly would sign files the coordinating office refuses until it has a new
        registration card, so the clerk is told first (find the file, or retire the key
        with ``retire_key`` and print a new card).
        """
        with self._sessions.begin() as s:
            inst_id = installation_row(s, lock=False).id
            current = _own_current(s, inst_id)
        gone = not key_file.key_path(self.key_folder(), inst_id).exists()
        if current is not None and gone and not self.on_server:  # a server: shared_key_missing
            raise StoreError("own_key_missing", current.key_id)
        return self._load_own(passphrase)[0]

    @retry_on_conflict
    def _load_own(self, passphrase: str | None) -> tuple[InstallationKey, KeyRecord]:
        with self._sessions.begin() as s:
            inst_id = installation_row(s, lock=False).id
            registered = _own_current(s, inst_id)
        folder = self.key_folder()
        try:
            key = key_file.load_key(folder, inst_id, passphrase)
            if key is None and registered is not None and self.on_server:
                # Several desks share the office's installation on a server: a desk without
                # the key file must not make a second key (it would retire the one the
                # units pinned). The key file is copied to the desks that export (README).
                path = key_file.key_path(folder, inst_id)
                raise StoreError("shared_key_missing", f"{registered.key_id} → {path}")
            if key is None:
                try:
                    key = key_file.create_key(folder, inst_id, passphrase)
                except KeyFileError as exc:
                    if exc.code != "key_exists":  # made by a second window meanwhile
                        raise
                    key = key_file.load_key(folder, inst_id, passphrase)
                    assert key is not None
        except KeyFileError as exc:
            raise StoreError(exc.code, exc.detail) from None
        with self._sessions.begin() as s:
            return key, _record_own(s, key, shared=self.on_server)

    # -- the registry ----------------------------------------------------------------------
    def keys(self) -> list[KeyRecord]:
        """Every key this PC knows: its own first, then by unit, newest first within one."""
        with self._sessions.begin() as s:
            rows = s.scalars(select(InstallationKeyRow)).all()
            order = sorted(rows, key=lambda r: r.first_seen_at, reverse=True)
            order.sort(key=lambda r: (not r.is_own, r.unit_name, r.installation_id))
            return [_record(r) for r in order]

    @retry_on_conflict
    def trust_key(
        self,
        sender: Sender,
        public_key: bytes,
        fingerprint: str,
        *,
        replace_installation: bool = False,
        file_name: str = "",
    ) -> TrustOutcome:
        """登记: confirm ``public_key`` as ``sender``'s after a clerk compared ``fingerprint``
        (typed from the registration card or read out on the phone) with the key.

        An older confirmed key of the same installation is retired (replaced). On a unit's
        PC, a second coordinating-office key is refused while one is pinned: the clerk must
        retire the pinned one first, on purpose. Raises StoreError: fingerprint_mismatch,
        own_installation, key_retired, key_registered_elsewhere, office_key_pinned,
        installation_conflict: the installation already has a confirmed key for another unit
        or PC name, which is what a cloned PC image looks like (two PCs, one installation
        id). Only ``replace_installation`` (the clerk confirmed it is one PC moved to another
        unit or renamed) lets the new key retire that one. A mismatch is logged in the import
        log (``file_name``: the file whose key it was); its detail is the differing groups.
        """
        if not same_fingerprint(fingerprint, public_key):
            # Logged (the import log lists refused attempts); the detail names only the
            # groups that differ, never the file's number to copy from the screen.
            groups = differing_groups(fingerprint, public_key)
            self._log_refused_key(sender, file_name, groups)
            raise StoreError("fingerprint_mismatch", "、".join(map(str, groups)))
        key_id = key_id_of(public_key)
        with self._sessions.begin() as s:
            inst = installation_row(s)
            if sender.installation_id == inst.id:
                raise StoreError("own_installation", key_id)
            row = s.get(InstallationKeyRow, key_id)
            if row is not None:
                if row.public_key != public_key or row.is_own:
                    raise StoreError("key_registered_elsewhere", _label(row))
                if row.status == KeyStatus.RETIRED:
                    raise StoreError("key_retired", key_id)
                if row.status == KeyStatus.CONFIRMED:
                    if bound_to(_record(row), sender):
                        return TrustOutcome(_record(row), already_confirmed=True)
                    raise StoreError("key_registered_elsewhere", _label(row))
            all_keys = [_record(r) for r in s.scalars(select(InstallationKeyRow))]
            pinned = pinned_office_key(all_keys)
            if sender.is_coordinating_office and not inst.is_coordinating_office and pinned:
                raise StoreError("office_key_pinned", pinned.key_id)
            if not replace_installation:
                _refuse_second_binding(s, sender, key_id)
            now = utc_now_text()
            if row is None:
                row = InstallationKeyRow(key_id=key_id, public_key=public_key, first_seen_at=now)
                s.add(row)
            _bind(row, sender)
            row.status, row.confirmed_at = KeyStatus.CONFIRMED.value, now
            replaced = []
            for old in s.scalars(
                select(InstallationKeyRow).where(
                    InstallationKeyRow.installation_id == sender.installation_id,
                    InstallationKeyRow.status == KeyStatus.CONFIRMED.value,
                    InstallationKeyRow.key_id != key_id,
                )
            ):
                old.status, old.retired_at, old.replaced_by = KeyStatus.RETIRED.value, now, key_id
                replaced.append(_record(old))
            s.flush()
            return TrustOutcome(_record(row), tuple(replaced))

    @retry_on_conflict
    def _log_refused_key(self, sender: Sender, file_name: str, groups: tuple[int, ...]) -> None:
        with self._sessions.begin() as s:
            s.add(
                ImportLogRow(
                    imported_at=utc_now_text(),
                    file_name=file_name[:500],
                    file_sha256="",
                    export_id="",
                    sender_installation_id=sender.installation_id,
                    sender_name=sender.name[:100],
                    sender_unit=sender.unit_name
                    or ("协调办公室" if sender.is_coordinating_office else ""),
                    outcome=KEY_MISMATCH,
                    details=json.dumps({"differing_groups": list(groups)}),
                )
            )

    def retire_key(self, key_ref: str, *, since: str | None = None) -> KeyRecord:
        """停用: files the key signs after ``since`` (default now; a date or ISO time) are
        refused from now on. Retiring this PC's own key sets its file aside; the next export
        makes a new key, which needs a new registration card. Raises StoreError:
        unknown_key_id, ambiguous_key_id, already_retired, bad_date.
        """
        when = _retirement_time(since)
        with self._sessions.begin() as s:
            row = _find_key(s, key_ref)
            if row.status == KeyStatus.RETIRED:
                raise StoreError("already_retired", row.key_id)
            if row.is_own:
                try:
                    key_file.set_aside(self.key_folder(), row.installation_id, row.key_id)
                except KeyFileError as exc:
                    raise StoreError(exc.code, exc.detail) from None
            row.status, row.retired_at = KeyStatus.RETIRED.value, when
            return _record(row)


def trust_verdict(s: Session, bundle: ExchangeBundle) -> TrustVerdict:
    """May this bundle be merged here? Read-only: a refused file changes nothing."""
    inst = installation_row(s)
    keys = [_record(r) for r in s.scalars(select(InstallationKeyRow))]
    return decide(
        bundle.manifest.sender,
        bundle.signature,
        keys,
        own_installation_id=inst.id,
        own_is_office=inst.is_coordinating_office,
    )


def trust_extra(verdict: TrustVerdict) -> dict[str, str]:
    """The verdict as ``MergeReport.extra`` entries: ``trust`` (the code, absent when the
    file may be merged) and the facts a message needs (fingerprint, the key's registered
    unit, its retirement, the pinned office key)."""
    extra = {"key_id": verdict.key_id, "key_fingerprint": verdict.fingerprint,
             "signed_at": verdict.signed_at}  # fmt: skip
    if not verdict.ok:
        extra["trust"] = verdict.code.value
    if verdict.key is not None:
        extra["key_unit_name"] = verdict.key.unit_name
        extra["key_installation_name"] = verdict.key.installation_name
        extra["key_is_office"] = "1" if verdict.key.is_coordinating_office else ""
        extra["key_is_own"] = "1" if verdict.key.is_own else ""
        if verdict.key.retired_at:
            extra["key_retired_at"] = verdict.key.retired_at
    if verdict.pinned is not None:
        extra["pinned_key_id"] = verdict.pinned.key_id
        extra["pinned_fingerprint"] = verdict.pinned.fingerprint
    return {k: v for k, v in extra.items() if v}


def _refuse_second_binding(s: Session, sender: Sender, key_id: str) -> None:
    """One installation id, confirmed for another unit, role or PC name: two PCs from one
    image, or one PC moved. Never decided silently: the first unit's key would be retired."""
    for old in s.scalars(
        select(InstallationKeyRow).where(
            InstallationKeyRow.installation_id == sender.installation_id,
            InstallationKeyRow.status == KeyStatus.CONFIRMED.value,
            InstallationKeyRow.key_id != key_id,
        )
    ):
        bound = (old.unit_id, bool(old.is_coordinating_office), old.installation_name)
        claimed = (sender.unit_id, sender.is_coordinating_office, sender.name[:100])
        if bound != claimed:
            raise StoreError("installation_conflict", _label(old))


def _own_current(s: Session, installation_id: str) -> KeyRecord | None:
    row = s.scalar(
        select(InstallationKeyRow).where(
            InstallationKeyRow.is_own.is_(True),
            InstallationKeyRow.installation_id == installation_id,
            InstallationKeyRow.status == KeyStatus.CONFIRMED.value,
        )
    )
    return _record(row) if row is not None else None


def _record_own(s: Session, key: InstallationKey, *, shared: bool = False) -> KeyRecord:
    """Make sure the registry lists ``key`` as this installation's current key; a different
    earlier own key (file lost, or set aside) is marked replaced — except on a server
    (``shared``), where it is another desk's key made a moment ago: refused, not replaced."""
    inst = installation_row(s)
    if shared and (current := _own_current(s, inst.id)) and current.key_id != key.key_id:
        raise StoreError("shared_key_missing", current.key_id)
    row = s.get(InstallationKeyRow, key.key_id)
    if row is not None and row.is_own and row.status == KeyStatus.CONFIRMED:
        return _record(row)
    if row is not None:  # a retired own key's file put back, or someone else's key
        code = "own_key_retired" if row.is_own else "key_registered_elsewhere"
        raise StoreError(code, row.key_id if row.is_own else _label(row))
    now = utc_now_text()
    for old in s.scalars(
        select(InstallationKeyRow).where(
            InstallationKeyRow.is_own.is_(True),
            InstallationKeyRow.status == KeyStatus.CONFIRMED.value,
        )
    ):
        old.status, old.retired_at, old.replaced_by = KeyStatus.RETIRED.value, now, key.key_id
    unit = s.get(UnitRow, inst.unit_id) if inst.unit_id else None
    row = InstallationKeyRow(
        key_id=key.key_id,
        public_key=key.public_key,
        first_seen_at=now,
        is_own=True,
        status=KeyStatus.CONFIRMED.value,
        confirmed_at=now,
    )
    _bind(row, Sender(inst.id, inst.name, inst.unit_id, unit.name if unit else "",
                      inst.is_coordinating_office))  # fmt: skip
    s.add(row)
    s.flush()
    return _record(row)


def _bind(row: InstallationKeyRow, sender: Sender) -> None:
    row.fingerprint = fingerprint_of(row.public_key)
    row.installation_id = sender.installation_id
    row.installation_name = sender.name[:100]
    row.unit_id = sender.unit_id
    row.unit_name = sender.unit_name[:200]
    row.is_coordinating_office = sender.is_coordinating_office
    row.is_own = bool(row.is_own)


def _find_key(s: Session, key_ref: str) -> InstallationKeyRow:
    """A key by its id, an unambiguous prefix of at least 6 characters, or its fingerprint."""
    ref = normalise_fingerprint(key_ref).lower()
    rows = list(s.scalars(select(InstallationKeyRow)))
    exact = [r for r in rows if r.key_id == ref]
    found = exact or [
        r
        for r in rows
        if len(ref) >= 6
        and (r.key_id.startswith(ref) or normalise_fingerprint(r.fingerprint).lower() == ref)
    ]
    if not found:
        raise StoreError("unknown_key_id", key_ref)
    if len(found) > 1:
        raise StoreError("ambiguous_key_id", key_ref)
    return found[0]


def _retirement_time(since: str | None) -> str:
    if not since:
        return utc_now_text()
    text = since.strip()
    try:
        if len(text) == 10:  # a date: from the start of that day, local time
            day = dt.date.fromisoformat(text)
            start = dt.datetime.combine(day, dt.time()).astimezone()
            return start.astimezone(dt.UTC).isoformat(timespec="seconds")
    except ValueError:
        raise StoreError("bad_date", since) from None
    parsed = parse_time(text)
    if parsed is None:
        raise StoreError("bad_date", since)
    return parsed.isoformat(timespec="seconds")


def _label(row: InstallationKeyRow) -> str:
    unit = "协调办公室" if row.is_coordinating_office else (row.unit_name or "未设置单位")
    return f"{unit}（{row.installation_name}）"


def _record(row: InstallationKeyRow) -> KeyRecord:
    return KeyRecord(
        key_id=row.key_id,
        public_key=bytes(row.public_key),
        fingerprint=row.fingerprint,
        installation_id=row.installation_id,
        installation_name=row.installation_name,
        unit_id=row.unit_id,
        unit_name=row.unit_name,
        is_coordinating_office=bool(row.is_coordinating_office),
        is_own=bool(row.is_own),
        status=KeyStatus(row.status),
        first_seen_at=row.first_seen_at,
        confirmed_at=row.confirmed_at,
        retired_at=row.retired_at,
        replaced_by=row.replaced_by,
    )
