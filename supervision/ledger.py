"""Supervision layer: the Excel ledger (台账), formatted to print from Excel or WPS."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from domain.enums import Role
from domain.records import PlanView, TaskView
from domain.status_lights import Light, TaskLight

HEADERS = (
    ("序号", 6),
    ("部分", 16),
    ("方面", 16),
    ("任务内容", 60),
    ("牵头单位", 16),
    ("责任单位", 18),
    ("配合单位", 22),
    ("完成时限", 11),
    ("状态", 8),
    ("最新进展", 48),
    ("最近报送", 11),
)
#: Light colours as in the window: fills pale enough to print in black and white.
LIGHT_FILLS = {
    Light.DONE: "C6EFCE",
    Light.ON_TRACK: "DDEBF7",
    Light.DUE_SOON: "FFEB9C",
    Light.UNREPORTED: "F4CCCC",
    Light.OVERDUE: "FFC7CE",
}


def ledger_rows(view: PlanView, lights: dict[str, TaskLight]) -> list[list[object]]:
    rows: list[list[object]] = []
    for task in view.all_tasks():
        light = lights[task.id]
        rows.append(
            [
                task.number,
                task.section_title,
                task.subsection_title or "",
                task.text,
                _names(task, Role.LEAD),
                _names(task, Role.RESPONSIBLE),
                _names(task, Role.COOPERATE),
                task.deadline.label_zh() if task.deadline else "",
                light.light.label_zh,
                _progress(task),
                max((r.report_date for r in task.current_progress), default=None),
            ]
        )
    return rows


def _names(task: TaskView, role: Role) -> str:
    return "、".join(a.unit_name for a in task.units_with(role))


def _progress(task: TaskView) -> str:
    return "\n".join(
        f"{r.unit_name}：{r.status.label_zh} {r.percent}%（{r.report_date.isoformat()}）"
        + (f" {r.work_done}" if r.work_done else "")
        for r in task.current_progress
    )


def write_ledger(view: PlanView, lights: dict[str, TaskLight], as_of: dt.date, path: Path) -> Path:
    from openpyxl import Workbook  # heavy: only when a ledger is written
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "督办台账"
    title = f"{view.title} 督办台账（截至 {as_of.isoformat()}）"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A1"].font = Font(name="宋体", size=14, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 36
    sheet.append([h for h, _ in HEADERS])
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for col, (_, width) in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=2, column=col)
        cell.font = Font(name="黑体", bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(col)].width = width
    light_col = [h for h, _ in HEADERS].index("状态") + 1
    for task, row in zip(view.all_tasks(), ledger_rows(view, lights), strict=True):
        sheet.append(row)
        r = sheet.max_row
        for col in range(1, len(HEADERS) + 1):
            cell = sheet.cell(row=r, column=col)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = border
            cell.font = Font(name="宋体", size=10.5)
        date_cell = sheet.cell(row=r, column=len(HEADERS))
        date_cell.number_format = "yyyy-mm-dd"
        fill = LIGHT_FILLS[lights[task.id].light]
        sheet.cell(row=r, column=light_col).fill = PatternFill("solid", fgColor=fill)
    sheet.freeze_panes = "B3"
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(HEADERS))}{sheet.max_row}"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    path = Path(path)
    book.save(path)
    return path
