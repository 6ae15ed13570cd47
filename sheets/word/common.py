"""Word sheets layer: the opening every sheet shares (title, plan title, meta lines)."""

from __future__ import annotations

from collections.abc import Sequence

from sheets.document import SheetOptions
from sheets.word import blocks
from sheets.word.page import ERHAO, SANHAO, WordPage
from sheets.wording import title_lines

PT_PER_MM = 72 / 25.4


def chars_per_line(page: WordPage, size: float) -> int:
    return int(page.width_mm * PT_PER_MM // size)


def new_page(
    title: str,
    fingerprint: str,
    options: SheetOptions,
    *,
    landscape: bool,
    running_text: bool = False,
) -> WordPage:
    return WordPage(
        title=title,
        fingerprint=fingerprint,
        landscape=landscape,
        running_text=running_text,
        generated_on=options.generated_on,
        issued_by=options.issued_by,
    )


def opening(page: WordPage, title: str, plan_title: str, extra: Sequence[str] = ()) -> None:
    """Title (broken at sensible places), the plan's title under it, then meta lines."""
    blocks.title(page, "\n".join(title_lines(title, chars_per_line(page, ERHAO))))
    if plan_title:
        blocks.subtitle(page, "\n".join(title_lines(plan_title, chars_per_line(page, SANHAO))))
    for line in extra:
        blocks.note(page, line, size=12.0)
    blocks.spacer(page)
