"""Storage layer: save a parsed plan as rows, with the ids ``plan_parser.to_view`` derives."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.records import PlanView
from domain.task_flags import flags_to_json
from models.orm import AssignmentRow, PlanRow, SectionRow, SubsectionRow, TaskRow, UnitRow
from plan_parser import ParsedPlan
from plan_parser.to_view import plan_view_of, task_path


def add_parsed_plan(session: Session, parsed: ParsedPlan, position: int) -> PlanView:
    view = plan_view_of(parsed)
    session.add(
        PlanRow(
            id=view.id,
            title=view.title,
            issuer=view.issuer,
            issued_on=view.issued_on,
            addressees=view.addressees,
            fingerprint=view.fingerprint,
            source_text=parsed.text,
            position=position,
            imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
    )
    known = set(session.scalars(select(UnitRow.id)))
    for unit in view.units():
        if unit.unit_id not in known:
            session.add(UnitRow(id=unit.unit_id, name=unit.unit_name, is_group=unit.is_group))
    # No ORM relationships, so the unit of work cannot order inserts by foreign key:
    # each level is flushed before its children.
    session.flush()
    tasks: list[TaskRow] = []
    for s_pos, section in enumerate(view.sections, 1):
        session.add(
            SectionRow(
                id=section.id,
                plan_id=view.id,
                number=section.number,
                label=section.label,
                title=section.title,
                position=s_pos,
            )
        )
        for sub_pos, sub in enumerate(section.subsections, 1):
            session.add(
                SubsectionRow(
                    id=sub.id,
                    section_id=section.id,
                    number=sub.number,
                    label=sub.label,
                    title=sub.title,
                    position=sub_pos,
                )
            )
        for sub_id, task in [(None, t) for t in section.tasks] + [
            (sub.id, t) for sub in section.subsections for t in sub.tasks
        ]:
            tasks.append(
                TaskRow(
                    id=task.id,
                    plan_id=view.id,
                    section_id=section.id,
                    subsection_id=sub_id,
                    number=task.number,
                    label=task.label,
                    path=task.path,
                    text=task.text,
                    assignment_text=task.assignment_text,
                    position=0,
                    problems=flags_to_json(task.problems),
                    deadline_text=task.deadline_text,
                    deadline=task.document_deadline.date if task.document_deadline else None,
                    deadline_long_term=bool(
                        task.document_deadline and task.document_deadline.long_term
                    ),
                )
            )
    # Position = line order in the document (a section's own tasks may follow subsections).
    line_of = {
        task_path(s_pos, sub_pos, t.number): t.line_no
        for s_pos, section in enumerate(parsed.sections, 1)
        for sub_pos, group in [(0, section.tasks)]
        + [(i, sub.tasks) for i, sub in enumerate(section.subsections, 1)]
        for t in group
    }
    for position, row in enumerate(sorted(tasks, key=lambda r: line_of[r.path]), 1):
        row.position = position
    session.add_all(tasks)
    session.flush()
    session.add_all(
        AssignmentRow(
            task_id=task.id,
            unit_id=a.unit_id,
            role=a.role.value,
            wording=a.wording,
            position=i,
        )
        for task in view.all_tasks()
        for i, a in enumerate(task.assignments)
    )
    session.flush()
    return view
