"""Benchmark layer: printable sheets (ReportLab) against a bare ReportLab script.

Each measurement runs in a fresh child process (``python bench/sheets_bench.py child …``):
``sheets`` patches ReportLab's line breaking process-wide, so the bare script must never
share a process with it. Each child builds once to warm up (font registration, glyph
coverage), then times ``reps`` builds into memory and prints its samples as JSON.

Bare script: the shipped Song font registered directly, one platypus ``Table`` with
``repeatRows`` and wrapped ``Paragraph`` cells, the same rows, widths and type size as the
重点任务分工表 — what any ReportLab program must pay for this table. The difference is the
cost of our own code (fallback-font runs, Chinese line-breaking rules, row splitting).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import Row  # noqa: E402
from domain.records import PlanView, TaskView  # noqa: E402

GROUP = "sheets"
FIXED_DAY = dt.date(2026, 1, 5)
#: Timed builds per child process, after its warm-up build (the first ones still vary).
BUILDS = 3
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


# --- children ---------------------------------------------------------------------------
def _time_builds(build: Callable[[], bytes], reps: int) -> dict[str, Any]:
    pdf = build()  # warm-up: fonts registered, caches filled
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        pdf = build()
        samples.append(time.perf_counter() - started)
    return {"samples": samples, "pages": page_count(pdf), "bytes": len(pdf)}


def _seed_view() -> PlanView:
    from plan_parser import parse_plan_file
    from plan_parser.to_view import plan_view_of
    from runtime.resources import default_plan_path

    return plan_view_of(parse_plan_file(default_plan_path()))


def _synthetic_view(tasks: int) -> PlanView:
    from bench.datagen import parsed_plan
    from plan_parser.to_view import plan_view_of

    return plan_view_of(parsed_plan(7, tasks))


def child_all_units(reps: int) -> dict[str, Any]:
    from sheets import SheetOptions, all_units_sheet

    plan = _seed_view()

    def build() -> bytes:
        out = io.BytesIO()
        all_units_sheet(plan, out, SheetOptions(generated_on=FIXED_DAY))
        return out.getvalue()

    return _time_builds(build, reps)


def child_plan_table(reps: int, tasks: int) -> dict[str, Any]:
    from sheets import SheetOptions, plan_table

    plan = _synthetic_view(tasks)

    def build() -> bytes:
        out = io.BytesIO()
        plan_table(plan, out, SheetOptions(generated_on=FIXED_DAY))
        return out.getvalue()

    return _time_builds(build, reps)


def child_bare_table(reps: int, rows_file: Path) -> dict[str, Any]:
    """The bare ReportLab script: imports nothing of Duban's."""
    from xml.sax.saxutils import escape

    from reportlab.lib.colors import Color, black
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    spec = json.loads(rows_file.read_text(encoding="utf-8"))
    font = str(ROOT / "resources" / "fonts" / "DubanSerifSC-Regular.ttf")
    pdfmetrics.registerFont(ttfonts.TTFont("BareSong", font))
    size = 12.0  # 小四, as the landscape plan table

    def style(name: str, points: float, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName="BareSong",
            fontSize=points,
            leading=round(points * 1.45, 1),
            wordWrap="CJK",
            **kw,
        )

    cell, center = style("cell", size), style("center", size, alignment=TA_CENTER)
    title, subtitle = style("t", 22, alignment=TA_CENTER), style("s", 16, alignment=TA_CENTER)

    group_fill = Color(0.96, 0.96, 0.96)

    def build() -> bytes:
        rows: list[list[object]] = []
        commands: list[tuple[object, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), "BareSong"),
            ("GRID", (0, 0), (-1, -1), 0.6, black),
            ("BOX", (0, 0), (-1, -1), 1.0, black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("BACKGROUND", (0, 0), (-1, 0), Color(0.9, 0.9, 0.9)),
        ]
        for index, row in enumerate(spec["rows"]):
            if len(row) == 1:  # a section / subsection heading spanning the table
                rows.append([Paragraph(escape(row[0]), cell), "", "", ""])
                commands.append(("SPAN", (0, index), (-1, index)))
                commands.append(("BACKGROUND", (0, index), (-1, index), group_fill))
            else:
                styles = (center, cell, cell, cell)
                rows.append([Paragraph(escape(t), s) for t, s in zip(row, styles, strict=True)])
        table = Table(rows, colWidths=spec["widths"], repeatRows=1, style=TableStyle(commands))
        out = io.BytesIO()
        doc = SimpleDocTemplate(
            out,
            pagesize=landscape(A4),
            leftMargin=35 * mm,
            rightMargin=37 * mm,
            topMargin=28 * mm,
            bottomMargin=26 * mm,
            invariant=True,
        )
        doc.build(
            [
                Paragraph(spec["title"], title),
                Paragraph(spec["plan"], subtitle),
                Spacer(1, 4 * mm),
                table,
            ]
        )
        return out.getvalue()

    return _time_builds(build, reps)


# --- parent -----------------------------------------------------------------------------
def table_rows(tasks: int) -> dict[str, Any]:
    """The 重点任务分工表's rows as plain text, exactly as ``plan_grid`` lays them out."""
    from sheets import document
    from sheets.plan_table import COLUMNS, HEADER, TITLE
    from sheets.progress import section_label, subsection_label
    from sheets.tables import proportional

    plan = _synthetic_view(tasks)
    rows: list[list[str]] = [list(HEADER)]
    for section in plan.sections:
        rows.append([f"{section_label(section.number, section.label)}{section.title}"])
        for task in sorted(section.tasks, key=lambda t: t.number):
            rows.append(_task_cells(task))
        for sub in section.subsections:
            rows.append([f"{subsection_label(sub.number, sub.label)}{sub.title}"])
            for task in sorted(sub.tasks, key=lambda t: t.number):
                rows.append(_task_cells(task))
    widths = proportional(COLUMNS, document.frame_width(True))
    return {"rows": rows, "widths": widths, "title": TITLE, "plan": plan.title}


def _task_cells(task: TaskView) -> list[str]:
    from domain.enums import Role
    from sheets.plan_table import lead_text
    from sheets.progress import task_label

    cooperating = "、".join(a.unit_name for a in task.units_with(Role.COOPERATE))
    return [task_label(task), task.text, lead_text(task), cooperating or "—"]


def _child(args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "child", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=str(ROOT),
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(table_tasks: int, repeat: int) -> list[Row]:
    """``repeat`` rounds, each a bare child then a subject child (``BUILDS`` timed builds
    each after the warm-up), so both see the same load; plus the all-units sheet in
    pages/second."""
    with tempfile.TemporaryDirectory(prefix="duban-bench-sheets-") as tmp:
        rows_file = Path(tmp) / "rows.json"
        rows_file.write_text(json.dumps(table_rows(table_tasks), ensure_ascii=False), "utf-8")
        ours: list[float] = []
        bare: list[float] = []
        pages = {"ours": 0, "bare": 0}
        for _ in range(repeat):
            b = _child(["bare", str(BUILDS), str(rows_file)])
            o = _child(["plan_table", str(BUILDS), str(table_tasks)])
            bare += b["samples"]
            ours += o["samples"]
            pages = {"ours": int(o["pages"]), "bare": int(b["pages"])}
        units = _child(["all_units", str(BUILDS)])
    unit_time = statistics.median(units["samples"])
    unit_pages = int(units["pages"])
    table_time = statistics.median(ours)
    return [
        Row(
            GROUP,
            "all units' sheets, seed plan (one PDF)",
            unit_time,
            "s",
            note=f"{unit_pages} pages, {unit_pages / unit_time:.1f} pages/s",
        ),
        Row(
            GROUP,
            f"plan table, {table_tasks}-task plan",
            table_time,
            "s",
            statistics.median(bare),
            f"bare ReportLab, {pages['bare']} pages",
            max_ratio=1.3,
            note=f"{pages['ours']} pages, {pages['ours'] / table_time:.1f} pages/s",
        ),
    ]


def main(argv: list[str]) -> int:
    if argv[:1] != ["child"]:
        print("usage: sheets_bench.py child (all_units|plan_table|bare) REPS [ARG]")
        return 2
    kind, reps = argv[1], int(argv[2])
    if kind == "all_units":
        result = child_all_units(reps)
    elif kind == "plan_table":
        result = child_plan_table(reps, int(argv[3]))
    else:
        result = child_bare_table(reps, Path(argv[3]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
