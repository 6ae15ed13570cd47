"""Storage layer: the supervision half of the ``Store`` (督办): plan changes by the
coordinating office (deadlines, rounds, corrections, closures) and the warning window."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.enums import Role
from domain.exchange_records import PlanChange
from domain.plan_changes import ChangeKind, deadline_payload, rounds_payload, units_payload
from domain.records import PlanView
from domain.schedule import Deadline, RoundRule
from domain.status_lights import DEFAULT_WARNING_DAYS, TaskLight, plan_lights
from models.concurrency import retry_on_conflict
from models.errors import StoreError
from models.orm import PlanChangeRow, ProgressRevisionRow, SettingRow
from models.plan_change_rows import plan_changes, save_change
from models.store_base import StoreBase, installation_row, plan_row, utc_now_text
from models.views import build_plan_view

WARNING_DAYS_KEY = "warning_days"


def append_change(
    s: Session,
    kind: ChangeKind,
    payload: str,
    *,
    plan_id: str | None,
    task_id: str | None,
    reason: str,
) -> PlanChange:
    """Add one plan change inside the caller's transaction (the office's PC only)."""
    inst = installation_row(s)
    if not inst.is_coordinating_office:
        raise StoreError("not_coordinating_office", kind.value)
    plan = plan_row(s, plan_id)
    highest = max(
        s.scalar(select(func.max(ProgressRevisionRow.lamport))) or 0,
        s.scalar(select(func.max(PlanChangeRow.lamport))) or 0,
    )
    inst.lamport = max(inst.lamport, highest) + 1
    change = PlanChange(
        change_id=str(uuid.uuid4()),
        plan_id=plan.id,
        author_installation_id=inst.id,
        author_seq=inst.next_seq,
        lamport=inst.lamport,
        authored_at=utc_now_text(),
        kind=kind.value,
        task_id=task_id,
        payload=payload,
        reason=reason.strip()[:2000],
    )
    inst.next_seq += 1
    save_change(s, change)
    return change


def edit_payload(
    task_id: str, text: str | None, units: Sequence[tuple[str, Role, str]] | None
) -> str:
    payload: dict[str, object] = {}
    if text is not None:
        if not text.strip():
            raise StoreError("empty_text", task_id)
        payload["text"] = text.strip()
    if units is not None:
        if not units:
            raise StoreError("no_units", task_id)
        payload["units"] = units_payload(units)
    return json.dumps(payload, ensure_ascii=False)


class SupervisionStore(StoreBase):
    """计划修订 and 督办: only the coordinating office writes plan content."""

    @retry_on_conflict
    def record_plan_change(
        self,
        kind: ChangeKind,
        payload: str,
        *,
        plan_id: str | None = None,
        task_id: str | None = None,
        reason: str = "",
    ) -> PlanChange:
        """One numbered plan revision with who/when/why (留痕); refused on a unit's PC."""
        with self._sessions.begin() as s:
            return append_change(s, kind, payload, plan_id=plan_id, task_id=task_id, reason=reason)

    def set_deadline(
        self,
        deadline: Deadline | None,
        *,
        task_id: str | None,
        plan_id: str | None = None,
        reason: str = "",
    ) -> PlanChange:
        """完成时限 of one task, or of the whole plan when ``task_id`` is None; ``None``
        clears it (a task then follows the plan's deadline)."""
        return self.record_plan_change(
            ChangeKind.DEADLINE,
            deadline_payload(deadline),
            plan_id=plan_id,
            task_id=task_id,
            reason=reason,
        )

    def set_rounds(
        self, rule: RoundRule, *, plan_id: str | None = None, reason: str = ""
    ) -> PlanChange:
        return self.record_plan_change(
            ChangeKind.ROUNDS, rounds_payload(rule), plan_id=plan_id, reason=reason
        )

    def edit_task(
        self,
        task_id: str,
        *,
        text: str | None = None,
        units: list[tuple[str, Role, str]] | None = None,
        plan_id: str | None = None,
        reason: str = "",
    ) -> PlanChange:
        return self.record_plan_change(
            ChangeKind.EDIT_TASK,
            edit_payload(task_id, text, units),
            plan_id=plan_id,
            task_id=task_id,
            reason=reason,
        )

    def rename_plan(self, plan_id: str, title: str, *, reason: str) -> PlanChange:
        """方案更名 (coordinating office), travelling to the units like any plan change."""
        if not title.strip():
            raise StoreError("empty_title", plan_id)
        return self.record_plan_change(
            ChangeKind.RENAME_PLAN,
            json.dumps({"title": title.strip()[:500]}, ensure_ascii=False),
            plan_id=plan_id,
            reason=reason,
        )

    def remove_plan(self, plan_id: str, *, reason: str, removed: bool = True) -> PlanChange:
        """移除方案 (or bring it back): out of every list on every PC; nothing is deleted."""
        if not reason.strip():
            raise StoreError("empty_reason", plan_id)
        return self.record_plan_change(
            ChangeKind.REMOVE_PLAN, json.dumps({"removed": removed}), plan_id=plan_id, reason=reason
        )

    def mark_not_a_task(
        self, task_id: str, *, plan_id: str | None = None, reason: str = ""
    ) -> PlanChange:
        """A line the reading took for a task is none: it leaves the plan (kept in history)."""
        return self.record_plan_change(
            ChangeKind.NOT_A_TASK, "{}", plan_id=plan_id, task_id=task_id, reason=reason
        )

    def add_task(
        self,
        *,
        section_id: str,
        subsection_id: str | None,
        number: int,
        text: str,
        units: list[tuple[str, Role, str]],
        plan_id: str | None = None,
        reason: str = "",
    ) -> PlanChange:
        if not text.strip():
            raise StoreError("empty_text", str(number))
        if not units:
            raise StoreError("no_units", str(number))
        payload = {
            "number": number,
            "section_id": section_id,
            "subsection_id": subsection_id,
            "text": text.strip(),
            "units": units_payload(units),
        }
        return self.record_plan_change(
            ChangeKind.ADD_TASK,
            json.dumps(payload, ensure_ascii=False),
            plan_id=plan_id,
            task_id=str(uuid.uuid4()),
            reason=reason,
        )

    def close_task(
        self, task_id: str, *, closed: bool = True, plan_id: str | None = None, reason: str = ""
    ) -> PlanChange:
        """办结/销号 after the coordinating office reviewed the final report (or reopen)."""
        return self.record_plan_change(
            ChangeKind.CLOSE_TASK,
            json.dumps({"closed": closed}),
            plan_id=plan_id,
            task_id=task_id,
            reason=reason,
        )

    def plan_change_log(self, plan_id: str | None = None) -> list[PlanChange]:
        """计划修订记录, oldest first in causal order."""
        with self._sessions.begin() as s:
            changes = plan_changes(s, plan_row(s, plan_id).id)
        return sorted(changes, key=lambda c: (c.lamport, c.author_installation_id, c.change_id))

    def warning_days(self) -> int:
        with self._sessions.begin() as s:
            row = s.get(SettingRow, WARNING_DAYS_KEY)
            return int(row.value) if row and row.value.isdigit() else DEFAULT_WARNING_DAYS

    @retry_on_conflict
    def set_warning_days(self, days: int) -> None:
        if not 0 <= days <= 365:
            raise StoreError("bad_warning_days", str(days))
        with self._sessions.begin() as s:
            row = s.get(SettingRow, WARNING_DAYS_KEY)
            if row is None:
                s.add(SettingRow(key=WARNING_DAYS_KEY, value=str(days)))
            else:
                row.value = str(days)

    def lights(
        self, as_of: dt.date, plan_id: str | None = None
    ) -> tuple[PlanView, dict[str, TaskLight]]:
        """The plan and each task's status light on ``as_of`` (computed, never stored)."""
        warning = self.warning_days()
        with self._sessions.begin() as s:
            view = build_plan_view(s, plan_row(s, plan_id))
        return view, plan_lights(view, as_of, warning)
