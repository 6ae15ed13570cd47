"""Word sheets: real .docx files read back with python-docx, and converted by LibreOffice."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from docx.shared import Length
from pypdf import PdfReader

from domain.enums import ProgressStatus
from domain.records import PlanView
from domain.status_lights import plan_lights
from sheets import SheetOptions, UnknownUnitError
from sheets.word import plan_table_docx, reminder_docx, summary_docx, task_docx, unit_docx
from tests.sheets.conftest import FIXED_DAY, RARE_NAMES, revision, squash, with_progress
from tests.sheets.docxcheck import (
    all_text,
    east_asia_fonts,
    font_table,
    footer_xml,
    header_repeats,
    open_docx,
    out_of_order,
    paragraph_with,
    table_texts,
    to_pdf,
)
from tests.sheets.test_reminder_sheet import AS_OF, POLICE, late_plan  # noqa: F401

D = dt.date


def mm(*lengths: Length | None) -> tuple[float, ...]:
    """Lengths in millimetres, to 0.1 mm (Word stores twentieths of a point)."""
    return tuple(round(length.mm, 1) if length is not None else -1 for length in lengths)


@pytest.fixture
def reported_plan(seed_plan: PlanView) -> PlanView:
    """The police reported on task 23 with every field filled."""
    t23 = seed_plan.task_by_number(23)
    assert t23 is not None
    rev = revision(
        t23,
        POLICE,
        ProgressStatus.IN_PROGRESS,
        60,
        D(2026, 4, 20),
        work="已完成专项行动第一阶段。",
        problems="跨省协查周期长。",
        next_steps="5月底前完成第二阶段。",
        reporter=f"王喆（{RARE_NAMES[:3]}）",
        phone="0451-8888",
    )
    return with_progress(seed_plan, {23: [rev]})


def test_unit_docx_is_a_gbt9704_page_with_named_fonts(
    reported_plan: PlanView, tmp_path: Path
) -> None:
    out = tmp_path / "police.docx"
    unit_docx(reported_plan, POLICE, out, SheetOptions(generated_on=FIXED_DAY))
    doc = open_docx(out)
    section = doc.sections[0]
    assert mm(section.page_width, section.page_height) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert mm(*margins) == (37, 35, 28, 26)
    # Title in 小标宋 (宋体 where the PC lacks it), body 仿宋_GB2312, headings 黑体.
    assert east_asia_fonts(paragraph_with(doc, "任务分工责任清单")) == {"方正小标宋简体"}
    assert east_asia_fonts(paragraph_with(doc, "一、负责任务")) == {"黑体"}
    assert font_table(doc)["方正小标宋简体"] == "宋体"
    assert font_table(doc)["仿宋_GB2312"] == "仿宋"
    assert font_table(doc)["楷体_GB2312"] == "楷体"
    normal = doc.styles["Normal"].element.rPr.rFonts
    assert normal.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == (
        "仿宋_GB2312"
    )
    text = all_text(doc)
    assert "责任单位：省公安厅" in text
    tasks = [
        t for t in reported_plan.all_tasks() if any(a.unit_name == POLICE for a in t.assignments)
    ]
    for task in tasks:
        assert squash(task.text) in text
    # Every table of tasks repeats its header; the 进展情况 column carries all fields.
    task_tables = [t for t in doc.tables if table_texts(t)[0][:1] == ["序号"]]
    assert task_tables and all(header_repeats(t) for t in task_tables)
    rows = [row for t in task_tables for row in table_texts(t)]
    row23 = next(r for r in rows if r[0] == "23")
    assert "推进中60%" in row23[3]
    for part in (
        "工作进展：已完成专项行动第一阶段",
        "存在问题：跨省协查周期长",
        "下一步计划：5月底前",
    ):
        assert part in row23[3]
    assert "填报人：王喆（朱镕基）　0451-8888".replace("　", "") in row23[3].replace("　", "")
    # Ready to stamp: the block closes the document.
    last = table_texts(doc.tables[-1])[0]
    assert last == ["单位（盖章）：", "负责人签字：", "日期："]
    # "— 1 —" from a PAGE field, odd pages right and even left.
    footers = footer_xml(doc)
    assert footers.count(" PAGE ") == 2 and footers.count("— ") == 2
    assert doc.settings.odd_and_even_pages_header_footer
    assert out_of_order(doc) == []


def test_unknown_unit_raises_before_writing(seed_plan: PlanView, tmp_path: Path) -> None:
    out = tmp_path / "x.docx"
    with pytest.raises(UnknownUnitError):
        unit_docx(seed_plan, "省不存在厅", out)
    assert not out.exists()


def test_plan_table_docx_holds_every_task_under_its_groups(
    seed_plan: PlanView, tmp_path: Path
) -> None:
    out = tmp_path / "plan.docx"
    plan_table_docx(seed_plan, out, SheetOptions(generated_on=FIXED_DAY))
    doc = open_docx(out)
    section = doc.sections[0]
    assert mm(section.page_width, section.page_height) == (297, 210)
    (table,) = doc.tables
    assert header_repeats(table)
    cells = table_texts(table)
    numbers = [int(r[0]) for r in cells[1:] if r[0].isdigit()]
    assert numbers == sorted(t.number for t in seed_plan.all_tasks())
    groups = [r[0] for r in cells[1:] if len(set(r)) == 1]
    assert len(groups) == 6 + 26


def test_task_docx_lists_the_history_and_signature_boxes(
    reported_plan: PlanView, tmp_path: Path
) -> None:
    out = tmp_path / "task.docx"
    task_docx(reported_plan, 23, out, options=SheetOptions(generated_on=FIXED_DAY))
    doc = open_docx(out)
    text = all_text(doc)
    assert "督办单" in text and "第23项" in text
    assert "下一步计划：5月底前完成第二阶段" in text
    assert table_texts(doc.tables[-1])[0] == ["经办人：", "审核人：", "日期："]


def test_reminder_docx_has_its_items_and_the_sender_on_the_last_page(
    late_plan: PlanView,  # noqa: F811
    tmp_path: Path,
) -> None:
    out = tmp_path / "reminder.docx"
    lights = plan_lights(late_plan, AS_OF)
    options = SheetOptions(generated_on=FIXED_DAY, sender="省知识产权强省建设领导小组办公室")
    items = reminder_docx(late_plan, lights, POLICE, AS_OF, out, options)
    assert [t.number for t in items.overdue] == [23]
    doc = open_docx(out)
    text = all_text(doc)
    assert "截至2026年5月1日，你单位有1项任务逾期未完成、1项任务未按期报送进展情况" in text
    # 落款 and date, right-aligned, kept with the signature boxes that follow.
    sender = paragraph_with(doc, "省知识产权强省建设领导小组办公室（盖章）")
    date = next(p for p in doc.paragraphs if p.text == "2026年5月1日")
    assert sender.paragraph_format.keep_with_next and date.paragraph_format.keep_with_next
    assert table_texts(doc.tables[-1])[0] == ["经办人：", "审核人：", "签收人：", "日期："]


def test_summary_docx_counts_by_section_and_unit(seed_plan: PlanView, tmp_path: Path) -> None:
    out = tmp_path / "summary.docx"
    summary_docx(seed_plan, out, SheetOptions(generated_on=FIXED_DAY))
    doc = open_docx(out)
    by_section, by_unit = doc.tables
    assert header_repeats(by_section) and header_repeats(by_unit)
    assert table_texts(by_section)[-1][:2] == ["合计", "60"]
    assert len(by_unit.rows) == 1 + len(seed_plan.units())


def test_libreoffice_opens_the_word_sheets(
    reported_plan: PlanView,
    late_plan: PlanView,  # noqa: F811
    tmp_path: Path,
) -> None:
    """Converted by LibreOffice headless: A4, the text, the page numbers, the stamp block."""
    unit_file = tmp_path / "清单 省公安厅.docx"
    unit_docx(reported_plan, POLICE, unit_file, SheetOptions(generated_on=FIXED_DAY))
    reminder_file = tmp_path / "催办单.docx"
    reminder_docx(late_plan, plan_lights(late_plan, AS_OF), POLICE, AS_OF, reminder_file)
    for source, must in (
        (
            unit_file,
            ("任务分工责任清单", "责任单位：省公安厅", "下一步计划：5月底前", "单位（盖章）"),
        ),
        (reminder_file, ("催办单", "领导小组办公室（盖章）", "2026年5月1日", "签收人")),
    ):
        pdf = to_pdf(source, tmp_path)
        reader = PdfReader(pdf)
        pages = [squash(p.extract_text() or "") for p in reader.pages]
        for page in reader.pages:
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            assert round(width) == 595 and round(height) == 842
        for phrase in must:
            assert phrase in "".join(pages), phrase
        assert "—1—" in pages[0]
        if len(pages) > 1:
            assert "—2—" in pages[1]
    # The 催办单's 落款 is on the page that ends its body, with the boxes.
    last = squash(PdfReader(tmp_path / "催办单.pdf").pages[-1].extract_text() or "")
    assert "领导小组办公室（盖章）" in last and "经办人" in last
    png = tmp_path / "page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "清单 省公安厅.pdf"),
            str(png),
        ],
        check=True,
    )
    assert list(tmp_path.glob("page*.png"))
