"""Plan intake: a PDF with a text layer (a Word-made PDF) as the paragraphs it was made from.

pdfminer.six gives every character with its box; characters on one baseline, left to right,
make a printed line (a quote mark set in another font lands where it was printed).
Printed lines are then put back into paragraphs the way a reader sees them: a line that
starts at the left margin continues the paragraph above when that one ran (nearly) to the
right margin (also across a page break); an indented, centred or short-ended line starts anew.
Page numbers (— 3 —, 第3页) and running heads (the same line at the top or bottom of most
pages) are left out. A label printed apart from its text ("1." then a tab) is re-attached.
Tables (a 分工表) on pages that draw lines are read by their cells (``pdf_tables``) and
handed on as tables, in their place among the paragraphs, so they become tasks the way a
Word or Excel 分工表 does. No OCR: a scanned PDF has no text layer and is refused.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from plan_intake.blocks import Block, Paragraph, Table
from plan_intake.pdf_tables import PdfTable, TableBox, find_tables
from plan_parser.errors import PlanParseError

_PAGE_NUMBER_RE = re.compile(
    r"^([—\-–－―─~～\s]*\d{1,4}[—\-–－―─~～\s]*|第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$"
)
_LABEL_ONLY_RE = re.compile(
    r"^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[.、．]|[\u2460-\u2473])$"
)


@dataclass(slots=True)
class _Piece:
    x: float
    y: float
    right: float
    size: float
    text: str


@dataclass(slots=True)
class PrintedLine:
    page: int
    x: float
    y: float
    right: float  # where the last character ends
    size: float
    text: str


def read_pdf(path: Path) -> list[Block]:
    """The document's paragraphs and tables, in reading order."""
    lines, tables = printed_lines(path)
    return blocks_of(lines, tables)


#: A page that draws at least this many lines or boxes may hold a table.
_RULED_PAGE_SHAPES = 4


def printed_lines(path: Path) -> tuple[list[PrintedLine], list[PdfTable]]:
    """The lines of running text, and the tables (whose characters are not in the lines)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font warnings are not the clerk's
    lines: list[PrintedLine] = []
    tables: list[PdfTable] = []
    try:
        # laparams=None: the characters with their own positions; lines are made here.
        pages: list[list[_Piece]] = []
        ruled: set[int] = set()
        for page_no, page in enumerate(extract_pages(path, laparams=None), start=1):
            pages.append(_chars(page))
            if _shapes(page) >= _RULED_PAGE_SHAPES:
                ruled.add(page_no)
        boxes: list[TableBox] = []
        if ruled:
            tables, boxes = find_tables(path, ruled)
        for page_no, pieces in enumerate(pages, start=1):
            if any(b.page == page_no for b in boxes):
                pieces = [p for p in pieces if not _in_table(boxes, page_no, p)]
            lines.extend(_page_lines(pieces, page_no))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise PlanParseError(
            "encrypted",
            "这份 PDF 设有打开密码，无法读取。请取消密码或向发文单位索取 Word 版后再导入。",
        ) from None
    except (PSException, PDFSyntaxError, ValueError, KeyError, TypeError, IndexError, OSError):
        raise PlanParseError(
            "damaged", "这份 PDF 已损坏或不完整，无法读取。请向发文单位重新索取后再导入。"
        ) from None
    table_text = sum(len(c) for t in tables for row in t.grid() for c in row)
    if sum(len(x.text) for x in lines) + table_text < 20:
        raise PlanParseError(
            "no_text_layer",
            "这份 PDF 没有可读取的文字（可能是扫描件或图片），本软件不做文字识别："
            "请向发文单位索取 Word 版或可复制文字的 PDF 后再导入。",
        )
    return lines, tables


def _in_table(boxes: list[TableBox], page_no: int, piece: _Piece) -> bool:
    x, y = (piece.x + piece.right) / 2, piece.y + piece.size / 2
    return any(b.holds(page_no, x, y) for b in boxes)


def _shapes(container: object) -> int:
    """Lines and boxes drawn on a page (a table's ruling lines are among them)."""
    from pdfminer.layout import LTContainer, LTCurve

    count = 0
    for obj in container:  # type: ignore[attr-defined]
        if isinstance(obj, LTCurve):  # LTLine and LTRect are curves too
            count += 1
        elif isinstance(obj, LTContainer):
            count += _shapes(obj)
    return count


def _chars(container: object) -> list[_Piece]:
    from pdfminer.layout import LTChar, LTContainer

    out: list[_Piece] = []
    for obj in container:  # type: ignore[attr-defined]
        if isinstance(obj, LTChar):
            text = obj.get_text()
            if text.strip():
                out.append(_Piece(obj.x0, obj.y0, obj.x1, obj.size, text))
        elif isinstance(obj, LTContainer):
            out.extend(_chars(obj))
    return out


def _page_lines(pieces: list[_Piece], page_no: int) -> list[PrintedLine]:
    out: list[PrintedLine] = []
    for row in _rows(pieces):
        text = ""
        right = row[0].x
        for piece in row:
            if text and piece.x - right > piece.size * 0.8 and _ascii_edge(text):
                text += " "  # a gap between Latin words
            text += piece.text
            right = max(right, piece.right)
        size = max(p.size for p in row)
        line = PrintedLine(page_no, row[0].x, row[0].y, right, size, _tidy(text))
        if line.text:
            out.append(line)
    return out


def _rows(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Pieces on one baseline, left to right; a quote mark in another font sits a little off."""
    rows: list[list[_Piece]] = []
    for piece in sorted(pieces, key=lambda p: -p.y):
        if rows and abs(rows[-1][0].y - piece.y) <= max(2.0, piece.size * 0.3):
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [sorted(row, key=lambda p: p.x) for row in rows]


_CJK_SPACE_RE = re.compile(
    r"(?<=[\u2e80-\uffef\u2018-\u201f]) +|(?<! ) +(?=[\u2e80-\uffef\u2018-\u201f])"
)


def _tidy(text: str) -> str:
    """Spaces next to Chinese characters are gaps between font runs, not the author's."""
    return _CJK_SPACE_RE.sub("", text).strip()


def _ascii_edge(text: str) -> bool:
    return bool(text) and text[-1].isascii() and text[-1].isalnum()


def paragraphs(lines: list[PrintedLine]) -> list[str]:
    return [b.text for b in blocks_of(lines, []) if isinstance(b, Paragraph)]


def blocks_of(lines: list[PrintedLine], tables: list[PdfTable]) -> list[Block]:
    """Paragraphs re-joined from printed lines, each table in its place between them."""
    body = _drop_furniture(lines)
    pending = sorted(tables, key=lambda t: (t.page, -t.top))
    if not body:
        return [Table(t.grid()) for t in pending]
    # The left margin: the leftmost position several lines start at (indented first lines
    # and centred titles start further right; one stray line does not set the margin).
    starts = Counter(round(x.x) for x in body)
    left = min((x for x, n in starts.items() if n >= 2), default=min(starts))
    # The usual end of a full line; a line may end up to two characters early where a
    # closing mark may not start the next line (避头尾) or a bracket may not end this one.
    right = _mode(round(x.right) for x in body if round(x.x) == left)
    out: list[str] = []
    blocks: list[Block] = []
    previous: PrintedLine | None = None
    for line in body:
        if pending and (pending[0].page, -pending[0].top) < (line.page, -line.y):
            blocks.extend(Paragraph(x) for x in out)
            while pending and (pending[0].page, -pending[0].top) < (line.page, -line.y):
                blocks.append(Table(pending.pop(0).grid()))
            out, previous = [], None  # a paragraph never runs on across a table
        starts_at_margin = abs(line.x - left) < line.size * 0.5
        previous_full = previous is not None and previous.right >= right - previous.size * 2.5
        if out and previous is not None and starts_at_margin and previous_full:
            out[-1] = _join(out[-1], line.text)
        elif out and _LABEL_ONLY_RE.match(out[-1]):
            out[-1] += line.text  # a label printed apart from its text
        else:
            out.append(line.text)
        previous = line
    blocks.extend(Paragraph(x) for x in out)
    blocks.extend(Table(t.grid()) for t in pending)
    return blocks


def _join(before: str, after: str) -> str:
    if before and after and before[-1].isascii() and after[0].isascii():
        if before[-1].isalnum() and after[0].isalnum():
            return before + " " + after
    return before + after


def _drop_furniture(lines: list[PrintedLine]) -> list[PrintedLine]:
    """Leave out page numbers and running heads/feet: they are the page's, not the text's."""
    pages = sorted({x.page for x in lines})
    edge_texts: Counter[str] = Counter()
    for page in pages:
        on_page = [x for x in lines if x.page == page and not _PAGE_NUMBER_RE.match(x.text)]
        if on_page:
            edges = {_no_digits(on_page[0].text), _no_digits(on_page[-1].text)}
            edge_texts.update(edges)
    repeated = {
        t for t, n in edge_texts.items() if len(pages) >= 2 and n >= max(2, len(pages) // 2)
    }
    out: list[PrintedLine] = []
    for page in pages:
        on_page = [x for x in lines if x.page == page and not _PAGE_NUMBER_RE.match(x.text)]
        for i, line in enumerate(on_page):
            at_edge = i == 0 or i == len(on_page) - 1
            if at_edge and _no_digits(line.text) in repeated:
                continue
            out.append(line)
    return out


def _no_digits(text: str) -> str:
    return re.sub(r"\d+", "#", text)


def _mode(values: Iterable[int]) -> int:
    """The most common value; on a tie the larger (a full line is the longer one)."""
    counts = Counter(values)
    return max(counts, key=lambda v: (counts[v], v)) if counts else 0
