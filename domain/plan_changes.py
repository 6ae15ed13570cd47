"""Domain layer: plan changes (计划修订) by the coordinating office, folded into a plan.

Changes form an append-only log. The plan a clerk sees is the document as parsed with
every change applied in causal order (Lamport counter, author, change id): the same on
every PC whatever order the files arrived in. Progress is never touched by a change: a
task whose wording changed keeps its reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from domain import ids
from domain.enums import Role
from domain.plan_change_record import PlanChange
from domain.records import AssignmentView, PlanView, SectionView, TaskView
from domain.schedule import Deadline, RoundKind, RoundRule


class ChangeKind(StrEnum):
    DEADLINE = "deadline"  # payload {"date": "YYYY-MM-DD"} | {"long_term": true} | {"clear": true}
    ROUNDS = "rounds"  # payload {"kind", "day", "dates", "start"}
    #: payload {"text"?, "units"?: [{"name", "role", "wording"}]}; units complete a 待补充 task
    EDIT_TASK = "edit_task"
    #: payload {"number", "section_id", "subsection_id"?, "text", "units", "label"?,
    #: "after"?}: "after" (a task of the same group) places it right below that task (the
    #: second part of a task split in the import preview); otherwise it ends its group.
    ADD_TASK = "add_task"
    CLOSE_TASK = "close_task"  # payload {"closed": bool}
    #: payload {} or {"joined_into": task id}: a numbered line the document reading took for
    #: a task is none, or was joined into the task before it (both marked at import by the
    #: office); it leaves the plan on every PC, its row stays in the history.
    NOT_A_TASK = "not_a_task"
    RENAME_PLAN = "rename_plan"  # payload {"title": str}
    #: payload {"removed": bool}: out of every list and picker; its data stays in history
    REMOVE_PLAN = "remove_plan"
    #: 佐证材料 caps for the plan (domain.attachments.AttachmentLimits); read by the store.
    ATTACHMENT_LIMITS = "attachment_limits"


def change_order(change: PlanChange) -> tuple[int, str, str]:
    return (change.lamport, change.author_installation_id, change.change_id)


def deadline_payload(deadline: Deadline | None) -> str:
    """``None`` clears a deadline (留痕 like any other change)."""
    if deadline is None:
        return json.dumps({"clear": True})
    if deadline.long_term:
        return json.dumps({"long_term": True})
    assert deadline.date is not None
    return json.dumps({"date": deadline.date.isoformat()})


def rounds_payload(rule: RoundRule) -> str:
    return json.dumps(
        {
            "kind": rule.kind.value,
            "day": rule.day,
            "dates": [d.isoformat() for d in rule.dates],
            "start": rule.start.isoformat() if rule.start else None,
        }
    )


def units_payload(units: Iterable[tuple[str, Role, str]]) -> list[dict[str, str]]:
    return [{"name": n, "role": r.value, "wording": w} for n, r, w in units]


#: Everything that can go wrong reading a payload that passed the file's type checks but
#: was crafted (deep nesting: RecursionError; a place the plan lacks: StopIteration …).
PAYLOAD_ERRORS = (ValueError, KeyError, TypeError, AttributeError, RecursionError, StopIteration)


def parse_payload(change: PlanChange) -> dict[str, Any]:
    """Raises ValueError for a payload this kind cannot use (the change is then ignored)."""
    try:
        data = json.loads(change.payload)
    except RecursionError:
        raise ValueError("payload nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError("payload is not an object")
    return data


def plan_header(changes: Iterable[PlanChange]) -> tuple[str | None, bool]:
    """The title (None: the document's) and removal the office's changes give a plan."""
    title: str | None = None
    removed = False
    for change in sorted(changes, key=change_order):
        try:
            if change.kind == ChangeKind.RENAME_PLAN:
                title = str(parse_payload(change)["title"]).strip() or title
            elif change.kind == ChangeKind.REMOVE_PLAN:
                removed = bool(parse_payload(change).get("removed", True))
        except PAYLOAD_ERRORS:
            continue
    return title, removed


def check_change(change: PlanChange, places: dict[str, frozenset[str]]) -> None:
    """Raise ValueError unless ``change`` can be applied as its kind says; ``places`` maps
    each section id of the plan to its subsection ids. A kind this version does not know
    passes (a newer office's change is kept in the log, as ``apply_changes`` does)."""
    try:
        kind = ChangeKind(change.kind)
    except ValueError:
        return
    try:
        data = parse_payload(change)
        if kind is ChangeKind.DEADLINE and not data.get("clear"):
            _deadline(data)
        elif kind is ChangeKind.ROUNDS:
            _rounds(data)
        elif kind is ChangeKind.ADD_TASK:
            section = str(data["section_id"])
            sub = data.get("subsection_id")
            if not change.task_id or section not in places or (sub and sub not in places[section]):
                raise ValueError("add_task names a place this plan does not have")
            if not str(data["text"]).strip() or not _assignments(list(data["units"])):
                raise ValueError("add_task without text or units")
            int(data["number"])
        elif kind is ChangeKind.EDIT_TASK:
            if not change.task_id:
                raise ValueError("edit_task names no task")
            str(data.get("text", ""))
            _assignments(list(data.get("units", [])))
        elif kind is ChangeKind.CLOSE_TASK:
            bool(data.get("closed", True))
    except PAYLOAD_ERRORS as exc:
        raise ValueError(f"{change.kind}: {type(exc).__name__}") from None


def apply_changes(view: PlanView, changes: Iterable[PlanChange]) -> PlanView:
    changes = [c for c in changes if c.plan_id == view.id]
    if not changes and all(
        t.deadline == (t.document_deadline or view.plan_deadline) for t in view.all_tasks()
    ):
        # Nothing to fold in: folding would rebuild every section and task into an equal
        # view (a second of the 10,000-task first fill, where most plans have no changes).
        return view
    title, removed = plan_header(changes)
    if title is not None or removed:
        view = dataclasses.replace(view, title=title or view.title, removed=removed)
    tasks: dict[str, TaskView] = {t.id: t for t in view.all_tasks()}
    added: list[tuple[TaskView, str, str | None]] = []
    plan_deadline = view.plan_deadline
    rounds = view.rounds
    own_deadline: dict[str, Deadline] = {}
    not_tasks: set[str] = set()
    after: dict[str, str] = {}  # added task → the task it follows, in causal order
    for change in sorted((c for c in changes if c.plan_id == view.id), key=change_order):
        try:
            data = parse_payload(change)
            kind = ChangeKind(change.kind)
            if kind is ChangeKind.DEADLINE and data.get("clear"):
                # Cleared: a task falls back to its document's deadline or the plan's, the
                # plan to none.
                if change.task_id is None:
                    plan_deadline = None
                else:
                    own_deadline.pop(change.task_id, None)
            elif kind is ChangeKind.DEADLINE:
                deadline = _deadline(data)
                if change.task_id is None:
                    plan_deadline = deadline
                elif change.task_id in tasks:
                    own_deadline[change.task_id] = deadline
            elif kind is ChangeKind.ROUNDS:
                rounds = _rounds(data)
            elif kind is ChangeKind.ADD_TASK and change.task_id in tasks:
                # The store keeps added tasks as rows (progress refers to them).
                tasks[change.task_id] = dataclasses.replace(tasks[change.task_id], added=True)
                if data.get("after"):
                    after[change.task_id] = str(data["after"])
            elif kind is ChangeKind.ADD_TASK and change.task_id:
                task = _new_task(view, change.task_id, data)
                tasks[task.id] = task
                added.append((task, str(data["section_id"]), data.get("subsection_id")))
                if data.get("after"):
                    after[change.task_id] = str(data["after"])
            elif kind is ChangeKind.EDIT_TASK and change.task_id in tasks:
                tasks[change.task_id] = _edited(tasks[change.task_id], data)
            elif kind is ChangeKind.NOT_A_TASK and change.task_id in tasks:
                not_tasks.add(change.task_id)
            elif kind is ChangeKind.CLOSE_TASK and change.task_id in tasks:
                tasks[change.task_id] = dataclasses.replace(
                    tasks[change.task_id], closed=bool(data.get("closed", True))
                )
        except PAYLOAD_ERRORS:
            continue  # a change this version cannot read is kept in the log, not applied
    for task_id, task in tasks.items():
        # The office's own word first, then what the document says, then the plan's.
        deadline = own_deadline.get(task_id) or task.document_deadline or plan_deadline
        tasks[task_id] = dataclasses.replace(task, deadline=deadline)
    for task_id in not_tasks:
        del tasks[task_id]
    return _rebuild(view, tasks, added, plan_deadline, rounds, after)


def _deadline(data: dict[str, Any]) -> Deadline:
    if data.get("long_term"):
        return Deadline(long_term=True)
    return Deadline(date=dt.date.fromisoformat(str(data["date"])))


def _rounds(data: dict[str, Any]) -> RoundRule:
    return RoundRule(
        kind=RoundKind(str(data["kind"])),
        day=int(data.get("day") or 0),
        dates=tuple(dt.date.fromisoformat(str(d)) for d in data.get("dates") or ()),
        start=dt.date.fromisoformat(str(data["start"])) if data.get("start") else None,
    )


def _assignments(units: list[dict[str, Any]]) -> tuple[AssignmentView, ...]:
    out: dict[str, AssignmentView] = {}
    for unit in units:
        name = str(unit["name"]).strip()
        if name:
            uid = str(ids.unit_id(name))
            out.setdefault(
                uid, AssignmentView(uid, name, Role(unit["role"]), str(unit.get("wording", "")))
            )
    return tuple(out.values())


def _edited(task: TaskView, data: dict[str, Any]) -> TaskView:
    changes: dict[str, Any] = {}
    if "text" in data:
        changes["text"] = str(data["text"])
    if "units" in data:
        changes["assignments"] = _assignments(list(data["units"]))
        changes["problems"] = ()  # 待补充 no more: the office gave the task its units
    return dataclasses.replace(task, **changes)


def _new_task(view: PlanView, task_id: str, data: dict[str, Any]) -> TaskView:
    section = next((s for s in view.sections if s.id == data["section_id"]), None)
    if section is None:
        raise ValueError("add_task names a section this plan does not have")
    sub = next((x for x in section.subsections if x.id == data.get("subsection_id")), None)
    return TaskView(
        id=task_id,
        plan_id=view.id,
        number=int(data["number"]),
        text=str(data["text"]),
        assignment_text="",
        path=f"+{task_id[:8]}",
        section_number=section.number,
        section_title=section.title,
        subsection_number=sub.number if sub else None,
        subsection_title=sub.title if sub else None,
        assignments=_assignments(list(data["units"])),
        label=str(data.get("label") or f"{int(data['number'])}."),
        added=True,
    )


def _rebuild(
    view: PlanView,
    tasks: dict[str, TaskView],
    added: list[tuple[TaskView, str, str | None]],
    plan_deadline: Deadline | None,
    rounds: RoundRule | None,
    after: dict[str, str],
) -> PlanView:
    def refresh(group: tuple[TaskView, ...], extra: list[TaskView]) -> tuple[TaskView, ...]:
        return _placed(
            [tasks[t.id] for t in group if t.id in tasks and t.id not in extra_ids] + extra, after
        )

    extra_ids = {t.id for t, _, _ in added}

    sections: list[SectionView] = []
    for section in view.sections:
        own = [tasks[t.id] for t, s, sub in added if s == section.id and not sub and t.id in tasks]
        subs = tuple(
            dataclasses.replace(
                sub,
                tasks=refresh(
                    sub.tasks, [tasks[t.id] for t, _, x in added if x == sub.id and t.id in tasks]
                ),
            )
            for sub in section.subsections
        )
        sections.append(
            dataclasses.replace(section, tasks=refresh(section.tasks, own), subsections=subs)
        )
    return dataclasses.replace(
        view, sections=tuple(sections), plan_deadline=plan_deadline, rounds=rounds
    )


def _placed(group: list[TaskView], after: dict[str, str]) -> tuple[TaskView, ...]:
    """Each added task that names the task it follows moved right below it, in causal order
    (so a task split twice reads 3, 3's second part, 3's third part as the clerk made them);
    one whose task is not in this group stays where it is."""
    for task_id, anchor in after.items():
        ids_now = [t.id for t in group]
        if task_id not in ids_now or anchor not in ids_now or task_id == anchor:
            continue
        task = group.pop(ids_now.index(task_id))
        group.insert([t.id for t in group].index(anchor) + 1, task)
    return tuple(group)
