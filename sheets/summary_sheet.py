"""PDF sheets layer: 进展情况汇总表, tasks counted by status per section and per unit.

The counting rules live in :mod:`sheets.progress` (pure, tested alone); this module only
lays them out, landscape by default so the nine columns breathe.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from domain.records import PlanView
from sheets import document
from sheets.document import SheetOptions, Target
from sheets.progress import (
    NOT_REPORTED,
    STATUS_COLUMNS,
    StatusCount,
    section_counts,
    unit_counts,
)
from sheets.tables import heading, proportional, sheet_table, title_block
from sheets.typography import WUHAO, XIAOSI, Styles

TITLE = "进展情况汇总表"
NOTE = (
    "注：按部分统计时，每项任务的状态取其牵头单位（无牵头单位时为负责单位）的最新进展："
    "全部报已完成为“已完成”，有一个受阻为“受阻”，有已开展的为“推进中”；"
    "按单位统计时取该单位自身的最新进展。完成率＝已完成任务数÷任务数。"
)


def summary_sheet(plan: PlanView, target: Target, options: SheetOptions | None = None) -> None:
    """Write the 进展情况汇总表 of the plan (status as of the data, see ``options``)."""
    options = options or SheetOptions()
    wide = True if options.landscape is None else options.landscape
    styles = Styles(XIAOSI if wide else WUHAO)
    width = document.frame_width(wide)
    as_of = options.as_of or options.generated_on
    extra = [f"统计截至：{as_of:%Y年%m月%d日}"] if as_of else []
    story: list[Flowable] = title_block(styles, TITLE, plan.title, extra, width=width)
    story.extend(heading(styles, "一、按部分统计"))
    story.append(
        _table(
            "部分",
            section_counts(plan),
            styles,
            width,
            wide=wide,
            with_leads=False,
            with_total=True,
        )
    )
    story.extend(heading(styles, "二、按单位统计"))
    story.append(_table("单位", unit_counts(plan), styles, width, wide=wide, with_leads=True))
    story.append(Spacer(1, 3 * mm))
    story.append(styles.para(NOTE, styles.note))
    document.build(
        target,
        story,
        title=TITLE,
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=wide,
    )


def rate_text(row: StatusCount) -> str:
    return f"{row.completion_rate * 100:.1f}%" if row.total else "—"


def _table(
    first: str,
    counts: list[StatusCount],
    styles: Styles,
    width: float,
    *,
    wide: bool,
    with_leads: bool,
    with_total: bool = False,
) -> Flowable:
    """Counts table; ``with_total``: the last row is the 合计 row, set bold."""
    header = [first, "任务数"]
    if with_leads:
        header.append("其中牵头")
    header += [s.label_zh for s in STATUS_COLUMNS] + [NOT_REPORTED, "完成率"]
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in header]]
    for index, row in enumerate(counts):
        total_row = with_total and index == len(counts) - 1
        name_style = styles.group if total_row else styles.cell
        number_style = styles.header if total_row else styles.cell_center
        numbers = [row.total]
        if with_leads:
            numbers.append(row.lead_count)
        numbers += [row.by_status[s] for s in STATUS_COLUMNS] + [row.not_reported]
        rows.append(
            [
                styles.para(row.label, name_style),
                *(styles.para(str(n), number_style) for n in numbers),
                styles.para(rate_text(row), number_style),
            ]
        )
    columns = [60 if with_leads else 80, 16] + [20] * with_leads + [16] * 5 + [20]
    return sheet_table(rows, proportional(columns, width), page_height=document.frame_height(wide))
