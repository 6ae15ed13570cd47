"""Plan parsing layer: the numbered-item tree of a plan and which items are tasks.

What makes an item a task is that it carries an assignment, whatever its numbering
level; numbered lines inside a task (steps, schedules) stay part of its text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from domain.enums import Role
from domain.ids import plan_fingerprint
from plan_parser.assignment import (
    DECLARATION_RE,
    bracket_groups,
    find_label,
    mentions_roles,
    parse_assignment,
)
from plan_parser.deadlines import deadline_of
from plan_parser.decoding import decode_plan_bytes
from plan_parser.errors import ParseProblem, PlanParseError, clip
from plan_parser.flat import split_run_together
from plan_parser.header import parse_header
from plan_parser.model import (
    NonTaskItem,
    ParsedPlan,
    ParsedSection,
    ParsedSubsection,
    ParsedTask,
    ParsedUnit,
    TaskProblem,
)
from plan_parser.numbering import Numbered, Style, match_numbering
from plan_parser.units import doubtful_unit_reason

MAX_PLAN_BYTES = 20 * 1024 * 1024
_STOP_LINE = re.compile(r"^(抄送|附件[：:]|印发|（此件|\(此件)")
_LABEL_LINE = re.compile(
    r"^(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|负责单位|负责部门|参与单位|"
    r"协办单位|主办单位|承办单位|责任主体)\s*[：:]"
)
_SENTENCE_END = ("。", "；", "：", "！", "？", "）", ")")


@dataclass
class _Item:
    numbered: Numbered
    line_no: int
    rank: int
    lines: list[str]
    labels: list[tuple[int, str]] = field(default_factory=list)
    children: list[_Item] = field(default_factory=list)
    units: list[ParsedUnit] = field(default_factory=list)
    assignment: str = ""
    text: str = ""
    problem: ParseProblem | None = None
    index: int = 0  # position among the (cut) lines, for "below the declaration"
    carried: list[ParsedUnit] = field(default_factory=list)
    #: A bracket standing alone on the line after the item's own line, before any child.
    covering_bracket: bool = False

    def walk(self) -> list[_Item]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def parse_plan_file(path: Path | str) -> ParsedPlan:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PLAN_BYTES:
            raise PlanParseError("too_large", "文件过大（超过 20 MB），不像是一份分工方案。")
        data = path.read_bytes()
    except FileNotFoundError:
        raise PlanParseError("missing", f"找不到文件：{path}") from None
    except IsADirectoryError:
        raise PlanParseError("missing", f"这是一个文件夹，不是方案文件：{path}") from None
    except OSError as exc:
        raise PlanParseError("unreadable", f"无法读取文件：{path}（{exc.strerror}）") from None
    return parse_plan_bytes(data)


def parse_plan_bytes(data: bytes) -> ParsedPlan:
    return parse_plan_text(decode_plan_bytes(data))


def parse_plan_text(text: str) -> ParsedPlan:
    if not text.strip():
        raise PlanParseError("empty", "文件为空，没有可导入的方案内容。")
    lines: list[str] = []
    line_nos: list[int] = []  # the file's line of each (possibly cut) line, for messages
    for no, raw in enumerate(text.split("\n"), 1):
        for piece in split_run_together(_clean(raw)):
            lines.append(piece)
            line_nos.append(no)
    first_numbered = next((i for i, x in enumerate(lines) if match_numbering(x)), None)
    if first_numbered is None:
        raise PlanParseError("no_tasks", "未找到编号的任务条目，这不像是一份重点任务分工方案。")
    title, issuer, issued_on, addressees = parse_header(lines[:first_numbered])
    declaration_at = next((i for i, x in enumerate(lines) if DECLARATION_RE.search(x)), None)
    roots = _build_tree(lines, line_nos, first_numbered, task_style=None)
    _read_assignments(roots, declaration_at)
    task_style = _dominant_task_style(roots)
    if task_style is not None:
        roots = _build_tree(lines, line_nos, first_numbered, task_style=task_style)
        _read_assignments(roots, declaration_at, task_style)
    plan = ParsedPlan(
        title=title,
        issuer=issuer,
        issued_on=issued_on,
        addressees=addressees,
        text=text,
        fingerprint=plan_fingerprint(text),
        sections=[],
    )
    _flag_unassigned_siblings(roots, task_style)
    _assemble(roots, plan)
    for task in plan.all_tasks():
        plan.problems.extend(
            ParseProblem(p.code, p.line_no, task.label + task.text, p.message_zh)
            for p in task.problems
        )
    plan.problems.sort(key=lambda p: p.line_no)
    if not plan.all_tasks():
        if plan.problems:
            raise PlanParseError("no_tasks", plan.problems[0].message_zh, plan.problems[0].line_no)
        raise PlanParseError(
            "no_tasks",
            "未找到带有分工单位（牵头、配合、负责）的编号任务，这不像是一份重点任务分工方案。",
        )
    return plan


def _clean(line: str) -> str:
    return line.replace("\u3000", " ").replace("\ufeff", "").strip()


def _build_tree(
    lines: list[str], line_nos: list[int], start: int, task_style: Style | None
) -> list[_Item]:
    """Nest numbered items by style, ranking styles in order of first appearance."""
    ranks: dict[Style, int] = {}
    roots: list[_Item] = []
    stack: list[_Item] = []
    for index in range(start, len(lines)):
        line, line_no = lines[index], line_nos[index]
        if not line:
            continue
        if _STOP_LINE.match(line):
            break
        numbered = match_numbering(line)
        if numbered is None:
            if stack:
                _attach_plain_line(stack, line_no, line, task_style)
            continue
        rank = ranks.setdefault(numbered.style, len(ranks))
        while stack and stack[-1].rank >= rank:
            stack.pop()
        item = _Item(numbered, line_no, rank, [numbered.rest], index=index)
        (stack[-1].children if stack else roots).append(item)
        stack.append(item)
    return roots


def _attach_plain_line(
    stack: list[_Item], line_no: int, line: str, task_style: Style | None
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


def _is_lone_bracket(line: str) -> bool:
    groups = bracket_groups(line)
    return (
        len(groups) == 1
        and groups[0][0] == 0
        and not line[groups[0][1] :].strip(" 。；;.")
        and mentions_roles(groups[0][2])
    )


def _looks_assigned(item: _Item) -> bool:
    return bool(item.labels) or any(
        mentions_roles(inner) for _, _, inner in bracket_groups("".join(item.lines))
    )


def _read_assignments(
    roots: list[_Item], declaration_at: int | None, task_style: Style | None = None
) -> None:
    for root in roots:
        for item in root.walk():
            first_leads = declaration_at is not None and item.index >= declaration_at - 1
            _read_own_assignment(item, first_leads)
    for root in roots:
        for item in root.walk():
            _hand_down_covering_bracket(item, task_style)
    _carry_forward(roots)


def _hand_down_covering_bracket(item: _Item, task_style: Style | None) -> None:
    """A bracket standing alone under a heading assigns the items below it.

    "（一）加强组织领导\n（省发改委牵头，省财政厅配合）\n1.…\n2.…": tasks 1. and 2. have
    those units, (一) is their heading. Steps of a task ("（1）…") are not handed the
    task's units once the plan's task numbering is known.
    """
    if not (item.covering_bracket and item.units and item.children):
        return
    below = [c for c in item.children if task_style is None or c.numbered.style == task_style]
    unassigned = [c for c in below if not c.units and c.problem is None]
    if not unassigned or any(c.units for c in below) and task_style is None:
        return
    for child in unassigned:
        child.units = list(item.units)
        child.assignment = item.assignment
        if child.text == "":
            child.text = _join(child.lines)
    item.units, item.assignment = [], ""


def _carry_forward(roots: list[_Item]) -> None:
    """ "以下均需各市政府落实，不再列出": every later task has those units too.

    "Later" ends where the top numbering starts again at 一、: files that bundle several
    documents (一揽子措施及配套政策) restart there, and each declares its own.
    """
    carried: list[ParsedUnit] = []
    for root in roots:
        if root.numbered.number == 1:
            carried = []  # numbering starts again: a new document in the same file
        for item in root.walk():
            if item.units and carried:
                names = {u.name for u in item.units}
                item.units.extend(u for u in carried if u.name not in names)
            for unit in item.carried:
                if all(unit.name != u.name for u in carried):
                    carried.append(unit)


def _read_own_assignment(item: _Item, first_leads: bool) -> None:
    text = _join(item.lines)
    units: list[ParsedUnit] = []
    parts: list[str] = []
    item.units, item.assignment, item.problem, item.carried = [], "", None, []
    label = find_label(text)
    if label is not None:
        item.labels.insert(0, (item.line_no, text[label.start() :]))
        text = text[: label.start()].rstrip()
    for line_no, label_line in item.labels:
        try:
            parsed = parse_assignment(label_line, first_leads=first_leads)
        except ValueError:
            parsed = None
        if parsed is None:
            item.problem = _unreadable(line_no, label_line)
            continue
        item.carried.extend(parsed.carried)
        units.extend(parsed.units)
        parts.append(parsed.text)
    groups = bracket_groups(text)
    tail_start = len(text)
    for start, end, inner in groups:
        is_tail = not text[end:].strip(" 。；;.，,")
        if not is_tail and not mentions_roles(inner):
            continue
        try:
            parsed = parse_assignment(inner, first_leads=first_leads)
        except ValueError:
            parsed = None
        if parsed is None:
            if is_tail and mentions_roles(inner) and not units:
                item.problem = _unreadable(item.line_no, item.numbered.label + text)
            continue
        item.carried.extend(parsed.carried)
        units.extend(parsed.units)
        parts.append(parsed.text)
        if is_tail:
            tail_start = start
    item.text = text[:tail_start].rstrip()
    item.units = union_of(units)
    item.assignment = "；".join(parts)
    if item.units:
        item.problem = None


_ROLE_STRENGTH = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATE: 2}


def union_of(units: list[ParsedUnit]) -> list[ParsedUnit]:
    """Units of several brackets in one item, each once, in first-named order.

    A unit that leads any part of the item leads the item ("…省物价局牵头…；…省卫生计生委
    牵头…" in one task makes both leads), so the strongest role named wins.
    """
    kept: dict[str, ParsedUnit] = {}
    for unit in units:
        seen = kept.get(unit.name)
        if seen is None or _ROLE_STRENGTH[unit.role] < _ROLE_STRENGTH[seen.role]:
            kept[unit.name] = unit if seen is None else replace(unit, group=seen.group)
    return list(kept.values())


def _unreadable(line_no: int, text: str) -> ParseProblem:
    return ParseProblem(
        "unreadable_assignment",
        line_no,
        text,
        f"第 {line_no} 行：无法识别这项任务的分工单位：“{clip(text)}”",
    )


def _join(lines: list[str]) -> str:
    out = ""
    for line in lines:
        if out and (out.endswith(_SENTENCE_END) or match_numbering(line)):
            out += "\n"
        out += line
    return out


def _dominant_task_style(roots: list[_Item]) -> Style | None:
    """The numbering style most tasks use; on a tie the shallower one (steps nest deeper)."""
    counts = Counter(it.numbered.style for r in roots for it in r.walk() if it.units)
    if not counts:
        return None
    ranks = {it.numbered.style: it.rank for r in roots for it in r.walk()}
    return max(counts, key=lambda style: (counts[style], -ranks[style]))


def _has_tasks(item: _Item) -> bool:
    return any(it.units or it.problem for it in item.walk())


def _is_task(item: _Item) -> bool:
    if not item.units and item.problem is None:
        return False
    # A heading that names a lead for its whole group is still a heading when its
    # children carry assignments of their own.
    return sum(1 for child in item.children if _has_tasks(child)) < 2


def _to_task(item: _Item) -> ParsedTask:
    units = list(item.units)
    texts = [item.text]
    assignments = [item.assignment]
    for child in item.walk()[1:]:
        texts.append(child.numbered.label + (child.text or _join(child.lines)))
        assignments.extend([child.assignment] if child.assignment else [])
        names = {u.name for u in units}
        units.extend(u for u in child.units if u.name not in names)
    task = ParsedTask(
        number=item.numbered.number,
        label=item.numbered.label,
        text="\n".join(t for t in texts if t),
        assignment="；".join(a for a in assignments if a),
        units=units,
        line_no=item.line_no,
    )
    if item.problem is not None and not units:
        task.problems.append(TaskProblem(item.problem.code, item.problem.message_zh, item.line_no))
    task.problems.extend(doubtful_units(units, item.line_no))
    task.deadline_text, task.deadline = deadline_of(task.text, task.assignment)
    return task


def doubtful_units(units: list[ParsedUnit], line_no: int) -> list[TaskProblem]:
    out: list[TaskProblem] = []
    for unit in units:
        reason = doubtful_unit_reason(unit.name)
        if reason is not None:
            message = f"第 {line_no} 行：“{clip(unit.name)}”不像单位名称（{reason}），请核对。"
            out.append(TaskProblem("doubtful_unit", message, line_no))
    return out


def _title(item: _Item) -> str:
    return _join(item.lines).rstrip("。.；;")


def _flag_unassigned_siblings(items: list[_Item], task_style: Style | None) -> None:
    """A numbered item among tasks of its own style, with no assignment, is a task to complete.

    Where most of its siblings name their units, an item that names none is a task whose
    assignment is missing (the clerk completes it), not a line to leave out.
    """
    same = [it for it in items if it.numbered.style == task_style]
    assigned = [it for it in same if it.units or it.problem is not None]
    if len(assigned) >= 2 and 2 * len(assigned) >= len(same):
        for it in same:
            if not it.children and not _has_tasks(it):
                it.problem = ParseProblem(
                    "no_assignment",
                    it.line_no,
                    it.numbered.label + _join(it.lines),
                    f"第 {it.line_no} 行：这项任务没有写明分工单位，请补充："
                    f"“{clip(it.numbered.label + _join(it.lines))}”",
                )
    for it in items:
        _flag_unassigned_siblings(it.children, task_style)


def _assemble(roots: list[_Item], plan: ParsedPlan) -> None:
    implicit: ParsedSection | None = None
    for root in roots:
        if _is_task(root):
            if implicit is None:
                implicit = ParsedSection(len(plan.sections) + 1, "", "")
                plan.sections.append(implicit)
            implicit.tasks.append(_to_task(root))
            continue
        implicit = None
        if not _has_tasks(root):
            _list_apart(root, plan)
            continue
        section = ParsedSection(root.numbered.number, root.numbered.label, _title(root))
        plan.sections.append(section)
        for child in root.children:
            if _is_task(child):
                section.tasks.append(_to_task(child))
            elif _has_tasks(child):
                sub = ParsedSubsection(child.numbered.number, child.numbered.label, _title(child))
                section.subsections.append(sub)
                _collect_tasks(child, sub.tasks, plan)
            else:
                _list_apart(child, plan)


def _collect_tasks(heading: _Item, out: list[ParsedTask], plan: ParsedPlan) -> None:
    for child in heading.children:
        if _is_task(child):
            out.append(_to_task(child))
        elif _has_tasks(child):
            _collect_tasks(child, out, plan)
        else:
            _list_apart(child, plan)


def _list_apart(item: _Item, plan: ParsedPlan) -> None:
    for it in item.walk():
        if it.problem is not None:
            plan.problems.append(it.problem)
        elif not it.children:
            plan.non_task_items.append(NonTaskItem(it.line_no, it.numbered.label, _join(it.lines)))
