"""Supervision layer: what the 台账's sheets hold, row by row (no openpyxl here).

Values are ``str``, ``int`` or ``datetime.date``; the workbook writer stores dates as real
Excel dates and every ``str`` as text (never a formula).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence

from domain.enums import Role
from domain.exchange_records import PlanChange
from domain.records import PlanView, ProgressRevision, TaskView
from domain.status_lights import TaskLight
from supervision.change_words import describe, kind_text, local_time

Value = str | int | dt.date | None

TASK_HEADERS = (
    ("序号", 6),
    ("部分", 16),
    ("方面", 16),
    ("任务内容", 60),
    ("牵头单位", 16),
    ("责任单位", 18),
    ("配合单位", 22),
    ("完成时限", 12),
    ("状态", 8),
    ("最新进展", 48),
    ("存在问题", 32),
    ("下一步计划", 32),
    ("填报人", 18),
    ("最近报送", 12),
)
HISTORY_HEADERS = (
    ("序号", 6),
    ("任务", 40),
    ("单位", 16),
    ("报送日期", 12),
    ("状态", 8),
    ("进度(%)", 8),
    ("工作进展", 48),
    ("存在问题", 32),
    ("下一步计划", 32),
    ("填报人", 10),
    ("联系电话", 14),
    ("说明", 18),
)
CHANGE_HEADERS = (
    ("时间", 17),
    ("类型", 10),
    ("任务序号", 8),
    ("修订内容", 60),
    ("修订原因", 30),
)


def task_rows(view: PlanView, lights: Mapping[str, TaskLight]) -> list[list[Value]]:
    rows: list[list[Value]] = []
    for task in view.all_tasks():
        reports = _current(task)
        deadline = task.deadline
        # Which unit said it, wherever the task has more than one unit.
        shared = len({a.unit_id for a in task.assignments}) > 1
        rows.append(
            [
                task.number,
                task.section_title,
                task.subsection_title or "",
                task.text,
                _names(task, Role.LEAD),
                _names(task, Role.RESPONSIBLE),
                _names(task, Role.COOPERATE),
                ("长期坚持" if deadline.long_term else deadline.date) if deadline else None,
                lights[task.id].light.label_zh,
                _per_unit(
                    reports,
                    lambda r: (
                        f"{r.status.label_zh} {r.percent}%（{r.report_date.isoformat()}）"
                        + (f" {r.work_done.strip()}" if r.work_done.strip() else "")
                    ),
                    named=True,
                ),
                _per_unit(reports, lambda r: r.problems.strip(), named=shared),
                _per_unit(reports, lambda r: r.next_steps.strip(), named=shared),
                _per_unit(
                    reports,
                    lambda r: "　".join(x for x in (r.reporter, r.phone) if x),
                    named=shared,
                ),
                max((r.report_date for r in reports), default=None),
            ]
        )
    return rows


def _current(task: TaskView) -> list[ProgressRevision]:
    """Each unit's current report, withdrawn ones left out, in the plan's unit order."""
    order = {a.unit_id: i for i, a in enumerate(task.assignments)}
    reports = [r for r in task.current_progress if not r.withdrawn]
    return sorted(reports, key=lambda r: (order.get(r.unit_id, len(order)), r.unit_name))


def _per_unit(
    reports: Sequence[ProgressRevision], text: Callable[[ProgressRevision], str], *, named: bool
) -> str:
    """One line per unit that filled the field; "单位：" in front when ``named``."""
    lines = []
    for rev in reports:
        value = text(rev)
        if value:
            lines.append(f"{rev.unit_name}：{value}" if named else value)
    return "\n".join(lines)


def _names(task: TaskView, role: Role) -> str:
    return "、".join(a.unit_name for a in task.units_with(role))


def history_rows(
    view: PlanView, history: Mapping[str, Iterable[ProgressRevision]]
) -> list[list[Value]]:
    """Every revision of every report, by task, unit and date (``history``: task id → revisions)."""
    current = {r.revision_id for t in view.all_tasks() for r in t.current_progress}
    rows: list[list[Value]] = []
    for task in view.all_tasks():
        revisions = sorted(
            history.get(task.id, ()),
            key=lambda r: (r.unit_name, r.report_date, r.lamport, r.revision_id),
        )
        for rev in revisions:
            rows.append(
                [
                    task.number,
                    task.first_line,
                    rev.unit_name,
                    rev.report_date,
                    rev.status.label_zh,
                    rev.percent,
                    rev.work_done,
                    rev.problems,
                    rev.next_steps,
                    rev.reporter,
                    rev.phone,
                    _notes(rev, rev.revision_id in current),
                ]
            )
    return rows


def _notes(rev: ProgressRevision, is_current: bool) -> str:
    notes = ["当前" if is_current else "已被修改"]
    if rev.withdrawn:
        notes.append("已撤回")
    if rev.on_behalf:
        notes.append("协调办公室代为录入")
    if rev.in_conflict:
        notes.append("存在并行修改")
    return "；".join(notes)


def change_rows(view: PlanView, changes: Iterable[PlanChange]) -> list[list[Value]]:
    numbers = {t.id: t.number for t in view.all_tasks()}
    ordered = sorted(
        (c for c in changes if c.plan_id == view.id),
        key=lambda c: (c.lamport, c.author_installation_id, c.change_id),
    )
    return [
        [
            local_time(c.authored_at),
            kind_text(c),
            numbers.get(c.task_id) if c.task_id else None,
            describe(c),
            c.reason,
        ]
        for c in ordered
    ]
