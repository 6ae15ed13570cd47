"""Domain layer: frozen records that cross layers (store → window, sheets, exchange).

The store returns these, never live ORM objects, so the window can keep them for as
long as it likes and no query runs inside a Qt ``data()`` call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from domain.enums import ProgressStatus, ReviewDecision, Role

if TYPE_CHECKING:  # field types only: the window's first read needs none of these modules
    from domain.attachments import AttachmentChoice
    from domain.schedule import Deadline, RoundRule
    from domain.task_flags import TaskFlag


@dataclass(frozen=True, slots=True)
class AssignmentView:
    """分工: one unit's role in one task, with the document's own wording."""

    unit_id: str
    unit_name: str
    role: Role
    wording: str
    is_group: bool = False


@dataclass(frozen=True, slots=True)
class ProgressRevision:
    """进展情况: one revision of a unit's progress report on a task (append-only)."""

    revision_id: str
    report_id: str
    parent_revision_id: str | None
    task_id: str
    unit_id: str
    unit_name: str
    author_installation_id: str
    author_seq: int
    lamport: int
    authored_at: str
    status: ProgressStatus
    percent: int
    report_date: dt.date
    work_done: str
    problems: str = ""
    next_steps: str = ""
    reporter: str = ""
    phone: str = ""
    withdrawn: bool = False
    on_behalf: bool = False
    #: 修改原因 of an edit, 撤回原因 of a withdrawal, or the 说明 of a lower percent.
    reason: str = ""
    #: True when a sibling head exists (two PCs edited the same parent).
    in_conflict: bool = False


@dataclass(frozen=True, slots=True)
class ReportReview:
    """审核: the coordinating office's 通过 or 退回修改 of one revision of a unit's report."""

    review_id: str
    report_id: str
    revision_id: str
    task_id: str
    unit_id: str
    author_installation_id: str
    author_seq: int
    lamport: int
    authored_at: str
    decision: ReviewDecision
    reason: str = ""
    #: Who reviewed (a person's name; the installation is the office's).
    reviewer: str = ""


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """One decision of the 审核 dialog: 通过 or 退回修改 of the revision the office saw."""

    revision_id: str
    decision: ReviewDecision
    reason: str = ""
    reviewer: str = ""


@dataclass(frozen=True, slots=True)
class Instruction:
    """领导批示 / 督办意见 on a task, recorded by the coordinating office."""

    instruction_id: str
    plan_id: str
    task_id: str
    author_installation_id: str
    author_seq: int
    lamport: int
    authored_at: str
    text: str
    leader: str
    instructed_on: dt.date


@dataclass(frozen=True, slots=True)
class TaskView:
    """任务: a numbered task with its assignment and current progress per unit."""

    id: str
    plan_id: str
    number: int
    text: str
    assignment_text: str
    path: str
    section_number: int
    section_title: str
    subsection_number: int | None
    subsection_title: str | None
    assignments: tuple[AssignmentView, ...]
    #: Current (head) revision per unit that has reported, newest first.
    current_progress: tuple[ProgressRevision, ...] = ()
    #: The numbering as printed ("20.", "（三）").
    label: str = ""
    #: 完成时限 in force: the coordinating office's for this task, else the document's,
    #: else the plan's (``domain.plan_changes.apply_changes``).
    deadline: Deadline | None = None
    #: 完成时限 as the document writes it ("2019年6月底前完成", "长期坚持"; "" when none) and
    #: as read from that wording (a date, 长期坚持, or None for "每季度末" and the like).
    deadline_text: str = ""
    document_deadline: Deadline | None = None
    #: 办结/销号: closed by the coordinating office after reviewing the final report.
    closed: bool = False
    #: Added by a plan change (not in the original document).
    added: bool = False
    #: 待补充: why the document's assignment could not be read; () once the office gave
    #: the task its units (a plan change).
    problems: tuple[TaskFlag, ...] = ()
    #: 审核: the coordinating office's reviews of reports on this task, oldest first.
    reviews: tuple[ReportReview, ...] = ()
    #: 领导批示 / 督办意见 on this task, oldest first.
    instructions: tuple[Instruction, ...] = ()

    @property
    def needs_completion(self) -> bool:
        """待补充: still waiting for the coordinating office to complete its assignment."""
        return bool(self.problems)

    @property
    def first_line(self) -> str:
        head = self.text.split("。", 1)[0]
        return head if len(head) <= 60 else head[:59] + "…"

    def units_with(self, role: Role) -> tuple[AssignmentView, ...]:
        return tuple(a for a in self.assignments if a.role is role)

    def has_unit(self, unit_id: str) -> bool:
        return any(a.unit_id == unit_id for a in self.assignments)


@dataclass(frozen=True, slots=True)
class SubsectionView:
    """方面 （一）: second-level heading."""

    id: str
    number: int
    title: str
    tasks: tuple[TaskView, ...]
    label: str = ""


@dataclass(frozen=True, slots=True)
class SectionView:
    """部分 一、: top-level part. Tasks without a subsection sit in ``tasks``."""

    id: str
    number: int
    title: str
    subsections: tuple[SubsectionView, ...]
    tasks: tuple[TaskView, ...]
    label: str = ""

    def all_tasks(self) -> tuple[TaskView, ...]:
        out = list(self.tasks)
        for sub in self.subsections:
            out.extend(sub.tasks)
        return tuple(sorted(out, key=lambda t: t.number))


@dataclass(frozen=True, slots=True)
class PlanView:
    """分工方案: the whole plan as stored, ready to show or print."""

    id: str
    title: str
    issuer: str
    issued_on: dt.date | None
    addressees: str
    fingerprint: str
    sections: tuple[SectionView, ...]
    plan_deadline: Deadline | None = None
    rounds: RoundRule | None = None
    #: Removed by the coordinating office (a plan change): hidden, its data kept.
    removed: bool = False

    def all_tasks(self) -> tuple[TaskView, ...]:
        out: list[TaskView] = []
        for section in self.sections:
            out.extend(section.all_tasks())
        return tuple(sorted(out, key=lambda t: t.number))

    def task_by_number(self, number: int) -> TaskView | None:
        return next((t for t in self.all_tasks() if t.number == number), None)

    def units(self) -> tuple[AssignmentView, ...]:
        """Every unit named in the plan once, in order of first appearance."""
        seen: dict[str, AssignmentView] = {}
        for task in self.all_tasks():
            for a in task.assignments:
                seen.setdefault(a.unit_id, a)
        return tuple(seen.values())


@dataclass(frozen=True, slots=True)
class PlanSummary:
    id: str
    title: str
    issuer: str
    issued_on: dt.date | None
    fingerprint: str
    task_count: int
    removed: bool = False


@dataclass(frozen=True, slots=True)
class ProgressInput:
    """What a clerk types in the progress dialog (填报进展); the store adds identity."""

    task_id: str
    unit_id: str
    status: ProgressStatus
    percent: int
    report_date: dt.date
    work_done: str
    problems: str = ""
    next_steps: str = ""
    reporter: str = ""
    phone: str = ""
    #: The revision this one edits; None starts a new report.
    parent_revision_id: str | None = None
    withdrawn: bool = False
    #: 佐证材料: the report's complete set after this revision; None keeps the parent's.
    attachments: tuple[AttachmentChoice, ...] | None = None
    #: 修改原因 (edit), 撤回原因 (withdrawal) or 说明 (a percent lower than before).
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Installation:
    """This PC's installation: random id, a human name and the unit it serves."""

    id: str
    name: str
    unit_id: str | None
    unit_name: str | None
    is_coordinating_office: bool
    lamport: int = 0
    next_seq: int = 1
    extra: dict[str, str] = field(default_factory=dict)
    #: The unit under its 单位名录 name (what plans are filtered and counted by); the same
    #: as ``unit_id`` / ``unit_name`` unless the office declared this PC's name an alias.
    home_unit_id: str | None = None
    home_unit_name: str | None = None

    @property
    def configured(self) -> bool:
        return self.is_coordinating_office or self.unit_id is not None

    @property
    def counted_unit_id(self) -> str | None:
        """The id tasks name this PC's unit by (its canonical name's)."""
        return self.home_unit_id or self.unit_id
