"""Plan parsing layer: give a parsed plan its content-derived ids, as a ``PlanView``.

The one place where position paths (``4.3.40``) and ids are made, used by
``parse --json`` and by the store when it saves a plan, so both agree on every PC.
"""

from __future__ import annotations

import uuid

from domain import ids
from domain.records import AssignmentView, PlanView, SectionView, SubsectionView, TaskView
from domain.schedule import Deadline
from domain.task_flags import TaskFlag
from plan_parser.deadlines import is_ongoing
from plan_parser.model import ParsedPlan, ParsedSection, ParsedSubsection, ParsedTask


def document_deadline(task: ParsedTask) -> Deadline | None:
    """The task's 完成时限 as its document gives it: a date, 长期坚持, or None (none given,
    or a wording such as "每季度末" that is no single date)."""
    if task.deadline is not None:
        return Deadline(date=task.deadline)
    if task.deadline_text and is_ongoing(task.deadline_text):
        return Deadline(long_term=True)
    return None


def task_path(section_pos: int, subsection_pos: int, task_number: int) -> str:
    """Section position, subsection position (0 for none), task number."""
    return f"{section_pos}.{subsection_pos}.{task_number}"


def plan_view_of(parsed: ParsedPlan) -> PlanView:
    plan_uuid = ids.plan_id(parsed.fingerprint)
    sections = tuple(
        _section_view(plan_uuid, pos, section) for pos, section in enumerate(parsed.sections, 1)
    )
    return PlanView(
        id=str(plan_uuid),
        title=parsed.title,
        issuer=parsed.issuer,
        issued_on=parsed.issued_on,
        addressees=parsed.addressees,
        fingerprint=parsed.fingerprint,
        sections=sections,
    )


def _section_view(plan_uuid: uuid.UUID, pos: int, section: ParsedSection) -> SectionView:
    def task(t: ParsedTask, sub_pos: int, sub: ParsedSubsection | None) -> TaskView:
        path = task_path(pos, sub_pos, t.number)
        return TaskView(
            id=str(ids.node_id(plan_uuid, path)),
            plan_id=str(plan_uuid),
            number=t.number,
            text=t.text,
            assignment_text=t.assignment,
            path=path,
            section_number=section.number,
            section_title=section.title,
            subsection_number=sub.number if sub else None,
            subsection_title=sub.title if sub else None,
            assignments=tuple(
                AssignmentView(str(ids.unit_id(u.name)), u.name, u.role, u.wording, u.group)
                for u in t.units
            ),
            label=t.label,
            problems=tuple(TaskFlag(p.code, p.line_no, p.message_zh) for p in t.problems),
            deadline=document_deadline(t),
            deadline_text=t.deadline_text or "",
            document_deadline=document_deadline(t),
        )

    return SectionView(
        id=str(ids.node_id(plan_uuid, str(pos))),
        number=section.number,
        title=section.title,
        subsections=tuple(
            SubsectionView(
                id=str(ids.node_id(plan_uuid, f"{pos}.{sub_pos}")),
                number=sub.number,
                title=sub.title,
                tasks=tuple(task(t, sub_pos, sub) for t in sub.tasks),
                label=sub.label,
            )
            for sub_pos, sub in enumerate(section.subsections, 1)
        ),
        tasks=tuple(task(t, 0, None) for t in section.tasks),
        label=section.label,
    )
