"""Domain layer: 待补充 — why a task's assignment still needs the coordinating office.

A plan is stored whole: an item whose units could not be read is a task all the same,
carrying these flags (code, the document's line, the sentence a clerk reads). Every PC that
imports the same document gets the same flags; the office completes the task with a plan
change that gives it units, and the flags are gone on every PC that applies the change.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from domain.enums import Role


@dataclass(frozen=True, slots=True)
class TaskFlag:
    code: str  # "unreadable_assignment", "no_assignment", "doubtful_unit" …
    line: int  # the line in the document as imported
    message: str  # Chinese, with the line number


def flags_to_json(flags: Iterable[TaskFlag]) -> str:
    """Stored form ("" when there are none, so most rows stay empty)."""
    items = [{"code": f.code, "line": f.line, "message": f.message} for f in flags]
    return json.dumps(items, ensure_ascii=False) if items else ""


def flags_from_json(text: str | None) -> tuple[TaskFlag, ...]:
    """Tolerant: a value this version cannot read is one generic flag, never an error."""
    if not text:
        return ()
    try:
        items = json.loads(text)
        return tuple(
            TaskFlag(str(i["code"]), int(i.get("line") or 0), str(i["message"])) for i in items
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return (TaskFlag("unknown", 0, "分工待补充"),)


@dataclass(frozen=True, slots=True)
class TaskCorrection:
    """What the office changed in the import preview, stored as a plan change with the plan.

    ``units`` (name, role, wording) completes the task; ``not_a_task`` takes a line read as a
    task out of the plan. Kept as plan changes, not by rewriting the document's rows, so the
    units' PCs, which import the same document, end up with the same plan.

    Splitting a task edits it to its first part and adds the second as a new task (``after``:
    the task it follows; ``task_id`` is then the new task's id, made once at the office so
    every PC gets the same one). Joining a task with the next edits the first and takes the
    next out of the plan (``not_a_task`` with ``joined_into``: the task it went into).
    """

    task_id: str
    text: str | None = None
    units: tuple[tuple[str, Role, str], ...] | None = None
    not_a_task: bool = False
    after: str | None = None
    label: str | None = None  # of a task added by a split: its source's numbering
    joined_into: str | None = None
