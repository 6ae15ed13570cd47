"""Exchange layer: read an untrusted exchange file into a validated ``ExchangeBundle``.

Everything goes through ``safe_sqlite`` (nothing in the file ever runs) and ``safe_rows``
(every value checked); then, for format 2, the signature must be valid over the manifest,
and the manifest's counts and SHA-256 must match the records; for format 3, every
attachment's bytes must match the hash its signed record gives, and be an allowed kind
(``reader_attachments``). A format 1 file (unsigned)
is read as before and comes back with ``bundle.signature`` None; the store decides what
that means (preview only). Any failure is a ``RejectedFile`` with a code; no other
exception escapes.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
from pathlib import Path

from domain.exchange_records import ExchangeBundle, ExportScope, Manifest, Sender
from domain.records import ProgressRevision
from exchange import codec
from exchange.errors import RejectCode, RejectedFile
from exchange.format import (
    APPLICATION_ID,
    COLUMNS,
    IN_MEMORY_BYTES,
    MANIFEST_KEYS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    SUPPORTED_VERSIONS,
    UUID,
    record_tables,
    schema_for,
)
from exchange.reader_attachments import attachment_chunk, check_attachments
from exchange.safe_rows import canonical_digest, read_rows
from exchange.safe_sqlite import (
    UntrustedConnection,
    open_untrusted_bytes,
    open_untrusted_file,
    read_capped,
)
from exchange.signature import verify_rows


class ReadFile:
    """A checked exchange file: its bundle, and (format 3) the way to its attachments' bytes.

    When the file carries attachments, its private read-only copy stays open so the merge
    can copy the bytes chunk by chunk: use it as a context manager (``import_file`` does),
    or call ``close()``. A file without attachments holds nothing open.
    """

    def __init__(
        self,
        bundle: ExchangeBundle,
        file_sha256: str,
        size: int,
        conn: UntrustedConnection | None = None,
    ) -> None:
        self.bundle = bundle
        self.file_sha256 = file_sha256
        self.size = size
        self._conn = conn

    def chunk(self, sha256: str, seq: int) -> bytes:
        """One verified piece of an attachment the file carries."""
        if self._conn is None:
            raise ValueError("this file carries no attachment bytes")
        return attachment_chunk(self._conn, sha256, seq)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> ReadFile:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def read_exchange_file(path: Path, *, copy: bool = True) -> ReadFile:
    """Check the file whole (``*.partial`` refused). A file up to ``IN_MEMORY_BYTES`` (every
    file without attachments) is read once into memory and checked there; a larger one is
    read from a private size-capped copy on disk. ``copy=False`` reads a large file in
    place: only for a file this program just built in its own temporary folder (the
    export's self-check)."""
    path = Path(path)
    try:
        small = os.stat(path).st_size <= IN_MEMORY_BYTES
    except OSError:
        small = True  # read_capped says why, with its code
    if small:
        return read_exchange_bytes(read_capped(path, IN_MEMORY_BYTES))
    conn = open_untrusted_file(
        path,
        expected_schema=schema_for,
        application_id=APPLICATION_ID,
        supported_user_versions=SUPPORTED_VERSIONS,
        max_bytes=MAX_FILE_BYTES,
        copy=copy,
    )
    return _read_keeping(conn)


def _read_keeping(conn: UntrustedConnection) -> ReadFile:
    """Check everything; keep the connection open only while attachments need it."""
    keep = False
    try:
        read = _read_open(conn)
        keep = bool(read.bundle.blobs)
    finally:
        if not keep:
            conn.close()
    return read


def read_exchange_bytes(data: bytes) -> ReadFile:
    """``read_exchange_file`` for bytes already in memory (the mutation tests use it):
    deserialized into a locked-down in-memory connection, or, past ``IN_MEMORY_BYTES``,
    written to a private file and read from there."""
    if len(data) > IN_MEMORY_BYTES:
        with tempfile.TemporaryDirectory(prefix="duban-bytes-") as tmp:
            path = Path(tmp) / "file.duban"
            path.write_bytes(data)
            return read_exchange_file(path, copy=True)
    conn = open_untrusted_bytes(
        data,
        expected_schema=schema_for,
        application_id=APPLICATION_ID,
        supported_user_versions=SUPPORTED_VERSIONS,
        max_bytes=IN_MEMORY_BYTES,
    )
    return _read_keeping(conn)


def _read_open(conn: UntrustedConnection) -> ReadFile:
    version = conn.user_version
    record = record_tables(version)
    tables = ("manifest", *record) + (("signature",) if version >= 2 else ())
    rows = {
        t: read_rows(conn, t, codec.columns(t), types=COLUMNS[t], max_rows=MAX_ROWS) for t in tables
    }
    sha, size = conn.source_sha256, conn.source_size
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
    counts = {t: len(rows[t]) for t in record}
    if manifest.counts != counts:
        raise RejectedFile(RejectCode.COUNT_MISMATCH, f"{manifest.counts} != {counts}", claimed)
    covered = dict(rows, manifest=[r for r in manifest_rows if r[0] != "records_sha256"])
    if canonical_digest(covered) != manifest.records_sha256:
        raise RejectedFile(RejectCode.DIGEST_MISMATCH, "records changed after export", claimed)
    del covered
    try:
        revisions = _revisions_from(rows.pop("progress_revisions"))
        attachments = tuple(codec.attachment_from(r) for r in rows.get("attachments", ()))
        bundle = ExchangeBundle(
            manifest=manifest,
            installations=tuple(codec.installation_from(r) for r in rows["installations"]),
            revisions=tuple(codec.with_notes(revisions, rows.get("revision_notes", []))),
            plan_changes=tuple(codec.plan_change_from(r) for r in rows["plan_changes"]),
            signature=signature,
            reviews=tuple(codec.review_from(r) for r in rows.get("report_reviews", [])),
            instructions=tuple(codec.instruction_from(r) for r in rows.get("instructions", [])),
            attachments=attachments,
        )
    except ValueError as exc:
        raise RejectedFile(RejectCode.BAD_VALUE, str(exc)[:200]) from None
    if version >= 4:  # format 4 carries 佐证材料
        blobs = check_attachments(conn, bundle, claimed)
        bundle = dataclasses.replace(bundle, blobs=blobs)
    return ReadFile(bundle, sha, size, conn if bundle.blobs else None)


def _revisions_from(rows: list[tuple[object, ...]]) -> list[ProgressRevision]:
    """The revisions, each row let go as soon as its record is made: a file of 100,000
    revisions never holds both in full."""
    rows.reverse()
    revisions = []
    while rows:
        revisions.append(codec.revision_from(rows.pop()))
    return revisions


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
