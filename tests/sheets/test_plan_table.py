"""重点任务分工表: every task with its lead and cooperating units, headers on every page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

from domain.enums import Role
from domain.records import PlanView
from sheets import SheetOptions, plan_table
from sheets.plan_table import lead_text
from tests.sheets.conftest import pdf_pages, squash


@pytest.fixture(scope="module")
def table_pdf(seed_plan: PlanView, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.sheets.conftest import FIXED_DAY

    out = tmp_path_factory.mktemp("plan") / "plan.pdf"
    plan_table(seed_plan, out, SheetOptions(generated_on=FIXED_DAY))
    return out


def test_holds_all_sixty_tasks_with_their_units(
    seed_plan: PlanView, table_pdf: Path, pdf_text: Callable[[Path], str]
) -> None:
    text = pdf_text(table_pdf)
    tasks = seed_plan.all_tasks()
    assert len(tasks) == 60
    for task in tasks:
        assert squash(task.text) in text, task.number
        # Lead and cooperating cells, as the row shows them.
        row = squash(task.text) + squash(lead_text(task))
        cooperating = "、".join(a.unit_name for a in task.units_with(Role.COOPERATE))
        assert row + (squash(cooperating) or "—") in text, task.number


def test_section_and_subsection_headings(
    seed_plan: PlanView, table_pdf: Path, pdf_text: Callable[[Path], str]
) -> None:
    text = pdf_text(table_pdf)
    for section in seed_plan.sections:
        assert squash(section.label + section.title) in text
        for sub in section.subsections:
            assert squash(sub.label + sub.title) in text


def test_landscape_a4_and_header_on_every_page(table_pdf: Path) -> None:
    pages = PdfReader(table_pdf).pages
    assert len(pages) > 5
    for page in pages:
        assert float(page.mediabox.width) == pytest.approx(A4[1], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(A4[0], abs=0.5)
    for number, text in enumerate(pdf_pages(table_pdf), 1):
        assert squash(text).count("序号任务内容牵头（负责）单位配合单位") == 1, number
        assert f"— {number} —" in text


def test_lead_text_keeps_the_documents_wording(seed_plan: PlanView) -> None:
    t2, t5, t25 = (seed_plan.task_by_number(n) for n in (2, 5, 25))
    assert t2 and t5 and t25
    assert lead_text(t2) == "省编办、省知识产权局、省工商局、省新闻出版广电局（按职责分别负责）"
    assert lead_text(t5) == "省委组织部"
    assert lead_text(t25) == "哈尔滨海关；省公安厅负责"


def test_portrait_on_request(
    seed_plan: PlanView, tmp_path: Path, pdf_text: Callable[[Path], str]
) -> None:
    out = tmp_path / "portrait.pdf"
    plan_table(seed_plan, out, SheetOptions(landscape=False, page_numbers="center"))
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)
    text = pdf_text(out)
    assert all(squash(t.text) in text for t in seed_plan.all_tasks())
