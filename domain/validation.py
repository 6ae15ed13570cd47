"""Domain layer: the rules a progress entry must satisfy, as codes (ui/ turns them into words)."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from domain.enums import ProgressStatus

if TYPE_CHECKING:
    from domain.records import ProgressInput, TaskView

MAX_TEXT_LENGTH = 4000
MAX_SHORT_LENGTH = 100


class ProgressProblem(StrEnum):
    PERCENT_OUT_OF_RANGE = "percent_out_of_range"
    WORK_TEXT_REQUIRED = "work_text_required"
    UNIT_NOT_IN_TASK = "unit_not_in_task"
    TEXT_TOO_LONG = "text_too_long"


#: Chinese messages for the command line and for tests; the window translates via Qt.
PROBLEM_MESSAGES_ZH: dict[ProgressProblem, str] = {
    ProgressProblem.PERCENT_OUT_OF_RANGE: "完成百分比须在 0 到 100 之间。",
    ProgressProblem.WORK_TEXT_REQUIRED: "状态为“已完成”时，须填写工作进展。",
    ProgressProblem.UNIT_NOT_IN_TASK: "该单位在此项任务中没有分工，不能为其填报进展。",
    ProgressProblem.TEXT_TOO_LONG: "填写内容过长，请精简后再保存。",
}


def progress_problems(entry: ProgressInput, task: TaskView) -> list[ProgressProblem]:
    """Everything wrong with ``entry`` for ``task``; an empty list means it may be saved."""
    problems: list[ProgressProblem] = []
    if not task.has_unit(entry.unit_id):
        problems.append(ProgressProblem.UNIT_NOT_IN_TASK)
    if not 0 <= entry.percent <= 100:
        problems.append(ProgressProblem.PERCENT_OUT_OF_RANGE)
    if entry.status is ProgressStatus.DONE and not entry.withdrawn and not entry.work_done.strip():
        problems.append(ProgressProblem.WORK_TEXT_REQUIRED)
    long_fields = (entry.work_done, entry.problems, entry.next_steps)
    short_fields = (entry.reporter, entry.phone)
    if any(len(f) > MAX_TEXT_LENGTH for f in long_fields) or any(
        len(f) > MAX_SHORT_LENGTH for f in short_fields
    ):
        problems.append(ProgressProblem.TEXT_TOO_LONG)
    return problems
