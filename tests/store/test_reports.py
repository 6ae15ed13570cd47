"""The store's report actions: rules on every path, remembered reporter, withdrawal,
review and 批示 by the coordinating office only, lights honouring a return."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from domain.enums import ProgressStatus, ReviewDecision
from domain.records import ReviewInput
from domain.review_rules import ReviewState, unit_review_state
from domain.schedule import RoundKind, RoundRule
from domain.status_lights import Light
from domain.validation import ProgressProblem
from models.errors import ProgressRejected, StoreError
from models.store import Store
from tests.store.test_progress import entry

POLICE = "省公安厅"


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"work_done": " "}, ProgressProblem.WORK_TEXT_REQUIRED),
        ({"reporter": ""}, ProgressProblem.REPORTER_REQUIRED),
        ({"status": ProgressStatus.DONE, "percent": 30}, ProgressProblem.DONE_NEEDS_FULL_PERCENT),
    ],
)
def test_store_refuses_what_breaks_a_rule(
    store: Store, db_path: Path, changes: dict[str, object], problem: ProgressProblem
) -> None:
    with pytest.raises(ProgressRejected) as info:
        store.record_progress(entry(store, 23, POLICE, **changes))
    assert problem in info.value.problems
    assert count(db_path, "progress_revisions") == 0


def test_new_report_starts_from_the_last_and_remembers_the_reporter(store: Store) -> None:
    task_id, unit_id = store.find_task_id(None, 23), store.find_unit_id(POLICE)
    blank = store.report_defaults(task_id, unit_id)
    assert (blank.status, blank.percent, blank.reporter, blank.current) == (
        ProgressStatus.NOT_STARTED, 0, "", None
    )  # fmt: skip
    store.record_progress(entry(store, 23, POLICE, percent=55, reporter="王五", phone="139"))
    start = store.report_defaults(task_id, unit_id)
    assert (start.status, start.percent, start.reporter, start.phone) == (
        ProgressStatus.IN_PROGRESS, 55, "王五", "139"
    )  # fmt: skip
    # The remembered reporter is this PC's, for any unit and task.
    other = store.report_defaults(store.find_task_id(None, 25), store.find_unit_id("哈尔滨海关"))
    assert (other.reporter, other.percent) == ("王五", 0)
    with pytest.raises(ProgressRejected) as info:
        store.record_progress(entry(store, 23, POLICE, percent=20))
    assert info.value.problems == [ProgressProblem.LOWER_PERCENT_NEEDS_REASON]
    lower = store.record_progress(entry(store, 23, POLICE, percent=20, reason="重新核算"))
    assert lower.reason == "重新核算"


def test_withdraw_stops_counting_and_keeps_history(store: Store) -> None:
    task_id, unit_id = store.find_task_id(None, 23), store.find_unit_id(POLICE)
    rev = store.record_progress(entry(store, 23, POLICE, status=ProgressStatus.DONE, percent=100))
    view, lights = store.lights(dt.date(2026, 3, 5))
    assert lights[task_id].light is Light.DONE
    with pytest.raises(ProgressRejected):
        store.withdraw_report(task_id, unit_id, "  ")
    out = store.withdraw_report(task_id, unit_id, "报错任务", on=dt.date(2026, 3, 6))
    assert out.withdrawn and out.parent_revision_id == rev.revision_id and out.reason == "报错任务"
    _, lights = store.lights(dt.date(2026, 3, 6))
    assert lights[task_id].light is not Light.DONE
    task = store.plan_view().task_by_number(23)
    assert task is not None and task.current_progress == ()
    assert [r.withdrawn for r in store.progress_history(task_id)] == [True, False]
    with pytest.raises(StoreError) as info:
        store.withdraw_report(task_id, unit_id, "再撤")
    assert info.value.code == "no_report"


def test_a_unit_pc_may_not_review_or_instruct(store: Store, db_path: Path) -> None:
    store.set_office(POLICE)
    rev = store.record_progress(entry(store, 23, POLICE))
    with pytest.raises(StoreError) as info:
        store.review_reports([ReviewInput(rev.revision_id, ReviewDecision.ACCEPTED)])
    assert info.value.code == "office_only"
    with pytest.raises(StoreError) as info:
        store.instruct(rev.task_id, "抓紧", "王副省长")
    assert info.value.code == "office_only"
    assert count(db_path, "report_reviews") == count(db_path, "instructions") == 0


def test_office_reviews_in_one_batch_and_a_return_needs_its_reason(
    store: Store, db_path: Path
) -> None:
    store.set_office(None, coordinating_office=True)
    a = store.record_progress(entry(store, 23, POLICE))
    b = store.record_progress(entry(store, 25, "哈尔滨海关"))
    with pytest.raises(StoreError) as info:
        store.review_reports(
            [
                ReviewInput(a.revision_id, ReviewDecision.ACCEPTED),
                ReviewInput(b.revision_id, ReviewDecision.RETURNED, " "),
            ]
        )
    assert info.value.code == "return_reason_required"
    assert count(db_path, "report_reviews") == 0  # all of the batch or none
    done = store.review_reports(
        [
            ReviewInput(a.revision_id, ReviewDecision.ACCEPTED, reviewer="李四"),
            ReviewInput(b.revision_id, ReviewDecision.RETURNED, "缺少数据", "李四"),
        ]
    )
    assert [r.decision for r in done] == [ReviewDecision.ACCEPTED, ReviewDecision.RETURNED]
    assert done[1].lamport > done[0].lamport > b.lamport
    view = store.plan_view()
    t23, t25 = view.task_by_number(23), view.task_by_number(25)
    assert t23 is not None and t25 is not None
    assert unit_review_state(t23, a.unit_id) is ReviewState.ACCEPTED
    assert unit_review_state(t25, b.unit_id) is ReviewState.RETURNED


def test_return_counts_as_unreported_until_the_unit_reports_again(store: Store) -> None:
    store.set_office(None, coordinating_office=True)
    store.set_rounds(RoundRule(RoundKind.DATES, dates=(dt.date(2026, 3, 31),)))
    task_id, unit_id = store.find_task_id(None, 23), store.find_unit_id(POLICE)
    store.record_progress(entry(store, 23, POLICE, report_date=dt.date(2026, 3, 20)))
    # No review recorded yet in this plan: an unreviewed report is simply 正常.
    assert store.lights(dt.date(2026, 4, 10))[1][task_id].light is Light.ON_TRACK
    store.review_report(task_id, unit_id, ReviewDecision.RETURNED, "请补充")
    light = store.lights(dt.date(2026, 4, 10))[1][task_id]
    assert light.light is Light.UNREPORTED and light.missing_units == (unit_id,)
    store.record_progress(entry(store, 23, POLICE, report_date=dt.date(2026, 4, 2), percent=50))
    assert store.lights(dt.date(2026, 4, 10))[1][task_id].light is Light.PENDING_REVIEW
    store.review_report(task_id, unit_id, ReviewDecision.ACCEPTED)
    assert store.lights(dt.date(2026, 4, 10))[1][task_id].light is Light.ON_TRACK


def test_instruction_needs_text_and_leader(store: Store) -> None:
    store.set_office(None, coordinating_office=True)
    task_id = store.find_task_id(None, 23)
    with pytest.raises(StoreError) as info:
        store.instruct(task_id, "抓紧", " ")
    assert info.value.code == "instruction_incomplete"
    said = store.instruct(task_id, "抓紧落实", "王副省长", dt.date(2026, 4, 2))
    task = store.plan_view().task_by_number(23)
    assert task is not None and task.instructions == (said,)


def test_history_summary_reads_a_bounded_page(store: Store) -> None:
    store.set_office(None, coordinating_office=True)
    first = store.record_progress(entry(store, 23, POLICE, percent=0))
    parent = first
    for n in range(1, 12):
        parent = store.record_progress(
            entry(store, 23, POLICE, percent=n, parent_revision_id=parent.revision_id,
                  reason="续报", report_date=dt.date(2026, 3, 1) + dt.timedelta(days=n))
        )  # fmt: skip
    page, total = store.history_summary(first.task_id, limit=5)
    assert total == 12 and [r.percent for r in page] == [11, 10, 9, 8, 7]
    assert all(r.unit_name == POLICE for r in page)
