"""Supervision layer: the Excel ledger (台账), formatted to print from Excel or WPS.

Three sheets: 督办台账 (one row per task: units, 完成时限, light, each unit's latest 进展,
存在问题, 下一步计划, 填报人, 最近报送), 报送记录 (every revision of every report) and
计划修订记录 (the coordinating office's plan changes with their reasons). Each has a
frozen, filterable header row repeated on printed pages. Dates are real Excel dates; every
text cell is stored as text, so a report that starts with "=" is never a formula.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from domain.exchange_records import PlanChange
from domain.records import PlanView, ProgressRevision
from domain.status_lights import Light, TaskLight
from supervision.ledger_rows import (
    CHANGE_HEADERS,
    HISTORY_HEADERS,
    TASK_HEADERS,
    Value,
    change_rows,
    history_rows,
    task_rows,
)

#: The first sheet's headers (kept under the old name for callers that read the ledger).
HEADERS = TASK_HEADERS
#: Light colours as in the window: fills pale enough to print in black and white.
LIGHT_FILLS = {
    Light.DONE: "C6EFCE",
    Light.ON_TRACK: "DDEBF7",
    Light.DUE_SOON: "FFEB9C",
    Light.UNREPORTED: "F4CCCC",
    Light.OVERDUE: "FFC7CE",
    Light.RETURNED: "E4D5F0",
    Light.PENDING_REVIEW: "E7E6E6",
}
DATE_FORMAT = "yyyy-mm-dd"


def put(cell: Any, value: Value) -> None:
    """Write one value: a date as an Excel date, text always as text (never a formula,
    whatever it starts with), characters Excel cannot store dropped."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value


def ledger_rows(view: PlanView, lights: dict[str, TaskLight]) -> list[list[Value]]:
    return task_rows(view, lights)


def write_ledger(
    view: PlanView,
    lights: Mapping[str, TaskLight],
    as_of: dt.date,
    path: Path,
    *,
    history: Mapping[str, Iterable[ProgressRevision]] | None = None,
    changes: Iterable[PlanChange] = (),
) -> Path:
    """Write the workbook. ``history``: task id → every revision of its reports (the
    报送记录 sheet lists the current reports only when it is not given)."""
    from openpyxl import Workbook  # heavy: only when a ledger is written

    book = Workbook()
    tasks = book.active
    assert tasks is not None
    day = as_of.isoformat()
    _fill(
        tasks,
        "督办台账",
        f"{view.title} 督办台账（截至 {day}）",
        TASK_HEADERS,
        task_rows(view, lights),
    )
    light_col = [h for h, _ in TASK_HEADERS].index("状态") + 1
    for offset, task in enumerate(view.all_tasks()):
        fill = LIGHT_FILLS[lights[task.id].light]
        _shade(tasks.cell(row=3 + offset, column=light_col), fill)
    reports = (
        history if history is not None else {t.id: t.current_progress for t in view.all_tasks()}
    )
    _fill(
        book.create_sheet(),
        "报送记录",
        f"{view.title} 进展报送记录（截至 {day}）",
        HISTORY_HEADERS,
        history_rows(view, reports),
    )
    _fill(
        book.create_sheet(),
        "计划修订记录",
        f"{view.title} 计划修订记录",
        CHANGE_HEADERS,
        change_rows(view, changes),
    )
    path = Path(path)
    book.save(path)
    return path


def _shade(cell: Any, colour: str) -> None:
    from openpyxl.styles import PatternFill

    cell.fill = PatternFill("solid", fgColor=colour)


def _fill(
    sheet: Any,
    name: str,
    title: str,
    headers: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[Value]],
) -> None:
    """Title row, bold grey header (frozen, filtered, printed on every page), ruled rows."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet.title = name
    put(sheet.cell(row=1, column=1), title)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    sheet["A1"].font = Font(name="宋体", size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 36
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, (header, width) in enumerate(headers, start=1):
        cell = sheet.cell(row=2, column=col)
        put(cell, header)
        cell.font = Font(name="黑体", bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(col)].width = width
    body_font = Font(name="宋体", size=10.5)
    top = Alignment(vertical="top", wrap_text=True)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            put(cell, value)
            cell.alignment = top
            cell.border = border
            cell.font = body_font
    last = get_column_letter(len(headers))
    sheet.freeze_panes = "B3"
    sheet.auto_filter.ref = f"A2:{last}{max(sheet.max_row, 2)}"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
