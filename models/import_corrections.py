"""Storage layer: the clerk's corrections from the import preview, saved as plan changes.

Saved in the import's transaction, so a plan is never stored without them, and as plan
changes (not by rewriting the document's rows), so every unit's PC, which imports the same
document, folds in the same changes and ends up with the same tasks and ids.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy.orm import Session

from domain.plan_changes import ChangeKind, units_payload
from domain.records import PlanView
from domain.task_flags import TaskCorrection
from models.errors import StoreError
from models.store_supervision import append_change, edit_payload

#: Where a task sits: section id, subsection id, number, label.
Place = tuple[str, str | None, int, str]


def save_corrections(
    s: Session, view: PlanView, corrections: Sequence[TaskCorrection], reason: str
) -> int:
    """Append one plan change per correction, in the order given; the task count's change.

    A split's second part (``after``) must follow a task already known (read or added just
    before); a join names the task it went into.
    """
    places = _places(view)
    delta = 0
    for fix in corrections:
        if fix.after is not None:
            _add_part(s, view, fix, places, reason)
            delta += 1
            continue
        if fix.task_id not in places:
            raise StoreError("unknown_task", fix.task_id)
        if fix.not_a_task:
            if fix.joined_into is not None and fix.joined_into not in places:
                raise StoreError("unknown_task", fix.joined_into)
            payload = json.dumps({"joined_into": fix.joined_into} if fix.joined_into else {})
            append_change(
                s,
                ChangeKind.NOT_A_TASK,
                payload,
                plan_id=view.id,
                task_id=fix.task_id,
                reason=reason,
            )
            delta -= 1
            continue
        payload = edit_payload(fix.task_id, fix.text, fix.units)
        append_change(
            s, ChangeKind.EDIT_TASK, payload, plan_id=view.id, task_id=fix.task_id, reason=reason
        )
    return delta


def _places(view: PlanView) -> dict[str, Place]:
    out: dict[str, Place] = {}
    for section in view.sections:
        for task in section.tasks:
            out[task.id] = (section.id, None, task.number, task.label)
        for sub in section.subsections:
            for task in sub.tasks:
                out[task.id] = (section.id, sub.id, task.number, task.label)
    return out


def _add_part(
    s: Session, view: PlanView, fix: TaskCorrection, places: dict[str, Place], reason: str
) -> None:
    assert fix.after is not None
    if fix.after not in places:
        raise StoreError("unknown_task", fix.after)
    if fix.task_id in places:
        raise StoreError("task_exists", fix.task_id)
    if not (fix.text or "").strip():
        raise StoreError("empty_text", fix.task_id)
    if not fix.units:
        raise StoreError("no_units", fix.task_id)
    section_id, sub_id, number, label = places[fix.after]
    payload = {
        "number": number,
        "section_id": section_id,
        "subsection_id": sub_id,
        "text": (fix.text or "").strip(),
        "units": units_payload(fix.units),
        "label": fix.label or label,
        "after": fix.after,
    }
    append_change(
        s,
        ChangeKind.ADD_TASK,
        json.dumps(payload, ensure_ascii=False),
        plan_id=view.id,
        task_id=fix.task_id,
        reason=reason,
    )
    places[fix.task_id] = (section_id, sub_id, number, fix.label or label)
