"""Plan parsing layer: the numbered-item tree of a plan text.

Items nest by numbering style, ranked in order of first appearance; plain lines join the
item above them. Which items are tasks is decided later, from their assignments.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from plan_parser.assignment import UNIT_LABELS, bracket_groups, mentions_roles
from plan_parser.errors import ParseProblem
from plan_parser.model import ParsedUnit
from plan_parser.numbering import Numbered, Style, match_numbering

_STOP_LINE = re.compile(r"^(抄送|附件[：:]|印发|（此件|\(此件)")
_LABEL_LINE = re.compile(r"^(" + "|".join(UNIT_LABELS) + r")\s*[：:]")
_SENTENCE_END = ("。", "；", "：", "！", "？", "）", ")")


@dataclass
class Item:
    numbered: Numbered
    line_no: int
    rank: int
    lines: list[str]
    labels: list[tuple[int, str]] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    units: list[ParsedUnit] = field(default_factory=list)
    assignment: str = ""
    text: str = ""
    problem: ParseProblem | None = None
    index: int = 0  # position among the (cut) lines, for "below the declaration"
    carried: list[ParsedUnit] = field(default_factory=list)
    #: (line, clause) of assignment clauses that name an organ but gave no unit.
    unread: list[tuple[int, str]] = field(default_factory=list)
    #: A bracket standing alone on the line after the item's own line, before any child.
    covering_bracket: bool = False
    #: An unnumbered paragraph with its own assignment, following a numbered item.
    unnumbered: bool = False

    def walk(self) -> list[Item]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def build_tree(
    lines: list[str],
    line_nos: list[int],
    start: int,
    task_style: Style | None,
    resume_at: int | None = None,
) -> list[Item]:
    """Nest numbered items by style, ranking styles in order of first appearance."""
    ranks: dict[Style, int] = {}
    roots: list[Item] = []
    stack: list[Item] = []
    for index in range(start, len(lines)):
        line, line_no = lines[index], line_nos[index]
        if not line:
            continue
        if _STOP_LINE.match(line):
            if resume_at is not None and index < resume_at:
                stack.clear()  # the annex list ends the body; its table follows
                continue
            break
        numbered = match_numbering(line)
        if numbered is None:
            following = next((x for x in lines[index + 1 :] if x), "")
            if stack and _starts_own_paragraph_task(stack[-1], line, following):
                top = stack.pop()
                pseudo = Numbered(top.numbered.style, top.numbered.number, "", line)
                item = Item(pseudo, line_no, top.rank, [line], index=index, unnumbered=True)
                (stack[-1].children if stack else roots).append(item)
                stack.append(item)
            elif stack:
                _attach_plain_line(stack, line_no, line, task_style)
            continue
        rank = ranks.setdefault(numbered.style, len(ranks))
        while stack and stack[-1].rank >= rank:
            stack.pop()
        item = Item(numbered, line_no, rank, [numbered.rest], index=index)
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return roots


def _attach_plain_line(
    stack: list[Item], line_no: int, line: str, task_style: Style | None
) -> None:
    if not _LABEL_LINE.match(line):
        if not stack[-1].children and _is_lone_bracket(line):
            stack[-1].covering_bracket = True
        stack[-1].lines.append(line)
        return
    # A "责任单位：…" line after a task's numbered steps belongs to the task, not the last step.
    target = stack[-1]
    if task_style is not None:
        target = next((it for it in reversed(stack) if it.numbered.style == task_style), target)
    elif len(stack) > 1:
        siblings = stack[-2].children[:-1]
        if siblings and not any(_looks_assigned(s) for s in siblings):
            target = stack[-2]
    target.labels.append((line_no, line))


def _starts_own_paragraph_task(top: Item, line: str, following: str) -> bool:
    """A paragraph that carries its own assignment after an assigned item is a task.

    "（一）强化顶层设计…（生态环境部牵头…）" then "优化固体废物管理体制…（生态环境部指导…）"
    on the next line: two tasks, the second without a number of its own. Paragraphs inside
    one line stay one task (their brackets are a union), as do wrapped lines. Either
    bracket may stand on a line of its own, after its paragraph.
    """
    # The item's own bracket may stand on a line of its own ("（一）…。" then "（…牵头）").
    item_ended = _ends_with_assignment(top.lines[-1]) or (
        len(top.lines) > 1 and _is_lone_bracket(top.lines[-1])
    )
    return (
        not top.children
        and not top.labels
        and item_ended
        and not _is_lone_bracket(line)
        and (_ends_with_assignment(line) or _is_lone_bracket(following))
    )


def _ends_with_assignment(line: str) -> bool:
    groups = bracket_groups(line)
    if not groups:
        return False
    start, end, inner = groups[-1]
    return start > 0 and not line[end:].strip(" 。；;.") and mentions_roles(inner)


def _is_lone_bracket(line: str) -> bool:
    groups = bracket_groups(line)
    return (
        len(groups) == 1
        and groups[0][0] == 0
        and not line[groups[0][1] :].strip(" 。；;.")
        and mentions_roles(groups[0][2])
    )


def _looks_assigned(item: Item) -> bool:
    return bool(item.labels) or any(
        mentions_roles(inner) for _, _, inner in bracket_groups("".join(item.lines))
    )


def join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and (out.endswith(_SENTENCE_END) or match_numbering(line)):
            out += "\n"
        out += line
    return out


def dominant_task_style(roots: list[Item]) -> Style | None:
    """The numbering style most tasks use; on a tie the shallower one (steps nest deeper)."""
    counts = Counter(it.numbered.style for r in roots for it in r.walk() if it.units)
    if not counts:
        return None
    ranks = {it.numbered.style: it.rank for r in roots for it in r.walk()}
    return max(counts, key=lambda style: (counts[style], -ranks[style]))


def has_tasks(item: Item) -> bool:
    return any(it.units or it.problem for it in item.walk())
