"""Build script (tooling, not shipped code): the embedded plan as offices receive it.

Writes, from the embedded plan text, the documents a coordinating office is actually handed
(committed under ``tests/data/plans/`` so CI needs neither python-docx nor LibreOffice)::

    seed-numbered.docx  Word with automatic list numbering: 一、/（一）/1. live in
                        numbering.xml (section headings through a numbered heading style,
                        the rest through w:numPr), never in the paragraph text; GB/T 9704
                        page, a running head and "— N —" page numbers
    seed-numbered.pdf   that document printed to PDF by LibreOffice (a Word-made PDF)
    seed-table.docx     the covering notice, then a 分工表: 序号 / 重点任务 / 责任单位 /
                        完成时限, section and subsection rows merged across the table,
                        完成时限 cells merged down a subsection
    seed-table.pdf      that 分工表 printed to PDF by LibreOffice: the header repeated on
                        every page, rows cut by page breaks, a merged 完成时限 running on
                        over a page
    seed-ledger.xlsx    an Excel 台账: a merged title row, the header row, 所属部分 and
                        所属方面 merged down their tasks, 牵头/配合/责任单位 in their own columns

    python scripts/make_plan_fixtures.py [--out tests/data/plans]

Needs python-docx and openpyxl (requirements-dev.txt) and ``soffice`` for the PDFs.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docx import Document  # noqa: E402
from docx.enum.table import WD_TABLE_ALIGNMENT  # noqa: E402
from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Font  # noqa: E402

from runtime.resources import default_plan_path  # noqa: E402

RUNNING_HEAD = "黑龙江省知识产权强省建设重点任务分工方案"
LABEL_RE = re.compile(r"^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）|(\d+)\.)")
TAIL_RE = re.compile(r"（([^（）]*)）$")
#: Deadlines an office would write in the 完成时限 column, one per section.
DEADLINES = ("2017年底前", "长期坚持", "2018年6月底前", "持续推进", "2017年底前", "长期坚持")


@dataclass
class Task:
    number: int
    text: str
    assignment: str


@dataclass
class Subsection:
    label: str
    title: str
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Section:
    label: str
    title: str
    subsections: list[Subsection] = field(default_factory=list)


def read_seed() -> tuple[list[str], list[Section]]:
    """The covering notice lines and the plan's outline, read straight off the text."""
    lines = [
        x.replace("\u3000", " ").strip()
        for x in default_plan_path().read_text("utf-8").splitlines()
    ]
    first = next(i for i, x in enumerate(lines) if LABEL_RE.match(x))
    sections: list[Section] = []
    for line in lines[first:]:
        m = LABEL_RE.match(line)
        if not m:
            continue
        rest = line[m.end() :]
        if m.group(1):
            sections.append(Section(m.group(0), rest))
        elif m.group(2):
            sections[-1].subsections.append(Subsection(m.group(0), rest))
        else:
            tail = TAIL_RE.search(rest)
            assert tail, line
            sections[-1].subsections[-1].tasks.append(
                Task(int(m.group(3)), rest[: tail.start()], tail.group(1))
            )
    return lines[:first], sections


# --- Word with automatic numbering ------------------------------------------------------

NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:pStyle w:val="Heading1"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCountingThousand"/>
    <w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/>
    <w:lvlJc w:val="left"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>
"""
#: The tasks are one list of their own that runs on through the whole document (1 … 60), as
#: offices number them; Word and LibreOffice both continue a list across other paragraphs.
TASK_NUMBERING = f"""
<w:abstractNum {nsdecls("w")} w:abstractNumId="91">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>
    <w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr></w:lvl>
</w:abstractNum>
"""


def _page_setup(doc: Document) -> None:
    """GB/T 9704: A4, 37/35/28/26 mm margins, 仿宋 三号 body."""
    section = doc.sections[0]
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "仿宋_GB2312"
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋_GB2312")
    normal.paragraph_format.line_spacing = Pt(28.9)
    normal.paragraph_format.space_after = Pt(0)


def _running_head_and_page_numbers(doc: Document) -> None:
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.text = RUNNING_HEAD
    head.alignment = WD_ALIGN_PARAGRAPH.CENTER
    head.runs[0].font.size = Pt(10.5)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("— ")
    foot._p.append(
        parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    foot.add_run(" —")
    for run in foot.runs:
        run.font.size = Pt(14)


def _number(paragraph, num_id: int, level: int) -> None:  # type: ignore[no-untyped-def]
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
            f'<w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def _notice(doc: Document, notice: list[str]) -> None:
    """The covering notice paragraph by paragraph; the title lines centred and larger."""
    title_from = next(
        i for i, x in enumerate(notice) if x.startswith("《") and not x.startswith("《〈")
    )
    for i, line in enumerate(notice):
        if not line:
            continue
        p = doc.add_paragraph(line)
        if i >= title_from:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.runs[0].font.size = Pt(22)
        elif re.match(r"^\d{4}年", line) or line.endswith("办公厅"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif not line.endswith("："):
            p.paragraph_format.first_line_indent = Pt(32)


def make_numbered_docx(notice: list[str], sections: list[Section], out: Path) -> None:
    doc = Document()
    _page_setup(doc)
    _running_head_and_page_numbers(doc)
    numbering = doc.part.numbering_part.element
    # abstractNum elements must precede the num elements (schema order).
    numbering.insert(0, parse_xml(TASK_NUMBERING))
    numbering.insert(0, parse_xml(NUMBERING))
    for num_id in (90, 91):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{num_id}"/></w:num>'
            )
        )
    # Section headings number through the heading style, as Word's 多级列表 linked to 标题 1 does.
    heading = doc.styles["Heading 1"]
    heading.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    heading.font.size = Pt(16)
    heading.font.name = "黑体"
    heading.element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")
    _notice(doc, notice)
    for section in sections:
        doc.add_paragraph(section.title, style="Heading 1")
        for sub in section.subsections:
            p = doc.add_paragraph(sub.title)
            _number(p, 90, 1)
            for task in sub.tasks:
                p = doc.add_paragraph(f"{task.text}（{task.assignment}）")
                _number(p, 91, 0)
    doc.save(out)


# --- Word 分工表 -------------------------------------------------------------------------


def _responsible_only(assignment: str) -> str | None:
    """ "省编办、知识产权局按职责分别负责" → the list alone: a 责任单位 column says 负责."""
    m = re.fullmatch(r"([^，；]+?)(按职责分别负责|负责)", assignment)
    return m.group(1) if m else None


def make_table_docx(notice: list[str], sections: list[Section], out: Path) -> None:
    doc = Document()
    _page_setup(doc)
    _running_head_and_page_numbers(doc)
    _notice(doc, notice)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, word in zip(
        table.rows[0].cells, ("序号", "重点任务", "责任单位", "完成时限"), strict=True
    ):
        cell.text = word
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for s_index, section in enumerate(sections):
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[3])
        merged.text = section.label + section.title
        for sub in section.subsections:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[3])
            merged.text = sub.label + sub.title
            first_deadline_cell = None
            for task in sub.tasks:
                row = table.add_row()
                cells = row.cells
                cells[0].text = str(task.number)
                cells[1].text = task.text
                only = _responsible_only(task.assignment)
                cells[2].text = only if only is not None else task.assignment
                # One deadline for the whole subsection, written once in a cell merged down.
                if first_deadline_cell is None:
                    first_deadline_cell = cells[3]
                    first_deadline_cell.text = DEADLINES[s_index]
                else:
                    first_deadline_cell = first_deadline_cell.merge(cells[3])
    widths = (Mm(12), Mm(95), Mm(35), Mm(14))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    doc.save(out)


# --- Excel 台账 --------------------------------------------------------------------------


def _split_roles(assignment: str) -> dict[str, str]:
    """ "A牵头，B、C配合" → {"牵头单位": "A", "配合单位": "B、C"}; 负责 goes to 责任单位."""
    out: dict[str, str] = {}
    for clause in re.split("[，；]", assignment):
        m = re.fullmatch(r"(.+?)(牵头|配合|按职责分别负责|负责)", clause)
        assert m, clause
        column = {"牵头": "牵头单位", "配合": "配合单位"}.get(m.group(2), "责任单位")
        out[column] = (out[column] + "、" if column in out else "") + m.group(1)
    return out


def make_ledger_xlsx(title: str, sections: list[Section], out: Path) -> None:
    headers = (
        "序号",
        "所属部分",
        "所属方面",
        "重点任务",
        "牵头单位",
        "配合单位",
        "责任单位",
        "完成时限",
        "时间进度",
    )
    wb = Workbook()
    ws = wb.active
    ws.title = "分工台账"
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(list(headers))
    wrap = Alignment(wrap_text=True, vertical="center")
    for s_index, section in enumerate(sections):
        section_top = ws.max_row + 1
        for sub in section.subsections:
            sub_top = ws.max_row + 1
            for task in sub.tasks:
                roles = _split_roles(task.assignment)
                ws.append(
                    [
                        task.number,
                        section.label + section.title,
                        sub.label + sub.title,
                        task.text,
                        roles.get("牵头单位"),
                        roles.get("配合单位"),
                        roles.get("责任单位"),
                        DEADLINES[s_index],
                        None,
                    ]
                )
                for cell in ws[ws.max_row]:
                    cell.alignment = wrap
            if ws.max_row > sub_top:
                ws.merge_cells(start_row=sub_top, start_column=3, end_row=ws.max_row, end_column=3)
        if ws.max_row > section_top:
            ws.merge_cells(start_row=section_top, start_column=2, end_row=ws.max_row, end_column=2)
    for column, width in zip("ABCDEFGHI", (6, 18, 18, 60, 16, 30, 30, 12, 12), strict=True):
        ws.column_dimensions[column].width = width
    wb.save(out)


def make_pdf(docx: Path, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice (LibreOffice) is needed for the PDF fixture")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        shutil.move(Path(tmp) / (docx.stem + ".pdf"), out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "tests" / "data" / "plans")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    notice, sections = read_seed()
    title_from = next(
        i for i, x in enumerate(notice) if x.startswith("《") and not x.startswith("《〈")
    )
    title = "".join(x for x in notice[title_from:] if x)
    make_numbered_docx(notice, sections, args.out / "seed-numbered.docx")
    make_pdf(args.out / "seed-numbered.docx", args.out / "seed-numbered.pdf")
    make_table_docx(notice, sections, args.out / "seed-table.docx")
    make_pdf(args.out / "seed-table.docx", args.out / "seed-table.pdf")
    make_ledger_xlsx(title.replace("分工方案", "分工台账"), sections, args.out / "seed-ledger.xlsx")
    for path in sorted(args.out.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
