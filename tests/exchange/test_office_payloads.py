"""Plan changes signed by the confirmed coordinating office that cannot be applied.

A crafted (or buggy) payload must be refused with a reason, never crash the merge; the
rest of the file still merges and the plan stays as it was.
"""

from __future__ import annotations

import dataclasses
import json
import uuid
from pathlib import Path

import pytest

from domain.exchange_records import ExportScope, PlanChange, RecordProblem
from exchange.service import import_file
from models.store import Store
from tests.exchange.offices import export, import_all, office, trust_each_other
from tests.signing.helpers import write_signed

#: The coordinating office's data on a server too when PostgreSQL runs (tests/pg_fixtures.py).
pytestmark = pytest.mark.usefixtures("office_engine")


def _office_file(coord: Store, path: Path, changes: list[PlanChange]) -> Path:
    bundle = coord.export_bundle(ExportScope.ALL)
    return write_signed(
        dataclasses.replace(bundle, plan_changes=tuple(changes)), path, coord.signer()
    )


def _change(coord: Store, kind: str, payload: str, task_id: str | None, n: int) -> PlanChange:
    inst = coord.installation()
    return PlanChange(
        change_id=str(uuid.uuid4()),
        plan_id=coord.default_plan_id(),
        author_installation_id=inst.id,
        author_seq=100 + n,
        lamport=100 + n,
        authored_at="2026-03-01T00:00:00+00:00",
        kind=kind,
        task_id=task_id,
        payload=payload,
        reason="调整",
    )


def _bad_payloads(coord: Store) -> dict[str, tuple[str, str, str | None]]:
    view = coord.plan_view()
    task = view.task_by_number(1)
    assert task is not None
    section = view.sections[0]
    other_plan_section = str(uuid.uuid4())
    units = [{"name": "省公安厅", "role": "lead", "wording": "牵头"}]
    add = {"number": 61, "text": "新增任务", "units": units}
    return {
        "deeply nested deadline": ("deadline", "[" * 9000 + "]" * 9000, task.id),
        "deeply nested object": ("deadline", '{"date":' + "[" * 5000 + "]" * 5000 + "}", task.id),
        "nested text in an edit": (
            "edit_task",
            '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
            task.id,
        ),
        "add_task naming a missing section": (
            "add_task",
            json.dumps({**add, "section_id": other_plan_section}),
            str(uuid.uuid4()),
        ),
        "add_task naming a missing subsection": (
            "add_task",
            json.dumps({**add, "section_id": section.id, "subsection_id": str(uuid.uuid4())}),
            str(uuid.uuid4()),
        ),
        "add_task without a task id": (
            "add_task",
            json.dumps({**add, "section_id": section.id}),
            None,
        ),
        "add_task with a bad role": (
            "add_task",
            json.dumps({**add, "section_id": section.id, "units": [{"name": "x", "role": 5}]}),
            str(uuid.uuid4()),
        ),
        "rounds of an unknown kind": ("rounds", json.dumps({"kind": "hourly"}), None),
        "payload that is a list": ("close_task", "[1, 2]", task.id),
    }


def test_unusable_office_changes_are_refused_with_a_reason(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    before = police.plan_view()
    cases = _bad_payloads(coord)
    good = _change(coord, "deadline", json.dumps({"date": "2026-12-31"}), None, 0)
    for n, (name, (kind, payload, task_id)) in enumerate(cases.items(), start=1):
        bad = _change(coord, kind, payload, task_id, n)
        path = _office_file(coord, tmp_path / f"usb{n}" / "office.duban", [good, bad])
        outcome = import_file(police, path)
        assert outcome.report is not None and outcome.rejected_code is None, name
        assert [(r.record_id, r.problem) for r in outcome.report.rejected] == [
            (bad.change_id, RecordProblem.BAD_PAYLOAD)
        ], name
    view = police.plan_view()
    assert [t.id for t in view.all_tasks()] == [t.id for t in before.all_tasks()]
    assert view.plan_deadline is not None and str(view.plan_deadline.date) == "2026-12-31"
    # The plan still reads, prints its sheets' data and exports.
    import_all(coord, export(police, tmp_path / "back"))
