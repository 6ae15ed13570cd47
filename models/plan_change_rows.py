"""Storage layer: keep the rows a plan change needs (new tasks, new units) and read the log.

Text edits, deadlines, rounds and closures are applied when the plan is read
(``domain.plan_changes``); only what progress must refer to by foreign key — an added
task, a unit named for the first time — becomes rows, idempotently.
"""

from __future__ import annotations

import dataclasses
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain import ids
from domain.enums import Role
from domain.exchange_records import PlanChange
from domain.plan_changes import PAYLOAD_ERRORS, ChangeKind
from models.orm import AssignmentRow, PlanChangeRow, SectionRow, SubsectionRow, TaskRow, UnitRow

ADDED_TASK_POSITION = 1_000_000


_FIELDS = [f.name for f in dataclasses.fields(PlanChange)]


def plan_changes(session: Session, plan_id: str) -> list[PlanChange]:
    rows = session.scalars(select(PlanChangeRow).where(PlanChangeRow.plan_id == plan_id))
    return [PlanChange(**{name: getattr(r, name) for name in _FIELDS}) for r in rows]


def header_changes(session: Session) -> dict[str, list[PlanChange]]:
    """Every plan's renames and removals (one query: plan lists read them for all plans)."""
    kinds = [ChangeKind.RENAME_PLAN.value, ChangeKind.REMOVE_PLAN.value]
    out: dict[str, list[PlanChange]] = {}
    for r in session.scalars(select(PlanChangeRow).where(PlanChangeRow.kind.in_(kinds))):
        out.setdefault(r.plan_id, []).append(
            PlanChange(**{name: getattr(r, name) for name in _FIELDS})
        )
    return out


def save_change(session: Session, change: PlanChange) -> None:
    """Append a plan change to the log, with the rows it needs (idempotent by change id)."""
    if session.get(PlanChangeRow, change.change_id) is not None:
        return
    materialize(session, change)
    session.add(PlanChangeRow(**dataclasses.asdict(change)))


def materialize(session: Session, change: PlanChange) -> None:
    if change.kind not in (ChangeKind.ADD_TASK, ChangeKind.EDIT_TASK):
        return
    try:
        data = json.loads(change.payload)
        units = [
            (str(u["name"]).strip(), Role(u["role"]), str(u.get("wording", "")))
            for u in data.get("units", [])
        ]
    except PAYLOAD_ERRORS:
        return  # unreadable payloads stay in the log only
    for name, _, _ in units:
        uid = str(ids.unit_id(name))
        if name and session.get(UnitRow, uid) is None:
            session.add(UnitRow(id=uid, name=name, is_group=False))
    session.flush()
    if change.kind != ChangeKind.ADD_TASK or not change.task_id:
        return
    if session.get(TaskRow, change.task_id) is not None:
        return
    section = session.get(SectionRow, str(data.get("section_id")))
    sub_id = data.get("subsection_id")
    sub = session.get(SubsectionRow, str(sub_id)) if sub_id else None
    if section is None or section.plan_id != change.plan_id or (sub_id and sub is None):
        return  # names a place this plan does not have: kept in the log, not applied
    try:
        # Not "max + 1": arrival order differs between PCs; causal order does not.
        position = ADDED_TASK_POSITION + change.lamport
        session.add(
            TaskRow(
                id=change.task_id,
                plan_id=change.plan_id,
                section_id=str(data["section_id"]),
                subsection_id=data.get("subsection_id"),
                number=int(data["number"]),
                label=str(data.get("label") or f"{int(data['number'])}.")[:20],
                path=f"+{change.task_id[:8]}",
                text=str(data["text"]),
                assignment_text="",
                position=position,
            )
        )
        session.flush()
    except (ValueError, KeyError, TypeError):
        return
    for index, (name, role, wording) in enumerate(units):
        session.add(
            AssignmentRow(
                task_id=change.task_id,
                unit_id=str(ids.unit_id(name)),
                role=role.value,
                wording=wording,
                position=index,
            )
        )
    session.flush()
