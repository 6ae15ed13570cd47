"""PDF and Word sheets: the words the sheets print, as plain text (no layout library here).

Both the ReportLab sheets and the Word ones take their cell texts from here, so a 清单
says the same thing on paper and in the .docx a clerk edits.
"""

from __future__ import annotations

import datetime as dt

from domain.records import ProgressRevision, TaskView
from domain.schedule import Deadline
from sheets.progress import ROLE_GROUPS


def day_zh(day: dt.date) -> str:
    """2026年12月3日: the 公文 date (no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def deadline_text(deadline: dt.date | Deadline | None) -> str:
    if isinstance(deadline, Deadline):
        if deadline.long_term:
            return "长期坚持"
        deadline = deadline.date
    return day_zh(deadline) if deadline else ""


def status_line(rev: ProgressRevision) -> str:
    """推进中 50%（2026年11月20日报送）."""
    return f"{rev.status.label_zh} {rev.percent}%（{day_zh(rev.report_date)}报送）"


def progress_parts(rev: ProgressRevision) -> list[tuple[str, str]]:
    """(label, text) of a report's filled fields: 工作进展, 存在问题, 下一步计划, 填报人."""
    parts = [
        (label, value.strip())
        for label, value in (
            ("工作进展", rev.work_done),
            ("存在问题", rev.problems),
            ("下一步计划", rev.next_steps),
        )
        if value.strip()
    ]
    who = "　".join(x.strip() for x in (rev.reporter, rev.phone) if x.strip())
    if who:
        parts.append(("填报人", who))
    return parts


def others_by_role(task: TaskView, unit_id: str) -> list[tuple[str, str]]:
    """The other units of a task by role: [("牵头", "哈尔滨海关"), ...]."""
    out = []
    for role in ROLE_GROUPS:
        names = [a.unit_name for a in task.units_with(role) if a.unit_id != unit_id]
        if names:
            out.append((role.value, "、".join(names)))
    return out


#: Where a long title may break, best first: after these words a phrase is complete.
_BREAK_AFTER = ("关于", "》", "的", "和", "与", "、", "，")
#: A line should not start with these (they belong to the word before).
_NO_START = set("》）」』”，。、；：的")


def title_lines(text: str, max_chars: int) -> list[str]:
    """Break a title into lines of at most ``max_chars`` at sensible places.

    GB/T 9704 asks for complete words on each line, lines of balanced length, and an
    upright shape (梯形或菱形). Candidates are the places after 关于, 》, 的, 和, 与 and
    punctuation; among the splits into the fewest lines, the one whose lines are most even
    wins, earlier breaks preferred on a tie. Without any candidate the title is cut evenly.
    """
    text = text.strip()
    if len(text) <= max_chars:
        return [text]
    candidates = sorted(
        {
            i + len(word)
            for word in _BREAK_AFTER
            for i in range(len(text))
            if text.startswith(word, i)
            and 0 < i + len(word) < len(text)
            and text[i + len(word)] not in _NO_START
        }
    )
    lines_needed = -(-len(text) // max_chars)
    for count in range(lines_needed, lines_needed + 3):
        best = _best_split(text, candidates, count, max_chars)
        if best is not None:
            return best
    # No sensible place: cut evenly, never leaving a mark at a line start.
    size = -(-len(text) // lines_needed)
    return [text[i : i + size] for i in range(0, len(text), size)]


def _best_split(text: str, candidates: list[int], count: int, max_chars: int) -> list[str] | None:
    """The most even split into ``count`` lines at candidate points, or None."""
    best: tuple[float, list[int]] | None = None

    def walk(start: int, chosen: list[int]) -> None:
        nonlocal best
        if len(chosen) == count - 1:
            if len(text) - start > max_chars:
                return
            cuts = [0, *chosen, len(text)]
            sizes = [b - a for a, b in zip(cuts, cuts[1:], strict=False)]
            spread = max(sizes) - min(sizes)
            if best is None or spread < best[0]:
                best = (spread, list(chosen))
            return
        for point in candidates:
            if start < point <= start + max_chars:
                walk(point, [*chosen, point])

    walk(0, [])
    if best is None:
        return None
    cuts = [0, *best[1], len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
