"""Storage layer: attachment bytes in 1 MiB chunks by SHA-256, and each revision's list.

Every function here runs inside the caller's transaction, so a report and its files are
saved together or not at all (a crash half-way leaves neither). Bytes are read and written
one chunk at a time: memory stays flat whatever the file's size.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from sqlalchemy import bindparam, insert, select
from sqlalchemy.orm import Session

from domain.attachment_sniff import Sniffed, sniff
from domain.attachments import (
    AttachmentChoice,
    AttachmentFile,
    AttachmentKind,
    AttachmentLimits,
    AttachmentRef,
    AttachmentRefused,
    PdfRisk,
    RefusalCode,
    check_report,
    safe_file_name,
)
from domain.chunked_io import CHUNK_SIZE, ChunkedReader
from models.orm import AttachmentBlobRow, AttachmentChunkRow, RevisionAttachmentRow

_CHUNKS = AttachmentChunkRow.__table__


def ref_of(blob: AttachmentBlobRow, file_name: str) -> AttachmentRef:
    risks = frozenset(PdfRisk(r) for r in blob.risks.split(",") if r)
    return AttachmentRef(
        blob.sha256, file_name, blob.size, AttachmentKind(blob.kind), blob.pages, risks
    )


def refs_of_revisions(
    s: Session, revision_ids: Iterable[str]
) -> dict[str, tuple[AttachmentRef, ...]]:
    """Each listed revision's attachments, in the order the clerk added them."""
    out: dict[str, list[AttachmentRef]] = {}
    ids = sorted(set(revision_ids))
    for start in range(0, len(ids), 500):
        query = (
            select(RevisionAttachmentRow, AttachmentBlobRow)
            .join(AttachmentBlobRow, AttachmentBlobRow.sha256 == RevisionAttachmentRow.sha256)
            .where(RevisionAttachmentRow.revision_id.in_(ids[start : start + 500]))
            .order_by(RevisionAttachmentRow.revision_id, RevisionAttachmentRow.position)
        )
        for link, blob in s.execute(query):
            out.setdefault(link.revision_id, []).append(ref_of(blob, link.file_name))
    return {rid: tuple(refs) for rid, refs in out.items()}


def save_revision_attachments(
    s: Session,
    revision_id: str,
    choices: Sequence[AttachmentChoice],
    limits: AttachmentLimits,
    now: str,
) -> tuple[AttachmentRef, ...]:
    """Store new files (each once) and list the revision's complete set; raises
    ``AttachmentRefused`` (the caller's transaction then stores nothing)."""
    refs: list[AttachmentRef] = []
    for choice in choices:
        if isinstance(choice, AttachmentFile):
            refs.append(store_local_file(s, choice, limits, now))
        else:
            blob = s.get(AttachmentBlobRow, choice.sha256)
            if blob is None:
                raise AttachmentRefused(RefusalCode.UNREADABLE, choice.file_name, "not stored")
            refs.append(ref_of(blob, safe_file_name(choice.file_name)))
    check_report(refs, limits)
    link_refs(s, revision_id, refs)
    return tuple(refs)


def link_refs(
    s: Session, revision_id: str, refs: Iterable[tuple[str, str] | AttachmentRef]
) -> None:
    rows = []
    for position, ref in enumerate(refs):
        sha, name = (ref.sha256, ref.file_name) if isinstance(ref, AttachmentRef) else ref
        rows.append(
            {"revision_id": revision_id, "position": position, "sha256": sha, "file_name": name}
        )
    if rows:
        s.execute(insert(RevisionAttachmentRow.__table__), rows)


def store_local_file(
    s: Session, choice: AttachmentFile, limits: AttachmentLimits, now: str
) -> AttachmentRef:
    """Check a clerk's file (kind by content, caps) and store its bytes once."""
    path = Path(choice.path)
    name = safe_file_name(choice.file_name or path.name)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open(): a FIFO would block
            raise AttachmentRefused(RefusalCode.UNREADABLE, name, "not a regular file")
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > limits.max_file_bytes:
                raise AttachmentRefused(RefusalCode.TOO_LARGE, name, str(size))
            found = sniff(f, size, name)
            sha = _hash_file(f)
            blob = s.get(AttachmentBlobRow, sha)
            if blob is None:
                blob = _new_blob(s, sha, size, found, now)
                f.seek(0)
                copied = store_chunks(s, sha, iter(lambda: f.read(CHUNK_SIZE), b""))
                if copied != (sha, size):  # the file changed while it was being read
                    raise AttachmentRefused(RefusalCode.UNREADABLE, name, "changed while read")
    except OSError as exc:
        raise AttachmentRefused(RefusalCode.UNREADABLE, name, exc.strerror or "") from exc
    return ref_of(blob, name)


def _hash_file(f: object) -> str:
    digest = hashlib.sha256()
    f.seek(0)  # type: ignore[attr-defined]
    while piece := f.read(CHUNK_SIZE):  # type: ignore[attr-defined]
        digest.update(piece)
    return digest.hexdigest()


def _new_blob(s: Session, sha: str, size: int, found: Sniffed, now: str) -> AttachmentBlobRow:
    blob = AttachmentBlobRow(
        sha256=sha,
        size=size,
        kind=found.kind.value,
        pages=found.pages,
        risks=",".join(sorted(r.value for r in found.risks)),
        chunk_size=CHUNK_SIZE,
        stored_at=now,
    )
    s.add(blob)
    s.flush()  # the chunks' foreign key needs the row
    return blob


def store_chunks(s: Session, sha: str, pieces: Iterable[bytes]) -> tuple[str, int]:
    """Write ``pieces`` (each at most CHUNK_SIZE) as the blob's chunks; return the SHA-256
    and size of what was written, for the caller to compare with what it expected."""
    digest = hashlib.sha256()
    size = 0
    buffered = b""
    seq = 0
    for piece in pieces:
        buffered += piece
        while len(buffered) >= CHUNK_SIZE:
            head, buffered = buffered[:CHUNK_SIZE], buffered[CHUNK_SIZE:]
            s.execute(insert(_CHUNKS), {"sha256": sha, "seq": seq, "data": head})
            digest.update(head)
            size += len(head)
            seq += 1
    if buffered:
        s.execute(insert(_CHUNKS), {"sha256": sha, "seq": seq, "data": buffered})
        digest.update(buffered)
        size += len(buffered)
    return digest.hexdigest(), size


def store_verified_blob(
    s: Session, sha: str, size: int, found: Sniffed, now: str, get: Callable[[int], bytes]
) -> bool:
    """Copy a blob already checked (an exchange file's) unless held; True when copied."""
    if s.get(AttachmentBlobRow, sha) is not None:
        return False
    _new_blob(s, sha, size, found, now)
    # Hashed already by the reader, from a private read-only copy that cannot change:
    # copied without hashing a third time (the chunks' count and sizes are checked).
    written = 0
    for seq in range((size + CHUNK_SIZE - 1) // CHUNK_SIZE):
        data = get(seq)
        s.execute(insert(_CHUNKS), {"sha256": sha, "seq": seq, "data": data})
        written += len(data)
    if written != size:
        raise ValueError(f"attachment {sha} changed while copied")
    return True


#: Built once: SQLAlchemy caches its compiled form (a chunk is read per call).
CHUNK_QUERY = select(AttachmentChunkRow.data).where(
    AttachmentChunkRow.sha256 == bindparam("sha"), AttachmentChunkRow.seq == bindparam("seq")
)


def chunk_getter(s: Session, sha: str) -> Callable[[int], bytes]:
    def get(seq: int) -> bytes:
        data = s.execute(CHUNK_QUERY, {"sha": sha, "seq": seq}).scalar()
        if data is None:
            raise OSError(f"attachment {sha[:12]} chunk {seq} missing")
        return bytes(data)

    return get


def blob_reader(s: Session, blob: AttachmentBlobRow) -> ChunkedReader:
    return ChunkedReader(chunk_getter(s, blob.sha256), blob.size, blob.chunk_size)
