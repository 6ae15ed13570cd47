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
