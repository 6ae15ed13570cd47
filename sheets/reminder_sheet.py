"""PDF sheets layer: 催办单, the reminder slip to one unit about its late items.

Lists exactly the unit's 逾期 tasks (past the deadline, not done, and the unit is one whose
progress is owed: 牵头 or 负责) and its 未报送 tasks (a report round passed with no report
from this unit), as the status lights (:mod:`domain.status_lights`) say on the as-of date.
The lights are computed by the caller (``Store.lights``) and handed in: this module never
decides what is late, it only prints it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from domain.records import PlanView, TaskView
from domain.status_lights import Light, TaskLight, owing_units
from sheets import document, fonts
from sheets.document import SheetOptions, Target
from sheets.errors import UnknownUnitError
from sheets.progress import current_for_unit, find_unit, task_label, zh_number
from sheets.tables import heading, proportional, sheet_table, signature_boxes, title_block
from sheets.typography import SIHAO, WUHAO, Styles, style
from sheets.wording import day_zh

TITLE = "催办单"
OVERDUE_HEADER = ("序号", "任务内容", "完成时限", "逾期", "本单位最近报送")
OVERDUE_COLUMNS = (12, 70, 24, 16, 34)
UNREPORTED_HEADER = ("序号", "任务内容", "应报送节点", "本单位最近报送")
UNREPORTED_COLUMNS = (12, 84, 26, 34)
#: The office signs it out; the unit signs for receipt (签收).
SIGNATURES = ("经办人", "审核人", "签收人", "日期")
#: A blank to write a date into by hand; ReportLab collapses U+3000, not no-break spaces.
BLANK = "<u>" + "\u00a0" * 6 + "</u>"
DEFAULT_SENDER = "领导小组办公室"


@dataclass(frozen=True, slots=True)
class LateItems:
    """What one unit owes on the as-of date, in task order."""

    overdue: tuple[TaskView, ...]
    unreported: tuple[TaskView, ...]

    def __len__(self) -> int:
        return len(self.overdue) + len(self.unreported)


def late_items(plan: PlanView, lights: Mapping[str, TaskLight], unit_id: str) -> LateItems:
    """The unit's overdue and unreported tasks.

    A task is the unit's 逾期 item only where the unit owes its progress (牵头 / 负责, see
    ``owing_units``): a 配合 unit is not reminded of a lead's deadline. A 未报送 item is
    one whose light names this unit among the silent ones.
    """
    overdue: list[TaskView] = []
    unreported: list[TaskView] = []
    for task in plan.all_tasks():
        light = lights.get(task.id)
        if light is None:
            continue
        if light.light is Light.OVERDUE and unit_id in owing_units(task):
            overdue.append(task)
        elif light.light is Light.UNREPORTED and unit_id in light.missing_units:
            unreported.append(task)
    return LateItems(tuple(overdue), tuple(unreported))


def reminder_sheet(
    plan: PlanView,
    lights: Mapping[str, TaskLight],
    unit: str,
    as_of: dt.date,
    target: Target,
    options: SheetOptions | None = None,
) -> LateItems:
    """Write the 催办单 of ``unit`` (its id or name, see :func:`find_unit`) as of ``as_of``;
    return the items it lists (the caller may say "nothing is late" instead of printing)."""
    found = find_unit(plan, unit)
    if found is None:
        raise UnknownUnitError(unit)
    options = options or SheetOptions()
    styles = Styles(WUHAO)
    width = document.frame_width(False)
    items = late_items(plan, lights, found.unit_id)
    story: list[Flowable] = title_block(styles, TITLE, plan.title, width=width)
    story.append(
        Paragraph(
            f'<font face="{fonts.BOLD}">催办单位：</font>{fonts.markup(found.unit_name)}',
            styles.subtitle,
        )
    )
    round_date = _round_owed(plan, as_of)
    story.append(Spacer(1, 2 * mm))
    # 四号, not the 三号 of a 公文 body: a slip with a few items then fits on one sheet.
    request = style("request", SIHAO, first_indent=SIHAO * 2)
    story.append(styles.rich(request_text(as_of, items), request))
    tables: list[tuple[str, list[list[object]], list[float]]] = []
    if items.overdue:
        title = f"逾期未完成（{len(items.overdue)} 项）"
        rows = _overdue_rows(items.overdue, lights, found.unit_id, styles)
        tables.append((title, rows, proportional(OVERDUE_COLUMNS, width)))
    if items.unreported:
        title = f"未按期报送进展（{len(items.unreported)} 项）"
        rows = _unreported_rows(items.unreported, round_date, found.unit_id, styles)
        tables.append((title, rows, proportional(UNREPORTED_COLUMNS, width)))
    # The 落款 (office, 盖章, date) and the boxes close the body on its own page: they
    # keep the last table row (the whole last table with its heading when it is one row;
    # the request when nothing is late) with them.
    tail: list[Flowable] = []
    for number, (title, rows, widths) in enumerate(tables, 1):
        story.extend(heading(styles, f"{zh_number(number)}、{title}"))
        if number < len(tables):
            story.append(sheet_table(rows, widths))
        elif len(rows) > 2:
            story.append(sheet_table(rows[:-1], widths))
            tail = [sheet_table(rows[-1:], widths, header_rows=0)]
        else:
            tail = [story.pop(), sheet_table(rows, widths)]
    if not tables:
        tail = [story.pop()]
    # One line (office, 盖章, date) and slim boxes: a slip with a few items stays one sheet.
    right = style("sender", SIHAO, align=TA_RIGHT, leading=SIHAO * 1.3)
    right.rightIndent = SIHAO * 2
    closing: list[Flowable] = [
        *tail,
        Spacer(1, 2 * mm),
        styles.para(f"{sender_name(options)}（盖章）　　{day_zh(as_of)}", right),
        signature_boxes(SIGNATURES, width, styles.cell, 5 * mm),
    ]
    story.append(KeepTogether(closing))
    document.build(
        target,
        story,
        title=f"{TITLE}（{found.unit_name}）",
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=False,
    )
    return items


def _round_owed(plan: PlanView, as_of: dt.date) -> dt.date | None:
    """The latest report round already passed: the one a silent unit failed."""
    return plan.rounds.last_passed(as_of)[1] if plan.rounds is not None else None


def sender_name(options: SheetOptions) -> str:
    """The office in the 落款."""
    return options.sender.strip() or DEFAULT_SENDER


def request_text(as_of: dt.date, items: LateItems, blank: str = BLANK) -> str:
    """The slip's one paragraph; ``blank`` is where the clerk writes the reply date."""
    day = day_zh(as_of)
    if not items:
        return f"截至{day}，你单位没有逾期未完成或未按期报送进展的任务。"
    kinds = []
    if items.overdue:
        kinds.append(f"{len(items.overdue)} 项任务逾期未完成")
    if items.unreported:
        kinds.append(f"{len(items.unreported)} 项任务未按期报送进展情况")
    return (
        f"截至{day}，你单位有 {'、'.join(kinds)}（见下表）。请抓紧推进，"
        f"并于{blank}月{blank}日前将进展情况报送协调办公室。"
    )


def _latest_text(task: TaskView, unit_id: str) -> str:
    rev = current_for_unit(task, unit_id)
    if rev is None:
        return "从未报送"
    return f"{rev.status.label_zh} {rev.percent}%\n{rev.report_date:%Y-%m-%d}"


def _overdue_rows(
    tasks: tuple[TaskView, ...],
    lights: Mapping[str, TaskLight],
    unit_id: str,
    styles: Styles,
) -> list[list[object]]:
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in OVERDUE_HEADER]]
    for task in tasks:
        light = lights[task.id]
        deadline = light.deadline.date if light.deadline else None
        late = f"{-light.days_left} 天" if light.days_left is not None else "—"
        rows.append(
            [
                styles.para(task_label(task), styles.cell_center),
                styles.para(task.text),
                styles.para(f"{deadline:%Y-%m-%d}" if deadline else "—", styles.cell_center),
                styles.para(late, styles.cell_center),
                styles.para(_latest_text(task, unit_id), styles.cell_center),
            ]
        )
    return rows


def _unreported_rows(
    tasks: tuple[TaskView, ...],
    round_date: dt.date | None,
    unit_id: str,
    styles: Styles,
) -> list[list[object]]:
    owed = f"{round_date:%Y-%m-%d}" if round_date else "—"
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in UNREPORTED_HEADER]]
    for task in tasks:
        rows.append(
            [
                styles.para(task_label(task), styles.cell_center),
                styles.para(task.text),
                styles.para(owed, styles.cell_center),
                styles.para(_latest_text(task, unit_id), styles.cell_center),
            ]
        )
    return rows
