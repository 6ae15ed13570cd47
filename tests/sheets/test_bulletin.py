"""进展情况通报: content from the supervision figures, laid out in PDF and Word alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from pypdf import PdfReader

from domain.enums import ProgressStatus
from domain.records import Instruction, PlanView
from domain.status_lights import plan_lights
from sheets import SheetOptions, bulletin_sheet
from sheets.bulletin import build_bulletin, instruction_lines
from sheets.word import bulletin_docx
from supervision.figures import plan_figures
from tests.sheets.conftest import FIXED_DAY, revision, squash, with_progress
from tests.sheets.docxcheck import all_text, east_asia_fonts, open_docx, out_of_order, to_pdf
from tests.sheets.test_reminder_sheet import AS_OF, POLICE, late_plan  # noqa: F401

SENDER = "省知识产权强省建设领导小组办公室"


def reported(plan: PlanView) -> PlanView:
    """The late plan, with the police's report on task 20 filled in every field."""
    t20 = plan.task_by_number(20)
    assert t20 is not None
    rev = revision(
        t20,
        POLICE,
        ProgressStatus.IN_PROGRESS,
        30,
        dt.date(2026, 4, 20),
        work="建立协作机制。",
        problems="人手不足。",
        next_steps="6月底前联合执法。",
        reporter="李赟",
    )
    keep = [r for r in t20.current_progress if r.unit_name != POLICE]
    return with_progress(plan, {20: [rev, *keep]})


def test_the_content_follows_the_figures_and_names_the_late(late_plan: PlanView) -> None:  # noqa: F811
    plan = reported(late_plan)
    lights = plan_lights(plan, AS_OF)
    bulletin = build_bulletin(plan, lights, AS_OF, SENDER)
    figures = plan_figures(plan, lights, AS_OF)
    assert bulletin.opening.startswith(f"截至2026年5月1日，{plan.title}确定的 60 项重点任务中")
    for light, count in figures.total.items():
        assert f" {count} 项" in bulletin.opening, light
    assert len(bulletin.overview) == len(plan.sections) == len(bulletin.sections)
    assert "第 23 项（省公安厅，逾期 31 天）" in bulletin.overdue
    police = next(line for line in bulletin.unreported if line.startswith(POLICE))
    assert "25" in police and "23" not in police
    entry = next(t for s in bulletin.sections for t in s.tasks if t.number == 20)
    line = next(u for u in entry.units if u.unit == POLICE)
    assert line.status == "推进中 30%（2026年4月20日报送）"
    assert ("下一步计划", "6月底前联合执法。") in line.parts
    # A cooperating unit's silence is not listed; an owing unit's is.
    entry25 = next(t for s in bulletin.sections for t in s.tasks if t.number == 25)
    assert [u.unit for u in entry25.units if u.silent] == [POLICE]
    assert bulletin.sender == SENDER and bulletin.date == "2026年5月1日"


def _instruction(lamport: int, leader: str, day: dt.date, text: str) -> Instruction:
    return Instruction(
        instruction_id=f"i{lamport}", plan_id="p", task_id="t", author_installation_id="o",
        author_seq=lamport, lamport=lamport, authored_at="2026-05-02T08:00:00+00:00",
        text=text, leader=leader, instructed_on=day,
    )  # fmt: skip


def test_instructions_are_quoted_oldest_first_and_blank_ones_skipped() -> None:
    task = SimpleNamespace(
        instructions=(
            _instruction(3, "李副省长", dt.date(2026, 6, 1), "按期办结。"),
            _instruction(1, "张省长", dt.date(2026, 5, 2), "请抓紧办理。"),
            _instruction(2, "王秘书长", dt.date(2026, 5, 9), "  "),
        )
    )
    assert instruction_lines(task) == [  # type: ignore[arg-type]
        "张省长（2026年5月2日）：请抓紧办理。",
        "李副省长（2026年6月1日）：按期办结。",
    ]


def test_pdf_bulletin_keeps_the_sender_with_the_last_paragraph(
    late_plan: PlanView,  # noqa: F811
    tmp_path: Path,
) -> None:
    plan = reported(late_plan)
    out = tmp_path / "通报.pdf"
    options = SheetOptions(generated_on=FIXED_DAY, sender=SENDER)
    bulletin_sheet(plan, plan_lights(plan, AS_OF), AS_OF, out, options)
    pages = [squash(p.extract_text() or "") for p in PdfReader(out).pages]
    text = "".join(pages)
    assert "〔2026〕号" in pages[0] and "进展情况的通报" in pages[0]
    for phrase in ("一、总体情况", "二、各项任务进展情况", "三、逾期和未按期报送情况"):
        assert phrase in text
    assert "省公安厅（负责）：推进中30%（2026年4月20日报送）。工作进展：建立协作机制。" in text
    assert "下一步计划：6月底前联合执法。" in text
    assert "第23项（省公安厅，逾期31天）" in text
    assert SENDER in pages[-1] and "2026年5月1日" in pages[-1]
    assert "请上述单位抓紧报送" in pages[-1]


def test_word_bulletin_is_running_text_on_the_gbt9704_grid(
    late_plan: PlanView,  # noqa: F811
    tmp_path: Path,
) -> None:
    plan = reported(late_plan)
    out = tmp_path / "通报.docx"
    bulletin_docx(plan, plan_lights(plan, AS_OF), AS_OF, out, SheetOptions(sender=SENDER))
    doc = open_docx(out)
    assert out_of_order(doc) == []
    grid = doc.sections[0]._sectPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid"
    )
    assert grid.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}linePitch") == (
        "579"
    )
    heads = {p.text: east_asia_fonts(p) for p in doc.paragraphs if p.text.endswith("情况")}
    assert heads["一、总体情况"] == {"黑体"}
    second = next(
        p for p in doc.paragraphs if p.text.startswith("（一）推进") and "：共" not in p.text
    )
    assert east_asia_fonts(second) == {"楷体_GB2312"}
    text = all_text(doc)
    assert "下一步计划：6月底前联合执法。" in text and SENDER in text
    assert not doc.tables  # running text, as a 通报 is written
    pdf = to_pdf(out, tmp_path)
    pages = [squash(p.extract_text() or "") for p in PdfReader(pdf).pages]
    assert "进展情况的通报" in pages[0] and SENDER in pages[-1]
