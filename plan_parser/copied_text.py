"""Plan parsing layer: text copied out of a PDF, put back into the paragraphs it was printed from.

Selecting a plan in a PDF reader and pasting it into Notepad or WPS gives one line per
printed line (28 characters in a GB/T 9704 document), the page numbers ("— 3 —") on lines
of their own and, in some documents, a running head at the top of every page. The parser
reads paragraphs, so here:

* page numbers are left out, and so is a line that stands beside page numbers on two or more
  pages (the running head);
* printed lines are joined back into paragraphs where the text is hard-wrapped: most lines
  then share one printed width, and a line that ran to that width (or, starting a paragraph
  whose indent was lost, to that width less the indent) goes on in the next line, unless
  the next line is indented, blank, or starts a new numbered item after a finished one.

A text that is not hard-wrapped (a Word or web copy: one line per paragraph) is left as it
is: its line widths share no common value.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from plan_parser.numbering import match_numbering

#: "— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 12 页", "3/12": a page's number, not text.
#: A bare number stays text (a 序号 cell of a table copied one cell per line).
PAGE_NUMBER_RE = re.compile(
    r"^(?:[—\-–－―─~～]+\s*\d{1,4}\s*[—\-–－―─~～]+|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
_WHITESPACE = " \t\u3000\u00a0\ufeff"
#: A wrapped text has at least this many lines of one printed width, and this share of lines.
_MIN_FULL_LINES = 6
_MIN_FULL_SHARE = 0.3
#: Printed widths a hard-wrapped plan uses (A4 portrait to A3 landscape), in cells.
_WIDTHS = range(15, 81)
#: How far a full line may fall short of (or run past) the printed width: justified lines
#: with half-width digits, and a closing mark kept at a line's end (避头尾).
_SHORT, _OVER = 1.5, 3.0
#: The paragraph indent: two full-width spaces.
_INDENT_CELLS = 2
#: A finished item ends with one of these; a numbered line after it starts a new item.
_ITEM_END = '。；;！？!?）)：:”"」'


def cells(text: str) -> float:
    """Printed width: a Chinese character or full-width mark takes a cell, Latin half."""
    width = 0.0
    for ch in text:
        if ch == "\t":
            width += _INDENT_CELLS
        elif ord(ch) < 0x2000 and ch not in "\u00a0":
            width += 0.5
        else:
            width += 1.0
    return width


@dataclass
class Paragraph:
    text: str  # without the indent and trailing spaces
    #: (offset in ``text``, file line) where each of its lines begins, the first at 0.
    starts: list[tuple[int, int]]
    #: Offsets where a printed line starts a numbered item after a finished one: an item
    #: surely begins there, even where the paragraph holds items run together.
    breaks: tuple[int, ...] = ()

    @property
    def line_no(self) -> int:
        return self.starts[0][1]

    def line_at(self, offset: int) -> int:
        """The file line that holds ``offset`` of the paragraph."""
        return max((s for s in self.starts if s[0] <= offset), default=self.starts[0])[1]


def restore_paragraphs(raw_lines: list[str]) -> list[Paragraph]:
    """The text's paragraphs, with the file line each part came from (counted from 1)."""
    numbered = [
        (no, line.replace("\ufeff", "").rstrip(_WHITESPACE)) for no, line in enumerate(raw_lines, 1)
    ]
    numbered = _without_page_furniture(numbered)
    width = _printed_width([line for _, line in numbered])
    if width is None:
        return [Paragraph(line.strip(_WHITESPACE), [(0, no)]) for no, line in numbered]
    indents_mark_paragraphs = _indents_mark_paragraphs([line for _, line in numbered])
    out: list[Paragraph] = []
    open_paragraph = False  # the last paragraph in ``out`` goes on in the next line
    for no, line in numbered:
        stripped = line.lstrip(_WHITESPACE)
        indented = stripped != line
        starts_anew = (indented and indents_mark_paragraphs) or _lost_indent(line, width)
        if open_paragraph and stripped and not starts_anew:
            last = out[-1]
            if last.text.endswith(tuple(_ITEM_END)) and match_numbering(stripped):
                last.breaks = (*last.breaks, len(last.text))
            last.starts.append((len(last.text), no))
            last.text += stripped
            open_paragraph = _runs_on(line, width, starts_paragraph=False)
            continue
        out.append(Paragraph(stripped, [(0, no)]))
        open_paragraph = bool(stripped) and _runs_on(line, width, starts_paragraph=True)
    return out


def _runs_on(line: str, width: float, *, starts_paragraph: bool) -> bool:
    """Whether a printed line ran to the right margin (so its paragraph goes on)."""
    used = cells(line)
    if width - _SHORT <= used <= width + _OVER:
        return True
    return starts_paragraph and _lost_indent(line, width)


def _lost_indent(line: str, width: float) -> bool:
    """The first line of a paragraph whose indent the copy lost: two cells short of the
    margin, and going on (the last line of a paragraph that happens to be as long ends a
    sentence instead). It starts a paragraph even after a line that ran to the margin."""
    used = cells(line)
    return (
        width - _INDENT_CELLS - _SHORT <= used < width - _SHORT
        and not line.endswith(tuple(_ITEM_END))
        and line == line.lstrip(_WHITESPACE)
    )


def _printed_width(lines: list[str]) -> float | None:
    """The width most lines were printed to, when the text is hard-wrapped; else None."""
    widths = [cells(x) for x in lines if x.strip(_WHITESPACE)]
    if len(widths) < _MIN_FULL_LINES:
        return None
    counts = Counter(round(w) for w in widths)
    best: tuple[int, int] | None = None
    for width in _WIDTHS:
        full = sum(n for w, n in counts.items() if width - _SHORT <= w <= width + _OVER)
        if best is None or full > best[1]:
            best = (width, full)
    if best is None or best[1] < max(_MIN_FULL_LINES, _MIN_FULL_SHARE * len(widths)):
        return None
    # The printed width is where full lines end: the most common width among them.
    near = [w for w in widths if best[0] - _SHORT <= w <= best[0] + _OVER]
    return Counter(near).most_common(1)[0][0]


def _indents_mark_paragraphs(lines: list[str]) -> bool:
    """An indent starts a paragraph unless every line is indented (a web copy's layout)."""
    text_lines = [x for x in lines if x.strip(_WHITESPACE)]
    indented = sum(1 for x in text_lines if x[0] in _WHITESPACE)
    return 0 < indented < 0.9 * len(text_lines)


def _without_page_furniture(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Page numbers left out, and the running head that stands beside them on every page."""
    at_numbers = [i for i, (_, x) in enumerate(lines) if PAGE_NUMBER_RE.match(x.strip())]
    if not at_numbers:
        return lines
    neighbours: Counter[str] = Counter()
    for i in at_numbers:
        for j in (_next_text(lines, i, -1), _next_text(lines, i, 1)):
            if j is not None:
                neighbours[_no_digits(lines[j][1])] += 1
    heads = {
        text
        for text, n in neighbours.items()
        if n >= 2 and len(text.strip()) <= 40 and not match_numbering(text.strip())
    }
    drop = set(at_numbers)
    for i in at_numbers:
        for j in (_next_text(lines, i, -1), _next_text(lines, i, 1)):
            if j is not None and _no_digits(lines[j][1]) in heads:
                drop.add(j)
    return [line for i, line in enumerate(lines) if i not in drop]


def _next_text(lines: list[tuple[int, str]], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and not lines[j][1].strip(_WHITESPACE):
        j += step
    return j if 0 <= j < len(lines) and not PAGE_NUMBER_RE.match(lines[j][1].strip()) else None


def _no_digits(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip(_WHITESPACE))
