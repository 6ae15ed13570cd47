"""催办单: exactly one unit's late items, as the status lights say, and nothing else."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain.enums import ProgressStatus, Role
from domain.records import PlanView, SectionView, SubsectionView, TaskView
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import Light, TaskLight, plan_lights
from sheets import SheetOptions, UnknownUnitError, late_items, reminder_sheet
from tests.sheets.conftest import make_task, pdf_pages, revision, squash, unit, with_progress
from tests.sheets.pdfcheck import embedded, page_fonts

D = dt.date
POLICE = "省公安厅"
AS_OF = D(2026, 5, 1)


def with_deadlines(plan: PlanView, deadlines: dict[int, Deadline]) -> PlanView:
    def task(t: TaskView) -> TaskView:
        return dataclasses.replace(t, deadline=deadlines[t.number]) if t.number in deadlines else t

    sections = []
    for s in plan.sections:
        subs = tuple(
            dataclasses.replace(sub, tasks=tuple(map(task, sub.tasks))) for sub in s.subsections
        )
        sections.append(dataclasses.replace(s, subsections=subs, tasks=tuple(map(task, s.tasks))))
    return dataclasses.replace(plan, sections=tuple(sections))


@pytest.fixture
def late_plan(seed_plan: PlanView) -> PlanView:
    """Police owe 23 (overdue) and 25 (silent since the 04-30 round); 20 is reported."""
    plan = with_deadlines(
        seed_plan,
        {23: Deadline(D(2026, 3, 31)), 20: Deadline(D(2026, 6, 30)), 1: Deadline(None, True)},
    )
    t20, t25 = plan.task_by_number(20), plan.task_by_number(25)
    assert t20 is not None and t25 is not None
    plan = with_progress(
        plan,
        {
            20: [revision(t20, POLICE, ProgressStatus.IN_PROGRESS, 30, D(2026, 4, 20))],
            25: [revision(t25, "哈尔滨海关", ProgressStatus.IN_PROGRESS, 50, D(2026, 4, 20))],
        },
    )
    return dataclasses.replace(plan, rounds=RoundRule(RoundKind.DATES, dates=(D(2026, 4, 30),)))


def numbers(tasks: tuple[TaskView, ...]) -> list[int]:
    return [t.number for t in tasks]


def test_late_items_follow_the_lights(late_plan: PlanView) -> None:
    lights = plan_lights(late_plan, AS_OF)
    police = next(u for u in late_plan.units() if u.unit_name == POLICE)
    items = late_items(late_plan, lights, police.unit_id)
    assert numbers(items.overdue) == [23]
    assert numbers(items.unreported) == [25]
    assert len(items) == 2
    # Task 20 is 未报送 too, but for its other units: the police reported in time.
    t20 = late_plan.task_by_number(20)
    assert t20 is not None and lights[t20.id].light is Light.UNREPORTED
    assert lights[t20.id].missing_units and police.unit_id not in lights[t20.id].missing_units
    customs = next(u for u in late_plan.units() if u.unit_name == "哈尔滨海关")
    assert len(late_items(late_plan, lights, customs.unit_id)) == 0


def test_a_cooperating_unit_is_not_reminded_of_the_leads_deadline(small_plan: PlanView) -> None:
    t1 = small_plan.task_by_number(1)
    assert t1 is not None
    overdue = TaskLight(Light.OVERDUE, Deadline(D(2026, 1, 1)), (), -10)
    lights = {t.id: TaskLight(Light.ON_TRACK, None, (), None) for t in small_plan.all_tasks()}
    lights[t1.id] = overdue
    lead, cooperating = unit("省甲厅", Role.LEAD), unit("省乙局", Role.COOPERATE)
    assert numbers(late_items(small_plan, lights, lead.unit_id).overdue) == [1]
    assert len(late_items(small_plan, lights, cooperating.unit_id)) == 0


def test_unreported_lists_only_the_silent_unit(small_plan: PlanView) -> None:
    t2 = small_plan.task_by_number(2)  # 省乙局 and 省丙委, each responsible
    assert t2 is not None
    silent, reported = unit("省丙委", Role.RESPONSIBLE), unit("省乙局", Role.RESPONSIBLE)
    lights = {t.id: TaskLight(Light.ON_TRACK, None, (), None) for t in small_plan.all_tasks()}
    lights[t2.id] = TaskLight(Light.UNREPORTED, None, (silent.unit_id,), None)
    assert numbers(late_items(small_plan, lights, silent.unit_id).unreported) == [2]
    assert len(late_items(small_plan, lights, reported.unit_id)) == 0


def test_sheet_prints_the_items_and_nothing_else(
    late_plan: PlanView, tmp_path: Path, options: SheetOptions, pdf_text: Callable[[Path], str]
) -> None:
    out = tmp_path / "reminder.pdf"
    items = reminder_sheet(late_plan, plan_lights(late_plan, AS_OF), POLICE, AS_OF, out, options)
    assert len(items) == 2
    text = pdf_text(out)
    assert text.startswith("催办单")
    assert f"催办单位：{POLICE}" in text
    assert "截至2026年5月1日" in text
    assert "逾期未完成（1项）" in text and "未按期报送进展（1项）" in text
    for task in late_plan.all_tasks():
        if task.number in (23, 25):
            assert squash(task.text) in text
        else:
            assert squash(task.text)[:30] not in text, task.number
    assert "2026-03-31" in text and "31天" in text  # deadline and days late
    assert "2026-04-30" in text  # the round the report was owed for
    assert text.count("从未报送") == 2
    assert "经办人" in text and "签收人" in text
    lines = {line.strip() for page in pdf_pages(out) for line in page.splitlines()}
    assert {int(x) for x in lines if x.isdigit()} == {23, 25}
    assert len(PdfReader(out).pages) == 1  # two items fit one sheet, signatures included
    assert all(embedded(font) for font in page_fonts(out).values())


def test_the_units_own_last_report_is_shown(
    small_plan: PlanView, tmp_path: Path, options: SheetOptions, pdf_text: Callable[[Path], str]
) -> None:
    t3 = small_plan.task_by_number(3)
    assert t3 is not None
    plan = with_progress(
        small_plan, {3: [revision(t3, "省丙委", ProgressStatus.BLOCKED, 40, D(2026, 2, 1))]}
    )
    lights = {t.id: TaskLight(Light.ON_TRACK, None, (), None) for t in plan.all_tasks()}
    lights[t3.id] = TaskLight(Light.OVERDUE, Deadline(D(2026, 3, 1)), (), -61)
    out = tmp_path / "bing.pdf"
    reminder_sheet(plan, lights, "省丙委", AS_OF, out, options)
    text = pdf_text(out)
    assert "受阻40%2026-02-01" in text and "61天" in text


def test_nothing_late_says_so(
    late_plan: PlanView, tmp_path: Path, options: SheetOptions, pdf_text: Callable[[Path], str]
) -> None:
    out = tmp_path / "customs.pdf"
    items = reminder_sheet(
        late_plan, plan_lights(late_plan, AS_OF), "哈尔滨海关", AS_OF, out, options
    )
    assert len(items) == 0
    text = pdf_text(out)
    assert "没有逾期未完成或未按期报送进展的任务" in text
    assert "逾期未完成（" not in text and "序号" not in text


def test_unknown_unit_writes_nothing(late_plan: PlanView, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(UnknownUnitError):
        reminder_sheet(late_plan, plan_lights(late_plan, AS_OF), "不存在局", AS_OF, out)
    assert not out.exists()


def test_a_very_long_overdue_task_still_lays_out(
    tmp_path: Path, options: SheetOptions, pdf_text: Callable[[Path], str]
) -> None:
    long_text = "加强知识产权保护，完善协同机制，推进综合执法。" * 120
    task = make_task(7, long_text, [unit("省甲厅", Role.LEAD)])
    section = SectionView("s1", 1, "第一部分", (SubsectionView("s1.1", 1, "方面一", (task,)),), ())
    plan = PlanView("p", "测试方案", "", None, "", "f" * 64, (section,))
    lights = {task.id: TaskLight(Light.OVERDUE, Deadline(D(2026, 1, 1)), (), -120)}
    out = tmp_path / "long.pdf"
    reminder_sheet(plan, lights, "省甲厅", AS_OF, out, options)
    assert len(PdfReader(out).pages) >= 2  # the row is split across pages, nothing lost
    assert pdf_text(out).count("推进综合执法") == 120
