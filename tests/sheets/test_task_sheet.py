"""督办单: task, units, deadline, status, each unit's current report with its review, the
批示, the bounded history on request, and the signature boxes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from domain.enums import ProgressStatus, ReviewDecision
from domain.records import Instruction, PlanView, ReportReview, TaskView
from domain.status_lights import Light, TaskLight
from sheets import SheetOptions, UnknownTaskError, task_sheet
from sheets.task_sheet import HISTORY_ROWS
from tests.sheets.conftest import revision, squash


def with_task(plan: PlanView, task: TaskView) -> PlanView:
    """``plan`` with one task replaced (its reviews make review "in use" for the plan)."""
    sections = tuple(
        dataclasses.replace(
            section,
            tasks=tuple(task if t.id == task.id else t for t in section.tasks),
            subsections=tuple(
                dataclasses.replace(
                    sub, tasks=tuple(task if t.id == task.id else t for t in sub.tasks)
                )
                for sub in section.subsections
            ),
        )
        for section in plan.sections
    )
    return dataclasses.replace(plan, sections=sections)


def test_current_reports_review_instructions_and_bounded_history(
    seed_plan: PlanView,
    tmp_path: Path,
    options: SheetOptions,
    pdf_text: Callable[[Path], str],
) -> None:
    task = seed_plan.task_by_number(25)
    assert task is not None
    customs = revision(task, "哈尔滨海关", ProgressStatus.IN_PROGRESS, 40, dt.date(2024, 4, 2),
                       "与远东海关局会谈一次。", lamport=2, on_behalf=True, reporter="王喆",
                       phone="0451-12345678")  # fmt: skip
    police = revision(task, "省公安厅", ProgressStatus.BLOCKED, 10, dt.date(2024, 5, 3),
                      "等待部里批复。", lamport=3, reporter="")  # fmt: skip
    back = ReportReview("v1", police.report_id, police.revision_id, task.id, police.unit_id,
                        "office", 9, 9, "2024-05-08T08:00:00Z", ReviewDecision.RETURNED,
                        "未写明批复文号")  # fmt: skip
    said = Instruction("i1", seed_plan.id, task.id, "office", 10, 10, "", "请海关与公安厅联合推进",
                       "王副省长", dt.date(2024, 5, 9))  # fmt: skip
    current = dataclasses.replace(
        task, current_progress=(police, customs), reviews=(back,), instructions=(said,)
    )
    plan = with_task(seed_plan, current)
    light = TaskLight(Light.UNREPORTED, None, (police.unit_id,), None)
    out = tmp_path / "task.pdf"
    task_sheet(plan, current, out, deadline=dt.date(2024, 12, 31), light=light, options=options)
    text = pdf_text(out)
    assert "督办单" in text and "第25项" in text
    assert squash(task.text) in text
    assert "牵头单位哈尔滨海关" in text and "负责单位省公安厅" in text
    assert "完成时限2024年12月31日" in text and "当前状态未报送" in text
    # Each unit's current report once; the superseded one is not a report.
    assert "等待部里批复" in text and "与远东海关局会谈一次" in text
    assert "拟定工作方案" not in text and "报送记录" not in text
    assert "已退回（2024-05-08）：未写明批复文号" in text and "待审核" in text
    assert "协调办公室代为录入" in text and "王喆0451-12345678" in text
    assert "不符合现行填报规则" in text  # no 填报人: kept and marked
    # The 批示 replaces the blank lines.
    assert "王副省长（2024年05月09日）：请海关与公安厅联合推进" in text
    for box in ("督办意见", "经办人：", "审核人：", "日期："):
        assert box in text

    many = [
        revision(task, "省公安厅", ProgressStatus.IN_PROGRESS, n % 100,
                 dt.date(2024, 1, 1) + dt.timedelta(days=n), f"第{n}次报送。", lamport=n + 10)
        for n in range(HISTORY_ROWS + 5)
    ]  # fmt: skip
    out = tmp_path / "history.pdf"
    task_sheet(plan, current, out, history=many, history_total=25_000, options=options)
    text = pdf_text(out)
    assert "报送记录" in text and f"第{HISTORY_ROWS + 4}次报送" in text
    assert "第0次报送" not in text and "第4次报送" not in text  # only the newest are listed
    assert f"共25000条报送记录，此处列出最近{HISTORY_ROWS}条" in text


def test_without_history_shows_current_progress_or_blank(
    seed_plan: PlanView, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    out = tmp_path / "blank.pdf"
    task_sheet(seed_plan, seed_plan.all_tasks()[0], out)
    text = pdf_text(out)
    assert "暂无进展报送" in text
    assert "完成时限" in text


def test_unknown_task_number(seed_plan: PlanView, tmp_path: Path) -> None:
    with pytest.raises(UnknownTaskError):
        task_sheet(seed_plan, 61, tmp_path / "x.pdf")
