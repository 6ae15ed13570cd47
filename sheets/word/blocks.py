"""Word sheets layer: the building blocks every sheet uses (title, headings, body, tables).

A table cell's content is plain text, or a list of lines, each line plain text or a tuple
of :class:`Seg` (bold labels such as "存在问题：" inside a line).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from sheets.word.page import (
    BODY_FONT,
    ERHAO,
    HEI_FONT,
    KAI_FONT,
    LINE_PITCH_TWIPS,
    SANHAO,
    TITLE_FONT,
    WUHAO,
    XIAOSI,
    WordPage,
    add_property,
    add_run,
)

HEADER_FILL = "D9D9D9"
GROUP_FILL = "F2F2F2"
#: Fixed line pitch of running text: 22 lines in the type area.
BODY_LINE = Pt(LINE_PITCH_TWIPS / 20)


@dataclass(frozen=True, slots=True)
class Seg:
    """A piece of a line in a table cell."""

    text: str
    bold: bool = False


Line = str | tuple[Seg, ...]
Cell = str | Sequence[Line]


def _exact(paragraph: Paragraph, points: float) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(points)


def title(page: WordPage, text: str) -> Paragraph:
    """二号 小标宋, centred; "\\n" in ``text`` marks where the title breaks."""
    para = page.doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _exact(para, ERHAO * 1.5)
    para.paragraph_format.space_after = Pt(SANHAO / 2)
    # Its own line pitch, not two grid lines per title line.
    add_property(para._p.get_or_add_pPr(), "w:snapToGrid", val="0")
    add_run(para, text, TITLE_FONT, ERHAO)
    return para


def subtitle(page: WordPage, text: str, *, label: str = "") -> Paragraph:
    """A centred 三号 line under the title ("责任单位：省公安厅"; label in 黑体)."""
    para = page.doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _exact(para, SANHAO * 1.6)
    if label:
        add_run(para, label, HEI_FONT, SANHAO)
    add_run(para, text, KAI_FONT if not label else BODY_FONT, SANHAO)
    return para


def heading(page: WordPage, text: str, level: int = 1) -> Paragraph:
    """一、 in 黑体, （一） in 楷体_GB2312, 三号, indented two characters as 公文 do."""
    para = page.doc.add_paragraph()
    para.paragraph_format.first_line_indent = Pt(SANHAO * 2)
    para.paragraph_format.space_before = Pt(6)
    para.paragraph_format.keep_with_next = True
    _exact(para, BODY_LINE.pt)
    add_run(para, text, HEI_FONT if level == 1 else KAI_FONT, SANHAO)
    return para


def body(
    page: WordPage, text: str | Sequence[Seg], *, size: float = SANHAO, indent: bool = True
) -> Paragraph:
    """Running text: 三号 仿宋, first line indented two characters, fixed line pitch."""
    para = page.doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent:
        para.paragraph_format.first_line_indent = Pt(size * 2)
    _exact(para, BODY_LINE.pt if size >= SANHAO else size * 1.6)
    segs = (Seg(text),) if isinstance(text, str) else tuple(text)
    for seg in segs:
        add_run(para, seg.text, HEI_FONT if seg.bold else BODY_FONT, size)
    return para


def note(page: WordPage, text: str, size: float = WUHAO) -> Paragraph:
    return body(page, text, size=size, indent=False)


def right_aligned(page: WordPage, lines: Sequence[str], *, size: float = SANHAO) -> None:
    """落款 lines: right-aligned, four characters in from the right edge (GB/T 9704 7.3.5)."""
    for line in lines:
        para = page.doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        para.paragraph_format.right_indent = Pt(size * 4)
        para.paragraph_format.keep_with_next = True
        _exact(para, BODY_LINE.pt)
        add_run(para, line, BODY_FONT, size)


def page_break(page: WordPage) -> None:
    page.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def spacer(page: WordPage, points: float = 6, *, keep: bool = False) -> None:
    para = page.doc.add_paragraph()
    _exact(para, points)
    para.paragraph_format.keep_with_next = keep or None


def keep_last_row_with_next(tbl: Table) -> None:
    """The table's last row stays on the page of what follows (a 落款 never stands alone)."""
    for cell in tbl.rows[-1].cells:
        keep_with_next(cell.paragraphs)


def _shade(cell: _Cell, fill: str) -> None:
    add_property(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


def _fill_cell(
    cell: _Cell, content: Cell, size: float, *, bold: bool = False, center: bool = False
) -> None:
    lines: Sequence[Line] = [content] if isinstance(content, str) else content
    first = True
    for line in lines or [""]:
        para = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
        _exact(para, size * 1.45)
        segs = (Seg(line, bold),) if isinstance(line, str) else line
        for seg in segs:
            add_run(para, seg.text, HEI_FONT if seg.bold else BODY_FONT, size)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _fixed_layout(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False  # w:tblLayout fixed: the widths below hold
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)


def repeat_header(table: Table, rows: int = 1) -> None:
    """Mark the first ``rows`` rows as header rows Word repeats on every page."""
    for row in table.rows[:rows]:
        add_property(row._tr.get_or_add_trPr(), "w:tblHeader", val="true")


def table(
    page: WordPage,
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    widths: Sequence[float],
    *,
    size: float = WUHAO,
    center_columns: Sequence[int] = (0,),
    groups: Sequence[int] = (),
) -> Table:
    """A ruled table, header shaded and repeated on every page.

    ``widths`` are relative; ``groups``: indexes (in ``rows``) of full-width group rows
    (一、… headings) whose first cell holds the text.
    """
    scale = page.width_mm / sum(widths)
    widths_mm = [w * scale for w in widths]
    tbl = page.doc.add_table(rows=1 + len(rows), cols=len(header))
    tbl.style = page.doc.styles["Table Grid"]
    _fixed_layout(tbl, widths_mm)
    for cell, text in zip(tbl.rows[0].cells, header, strict=True):
        _fill_cell(cell, text, size, bold=True, center=True)
        _shade(cell, HEADER_FILL)
    repeat_header(tbl)
    group_rows = set(groups)
    for index, row in enumerate(rows):
        # A row moves to the next page whole (Word still splits one taller than a page).
        add_property(tbl.rows[index + 1]._tr.get_or_add_trPr(), "w:cantSplit")
        cells = tbl.rows[index + 1].cells
        if index in group_rows:
            merged = cells[0].merge(cells[-1])
            _fill_cell(merged, row[0], size, bold=True)
            _shade(merged, GROUP_FILL)
            # A group heading never ends a page: it stays with the task row under it.
            keep_with_next(merged.paragraphs)
            continue
        for col, (cell, content) in enumerate(zip(cells, row, strict=True)):
            _fill_cell(cell, content, size, center=col in center_columns)
    for row, width in ((r, widths_mm) for r in tbl.rows):
        for cell, w in zip(row.cells, width, strict=False):
            cell.width = Mm(w)
    return tbl


def facts_table(page: WordPage, facts: Sequence[tuple[str, Cell]], *, size: float = WUHAO) -> Table:
    """Label | value rows (督办单 facts): labels bold on grey, no header row."""
    widths_mm = [page.width_mm * 24 / 156, page.width_mm * 132 / 156]
    tbl = page.doc.add_table(rows=len(facts), cols=2)
    tbl.style = page.doc.styles["Table Grid"]
    _fixed_layout(tbl, widths_mm)
    for row, (label, value) in zip(tbl.rows, facts, strict=True):
        _fill_cell(row.cells[0], label, size, bold=True, center=True)
        _shade(row.cells[0], HEADER_FILL)
        _fill_cell(row.cells[1], value, size)
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)
    return tbl


def boxes(
    page: WordPage, labels: Sequence[str], *, height_mm: float = 14, size: float = XIAOSI
) -> Table:
    """Boxes to sign in (经办人 / 审核人 / 日期): the label on top, room below; kept whole."""
    width = page.width_mm / len(labels)
    tbl = page.doc.add_table(rows=1, cols=len(labels))
    tbl.style = page.doc.styles["Table Grid"]
    _fixed_layout(tbl, [width] * len(labels))
    row = tbl.rows[0]
    row.height = Mm(height_mm + 6)
    add_property(row._tr.get_or_add_trPr(), "w:cantSplit")
    for cell, label in zip(row.cells, labels, strict=True):
        _fill_cell(cell, f"{label}：", size)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        cell.width = Mm(width)
    return tbl


def keep_with_next(paragraphs: Sequence[Paragraph]) -> None:
    for para in paragraphs:
        para.paragraph_format.keep_with_next = True
