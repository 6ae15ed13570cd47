"""Domain layer: a plan read through the 单位名录 — every unit under its canonical name.

Applied when a plan is read (never written back): each assignment names the canonical
unit (a task naming two names of one unit lists it once, with the stronger role), and each
report counts for the canonical unit while keeping the name it was written under
(``ProgressRevision.unit_name``). Everything grouping or counting by unit — the by-unit
tab, 我的单位, 本单位待办, lights, the dashboard, sheets, the ledger — then sees one unit.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from domain.enums import Role
from domain.records import AssignmentView, PlanView, ProgressRevision, TaskView

#: Unit id of an aliased name → (canonical unit id, canonical name).
Aliases = Mapping[str, tuple[str, str]]

#: When one task names two names of one unit, the role that owes reports wins.
_STRENGTH = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATE: 2}


def canonical_revisions(
    revisions: Iterable[ProgressRevision], aliases: Aliases
) -> list[ProgressRevision]:
    """The revisions counted for their canonical unit (ids only; names as written)."""
    if not aliases:
        return list(revisions)
    return [
        dataclasses.replace(r, unit_id=aliases[r.unit_id][0]) if r.unit_id in aliases else r
        for r in revisions
    ]


def canonical_assignments(
    assignments: Iterable[AssignmentView], aliases: Aliases
) -> tuple[AssignmentView, ...]:
    out: dict[str, AssignmentView] = {}
    for a in assignments:
        if a.unit_id in aliases:
            uid, name = aliases[a.unit_id]
            a = dataclasses.replace(a, unit_id=uid, unit_name=name)
        held = out.get(a.unit_id)
        if held is None:
            out[a.unit_id] = a
        elif _STRENGTH[a.role] < _STRENGTH[held.role]:
            out[a.unit_id] = dataclasses.replace(held, role=a.role, wording=a.wording)
    return tuple(out.values())


def fold_unit_names(view: PlanView, aliases: Aliases) -> PlanView:
    """``view`` with every assignment under its canonical unit."""
    if not aliases:
        return view

    def task(t: TaskView) -> TaskView:
        if not any(a.unit_id in aliases for a in t.assignments):
            return t
        return dataclasses.replace(t, assignments=canonical_assignments(t.assignments, aliases))

    sections = tuple(
        dataclasses.replace(
            s,
            tasks=tuple(task(t) for t in s.tasks),
            subsections=tuple(
                dataclasses.replace(sub, tasks=tuple(task(t) for t in sub.tasks))
                for sub in s.subsections
            ),
        )
        for s in view.sections
    )
    return dataclasses.replace(view, sections=sections)
