"""Plan intake: an Excel .xlsx 台账 as tables, one per sheet, merged cells filled in."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from plan_intake.blocks import Block, Paragraph, Table, square
from plan_intake.table_lines import is_plan_table
from plan_intake.zipped import open_office_zip
from plan_parser.errors import PlanParseError

MAX_CELLS = 200_000


def read_xlsx(path: Path) -> list[Block]:
    """The sheets that hold a 分工表 (header words found); all visible sheets if none does."""
    from openpyxl import load_workbook

    open_office_zip(path, " Excel ").close()  # size checks before openpyxl inflates anything
    try:
        # Not read-only: merged ranges are only known to a normal workbook.
        book = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        raise PlanParseError(
            "damaged",
            "这个 Excel 文件已损坏或不完整，无法读取。请在 Excel 或 WPS 中重新保存后再导入。",
        ) from None
    grids: list[list[list[str]]] = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        if (sheet.max_row or 0) * (sheet.max_column or 0) > MAX_CELLS:
            raise PlanParseError("too_large", "这个 Excel 表格过大，不像是一份分工台账。")
        grids.append(_grid(sheet))
    book.close()
    plan_grids = [g for g in grids if is_plan_table(g)]
    if plan_grids:
        return [Table(g) for g in plan_grids]
    blocks: list[Block] = []
    for grid in grids:
        blocks.extend(Paragraph(" ".join(c for c in row if c)) for row in grid if any(row))
    return blocks


def _grid(sheet: object) -> list[list[str]]:
    rows = [
        [_text(cell.value) for cell in row]
        for row in sheet.iter_rows()  # type: ignore[attr-defined]
    ]
    for merged in sheet.merged_cells.ranges:  # type: ignore[attr-defined]
        value = rows[merged.min_row - 1][merged.min_col - 1] if rows else ""
        for r in range(merged.min_row - 1, min(merged.max_row, len(rows))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(rows[r]))):
                rows[r][c] = value
    return square([row for row in rows if any(row)] or [[]])


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).replace("\r\n", "\n").strip()
