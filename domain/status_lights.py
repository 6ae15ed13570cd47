"""Domain layer: the status light of a task (已完成 / 逾期 / 未报送 / 临期 / 正常, and
已退回 / 待审核 where the coordinating office reviews reports), computed.

One pure function of (task, deadline, rounds, current reports and their reviews, as-of
date, warning window). Nothing stores a light; the date is always injected. The light is
the task's status everywhere (tree, unit list, filters, detail pane, dashboard, sheets,
ledger); a report's own 推进中 … is what the unit wrote, never the task's status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from domain.enums import ProgressStatus, Role
from domain.review_rules import ReviewState, counted_reports, returned_units, review_state
from domain.schedule import Deadline, RoundRule

if TYPE_CHECKING:
    from domain.records import PlanView, ProgressRevision, TaskView

DEFAULT_WARNING_DAYS = 7


class Light(StrEnum):
    DONE = "done"
    OVERDUE = "overdue"
    UNREPORTED = "unreported"
    DUE_SOON = "due_soon"
    RETURNED = "returned"
    PENDING_REVIEW = "pending_review"
    ON_TRACK = "on_track"

    @property
    def label_zh(self) -> str:
        return LIGHT_LABELS_ZH[self]


LIGHT_LABELS_ZH = {
    Light.DONE: "已完成",
    Light.OVERDUE: "逾期",
    Light.UNREPORTED: "未报送",
    Light.DUE_SOON: "临期",
    Light.RETURNED: "已退回",
    Light.PENDING_REVIEW: "待审核",
    Light.ON_TRACK: "正常",
}
#: Worst first: the order a dashboard sorts by.
LIGHT_ORDER = (
    Light.OVERDUE,
    Light.UNREPORTED,
    Light.RETURNED,
    Light.DUE_SOON,
    Light.PENDING_REVIEW,
    Light.ON_TRACK,
    Light.DONE,
)
#: What each word means, said once (tooltips, README, the command line).
LIGHT_MEANINGS_ZH = {
    Light.OVERDUE: "已过完成时限仍未完成（时限当天不算逾期）。",
    Light.UNREPORTED: (
        "报送节点已过，牵头或负责单位自上一节点以来没有报送进展（被退回的不算报送）。"
    ),
    Light.RETURNED: "协调办公室已将单位的进展退回修改，单位尚未重新报送。",
    Light.DUE_SOON: "完成时限或下一报送节点在临期提醒天数之内，且单位尚未报送。",
    Light.PENDING_REVIEW: "单位已报送，协调办公室尚未审核（仅在开始审核后显示）。",
    Light.ON_TRACK: "按计划推进，没有逾期、欠报或待处理的事项。",
    Light.DONE: "任务已办结，或每个牵头、负责单位最新报送的状态都是“已完成”。",
}


@dataclass(frozen=True, slots=True)
class TaskLight:
    light: Light
    deadline: Deadline | None
    #: Units that owe a report for the last passed round and have none (未报送).
    missing_units: tuple[str, ...]
    #: Days until the deadline (negative when overdue), None without a dated deadline.
    days_left: int | None


def owing_units(task: TaskView) -> tuple[str, ...]:
    """Units that owe reports: 牵头 and 负责 units (配合 units report through the lead);
    a task with only 配合 units makes them all owe."""
    owing = [a.unit_id for a in task.assignments if a.role is not Role.COOPERATE]
    return tuple(owing or (a.unit_id for a in task.assignments))


def is_done(task: TaskView, reports: tuple[ProgressRevision, ...], closed: bool) -> bool:
    if closed:
        return True
    latest = {r.unit_id: r for r in reports}
    owing = owing_units(task)
    return bool(owing) and all(
        u in latest and latest[u].status is ProgressStatus.DONE for u in owing
    )


def task_light(
    task: TaskView,
    *,
    deadline: Deadline | None,
    rounds: RoundRule | None,
    as_of: dt.date,
    warning_days: int = DEFAULT_WARNING_DAYS,
    closed: bool = False,
    review_in_use: bool = False,
) -> TaskLight:
    """``review_in_use``: the coordinating office reviews reports of this plan, so an
    unreviewed report shows 待审核 instead of 正常."""
    reports = counted_reports(task)  # each unit's latest report, less the returned ones
    days_left = (
        (deadline.date - as_of).days
        if deadline and deadline.date and not deadline.long_term
        else None
    )
    if is_done(task, reports, closed):
        return TaskLight(Light.DONE, deadline, (), days_left)
    if days_left is not None and days_left < 0:
        return TaskLight(Light.OVERDUE, deadline, (), days_left)
    missing: tuple[str, ...] = ()
    if rounds is not None:
        previous, last = rounds.last_passed(as_of)
        if last is not None:
            missing = _missing_since(task, reports, previous)
            if missing:
                return TaskLight(Light.UNREPORTED, deadline, missing, days_left)
    owing = set(owing_units(task))
    returned = tuple(u for u in owing_units(task) if u in returned_units(task))
    if returned:
        return TaskLight(Light.RETURNED, deadline, returned, days_left)
    if days_left is not None and days_left <= warning_days:
        return TaskLight(Light.DUE_SOON, deadline, (), days_left)
    if rounds is not None and rounds.next_due(as_of, warning_days) is not None:
        previous_round = rounds.last_passed(as_of)[1]
        if _missing_since(task, reports, previous_round):
            return TaskLight(Light.DUE_SOON, deadline, (), days_left)
    if review_in_use and any(
        r.unit_id in owing and review_state(r, task.reviews) is ReviewState.PENDING for r in reports
    ):
        return TaskLight(Light.PENDING_REVIEW, deadline, (), days_left)
    return TaskLight(Light.ON_TRACK, deadline, (), days_left)


def _missing_since(
    task: TaskView, reports: tuple[ProgressRevision, ...], since: dt.date | None
) -> tuple[str, ...]:
    """Owing units with no report dated after ``since`` (any report when since is None).
    A late report still counts: the unit is no longer silent."""
    latest = {r.unit_id: r for r in reports}
    return tuple(
        u
        for u in owing_units(task)
        if u not in latest or (since is not None and latest[u].report_date <= since)
    )


def plan_lights(
    view: PlanView, as_of: dt.date, warning_days: int = DEFAULT_WARNING_DAYS
) -> dict[str, TaskLight]:
    """Every task's light on ``as_of``."""
    tasks = view.all_tasks()
    review_in_use = any(t.reviews for t in tasks)
    return {
        task.id: task_light(
            task,
            deadline=task.deadline,
            rounds=view.rounds,
            as_of=as_of,
            warning_days=warning_days,
            closed=task.closed,
            review_in_use=review_in_use,
        )
        for task in tasks
    }
