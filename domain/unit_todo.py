"""Domain layer: 本单位待办, what a unit's PC shows on start (pure, date injected).

The unit's tasks that need it now: overdue (逾期), due soon (临期), owing a report for a
round that passed (未报送), or sent back by the coordinating office (已退回, with the
reason). Each item names its 批示 too. Worst first, then by task number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from domain.enums import ReviewDecision
from domain.review_rules import decisive_review
from domain.status_lights import Light, TaskLight, owing_units

if TYPE_CHECKING:
    from domain.records import Instruction, PlanView, TaskView

#: How far ahead the next round is looked for (a year covers every rule).
ROUND_HORIZON_DAYS = 400


class TodoReason(StrEnum):
    RETURNED = "returned"  # 已退回修改
    OVERDUE = "overdue"  # 逾期
    OWES_REPORT = "owes_report"  # 未报送
    DUE_SOON = "due_soon"  # 临期

    @property
    def label_zh(self) -> str:
        return TODO_LABELS_ZH[self]


TODO_LABELS_ZH = {
    TodoReason.RETURNED: "已退回",
    TodoReason.OVERDUE: "逾期",
    TodoReason.OWES_REPORT: "未报送",
    TodoReason.DUE_SOON: "临期",
}
_ORDER = tuple(TodoReason)


@dataclass(frozen=True, slots=True)
class TodoItem:
    task: TaskView
    light: TaskLight
    reasons: tuple[TodoReason, ...]
    #: Why the office sent the unit's report back (退回原因), when it did.
    return_reason: str = ""
    instructions: tuple[Instruction, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitTodo:
    unit_id: str
    items: tuple[TodoItem, ...]
    #: The next report round (报送节点) on or after the day, None without rounds.
    next_round: dt.date | None


def unit_todo(
    view: PlanView, lights: dict[str, TaskLight], unit_id: str, as_of: dt.date
) -> UnitTodo:
    items: list[TodoItem] = []
    for task in view.all_tasks():
        if not task.has_unit(unit_id) or task.closed:
            continue
        light = lights[task.id]
        reasons: list[TodoReason] = []
        mine = next((r for r in task.current_progress if r.unit_id == unit_id), None)
        review = decisive_review(mine, task.reviews) if mine else None
        returned = review is not None and review.decision is ReviewDecision.RETURNED
        if returned:
            reasons.append(TodoReason.RETURNED)
        owes = unit_id in owing_units(task)
        if light.light is Light.OVERDUE and owes:
            reasons.append(TodoReason.OVERDUE)
        if light.light is Light.UNREPORTED and unit_id in light.missing_units:
            reasons.append(TodoReason.OWES_REPORT)
        if light.light is Light.DUE_SOON and owes:
            reasons.append(TodoReason.DUE_SOON)
        if reasons:
            items.append(
                TodoItem(
                    task,
                    light,
                    tuple(sorted(set(reasons), key=_ORDER.index)),
                    review.reason if returned and review else "",
                    task.instructions,
                )
            )
    items.sort(key=lambda i: (_ORDER.index(i.reasons[0]), i.task.number))
    rounds = view.rounds
    next_round = rounds.next_due(as_of, ROUND_HORIZON_DAYS) if rounds is not None else None
    return UnitTodo(unit_id, tuple(items), next_round)
