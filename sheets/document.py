"""PDF sheets layer: the A4 page (GB/T 9704-2012 margins), page numbers, footer and output.

Portrait: top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm → a 156 × 225 mm type
area, as in the standard. Landscape (wide tables): the same margins turned with the sheet,
so the binding edge (28 mm) is at the top and the page number stays at the foot.

Page numbers are "— 1 —" in 四号, their top 7 mm below the type area, odd pages at the right
and even pages at the left, one character in (GB/T 9704 §7.5) — or centred on request.
In a batch of unit sheets numbering restarts at 1 for every unit (:class:`RestartNumbering`),
so each unit's pages are a complete document once the batch is split apart.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Literal

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from domain.ids import short_fingerprint
from runtime.version import __version__
from sheets import fonts
from sheets.typography import SIHAO, XIAOWU

MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
#: Top edge of the page number below the type area.
PAGE_NUMBER_GAP = 7 * mm

#: A PDF is written to a path, or into an open binary file (a preview's buffer).
Target = str | os.PathLike[str] | IO[bytes]

FOOTER_GREY = Color(0.35, 0.35, 0.35)


@dataclass(frozen=True, slots=True)
class SheetOptions:
    """What every sheet accepts besides its data."""

    #: Printed in the footer ("生成日期"); today when not given. A given date also makes
    #: the file byte-for-byte reproducible (ReportLab's invariant mode: the PDF metadata
    #: then carries a fixed creation time, not the real one).
    generated_on: dt.date | None = None
    #: None: the sheet's own choice (landscape for the plan table and the summary).
    landscape: bool | None = None
    #: "alternate" (GB/T 9704: odd right, even left) or "center".
    page_numbers: Literal["alternate", "center"] = "alternate"
    #: Who made it, printed in the footer when set (e.g. the installation's name).
    issued_by: str = ""
    #: The office named in a 落款 (催办单, 通报); "领导小组办公室" when not given.
    sender: str = ""
    #: The day the sheet is "as of" (截至): lights, figures and the 落款 date. Today when
    #: not given; the dashboard passes its chosen day.
    as_of: dt.date | None = None


def frame_width(landscape_pages: bool) -> float:
    """Width of the type area: 156 mm portrait, 225 mm landscape."""
    if landscape_pages:
        return A4[1] - MARGIN_TOP - MARGIN_BOTTOM
    return A4[0] - MARGIN_LEFT - MARGIN_RIGHT


def frame_height(landscape_pages: bool) -> float:
    """Height of the type area: 225 mm portrait, 156 mm landscape."""
    if landscape_pages:
        return A4[0] - MARGIN_LEFT - MARGIN_RIGHT
    return A4[1] - MARGIN_TOP - MARGIN_BOTTOM


class RestartNumbering(Flowable):
    """Zero-size marker: page numbering starts again at 1 on the page where it is drawn."""

    def __init__(self, label: str = "") -> None:
        super().__init__()
        self.label = label

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        doc = getattr(self.canv, "_doctemplate", None)
        if isinstance(doc, SheetDocument):
            doc.page_base = doc.page - 1


class SheetDocument(BaseDocTemplate):
    """A4 document with the GB/T 9704 type area, page numbers and the data footer."""

    def __init__(
        self,
        target: Target,
        *,
        title: str,
        fingerprint: str,
        options: SheetOptions,
        landscape_pages: bool,
    ) -> None:
        self.options = options
        self.fingerprint = fingerprint
        self.page_base = 0
        page_size = landscape(A4) if landscape_pages else A4
        if landscape_pages:
            # Turned with the sheet: binding (left) margin at the top, page number at the foot.
            left, right, top, bottom = MARGIN_BOTTOM, MARGIN_TOP, MARGIN_LEFT, MARGIN_RIGHT
        else:
            left, right, top, bottom = MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM
        super().__init__(
            target,
            pagesize=page_size,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=title,
            author=options.issued_by or "Duban",
            creator=f"Duban {__version__}",
            subject=f"数据指纹 {short_fingerprint(fingerprint)}",
            invariant=options.generated_on is not None,
            # Otherwise the canvas starts in Helvetica, listed in the PDF and never embedded.
            initialFontName=fonts.BODY,
        )
        frame = Frame(
            left,
            bottom,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="sheet", frames=[frame], onPageEnd=self._decorate)])

    @property
    def generated_on(self) -> dt.date:
        return self.options.generated_on or dt.date.today()

    def _decorate(self, canv: Canvas, doc: Any) -> None:
        """Page number and footer, drawn after the page's flowables (numbering may restart)."""
        number = self.page - self.page_base
        text = f"— {number} —"
        canv.saveState()
        canv.setFont(fonts.BODY, SIHAO)
        baseline = self.bottomMargin - PAGE_NUMBER_GAP - SIHAO * 0.8
        text_width = canv.stringWidth(text, fonts.BODY, SIHAO)
        one_char = SIHAO
        if self.options.page_numbers == "center":
            x = self.leftMargin + (self.width - text_width) / 2
        elif number % 2:
            x = self.leftMargin + self.width - one_char - text_width
        else:
            x = self.leftMargin + one_char
        canv.drawString(x, baseline, text)
        footer = (
            f"生成日期：{self.generated_on:%Y年%m月%d日}"
            f"　数据指纹：{short_fingerprint(self.fingerprint)}"
        )
        if self.options.issued_by:
            footer = f"{self.options.issued_by}　{footer}"
        canv.setFillColor(FOOTER_GREY)
        canv.setFont(fonts.BODY, XIAOWU)
        footer_x = self.leftMargin + (self.width - canv.stringWidth(footer, fonts.BODY, XIAOWU)) / 2
        canv.drawString(footer_x, baseline - SIHAO - 4, footer)
        canv.restoreState()


def build(
    target: Target,
    story: Sequence[Flowable],
    *,
    title: str,
    fingerprint: str,
    options: SheetOptions,
    landscape_pages: bool,
) -> None:
    """Lay out ``story`` and write the PDF. A path is written atomically (``.partial`` first),
    so a preview or a USB stick never sees half a file."""
    fonts.register_fonts()
    if isinstance(target, str | os.PathLike):
        final = Path(target)
        partial = final.with_name(final.name + ".partial")
        try:
            _build(partial, story, title, fingerprint, options, landscape_pages)
            os.replace(partial, final)
        finally:
            partial.unlink(missing_ok=True)
    else:
        _build(target, story, title, fingerprint, options, landscape_pages)


def _build(
    target: Path | IO[bytes],
    story: Sequence[Flowable],
    title: str,
    fingerprint: str,
    options: SheetOptions,
    landscape_pages: bool,
) -> None:
    out: Any = str(target) if isinstance(target, Path) else target
    doc = SheetDocument(
        out, title=title, fingerprint=fingerprint, options=options, landscape_pages=landscape_pages
    )
    doc.build(list(story))
