"""Plan intake: tables inside a PDF (a 分工表 printed from Word) as grids of cell texts.

pdfplumber finds the cells by the table's ruling lines. A cell's text is put back together
the way a reader sees it: a line that ran to the cell's right edge wraps into the next, a
line that ended early ends a paragraph (one unit name per line stays one name per line).
Word repeats the header row on every page and lets a row break across a page: a table at
the top of the next page with the same columns (and the same header, when it has one)
continues the one before, and a first row without its number (in a table without a 序号
column: below a task text that stopped in mid-sentence) is the rest of the row cut by the
page break, joined cell by cell. Merged cells are filled in as the Word and Excel
readers do (a text merged across a row in every cell it covers, a cell merged down in every
row), also where a merged cell runs on over a page break.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plan_intake.blocks import Grid
from plan_intake.table_lines import Column, find_layout

#: A cell covered by the cell above it (merged down); filled once the table is whole.
_ABOVE = object()
Cell = Any  # str, or _ABOVE
#: How far (pt) column edges of two pieces of one table may differ.
_EDGE_SLACK = 2.0


@dataclass
class PdfTable:
    """One table, possibly continued over several pages."""

    page: int  # 1-based page of its first piece
    top: float  # its first piece's top edge, measured from the page's bottom (as pdfminer)
    edges: list[float]  # column edges (x) of its first piece
    header: list[str]  # the first row's texts (a repeated header is recognised by them)
    rows: list[list[Cell]] = field(default_factory=list)
    last_page: int = 0
    numbered_column: int | None = None
    task_column: int | None = None

    def grid(self) -> Grid:
        """Rows with merged-down cells filled from above."""
        out: Grid = []
        for row in self.rows:
            filled = [
                (out[-1][i] if out else "") if cell is _ABOVE else str(cell)
                for i, cell in enumerate(row)
            ]
            out.append(filled)
        return out


@dataclass(frozen=True, slots=True)
class TableBox:
    """Where a table sits on a page, to leave its characters out of the running text."""

    page: int
    x0: float
    x1: float
    low: float  # bottom edge, from the page's bottom
    high: float  # top edge, from the page's bottom

    def holds(self, page: int, x: float, y: float) -> bool:
        return page == self.page and self.x0 <= x <= self.x1 and self.low <= y <= self.high


def find_tables(path: Any, pages: set[int]) -> tuple[list[PdfTable], list[TableBox]]:
    """The tables on ``pages`` (1-based: the pages that draw lines), joined across pages."""
    import pdfplumber

    tables: list[PdfTable] = []
    boxes: list[TableBox] = []
    with pdfplumber.open(path) as pdf:
        for page_no in sorted(pages):
            page = pdf.pages[page_no - 1]
            height = float(page.height)
            for found in page.find_tables():
                rows = _rows_of(page, found)
                if not rows or len(rows[0]) < 2:
                    continue
                x0, top, x1, bottom = (float(v) for v in found.bbox)
                boxes.append(TableBox(page_no, x0, x1, height - bottom, height - top))
                edges = _edges(found)
                previous = tables[-1] if tables else None
                if previous is not None and _continues(previous, page_no, edges, rows):
                    _append_piece(previous, rows, page_no)
                    continue
                table = PdfTable(page_no, height - top, edges, [str(c) for c in rows[0]])
                table.rows = [_first_row(rows[0])] + rows[1:]
                table.last_page = page_no
                layout = find_layout(table.grid())
                if layout is not None:
                    table.numbered_column = layout.first(Column.NUMBER)
                    table.task_column = layout.first(Column.TASK)
                tables.append(table)
    return tables, boxes


def _first_row(row: list[Cell]) -> list[Cell]:
    return ["" if c is _ABOVE else c for c in row]


def _continues(
    previous: PdfTable, page_no: int, edges: list[float], rows: list[list[Cell]]
) -> bool:
    """The same table on the next page: same columns, header repeated or none at all."""
    if page_no != previous.last_page + 1 or len(edges) != len(previous.edges):
        return False
    if any(abs(a - b) > _EDGE_SLACK for a, b in zip(edges, previous.edges, strict=True)):
        return False
    first = [str(c) if c is not _ABOVE else "" for c in rows[0]]
    return first == previous.header or find_layout([first]) is None


def _append_piece(table: PdfTable, rows: list[list[Cell]], page_no: int) -> None:
    table.last_page = page_no
    first = [str(c) if c is not _ABOVE else "" for c in rows[0]]
    if first == table.header:
        rows = rows[1:]  # the header Word repeats on every page
    if not rows:
        return
    head, below = rows[0], rows[1] if len(rows) > 1 else None
    last = table.rows[-1]
    if _is_cut(table, last, head):
        # The rest of a row the page break cut: each cell continues the one above.
        table.rows[-1] = [_continue_cell(a, b) for a, b in zip(last, head, strict=False)]
        rows = rows[1:]
        if rows:
            head, below = rows[0], rows[1] if len(rows) > 1 else None
        else:
            return
    # A cell merged down that runs on over the page starts empty on the new page.
    head = [
        _ABOVE
        if cell == "" and (last[i] is _ABOVE or (below is not None and below[i] is _ABOVE))
        else cell
        for i, cell in enumerate(head)
    ]
    table.rows.append(head)
    table.rows.extend(rows[1:])


#: How a task's text ends when its row was not cut by the page break.
_TEXT_ENDS = ("。", "；", ";", "）", ")", "！", "？")


def _is_cut(table: PdfTable, last: list[Cell], head: list[Cell]) -> bool:
    """Whether the first row on a new page is the rest of the last row of the page before:
    without its 序号 (a numbered table), or, without a 序号 column, where the task text
    above stopped in mid-sentence. A cut missed makes a task without units: it is flagged
    in the preview, where the clerk joins it with the one above."""
    if not any(str(c).strip() for c in head if c is not _ABOVE):
        return False
    number, task = table.numbered_column, table.task_column
    if number is not None:
        return head[number] is not _ABOVE and not str(head[number]).strip()
    if task is None or last[task] is _ABOVE or head[task] is _ABOVE:
        return False
    above = str(last[task]).strip()
    return bool(above) and bool(str(head[task]).strip()) and not above.endswith(_TEXT_ENDS)


def _continue_cell(before: Cell, after: Cell) -> Cell:
    if after is _ABOVE or after == "":
        return before
    if before is _ABOVE or before == "":
        return after
    return str(before) + str(after)


def _edges(found: Any) -> list[float]:
    """Column edges: the narrowest cell of each column gives its right edge."""
    edges: list[float] = []
    for column in found.columns:
        boxes = [c for c in column.cells if c is not None]
        if not boxes:
            return []
        edges.append(min(float(b[2]) for b in boxes))
    return edges


def _rows_of(page: Any, found: Any) -> list[list[Cell]]:
    """Cell texts by row; a merged cell's text in every column it spans across, _ABOVE in
    every row below its first."""
    edges = _edges(found)
    if not edges:
        return []
    chars = page.chars
    out: list[list[Cell]] = []
    for row in found.rows:
        cells: list[Cell] = []
        for index, box in enumerate(row.cells):
            if box is not None:
                cells.append(_cell_text(chars, box))
                continue
            left = next((b for b in reversed(row.cells[:index]) if b is not None), None)
            spans_here = left is not None and float(left[2]) > edges[index] - _EDGE_SLACK
            cells.append(_cell_text(chars, left) if spans_here else _ABOVE)
        out.append(cells)
    return out


def _cell_text(chars: list[dict[str, Any]], box: tuple[float, float, float, float]) -> str:
    """The cell's lines, a line that ran to the right edge joined to the next."""
    from plan_intake.pdf_reader import _join, _tidy

    x0, top, x1, bottom = (float(v) for v in box)
    inside = [
        c
        for c in chars
        if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
        and top <= (c["top"] + c["bottom"]) / 2 <= bottom
        and c["text"].strip()
    ]
    lines: list[list[dict[str, Any]]] = []
    for char in sorted(inside, key=lambda c: (c["top"], c["x0"])):
        if lines and abs(lines[-1][0]["top"] - char["top"]) <= max(2.0, char["size"] * 0.3):
            lines[-1].append(char)
        else:
            lines.append([char])
    if not lines:
        return ""
    for line in lines:
        line.sort(key=lambda c: c["x0"])
    # A full line ends at the widest line's end (the cell's padding and justification vary);
    # one that wraps may end a character early where a mark may not start the next line.
    padding = max(0.0, min(line[0]["x0"] for line in lines) - x0)
    limit = min(x1 - padding, max(float(line[-1]["x1"]) for line in lines))
    text = ""
    previous_full = False
    for line in lines:
        piece = _tidy("".join(_spaced(line)))
        if text and previous_full:
            text = _join(text, piece)
        else:
            text = f"{text}\n{piece}" if text else piece
        size = max(float(c["size"]) for c in line)
        previous_full = float(line[-1]["x1"]) >= limit - size * 1.5
    return text


def _spaced(line: list[dict[str, Any]]) -> list[str]:
    """Characters with a space where Latin words stand apart."""
    out: list[str] = []
    right: float | None = None
    for char in line:
        if right is not None and char["x0"] - right > char["size"] * 0.25 and out[-1].isascii():
            out.append(" ")
        out.append(char["text"])
        right = float(char["x1"])
    return out
