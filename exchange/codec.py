"""Exchange layer: domain records ⇄ the rows of an exchange file's tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import cast

from domain.attachments import safe_file_name
from domain.enums import ProgressStatus, ReviewDecision
from domain.exchange_records import ExchangeAttachment, PlanChange, Sender
from domain.records import Instruction, ProgressRevision, ReportReview
from domain.revision_rows import revision_values
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
    """The file's row: the store's values less the reason (``note_row`` carries it)."""
    return revision_values(rev)[:-1]


#: A ``progress_revisions`` row as the format's checks let it through.
_RevisionRow = tuple[
    str, str, str | None, str, str, str, int, int, str, str, int, str,
    str, str, str, str, str, int, int,
]  # fmt: skip


def revision_from(row: Row) -> ProgressRevision:
    """Raises ValueError for a value that passed the type check but means nothing.

    ``row`` is one ``read_rows`` checked against the format's columns: its texts are str
    and its counters int already, so they go in as they are, and by position (in the
    record's field order): a long file makes 100,000 of these."""
    checked = cast(_RevisionRow, row)
    (rid, report, parent, task, unit, author, seq, lamport, authored, status, percent, date,
     work, problems, steps, reporter, phone, withdrawn, on_behalf) = checked  # fmt: skip
    return ProgressRevision(
        rid,
        report,
        parent,
        task,
        unit,
        "",  # unit_name: how this PC names the unit; the file does not carry it
        author,
        seq,
        lamport,
        authored,
        _STATUSES.get(status) or ProgressStatus(status),
        percent,
        _date(date),
        work,
        problems,
        steps,
        reporter,
        phone,
        bool(withdrawn),
        bool(on_behalf),
    )


#: A file's revisions share few statuses and report dates: each is made once (the dates are
#: immutable), not once per revision of a 100,000-revision file.
_STATUSES = {s.value: s for s in ProgressStatus}
_date = functools.lru_cache(maxsize=4096)(dt.date.fromisoformat)


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


def note_row(rev: ProgressRevision) -> Row:
    """The revision's reason (format 3 keeps it in ``revision_notes``, one row per reason)."""
    return (rev.revision_id, rev.reason)


def review_row(review: ReportReview) -> Row:
    return (
        review.review_id,
        review.report_id,
        review.revision_id,
        review.task_id,
        review.unit_id,
        review.author_installation_id,
        review.author_seq,
        review.lamport,
        review.authored_at,
        review.decision.value,
        review.reason,
        review.reviewer,
    )


def review_from(row: Row) -> ReportReview:
    (rid, report, revision, task, unit, author, seq, lamport, authored, decision, reason,
     reviewer) = row  # fmt: skip
    return ReportReview(
        review_id=str(rid),
        report_id=str(report),
        revision_id=str(revision),
        task_id=str(task),
        unit_id=str(unit),
        author_installation_id=str(author),
        author_seq=int(str(seq)),
        lamport=int(str(lamport)),
        authored_at=str(authored),
        decision=ReviewDecision(str(decision)),
        reason=str(reason),
        reviewer=str(reviewer),
    )


def instruction_row(item: Instruction) -> Row:
    return (
        item.instruction_id,
        item.plan_id,
        item.task_id,
        item.author_installation_id,
        item.author_seq,
        item.lamport,
        item.authored_at,
        item.text,
        item.leader,
        item.instructed_on.isoformat(),
    )


def instruction_from(row: Row) -> Instruction:
    iid, plan, task, author, seq, lamport, authored, text, leader, on = row
    return Instruction(
        instruction_id=str(iid),
        plan_id=str(plan),
        task_id=str(task),
        author_installation_id=str(author),
        author_seq=int(str(seq)),
        lamport=int(str(lamport)),
        authored_at=str(authored),
        text=str(text),
        leader=str(leader),
        instructed_on=dt.date.fromisoformat(str(on)),
    )


def with_notes(revisions: list[ProgressRevision], notes: list[Row]) -> list[ProgressRevision]:
    """Put each ``revision_notes`` reason on its revision. Raises ValueError for a note
    naming no revision of the file (a file is whole or refused)."""
    reasons = {str(rid): str(reason) for rid, reason in notes}
    known = {r.revision_id for r in revisions}
    stray = sorted(set(reasons) - known)
    if stray:
        raise ValueError(f"revision_notes names no revision of the file: {stray[0]}")
    return [
        dataclasses.replace(r, reason=reasons[r.revision_id]) if r.revision_id in reasons else r
        for r in revisions
    ]


def attachment_row(link: ExchangeAttachment) -> Row:
    return (link.revision_id, link.position, link.sha256, link.size, link.file_name)


def attachment_from(row: Row) -> ExchangeAttachment:
    """The name is made safe again: a crafted file cannot hand us a path or control codes."""
    revision, position, sha, size, name = row
    return ExchangeAttachment(
        str(revision), int(str(position)), str(sha), int(str(size)), safe_file_name(str(name))
    )


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
