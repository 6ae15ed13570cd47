"""Storage layer: ``Store``, the one door into the database.

Each public method is one user action and one transaction, and returns frozen
``domain.records`` dataclasses. Sessions never cross threads: a worker thread opens
its own ``Store`` on the same file.
"""

from __future__ import annotations

import platform
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import func, select, text

from domain.plan_changes import plan_header
from domain.records import Installation, PlanSummary, PlanView
from domain.task_flags import TaskCorrection
from models.concurrency import retry_on_conflict
from models.database import prepare_database
from models.errors import ProgressRejected, StoreError
from models.import_corrections import save_corrections
from models.locations import DatabaseLocation, ServerAddress, parse_location
from models.orm import (
    ImportLogRow,
    InstallationRow,
    InstructionRow,
    PlanChangeRow,
    PlanRow,
    ProgressRevisionRow,
    ReportReviewRow,
    TaskRow,
    UnitDirectoryRow,
)
from models.plan_change_rows import header_changes
from models.plan_rows import add_parsed_plan
from models.store_attachments import AttachmentStore
from models.store_base import (
    installation_record,
    installation_row,
    plan_row,
    unit_by_name,
    utc_now_text,
)
from models.store_directory import DirectoryStore
from models.store_exchange import ExchangeStore
from models.store_history import HistoryStore
from models.store_keys import KeyStore
from models.store_reports import ReportStore
from models.views import build_plan_view
from plan_parser import ParsedPlan, parse_plan_file
from runtime.resources import default_plan_path

if TYPE_CHECKING:
    from models.server import ConfirmMigration

__all__ = ["ProgressRejected", "Store", "StoreError"]

#: pg_advisory_xact_lock key taken while the installation row is made ("DUBI"): two desks
#: opening an empty server database at once must not make two installations.
INSTALLATION_LOCK = 0x44554249


class Store(ReportStore, ExchangeStore, AttachmentStore, KeyStore, HistoryStore, DirectoryStore):
    """Duban's data: plans, units, assignments, progress revisions, this installation."""

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: DatabaseLocation | str,
        *,
        seed_default_plan: bool = True,
        confirm_migration: ConfirmMigration | None = None,
    ) -> Store:
        """Create or migrate the database, make this installation, seed the embedded plan
        once. ``path`` is a file or a server (``models.locations``); a server's schema is
        upgraded only when ``confirm_migration`` says yes (see ``models.server``)."""
        location = parse_location(path)
        prepare_database(location, confirm_migration)
        store = cls(location)
        try:
            store._ensure_installation()
            if seed_default_plan and not store.plans(include_removed=True):
                try:
                    store.import_plan(parse_plan_file(default_plan_path()))
                except StoreError as exc:
                    if exc.code != "plan_exists":  # another desk seeded it a moment ago
                        raise
        except BaseException:
            store.close()
            raise
        return store

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- installation ----------------------------------------------------------------------
    @retry_on_conflict
    def _ensure_installation(self) -> None:
        with self._sessions.begin() as s:
            if isinstance(self._path, ServerAddress):
                s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": INSTALLATION_LOCK})
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
            return installation_record(s, installation_row(s, lock=False))

    @retry_on_conflict
    def set_office(
        self,
        unit_name: str | None,
        *,
        coordinating_office: bool = False,
        installation_name: str | None = None,
    ) -> Installation:
        """Which unit this PC serves (所属单位), or the coordinating office (协调办公室); with
        ``installation_name``, also what this PC is called (本机名称), in the same step."""
        with self._sessions.begin() as s:
            row = installation_row(s)
            if installation_name is not None:
                row.name = _installation_name(installation_name, row.name)
            if coordinating_office:
                row.unit_id, row.is_coordinating_office = None, True
            else:
                unit = unit_by_name(s, unit_name or "")
                row.unit_id, row.is_coordinating_office = unit.id, False
            return installation_record(s, row)

    @retry_on_conflict
    def set_installation_name(self, name: str) -> Installation:
        with self._sessions.begin() as s:
            row = installation_row(s)
            row.name = _installation_name(name, row.name)
            return installation_record(s, row)

    # -- plans -----------------------------------------------------------------------------
    def plans(self, *, include_removed: bool = False) -> list[PlanSummary]:
        """The plans in import order, titled as the office renamed them; a removed plan only
        with ``include_removed`` (its data is kept)."""
        with self._sessions.begin() as s:
            grouped = select(TaskRow.plan_id, func.count()).group_by(TaskRow.plan_id)
            counts: dict[str, int] = {plan: n for plan, n in s.execute(grouped)}
            headers = header_changes(s)
            out = []
            for p in s.scalars(select(PlanRow).order_by(PlanRow.position)):
                title, removed = plan_header(headers.get(p.id, []))
                if removed and not include_removed:
                    continue
                out.append(
                    PlanSummary(
                        p.id,
                        title or p.title,
                        p.issuer,
                        p.issued_on,
                        p.fingerprint,
                        counts.get(p.id, 0),
                        removed,
                    )
                )
            return out

    def default_plan_id(self) -> str:
        plans = self.plans()
        if not plans:
            raise StoreError("unknown_plan", "（数据库中没有方案）")
        return plans[0].id

    def plan_view(self, plan_id: str | None = None) -> PlanView:
        with self._sessions.begin() as s:
            return build_plan_view(s, plan_row(s, plan_id))

    def plan_views(self, *, include_removed: bool = False) -> list[PlanView]:
        with self._sessions.begin() as s:
            rows = s.scalars(select(PlanRow).order_by(PlanRow.position)).all()
            views = [build_plan_view(s, row) for row in rows]
            return [v for v in views if include_removed or not v.removed]

    @retry_on_conflict
    def import_plan(
        self,
        parsed: ParsedPlan,
        corrections: Sequence[TaskCorrection] = (),
        *,
        reason: str = "导入方案时核对原文更正",
    ) -> PlanSummary:
        """导入方案: add a plan; the same text (by fingerprint) is never added twice.

        ``corrections`` made in the preview (the office's PC only) are saved in the same
        transaction as plan changes, so they travel to the units like any other change."""
        with self._sessions.begin() as s:
            existing = s.scalar(select(PlanRow).where(PlanRow.fingerprint == parsed.fingerprint))
            if existing is not None:
                raise StoreError("plan_exists", existing.title)
            position = (s.scalar(select(func.max(PlanRow.position))) or 0) + 1
            view = add_parsed_plan(s, parsed, position)
            delta = save_corrections(s, view, corrections, reason)
            return PlanSummary(
                view.id,
                view.title,
                view.issuer,
                view.issued_on,
                view.fingerprint,
                parsed.task_count + delta,
            )

    def find_task_id(self, plan_id: str | None, ref: str | int) -> str:
        """A task by its number ("20") or, where numbers repeat, its path ("2.3.5")."""
        with self._sessions.begin() as s:
            plan = plan_row(s, plan_id)
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
            return unit_by_name(s, name).id

    def data_version(self) -> tuple[object, ...]:
        """A cheap summary that changes whenever anything a window shows changes: another
        desk on the server (or another window on the file) added a report, a plan change,
        a plan or an import, or changed this installation. Windows poll it (ui/server)."""
        with self._sessions.begin() as s:
            revisions = s.execute(select(func.count(), func.max(ProgressRevisionRow.lamport))).one()
            changes = s.execute(select(func.count(), func.max(PlanChangeRow.lamport))).one()
            plans = s.scalar(select(func.count()).select_from(PlanRow))
            imports = s.scalar(select(func.max(ImportLogRow.id)))
            # 审核 and 批示 change what a window shows too (the returns, the 批示 lines).
            reviews = s.execute(select(func.count(), func.max(ReportReviewRow.lamport))).one()
            said = s.execute(select(func.count(), func.max(InstructionRow.lamport))).one()
            named = s.scalar(select(func.count()).select_from(UnitDirectoryRow))
            inst = s.scalars(select(InstallationRow)).first()
            own = (inst.name, inst.unit_id, inst.is_coordinating_office) if inst else None
            return (*revisions, *changes, plans, imports, own, *reviews, *said, named)


def _installation_name(name: str, current: str) -> str:
    """本机名称 as stored: trimmed, at most 100 characters; blank keeps ``current``."""
    return name.strip()[:100] or current
