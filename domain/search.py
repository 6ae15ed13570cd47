"""Domain layer: where a search word occurs in a task (搜索): its text, its units, each unit's
current report, the 批示 and the review reasons, with the words around the match (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.records import TaskView

#: Characters shown on each side of a match.
CONTEXT = 12


class HitPlace(StrEnum):
    TASK = "task"  # the task's text or its assignment wording
    UNIT = "unit"  # a unit's name
    REPORT = "report"  # a unit's current report (工作进展, 存在问题, 下一步, 说明)
    INSTRUCTION = "instruction"  # 领导批示
    REVIEW = "review"  # a 退回 / 通过 reason


@dataclass(frozen=True, slots=True)
class SearchHit:
    place: HitPlace
    #: Whose words: a unit's name for a report or review, the leader for a 批示, else "".
    owner: str
    #: The match with up to ``CONTEXT`` characters either side, "…" where cut.
    snippet: str


def snippet(text: str, needle: str, context: int = CONTEXT) -> str | None:
    """``text`` around the first ``needle`` on one line; None when it does not occur."""
    at = text.find(needle)
    if at < 0:
        return None
    start, end = max(0, at - context), min(len(text), at + len(needle) + context)
    cut = text[start:end].replace("\n", " ")
    return ("…" if start > 0 else "") + cut + ("…" if end < len(text) else "")


def search_hits(task: TaskView, needle: str) -> list[SearchHit]:
    """Every place ``needle`` occurs in ``task``, the task's own words first."""
    needle = needle.strip()
    if not needle:
        return []
    hits: list[SearchHit] = []

    def look(place: HitPlace, owner: str, *texts: str) -> None:
        for text in texts:
            found = snippet(text, needle)
            if found is not None:
                hits.append(SearchHit(place, owner, found))
                return

    look(HitPlace.TASK, "", task.text, task.assignment_text)
    for a in task.assignments:
        look(HitPlace.UNIT, a.unit_name, a.unit_name)
    names = {a.unit_id: a.unit_name for a in task.assignments}
    for rev in task.current_progress:
        owner = rev.unit_name or names.get(rev.unit_id, "")
        look(HitPlace.REPORT, owner, rev.work_done, rev.problems, rev.next_steps, rev.reason)
    for item in task.instructions:
        look(HitPlace.INSTRUCTION, item.leader, item.text)
    for review in task.reviews:
        look(HitPlace.REVIEW, names.get(review.unit_id, ""), review.reason)
    return hits


def search_text(task: TaskView) -> str:
    """Everything ``search_hits`` looks in, joined once (a fast first test per keystroke)."""
    parts = [task.text, task.assignment_text, *(a.unit_name for a in task.assignments)]
    for rev in task.current_progress:
        parts += [rev.work_done, rev.problems, rev.next_steps, rev.reason]
    parts += [i.text for i in task.instructions]
    parts += [r.reason for r in task.reviews]
    return "\n".join(parts)
