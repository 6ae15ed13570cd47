"""Word sheets layer: 催办单 to one unit, its 落款 and date kept on the page of its body."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from domain.records import PlanView, TaskView
from domain.status_lights import TaskLight
from sheets.document import SheetOptions
from sheets.errors import UnknownUnitError
from sheets.progress import current_for_unit, find_unit, task_label, zh_number
from sheets.reminder_sheet import (
    OVERDUE_COLUMNS,
    OVERDUE_HEADER,
    SIGNATURES,
    TITLE,
    UNREPORTED_COLUMNS,
    UNREPORTED_HEADER,
    LateItems,
    late_items,
    request_text,
    sender_name,
)
from sheets.word import blocks
from sheets.word.blocks import Cell
from sheets.word.common import new_page, opening
from sheets.word.page import SIHAO, Target
from sheets.wording import day_zh


def reminder_docx(
    plan: PlanView,
    lights: Mapping[str, TaskLight],
    unit: str,
    as_of: dt.date,
    target: Target,
    options: SheetOptions | None = None,
) -> LateItems:
    """Write the 催办单 of ``unit`` as of ``as_of`` as a Word document; return its items."""
    found = find_unit(plan, unit)
    if found is None:
        raise UnknownUnitError(unit)
    options = options or SheetOptions()
    items = late_items(plan, lights, found.unit_id)
    page = new_page(f"{TITLE}（{found.unit_name}）", plan.fingerprint, options, landscape=False)
    opening(page, TITLE, plan.title)
    blocks.subtitle(page, found.unit_name, label="催办单位：")
    blocks.body(page, request_text(as_of, items, blank="____"), size=SIHAO)
    group_no = 0
    last = None
    if items.overdue:
        group_no += 1
        blocks.heading(page, f"{zh_number(group_no)}、逾期未完成（{len(items.overdue)} 项）")
        rows: list[list[Cell]] = []
        for task in items.overdue:
            light = lights[task.id]
            deadline = light.deadline.date if light.deadline else None
            rows.append(
                [
                    task_label(task),
                    task.text,
                    f"{deadline:%Y-%m-%d}" if deadline else "—",
                    f"{-light.days_left} 天" if light.days_left is not None else "—",
                    _latest(task, found.unit_id),
                ]
            )
        last = blocks.table(
            page, OVERDUE_HEADER, rows, OVERDUE_COLUMNS, center_columns=(0, 2, 3, 4)
        )
    if items.unreported:
        group_no += 1
        blocks.heading(page, f"{zh_number(group_no)}、未按期报送进展（{len(items.unreported)} 项）")
        owed = plan.rounds.last_passed(as_of)[1] if plan.rounds is not None else None
        owed_text = f"{owed:%Y-%m-%d}" if owed else "—"
        rows = [
            [task_label(t), t.text, owed_text, _latest(t, found.unit_id)] for t in items.unreported
        ]
        last = blocks.table(
            page, UNREPORTED_HEADER, rows, UNREPORTED_COLUMNS, center_columns=(0, 2, 3)
        )
    # 落款 and date right under the body, kept with its last row and the boxes below.
    if last is not None:
        blocks.keep_last_row_with_next(last)
    blocks.spacer(page, 12, keep=True)
    blocks.right_aligned(page, [f"{sender_name(options)}（盖章）", day_zh(as_of)], size=SIHAO)
    blocks.spacer(page, 8, keep=True)
    blocks.boxes(page, SIGNATURES, height_mm=10)
    page.save(target)
    return items


def _latest(task: TaskView, unit_id: str) -> Cell:
    rev = current_for_unit(task, unit_id)
    if rev is None:
        return "从未报送"
    return [f"{rev.status.label_zh} {rev.percent}%", f"{rev.report_date:%Y-%m-%d}"]
