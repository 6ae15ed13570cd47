"""Plan parsing layer: split texts whose numbered items run together in one line.

Plans copied from web pages often lost their line breaks: "…负责）（二）加强…。2.完善…".
A long line is cut before each numbering that continues its own sequence (（二） after
（一）, 3. after 2.) and stands where an item can begin: after the end of a sentence, a
closing bracket or a heading. A number out of sequence ("第（二）项", "2.5亿元") stays text.
"""

from __future__ import annotations

import re

from plan_parser.numbering import Style, match_numbering

#: Lines shorter than this are ordinary paragraphs, never cut.
FLAT_LINE_MIN = 300
_CANDIDATE = re.compile(
    r"[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9０-９]{1,3}[.．、]"
)
#: An item may begin after these (or at the start of the line).
_ITEM_BEFORE = '。；;！？!?）)：:”"」 \u00a0\u3000'
#: Styles cut in a run-together line; (1) and ① are steps inside a task and stay with it.
_CUT_STYLES = (Style.CN_COMMA, Style.CN_PAREN, Style.ARABIC)


def split_run_together(line: str, breaks: tuple[int, ...] = ()) -> list[str]:
    """``line`` cut into items where numbered items run together; ``[line]`` otherwise.

    ``breaks`` are offsets where an item surely begins (a printed line of a PDF copy that
    starts with a number after a finished item): cut there whatever the line's length.
    """
    return [line[a:b].strip() for a, b in pieces_of(line, breaks) if line[a:b].strip()]


def pieces_of(line: str, breaks: tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """(start, end) of each item in ``line``; one piece when nothing runs together."""
    if len(line) < FLAT_LINE_MIN:
        return _bounds(line, list(breaks))
    cuts: list[int] = []
    last: dict[Style, int] = {}
    starts = sorted({m.start() for m in _CANDIDATE.finditer(line)} | set(breaks))
    for start in starts:
        numbered = match_numbering(line[start:])
        if numbered is None:
            continue
        if start in breaks:
            last[numbered.style] = numbered.number  # the sequence goes on from here
            continue
        if numbered.style not in _CUT_STYLES:
            continue
        before = line[start - 1] if start else ""
        if before == "第":
            continue
        if numbered.style is not Style.CN_PAREN and before and before not in _ITEM_BEFORE:
            continue
        previous = last.get(numbered.style, 0)
        if numbered.number not in (previous + 1, 1):
            continue
        last[numbered.style] = numbered.number
        if start:
            cuts.append(start)
    if len(cuts) < 2:
        cuts = []  # one number in sequence is no proof that items run together
    return _bounds(line, [*cuts, *breaks])


def _bounds(line: str, cuts: list[int]) -> list[tuple[int, int]]:
    bounds = [0, *sorted({c for c in cuts if 0 < c < len(line)}), len(line)]
    return list(zip(bounds, bounds[1:], strict=False))
