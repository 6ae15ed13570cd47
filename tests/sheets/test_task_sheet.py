"""督办单: task, units, deadline, the whole progress history and the signature boxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from domain.enums import ProgressStatus
from domain.records import PlanView
from sheets import SheetOptions, UnknownTaskError, task_sheet
from tests.sheets.conftest import revision, squash


def test_task_units_deadline_history_and_boxes(
    seed_plan: PlanView,
    tmp_path: Path,
    options: SheetOptions,
    pdf_text: Callable[[Path], str],
) -> None:
    task = seed_plan.task_by_number(25)
    assert task is not None
    history = [
        revision(
            task,
            "省公安厅",
            ProgressStatus.NOT_STARTED,
            0,
            dt.date(2024, 3, 1),
            "拟定工作方案。",
            lamport=1,
        ),
        revision(
            task,
            "哈尔滨海关",
            ProgressStatus.IN_PROGRESS,
            40,
            dt.date(2024, 4, 2),
            "与远东海关局会谈一次。",
            lamport=2,
            on_behalf=True,
            reporter="王喆",
            phone="0451-12345678",
        ),
        revision(
            task,
            "省公安厅",
            ProgressStatus.BLOCKED,
            10,
            dt.date(2024, 5, 3),
            "等待部里批复。",
            lamport=3,
            withdrawn=True,
        ),
    ]
    out = tmp_path / "task.pdf"
    task_sheet(seed_plan, 25, out, history=history, deadline=dt.date(2024, 12, 31), options=options)
    text = pdf_text(out)
    assert "督办单" in text and "第25项" in text
    assert squash(task.text) in text
    assert "牵头单位哈尔滨海关" in text and "负责单位省公安厅" in text
    assert "完成时限2024年12月31日" in text
    for rev in history:
        assert rev.work_done in text
    # Oldest first, with status, percent and the marks.
    assert text.index("2024-03-01") < text.index("2024-04-02") < text.index("2024-05-03")
    assert "未启动0%" in text and "推进中40%" in text and "受阻（已撤回）10%" in text
    assert "协调办公室代为录入" in text and "王喆0451-12345678" in text
    for box in ("督办意见", "经办人：", "审核人：", "日期："):
        assert box in text


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
