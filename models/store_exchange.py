"""Storage layer: the exchange half of the ``Store`` (export bundles, import, import log)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.exchange_records import (
    ExchangeAttachment,
    ExchangeBundle,
    ExportScope,
    ImportLogEntry,
    Manifest,
    MergeReport,
)
from models.attachment_rows import refs_of_revisions
from models.concurrency import retry_on_conflict
from models.database import backup_database
from models.errors import StoreError
from models.merge import apply_merge, exportable, import_log_row, plan_merge
from models.merge_attachments import apply_attachments, plan_attachments
from models.orm import ImportedFileRow, ImportLogRow, PlanRow
from models.store_base import (
    StoreBase,
    installation_row,
    plan_row,
    unit_by_name,
    unit_name_of,
    utc_now_text,
)
from models.store_keys import trust_extra, trust_verdict
from runtime.version import __version__


class ExchangeStore(StoreBase):
    """交换文件: what an export carries; preview and merge of an imported file."""

    def export_bundle(
        self, scope: ExportScope, *, unit_name: str | None = None, plan_id: str | None = None
    ) -> ExchangeBundle:
        """The records an export of ``scope`` carries, with its manifest (digest filled in
        by the writer). A unit's PC exports its own unit; the coordinating office may export
        everything, the plan content only, or one unit's records."""
        with self._sessions.begin() as s:
            inst = installation_row(s, lock=False)
            plan = plan_row(s, plan_id)
            if not inst.is_coordinating_office and inst.unit_id is None:
                raise StoreError("not_configured", "")
            if not inst.is_coordinating_office and scope is not ExportScope.UNIT:
                raise StoreError("not_coordinating_office", scope.value)
            unit_id = inst.unit_id
            if inst.is_coordinating_office:
                unit_id = unit_by_name(s, unit_name).id if unit_name else None
            elif unit_name and unit_by_name(s, unit_name).id != inst.unit_id:
                raise StoreError("unit_not_allowed", unit_name_of(s, inst.unit_id or ""))
            found = exportable(s, plan.id, scope, unit_id)
            refs = refs_of_revisions(s, [r.revision_id for r in found.revisions])
            attachments = tuple(
                ExchangeAttachment(rid, position, ref.sha256, ref.size, ref.file_name)
                for rid in sorted(refs)
                for position, ref in enumerate(refs[rid])
            )
            manifest = Manifest(
                format_version=0,
                app_version=__version__,
                export_id=str(uuid.uuid4()),
                sender=found.senders[0],
                plan_id=plan.id,
                plan_fingerprint=plan.fingerprint,
                plan_title=plan.title,
                created_at=utc_now_text(),
                scope=scope,
                counts={},
                records_sha256="",
            )
            return ExchangeBundle(
                manifest,
                tuple(found.senders),
                tuple(found.revisions),
                tuple(found.plan_changes),
                reviews=tuple(found.reviews),
                instructions=tuple(found.instructions),
                attachments=attachments,
            )

    def preview_import(
        self, bundle: ExchangeBundle, file_name: str, file_sha256: str
    ) -> MergeReport:
        """What importing would do; writes nothing."""
        with self._sessions.begin() as s:
            return self._merge(s, bundle, file_name, file_sha256, apply=False)

    @retry_on_conflict
    def apply_import(
        self,
        bundle: ExchangeBundle,
        file_name: str,
        file_sha256: str,
        *,
        backup: bool = True,
        chunks: Callable[[str, int], bytes] | None = None,
    ) -> MergeReport:
        """Merge one file in one transaction, after a backup copy; a repeat is a no-op.

        ``backup=False`` is for the second and later files of one batch: the copy made
        before the batch's first merge already holds the state to go back to, and a copy
        per file would cost more than the merges themselves on a large store. ``chunks``
        gives the checked bytes of the attachments the file carries (``ReadFile.chunk``)."""
        with self._sessions.begin() as s:
            preview = self._merge(s, bundle, file_name, file_sha256, apply=False, check=True)
        if preview.already_imported or preview.extra.get("refused"):
            return preview
        if preview.extra.get("trust"):  # unsigned, unknown key …: previewed, never merged
            return dataclasses.replace(
                preview, extra={**preview.extra, "refused": preview.extra["trust"]}
            )
        copy = backup_database(self._path, reason="before-import") if backup else None
        with self._sessions.begin() as s:
            installation_row(s)  # locked first: merges on a server run one at a time
            report = self._merge(s, bundle, file_name, file_sha256, apply=True, chunks=chunks)
        return dataclasses.replace(report, backup_path=str(copy) if copy else None)

    def _merge(
        self,
        s: Session,
        bundle: ExchangeBundle,
        file_name: str,
        sha: str,
        *,
        apply: bool,
        check: bool = False,
        chunks: Callable[[str, int], bytes] | None = None,
    ) -> MergeReport:
        """``check``: only whether it may be merged (a file that will be merged is not
        planned twice; a refused one still says what it would have done)."""
        manifest = bundle.manifest
        # The same bytes are the same file, signer included. An export id alone counts only
        # once the signer is checked, and only for the installation that sent it before: a
        # confirmed unit copying another's export id must not pre-empt the genuine file.
        same_bytes = s.get(ImportedFileRow, sha) is not None
        base = MergeReport(
            file_name=file_name, file_sha256=sha, sender=manifest.sender,
            plan_title=manifest.plan_title, already_imported=same_bytes, new_revisions=0,
            present_revisions=len(bundle.revisions) if same_bytes else 0, conflicts=0,
            new_plan_changes=0, present_plan_changes=0,
        )  # fmt: skip
        if same_bytes:
            return base
        verdict = trust_verdict(s, bundle)
        if verdict.fingerprint or not verdict.ok:
            base = dataclasses.replace(base, extra=trust_extra(verdict))
            if apply and not verdict.ok:  # checked again inside the merging transaction
                return dataclasses.replace(base, extra={**base.extra, "refused": verdict.code})
        if verdict.ok and _sent_before(s, manifest.export_id, manifest.sender.installation_id):
            return dataclasses.replace(
                base, already_imported=True, present_revisions=len(bundle.revisions)
            )
        plan_row = s.get(PlanRow, manifest.plan_id)
        if plan_row is None or plan_row.fingerprint != manifest.plan_fingerprint:
            return dataclasses.replace(base, extra={**base.extra, "refused": "other_plan"})
        if check and "trust" not in base.extra:
            return base
        merge = plan_merge(s, bundle)
        files = plan_attachments(s, bundle, merge.new + merge.replacements)
        report = dataclasses.replace(
            base,
            new_revisions=len(merge.new), present_revisions=merge.present,
            conflicts=merge.conflicts,
            new_plan_changes=len(merge.new_changes) + len(merge.new_directory),
            present_plan_changes=merge.present_changes, rejected=tuple(merge.rejected),
            anomalies=tuple(a for a, _, _ in merge.anomalies), applied=apply,
            new_reviews=len(merge.new_reviews), new_instructions=len(merge.new_instructions),
            rule_breaches=merge.rule_breaches,
            new_attachments=len(files.new_blobs), new_attachment_bytes=files.new_bytes,
        )  # fmt: skip
        if apply:
            now = utc_now_text()
            apply_merge(s, merge, now)
            apply_attachments(s, files, merge.replacements, chunks, now)
            s.add(ImportedFileRow(file_sha256=sha, export_id=manifest.export_id, imported_at=now))
            s.add(import_log_row(report, manifest.export_id, now))
        return report

    def import_log(self) -> list[ImportLogEntry]:
        """导入日志, newest first."""
        with self._sessions.begin() as s:
            rows = s.scalars(select(ImportLogRow).order_by(ImportLogRow.id.desc()))
            return [
                ImportLogEntry(
                    r.imported_at,
                    r.file_name,
                    r.sender_name,
                    r.sender_unit,
                    r.outcome,
                    r.new_count,
                    r.present_count,
                    r.conflict_count,
                    r.rejected_count,
                    r.details,
                )  # fmt: skip
                for r in rows
            ]


def _sent_before(s: Session, export_id: str, installation_id: str) -> bool:
    """Was an export with this id from this installation merged here already?"""
    query = select(ImportLogRow.id).where(
        ImportLogRow.export_id == export_id,
        ImportLogRow.sender_installation_id == installation_id,
        ImportLogRow.outcome == "merged",
    )
    return s.scalar(query.limit(1)) is not None
