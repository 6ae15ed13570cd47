"""Storage layer: build frozen domain records from rows (no ORM object leaves the store)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.enums import ProgressStatus, Role
from domain.plan_changes import apply_changes
from domain.progress_rules import latest_per_unit
from domain.records import (
    AssignmentView,
    PlanView,
    ProgressRevision,
    SectionView,
    SubsectionView,
    TaskView,
)
from models.orm import (
    AssignmentRow,
    PlanRow,
    ProgressRevisionRow,
    SectionRow,
    SubsectionRow,
    TaskRow,
    UnitRow,
)
from models.plan_change_rows import plan_changes


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
    )


def unit_names(session: Session) -> dict[str, str]:
    return {uid: name for uid, name in session.execute(select(UnitRow.id, UnitRow.name))}


def revisions_for_tasks(session: Session, task_ids: list[str]) -> dict[str, list[ProgressRevision]]:
    names = unit_names(session)
    out: dict[str, list[ProgressRevision]] = defaultdict(list)
    if not task_ids:
        return out
    # Plain tuples, not ORM objects: every plan's whole history is read on each start, and
    # mapped instances took three of every four seconds at 200,000 revisions (bench/README).
    r = ProgressRevisionRow
    query = select(
        r.revision_id, r.report_id, r.parent_revision_id, r.task_id, r.unit_id,
        r.author_installation_id, r.author_seq, r.lamport, r.authored_at, r.status, r.percent,
        r.report_date, r.work_done, r.problems, r.next_steps, r.reporter, r.phone,
        r.withdrawn, r.on_behalf,
    ).where(r.task_id.in_(task_ids))  # fmt: skip
    status = {s.value: s for s in ProgressStatus}
    for row in session.execute(query):
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
                status=status[row[9]],
                percent=row[10],
                report_date=row[11],
                work_done=row[12],
                problems=row[13],
                next_steps=row[14],
                reporter=row[15],
                phone=row[16],
                withdrawn=row[17],
                on_behalf=row[18],
            )
        )
    return out


def build_plan_view(session: Session, plan: PlanRow) -> PlanView:
    sections = session.scalars(
        select(SectionRow).where(SectionRow.plan_id == plan.id).order_by(SectionRow.position)
    ).all()
    section_ids = [s.id for s in sections]
    subsections = session.scalars(
        select(SubsectionRow)
        .where(SubsectionRow.section_id.in_(section_ids))
        .order_by(SubsectionRow.position)
    ).all()
    tasks = session.scalars(
        select(TaskRow).where(TaskRow.plan_id == plan.id).order_by(TaskRow.position, TaskRow.id)
    ).all()
    assignments: dict[str, list[AssignmentView]] = defaultdict(list)
    rows = session.execute(
        select(AssignmentRow, UnitRow)
        .join(UnitRow, AssignmentRow.unit_id == UnitRow.id)
        .join(TaskRow, AssignmentRow.task_id == TaskRow.id)
        .where(TaskRow.plan_id == plan.id)
        .order_by(AssignmentRow.task_id, AssignmentRow.position)
    )
    for assignment, unit in rows:
        assignments[assignment.task_id].append(
            AssignmentView(
                unit.id, unit.name, Role(assignment.role), assignment.wording, unit.is_group
            )
        )
    progress = revisions_for_tasks(session, [t.id for t in tasks])
    section_by_id = {s.id: s for s in sections}
    sub_by_id = {s.id: s for s in subsections}

    def task_view(row: TaskRow) -> TaskView:
        section = section_by_id[row.section_id]
        sub = sub_by_id.get(row.subsection_id) if row.subsection_id else None
        return TaskView(
            id=row.id,
            plan_id=row.plan_id,
            number=row.number,
            text=row.text,
            assignment_text=row.assignment_text,
            path=row.path,
            section_number=section.number,
            section_title=section.title,
            subsection_number=sub.number if sub else None,
            subsection_title=sub.title if sub else None,
            assignments=tuple(assignments.get(row.id, ())),
            current_progress=tuple(latest_per_unit(progress.get(row.id, []))),
            label=row.label,
        )

    views = [task_view(t) for t in tasks]
    by_section: dict[str, list[TaskView]] = defaultdict(list)
    by_sub: dict[str, list[TaskView]] = defaultdict(list)
    for row, view in zip(tasks, views, strict=True):
        if row.subsection_id:
            by_sub[row.subsection_id].append(view)
        else:
            by_section[row.section_id].append(view)
    section_views = tuple(
        SectionView(
            id=s.id,
            number=s.number,
            title=s.title,
            subsections=tuple(
                SubsectionView(
                    sub.id, sub.number, sub.title, tuple(by_sub.get(sub.id, ())), sub.label
                )
                for sub in subsections
                if sub.section_id == s.id
            ),
            tasks=tuple(by_section.get(s.id, ())),
            label=s.label,
        )
        for s in sections
    )
    base = PlanView(
        id=plan.id,
        title=plan.title,
        issuer=plan.issuer,
        issued_on=plan.issued_on,
        addressees=plan.addressees,
        fingerprint=plan.fingerprint,
        sections=section_views,
    )
    return apply_changes(base, plan_changes(session, plan.id))
