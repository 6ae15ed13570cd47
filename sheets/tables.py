"""PDF sheets layer: the ruled tables every sheet uses, and the blanks to fill in by hand.

Every table repeats its header rows on each page and may split a row across pages, so
a task text of any length lays out (a row taller than the page would otherwise raise
ReportLab's LayoutError).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from sheets import fonts
from sheets.document import frame_height, frame_width
from sheets.typography import CELL_RIGHT_PADDING
from sheets.wording import title_lines

HEADER_FILL = Color(0.90, 0.90, 0.90)
GROUP_FILL = Color(0.96, 0.96, 0.96)
RULE_GREY = Color(0.55, 0.55, 0.55)
#: Least height (pt) of a row part left at the foot of a page when a row is split.
MIN_ROW_SPLIT = 30


class GroupHeading(Paragraph):
    """First cell of a full-width group row (一、… or （一）…): spans the table, shaded,
    and never left alone at the foot of a page."""


def sheet_table(
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    extra_style: Sequence[tuple[Any, ...]] = (),
    page_height: float | None = None,
) -> Table:
    """A ruled table: bold grey header repeated on every page; rows whose first cell is a
    :class:`GroupHeading` become full-width group rows.

    ``page_height``: height of the type area the table is set in; portrait by default.
    """
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),  # empty cells too: no Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, black),
        ("BOX", (0, 0), (-1, -1), 1.0, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_RIGHT_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    for index, row in enumerate(rows):
        if row and isinstance(row[0], GroupHeading):
            commands += [
                ("SPAN", (0, index), (-1, index)),
                ("BACKGROUND", (0, index), (-1, index), GROUP_FILL),
            ]
    commands += list(extra_style)
    return SheetTable(
        [list(r) for r in rows],
        colWidths=list(col_widths),
        repeatRows=header_rows,
        style=TableStyle(commands),
        hAlign="CENTER",
        page_height=page_height,
    )


class SheetTable(Table):
    """A table whose rows stay whole across page breaks unless a row cannot fit on any page.

    ReportLab's own ``splitInRow`` first splits between rows and then, with the rest of
    the table pushed back into the same frame, splits the next row in the leftover space:
    a repeated header appears mid-page. Here a row is split only when header plus row are
    taller than a fresh page (then it is split where it stands, filling the page);
    otherwise the row moves to the next page whole. Group rows go to the next page with
    the row under them (ReportLab's NOSPLIT would also forbid splitting that row when it
    is taller than a page).
    """

    def __init__(self, *args: Any, page_height: float | None = None, **kwargs: Any) -> None:
        kwargs.update(splitByRow=1, splitInRow=MIN_ROW_SPLIT)
        super().__init__(*args, **kwargs)
        self._page_height = page_height or frame_height(False)

    def _is_group(self, row: int) -> bool:
        cells = self._cellvalues[row]
        first = cells[0] if cells else None
        if isinstance(first, tuple | list) and first:  # _calc wraps cells in a tuple
            first = first[0]
        return isinstance(first, GroupHeading)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        self._calc(availWidth, availHeight)
        heights = self._rowHeights
        head = self.repeatRows
        # The first row that does not fit here whole ...
        used, first_out = 0.0, len(heights)
        for index, row_height in enumerate(heights):
            if used + row_height > availHeight:
                first_out = index
                break
            used += row_height
        if first_out == len(heights):
            return self._adopt(self._splitRows(availHeight))
        # ... goes to the next part together with the group rows above it, and the
        # block ends at the first task row at or after it.
        start = first_out
        while start > head and self._is_group(start - 1):
            start -= 1
        body = first_out
        while body < len(heights) - 1 and self._is_group(body):
            body += 1
        if sum(heights[:head]) + sum(heights[start : body + 1]) > self._page_height:
            # Taller than any page: split that row here, using the space left.
            above = sum(heights[:body])
            if availHeight - above >= MIN_ROW_SPLIT:
                # ReportLab pads unsplit middle-aligned cells of a split row by half the
                # row's height, in both parts, so the row never shrinks: top-align it.
                for style in self._cellStyles[body]:
                    style.valign = "TOP"
                parts = self._split_in_row(availHeight, above)
                if parts:
                    return self._adopt(parts)
        if start <= head:
            return []  # nothing but the header would stay here: move the table on
        return self._adopt(self._splitRows(sum(heights[:start]) + 0.01, doInRowSplit=False))

    def _split_in_row(self, avail: float, above: float) -> list[Any]:
        """Split the row where it stands, filling as much of ``avail`` as ReportLab allows.

        ReportLab refuses an in-row split that leaves less than ``MIN_ROW_SPLIT`` of the
        row for the next part; when header and row are just over a page (a 督办单 with a
        report of about 910 or 1,590 characters) the full-height cut is refused and the
        table could not be laid out at all. Then the cut moves up, a step at a time, so
        the rest carried over is long enough."""
        cut = avail
        while cut - above >= MIN_ROW_SPLIT:
            parts = self._splitRows(cut, doInRowSplit=True)
            if parts:
                return list(parts)
            cut -= MIN_ROW_SPLIT / 2
        return []

    def _adopt(self, parts: list[Any]) -> list[Any]:
        for part in parts:
            # ReportLab makes the parts with self.__class__ and its own arguments only.
            part._page_height = self._page_height
        return list(parts)


def proportional(widths: Sequence[float], total: float) -> list[float]:
    """Scale relative column widths to the frame width."""
    scale = total / sum(widths)
    return [w * scale for w in widths]


class RuledLines(Flowable):
    """Empty ruled lines for hand-written notes (进展情况 not yet reported)."""

    def __init__(self, lines: int = 3, spacing: float = 8 * mm) -> None:
        super().__init__()
        self.lines = lines
        self.spacing = spacing

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, self.lines * self.spacing

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(RULE_GREY)
        canv.setLineWidth(0.4)
        canv.setDash(1, 2)
        for i in range(self.lines):
            y = i * self.spacing + 1
            canv.line(0, y, self.width, y)
        canv.restoreState()


def signature_boxes(
    labels: Sequence[str], width: float, cell_style: Any, height: float = 18 * mm
) -> Table:
    """Boxes for 经办人 / 审核人 / 日期: the label on top, room below to sign."""
    n = len(labels)
    rows = [[Paragraph(f"{label}：", cell_style) for label in labels], [""] * n]
    table = Table(rows, colWidths=[width / n] * n, rowHeights=[None, height])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 1.0, black),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.6, black),
                ("FONTNAME", (0, 0), (-1, -1), fonts.BODY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_RIGHT_PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def heading(styles: Any, text: str, room: float = 45 * mm) -> list[Any]:
    """A sheet heading (一、牵头任务) that never ends a page: a new page starts unless
    ``room`` is left for the heading and the first rows under it."""
    return [CondPageBreak(room), styles.para(text, styles.heading)]


def title_block(
    styles: Any,
    title: str,
    plan_title: str,
    extra: Sequence[str] = (),
    *,
    width: float | None = None,
) -> list[Any]:
    """Sheet title (二号 bold Song, centred), the plan's title under it, then extra lines.

    Long titles break after whole words (:func:`sheets.wording.title_lines`), never
    inside one as the line width happens to fall (…实/施意见). ``width``: the type area's
    width, portrait by default.
    """
    width = width or frame_width(False)

    def broken(text: str, st: Any) -> Paragraph:
        chars = max(int(width // st.fontSize), 1)
        lines = title_lines(text, chars)
        return Paragraph("<br/>".join(fonts.markup(x, st.fontName) for x in lines), st)

    out: list[Any] = [broken(title, styles.title), broken(plan_title, styles.subtitle)]
    out += [styles.para(line, styles.meta) for line in extra]
    out.append(Spacer(1, 4 * mm))
    return out
