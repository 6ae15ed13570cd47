"""Deadlines, rounds and plan corrections: written by the office, travelling to units."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from domain.enums import Role
from domain.exchange_records import ExportScope
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import Light
from models.errors import StoreError
from supervision.figures import plan_figures, status_json
from supervision.ledger import write_ledger
from tests.exchange.offices import export, import_all, office, report, trust_each_other

D = dt.date
#: The coordinating office's database on a SQLite file and on a PostgreSQL server.
ON_BOTH_ENGINES = pytest.mark.usefixtures("office_engine")


def test_only_the_coordinating_office_changes_the_plan(tmp_path: Path) -> None:
    police = office(tmp_path, "police", "省公安厅")
    task = police.find_task_id(None, 23)
    for action in (
        lambda: police.set_deadline(Deadline(date=D(2026, 6, 30)), task_id=task),
        lambda: police.set_rounds(RoundRule(RoundKind.QUARTERLY)),
        lambda: police.edit_task(task, text="改"),
        lambda: police.close_task(task),
    ):
        with pytest.raises(StoreError) as info:
            action()
        assert info.value.code == "not_coordinating_office"
    assert police.plan_change_log() == []


@ON_BOTH_ENGINES
def test_plan_changes_travel_and_keep_reports(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    police = office(tmp_path, "police", "省公安厅")
    trust_each_other(coord, police)  # registration cards checked (signed exchange files)
    report(police, 23, "省公安厅", 40)
    import_all(coord, export(police, tmp_path / "a"))
    t23 = coord.find_task_id(None, 23)
    coord.set_deadline(Deadline(date=D(2026, 6, 30)), task_id=t23, reason="省政府要求")
    coord.edit_task(t23, text="加大对侵犯知识产权犯罪打击力度（修订）。", reason="文字调整")
    section = coord.plan_view().sections[1]
    coord.add_task(
        section_id=section.id,
        subsection_id=section.subsections[0].id,
        number=61,
        text="新增任务：开展专项督查。",
        units=[("省公安厅", Role.LEAD, "牵头")],
        reason="领导小组会议决定",
    )
    coord.close_task(coord.find_task_id(None, 24), reason="已办结")
    import_all(police, export(coord, tmp_path / "b", ExportScope.PLAN_ONLY))
    view = police.plan_view()
    t = view.task_by_number(23)
    assert (
        t is not None and t.text.endswith("（修订）。") and t.deadline == Deadline(D(2026, 6, 30))
    )
    assert [p.percent for p in t.current_progress] == [40]  # the report survived the edit
    added = view.task_by_number(61)
    assert added is not None and added.added and added.assignments[0].unit_name == "省公安厅"
    closed = view.task_by_number(24)
    assert closed is not None and closed.closed
    report(police, 61, "省公安厅", 10)  # progress on the added task works and travels back
    import_all(coord, export(police, tmp_path / "c"))
    t61 = coord.plan_view().task_by_number(61)
    assert t61 is not None and [p.percent for p in t61.current_progress] == [10]
    log = police.plan_change_log()
    assert [c.reason for c in log] == ["省政府要求", "文字调整", "领导小组会议决定", "已办结"]


@ON_BOTH_ENGINES
def test_status_and_dashboard_figures_agree(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    coord.set_deadline(Deadline(date=D(2026, 6, 30)), task_id=None)
    coord.set_deadline(Deadline(date=D(2026, 3, 1)), task_id=coord.find_task_id(None, 23))
    coord.set_deadline(Deadline(long_term=True), task_id=coord.find_task_id(None, 1))
    coord.set_rounds(RoundRule(RoundKind.DATES, dates=(D(2026, 4, 30),)))
    report(coord, 20, "省公安厅", 100)
    report(coord, 25, "哈尔滨海关", 50)
    view, lights = coord.lights(D(2026, 5, 1))
    by_task = {t.number: lights[t.id].light for t in view.all_tasks()}
    assert by_task[23] is Light.OVERDUE
    # 哈尔滨海关 (lead) reported before the 4-30 round; 省公安厅 (responsible) never did.
    assert by_task[25] is Light.UNREPORTED
    figures = plan_figures(view, lights, D(2026, 5, 1))
    data = status_json(view, lights, D(2026, 5, 1))
    assert {k.value: v for k, v in figures.total.items()} == data["counts"]
    assert sum(data["counts"].values()) == 60
    police = next(u for u in figures.by_unit if u.unit_name == "省公安厅")
    assert police.tasks_total == 3 and police.overdue == 1


@ON_BOTH_ENGINES
def test_ledger_reopens_with_all_tasks(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    report(coord, 23, "省公安厅", 30, text="部署专项行动")
    view, lights = coord.lights(D(2026, 5, 1))
    path = write_ledger(view, lights, D(2026, 5, 1), tmp_path / "台账.xlsx")
    book = load_workbook(path)
    sheet = book["督办台账"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 60 and [r[0] for r in rows] == list(range(1, 61))
    r23 = rows[22]
    assert r23[7] is None or r23[7] == ""  # no deadline set
    assert "省公安厅：推进中 30%" in str(r23[9]) and r23[5] == "省公安厅" and not r23[4]
    assert sheet.freeze_panes == "B3" and sheet.print_title_rows == "$2:$2"


def test_status_json_cli(tmp_path: Path, cli, db_arg: str) -> None:  # type: ignore[no-untyped-def]
    db = db_arg
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    assert cli("deadline", "--db", db, "--task", "23", "--date", "2026-06-30").code == 0
    assert cli("rounds", "--db", db, "--monthly", "25", "--start", "2026-01-01").code == 0
    result = cli("status", "--db", db, "--as-of", "2026-07-01", "--json")
    data = json.loads(result.out)
    t23 = next(t for t in data["tasks"] if t["number"] == 23)
    assert t23["light"] == "overdue" and t23["deadline"] == "2026-06-30"
    assert t23["units"][0]["last_report"] is None
    ledger = cli("ledger", "--db", db, "-o", str(tmp_path / "l.xlsx"))
    assert ledger.code == 0 and (tmp_path / "l.xlsx").exists()
    bad = cli("deadline", "--db", db, "--task", "23", "--date", "2026-13-01")
    assert bad.code == 1 and "YYYY-MM-DD" in bad.err


def test_a_cleared_deadline_falls_back_to_the_plans(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "c.sqlite")
    assert cli("office", "--db", db, "--coordinating-office").code == 0
    assert cli("deadline", "--db", db, "--whole-plan", "--date", "2026-12-31").code == 0
    assert cli("deadline", "--db", db, "--task", "23", "--date", "2026-06-30").code == 0
    cleared = cli("deadline", "--db", db, "--task", "23", "--clear", "--reason", "改按方案时限")
    assert cleared.code == 0 and "已清除" in cleared.out
    data = json.loads(cli("status", "--db", db, "--as-of", "2026-07-01", "--json").out)
    t23 = next(t for t in data["tasks"] if t["number"] == 23)
    assert t23["deadline"] == "2026-12-31" and t23["light"] != "overdue"
    assert cli("deadline", "--db", db, "--whole-plan", "--clear").code == 0
    data = json.loads(cli("status", "--db", db, "--as-of", "2026-07-01", "--json").out)
    assert all(t["deadline"] is None for t in data["tasks"])
