"""Plan intake: a Word .docx as paragraphs (with their automatic labels) and tables.

Read with the standard library (zipfile + ElementTree): the body in order, paragraphs
inside content controls too; deleted and hidden text left out, inserted text kept, as the
document reads on screen; tables as grids with merged cells repeated (w:gridSpan across,
w:vMerge down, w:gridBefore/After skipped columns).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from plan_intake.blocks import Block, Paragraph, Table, square
from plan_intake.docx_numbering import Numbering, W
from plan_intake.zipped import open_office_zip, read_xml
from plan_parser.errors import PlanParseError

_KIND = " Word "
#: Subtrees whose text is not part of the paragraph as read: deletions, moved-away text,
#: text boxes and frames drawn over the page, properties.
_SKIP = {f"{W}{n}" for n in ("del", "moveFrom", "txbxContent", "pPr", "rPr", "instrText")}


def read_docx(path: Path) -> list[Block]:
    with open_office_zip(path, _KIND) as archive:
        document = read_xml(archive, "word/document.xml", _KIND)
        if document is None:
            raise PlanParseError(
                "damaged",
                "这个 Word 文件缺少正文部分，无法读取。请在 Word 或 WPS 中重新保存后再导入。",
            )
        numbering = Numbering(read_xml(archive, "word/numbering.xml", _KIND))
        styles = _StyleNumbering(read_xml(archive, "word/styles.xml", _KIND), numbering)
    body = document.find(f"{W}body")
    reader = _BodyReader(numbering, styles)
    return reader.blocks(body) if body is not None else []


class _StyleNumbering:
    """Paragraph styles that carry list numbering (Word's 多级列表 linked to 标题 1/2/3)."""

    def __init__(self, styles_xml: ET.Element | None, numbering: Numbering) -> None:
        self._based_on: dict[str, str] = {}
        self._num_pr: dict[str, tuple[str | None, int | None]] = {}
        self._numbering = numbering
        if styles_xml is None:
            return
        for style in styles_xml.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            based = style.find(f"{W}basedOn")
            if based is not None:
                self._based_on[style_id] = based.get(f"{W}val", "")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self._num_pr[style_id] = _num_pr_values(num_pr)

    def numbering_of(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        current = style_id
        while current and current not in seen:
            seen.add(current)
            if current in self._num_pr:
                num_id, ilvl = self._num_pr[current]
                if ilvl is None and num_id is not None:
                    linked = self._numbering.style_level(style_id or "")
                    ilvl = linked[1] if linked and linked[0] == num_id else 0
                return num_id, ilvl
            current = self._based_on.get(current)
        return None, None


def _num_pr_values(num_pr: ET.Element) -> tuple[str | None, int | None]:
    num_id_el = num_pr.find(f"{W}numId")
    ilvl_el = num_pr.find(f"{W}ilvl")
    num_id = None if num_id_el is None else num_id_el.get(f"{W}val")
    ilvl = None
    if ilvl_el is not None:
        try:
            ilvl = int(ilvl_el.get(f"{W}val", "0"))
        except ValueError:
            ilvl = 0
    return num_id, ilvl


class _BodyReader:
    def __init__(self, numbering: Numbering, styles: _StyleNumbering) -> None:
        self._numbering = numbering
        self._styles = styles

    def blocks(self, container: ET.Element) -> list[Block]:
        out: list[Block] = []
        for child in container:
            if child.tag == f"{W}p":
                out.append(Paragraph(self.paragraph(child)))
            elif child.tag == f"{W}tbl":
                out.append(Table(self.table(child)))
            elif child.tag in (f"{W}sdt", f"{W}customXml", f"{W}ins"):
                content = child.find(f"{W}sdtContent")
                out.extend(self.blocks(content if content is not None else child))
        return out

    def paragraph(self, p: ET.Element) -> str:
        # An empty numbered paragraph still advances its list, as Word counts it.
        label = self._label(p)
        text = _run_text(p).strip()
        return label + text if text else ""

    def _label(self, p: ET.Element) -> str:
        p_pr = p.find(f"{W}pPr")
        style_id = None
        num_id: str | None = None
        ilvl: int | None = None
        if p_pr is not None:
            style = p_pr.find(f"{W}pStyle")
            style_id = None if style is None else style.get(f"{W}val")
            num_pr = p_pr.find(f"{W}numPr")
            if num_pr is not None:
                num_id, ilvl = _num_pr_values(num_pr)
        if num_id is None or ilvl is None:
            style_num, style_ilvl = self._styles.numbering_of(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None:
            return ""
        return self._numbering.label(num_id, ilvl or 0)

    def table(self, tbl: ET.Element) -> list[list[str]]:
        rows: list[list[str]] = []
        merged_above: dict[int, str] = {}
        for tr in tbl.findall(f"{W}tr"):
            row: list[str] = []
            tr_pr = tr.find(f"{W}trPr")
            row.extend([""] * _grid_count(tr_pr, "gridBefore"))
            for tc in tr.findall(f"{W}tc"):
                tc_pr = tc.find(f"{W}tcPr")
                span = _grid_count(tc_pr, "gridSpan") or 1
                v_merge = None if tc_pr is None else tc_pr.find(f"{W}vMerge")
                column = len(row)
                if v_merge is not None and v_merge.get(f"{W}val", "continue") == "continue":
                    text = merged_above.get(column, "")
                else:
                    text = self.cell(tc)
                for offset in range(span):
                    merged_above[column + offset] = text
                row.extend([text] * span)
            rows.append(row)
        return square(rows)

    def cell(self, tc: ET.Element) -> str:
        lines: list[str] = []
        for block in self.blocks(tc):
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(" ".join(dict.fromkeys(c for c in r if c)) for r in block.rows)
        return "\n".join(line for line in lines if line).strip()


def _grid_count(props: ET.Element | None, name: str) -> int:
    if props is None:
        return 0
    el = props.find(f"{W}{name}")
    if el is None:
        return 0
    try:
        return max(0, int(el.get(f"{W}val", "0")))
    except ValueError:
        return 0


def _run_text(el: ET.Element) -> str:
    """The text a reader sees: w:t, tabs and breaks, without skipped or hidden runs."""
    out: list[str] = []
    for child in el:
        tag = child.tag
        if tag in _SKIP or tag == f"{W}p":
            continue
        if tag == f"{W}r" and _hidden(child):
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab" or tag == f"{W}ptab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        else:
            out.append(_run_text(child))
    return "".join(out)


def _hidden(run: ET.Element) -> bool:
    vanish = run.find(f"{W}rPr/{W}vanish")
    return vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false")
