"""Supervision layer: counts by light for the plan, each section and each unit."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from domain.enums import Role
from domain.records import PlanView, TaskView
from domain.status_lights import LIGHT_ORDER, Light, TaskLight


@dataclass(frozen=True, slots=True)
class UnitFigures:
    """One row of the dashboard's unit table."""

    unit_id: str
    unit_name: str
    tasks_owed: int  # tasks where the unit leads or is responsible
    tasks_total: int
    missing_reports: int  # tasks whose current round has no report from this unit
    overdue: int
    done: int
    lights: dict[Light, int] = field(default_factory=dict)
    task_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlanFigures:
    as_of: dt.date
    total: dict[Light, int]
    by_section: list[tuple[str, str, dict[Light, int]]]  # (section id, title, counts)
    by_unit: list[UnitFigures]
    task_count: int

    @property
    def completion_rate(self) -> float:
        return self.total.get(Light.DONE, 0) / self.task_count if self.task_count else 0.0


def _counts(lights: list[Light]) -> dict[Light, int]:
    counter = Counter(lights)
    return {light: counter.get(light, 0) for light in LIGHT_ORDER}


def plan_figures(view: PlanView, lights: dict[str, TaskLight], as_of: dt.date) -> PlanFigures:
    tasks = view.all_tasks()
    by_section = [
        (s.id, s.title, _counts([lights[t.id].light for t in s.all_tasks()])) for s in view.sections
    ]
    units: list[UnitFigures] = []
    for unit in view.units():
        mine = [t for t in tasks if t.has_unit(unit.unit_id)]
        owed = [t for t in mine if _role(t, unit.unit_id) is not Role.COOPERATE]
        units.append(
            UnitFigures(
                unit_id=unit.unit_id,
                unit_name=unit.unit_name,
                tasks_owed=len(owed),
                tasks_total=len(mine),
                missing_reports=sum(1 for t in mine if unit.unit_id in lights[t.id].missing_units),
                overdue=sum(1 for t in mine if lights[t.id].light is Light.OVERDUE),
                done=sum(1 for t in mine if lights[t.id].light is Light.DONE),
                lights=_counts([lights[t.id].light for t in mine]),
                task_ids=tuple(t.id for t in mine),
            )
        )
    return PlanFigures(
        as_of=as_of,
        total=_counts([lights[t.id].light for t in tasks]),
        by_section=by_section,
        by_unit=units,
        task_count=len(tasks),
    )


def _role(task: TaskView, unit_id: str) -> Role | None:
    return next((a.role for a in task.assignments if a.unit_id == unit_id), None)


def status_json(view: PlanView, lights: dict[str, TaskLight], as_of: dt.date) -> dict[str, Any]:
    """``status --json``: per task its light, deadline and each unit's last report."""
    figures = plan_figures(view, lights, as_of)
    names = {a.unit_id: a.unit_name for a in view.units()}
    tasks = []
    for task in view.all_tasks():
        light = lights[task.id]
        latest = {r.unit_id: r for r in task.current_progress}
        tasks.append(
            {
                "number": task.number,
                "path": task.path,
                "id": task.id,
                "light": light.light.value,
                "light_label": light.light.label_zh,
                "deadline": _deadline(task),
                "days_left": light.days_left,
                "closed": task.closed,
                "missing_units": [names.get(u, u) for u in light.missing_units],
                "units": [
                    {
                        "name": a.unit_name,
                        "role": a.role.value,
                        "last_report": _report(latest.get(a.unit_id)),
                    }
                    for a in task.assignments
                ],
            }
        )
    return {
        "plan_id": view.id,
        "title": view.title,
        "as_of": as_of.isoformat(),
        "counts": {k.value: v for k, v in figures.total.items()},
        "completion_rate": round(figures.completion_rate, 4),
        "by_section": [
            {"title": title, "counts": {k.value: v for k, v in c.items()}}
            for _, title, c in figures.by_section
        ],
        "by_unit": [
            {
                "name": u.unit_name,
                "tasks": u.tasks_total,
                "tasks_owed": u.tasks_owed,
                "missing_reports": u.missing_reports,
                "overdue": u.overdue,
                "done": u.done,
            }
            for u in figures.by_unit
        ],
        "tasks": tasks,
    }


def _deadline(task: TaskView) -> str | None:
    if task.deadline is None:
        return None
    return "long_term" if task.deadline.long_term else task.deadline.label_zh()


def _report(rev: Any) -> dict[str, Any] | None:
    if rev is None:
        return None
    return {
        "date": rev.report_date.isoformat(),
        "status": rev.status.value,
        "percent": rev.percent,
        "reporter": rev.reporter,
    }
