"""A 分工表 inside a PDF is read by its cells: wrapped lines inside a cell joined, one unit
per line kept apart, the header repeated on each page left out, a deadline merged down the
rows, a section row merged across; and in the Word-made 分工表 (LibreOffice's PDF of
tests/data/plans/seed-table.docx) rows cut by page breaks joined again."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.enums import Role
from plan_intake import parse_plan_document, read_plan_text
from plan_intake.pdf_tables import _ABOVE, PdfTable, _append_piece
from tests.conftest import REPO_ROOT

PLANS = REPO_ROOT / "tests" / "data" / "plans"

TASK = "推进第{n}项重点工作，建立健全工作机制，完善配套政策措施，加强督促检查和考核评价，" * 3


def _make_table_pdf(out: Path, tasks: int = 12) -> None:
    """A 分工表 with ruling lines and its header repeated on every page (ReportLab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from sheets.fonts import BODY, register_fonts

    register_fonts()
    style = ParagraphStyle("cell", fontName=BODY, fontSize=10.5, leading=15)
    head = ParagraphStyle("head", parent=style, fontSize=16, leading=24, alignment=1)
    rows: list[list[object]] = [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        [Paragraph("一、重点任务", style), "", "", "", ""],
    ]
    for n in range(1, tasks + 1):
        rows.append(
            [
                str(n),
                Paragraph(TASK.format(n=n), style),
                Paragraph("省发展改革委", style),
                # Two units, one per line: a paragraph break, not a wrap.
                Paragraph("省财政厅<br/>省人力资源社会保障厅", style),
                Paragraph("2026年底前" if n <= 3 else "长期坚持", style),
            ]
        )
    table = Table(
        rows,
        colWidths=[12 * mm, 80 * mm, 28 * mm, 28 * mm, 22 * mm],
        repeatRows=1,
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("FONTNAME", (0, 0), (-1, -1), BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("SPAN", (0, 1), (-1, 1)),  # the section row, merged across
                ("SPAN", (4, 2), (4, 4)),  # one deadline for tasks 1–3, merged down
            ]
        )
    )
    for n in range(2, 4):
        rows[n + 1][4] = ""
    doc = SimpleDocTemplate(str(out), pagesize=A4, topMargin=37 * mm, bottomMargin=35 * mm)
    title = Paragraph("某省推进营商环境建设重点任务分工表", head)
    doc.build([title, table])


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "分工表.pdf"
    _make_table_pdf(path)
    return path


def test_rows_cut_by_page_breaks_are_joined() -> None:
    """The Word 分工表 printed to PDF: several pages start with the rest of a row."""
    import pdfplumber

    pdf_path = PLANS / "seed-table.pdf"
    with pdfplumber.open(pdf_path) as pdf:
        tops = [page.find_tables()[0].extract()[:2] for page in pdf.pages[1:]]
    assert all(top[0] == ["序号", "重点任务", "责任单位", "完成时限"] for top in tops)
    assert sum(1 for top in tops if top[1][0] == "") >= 10  # 序号 empty: a cut row
    # Each cut row is whole again: the PDF reads line for line as the Word table does.
    assert read_plan_text(pdf_path) == read_plan_text(PLANS / "seed-table.docx")


def test_table_pdf_reads_as_tasks_with_units_and_deadlines(table_pdf: Path) -> None:
    plan = parse_plan_document(table_pdf)
    tasks = plan.all_tasks()
    assert [t.number for t in tasks] == list(range(1, 13))
    assert [s.title for s in plan.sections] == ["重点任务"]
    for n, task in enumerate(tasks, 1):
        assert task.text == TASK.format(n=n)  # wrapped and cut lines joined, nothing doubled
        assert [(u.name, u.role) for u in task.units] == [
            ("省发展改革委", Role.LEAD),
            ("省财政厅", Role.COOPERATE),
            ("省人力资源社会保障厅", Role.COOPERATE),
        ]
        assert task.deadline_text == ("2026年底前" if n <= 3 else "长期坚持")
    assert plan.problems == [] and plan.non_task_items == []
    text = read_plan_text(table_pdf)
    assert text.splitlines()[0] == "某省推进营商环境建设重点任务分工表"
    assert "序号" not in text  # the repeated header is no row


def test_a_text_pdf_without_tables_is_read_as_before() -> None:
    text = read_plan_text(PLANS / "seed-numbered.pdf")
    assert "（责任单位：" not in text  # paragraphs as written, not table lines


def _piece(rows: list[list[str]], *, numbered: bool) -> PdfTable:
    header = rows[0]
    table = PdfTable(1, 700.0, [100.0, 200.0, 300.0], header, rows=[list(r) for r in rows])
    table.last_page = 1
    table.numbered_column = 0 if numbered else None
    table.task_column = 1 if numbered else 0
    return table


def test_a_cut_row_without_a_number_column_is_told_by_its_unfinished_sentence() -> None:
    header = ["重点任务", "牵头单位", "完成时限"]
    table = _piece([header, ["推进甲工作，完善", "省财政厅", "2026年底前"]], numbered=False)
    _append_piece(table, [header, ["配套政策。", "", ""], ["推进乙工作。", "省商务厅", ""]], 2)
    assert table.grid() == [
        header,
        ["推进甲工作，完善配套政策。", "省财政厅", "2026年底前"],
        ["推进乙工作。", "省商务厅", ""],
    ]
    # A row that ended with its sentence is no cut: the next page starts a new row.
    table = _piece([header, ["推进甲工作。", "省财政厅", "2026年底前"]], numbered=False)
    _append_piece(table, [header, ["推进乙工作。", "省商务厅", "长期坚持"]], 2)
    assert [r[0] for r in table.grid()] == ["重点任务", "推进甲工作。", "推进乙工作。"]


def test_a_deadline_merged_down_runs_on_over_the_page_break() -> None:
    header = ["序号", "重点任务", "完成时限"]
    table = _piece([header, ["1", "推进甲工作。", "2026年底前"]], numbered=True)
    # Page 2 starts with a new row (numbered); the merged cell's piece on it is empty and
    # the cells below it are covered by it.
    _append_piece(table, [header, ["2", "推进乙工作。", ""], ["3", "推进丙工作。", _ABOVE]], 2)
    assert [r[2] for r in table.grid()[1:]] == ["2026年底前"] * 3
