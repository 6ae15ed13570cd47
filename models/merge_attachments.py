"""Storage layer: the attachments part of merging an exchange bundle.

The revisions a merge adds (or replaces by their deterministic winner) bring the files
they list; bytes this PC already holds (by SHA-256) are not copied again. Runs inside the
merge's transaction: the import is one transaction, files included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.attachment_sniff import Sniffed
from domain.exchange_records import CarriedBlob, ExchangeAttachment, ExchangeBundle
from domain.records import ProgressRevision
from models.attachment_rows import link_refs, store_verified_blob
from models.orm import AttachmentBlobRow, RevisionAttachmentRow


@dataclass(frozen=True, slots=True)
class AttachmentMerge:
    links: tuple[ExchangeAttachment, ...]
    new_blobs: tuple[CarriedBlob, ...]

    @property
    def new_bytes(self) -> int:
        return sum(b.size for b in self.new_blobs)


def plan_attachments(
    s: Session, bundle: ExchangeBundle, arriving: list[ProgressRevision]
) -> AttachmentMerge:
    ids = {r.revision_id for r in arriving}
    links = tuple(a for a in bundle.attachments if a.revision_id in ids)
    needed = sorted({a.sha256 for a in links})
    held: set[str] = set()
    for start in range(0, len(needed), 500):
        chunk = needed[start : start + 500]
        held.update(
            s.scalars(select(AttachmentBlobRow.sha256).where(AttachmentBlobRow.sha256.in_(chunk)))
        )
    carried = {b.sha256: b for b in bundle.blobs}
    return AttachmentMerge(links, tuple(carried[sha] for sha in needed if sha not in held))


def apply_attachments(
    s: Session,
    plan: AttachmentMerge,
    replaced: list[ProgressRevision],
    chunks: Callable[[str, int], bytes] | None,
    now: str,
) -> None:
    if plan.new_blobs and chunks is None:
        raise ValueError("the file's attachment bytes are needed to merge it")
    for blob in plan.new_blobs:
        assert chunks is not None
        found = Sniffed(blob.kind, blob.pages, blob.risks)
        sha = blob.sha256
        store_verified_blob(s, sha, blob.size, found, now, lambda seq, sha=sha: chunks(sha, seq))
    for rev in replaced:  # the winning variant's list replaces the loser's
        s.execute(
            delete(RevisionAttachmentRow).where(
                RevisionAttachmentRow.revision_id == rev.revision_id
            )
        )
    by_revision: dict[str, list[ExchangeAttachment]] = defaultdict(list)
    for link in plan.links:
        by_revision[link.revision_id].append(link)
    for revision_id, links in sorted(by_revision.items()):
        ordered = sorted(links, key=lambda a: a.position)
        link_refs(s, revision_id, [(a.sha256, a.file_name) for a in ordered])
