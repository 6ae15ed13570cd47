"""Storage layer: build a frozen ``PlanView`` from plain row tuples (no SQLAlchemy here).

One builder for both readers, so they cannot drift apart: ``models/views.py`` (the Store's
session) and ``models/fast_read.py`` (plain ``sqlite3``, read-only: the window's first fill
at start-up, before SQLAlchemy is imported). The readers run the same queries, in the same
order, and hand over the same tuples (dates as ``datetime.date``, flags as ``bool``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from domain.enums import ProgressStatus, ReviewDecision, Role
from domain.plan_change_record import PlanChange
from domain.progress_rules import latest_per_unit
from domain.records import (
    AssignmentView,
    Instruction,
    PlanView,
    ProgressRevision,
    ReportReview,
    SectionView,
    SubsectionView,
    TaskView,
)
from domain.schedule import Deadline
from domain.task_flags import flags_from_json
from domain.unit_fold import Aliases, canonical_revisions, fold_unit_names

#: id, title, issuer, issued_on, addressees, fingerprint
PlanTuple = tuple[str, str, str, dt.date | None, str, str]
#: id, number, label, title (by position)
SectionTuple = tuple[str, int, str, str]
#: id, section_id, number, label, title (by position)
SubsectionTuple = tuple[str, str, int, str, str]
#: id, plan_id, section_id, subsection_id, number, label, path, text, assignment_text,
#: problems (JSON, "" when none), deadline_text, deadline (a date), deadline_long_term
TaskTuple = tuple[
    str, str, str, str | None, int, str, str, str, str, str, str, dt.date | None, bool
]
#: task_id, unit_id, unit_name, role, wording, is_group (by task id, position)
AssignmentTuple = tuple[str, str, str, str, str, bool]

#: The columns of ``progress_revisions`` a ``ProgressRevision`` is made of, in this order.
REVISION_COLUMNS = (
    "revision_id", "report_id", "parent_revision_id", "task_id", "unit_id",
    "author_installation_id", "author_seq", "lamport", "authored_at", "status", "percent",
    "report_date", "work_done", "problems", "next_steps", "reporter", "phone",
    "withdrawn", "on_behalf", "reason",
)  # fmt: skip
#: The columns of ``report_reviews`` a ``ReportReview`` is made of, in its field order.
REVIEW_COLUMNS = (
    "review_id", "report_id", "revision_id", "task_id", "unit_id", "author_installation_id",
    "author_seq", "lamport", "authored_at", "decision", "reason", "reviewer",
)  # fmt: skip
#: The columns of ``instructions`` an ``Instruction`` is made of (``instructed_on`` a date).
INSTRUCTION_COLUMNS = (
    "instruction_id", "plan_id", "task_id", "author_installation_id", "author_seq", "lamport",
    "authored_at", "text", "leader", "instructed_on",
)  # fmt: skip

_STATUS = {s.value: s for s in ProgressStatus}


def revision_records(
    rows: Iterable[Sequence[Any]], names: Mapping[str, str]
) -> dict[str, list[ProgressRevision]]:
    """Rows of ``REVISION_COLUMNS`` (``report_date`` a date) → each task's revisions."""
    out: dict[str, list[ProgressRevision]] = defaultdict(list)
    for row in rows:
        out[row[3]].append(
            ProgressRevision(
                revision_id=row[0],
                report_id=row[1],
                parent_revision_id=row[2],
                task_id=row[3],
                unit_id=row[4],
                unit_name=names.get(row[4], ""),
                author_installation_id=row[5],
                author_seq=row[6],
                lamport=row[7],
                authored_at=row[8],
                status=_STATUS[row[9]],
                percent=row[10],
                report_date=row[11],
                work_done=row[12],
                problems=row[13],
                next_steps=row[14],
                reporter=row[15],
                phone=row[16],
                withdrawn=bool(row[17]),
                on_behalf=bool(row[18]),
                reason=row[19],
            )
        )
    return out


def review_records(rows: Iterable[Sequence[Any]]) -> dict[str, list[ReportReview]]:
    """Rows of ``REVIEW_COLUMNS`` → each task's reviews, oldest first (causal order)."""
    out: dict[str, list[ReportReview]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r[7], r[5], r[0])):
        values = list(row)
        values[9] = ReviewDecision(values[9])
        out[row[3]].append(ReportReview(*values))
    return out


def instruction_records(rows: Iterable[Sequence[Any]]) -> dict[str, list[Instruction]]:
    """Rows of ``INSTRUCTION_COLUMNS`` → each task's 批示, by date then causal order."""
    out: dict[str, list[Instruction]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r[9], r[5], r[3], r[0])):
        out[row[2]].append(Instruction(*row))
    return out


def _deadline(date: dt.date | None, long_term: bool) -> Deadline | None:
    """The document's 完成时限 as stored with the task (None: it names no single date)."""
    if date is not None:
        return Deadline(date=date)
    return Deadline(long_term=True) if long_term else None


def plan_view_from_rows(
    plan: PlanTuple,
    sections: Sequence[SectionTuple],
    subsections: Sequence[SubsectionTuple],
    tasks: Sequence[TaskTuple],
    assignment_rows: Iterable[AssignmentTuple],
    progress: Mapping[str, list[ProgressRevision]],
    changes: Iterable[PlanChange],
    reviews: Mapping[str, list[ReportReview]] | None = None,
    instructions: Mapping[str, list[Instruction]] | None = None,
    aliases: Aliases | None = None,
) -> PlanView:
    """The plan as read: current progress per unit with its reviews and 批示, then the plan
    changes folded in, then every unit under its 单位名录 name (``aliases``)."""
    aliases = aliases or {}
    reviews = reviews or {}
    instructions = instructions or {}
    assignments: dict[str, list[AssignmentView]] = defaultdict(list)
    for task_id, unit_id, unit_name, role, wording, is_group in assignment_rows:
        assignments[task_id].append(
            AssignmentView(unit_id, unit_name, Role(role), wording, bool(is_group))
        )
    section_by_id = {s[0]: s for s in sections}
    sub_by_id = {s[0]: s for s in subsections}
    by_section: dict[str, list[TaskView]] = defaultdict(list)
    by_sub: dict[str, list[TaskView]] = defaultdict(list)
    for (
        tid,
        plan_id,
        section_id,
        sub_id,
        number,
        label,
        path,
        text,
        assignment_text,
        flags,
        deadline_text,
        deadline_date,
        deadline_long_term,
    ) in tasks:
        section = section_by_id[section_id]
        sub = sub_by_id.get(sub_id) if sub_id else None
        document = _deadline(deadline_date, deadline_long_term)
        view = TaskView(
            id=tid,
            plan_id=plan_id,
            number=number,
            text=text,
            assignment_text=assignment_text,
            path=path,
            section_number=section[1],
            section_title=section[3],
            subsection_number=sub[2] if sub else None,
            subsection_title=sub[4] if sub else None,
            assignments=tuple(assignments.get(tid, ())),
            current_progress=tuple(
                latest_per_unit(canonical_revisions(progress.get(tid, []), aliases))
            ),
            label=label,
            problems=flags_from_json(flags),
            reviews=tuple(reviews.get(tid, ())),
            instructions=tuple(instructions.get(tid, ())),
            deadline=document,
            deadline_text=deadline_text,
            document_deadline=document,
        )
        (by_sub[sub_id] if sub_id else by_section[section_id]).append(view)
    section_views = tuple(
        SectionView(
            id=sid,
            number=number,
            title=title,
            subsections=tuple(
                SubsectionView(sub[0], sub[2], sub[4], tuple(by_sub.get(sub[0], ())), sub[3])
                for sub in subsections
                if sub[1] == sid
            ),
            tasks=tuple(by_section.get(sid, ())),
            label=label,
        )
        for sid, number, label, title in sections
    )
    pid, title, issuer, issued_on, addressees, fingerprint = plan
    base = PlanView(
        id=pid,
        title=title,
        issuer=issuer,
        issued_on=issued_on,
        addressees=addressees,
        fingerprint=fingerprint,
        sections=section_views,
    )
    changes = [c for c in changes if c.plan_id == pid]
    if changes:
        # Imported here: most plans have no changes, and the window's first fill reads
        # its plans through this module before anything else needs it.
        from domain.plan_changes import apply_changes

        base = apply_changes(base, changes)
    return fold_unit_names(base, aliases)
