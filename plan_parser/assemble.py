"""Plan parsing layer: from the read item tree to sections, subsections and tasks."""

from __future__ import annotations

from plan_parser.deadlines import deadline_of
from plan_parser.errors import ParseProblem, clip
from plan_parser.model import (
    NonTaskItem,
    ParsedPlan,
    ParsedSection,
    ParsedSubsection,
    ParsedTask,
    ParsedUnit,
    TaskProblem,
)
from plan_parser.numbering import Style
from plan_parser.tree import Item, has_tasks, join
from plan_parser.units import doubtful_unit_reason


def is_task(item: Item) -> bool:
    if not item.units and item.problem is None:
        return False
    # A heading that names a lead for its whole group is still a heading when its
    # children carry assignments of their own.
    return sum(1 for child in item.children if has_tasks(child)) < 2


def to_task(item: Item) -> ParsedTask:
    units = list(item.units)
    texts = [item.text]
    assignments = [item.assignment]
    for child in item.walk()[1:]:
        texts.append(child.numbered.label + (child.text or join(child.lines)))
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
    for line_no, clause in item.unread:
        message = f"第 {line_no} 行：分工中的“{clip(clause)}”未能读出单位和职责，请核对。"
        task.problems.append(TaskProblem("unread_clause", message, line_no))
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


def _title(item: Item) -> str:
    return join(item.lines).rstrip("。.；;")


def flag_unassigned_siblings(items: list[Item], task_style: Style | None) -> None:
    """A numbered item among tasks of its own style, with no assignment, is a task to complete.

    Where most of its siblings name their units, an item that names none is a task whose
    assignment is missing (the clerk completes it), not a line to leave out.
    """
    same = [it for it in items if it.numbered.style == task_style]
    assigned = [it for it in same if it.units or it.problem is not None]
    if len(assigned) >= 2 and 2 * len(assigned) >= len(same):
        for it in same:
            if not it.children and not has_tasks(it):
                it.problem = ParseProblem(
                    "no_assignment",
                    it.line_no,
                    it.numbered.label + join(it.lines),
                    f"第 {it.line_no} 行：这项任务没有写明分工单位，请补充："
                    f"“{clip(it.numbered.label + join(it.lines))}”",
                )
    for it in items:
        flag_unassigned_siblings(it.children, task_style)


def assemble(roots: list[Item], plan: ParsedPlan) -> None:
    implicit: ParsedSection | None = None
    for root, followers in _runs(roots):
        if is_task(root) or followers:
            if implicit is not None and any(
                t.number >= root.numbered.number for t in implicit.tasks
            ):
                implicit = None  # numbering starts again: another document in the same file
            if implicit is None:
                implicit = ParsedSection(len(plan.sections) + 1, "", "")
                plan.sections.append(implicit)
            _add_tasks(root, followers, implicit.tasks, plan)
            continue
        implicit = None
        if not has_tasks(root):
            _list_apart(root, plan)
            continue
        section = ParsedSection(root.numbered.number, root.numbered.label, _title(root))
        plan.sections.append(section)
        for child, followers in _runs(root.children):
            if followers:
                # A numbered item with unnumbered paragraph tasks after it: its heading
                # groups them, numbered 1, 2, … so every task keeps a path of its own.
                sub = ParsedSubsection(child.numbered.number, child.numbered.label, _heading(child))
                section.subsections.append(sub)
                for number, item in enumerate([child, *followers], 1):
                    _add_task(item, number, sub.tasks, plan)
            elif is_task(child):
                section.tasks.append(to_task(child))
            elif has_tasks(child):
                sub = ParsedSubsection(child.numbered.number, child.numbered.label, _title(child))
                section.subsections.append(sub)
                _collect_tasks(child, sub.tasks, plan)
            else:
                _list_apart(child, plan)


def _runs(items: list[Item]) -> list[tuple[Item, list[Item]]]:
    """Each numbered item with the unnumbered paragraph tasks that follow it."""
    runs: list[tuple[Item, list[Item]]] = []
    for item in items:
        if item.unnumbered and runs:
            runs[-1][1].append(item)
        else:
            runs.append((item, []))
    return runs


def _add_tasks(item: Item, followers: list[Item], out: list[ParsedTask], plan: ParsedPlan) -> None:
    _add_task(item, item.numbered.number, out, plan)
    for k, follower in enumerate(followers, 1):
        # No number of its own: one after its numbered item's, kept apart from later numbers.
        _add_task(follower, item.numbered.number * 100 + k, out, plan)


def _add_task(item: Item, number: int, out: list[ParsedTask], plan: ParsedPlan) -> None:
    if is_task(item):
        task = to_task(item)
        task.number = number
        out.append(task)
    else:
        _list_apart(item, plan)


def _heading(item: Item) -> str:
    """The first sentence of an item, as the heading of the paragraphs under it."""
    text = item.text or join(item.lines)
    return text.split("。", 1)[0].rstrip("，,；;")


def _collect_tasks(heading: Item, out: list[ParsedTask], plan: ParsedPlan) -> None:
    for child, followers in _runs(heading.children):
        if followers:
            _add_tasks(child, followers, out, plan)
        elif is_task(child):
            out.append(to_task(child))
        elif has_tasks(child):
            _collect_tasks(child, out, plan)
        else:
            _list_apart(child, plan)


def _list_apart(item: Item, plan: ParsedPlan) -> None:
    for it in item.walk():
        if it.problem is not None:
            plan.problems.append(it.problem)
        elif not it.children:
            plan.non_task_items.append(NonTaskItem(it.line_no, it.numbered.label, join(it.lines)))


def keep_paths_apart(plan: ParsedPlan) -> None:
    """Tasks of one section (or subsection) never share a number: a task's path and id are
    made from it. Where numbering starts again inside one without a heading of its own, the
    rest goes into a subsection of its own."""
    for section in plan.sections:
        rest = _after_repeat(section.tasks)
        if rest:
            section.subsections.insert(0, ParsedSubsection(0, "", "", rest))
        index = 0
        while index < len(section.subsections):
            rest = _after_repeat(section.subsections[index].tasks)
            if rest:
                section.subsections.insert(index + 1, ParsedSubsection(0, "", "", rest))
            index += 1


def _after_repeat(tasks: list[ParsedTask]) -> list[ParsedTask]:
    """Cut ``tasks`` at the first number seen before; return what was cut off."""
    seen: set[int] = set()
    for index, task in enumerate(tasks):
        if task.number in seen:
            rest = tasks[index:]
            del tasks[index:]
            return rest
        seen.add(task.number)
    return []
