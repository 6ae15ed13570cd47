"""The corpus scoring itself: pairs missed, pairs invented and wrong roles each cost."""

from __future__ import annotations

import pytest

from plan_parser import parse_plan_text
from tests.corpus.scoring import READINGS, Golden, GoldTask, golden_slugs, load_golden, score_plan

GOLDEN = Golden(
    "example",
    "provincial",
    [
        GoldTask("1.", "推进甲工作", {"省发改委": "牵头", "省财政厅": "配合"}),
        GoldTask("2.", "推进乙工作", {"省商务厅": "负责"}),
    ],
)


def score(text: str):  # type: ignore[no-untyped-def]
    return score_plan(GOLDEN, parse_plan_text("一、任务\n" + text))


def test_a_plan_read_as_written_scores_one() -> None:
    s = score("1.推进甲工作。（省发改委牵头，省财政厅配合）\n2.推进乙工作。（省商务厅负责）\n")
    assert (s.pair_f1, s.role_accuracy, s.matched_tasks) == (1.0, 1.0, 2)
    assert s.misses == ()


def test_a_missed_pair_costs_recall_and_an_invented_one_precision() -> None:
    s = score("1.推进甲工作。（省发改委牵头）\n2.推进乙工作。（省商务厅、省公安厅负责）\n")
    assert s.recall == pytest.approx(2 / 3) and s.precision == pytest.approx(2 / 3)
    assert s.pair_f1 == pytest.approx(2 / 3)
    assert any("省财政厅" in m for m in s.misses) and any("省公安厅" in m for m in s.misses)


def test_a_wrong_role_costs_role_accuracy_not_f1() -> None:
    s = score("1.推进甲工作。（省发改委、省财政厅负责）\n2.推进乙工作。（省商务厅负责）\n")
    assert s.pair_f1 == 1.0 and s.role_accuracy == pytest.approx(1 / 3)


def test_units_of_a_task_the_golden_does_not_have_are_invented_pairs() -> None:
    s = score(
        "1.推进甲工作。（省发改委牵头，省财政厅配合）\n2.推进乙工作。（省商务厅负责）\n"
        "3.推进丙工作。（省民政厅负责）\n"
    )
    assert s.recall == 1.0 and s.precision == pytest.approx(3 / 4)
    assert s.matched_tasks == 2 and s.parsed_tasks == 3


def test_every_golden_says_how_it_was_read() -> None:
    """Goldens drafted from the parser's output are marked so; at least three of those were
    read again from the text alone (the README's corpus table shows it)."""
    readings = {slug: load_golden(slug).reading for slug in golden_slugs()}
    assert set(readings.values()) <= set(READINGS)
    assert sum(1 for r in readings.values() if r == "re-read") >= 3
    assert readings["cn-kjcgzh-2016"] == "text" and readings["cn-wufei-2018"] == "text"
