"""Plan parsing layer: plan text in, ``ParsedPlan`` out; each item's assignment read.

What makes an item a task is that it carries an assignment, whatever its numbering
level; numbered lines inside a task (steps, schedules) stay part of its text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from domain.enums import Role
from domain.ids import plan_fingerprint
from plan_parser.assemble import assemble, flag_unassigned_siblings, keep_paths_apart
from plan_parser.assignment import (
    DECLARATION_RE,
    bracket_groups,
    find_label,
    mentions_roles,
    parse_assignment,
)
from plan_parser.copied_text import restore_paragraphs
from plan_parser.deadlines import deadline_of
from plan_parser.decoding import decode_plan_bytes
from plan_parser.errors import ParseProblem, PlanParseError, clip
from plan_parser.flat import pieces_of
from plan_parser.flat_table import find_flat_table
from plan_parser.header import parse_header
from plan_parser.model import ParsedPlan, ParsedUnit
from plan_parser.numbering import Style, match_numbering
from plan_parser.tree import Item, build_tree, dominant_task_style, join

MAX_PLAN_BYTES = 20 * 1024 * 1024


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
    for paragraph in restore_paragraphs(text.split("\n")):
        line = paragraph.text.replace("\u3000", " ")
        lead = len(line) - len(line.lstrip())
        breaks = tuple(b - lead for b in paragraph.breaks)
        for start, end in pieces_of(line[lead:], breaks):
            piece = line[lead + start : lead + end].strip()
            if piece or start == 0:
                lines.append(piece)
                line_nos.append(paragraph.line_at(lead + start))
    table = find_flat_table(lines)
    resume_at: int | None = None  # an annex table after "附件：" is still read
    if table is not None:
        lines[table.start : table.end] = table.lines
        line_nos[table.start : table.end] = [line_nos[table.start]] * len(table.lines)
        resume_at = table.start
    first_numbered = next((i for i, x in enumerate(lines) if match_numbering(x)), None)
    if first_numbered is None:
        raise PlanParseError("no_tasks", "未找到编号的任务条目，这不像是一份重点任务分工方案。")
    title, issuer, issued_on, addressees = parse_header(lines[:first_numbered])
    declaration_at = next((i for i, x in enumerate(lines) if DECLARATION_RE.search(x)), None)
    roots = build_tree(lines, line_nos, first_numbered, None, resume_at)
    _read_assignments(roots, declaration_at)
    task_style = dominant_task_style(roots)
    if task_style is not None:
        roots = build_tree(lines, line_nos, first_numbered, task_style, resume_at)
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
    flag_unassigned_siblings(roots, task_style)
    assemble(roots, plan)
    keep_paths_apart(plan)
    if issued_on is not None:
        # "6月底前", "年底前": the year is the plan's (known only once the header is read).
        for task in plan.all_tasks():
            task.deadline_text, task.deadline = deadline_of(task.text, task.assignment, issued_on)
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


def _read_assignments(
    roots: list[Item], declaration_at: int | None, task_style: Style | None = None
) -> None:
    for root in roots:
        for item in root.walk():
            first_leads = declaration_at is not None and item.index >= declaration_at - 1
            _read_own_assignment(item, first_leads)
    for root in roots:
        for item in root.walk():
            _hand_down_covering_bracket(item, task_style)
    _carry_forward(roots)


def _hand_down_covering_bracket(item: Item, task_style: Style | None) -> None:
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
            child.text = join(child.lines)
    item.units, item.assignment = [], ""


def _carry_forward(roots: list[Item]) -> None:
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


def _read_own_assignment(item: Item, first_leads: bool) -> None:
    text = join(item.lines)
    units: list[ParsedUnit] = []
    parts: list[str] = []
    item.units, item.assignment, item.problem, item.carried = [], "", None, []
    item.unread = []
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
        item.unread.extend((line_no, clause) for clause in parsed.unread)
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
        item.unread.extend((item.line_no, clause) for clause in parsed.unread)
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
