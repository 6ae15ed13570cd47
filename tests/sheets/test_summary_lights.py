"""进展情况汇总表 with the day's lights: 逾期 and 未按期报送 beside the report counts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pypdf import PdfReader

from domain.records import PlanView
from domain.status_lights import Light, plan_lights
from sheets import SheetOptions, summary_sheet
from sheets.progress import section_counts, unit_counts, with_section_lights, with_unit_lights
from sheets.word import summary_docx
from tests.sheets.conftest import FIXED_DAY, squash
from tests.sheets.docxcheck import open_docx, table_texts
from tests.sheets.test_reminder_sheet import AS_OF, POLICE, late_plan  # noqa: F401


def test_light_columns_count_the_days_lights(late_plan: PlanView) -> None:  # noqa: F811
    lights = plan_lights(late_plan, AS_OF)
    totals = Counter(light.light for light in lights.values())
    sections = with_section_lights(late_plan, section_counts(late_plan), lights)
    assert sections[-1].label == "合计"
    assert sections[-1].overdue == totals[Light.OVERDUE] >= 1
    assert sections[-1].late == totals[Light.UNREPORTED] >= 1
    assert sum(r.overdue or 0 for r in sections[:-1]) == sections[-1].overdue
    units = {r.label: r for r in with_unit_lights(late_plan, unit_counts(late_plan), lights)}
    # The police owe 23 (overdue) and have not reported 25 for the last round.
    assert units[POLICE].overdue == 1 and units[POLICE].late == 1
    assert units["哈尔滨海关"].late == 0


def test_pdf_and_word_show_the_light_columns(late_plan: PlanView, tmp_path: Path) -> None:  # noqa: F811
    lights = plan_lights(late_plan, AS_OF)
    options = SheetOptions(generated_on=FIXED_DAY, as_of=AS_OF)
    pdf = tmp_path / "summary.pdf"
    summary_sheet(late_plan, pdf, options, lights)
    text = squash("".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
    assert "从未报送逾期未按期报送完成率" in text and "统计截至：2026年05月01日" in text
    docx = tmp_path / "summary.docx"
    summary_docx(late_plan, docx, options, lights)
    by_section, by_unit = open_docx(docx).tables
    header = table_texts(by_section)[0]
    assert header[-4:] == ["从未报送", "逾期", "未按期报送", "完成率"]
    police = next(r for r in table_texts(by_unit) if r[0] == POLICE)
    assert police[-3:-1] == ["1", "1"]
