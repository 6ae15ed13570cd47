"""Storage layer: build frozen domain records from rows (no ORM object leaves the store).

The plan view itself is built by ``models.plan_view_rows`` from the tuples read here
(``models/fast_read.py`` reads the same tuples with plain sqlite3 at start-up).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from domain.enums import ProgressStatus
from domain.records import Instruction, PlanView, ProgressRevision, ReportReview
from models.directory_rows import directory_aliases
from models.orm import (
    AssignmentRow,
    InstructionRow,
    PlanRow,
    ProgressRevisionRow,
    ReportReviewRow,
    SectionRow,
    SubsectionRow,
    TaskRow,
    UnitRow,
)
from models.plan_change_rows import plan_changes
from models.plan_view_rows import (
    INSTRUCTION_COLUMNS,
    REVIEW_COLUMNS,
    REVISION_COLUMNS,
    instruction_records,
    plan_view_from_rows,
    review_records,
    revision_records,
)


def revision_record(row: ProgressRevisionRow, unit_name: str) -> ProgressRevision:
    return ProgressRevision(
        revision_id=row.revision_id,
        report_id=row.report_id,
        parent_revision_id=row.parent_revision_id,
        task_id=row.task_id,
        unit_id=row.unit_id,
        unit_name=unit_name,
        author_installation_id=row.author_installation_id,
        author_seq=row.author_seq,
        lamport=row.lamport,
        authored_at=row.authored_at,
        status=ProgressStatus(row.status),
        percent=row.percent,
        report_date=row.report_date,
        work_done=row.work_done,
        problems=row.problems,
        next_steps=row.next_steps,
        reporter=row.reporter,
        phone=row.phone,
        withdrawn=row.withdrawn,
        on_behalf=row.on_behalf,
        reason=row.reason,
    )


def unit_names(session: Session) -> dict[str, str]:
    return {uid: name for uid, name in session.execute(select(UnitRow.id, UnitRow.name))}


def revisions_for_tasks(
    session: Session, task_ids: list[str], *, heads_only: bool = False
) -> dict[str, list[ProgressRevision]]:
    """The tasks' revisions; with ``heads_only`` just the heads of the report chains (the
    revisions no other revision edits): all that current reports and lights are made of."""
    if not task_ids:
        return defaultdict(list)
    # Plain tuples, not ORM objects: mapped instances took three of every four seconds at
    # 200,000 revisions (bench/README).
    r = ProgressRevisionRow
    columns = [getattr(r, name) for name in REVISION_COLUMNS]
    query = select(*columns).where(r.task_id.in_(task_ids))
    if heads_only:
        edited = aliased(ProgressRevisionRow)
        query = query.where(
            r.revision_id.not_in(
                select(edited.parent_revision_id).where(
                    edited.task_id.in_(task_ids), edited.parent_revision_id.is_not(None)
                )
            )
        )
    return revision_records(session.execute(query), unit_names(session))


def reviews_for_plan(session: Session, plan_id: str) -> dict[str, list[ReportReview]]:
    r = ReportReviewRow
    columns = [getattr(r, name) for name in REVIEW_COLUMNS]
    in_plan = select(TaskRow.id).where(TaskRow.plan_id == plan_id)
    return review_records(session.execute(select(*columns).where(r.task_id.in_(in_plan))))


def instructions_for_plan(session: Session, plan_id: str) -> dict[str, list[Instruction]]:
    i = InstructionRow
    columns = [getattr(i, name) for name in INSTRUCTION_COLUMNS]
    return instruction_records(session.execute(select(*columns).where(i.plan_id == plan_id)))


def build_plan_view(session: Session, plan: PlanRow, *, fold_units: bool = True) -> PlanView:
    """The plan as a clerk sees it; ``fold_units=False`` keeps the names as each plan
    wrote them (the 单位名录 dialog lists those)."""
    s, sub, t, a, u = SectionRow, SubsectionRow, TaskRow, AssignmentRow, UnitRow
    sections = session.execute(
        select(s.id, s.number, s.label, s.title).where(s.plan_id == plan.id).order_by(s.position)
    ).all()
    subsections = session.execute(
        select(sub.id, sub.section_id, sub.number, sub.label, sub.title)
        .where(sub.section_id.in_([row[0] for row in sections]))
        .order_by(sub.position)
    ).all()
    tasks = session.execute(
        select(
            t.id, t.plan_id, t.section_id, t.subsection_id, t.number, t.label, t.path, t.text,
            t.assignment_text, t.problems, t.deadline_text, t.deadline, t.deadline_long_term,
        ).where(t.plan_id == plan.id).order_by(t.position, t.id)
    ).all()  # fmt: skip
    assignments = session.execute(
        select(a.task_id, u.id, u.name, a.role, a.wording, u.is_group)
        .join(u, a.unit_id == u.id)
        .join(t, a.task_id == t.id)
        .where(t.plan_id == plan.id)
        .order_by(a.task_id, a.position)
    ).all()
    header = (plan.id, plan.title, plan.issuer, plan.issued_on, plan.addressees, plan.fingerprint)
    # Current reports only need the chains' heads: a fifth of the rows with chains of five.
    progress = revisions_for_tasks(session, [row[0] for row in tasks], heads_only=True)
    return plan_view_from_rows(
        header,
        [tuple(row) for row in sections],  # type: ignore[misc]
        [tuple(row) for row in subsections],  # type: ignore[misc]
        [tuple(row) for row in tasks],
        [tuple(row) for row in assignments],  # type: ignore[misc]
        progress,
        plan_changes(session, plan.id),
        reviews_for_plan(session, plan.id),
        instructions_for_plan(session, plan.id),
        directory_aliases(session) if fold_units else None,
    )
