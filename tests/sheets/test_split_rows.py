"""Every sheet prints whatever a clerk typed: rows split or continue across pages.

A 督办单 with one report of about 910–950, 1,590 or 2,230 characters raised ReportLab's
LayoutError: header plus row just over a page, and ReportLab refuses an in-row split that
leaves less than ``MIN_ROW_SPLIT`` of the row for the next page. The first test finds those
exact geometries for each sheet's text column by bisection (cheap: tables only), the
second builds the real PDFs of every sheet kind at the lengths that failed, with the
field combinations a clerk can fill in, and checks nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph

from domain.enums import ProgressStatus
from domain.records import PlanView
from domain.status_lights import Light, TaskLight
from sheets import (
    SheetOptions,
    document,
    plan_table,
    reminder_sheet,
    summary_sheet,
    task_sheet,
    unit_sheet,
)
from sheets.plan_table import COLUMNS as PLAN_COLUMNS
from sheets.reminder_sheet import OVERDUE_COLUMNS
from sheets.tables import MIN_ROW_SPLIT, proportional, sheet_table
from sheets.task_sheet import HISTORY_COLUMNS
from sheets.typography import WUHAO, Styles
from sheets.unit_sheet import COLUMNS as UNIT_COLUMNS
from tests.sheets.conftest import replace_task_text, revision, with_progress

STYLES = Styles(WUHAO)


def _table(columns: tuple[float, ...], text_column: int, n: int, landscape: bool) -> Any:
    width = document.frame_width(landscape)
    header = [STYLES.para(f"列{i}", STYLES.header) for i in range(len(columns))]
    row: list[Paragraph] = [STYLES.para("x") for _ in columns]
    row[text_column] = STYLES.para("推" * n)
    return sheet_table(
        [header, row], proportional(columns, width), page_height=document.frame_height(landscape)
    )


def _row_height(columns: tuple[float, ...], col: int, n: int, landscape: bool) -> float:
    table = _table(columns, col, n, landscape)
    table.wrap(document.frame_width(landscape), 10_000)
    return float(sum(table._rowHeights))


def _lays_out(columns: tuple[float, ...], col: int, n: int, landscape: bool) -> bool:
    """What a frame does with the table on fresh pages: wrap, split, repeat."""
    width, page = document.frame_width(landscape), document.frame_height(landscape)
    parts = [_table(columns, col, n, landscape)]
    for _ in range(50):
        if not parts:
            return True
        part = parts.pop(0)
        _w, height = part.wrap(width, page)
        if height <= page:
            continue
        pieces = part.split(width, page)
        if not pieces:
            return False  # ReportLab's LayoutError: too large on page
        parts = list(pieces) + parts
    return False


GEOMETRIES = {
    "督办单 history": (HISTORY_COLUMNS, 5, False),
    "责任清单 progress": (UNIT_COLUMNS, len(UNIT_COLUMNS) - 1, False),
    "分工表 task (landscape)": (PLAN_COLUMNS, 1, True),
    "分工表 task (portrait)": ((12, 78, 33, 33), 1, False),
    "催办单 overdue": (OVERDUE_COLUMNS, 1, False),
}


@pytest.mark.parametrize("name", list(GEOMETRIES))
def test_a_row_just_over_a_page_is_split_not_refused(name: str) -> None:
    columns, col, landscape = GEOMETRIES[name]
    page = document.frame_height(landscape)
    for pages in (1, 2):
        # The shortest text whose row (with the header) is taller than ``pages`` pages ...
        low, high = 1, 20_000
        while low < high:
            mid = (low + high) // 2
            if _row_height(columns, col, mid, landscape) > pages * page:
                high = mid
            else:
                low = mid + 1
        # ... and every length up to where the part carried over is MIN_ROW_SPLIT tall.
        failed = []
        n = low
        while _row_height(columns, col, n, landscape) <= pages * page + 3 * MIN_ROW_SPLIT:
            if not _lays_out(columns, col, n, landscape):
                failed.append(n)
            n += 1
        assert failed == [], (name, pages, failed)


# --- the real sheets ---------------------------------------------------------------------

#: The lengths reported to fail (督办单 of the seed plan), and a spread around them.
LENGTHS = (1, 400, 910, 940, 954, 1584, 1591, 2221, 2235, 3000, 4000)
FIELDS: dict[str, Callable[[str], dict[str, str]]] = {
    "work only": lambda t: {"work": t},
    "all fields": lambda t: {
        "work": t,
        "problems": t[: len(t) // 3],
        "next_steps": t[: len(t) // 5],
        "reporter": "王喆",
        "phone": "0451-12345678",
    },
}


def _text(n: int) -> str:
    """``n`` characters that end with a mark, so a lost tail shows."""
    body = "推进知识产权工作，落实责任。" * (n // 14 + 1)
    return body[: max(0, n - 3)] + "【尾】"[: min(3, n)]


def _pdf_text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return "".join("".join((p.extract_text() or "").split()) for p in pages)


def _make(
    name: str, plan: PlanView, lights: dict[str, TaskLight], out: io.BytesIO, options: SheetOptions
) -> None:
    if name == "督办单":
        task_sheet(plan, 23, out, options=options)
    elif name == "责任清单":
        unit_sheet(plan, "省公安厅", out, options)
    elif name == "汇总表":
        summary_sheet(plan, out, options)
    else:
        reminder_sheet(plan, lights, "省公安厅", dt.date(2024, 5, 8), out, options)


@pytest.mark.parametrize("fields", list(FIELDS))
def test_every_sheet_prints_reports_of_any_length(
    seed_plan: PlanView, options: SheetOptions, fields: str
) -> None:
    for n in LENGTHS:
        text = _text(n)
        rev = revision(
            seed_plan.task_by_number(23),  # type: ignore[arg-type]
            "省公安厅",
            ProgressStatus.IN_PROGRESS,
            50,
            **{("work" if k == "work" else k): v for k, v in FIELDS[fields](text).items()},
        )
        plan = with_progress(replace_task_text(seed_plan, 23, text), {23: [rev]})
        unit_id = rev.unit_id
        lights = {t.id: TaskLight(Light.OVERDUE, None, (unit_id,), -5) for t in plan.all_tasks()}
        for name in ("督办单", "责任清单", "汇总表", "催办单"):
            out = io.BytesIO()
            _make(name, plan, lights, out, options)  # raised LayoutError before
            if name != "汇总表" and n >= 3:
                assert "【尾】" in _pdf_text(out.getvalue()), (name, n, fields)


def test_the_plan_table_prints_a_task_text_of_any_length(
    seed_plan: PlanView, tmp_path: Path
) -> None:
    for n in LENGTHS:
        plan = replace_task_text(seed_plan, 23, _text(n))
        for landscape in (True, False):
            out = tmp_path / f"{n}-{landscape}.pdf"
            plan_table(plan, out, SheetOptions(landscape=landscape))
            if n >= 3:
                assert "【尾】" in _pdf_text(out.read_bytes()), (n, landscape)
