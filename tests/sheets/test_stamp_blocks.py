"""Sheets ready to stamp: the 清单's 盖章 block, the 催办单's 落款 with its body, titles that
break after whole words, and a 进展情况 column with every field of the report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from domain.enums import ProgressStatus
from domain.records import PlanView
from domain.status_lights import plan_lights
from sheets import SheetOptions, reminder_sheet, unit_sheet
from tests.sheets.conftest import FIXED_DAY, replace_task_text, revision, squash, with_progress
from tests.sheets.test_reminder_sheet import AS_OF, POLICE, late_plan  # noqa: F401

D = dt.date


def pages(path: Path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(path).pages]


def test_unit_sheet_ends_with_the_stamp_block_and_shows_every_field(
    seed_plan: PlanView, tmp_path: Path
) -> None:
    t23 = seed_plan.task_by_number(23)
    assert t23 is not None
    rev = revision(
        t23,
        POLICE,
        ProgressStatus.IN_PROGRESS,
        60,
        D(2026, 4, 20),
        work="已完成第一阶段。",
        problems="跨省协查周期长。",
        next_steps="5月底前完成第二阶段。",
        reporter="王喆",
        phone="0451-8888",
    )
    out = tmp_path / "police.pdf"
    unit_sheet(
        with_progress(seed_plan, {23: [rev]}), POLICE, out, SheetOptions(generated_on=FIXED_DAY)
    )
    text = [squash(p) for p in pages(out)]
    joined = "".join(text)
    for part in (
        "存在问题：跨省协查周期长。",
        "下一步计划：5月底前完成第二阶段。",
        "填报人：王喆0451-8888",
    ):
        assert part in joined, part
    assert "单位（盖章）" in text[-1] and "负责人签字" in text[-1] and "日期" in text[-1]


def test_plan_title_breaks_after_whole_words(seed_plan: PlanView, tmp_path: Path) -> None:
    out = tmp_path / "police.pdf"
    unit_sheet(seed_plan, POLICE, out, SheetOptions(generated_on=FIXED_DAY))
    lines = [line.strip() for line in pages(out)[0].splitlines()]
    title = next(i for i, line in enumerate(lines) if line.startswith("《黑龙江省"))
    assert lines[title].endswith(("的", "关于", "》"))
    assert not lines[title + 1].startswith(("施", "意见", "见"))


def test_reminder_sender_and_date_close_the_body_on_one_page(
    late_plan: PlanView,  # noqa: F811
    tmp_path: Path,
) -> None:
    # Long task texts push the tables to the foot of the first page.
    plan = late_plan
    for number in (23, 25):
        task = plan.task_by_number(number)
        assert task is not None
        plan = replace_task_text(plan, number, task.text * 4)
    out = tmp_path / "reminder.pdf"
    options = SheetOptions(generated_on=FIXED_DAY, sender="省知识产权强省建设领导小组办公室")
    reminder_sheet(plan, plan_lights(plan, AS_OF), POLICE, AS_OF, out, options)
    text = [squash(p) for p in pages(out)]
    last = text[-1]
    assert "省知识产权强省建设领导小组办公室（盖章）" in last and "2026年5月1日" in last
    assert "经办人" in last and "签收人" in last
    # The last page holds more than the boxes: the last row of the table is with them.
    assert "25" in last.split("领导小组办公室")[0]


def test_reminder_without_items_keeps_its_paragraph_with_the_sender(
    seed_plan: PlanView, tmp_path: Path
) -> None:
    out = tmp_path / "none.pdf"
    reminder_sheet(seed_plan, plan_lights(seed_plan, AS_OF), POLICE, AS_OF, out)
    (page,) = [squash(p) for p in pages(out)]
    assert "没有逾期未完成或未按期报送进展的任务" in page and "领导小组办公室（盖章）" in page
