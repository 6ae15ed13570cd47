"""PDF sheets layer: 进展情况汇总表, tasks counted by status per section and per unit.

The counting rules live in :mod:`sheets.progress` (pure, tested alone); this module only
lays them out, landscape by default so the nine columns breathe.
"""

from __future__ import annotations

from collections.abc import Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from domain.records import PlanView
from domain.status_lights import TaskLight
from sheets import document
from sheets.document import SheetOptions, Target
from sheets.progress import (
    NOT_REPORTED,
    STATUS_COLUMNS,
    StatusCount,
    section_counts,
    unit_counts,
    with_section_lights,
    with_unit_lights,
)
from sheets.tables import heading, proportional, sheet_table, title_block
from sheets.typography import WUHAO, XIAOSI, Styles

TITLE = "进展情况汇总表"
NOTE = (
    "注：按部分统计时，每项任务的状态取其牵头单位（无牵头单位时为负责单位）的最新进展："
    "全部报已完成为“已完成”，有一个受阻为“受阻”，有已开展的为“推进中”；"
    "按单位统计时取该单位自身的最新进展。从未报送＝没有任何进展报送；逾期＝超过完成时限仍未完成；"
    "未按期报送＝最近一个报送节点已过而未报送（按单位统计时为本单位未报送）。"
    "完成率＝已完成任务数÷任务数。"
)


def summary_sheet(
    plan: PlanView,
    target: Target,
    options: SheetOptions | None = None,
    lights: Mapping[str, TaskLight] | None = None,
) -> None:
    """Write the 进展情况汇总表 of the plan (status as of the data, see ``options``);
    with ``lights`` (the status lights on the sheet's day) also 逾期 and 未按期报送."""
    options = options or SheetOptions()
    sections, units = summary_rows(plan, lights)
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
            sections,
            styles,
            width,
            wide=wide,
            with_leads=False,
            with_total=True,
        )
    )
    story.extend(heading(styles, "二、按单位统计"))
    story.append(_table("单位", units, styles, width, wide=wide, with_leads=True))
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


def summary_rows(
    plan: PlanView, lights: Mapping[str, TaskLight] | None
) -> tuple[list[StatusCount], list[StatusCount]]:
    """Rows by section (then 合计) and by unit, with the light columns when given."""
    sections, units = section_counts(plan), unit_counts(plan)
    if lights is not None:
        sections = with_section_lights(plan, sections, lights)
        units = with_unit_lights(plan, units, lights)
    return sections, units


def header_and_numbers(
    first: str, counts: list[StatusCount], with_leads: bool
) -> tuple[list[str], list[list[int]], list[int]]:
    """Column titles, each row's numbers, and relative column widths (both layouts)."""
    lit = bool(counts) and counts[0].overdue is not None
    header = [first, "任务数"] + ["其中牵头"] * with_leads
    header += [s.label_zh for s in STATUS_COLUMNS] + [NOT_REPORTED]
    header += ["逾期", "未按期报送"] * lit + ["完成率"]
    numbers = []
    for row in counts:
        values = [row.total] + [row.lead_count] * with_leads
        values += [row.by_status[s] for s in STATUS_COLUMNS] + [row.not_reported]
        if lit:
            values += [row.overdue or 0, row.late or 0]
        numbers.append(values)
    widths = [60 if with_leads else 80, 16] + [20] * with_leads + [16] * 5
    widths += [14, 20] * lit + [20]
    return header, numbers, widths


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
    header, numbers, columns = header_and_numbers(first, counts, with_leads)
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in header]]
    for index, (row, values) in enumerate(zip(counts, numbers, strict=True)):
        total_row = with_total and index == len(counts) - 1
        name_style = styles.group if total_row else styles.cell
        number_style = styles.header if total_row else styles.cell_center
        rows.append(
            [
                styles.para(row.label, name_style),
                *(styles.para(str(n), number_style) for n in values),
                styles.para(rate_text(row), number_style),
            ]
        )
    return sheet_table(rows, proportional(columns, width), page_height=document.frame_height(wide))
