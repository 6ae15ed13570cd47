"""Plan parsing layer: text copied out of a PDF, put back into the paragraphs it was printed from.

Selecting a plan in a PDF reader and pasting it into Notepad or WPS gives one line per
printed line (28 characters in a GB/T 9704 document), the page numbers ("— 3 —") on lines
of their own and, in some documents, a running head at the top of every page. Web and WPS
copies add their own layout. The parser reads paragraphs, so here:

* characters that print as nothing (zero-width spaces, soft hyphens) are dropped; a
  letter-spaced line ("推 进 科 技", from a PDF that places every character apart) is
  closed up; blank lines that follow every line, and an indent on every line, say nothing;
* page numbers are left out ("— 3 —", "第 3 页", a title beside the number in the page foot,
  or bare numbers that count pages a page of lines apart), and so is a line that stands
  beside most of them (the running head);
* printed lines are joined back into paragraphs where the text is hard-wrapped: most lines
  then share one printed width, and a line that ran to that width (or, starting a paragraph
  whose indent was lost, to that width less the indent) goes on in the next line, unless
  the next line is indented or blank. A numbered line after a finished item stays in the
  paragraph only as a sure cut (``Paragraph.breaks``), so items that ran together across
  printed lines are still found where the parser cuts run-together items.

A text that is not hard-wrapped (a Word or web copy: one line per paragraph) keeps its lines:
their widths share no common value."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from plan_parser.numbering import match_numbering

#: "— 3 —", "- 3 -", "－3－", "第3页", "第 3 页 共 12 页", "3/12": a page's number, not text.
_DECORATED = (
    r"(?:[—\-–－―─~～]+\s*\d{1,4}\s*[—\-–－―─~～]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?)"
)
PAGE_NUMBER_RE = re.compile(rf"^(?:{_DECORATED}|\d{{1,4}}\s*/\s*\d{{1,4}})$")
#: A page foot that sets a short title beside the number ("河北省人民政府公报 — 3 —").
_FOOT_TEXT = r"[^。，；：,;:（）()、]{2,30}?"
PAGE_FOOT_RE = re.compile(rf"^(?:{_FOOT_TEXT}\s*{_DECORATED}|{_DECORATED}\s*{_FOOT_TEXT})$")
#: A bare number stays text (a 序号 cell of a table copied one cell per line), unless bare
#: numbers count pages: each one more than the last, a page of lines apart.
_BARE_NUMBER_RE = re.compile(r"^\d{1,4}$")
_PAGE_MIN_LINES = 10
_WHITESPACE = " \t\u3000\u00a0\ufeff"
#: Characters a web page carries that print as nothing (zero-width spaces and joiners, the
#: soft hyphen, direction marks, a BOM): inside a unit's name they would make another name.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
#: A wrapped text has at least this many lines of one printed width, and this share of lines.
_MIN_FULL_LINES = 6
_MIN_FULL_SHARE = 0.3
#: Printed widths a hard-wrapped plan uses (A4 portrait to A3 landscape), in cells.
_WIDTHS = range(15, 81)
#: How far a full line may fall short of (or run past) the printed width: justified lines
#: with half-width digits, and a closing mark kept at a line's end (避头尾).
_SHORT, _OVER = 1.5, 3.0
#: How much longer than the width a line of squeezed punctuation may run.
_SQUEEZED = 0.25
#: A running head stands beside at least this share of the page numbers.
_HEAD_SHARE = 0.4
_MARGIN, _GUESS = "margin", "guess"
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
        (no, _closed_up(_INVISIBLE.sub("", line).rstrip(_WHITESPACE)))
        for no, line in enumerate(raw_lines, 1)
    ]
    if _double_spaced([line for _, line in numbered]):
        numbered = [(no, line) for no, line in numbered if line.strip(_WHITESPACE)]
    numbered = _without_page_furniture(numbered)
    if _every_line_indented([line for _, line in numbered]):
        # A copy that indents every line (WPS, a web page): the indent says nothing.
        numbered = [(no, line.lstrip(_WHITESPACE)) for no, line in numbered]
    width = _printed_width([line for _, line in numbered])
    if width is None:
        return [Paragraph(line.strip(_WHITESPACE), [(0, no)]) for no, line in numbered]
    indents_mark_paragraphs = any(line[:1] in _WHITESPACE for _, line in numbered if line)
    out: list[Paragraph] = []
    #: How the last paragraph in ``out`` goes on: it ran to the margin, or its first line
    #: looks like one whose indent was lost (a guess: after an unnumbered line, such as a
    #: title, a numbered line starts anew; after "3.推进…一对" the line "一、点对点…" goes on).
    goes_on: str | None = None
    for k, (no, line) in enumerate(numbered):
        following = numbered[k + 1][1] if k + 1 < len(numbered) else ""
        stripped = line.lstrip(_WHITESPACE)
        indented = stripped != line
        starts_anew = (
            (indented and indents_mark_paragraphs)
            or _lost_indent(line, width)
            or (
                goes_on == _GUESS
                and match_numbering(stripped) is not None
                and match_numbering(out[-1].text) is None
            )
        )
        if goes_on and stripped and not starts_anew:
            last = out[-1]
            if last.text.endswith(tuple(_ITEM_END)) and match_numbering(stripped):
                last.breaks = (*last.breaks, len(last.text))
            last.starts.append((len(last.text), no))
            last.text += stripped
            goes_on = _MARGIN if _runs_on(line, width) else None
            continue
        out.append(Paragraph(stripped, [(0, no)]))
        if not stripped:
            goes_on = None
        elif _runs_on(line, width):
            goes_on = _MARGIN
        elif _lost_indent(line, width) or _goes_on_into(line, following, width):
            goes_on = _GUESS
        else:
            goes_on = None
    return out


#: A gap between two characters (in a letter-spaced line, a wider gap is a real space).
_LETTER_GAP = re.compile(r"(?<=\S) +(?=\S)")


def _closed_up(line: str) -> str:
    """A line copied letter-spaced ("推 进 科 技 成 果 转 化") as it was written.

    Some PDFs place every character apart and the copy puts a space between each; a line
    where most characters stand one space apart is closed up, a wider gap kept as one space.
    """
    body = line.lstrip(_WHITESPACE)
    glyphs = sum(1 for ch in body if not ch.isspace())
    if glyphs < 2 or len(_LETTER_GAP.findall(body)) < 0.6 * (glyphs - 1):
        return line
    indent = line[: len(line) - len(body)]
    return indent + " ".join(part.replace(" ", "") for part in re.split(r" {2,}", body))


def _double_spaced(lines: list[str]) -> bool:
    """A web copy with a blank line after every line: its blank lines say nothing."""
    filled = [bool(x.strip(_WHITESPACE)) for x in lines]
    text = sum(filled)
    followed = sum(
        1 for a, b, c in zip(filled, filled[1:], filled[2:], strict=False) if a and not b and c
    )
    return text >= _MIN_FULL_LINES and followed >= 0.9 * (text - 1)


def _runs_on(line: str, width: float) -> bool:
    """Whether a printed line ran to the right margin (so its paragraph goes on).

    A line may hold more than the width where the PDF squeezed its punctuation (标点挤压:
    a mark takes half a cell); one far longer was never a printed line.
    """
    return width - _SHORT <= cells(line) <= width + max(_OVER, _SQUEEZED * width)


def _goes_on_into(line: str, following: str, width: float) -> bool:
    """A first line two cells short whose sentence happens to end at the margin: it goes
    on when the next line ran to the margin too (a new paragraph's first line would be
    short of it, or indented)."""
    used = cells(line)
    return (
        width - _INDENT_CELLS - _SHORT <= used < width - _SHORT
        and line == line.lstrip(_WHITESPACE)
        and following == following.lstrip(_WHITESPACE)
        and width - _SHORT <= cells(following) <= width + _OVER
        and not match_numbering(following)
    )


def _lost_indent(line: str, width: float) -> bool:
    """The first line of a paragraph whose indent the copy lost: two cells short of the
    margin, and going on (the last line of a paragraph that happens to be as long ends a
    sentence instead). It starts a paragraph even after a line that ran to the margin."""
    used = cells(line)
    return (
        width - _INDENT_CELLS - _SHORT <= used < width - _SHORT
        and (not line.endswith(tuple(_ITEM_END)) or _unclosed(line))
        and line == line.lstrip(_WHITESPACE)
    )


def _unclosed(line: str) -> bool:
    """A bracket opened in the line and not closed: its sentence goes on ("（牵头单位：…；")."""
    depth = 0
    for ch in line:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


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
    # Printed lines stop anywhere in a sentence; paragraphs of one length (a list of short
    # tasks, each "…。（省发改委负责）") end theirs: those are not wrapped.
    in_window = [
        x.rstrip(_WHITESPACE)
        for x in lines
        if x.strip(_WHITESPACE) and best[0] - _SHORT <= cells(x) <= best[0] + _OVER
    ]
    if 2 * sum(1 for x in in_window if x.endswith(tuple(_ITEM_END))) > len(in_window):
        return None
    # The printed width is where full lines end: the most common width near it, unless
    # that is the first lines whose indent was lost (as common in a text of short
    # paragraphs) and the full lines, an indent wider, are nearly as common.
    near = Counter(w for w in widths if best[0] - _SHORT <= w <= best[0] + _OVER)
    mode, top = near.most_common(1)[0]
    wider = [w for w, n in near.items() if w >= mode + _INDENT_CELLS - 0.5 and 2 * n >= top]
    return max(wider, default=mode)


def _every_line_indented(lines: list[str]) -> bool:
    text_lines = [x for x in lines if x.strip(_WHITESPACE)]
    indented = sum(1 for x in text_lines if x[0] in _WHITESPACE)
    return bool(text_lines) and indented >= 0.9 * len(text_lines)


def _without_page_furniture(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Page numbers left out, and the running head that stands beside them on every page
    (or every other page, where odd and even pages carry different heads); a line that only
    happens to recur beside two of many page numbers ("管委会）") is text."""
    at_numbers = sorted(
        {i for i, (_, x) in enumerate(lines) if _is_page_number(x)} | _bare_page_numbers(lines)
    )
    if not at_numbers:
        return lines
    # Lines beside a page number, each once (a page of one line stands beside two).
    beside = {
        j
        for i in at_numbers
        for j in (_next_text(lines, i, -1), _next_text(lines, i, 1))
        if j is not None
    }
    neighbours = Counter(_no_digits(lines[j][1]) for j in beside)
    heads = {
        text
        for text, n in neighbours.items()
        if n >= max(2, _HEAD_SHARE * len(at_numbers))
        and len(text.strip()) <= 40
        and not match_numbering(text.strip())
    }
    drop = set(at_numbers)
    for i in at_numbers:
        for j in (_next_text(lines, i, -1), _next_text(lines, i, 1)):
            if j is not None and _no_digits(lines[j][1]) in heads:
                drop.add(j)
    return [line for i, line in enumerate(lines) if i not in drop]


def _is_page_number(line: str) -> bool:
    text = line.strip(_WHITESPACE)
    return bool(PAGE_NUMBER_RE.match(text) or PAGE_FOOT_RE.match(text))


def _bare_page_numbers(lines: list[tuple[int, str]]) -> set[int]:
    """Lines holding only a number that counts pages: 3, then 4 a page later, then 5 …"""
    bare = [
        (i, int(x.strip(_WHITESPACE)))
        for i, (_, x) in enumerate(lines)
        if _BARE_NUMBER_RE.match(x.strip(_WHITESPACE))
    ]
    # The last page may hold a few lines only: its number ends the text.
    end = max((i for i, (_, x) in enumerate(lines) if x.strip(_WHITESPACE)), default=-1)
    best: list[int] = []
    for start, (i, value) in enumerate(bare):
        chain, last_i, last_value = [i], i, value
        for j, number in bare[start + 1 :]:
            page_apart = _text_lines(lines, last_i, j) >= _PAGE_MIN_LINES or j == end
            if number == last_value + 1 and page_apart:
                chain.append(j)
                last_i, last_value = j, number
        if len(chain) > len(best):
            best = chain
    return set(best) if len(best) >= 2 else set()


def _text_lines(lines: list[tuple[int, str]], a: int, b: int) -> int:
    return sum(1 for _, x in lines[a + 1 : b] if x.strip(_WHITESPACE))


def _next_text(lines: list[tuple[int, str]], i: int, step: int) -> int | None:
    j = i + step
    while 0 <= j < len(lines) and not lines[j][1].strip(_WHITESPACE):
        j += step
    return j if 0 <= j < len(lines) and not _is_page_number(lines[j][1]) else None


def _no_digits(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip(_WHITESPACE))
