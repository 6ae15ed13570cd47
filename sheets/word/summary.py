"""Word sheets layer: 进展情况汇总表, tasks counted by status per section and per unit."""

from __future__ import annotations

from domain.records import PlanView
from sheets.document import SheetOptions
from sheets.progress import NOT_REPORTED, STATUS_COLUMNS, StatusCount, section_counts, unit_counts
from sheets.summary_sheet import NOTE, TITLE, rate_text
from sheets.word import blocks
from sheets.word.blocks import Cell
from sheets.word.common import new_page, opening
from sheets.word.page import WUHAO, XIAOSI, Target, WordPage
from sheets.wording import day_zh


def summary_docx(plan: PlanView, target: Target, options: SheetOptions | None = None) -> None:
    """Write the 进展情况汇总表 as a Word document (landscape by default)."""
    options = options or SheetOptions()
    wide = True if options.landscape is None else options.landscape
    page = new_page(TITLE, plan.fingerprint, options, landscape=wide)
    as_of = options.as_of or options.generated_on
    opening(page, TITLE, plan.title, [f"统计截至：{day_zh(as_of)}"] if as_of else [])
    size = XIAOSI if wide else WUHAO
    blocks.heading(page, "一、按部分统计")
    _table(page, "部分", section_counts(plan), size, with_leads=False)
    blocks.heading(page, "二、按单位统计")
    _table(page, "单位", unit_counts(plan), size, with_leads=True)
    blocks.spacer(page)
    blocks.note(page, NOTE, size=9.0)
    page.save(target)


def _table(
    page: WordPage, first: str, counts: list[StatusCount], size: float, *, with_leads: bool
) -> None:
    header = [first, "任务数"] + (["其中牵头"] if with_leads else [])
    header += [s.label_zh for s in STATUS_COLUMNS] + [NOT_REPORTED, "完成率"]
    rows: list[list[Cell]] = []
    for row in counts:
        numbers = [row.total] + ([row.lead_count] if with_leads else [])
        numbers += [row.by_status[s] for s in STATUS_COLUMNS] + [row.not_reported]
        rows.append([row.label, *(str(n) for n in numbers), rate_text(row)])
    columns = [60 if with_leads else 80, 16] + [20] * with_leads + [16] * 5 + [20]
    center = tuple(range(1, len(header)))
    blocks.table(page, header, rows, columns, size=size, center_columns=center)
