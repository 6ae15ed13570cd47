"""Storage layer: ``Store``, the one door into the database.

Each public method is one user action and one transaction, and returns frozen
``domain.records`` dataclasses. Sessions never cross threads: a worker thread opens
its own ``Store`` on the same file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import platform
import uuid
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from domain.exchange_records import (
    ExchangeBundle,
    ExportScope,
    ImportLogEntry,
    Manifest,
    MergeReport,
)
from domain.progress_rules import history
from domain.records import Installation, PlanSummary, PlanView, ProgressInput, ProgressRevision
from domain.validation import progress_problems
from models.database import backup_database, create_sqlite_engine, prepare_database
from models.errors import ProgressRejected, StoreError
from models.exchange_store import apply_merge, exportable, import_log_row, plan_merge
from models.orm import (
    ImportedFileRow,
    ImportLogRow,
    InstallationRow,
    PlanRow,
    ProgressRevisionRow,
    TaskRow,
    UnitRow,
)
from models.plan_rows import add_parsed_plan
from models.views import build_plan_view, revision_record, revisions_for_tasks
from plan_parser import ParsedPlan, parse_plan_file
from runtime.resources import default_plan_path
from runtime.version import __version__

__all__ = ["ProgressRejected", "Store", "StoreError"]


def utc_now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store:
    """Duban's data: plans, units, assignments, progress revisions, this installation."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._engine = create_sqlite_engine(path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, seed_default_plan: bool = True) -> Store:
        """Create or migrate the file, make this installation, seed the embedded plan once."""
        path = Path(path)
        prepare_database(path)
        store = cls(path)
        store._ensure_installation()
        if seed_default_plan and not store.plans():
            store.import_plan(parse_plan_file(default_plan_path()))
        return store

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- installation ----------------------------------------------------------------------
    def _ensure_installation(self) -> None:
        with self._sessions.begin() as s:
            if s.scalar(select(func.count()).select_from(InstallationRow)) == 0:
                s.add(
                    InstallationRow(
                        id=str(uuid.uuid4()),
                        name=platform.node() or "本机",
                        unit_id=None,
                        is_coordinating_office=False,
                        lamport=0,
                        next_seq=1,
                        created_at=utc_now_text(),
                    )
                )

    def installation(self) -> Installation:
        with self._sessions.begin() as s:
            return _installation_record(s, _installation_row(s))

    def set_office(
        self, unit_name: str | None, *, coordinating_office: bool = False
    ) -> Installation:
        """Which unit this PC serves (所属单位), or the coordinating office (协调办公室)."""
        with self._sessions.begin() as s:
            row = _installation_row(s)
            if coordinating_office:
                row.unit_id, row.is_coordinating_office = None, True
            else:
                unit = _unit_by_name(s, unit_name or "")
                row.unit_id, row.is_coordinating_office = unit.id, False
            return _installation_record(s, row)

    def set_installation_name(self, name: str) -> Installation:
        with self._sessions.begin() as s:
            row = _installation_row(s)
            row.name = name.strip()[:100] or row.name
            return _installation_record(s, row)

    # -- plans -----------------------------------------------------------------------------
    def plans(self) -> list[PlanSummary]:
        with self._sessions.begin() as s:
            grouped = select(TaskRow.plan_id, func.count()).group_by(TaskRow.plan_id)
            counts: dict[str, int] = {plan: n for plan, n in s.execute(grouped)}
            return [
                PlanSummary(
                    p.id, p.title, p.issuer, p.issued_on, p.fingerprint, counts.get(p.id, 0)
                )
                for p in s.scalars(select(PlanRow).order_by(PlanRow.position))
            ]

    def default_plan_id(self) -> str:
        plans = self.plans()
        if not plans:
            raise StoreError("unknown_plan", "（数据库中没有方案）")
        return plans[0].id

    def plan_view(self, plan_id: str | None = None) -> PlanView:
        with self._sessions.begin() as s:
            return build_plan_view(s, _plan_row(s, plan_id))

    def plan_views(self) -> list[PlanView]:
        with self._sessions.begin() as s:
            rows = s.scalars(select(PlanRow).order_by(PlanRow.position)).all()
            return [build_plan_view(s, row) for row in rows]

    def import_plan(self, parsed: ParsedPlan) -> PlanSummary:
        """导入方案: add a plan; the same text (by fingerprint) is never added twice."""
        with self._sessions.begin() as s:
            existing = s.scalar(select(PlanRow).where(PlanRow.fingerprint == parsed.fingerprint))
            if existing is not None:
                raise StoreError("plan_exists", existing.title)
            position = (s.scalar(select(func.max(PlanRow.position))) or 0) + 1
            view = add_parsed_plan(s, parsed, position)
            return PlanSummary(
                view.id,
                view.title,
                view.issuer,
                view.issued_on,
                view.fingerprint,
                parsed.task_count,
            )

    def find_task_id(self, plan_id: str | None, ref: str | int) -> str:
        """A task by its number ("20") or, where numbers repeat, its path ("2.3.5")."""
        with self._sessions.begin() as s:
            plan = _plan_row(s, plan_id)
            text = str(ref).strip()
            query = select(TaskRow.id, TaskRow.path).where(TaskRow.plan_id == plan.id)
            if text.count(".") == 2:
                matches = s.execute(query.where(TaskRow.path == text)).all()
            elif text.isdigit():
                matches = s.execute(query.where(TaskRow.number == int(text))).all()
            else:
                matches = []
            if not matches:
                raise StoreError("unknown_task", text)
            if len(matches) > 1:
                raise StoreError("ambiguous_task", "、".join(m.path for m in matches))
            return str(matches[0].id)

    def find_unit_id(self, name: str) -> str:
        with self._sessions.begin() as s:
            return _unit_by_name(s, name).id

    # -- progress --------------------------------------------------------------------------
    def record_progress(self, entry: ProgressInput) -> ProgressRevision:
        """填报进展: append one revision; nothing is ever updated in place."""
        with self._sessions.begin() as s:
            inst = _installation_row(s)
            plan_row = s.scalar(
                select(PlanRow)
                .join(TaskRow, TaskRow.plan_id == PlanRow.id)
                .where(TaskRow.id == entry.task_id)
            )
            if plan_row is None:
                raise StoreError("unknown_task", entry.task_id)
            task = next(
                t for t in build_plan_view(s, plan_row).all_tasks() if t.id == entry.task_id
            )
            problems = progress_problems(entry, task)
            if problems:
                raise ProgressRejected(problems)
            if inst.unit_id is not None and inst.unit_id != entry.unit_id:
                raise StoreError("unit_not_allowed", _unit_name(s, inst.unit_id))
            report_id = str(uuid.uuid4())
            if entry.parent_revision_id:
                parent = s.get(ProgressRevisionRow, entry.parent_revision_id)
                if parent is None or parent.task_id != entry.task_id:
                    raise StoreError("unknown_task", entry.parent_revision_id)
                report_id = parent.report_id
            highest = s.scalar(select(func.max(ProgressRevisionRow.lamport))) or 0
            inst.lamport = max(inst.lamport, highest) + 1
            row = ProgressRevisionRow(
                revision_id=str(uuid.uuid4()),
                report_id=report_id,
                parent_revision_id=entry.parent_revision_id,
                task_id=entry.task_id,
                unit_id=entry.unit_id,
                author_installation_id=inst.id,
                author_seq=inst.next_seq,
                lamport=inst.lamport,
                authored_at=utc_now_text(),
                status=entry.status.value,
                percent=entry.percent,
                report_date=entry.report_date,
                work_done=entry.work_done.strip(),
                problems=entry.problems.strip(),
                next_steps=entry.next_steps.strip(),
                reporter=entry.reporter.strip(),
                phone=entry.phone.strip(),
                withdrawn=entry.withdrawn,
                on_behalf=inst.is_coordinating_office,
            )
            inst.next_seq += 1
            s.add(row)
            s.flush()
            return revision_record(row, _unit_name(s, entry.unit_id))

    # -- exchange --------------------------------------------------------------------------
    def export_bundle(
        self, scope: ExportScope, *, unit_name: str | None = None, plan_id: str | None = None
    ) -> ExchangeBundle:
        """The records an export of ``scope`` carries, with its manifest (digest filled in
        by the writer). A unit's PC exports its own unit; the coordinating office may export
        everything, the plan content only, or one unit's records."""
        with self._sessions.begin() as s:
            inst = _installation_row(s)
            plan = _plan_row(s, plan_id)
            if not inst.is_coordinating_office and inst.unit_id is None:
                raise StoreError("not_configured", "")
            if not inst.is_coordinating_office and scope is not ExportScope.UNIT:
                raise StoreError("not_coordinating_office", scope.value)
            unit_id = inst.unit_id
            if inst.is_coordinating_office:
                unit_id = _unit_by_name(s, unit_name).id if unit_name else None
            elif unit_name and _unit_by_name(s, unit_name).id != inst.unit_id:
                raise StoreError("unit_not_allowed", _unit_name(s, inst.unit_id or ""))
            revisions, changes, senders = exportable(s, plan.id, scope, unit_id)
            manifest = Manifest(
                format_version=0,
                app_version=__version__,
                export_id=str(uuid.uuid4()),
                sender=senders[0],
                plan_id=plan.id,
                plan_fingerprint=plan.fingerprint,
                plan_title=plan.title,
                created_at=utc_now_text(),
                scope=scope,
                counts={},
                records_sha256="",
            )
            return ExchangeBundle(manifest, tuple(senders), tuple(revisions), tuple(changes))

    def preview_import(
        self, bundle: ExchangeBundle, file_name: str, file_sha256: str
    ) -> MergeReport:
        """What importing would do; writes nothing."""
        with self._sessions.begin() as s:
            return self._merge(s, bundle, file_name, file_sha256, apply=False)

    def apply_import(self, bundle: ExchangeBundle, file_name: str, file_sha256: str) -> MergeReport:
        """Merge one file in one transaction, after a backup copy; a repeat is a no-op."""
        with self._sessions.begin() as s:
            preview = self._merge(s, bundle, file_name, file_sha256, apply=False)
        if preview.already_imported or preview.extra.get("refused"):
            return preview
        backup = backup_database(self._path, reason="before-import")
        with self._sessions.begin() as s:
            report = self._merge(s, bundle, file_name, file_sha256, apply=True)
        return dataclasses.replace(report, backup_path=str(backup) if backup else None)

    def _merge(
        self, s: Session, bundle: ExchangeBundle, file_name: str, sha: str, *, apply: bool
    ) -> MergeReport:
        manifest = bundle.manifest
        already = s.get(ImportedFileRow, sha) is not None or (
            s.scalar(select(ImportedFileRow).where(ImportedFileRow.export_id == manifest.export_id))
            is not None
        )
        base = MergeReport(
            file_name=file_name, file_sha256=sha, sender=manifest.sender,
            plan_title=manifest.plan_title, already_imported=already, new_revisions=0,
            present_revisions=len(bundle.revisions) if already else 0, conflicts=0,
            new_plan_changes=0, present_plan_changes=0,
        )  # fmt: skip
        if already:
            return base
        plan_row = s.get(PlanRow, manifest.plan_id)
        if plan_row is None or plan_row.fingerprint != manifest.plan_fingerprint:
            return dataclasses.replace(base, extra={"refused": "other_plan"})
        merge = plan_merge(s, bundle)
        report = dataclasses.replace(
            base,
            new_revisions=len(merge.new), present_revisions=merge.present,
            conflicts=merge.conflicts, new_plan_changes=len(merge.new_changes),
            present_plan_changes=merge.present_changes, rejected=tuple(merge.rejected),
            anomalies=tuple(a for a, _, _ in merge.anomalies), applied=apply,
        )  # fmt: skip
        if apply:
            now = utc_now_text()
            apply_merge(s, merge, now)
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

    def progress_history(self, task_id: str) -> list[ProgressRevision]:
        """Every revision of every report on the task, newest first, conflicts flagged."""
        with self._sessions.begin() as s:
            return history(revisions_for_tasks(s, [task_id]).get(task_id, []))


def _installation_row(s: Session) -> InstallationRow:
    row = s.scalars(select(InstallationRow)).first()
    assert row is not None, "Store.open creates the installation row"
    return row


def _installation_record(s: Session, row: InstallationRow) -> Installation:
    unit = s.get(UnitRow, row.unit_id) if row.unit_id else None
    return Installation(
        id=row.id,
        name=row.name,
        unit_id=row.unit_id,
        unit_name=unit.name if unit else None,
        is_coordinating_office=row.is_coordinating_office,
        lamport=row.lamport,
        next_seq=row.next_seq,
    )


def _unit_name(s: Session, unit_id: str) -> str:
    unit = s.get(UnitRow, unit_id)
    return unit.name if unit else unit_id


def _plan_row(s: Session, plan_id: str | None) -> PlanRow:
    if plan_id is None:
        row = s.scalars(select(PlanRow).order_by(PlanRow.position)).first()
    else:
        row = (
            s.get(PlanRow, plan_id)
            or s.scalars(select(PlanRow).where(PlanRow.id.startswith(plan_id))).first()
        )
    if row is None:
        raise StoreError("unknown_plan", plan_id or "（数据库中没有方案）")
    return row


def _unit_by_name(s: Session, name: str) -> UnitRow:
    wanted = "".join(name.split())
    row = s.scalar(select(UnitRow).where(UnitRow.name == wanted))
    if row is None and wanted and not wanted.startswith("省"):
        row = s.scalar(select(UnitRow).where(UnitRow.name == "省" + wanted))
    if row is None:
        raise StoreError("unknown_unit", name)
    return row
