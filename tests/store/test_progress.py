"""Progress is append-only: revisions, edits, withdrawals, conflicts, ownership."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from domain.enums import ProgressStatus
from domain.progress_rules import current_reports, latest_per_unit
from domain.records import ProgressInput, ProgressRevision
from domain.validation import ProgressProblem
from models.errors import ProgressRejected, StoreError
from models.store import Store
from tests.exchange.offices import query


@pytest.fixture
def store(any_store: Store) -> Store:
    """Every Store test here runs on a SQLite file and on a PostgreSQL server."""
    return any_store


def entry(store: Store, task: int, unit: str, **changes: object) -> ProgressInput:
    base = ProgressInput(
        task_id=store.find_task_id(None, task),
        unit_id=store.find_unit_id(unit),
        status=ProgressStatus.IN_PROGRESS,
        percent=40,
        report_date=dt.date(2026, 3, 1),
        work_done="已制定工作方案。",
        reporter="张三",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_record_and_read_back_after_reopen(store: Store) -> None:
    rev = store.record_progress(entry(store, 23, "省公安厅", reporter="张三", phone="0451-1234"))
    assert rev.author_seq == 1 and rev.lamport == 1 and rev.parent_revision_id is None
    store.close()
    with Store.open(store.path) as again:
        task = again.plan_view().task_by_number(23)
        assert task is not None
        (current,) = task.current_progress
        assert current.revision_id == rev.revision_id and current.reporter == "张三"
        assert current.unit_name == "省公安厅"


def test_edit_creates_a_child_revision_and_keeps_the_parent(store: Store) -> None:
    first = store.record_progress(entry(store, 23, "省公安厅"))
    second = store.record_progress(
        entry(
            store, 23, "省公安厅", percent=80, parent_revision_id=first.revision_id, reason="更正"
        )
    )
    assert second.report_id == first.report_id and second.author_seq == 2
    assert second.lamport > first.lamport
    history = store.progress_history(first.task_id)
    assert [r.revision_id for r in history] == [second.revision_id, first.revision_id]
    task = store.plan_view().task_by_number(23)
    assert task is not None and [p.percent for p in task.current_progress] == [80]
    assert query(store.path, "SELECT count(*) FROM progress_revisions") == [[2]]


def test_withdrawal_hides_the_report_but_keeps_history(store: Store) -> None:
    first = store.record_progress(entry(store, 1, "省知识产权局"))
    store.record_progress(
        entry(
            store,
            1,
            "省知识产权局",
            withdrawn=True,
            parent_revision_id=first.revision_id,
            reason="误报",
        )
    )
    task = store.plan_view().task_by_number(1)
    assert task is not None and task.current_progress == ()
    assert len(store.progress_history(first.task_id)) == 2


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"percent": 101}, ProgressProblem.PERCENT_OUT_OF_RANGE),
        ({"percent": -1}, ProgressProblem.PERCENT_OUT_OF_RANGE),
        ({"status": ProgressStatus.DONE, "work_done": "  "}, ProgressProblem.WORK_TEXT_REQUIRED),
    ],
)
def test_invalid_entries_are_refused(
    store: Store, changes: dict[str, object], problem: ProgressProblem
) -> None:
    with pytest.raises(ProgressRejected) as info:
        store.record_progress(entry(store, 23, "省公安厅", **changes))
    assert problem in info.value.problems
    assert store.progress_history(store.find_task_id(None, 23)) == []


def test_unit_without_a_role_in_the_task_is_refused(store: Store) -> None:
    with pytest.raises(ProgressRejected) as info:
        store.record_progress(entry(store, 1, "省公安厅"))
    assert info.value.problems == [ProgressProblem.UNIT_NOT_IN_TASK]


def test_a_unit_pc_reports_only_for_its_unit(store: Store) -> None:
    store.set_office("省公安厅")
    store.record_progress(entry(store, 23, "省公安厅"))
    with pytest.raises(StoreError) as info:
        store.record_progress(entry(store, 25, "哈尔滨海关"))
    assert info.value.code == "unit_not_allowed"


def test_coordinating_office_records_on_behalf(store: Store) -> None:
    store.set_office(None, coordinating_office=True)
    rev = store.record_progress(entry(store, 25, "哈尔滨海关"))
    assert rev.on_behalf


def test_unknown_unit_and_task(store: Store) -> None:
    with pytest.raises(StoreError) as info:
        store.find_unit_id("火星局")
    assert info.value.code == "unknown_unit"
    with pytest.raises(StoreError):
        store.find_task_id(None, 61)
    assert store.find_unit_id("公安厅") == store.find_unit_id("省公安厅")


def _rev(rid: str, parent: str | None, lamport: int, inst: str, **kw: object) -> ProgressRevision:
    base = ProgressRevision(
        revision_id=rid,
        report_id="r",
        parent_revision_id=parent,
        task_id="t",
        unit_id="u",
        unit_name="省公安厅",
        author_installation_id=inst,
        author_seq=lamport,
        lamport=lamport,
        authored_at="2026-01-01T00:00:00+00:00",
        status=ProgressStatus.IN_PROGRESS,
        percent=10,
        report_date=dt.date(2026, 1, 1),
        work_done="x",
    )
    return dataclasses.replace(base, **kw)  # type: ignore[arg-type]


def test_fork_keeps_both_heads_and_shows_the_same_one_in_any_order() -> None:
    root = _rev("a", None, 1, "inst-1")
    left = _rev("b", "a", 2, "inst-1", percent=50)
    right = _rev("c", "a", 2, "inst-2", percent=60)
    results = set()
    for order in itertools.permutations([root, left, right]):
        (shown,) = current_reports(order)
        results.add((shown.revision_id, shown.in_conflict))
    assert results == {("c", True)}


def test_latest_report_per_unit_by_report_date_not_clock() -> None:
    old = _rev("a", None, 5, "i", report_date=dt.date(2026, 1, 1), authored_at="2099-01-01")
    new = dataclasses.replace(
        _rev("b", None, 3, "i", report_date=dt.date(2026, 6, 1)), report_id="r2"
    )
    assert [r.revision_id for r in latest_per_unit([old, new])] == ["b"]


def test_editing_a_version_another_desk_already_edited_is_refused(store: Store) -> None:
    """Two clerks open the same report; the second to save is told, never overwrites."""
    first = store.record_progress(entry(store, 23, "省公安厅", reporter="王五"))
    with Store(store.path) as other_desk:
        other_desk.record_progress(
            entry(
                store,
                23,
                "省公安厅",
                percent=60,
                reporter="李四",
                parent_revision_id=first.revision_id,
                reason="补充",
            )
        )
        with pytest.raises(StoreError) as info:
            store.record_progress(
                entry(
                    store,
                    23,
                    "省公安厅",
                    percent=70,
                    parent_revision_id=first.revision_id,
                    reason="补充",
                )  # fmt: skip
            )
    assert info.value.code == "revision_superseded" and "李四" in info.value.message_zh
    history = store.progress_history(first.task_id)
    assert [r.percent for r in history] == [60, 40]  # nothing forked, nothing overwritten


def test_data_version_moves_when_another_desk_writes(store: Store) -> None:
    before = store.data_version()
    assert store.data_version() == before
    with Store(store.path) as other_desk:
        other_desk.record_progress(entry(other_desk, 23, "省公安厅"))
    assert store.data_version() != before


def test_one_revision_and_one_reports_chain_are_read_alone(store: Store) -> None:
    first = store.record_progress(entry(store, 23, "省公安厅"))
    second = store.record_progress(
        entry(
            store, 23, "省公安厅", percent=80, parent_revision_id=first.revision_id, reason="更正"
        )
    )
    other = store.record_progress(entry(store, 23, "省公安厅", percent=90))  # a new report
    assert store.revision(second.revision_id) == dataclasses.replace(second, in_conflict=False)
    assert store.revision("00000000-0000-0000-0000-000000000000") is None
    chain = store.report_history(first.report_id)
    assert [r.revision_id for r in chain] == [second.revision_id, first.revision_id]
    assert other.report_id != first.report_id
    assert store.report_history("no-such-report") == []
