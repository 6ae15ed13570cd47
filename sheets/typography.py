"""PDF sheets layer: Chinese line breaking (避头尾) and the paragraph styles of the sheets.

ReportLab's CJK wrapping (``wordWrap='CJK'``) breaks anywhere, knows too few characters
that may not start a line (it lacks ，；：！？ and closing ”’》〉), never keeps an opening
bracket off a line end, and lets only one mark hang: "）。" at a break still put "。" at the
start of the next line. :func:`install_line_breaking` extends its lists (in both copies)
and swaps in :func:`dumb_split` and :func:`cjk_frag_split`, which hang a single narrow
closing mark into the cell's right padding and otherwise push the last character down
with the marks.
"""

from __future__ import annotations

import threading
import unicodedata
from typing import Any

from reportlab.lib import textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.rl_config import _FUZZ

from sheets import fonts

#: Closing punctuation that must not start a line (GB/T 15834 usage, full- and half-width).
CANNOT_START = frozenset(
    "，。、；：！？）》〉」』】〕〗〙］｝”’…—·・%‰℃°"
    "!),.:;?]}"
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff01\uff1f\uff09\uff3d\uff5d\uff05"
    "\u300d\u300f\u3011\u3015\u3017\u3019\u3009\u300b"
    "\u3005\u309d\u309e\u30fd\u30fe\u30fc"
)
#: Closing marks whose ink sits in the left part of their box, so one may hang into the
#: cell's right padding; a dash, ellipsis, ℃ or % is pushed down with a character instead.
HANGABLE = frozenset("，。、；：！？）》〉」』】〕〗〙］｝”’!),.:;?]}")
#: Opening punctuation that must not end a line.
CANNOT_END = frozenset("（《〈「『【〔〖〘［｛“‘([{")
#: Characters of a Latin word or number, which should not be broken inside.
_WORD_CATEGORIES = ("L", "N")

#: ≥ 8 pt: a closing mark may hang past the line into this padding (PLATFORM.md).
CELL_RIGHT_PADDING = 8.0

# Chinese point sizes (字号).
ERHAO = 22.0  # 二号: document title
XIAOER = 18.0  # 小二
SANHAO = 16.0  # 三号: official body text
XIAOSAN = 15.0
SIHAO = 14.0  # 四号: page numbers, sheet headings
XIAOSI = 12.0  # 小四: table text in landscape tables
WUHAO = 10.5  # 五号: table text in portrait tables
XIAOWU = 9.0  # 小五: footers, notes

_installed = False
_lock = threading.Lock()


def install_line_breaking() -> None:
    """Teach ReportLab Chinese line-breaking rules (idempotent, process-wide)."""
    with _lock:
        _install()


def _install() -> None:
    global _installed
    if _installed:
        return
    extra = "".join(sorted(CANNOT_START - set(textsplit.ALL_CANNOT_START)))
    # Two copies: the splitter module and the one ``paragraph`` imported by value.
    textsplit.CANNOT_START_LINE[0] += extra
    textsplit.ALL_CANNOT_START = "".join(textsplit.CANNOT_START_LINE)
    rl_paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    # Both looked up as module globals at layout time: one-font paragraphs go through
    # textsplit.wordSplit → dumbSplit, mixed-font ones through paragraph.cjkFragSplit.
    textsplit.dumbSplit = dumb_split
    rl_paragraph.cjkFragSplit = cjk_frag_split
    _installed = True


def _is_word_char(ch: str) -> bool:
    return ord(ch) < 0x3000 and unicodedata.category(ch)[0] in _WORD_CATEGORIES


def _width(u: Any, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):  # percentage widths of inline images, as ReportLab
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return float(w)


def choose_break(chars: list[str], start: int, overflow: int) -> int:
    """Index where the next line starts, given that ``chars[overflow]`` did not fit.

    The line is ``chars[start:result]``. Always returns more than ``start`` + 0, so the
    layout progresses even when a rule cannot be met.
    """
    n = len(chars)
    brk = overflow
    if brk < n and chars[brk] in CANNOT_START:
        if chars[brk] in HANGABLE and (brk + 1 >= n or chars[brk + 1] not in CANNOT_START):
            return brk + 1  # hang one mark in the right padding, as ReportLab does
        # A run of marks ("）。") or a wide one ("——"): the character before goes down too.
        while brk > start + 1 and chars[brk] in CANNOT_START:
            brk -= 1
    # Latin words and numbers (2016, ISO9001) stay whole unless longer than the line.
    if brk < n and _is_word_char(chars[brk]) and _is_word_char(chars[brk - 1]):
        back = brk
        while back > start + 1 and _is_word_char(chars[back - 1]):
            back -= 1
        if back > start + 1:
            brk = back
    # Opening brackets and quotes go down with the text they open.
    while brk > start + 1 and chars[brk - 1] in CANNOT_END:
        brk -= 1
    return max(brk, start + 1)


def dumb_split(word: str, widths: list[float], maxWidths: float | list[float]) -> list[list[Any]]:
    """Drop-in for ``reportlab.lib.textsplit.dumbSplit`` (one-font text) with Chinese rules.

    Returns ``[extra space, line text]`` pairs, as ReportLab's does.
    """
    max_widths = maxWidths if isinstance(maxWidths, list | tuple) else [maxWidths]
    chars = list(word)
    lines: list[list[Any]] = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < len(chars):
        if used + widths[i] <= max_width + _FUZZ or i == start:
            used += widths[i]
            i += 1
            continue
        i = choose_break(chars, start, i)
        used = sum(widths[start:i])
        lines.append([max_width - used, word[start:i].strip()])
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i
        used = 0.0
    if start < len(chars):
        lines.append([max_width - used, word[start:]])
    return lines


def cjk_frag_split(
    frags: list[Any], maxWidths: list[float], calcBounds: bool, encoding: str = "utf8"
) -> Any:
    """Drop-in for ``reportlab.platypus.paragraph.cjkFragSplit`` with Chinese break rules."""
    cjk_u = rl_paragraph.cjkU
    make_line = rl_paragraph.makeCJKParaLine
    units: list[Any] = []
    for frag in frags:
        text = frag.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if text:
            units.extend(cjk_u(ch, frag, encoding) for ch in text)
        else:
            units.append(cjk_u(text, frag, encoding))
    chars = [str(u) for u in units]
    lines: list[Any] = []
    max_width = maxWidths[0]
    start = i = 0
    used = 0.0
    n = len(units)
    while i < n:
        u = units[i]
        w = _width(u, max_width)
        if hasattr(u.frag, "lineBreak"):  # <br/>: the empty unit ends the line
            used += w
            i += 1
            lines.append(
                make_line(units[start:i], max_width, used, max_width - used, True, calcBounds)
            )
        elif used + w <= max_width + _FUZZ or i == start:
            used += w
            i += 1
            continue
        else:
            i = choose_break(chars, start, i)
            used = sum(_width(x, max_width) for x in units[start:i])
            # A <br/> right after a full line ends that line rather than adding an empty one.
            hard = i < n and hasattr(units[i].frag, "lineBreak")
            i += hard
            lines.append(
                make_line(units[start:i], max_width, used, max_width - used, hard, calcBounds)
            )
        max_width = maxWidths[min(len(lines), len(maxWidths) - 1)]
        start = i
        used = 0.0
    if start < n:
        lines.append(make_line(units[start:], max_width, used, max_width - used, False, calcBounds))
    return rl_paragraph.ParaLines(kind=1, lines=lines)


def style(
    name: str,
    size: float,
    *,
    font: str = fonts.BODY,
    leading: float | None = None,
    align: int = TA_JUSTIFY,
    space_before: float = 0,
    space_after: float = 0,
    first_indent: float = 0,
) -> ParagraphStyle:
    """A CJK-wrapping paragraph style; leading defaults to 1.45 × size (公文 reads airy)."""
    return ParagraphStyle(
        name,
        fontName=font,
        fontSize=size,
        leading=leading if leading is not None else round(size * 1.45, 1),
        alignment=align,
        wordWrap="CJK",
        spaceBefore=space_before,
        spaceAfter=space_after,
        firstLineIndent=first_indent,
        allowWidows=1,
        allowOrphans=1,
        splitLongWords=True,
    )


class Styles:
    """The sheets' paragraph styles. ``table_size`` is 五号 in portrait, 小四 in landscape."""

    def __init__(self, table_size: float = WUHAO) -> None:
        install_line_breaking()
        fonts.register_fonts()
        self.title = style(
            "title", ERHAO, font=fonts.BOLD, align=TA_CENTER, leading=ERHAO * 1.4, space_after=6
        )
        self.subtitle = style("subtitle", SANHAO, align=TA_CENTER, space_after=10)
        self.heading = style(
            "heading", SANHAO, font=fonts.BOLD, align=TA_LEFT, space_before=10, space_after=6
        )
        self.body = style("body", SANHAO, first_indent=SANHAO * 2)
        self.meta = style("meta", XIAOSI, align=TA_LEFT)
        self.cell = style("cell", table_size)
        self.cell_small = style("cell_small", max(table_size - 1.5, XIAOWU))
        self.cell_center = style("cell_center", table_size, align=TA_CENTER)
        self.header = style("header", table_size, font=fonts.BOLD, align=TA_CENTER)
        self.group = style("group", table_size, font=fonts.BOLD, align=TA_LEFT)
        self.note = style("note", XIAOWU, align=TA_LEFT)

    def para(self, text: str, st: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of plain user text, escaped and with fallback font runs."""
        st = st or self.cell
        return Paragraph(fonts.markup(text, st.fontName), st)

    def rich(self, markup_text: str, st: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of markup the sheet code built itself (already escaped)."""
        return Paragraph(markup_text, st or self.cell)
