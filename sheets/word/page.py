"""Word sheets layer: the A4 page, the named 公文 fonts and the "— 1 —" page numbers.

Fonts are named, not embedded: office PCs have 仿宋_GB2312, 黑体, 楷体_GB2312 and usually
方正小标宋简体. Each run names its Chinese face in ``w:rFonts/@w:eastAsia`` (what Word and
WPS read for Han characters), and the font table gives every face an ``altName`` and the
GB2312 charset, so a PC without 方正小标宋简体 sets the title in 宋体 and one without the
_GB2312 faces uses 仿宋 / 楷体 (the names newer Windows ship).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import IO, Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from domain.ids import short_fingerprint
from runtime.version import __version__
from sheets.word.schema import successors

# Named faces, as GB/T 9704 and office templates name them.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
SONG_FONT = "宋体"
LATIN_FONT = "Times New Roman"
#: What a PC without the face uses instead (``w:altName`` in the font table).
ALT_NAMES = {
    TITLE_FONT: SONG_FONT,
    BODY_FONT: "仿宋",
    KAI_FONT: "楷体",
    HEI_FONT: "SimHei",
    SONG_FONT: "SimSun",
}

# Chinese point sizes (字号).
ERHAO = 22.0
SANHAO = 16.0
SIHAO = 14.0
XIAOSI = 12.0
WUHAO = 10.5

MARGIN_TOP = Mm(37)
MARGIN_BOTTOM = Mm(35)
MARGIN_LEFT = Mm(28)
MARGIN_RIGHT = Mm(26)
#: Footer distance from the page edge: the number's top sits 7 mm below the type area.
FOOTER_DISTANCE = Mm(23)
#: 22 lines in the 225 mm type area (exact line pitch, twentieths of a point).
LINE_PITCH_TWIPS = 579

Target = str | os.PathLike[str] | IO[bytes]


def add_property(parent: Any, tag: str, **attrs: str) -> Any:
    """Add a property element where the schema puts it (Word refuses some files whose
    property elements are out of order); ``attrs`` use w: names without the prefix."""
    element = OxmlElement(tag)
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), value)
    after = successors(parent.tag, tag)
    if after:
        parent.insert_element_before(element, *after)
    else:
        parent.append(element)
    return element


def set_fonts(run: Run, east_asia: str, size: float | None = None, bold: bool = False) -> None:
    """Name the run's Chinese face (eastAsia) and its Latin face; size in points."""
    latin = SONG_FONT if east_asia == SONG_FONT else LATIN_FONT
    run.font.name = latin  # w:ascii and w:hAnsi
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    if size is not None:
        run.font.size = Pt(size)
    if bold:
        run.font.bold = True


def add_run(paragraph: Paragraph, text: str, font: str, size: float, *, bold: bool = False) -> Run:
    """A run of plain text; line feeds become line breaks inside the paragraph."""
    lines = text.split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    set_fonts(run, font, size, bold)
    return run


class WordPage:
    """A document set up as a GB/T 9704 page: A4, margins, default fonts, page numbers."""

    def __init__(
        self,
        *,
        title: str,
        fingerprint: str,
        landscape: bool = False,
        running_text: bool = False,
        generated_on: dt.date | None = None,
        issued_by: str = "",
    ) -> None:
        self.doc: DocxDocument = Document()
        self.landscape = landscape
        self._setup_section(landscape, running_text)
        self._setup_styles()
        self._declare_fonts()
        self._page_numbers()
        props = self.doc.core_properties
        props.title = title
        props.subject = f"数据指纹 {short_fingerprint(fingerprint)}"
        props.author = issued_by or "Duban"
        props.comments = f"Duban {__version__}"
        day = generated_on or dt.date.today()
        stamp = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        props.created = props.modified = stamp
        props.last_modified_by = issued_by or "Duban"
        props.revision = 1

    @property
    def width_mm(self) -> float:
        """Width of the type area: 156 mm portrait, 225 mm landscape."""
        return 225.0 if self.landscape else 156.0

    def _setup_section(self, landscape: bool, running_text: bool) -> None:
        section = self.doc.sections[0]
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
            # Turned with the sheet, as the PDF: binding margin at the top.
            section.top_margin, section.bottom_margin = MARGIN_LEFT, MARGIN_RIGHT
            section.left_margin, section.right_margin = MARGIN_BOTTOM, MARGIN_TOP
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Mm(210), Mm(297)
            section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
            section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
        section.header_distance = Mm(15)
        section.footer_distance = FOOTER_DISTANCE
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        if running_text:
            # The 公文 grid: 22 lines to the page. Only lines: a character grid
            # (linesAndChars) is drawn by LibreOffice with a gap after every character;
            # 三号 in the 156 mm line gives the 28 characters by itself.
            grid.set(qn("w:type"), "lines")
            grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
        else:
            grid.set(qn("w:linePitch"), "312")

    def _setup_styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = LATIN_FONT
        normal.font.size = Pt(SANHAO)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), BODY_FONT)
        fmt = normal.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        # Chinese documents break anywhere but keep 避头尾 (Word's default kinsoku rules).
        ppr = normal.element.get_or_add_pPr()
        for tag in ("w:kinsoku", "w:overflowPunct"):
            add_property(ppr, tag, val="1")
        # Word's default language for the document: Chinese (PRC) for East Asian text.
        add_property(normal.element.get_or_add_rPr(), "w:lang", eastAsia="zh-CN")

    def _declare_fonts(self) -> None:
        """Font-table entries with GB2312 charset and altName (the PC's fallback face)."""
        part = self.doc.part.part_related_by(RT.FONT_TABLE)
        table = parse_xml(part.blob)
        for name, alt in ALT_NAMES.items():
            font = parse_xml(
                f'<w:font {nsdecls("w")} w:name="{name}">'
                f'<w:altName w:val="{alt}"/><w:charset w:val="86"/>'
                '<w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>'
            )
            table.append(font)
        part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _page_numbers(self) -> None:
        """ "— 1 —" in 四号 宋体: odd pages at the right, even at the left, one character in."""
        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        for footer, align in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            footer.is_linked_to_previous = False
            para = footer.paragraphs[0]
            para.alignment = align
            fmt = para.paragraph_format
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                fmt.right_indent = Pt(SIHAO)
            else:
                fmt.left_indent = Pt(SIHAO)
            add_run(para, "— ", SONG_FONT, SIHAO)
            page_field(para)
            add_run(para, " —", SONG_FONT, SIHAO)

    def save(self, target: Target) -> None:
        """Write the .docx; a path is written atomically (``.partial`` first)."""
        if isinstance(target, str | os.PathLike):
            final = Path(target)
            partial = final.with_name(final.name + ".partial")
            try:
                self.doc.save(str(partial))
                os.replace(partial, final)
            finally:
                partial.unlink(missing_ok=True)
        else:
            self.doc.save(target)


def page_field(paragraph: Paragraph) -> None:
    """A PAGE field (the page number Word and WPS compute), shown as 1 until updated."""

    def run_with(*elements: Any) -> None:
        run = paragraph.add_run()
        set_fonts(run, SONG_FONT, SIHAO)
        for el in elements:
            run._element.append(el)

    def char(kind: str) -> Any:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    shown = OxmlElement("w:t")
    shown.text = "1"
    run_with(char("begin"))
    run_with(instr)
    run_with(char("separate"))
    run_with(shown)
    run_with(char("end"))
