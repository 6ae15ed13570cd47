"""Storage layer: the attachment half of the ``Store`` (佐证材料): caps, lists, extraction.

Where the bytes live: in the database itself, in 1 MiB chunks (README, "Evidence"). One
file holds everything, so a backup, a restore and an import are each one consistent copy
or one transaction, on SQLite and on a server database alike.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.attachments import (
    LIMITS_CHANGE_KIND,
    AttachmentChoice,
    AttachmentLimits,
    AttachmentRef,
    check_limits,
    limits_in_force,
)
from domain.plan_changes import ChangeKind
from domain.progress_rules import current_reports
from domain.records import ProgressRevision
from models.attachment_rows import (
    CHUNK_QUERY,
    blob_reader,
    link_refs,
    refs_of_revisions,
    save_revision_attachments,
)
from models.errors import StoreError
from models.orm import AttachmentBlobRow, PlanChangeRow, RevisionAttachmentRow
from models.store_base import plan_row
from models.store_supervision import SupervisionStore
from models.views import revisions_for_tasks


def limits_for_plan(s: Session, plan_id: str) -> AttachmentLimits:
    rows = s.execute(
        select(
            PlanChangeRow.lamport,
            PlanChangeRow.author_installation_id,
            PlanChangeRow.change_id,
            PlanChangeRow.payload,
        ).where(PlanChangeRow.plan_id == plan_id, PlanChangeRow.kind == LIMITS_CHANGE_KIND)
    )
    return limits_in_force(((lamport, a, c), p) for lamport, a, c, p in rows)


def attach_to_revision(
    s: Session,
    revision_id: str,
    parent_revision_id: str | None,
    choices: tuple[AttachmentChoice, ...] | None,
    plan_id: str,
    now: str,
) -> None:
    """Part of ``record_progress``: ``None`` keeps the parent's files (an edit that does
    not touch them), a tuple is the revision's complete set (removal = left out)."""
    if choices is None:
        if parent_revision_id:
            kept = refs_of_revisions(s, [parent_revision_id]).get(parent_revision_id, ())
            link_refs(s, revision_id, kept)
        return
    save_revision_attachments(s, revision_id, choices, limits_for_plan(s, plan_id), now)


class AttachmentStore(SupervisionStore):
    """佐证材料: what each report carries, the plan's caps, copies for the clerk."""

    def attachment_limits(self, plan_id: str | None = None) -> AttachmentLimits:
        """The caps in force (set by the coordinating office; defaults until then)."""
        with self._sessions.begin() as s:
            return limits_for_plan(s, plan_row(s, plan_id).id)

    def set_attachment_limits(
        self, limits: AttachmentLimits, *, plan_id: str | None = None, reason: str = ""
    ) -> AttachmentLimits:
        """Coordinating office only; travels to every unit with its next plan update."""
        try:
            check_limits(limits)
        except ValueError as exc:
            raise StoreError("bad_attachment_limits", str(exc)) from None
        self.record_plan_change(
            ChangeKind.ATTACHMENT_LIMITS, limits.to_payload(), plan_id=plan_id, reason=reason
        )
        return self.attachment_limits(plan_id)

    def attachments_of(self, revision_ids: Iterable[str]) -> dict[str, tuple[AttachmentRef, ...]]:
        """Each revision's files (revisions without any are left out)."""
        with self._sessions.begin() as s:
            return refs_of_revisions(s, revision_ids)

    def current_attachments(
        self, task_id: str, unit_id: str | None = None
    ) -> list[tuple[ProgressRevision, tuple[AttachmentRef, ...]]]:
        """The task's current reports (one unit's, or all) with the files each lists."""
        with self._sessions.begin() as s:
            revisions = revisions_for_tasks(s, [task_id]).get(task_id, [])
            shown = [r for r in current_reports(revisions) if unit_id in (None, r.unit_id)]
            refs = refs_of_revisions(s, [r.revision_id for r in shown])
            shown.sort(key=lambda r: (r.unit_name, r.report_date, r.lamport))
            return [(r, refs.get(r.revision_id, ())) for r in shown]

    def extract_attachment(self, sha256: str, target: Path) -> Path:
        """Write one attachment's bytes to ``target`` (a new file), chunk by chunk.

        Written as ``target.partial`` then renamed, so a file under ``target`` is whole."""
        target = Path(target)
        partial = target.with_name(target.name + ".partial")
        with self._sessions.begin() as s:
            blob = s.get(AttachmentBlobRow, sha256)
            if blob is None:
                raise StoreError("unknown_attachment", sha256[:12])
            reader = blob_reader(s, blob)
            try:
                with open(partial, "xb") as out:
                    while piece := reader.read(1024 * 1024):
                        out.write(piece)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(partial, target)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
        return target

    def attachment_chunk(self, sha256: str, seq: int) -> bytes:
        """One 1 MiB piece of a stored file (exports copy files piece by piece; a short
        transaction each, so an export never holds the database for long)."""
        with self._engine.connect() as conn:
            data = conn.execute(CHUNK_QUERY, {"sha": sha256, "seq": seq}).scalar()
        if data is None:
            raise StoreError("unknown_attachment", f"{sha256[:12]} #{seq}")
        return bytes(data)

    def attachment_usage(self, sha256: str) -> int:
        """How many revisions list this file (the same bytes are stored once)."""
        with self._sessions.begin() as s:
            rows = s.scalars(
                select(RevisionAttachmentRow.revision_id).where(
                    RevisionAttachmentRow.sha256 == sha256
                )
            )
            return len(set(rows))
