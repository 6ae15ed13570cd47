"""Domain layer: the JSON shape shared by ``parse --json`` and ``plan --json``."""

from __future__ import annotations

from typing import Any

from domain.records import PlanView, ProgressRevision, TaskView
from domain.review_rules import review_state
from domain.validation import stored_breaches


def progress_json(rev: ProgressRevision) -> dict[str, Any]:
    return {
        "unit": rev.unit_name,
        "status": rev.status.value,
        "status_label": rev.status.label_zh,
        "percent": rev.percent,
        "date": rev.report_date.isoformat(),
        "work_done": rev.work_done,
        "problems": rev.problems,
        "next_steps": rev.next_steps,
        "reporter": rev.reporter,
        "phone": rev.phone,
        "revision_id": rev.revision_id,
        "report_id": rev.report_id,
        "on_behalf": rev.on_behalf,
        "in_conflict": rev.in_conflict,
        "reason": rev.reason,
        #: Rules of today this (older) report breaks; kept as it came, never rewritten.
        "breaks_rules": [p.value for p in stored_breaches(rev)],
    }


def task_json(task: TaskView, *, with_progress: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": task.number,
        "path": task.path,
        "id": task.id,
        "text": task.text,
        "assignment": task.assignment_text,
        "units": [
            {"name": a.unit_name, "role": a.role.value, "wording": a.wording, "group": a.is_group}
            for a in task.assignments
        ],
    }
    if task.problems:
        # The same shape as ``parse --json``: a flagged task says why, with its line.
        out["needs_completion"] = True
        out["problems"] = [
            {"code": f.code, "line": f.line, "message": f.message} for f in task.problems
        ]
    if with_progress:
        out["progress"] = [
            {**progress_json(p), "review": review_state(p, task.reviews).value}
            for p in task.current_progress
        ]
        out["reviews"] = [
            {
                "unit_id": r.unit_id,
                "revision_id": r.revision_id,
                "decision": r.decision.value,
                "reason": r.reason,
                "reviewer": r.reviewer,
                "at": r.authored_at,
            }
            for r in task.reviews
        ]
        out["instructions"] = [
            {"text": i.text, "by": i.leader, "date": i.instructed_on.isoformat()}
            for i in task.instructions
        ]
    return out


def plan_json(plan: PlanView, *, with_progress: bool) -> dict[str, Any]:
    return {
        "id": plan.id,
        "title": plan.title,
        "issuer": plan.issuer,
        "issued_on": plan.issued_on.isoformat() if plan.issued_on else None,
        "addressees": plan.addressees,
        "fingerprint": plan.fingerprint,
        "sections": [
            {
                "number": section.number,
                "title": section.title,
                "subsections": [
                    {
                        "number": sub.number,
                        "title": sub.title,
                        "tasks": [task_json(t, with_progress=with_progress) for t in sub.tasks],
                    }
                    for sub in section.subsections
                ],
                "tasks": [task_json(t, with_progress=with_progress) for t in section.tasks],
            }
            for section in plan.sections
        ],
    }
