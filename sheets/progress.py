"""PDF sheets layer: pure rules for what the sheets print about progress and numbering.

No ReportLab here, so the rules can be tested (and reused by the window) on their own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from domain.enums import ProgressStatus, Role
from domain.records import AssignmentView, PlanView, ProgressRevision, TaskView
from domain.status_lights import Light, TaskLight, owing_units

#: Column order of the summary: done first, "nothing reported" last.
STATUS_COLUMNS: tuple[ProgressStatus, ...] = (
    ProgressStatus.DONE,
    ProgressStatus.IN_PROGRESS,
    ProgressStatus.BLOCKED,
    ProgressStatus.NOT_STARTED,
)
#: Tasks with no report at all (not the 未按期报送 light, which is about the last round).
NOT_REPORTED = "从未报送"

ROLE_GROUPS: tuple[Role, ...] = (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATE)
ROLE_HEADINGS: dict[Role, str] = {
    Role.LEAD: "牵头任务",
    Role.RESPONSIBLE: "负责任务",
    Role.COOPERATE: "配合任务",
}

_ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一 (enough for section numbers, up to 99)."""
    if n < 10:
        return _ZH_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _ZH_DIGITS[tens]
    return head + "十" + (_ZH_DIGITS[ones] if ones else "")


def section_label(number: int, label: str = "") -> str:
    """The document's "一、" label, or one made from the number."""
    return label or f"{zh_number(number)}、"


def subsection_label(number: int, label: str = "") -> str:
    return label or f"（{zh_number(number)}）"


def task_label(task: TaskView) -> str:
    """The task number as the table prints it: ``20`` (the document's "20." loses its dot)."""
    return str(task.number)


def current_for_unit(task: TaskView, unit_id: str) -> ProgressRevision | None:
    """The unit's current progress on the task; a withdrawn report counts as none.

    With a conflict (two heads) the one with the higher (Lamport, installation) wins, the
    same deterministic choice DESIGN.md prescribes for display.
    """
    heads = [r for r in task.current_progress if r.unit_id == unit_id]
    if not heads:
        return None
    head = max(heads, key=lambda r: (r.lamport, r.author_installation_id))
    return None if head.withdrawn else head


def owners(task: TaskView) -> tuple[AssignmentView, ...]:
    """The units whose progress decides the task's status: leads, else the responsible
    units, else everyone named (cooperating units support; they do not finish a task)."""
    for role in (Role.LEAD, Role.RESPONSIBLE):
        found = task.units_with(role)
        if found:
            return found
    return task.assignments


def task_status(task: TaskView) -> ProgressStatus | None:
    """The task's status for the summary, from its owners' current progress.

    已完成 when every owner reports done; 受阻 when any owner is blocked; 推进中 when any
    owner has started or finished; 未启动 when owners reported only "not started"; None
    (未报送) when no owner has reported.
    """
    statuses = [
        r.status if r else None for r in (current_for_unit(task, a.unit_id) for a in owners(task))
    ]
    if statuses and all(s is ProgressStatus.DONE for s in statuses):
        return ProgressStatus.DONE
    if ProgressStatus.BLOCKED in statuses:
        return ProgressStatus.BLOCKED
    if ProgressStatus.IN_PROGRESS in statuses or ProgressStatus.DONE in statuses:
        return ProgressStatus.IN_PROGRESS
    if ProgressStatus.NOT_STARTED in statuses:
        return ProgressStatus.NOT_STARTED
    return None


@dataclass(frozen=True, slots=True)
class StatusCount:
    """One row of the summary: tasks counted by status."""

    label: str
    total: int
    by_status: dict[ProgressStatus, int]
    not_reported: int
    lead_count: int = 0
    #: From the status lights on the sheet's day, when the caller has them: tasks past
    #: their deadline (逾期) and tasks whose last round passed without a report (未按期报送).
    overdue: int | None = None
    late: int | None = None

    @property
    def done(self) -> int:
        return self.by_status.get(ProgressStatus.DONE, 0)

    @property
    def completion_rate(self) -> float:
        return self.done / self.total if self.total else 0.0


def count(
    label: str, statuses: Iterable[ProgressStatus | None], lead_count: int = 0
) -> StatusCount:
    by_status = dict.fromkeys(STATUS_COLUMNS, 0)
    total = missing = 0
    for status in statuses:
        total += 1
        if status is None:
            missing += 1
        else:
            by_status[status] += 1
    return StatusCount(label, total, by_status, missing, lead_count)


def section_counts(plan: PlanView) -> list[StatusCount]:
    rows = [
        count(f"{section_label(s.number, s.label)}{s.title}", map(task_status, s.all_tasks()))
        for s in plan.sections
    ]
    rows.append(count("合计", (task_status(t) for t in plan.all_tasks())))
    return rows


def unit_counts(plan: PlanView) -> list[StatusCount]:
    """Per unit: the unit's own current progress on each task it is named in."""
    rows = []
    for unit in plan.units():
        tasks = [t for t in plan.all_tasks() if t.has_unit(unit.unit_id)]
        statuses = []
        for t in tasks:
            head = current_for_unit(t, unit.unit_id)
            statuses.append(head.status if head else None)
        leads = sum(
            1
            for t in tasks
            if any(a.unit_id == unit.unit_id and a.role is Role.LEAD for a in t.assignments)
        )
        rows.append(count(unit.unit_name, statuses, leads))
    return rows


def with_section_lights(
    plan: PlanView, rows: list[StatusCount], lights: Mapping[str, TaskLight]
) -> list[StatusCount]:
    """:func:`section_counts` rows (the sections, then 合计) with 逾期 and 未按期报送 filled."""
    groups = [s.all_tasks() for s in plan.sections] + [plan.all_tasks()]
    return [
        dataclasses.replace(
            row,
            overdue=sum(lights[t.id].light is Light.OVERDUE for t in tasks),
            late=sum(lights[t.id].light is Light.UNREPORTED for t in tasks),
        )
        for row, tasks in zip(rows, groups, strict=True)
    ]


def with_unit_lights(
    plan: PlanView, rows: list[StatusCount], lights: Mapping[str, TaskLight]
) -> list[StatusCount]:
    """:func:`unit_counts` rows with the unit's own 逾期 (tasks it owes, past the deadline)
    and 未按期报送 (tasks whose last round has no report from it)."""
    out = []
    for row, unit in zip(rows, plan.units(), strict=True):
        tasks = [t for t in plan.all_tasks() if t.has_unit(unit.unit_id)]
        overdue = sum(
            lights[t.id].light is Light.OVERDUE and unit.unit_id in owing_units(t) for t in tasks
        )
        late = sum(unit.unit_id in lights[t.id].missing_units for t in tasks)
        out.append(dataclasses.replace(row, overdue=overdue, late=late))
    return out


def unit_role(task: TaskView, unit_id: str) -> Role | None:
    """The unit's role in the task (the strongest, if the document names it twice)."""
    roles = [a.role for a in task.assignments if a.unit_id == unit_id]
    return min(roles, key=lambda r: r.sort_key) if roles else None


def find_unit(plan: PlanView, key: str) -> AssignmentView | None:
    """A unit of the plan by id, by exact name, or by name without the 省 prefix."""
    key = key.strip()
    units = plan.units()
    for unit in units:
        if key in (unit.unit_id, unit.unit_name):
            return unit
    bare = key.removeprefix("省")
    matches = [u for u in units if u.unit_name.removeprefix("省") == bare]
    return matches[0] if len(matches) == 1 else None
