"""Exchange layer: domain records ⇄ the rows of an exchange file's tables."""

from __future__ import annotations

import datetime as dt

from domain.enums import ProgressStatus
from domain.exchange_records import PlanChange, Sender
from domain.records import ProgressRevision
from exchange.format import COLUMNS

Row = tuple[object, ...]


def columns(table: str) -> list[str]:
    return list(COLUMNS[table])


def installation_row(sender: Sender) -> Row:
    return (
        sender.installation_id,
        sender.name,
        sender.unit_id,
        sender.unit_name,
        int(sender.is_coordinating_office),
    )


def installation_from(row: Row) -> Sender:
    iid, name, unit_id, unit_name, office = row
    return Sender(str(iid), str(name), _opt(unit_id), str(unit_name), bool(office))


def revision_row(rev: ProgressRevision) -> Row:
    return (
        rev.revision_id,
        rev.report_id,
        rev.parent_revision_id,
        rev.task_id,
        rev.unit_id,
        rev.author_installation_id,
        rev.author_seq,
        rev.lamport,
        rev.authored_at,
        rev.status.value,
        rev.percent,
        rev.report_date.isoformat(),
        rev.work_done,
        rev.problems,
        rev.next_steps,
        rev.reporter,
        rev.phone,
        int(rev.withdrawn),
        int(rev.on_behalf),
    )


def revision_from(row: Row) -> ProgressRevision:
    """Raises ValueError for a value that passed the type check but means nothing."""
    (rid, report, parent, task, unit, author, seq, lamport, authored, status, percent, date,
     work, problems, steps, reporter, phone, withdrawn, on_behalf) = row  # fmt: skip
    return ProgressRevision(
        revision_id=str(rid),
        report_id=str(report),
        parent_revision_id=_opt(parent),
        task_id=str(task),
        unit_id=str(unit),
        unit_name="",
        author_installation_id=str(author),
        author_seq=int(str(seq)),
        lamport=int(str(lamport)),
        authored_at=str(authored),
        status=ProgressStatus(str(status)),
        percent=int(str(percent)),
        report_date=dt.date.fromisoformat(str(date)),
        work_done=str(work),
        problems=str(problems),
        next_steps=str(steps),
        reporter=str(reporter),
        phone=str(phone),
        withdrawn=bool(withdrawn),
        on_behalf=bool(on_behalf),
    )


def plan_change_row(change: PlanChange) -> Row:
    return (
        change.change_id,
        change.plan_id,
        change.author_installation_id,
        change.author_seq,
        change.lamport,
        change.authored_at,
        change.kind,
        change.task_id,
        change.payload,
        change.reason,
    )


def plan_change_from(row: Row) -> PlanChange:
    cid, plan, author, seq, lamport, authored, kind, task, payload, reason = row
    return PlanChange(
        change_id=str(cid),
        plan_id=str(plan),
        author_installation_id=str(author),
        author_seq=int(str(seq)),
        lamport=int(str(lamport)),
        authored_at=str(authored),
        kind=str(kind),
        task_id=_opt(task),
        payload=str(payload),
        reason=str(reason),
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
