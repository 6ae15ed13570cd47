"""Domain layer: the report rules (填报规则), in one place, as codes (ui/ turns them into words).

The progress dialog, the command line and the store all call ``progress_problems`` before a
revision is written; the merge and the history call ``stored_breaches`` on revisions that
already exist (older versions let a blank report through): those are kept and shown as such,
never rewritten.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from domain.enums import ProgressStatus

if TYPE_CHECKING:
    from domain.records import ProgressInput, ProgressRevision, TaskView

MAX_TEXT_LENGTH = 4000
MAX_SHORT_LENGTH = 100
MAX_REASON_LENGTH = 1000


class ProgressProblem(StrEnum):
    PERCENT_OUT_OF_RANGE = "percent_out_of_range"
    WORK_TEXT_REQUIRED = "work_text_required"
    REPORTER_REQUIRED = "reporter_required"
    DONE_NEEDS_FULL_PERCENT = "done_needs_full_percent"
    LOWER_PERCENT_NEEDS_REASON = "lower_percent_needs_reason"
    EDIT_REASON_REQUIRED = "edit_reason_required"
    WITHDRAW_REASON_REQUIRED = "withdraw_reason_required"
    UNIT_NOT_IN_TASK = "unit_not_in_task"
    TEXT_TOO_LONG = "text_too_long"


#: Chinese messages for the command line and for tests; the window translates via Qt.
PROBLEM_MESSAGES_ZH: dict[ProgressProblem, str] = {
    ProgressProblem.PERCENT_OUT_OF_RANGE: "完成百分比须在 0 到 100 之间。",
    ProgressProblem.WORK_TEXT_REQUIRED: "请填写工作进展。",
    ProgressProblem.REPORTER_REQUIRED: "请填写填报人。",
    ProgressProblem.DONE_NEEDS_FULL_PERCENT: "状态为“已完成”时，完成百分比应为 100%。",
    ProgressProblem.LOWER_PERCENT_NEEDS_REASON: (
        "完成百分比低于本单位上次报送的数值，请在“说明”中写明原因。"
    ),
    ProgressProblem.EDIT_REASON_REQUIRED: "修改已报送的进展，请填写修改原因。",
    ProgressProblem.WITHDRAW_REASON_REQUIRED: "撤回进展，请填写撤回原因。",
    ProgressProblem.UNIT_NOT_IN_TASK: "该单位在此项任务中没有分工，不能为其填报进展。",
    ProgressProblem.TEXT_TOO_LONG: "填写内容过长，请精简后再保存。",
}


def message_zh(problems: Iterable[ProgressProblem]) -> str:
    """One Chinese sentence per problem, in rule order (for the command line)."""
    return "".join(PROBLEM_MESSAGES_ZH[p] for p in problems)


def progress_problems(
    entry: ProgressInput, task: TaskView, previous: ProgressRevision | None = None
) -> list[ProgressProblem]:
    """Everything wrong with ``entry`` for ``task``; an empty list means it may be saved.

    ``previous`` is the unit's current report on the task (what a lower percent is compared
    with); None when it has none."""
    problems: list[ProgressProblem] = []
    if not task.has_unit(entry.unit_id):
        problems.append(ProgressProblem.UNIT_NOT_IN_TASK)
    if not 0 <= entry.percent <= 100:
        problems.append(ProgressProblem.PERCENT_OUT_OF_RANGE)
    reason = entry.reason.strip()
    if entry.withdrawn:
        if not reason:
            problems.append(ProgressProblem.WITHDRAW_REASON_REQUIRED)
    else:
        problems.extend(
            _content_problems(entry.work_done, entry.reporter, entry.status, entry.percent)
        )
        if entry.parent_revision_id and not reason:
            problems.append(ProgressProblem.EDIT_REASON_REQUIRED)
        elif (
            previous is not None
            and not previous.withdrawn
            and entry.percent < previous.percent
            and not reason
        ):
            problems.append(ProgressProblem.LOWER_PERCENT_NEEDS_REASON)
    long_fields = (entry.work_done, entry.problems, entry.next_steps)
    short_fields = (entry.reporter, entry.phone)
    if (
        any(len(f) > MAX_TEXT_LENGTH for f in long_fields)
        or any(len(f) > MAX_SHORT_LENGTH for f in short_fields)
        or len(entry.reason) > MAX_REASON_LENGTH
    ):
        problems.append(ProgressProblem.TEXT_TOO_LONG)
    return problems


def _content_problems(
    work_done: str, reporter: str, status: ProgressStatus, percent: int
) -> list[ProgressProblem]:
    out: list[ProgressProblem] = []
    if not work_done.strip():
        out.append(ProgressProblem.WORK_TEXT_REQUIRED)
    if not reporter.strip():
        out.append(ProgressProblem.REPORTER_REQUIRED)
    if status is ProgressStatus.DONE and percent < 100:
        out.append(ProgressProblem.DONE_NEEDS_FULL_PERCENT)
    return out


def stored_breaches(rev: ProgressRevision) -> list[ProgressProblem]:
    """The rules a revision already written breaks (one from an older Duban, arriving in an
    exchange file). Such revisions are kept as they are and marked, never rewritten."""
    if rev.withdrawn:
        return [] if rev.reason.strip() else [ProgressProblem.WITHDRAW_REASON_REQUIRED]
    out = _content_problems(rev.work_done, rev.reporter, rev.status, rev.percent)
    if rev.parent_revision_id and not rev.reason.strip():
        out.append(ProgressProblem.EDIT_REASON_REQUIRED)
    return out


def default_percent(status: ProgressStatus, percent: int) -> int:
    """已完成 means 100%: the form sets it when the clerk picks 已完成."""
    return 100 if status is ProgressStatus.DONE else percent
