"""The report rules, review states and the lights' use of a return, as pure functions."""

from __future__ import annotations

import dataclasses
import datetime as dt

from domain.enums import ProgressStatus, ReviewDecision
from domain.records import ProgressInput, ProgressRevision, ReportReview
from domain.review_rules import ReviewState, returned_units, review_state
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import LIGHT_LABELS_ZH, LIGHT_MEANINGS_ZH, Light, task_light
from domain.validation import (
    ProgressProblem,
    message_zh,
    progress_problems,
    stored_breaches,
)
from tests.supervision.test_lights import COOP, LEAD, rep, task

D = dt.date
P = ProgressProblem


def entry(**changes: object) -> ProgressInput:
    base = ProgressInput(
        task_id="t",
        unit_id="u-lead",
        status=ProgressStatus.IN_PROGRESS,
        percent=40,
        report_date=D(2026, 3, 1),
        work_done="已制定方案",
        reporter="张三",
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def review(rev: ProgressRevision, decision: ReviewDecision, lamport: int = 10) -> ReportReview:
    return ReportReview(
        review_id=f"v{lamport}",
        report_id=rev.report_id,
        revision_id=rev.revision_id,
        task_id="t",
        unit_id=rev.unit_id,
        author_installation_id="office",
        author_seq=lamport,
        lamport=lamport,
        authored_at="",
        decision=decision,
        reason="数据不实" if decision is ReviewDecision.RETURNED else "",
    )


def test_a_complete_report_passes() -> None:
    assert progress_problems(entry(), task()) == []


def test_blank_report_is_refused_for_text_and_reporter() -> None:
    problems = progress_problems(entry(work_done="  ", reporter=""), task())
    assert problems == [P.WORK_TEXT_REQUIRED, P.REPORTER_REQUIRED]
    assert message_zh(problems) == "请填写工作进展。请填写填报人。"


def test_done_means_one_hundred_percent() -> None:
    done30 = entry(status=ProgressStatus.DONE, percent=30)
    assert progress_problems(done30, task()) == [P.DONE_NEEDS_FULL_PERCENT]
    assert progress_problems(dataclasses.replace(done30, percent=100), task()) == []


def test_lower_percent_than_before_needs_a_word_of_explanation() -> None:
    before = dataclasses.replace(rep("u-lead", D(2026, 2, 1)), percent=60)
    assert progress_problems(entry(percent=40), task(), before) == [P.LOWER_PERCENT_NEEDS_REASON]
    assert progress_problems(entry(percent=40, reason="口径调整"), task(), before) == []
    assert progress_problems(entry(percent=60), task(), before) == []
    withdrawn = dataclasses.replace(before, withdrawn=True)
    assert progress_problems(entry(percent=40), task(), withdrawn) == []


def test_edit_needs_a_reason_and_withdrawal_needs_one_too() -> None:
    assert progress_problems(entry(parent_revision_id="r1"), task()) == [P.EDIT_REASON_REQUIRED]
    assert progress_problems(entry(parent_revision_id="r1", reason="错字"), task()) == []
    out = entry(withdrawn=True, work_done="", reporter="")
    assert progress_problems(out, task()) == [P.WITHDRAW_REASON_REQUIRED]
    assert progress_problems(dataclasses.replace(out, reason="报错任务"), task()) == []


def test_unit_outside_the_task_and_long_reason_are_refused() -> None:
    assert P.UNIT_NOT_IN_TASK in progress_problems(entry(unit_id="u-x"), task())
    assert P.TEXT_TOO_LONG in progress_problems(entry(reason="长" * 1001), task())


def test_old_records_are_marked_not_rewritten() -> None:
    old = dataclasses.replace(
        rep("u-lead", D(2025, 1, 1), ProgressStatus.DONE), percent=30, work_done=""
    )
    assert stored_breaches(old) == [
        P.WORK_TEXT_REQUIRED,
        P.REPORTER_REQUIRED,
        P.DONE_NEEDS_FULL_PERCENT,
    ]
    assert stored_breaches(dataclasses.replace(old, withdrawn=True)) == [P.WITHDRAW_REASON_REQUIRED]
    good = dataclasses.replace(old, percent=100, work_done="完成", reporter="王五")
    assert stored_breaches(good) == []


def test_review_state_follows_the_current_report_only() -> None:
    first = rep("u-lead", D(2026, 3, 1))
    later = rep("u-lead", D(2026, 3, 9))
    returned = review(first, ReviewDecision.RETURNED, 5)
    assert review_state(first, []) is ReviewState.PENDING
    assert review_state(first, [returned]) is ReviewState.RETURNED
    # The latest review of the same revision decides, whatever order they arrive in.
    accepted = review(first, ReviewDecision.ACCEPTED, 7)
    assert review_state(first, [accepted, returned]) is ReviewState.ACCEPTED
    # The unit's next report clears the return: it waits for review again.
    assert review_state(later, [returned]) is ReviewState.PENDING
    assert returned_units(dataclasses.replace(task(first), reviews=(returned,))) == {"u-lead"}
    assert returned_units(dataclasses.replace(task(later), reviews=(returned,))) == frozenset()


ROUNDS = RoundRule(RoundKind.DATES, dates=(D(2026, 3, 31), D(2026, 6, 30)))


def light_of(*reports: ProgressRevision, reviews: tuple[ReportReview, ...] = (), **kw: object):  # type: ignore[no-untyped-def]
    t = dataclasses.replace(task(*reports), reviews=reviews)
    return task_light(
        t,
        deadline=Deadline(date=D(2026, 12, 31)),
        rounds=ROUNDS,
        as_of=D(2026, 4, 10),
        **kw,  # type: ignore[arg-type]
    )


def test_a_returned_report_counts_as_not_reported() -> None:
    reported = rep("u-lead", D(2026, 3, 20))
    assert light_of(reported).light is Light.ON_TRACK
    back = review(reported, ReviewDecision.RETURNED)
    result = light_of(reported, reviews=(back,))
    assert result.light is Light.UNREPORTED and result.missing_units == ("u-lead",)
    # Before the round passed, the return shows as its own light.
    early = dataclasses.replace(task(reported), reviews=(back,))
    before = task_light(early, deadline=None, rounds=ROUNDS, as_of=D(2026, 3, 25))
    assert before.light is Light.RETURNED
    # The unit reports again: counted, nothing owed.
    again = rep("u-lead", D(2026, 4, 5))
    assert light_of(again, reviews=(back,)).light is Light.ON_TRACK


def test_a_returned_done_report_does_not_complete_the_task() -> None:
    done = rep("u-lead", D(2026, 3, 20), ProgressStatus.DONE)
    assert light_of(done).light is Light.DONE
    back = review(done, ReviewDecision.RETURNED)
    assert light_of(done, reviews=(back,)).light is Light.UNREPORTED


def test_pending_review_shows_only_where_review_is_in_use() -> None:
    reported = rep("u-lead", D(2026, 3, 20))
    assert light_of(reported).light is Light.ON_TRACK
    assert light_of(reported, review_in_use=True).light is Light.PENDING_REVIEW
    ok = review(reported, ReviewDecision.ACCEPTED)
    assert light_of(reported, reviews=(ok,), review_in_use=True).light is Light.ON_TRACK
    # A 配合 unit's unreviewed report is not the task's business.
    coop = rep("u-coop", D(2026, 3, 20))
    both = light_of(reported, coop, reviews=(ok,), review_in_use=True)
    assert both.light is Light.ON_TRACK and COOP.unit_id == "u-coop" and LEAD.role


def test_every_light_has_one_word_and_one_meaning() -> None:
    assert set(LIGHT_LABELS_ZH) == set(Light) == set(LIGHT_MEANINGS_ZH)
    assert len(set(LIGHT_LABELS_ZH.values())) == len(Light)
