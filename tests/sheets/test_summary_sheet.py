"""进展情况汇总表 and the counting rules behind it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from domain.enums import ProgressStatus
from domain.records import PlanView
from sheets import SheetOptions, summary_sheet, task_status
from sheets.progress import section_counts, unit_counts
from tests.sheets.conftest import revision, with_progress


def test_task_status_follows_the_owners(small_plan: PlanView) -> None:
    t1, t2, _t3 = small_plan.all_tasks()
    assert task_status(t1) is None  # nobody reported: 未报送
    # A cooperating unit's report does not move a led task.
    coop = with_progress(small_plan, {1: [revision(t1, "省乙局", ProgressStatus.DONE, 100)]})
    assert task_status(coop.all_tasks()[0]) is None
    lead_done = with_progress(small_plan, {1: [revision(t1, "省甲厅", ProgressStatus.DONE, 100)]})
    assert task_status(lead_done.all_tasks()[0]) is ProgressStatus.DONE
    # Two responsible units: done only when both are.
    one = with_progress(small_plan, {2: [revision(t2, "省乙局", ProgressStatus.DONE, 100)]})
    assert task_status(one.all_tasks()[1]) is ProgressStatus.IN_PROGRESS
    blocked = with_progress(
        small_plan,
        {
            2: [
                revision(t2, "省乙局", ProgressStatus.DONE, 100),
                revision(t2, "省丙委", ProgressStatus.BLOCKED, 20),
            ]
        },
    )
    assert task_status(blocked.all_tasks()[1]) is ProgressStatus.BLOCKED
    withdrawn = with_progress(
        small_plan, {1: [revision(t1, "省甲厅", ProgressStatus.DONE, 100, withdrawn=True)]}
    )
    assert task_status(withdrawn.all_tasks()[0]) is None


def test_counts_per_section_and_unit(small_plan: PlanView) -> None:
    t1, t2, t3 = small_plan.all_tasks()
    plan = with_progress(
        small_plan,
        {
            1: [revision(t1, "省甲厅", ProgressStatus.DONE, 100)],
            3: [revision(t3, "省丙委", ProgressStatus.IN_PROGRESS, 50)],
        },
    )
    sections = section_counts(plan)
    assert [(r.total, r.done, r.not_reported) for r in sections] == [
        (2, 1, 1),
        (1, 0, 0),
        (3, 1, 1),
    ]
    assert sections[-1].label == "合计"
    assert round(sections[0].completion_rate, 2) == 0.5
    units = {r.label: r for r in unit_counts(plan)}
    assert units["省甲厅"].total == 2 and units["省甲厅"].done == 1
    assert units["省甲厅"].lead_count == 1
    assert units["省丙委"].by_status[ProgressStatus.IN_PROGRESS] == 1
    assert units["省丙委"].not_reported == 1


def test_summary_pdf(
    seed_plan: PlanView, tmp_path: Path, options: SheetOptions, pdf_text: Callable[[Path], str]
) -> None:
    t20 = seed_plan.task_by_number(20)
    assert t20 is not None
    plan = with_progress(seed_plan, {20: [revision(t20, "省公安厅", ProgressStatus.DONE, 100)]})
    out = tmp_path / "summary.pdf"
    summary_sheet(plan, out, options)
    text = pdf_text(out)
    assert "进展情况汇总表" in text and "统计截至：2024年05月08日" in text
    assert "一、按部分统计" in text and "二、按单位统计" in text
    # 合计: 60 tasks, 0 done, 1 in progress (one of eleven units), 0, 0, 59 unreported.
    assert "合计600100590.0%" in text
    for unit in plan.units():
        assert unit.unit_name in text
