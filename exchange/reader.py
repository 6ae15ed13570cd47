"""Exchange layer: read an untrusted exchange file into a validated ``ExchangeBundle``.

Everything goes through ``safe_sqlite`` (nothing in the file ever runs) and ``safe_rows``
(every value checked); then the manifest's counts and SHA-256 must match the records.
Any failure is a ``RejectedFile`` with a code; no other exception escapes.
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
    RECORD_TABLES,
    SUPPORTED_VERSIONS,
    UUID,
    schema_for,
)
from exchange.safe_rows import canonical_digest, read_rows
from exchange.safe_sqlite import open_untrusted


@dataclass(frozen=True, slots=True)
class ReadFile:
    bundle: ExchangeBundle
    file_sha256: str
    size: int


def read_exchange_file(path: Path) -> ReadFile:
    conn = open_untrusted(
        Path(path),
        expected_schema=schema_for,
        application_id=APPLICATION_ID,
        supported_user_versions=SUPPORTED_VERSIONS,
        max_bytes=MAX_FILE_BYTES,
    )
    try:
        rows = {
            t: read_rows(conn, t, codec.columns(t), types=COLUMNS[t], max_rows=MAX_ROWS)
            for t in ("manifest", *RECORD_TABLES)
        }
        sha, size = conn.source_sha256, conn.source_size
    finally:
        conn.close()
    manifest_rows = rows["manifest"]
    manifest = _manifest({str(k): str(v) for k, v in manifest_rows})
    counts = {t: len(rows[t]) for t in RECORD_TABLES}
    if manifest.counts != counts:
        raise RejectedFile(RejectCode.COUNT_MISMATCH, f"{manifest.counts} != {counts}")
    covered = dict(rows, manifest=[r for r in manifest_rows if r[0] != "records_sha256"])
    if canonical_digest(covered) != manifest.records_sha256:
        raise RejectedFile(RejectCode.DIGEST_MISMATCH, "records changed after export")
    try:
        bundle = ExchangeBundle(
            manifest=manifest,
            installations=tuple(codec.installation_from(r) for r in rows["installations"]),
            revisions=tuple(codec.revision_from(r) for r in rows["progress_revisions"]),
            plan_changes=tuple(codec.plan_change_from(r) for r in rows["plan_changes"]),
        )
    except ValueError as exc:
        raise RejectedFile(RejectCode.BAD_VALUE, str(exc)[:200]) from None
    return ReadFile(bundle, sha, size)


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
