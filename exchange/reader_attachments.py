"""Exchange layer: check the attachment bytes a format 3 file carries against its records.

The ``attachments`` rows (covered by the digest and the signature) give each file's
SHA-256 and size; the ``attachment_chunks`` rows are only bytes. Every file listed must be
present exactly once, as chunks 0..n-1 of the fixed size, hashing to its SHA-256, and be a
kind an office may receive (decided from its bytes, never from the sender's word); no
chunk may be left over. One chunk is in memory at a time. Any mismatch refuses the file.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from domain.attachment_sniff import sniff
from domain.attachments import AttachmentRefused
from domain.chunked_io import ChunkedReader, chunk_count
from domain.exchange_records import CarriedBlob, ExchangeBundle
from exchange.errors import RejectCode, RejectedFile
from exchange.format import ATTACHMENT_CHUNK_BYTES
from exchange.safe_sqlite import FILE_ERRORS, UntrustedConnection, as_rejection


def check_attachments(
    conn: UntrustedConnection, bundle: ExchangeBundle, claimed: dict[str, str]
) -> tuple[CarriedBlob, ...]:
    def refuse(detail: str) -> RejectedFile:
        return RejectedFile(RejectCode.ATTACHMENT_MISMATCH, detail[:300], claimed)

    revisions = {r.revision_id for r in bundle.revisions}
    sizes: dict[str, int] = {}
    for link in bundle.attachments:
        if link.revision_id not in revisions:
            raise refuse(f"attachment of a revision not in the file: {link.revision_id}")
        if sizes.setdefault(link.sha256, link.size) != link.size:
            raise refuse(f"{link.sha256[:12]}: two different sizes")
    try:
        inventory = _inventory(conn)
        if set(inventory) != set(sizes):
            extra = sorted(set(inventory) - set(sizes))[:3]
            missing = sorted(set(sizes) - set(inventory))[:3]
            raise refuse(f"bytes without a record {extra}, records without bytes {missing}")
        blobs = []
        for sha in sorted(sizes):
            _check_layout(sha, sizes[sha], inventory[sha], refuse)
            _check_hash(conn, sha, sizes[sha], refuse)
            blobs.append(_classified(conn, sha, sizes[sha], bundle, claimed))
    except RejectedFile:
        raise
    except FILE_ERRORS as exc:
        raise as_rejection(exc, conn.budget, RejectCode.BAD_VALUE) from exc
    return tuple(blobs)


def _inventory(conn: UntrustedConnection) -> dict[str, dict[int, int]]:
    """sha256 → {seq: length}, without reading the bytes (SQLite knows a blob's length)."""
    conn.restart_budget()
    found: dict[str, dict[int, int]] = defaultdict(dict)
    cursor = conn.execute("SELECT sha256, seq, typeof(data), length(data) FROM attachment_chunks")
    while batch := cursor.fetchmany(256):
        for sha, seq, kind, length in batch:
            if type(sha) is not str or type(seq) is not int or kind != "blob":
                raise RejectedFile(RejectCode.BAD_VALUE, "attachment_chunks: wrong types")
            found[sha][seq] = int(length)
    return found


def _check_layout(sha: str, size: int, pieces: dict[int, int], refuse: object) -> None:
    n = chunk_count(size, ATTACHMENT_CHUNK_BYTES)
    expected = {seq: ATTACHMENT_CHUNK_BYTES for seq in range(n)}
    expected[n - 1] = size - (n - 1) * ATTACHMENT_CHUNK_BYTES
    if pieces != expected:
        raise refuse(f"{sha[:12]}: chunks do not make {size} bytes")  # type: ignore[operator]


def attachment_chunk(conn: UntrustedConnection, sha: str, seq: int) -> bytes:
    conn.restart_budget()
    row = conn.execute(
        "SELECT data FROM attachment_chunks WHERE sha256 = ? AND seq = ?", (sha, seq)
    ).fetchone()
    if row is None or type(row[0]) is not bytes:
        raise RejectedFile(RejectCode.ATTACHMENT_MISMATCH, f"{sha[:12]} chunk {seq} missing")
    return row[0]


def _check_hash(conn: UntrustedConnection, sha: str, size: int, refuse: object) -> None:
    digest = hashlib.sha256()
    for seq in range(chunk_count(size, ATTACHMENT_CHUNK_BYTES)):
        digest.update(attachment_chunk(conn, sha, seq))
    if digest.hexdigest() != sha:
        raise refuse(f"{sha[:12]}: bytes do not match their hash")  # type: ignore[operator]


def _classified(
    conn: UntrustedConnection,
    sha: str,
    size: int,
    bundle: ExchangeBundle,
    claimed: dict[str, str],
) -> CarriedBlob:
    name = next(a.file_name for a in bundle.attachments if a.sha256 == sha)
    reader = ChunkedReader(lambda seq: attachment_chunk(conn, sha, seq), size)
    try:
        found = sniff(reader, size, name)
    except AttachmentRefused as exc:
        detail = f"{exc.code}: {exc.file_name}"
        raise RejectedFile(RejectCode.ATTACHMENT_REFUSED, detail[:300], claimed) from None
    return CarriedBlob(sha, size, found.kind, found.pages, found.risks)
