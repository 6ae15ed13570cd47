"""The light rule at its edges, as a pure function with the date injected."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.enums import ProgressStatus, Role
from domain.records import AssignmentView, ProgressRevision, TaskView
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import Light, task_light

D = dt.date
LEAD = AssignmentView("u-lead", "省甲厅", Role.LEAD, "牵头")
COOP = AssignmentView("u-coop", "省乙厅", Role.COOPERATE, "配合")
RESP = AssignmentView("u-resp", "省丙局", Role.RESPONSIBLE, "负责")


def task(*reports: ProgressRevision, units: tuple[AssignmentView, ...] = (LEAD, COOP)) -> TaskView:
    return TaskView(
        id="t",
        plan_id="p",
        number=1,
        text="x",
        assignment_text="",
        path="1.1.1",
        section_number=1,
        section_title="",
        subsection_number=None,
        subsection_title=None,
        assignments=units,
        current_progress=reports,
    )


def rep(
    unit: str, day: dt.date, status: ProgressStatus = ProgressStatus.IN_PROGRESS
) -> ProgressRevision:
    return ProgressRevision(
        revision_id=f"r-{unit}-{day}",
        report_id="x",
        parent_revision_id=None,
        task_id="t",
        unit_id=unit,
        unit_name=unit,
        author_installation_id="i",
        author_seq=1,
        lamport=1,
        authored_at="",
        status=status,
        percent=50,
        report_date=day,
        work_done="w",
    )


DEADLINE = Deadline(date=D(2026, 6, 30))


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (D(2026, 6, 1), Light.ON_TRACK),
        (D(2026, 6, 23), Light.DUE_SOON),  # exactly the warning window (7 days)
        (D(2026, 6, 30), Light.DUE_SOON),  # the deadline day itself is not late
        (D(2026, 7, 1), Light.OVERDUE),
    ],
)
def test_deadline_edges(as_of: dt.date, expected: Light) -> None:
    assert task_light(task(), deadline=DEADLINE, rounds=None, as_of=as_of).light is expected


def test_done_before_deadline_stays_done_after_it() -> None:
    done = task(rep("u-lead", D(2026, 6, 1), ProgressStatus.DONE))
    result = task_light(done, deadline=DEADLINE, rounds=None, as_of=D(2027, 1, 1))
    assert result.light is Light.DONE


def test_cooperating_unit_done_is_not_enough() -> None:
    partly = task(rep("u-coop", D(2026, 6, 1), ProgressStatus.DONE))
    assert task_light(partly, deadline=DEADLINE, rounds=None, as_of=D(2026, 7, 1)).light is (
        Light.OVERDUE
    )


def test_closed_task_is_done() -> None:
    assert (
        task_light(task(), deadline=DEADLINE, rounds=None, as_of=D(2027, 1, 1), closed=True).light
        is Light.DONE
    )


def test_long_term_is_never_overdue() -> None:
    result = task_light(task(), deadline=Deadline(long_term=True), rounds=None, as_of=D(2040, 1, 1))
    assert result.light is Light.ON_TRACK and result.days_left is None


MONTHLY = RoundRule(RoundKind.MONTHLY, day=25, start=D(2026, 1, 1))


def test_round_day_itself_is_due_not_missed() -> None:
    result = task_light(task(), deadline=None, rounds=MONTHLY, as_of=D(2026, 1, 25))
    assert result.light is Light.DUE_SOON


def test_just_after_a_round_with_no_report_is_unreported() -> None:
    result = task_light(task(), deadline=None, rounds=MONTHLY, as_of=D(2026, 1, 26))
    assert result.light is Light.UNREPORTED and result.missing_units == ("u-lead",)


def test_a_unit_that_never_reported_among_several() -> None:
    t = task(rep("u-lead", D(2026, 1, 20)), units=(LEAD, RESP, COOP))
    result = task_light(t, deadline=None, rounds=MONTHLY, as_of=D(2026, 1, 26))
    assert result.light is Light.UNREPORTED and result.missing_units == ("u-resp",)


def test_report_for_the_round_counts_and_an_old_one_does_not() -> None:
    reported = task(rep("u-lead", D(2026, 2, 3)))
    as_of = D(2026, 3, 1)  # rounds passed: 1-25, 2-25; the report after 1-25 covers 2-25
    assert task_light(reported, deadline=None, rounds=MONTHLY, as_of=as_of).light is (
        Light.ON_TRACK
    )
    stale = task(rep("u-lead", D(2026, 1, 10)))
    assert task_light(stale, deadline=None, rounds=MONTHLY, as_of=as_of).light is (Light.UNREPORTED)


def test_late_report_after_the_round_counts() -> None:
    late = task(rep("u-lead", D(2026, 1, 27)))
    assert task_light(late, deadline=None, rounds=MONTHLY, as_of=D(2026, 1, 28)).light is (
        Light.ON_TRACK
    )


def test_overdue_wins_over_unreported() -> None:
    result = task_light(
        task(), deadline=Deadline(date=D(2026, 1, 1)), rounds=MONTHLY, as_of=D(2026, 2, 1)
    )
    assert result.light is Light.OVERDUE


def test_quarterly_and_custom_rounds() -> None:
    quarterly = RoundRule(RoundKind.QUARTERLY, start=D(2026, 1, 1))
    assert quarterly.dates_between(D(2026, 1, 1), D(2026, 12, 31)) == [
        D(2026, 3, 31),
        D(2026, 6, 30),
        D(2026, 9, 30),
        D(2026, 12, 31),
    ]
    custom = RoundRule(RoundKind.DATES, dates=(D(2026, 5, 10), D(2026, 2, 1)))
    assert custom.last_passed(D(2026, 5, 11)) == (D(2026, 2, 1), D(2026, 5, 10))
    feb = RoundRule(RoundKind.MONTHLY, day=31, start=D(2026, 1, 1))
    assert feb.dates_between(D(2026, 2, 1), D(2026, 2, 28)) == [D(2026, 2, 28)]
