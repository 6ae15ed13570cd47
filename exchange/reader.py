"""Exchange layer: read an untrusted exchange file into a validated ``ExchangeBundle``.

Everything goes through ``safe_sqlite`` (nothing in the file ever runs) and ``safe_rows``
(every value checked); then, for format 2, the signature must be valid over the manifest,
and the manifest's counts and SHA-256 must match the records. A format 1 file (unsigned)
is read as before and comes back with ``bundle.signature`` None; the store decides what
that means (preview only). Any failure is a ``RejectedFile`` with a code; no other
exception escapes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from domain.exchange_records import ExchangeBundle, ExportScope, Manifest, Sender
from exchange import codec
from exchange.errors import RejectCode, RejectedFile
from exchange.format import (
    APPLICATION_ID,
    COLUMNS,
    MANIFEST_KEYS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    SUPPORTED_VERSIONS,
    UUID,
    record_tables,
    schema_for,
)
from exchange.safe_rows import canonical_digest, read_rows
from exchange.safe_sqlite import open_untrusted_bytes, read_capped
from exchange.signature import verify_rows


@dataclass(frozen=True, slots=True)
class ReadFile:
    bundle: ExchangeBundle
    file_sha256: str
    size: int


def read_exchange_file(path: Path) -> ReadFile:
    """Read the file once (size-capped, ``*.partial`` refused) and check it whole."""
    return read_exchange_bytes(read_capped(Path(path), MAX_FILE_BYTES))


def read_exchange_bytes(data: bytes) -> ReadFile:
    """``read_exchange_file`` for bytes already read (the mutation tests use it)."""
    conn = open_untrusted_bytes(
        data,
        expected_schema=schema_for,
        application_id=APPLICATION_ID,
        supported_user_versions=SUPPORTED_VERSIONS,
        max_bytes=MAX_FILE_BYTES,
    )
    try:
        version = conn.user_version
        tables = ("manifest", *record_tables(version)) + (("signature",) if version >= 2 else ())
        rows = {
            t: read_rows(conn, t, codec.columns(t), types=COLUMNS[t], max_rows=MAX_ROWS)
            for t in tables
        }
        sha, size = conn.source_sha256, conn.source_size
    finally:
        conn.close()
    manifest_rows = rows["manifest"]
    manifest_map = {str(k): str(v) for k, v in manifest_rows}
    claimed = _claimed_sender(manifest_map)
    signature = None
    if version >= 2:
        # Before anything in the manifest is believed: a changed byte there ends here.
        signature = verify_rows(manifest_rows, rows.pop("signature"), claimed)
    manifest = _manifest(manifest_map)
    if manifest.format_version != version:
        raise RejectedFile(RejectCode.BAD_VALUE, f"manifest says format {manifest.format_version}")
    counts = {t: len(rows[t]) for t in record_tables(version)}
    if manifest.counts != counts:
        raise RejectedFile(RejectCode.COUNT_MISMATCH, f"{manifest.counts} != {counts}", claimed)
    covered = dict(rows, manifest=[r for r in manifest_rows if r[0] != "records_sha256"])
    if canonical_digest(covered) != manifest.records_sha256:
        raise RejectedFile(RejectCode.DIGEST_MISMATCH, "records changed after export", claimed)
    try:
        revisions = [codec.revision_from(r) for r in rows["progress_revisions"]]
        bundle = ExchangeBundle(
            manifest=manifest,
            installations=tuple(codec.installation_from(r) for r in rows["installations"]),
            revisions=tuple(codec.with_notes(revisions, rows.get("revision_notes", []))),
            plan_changes=tuple(codec.plan_change_from(r) for r in rows["plan_changes"]),
            signature=signature,
            reviews=tuple(codec.review_from(r) for r in rows.get("report_reviews", [])),
            instructions=tuple(codec.instruction_from(r) for r in rows.get("instructions", [])),
        )
    except ValueError as exc:
        raise RejectedFile(RejectCode.BAD_VALUE, str(exc)[:200]) from None
    return ReadFile(bundle, sha, size)


def _claimed_sender(items: dict[str, str]) -> dict[str, str]:
    """Who the file says it is from, only for the refusal message (never trusted)."""
    keys = ("unit_name", "installation_name", "is_coordinating_office")
    return {k: items[k][:200] for k in keys if k in items}


def _manifest(items: dict[str, str]) -> Manifest:
    missing = [k for k in MANIFEST_KEYS if k not in items]
    if missing or len(items) != len(MANIFEST_KEYS):
        raise RejectedFile(RejectCode.BAD_VALUE, f"manifest keys: missing {missing}")
    try:
        for key in ("export_id", "installation_id", "plan_id"):
            if not re.fullmatch(UUID, items[key]):
                raise ValueError(key)
        if items["unit_id"] and not re.fullmatch(UUID, items["unit_id"]):
            raise ValueError("unit_id")
        if not re.fullmatch(r"[0-9a-f]{64}", items["records_sha256"]):
            raise ValueError("records_sha256")
        counts = json.loads(items["counts"])
        if not isinstance(counts, dict) or not all(
            isinstance(k, str) and type(v) is int for k, v in counts.items()
        ):
            raise ValueError("counts")
        sender = Sender(
            installation_id=items["installation_id"],
            name=items["installation_name"][:100],
            unit_id=items["unit_id"] or None,
            unit_name=items["unit_name"][:200],
            is_coordinating_office=items["is_coordinating_office"] == "1",
        )
        return Manifest(
            format_version=int(items["format_version"]),
            app_version=items["app_version"][:40],
            export_id=items["export_id"],
            sender=sender,
            plan_id=items["plan_id"],
            plan_fingerprint=items["plan_fingerprint"][:64],
            plan_title=items["plan_title"][:500],
            created_at=items["created_at"][:40],
            scope=ExportScope(items["scope"]),
            counts=counts,
            records_sha256=items["records_sha256"],
        )
    except (ValueError, KeyError, RecursionError) as exc:
        raise RejectedFile(RejectCode.BAD_VALUE, f"manifest: {exc}"[:200]) from None
