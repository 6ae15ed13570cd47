"""Word sheets layer: 进展情况汇总表, tasks counted by status per section and per unit."""

from __future__ import annotations

from collections.abc import Mapping

from domain.records import PlanView
from domain.status_lights import TaskLight
from sheets.document import SheetOptions
from sheets.progress import StatusCount
from sheets.summary_sheet import NOTE, TITLE, header_and_numbers, rate_text, summary_rows
from sheets.word import blocks
from sheets.word.blocks import Cell
from sheets.word.common import new_page, opening
from sheets.word.page import WUHAO, XIAOSI, Target, WordPage
from sheets.wording import day_zh


def summary_docx(
    plan: PlanView,
    target: Target,
    options: SheetOptions | None = None,
    lights: Mapping[str, TaskLight] | None = None,
) -> None:
    """Write the 进展情况汇总表 as a Word document (landscape by default); with ``lights``
    also 逾期 and 未按期报送."""
    options = options or SheetOptions()
    sections, units = summary_rows(plan, lights)
    wide = True if options.landscape is None else options.landscape
    page = new_page(TITLE, plan.fingerprint, options, landscape=wide)
    as_of = options.as_of or options.generated_on
    opening(page, TITLE, plan.title, [f"统计截至：{day_zh(as_of)}"] if as_of else [])
    size = XIAOSI if wide else WUHAO
    blocks.heading(page, "一、按部分统计")
    _table(page, "部分", sections, size, with_leads=False)
    blocks.heading(page, "二、按单位统计")
    _table(page, "单位", units, size, with_leads=True)
    blocks.spacer(page)
    blocks.note(page, NOTE, size=9.0)
    page.save(target)


def _table(
    page: WordPage, first: str, counts: list[StatusCount], size: float, *, with_leads: bool
) -> None:
    header, numbers, columns = header_and_numbers(first, counts, with_leads)
    rows: list[list[Cell]] = [
        [row.label, *(str(n) for n in values), rate_text(row)]
        for row, values in zip(counts, numbers, strict=True)
    ]
    center = tuple(range(1, len(header)))
    blocks.table(page, header, rows, columns, size=size, center_columns=center)
