"""督办看板: its counts are ``status --json``'s, and a click on any figure shows exactly
those tasks in the tree (clearing the filter brings the plan back)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import LIGHT_ORDER, Light, owing_units
from models.store import Store
from tests.cli_fixture import Result
from tests.exchange.offices import office, report
from ui import clock
from ui.dashboard.models import (
    COL_DONE,
    COL_MISSING,
    COL_OVERDUE,
    COL_OWED,
    COL_TASKS,
    COL_UNIT,
    SectionTableModel,
    UnitTableModel,
)
from ui.main_window import TAB_DASHBOARD, TAB_TREE, MainWindow

from ..conftest import MakeWindow
from ..tree.test_filter import visible_tasks

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

pytestmark = [
    pytest.mark.gui,
    # The window is shown (clicks land on real positions); offscreen says it cannot size it.
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]

D = dt.date
AS_OF = D(2026, 5, 1)


def supervised_office(tmp_path: Path) -> Store:
    """A coordinating office with deadlines, monthly rounds and reports on most tasks.

    On 2026-05-01: task 23 is 逾期 (its own deadline 2026-03-01), task 26 临期 (2026-05-05),
    tasks numbered 6, 12, … are 未报送 (nobody reported since the 2026-03-25 round), tasks
    7, 14, … 已完成, task 1 长期坚持, the rest 正常.
    """
    coord = office(tmp_path, "coord", None)
    t = coord.find_task_id
    coord.set_deadline(Deadline(date=D(2026, 6, 30)), task_id=None, reason="方案要求上半年完成")
    coord.set_deadline(Deadline(date=D(2026, 3, 1)), task_id=t(None, 23), reason="省政府督查")
    coord.set_deadline(Deadline(date=D(2026, 5, 5)), task_id=t(None, 26), reason="专项行动")
    coord.set_deadline(Deadline(long_term=True), task_id=t(None, 1), reason="长期工作")
    coord.set_rounds(RoundRule(RoundKind.MONTHLY, day=25, start=D(2026, 3, 1)), reason="每月报送")
    for task in coord.plan_view().all_tasks():
        if task.number % 6 == 0:
            continue  # silent: 未报送
        names = {a.unit_id: a.unit_name for a in task.assignments}
        for unit_id in owing_units(task):
            # report() dates a report 2026-03-01 + percent days: 40 % → 2026-04-10.
            report(coord, task.number, names[unit_id], 100 if task.number % 7 == 0 else 40)
    return coord


#: The seeded file, made once for every module that uses these fixtures.
_SEEDED: dict[str, Path] = {}


@pytest.fixture(scope="session")
def supervised_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeded once (150 reports take seconds); each test works on its own copy."""
    if "path" not in _SEEDED:
        with supervised_office(tmp_path_factory.mktemp("supervised")) as store:
            _SEEDED["path"] = store.path
    return _SEEDED["path"]


@pytest.fixture
def coord(
    supervised_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    """The coordinating office's copy of the seeded database, on 2026-05-01."""
    monkeypatch.setattr(clock, "today", lambda: AS_OF)
    copy = tmp_path / supervised_file.name
    shutil.copy(supervised_file, copy)
    with Store.open(copy) as store:
        yield store


@pytest.fixture
def shown(make_window: MakeWindow, coord: Store, qtbot: QtBot) -> MainWindow:
    window = make_window(coord)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(TAB_DASHBOARD)
    return window


def status(cli: Any, store: Store, as_of: dt.date = AS_OF) -> dict[str, Any]:
    """``python main.py status --json`` on the store's file, as a clerk would run it."""
    result: Result = cli("status", "--db", str(store.path), "--as-of", as_of.isoformat(), "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = result.json()
    return data


def numbers_with(data: dict[str, Any], light: Light) -> list[int]:
    return [t["number"] for t in data["tasks"] if t["light"] == light.value]


def test_dashboard_counts_are_the_status_json_counts(shown: MainWindow, coord: Store, cli: Any):
    data = status(cli, coord)
    board = shown.dashboard
    assert board.as_of_date() == AS_OF
    # The seeded picture has every kind of light but review's (the office reviews nothing
    # here; tests/store/test_reports.py has those), so a mix-up between two would show.
    reviewed = (Light.RETURNED, Light.PENDING_REVIEW)
    seeded = [light for light in LIGHT_ORDER if light not in reviewed]
    assert all(data["counts"][light.value] > 0 for light in seeded), data["counts"]
    assert all(data["counts"][light.value] == 0 for light in reviewed), data["counts"]
    assert board.all_card.count() == len(data["tasks"]) == 60
    assert {light.value: card.count() for light, card in board.cards.items()} == data["counts"]
    assert board.cards[Light.OVERDUE].text() == "逾期 1"

    sections = board.section_model
    shown_sections = [
        {light.value: sections.count(row, 2 + i) for i, light in enumerate(LIGHT_ORDER)}
        for row in range(sections.rowCount())
    ]
    assert shown_sections == [s["counts"] for s in data["by_section"]]

    units = board.unit_model
    rows = [
        {
            "name": units.index(r, COL_UNIT).data(),
            "tasks": int(units.index(r, COL_TASKS).data()),
            "tasks_owed": int(units.index(r, COL_OWED).data()),
            "missing_reports": int(units.index(r, COL_MISSING).data()),
            "overdue": int(units.index(r, COL_OVERDUE).data()),
            "done": int(units.index(r, COL_DONE).data()),
        }
        for r in range(units.rowCount())
    ]
    assert rows == data["by_unit"]
    bars = {name: counts for _, name, counts in board.bars.rows()}
    for unit in data["by_unit"]:
        assert sum(bars[unit["name"]].values()) == unit["tasks"]


def test_every_figure_stands_for_exactly_its_tasks(shown: MainWindow) -> None:
    data = shown.dashboard.data()
    assert data is not None
    figures = data.figures
    for light in LIGHT_ORDER:
        assert len(data.plan_tasks(light)) == figures.total[light]
    for section_id, _title, counts in figures.by_section:
        for light in LIGHT_ORDER:
            assert len(data.section_tasks(section_id, light)) == counts[light]
    for unit in figures.by_unit:
        for column, figure in (
            (COL_TASKS, unit.tasks_total),
            (COL_OWED, unit.tasks_owed),
            (COL_MISSING, unit.missing_reports),
            (COL_OVERDUE, unit.overdue),
            (COL_DONE, unit.done),
        ):
            assert len(data.unit_tasks(unit.unit_id, column)) == figure, (unit.unit_name, column)
        for light in LIGHT_ORDER:
            assert len(data.unit_light_tasks(unit.unit_id, light)) == unit.lights[light]


def test_clicking_a_light_count_filters_the_tree_and_clearing_restores_it(
    qtbot: QtBot, shown: MainWindow, coord: Store, cli: Any
) -> None:
    data = status(cli, coord)
    qtbot.mouseClick(shown.dashboard.cards[Light.UNREPORTED], Qt.MouseButton.LeftButton)
    assert shown.tabs.currentIndex() == TAB_TREE
    expected = numbers_with(data, Light.UNREPORTED)
    assert expected == list(range(6, 61, 6))
    assert visible_tasks(shown) == expected
    banner = shown.task_filter_banner
    assert banner.isVisible()
    assert banner.label.text() == "看板筛选　截至 2026-05-01：未报送（10 项任务）"
    assert "显示任务：10/60" in shown.count_label.text()
    selected = shown.selected_node()
    assert selected is not None and selected.task is not None and selected.task.number == 6

    # The filter bar narrows within the figure's tasks; its 清除筛选 clears both.
    shown.filter_bar.set_unit(coord.find_unit_id("省知识产权局"))
    theirs = [
        t["number"]
        for t in data["tasks"]
        if t["light"] == "unreported" and any(u["name"] == "省知识产权局" for u in t["units"])
    ]
    assert 0 < len(theirs) < len(expected)
    assert visible_tasks(shown) == theirs
    qtbot.mouseClick(shown.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert visible_tasks(shown) == list(range(1, 61))
    assert not banner.isVisible()
    assert "显示任务：60/60" in shown.count_label.text()

    # The banner's own button restores the plan as well.
    shown.tabs.setCurrentIndex(TAB_DASHBOARD)
    qtbot.mouseClick(shown.dashboard.cards[Light.OVERDUE], Qt.MouseButton.LeftButton)
    assert visible_tasks(shown) == numbers_with(data, Light.OVERDUE) == [23]
    qtbot.mouseClick(banner.clear_button, Qt.MouseButton.LeftButton)
    assert visible_tasks(shown) == list(range(1, 61))


def test_clicking_table_cells_and_bars_filters_to_their_tasks(
    qtbot: QtBot, shown: MainWindow, coord: Store, cli: Any
) -> None:
    data = status(cli, coord)
    board = shown.dashboard
    ip_office = "省知识产权局"

    # A cell of the units table: 省知识产权局's reports missing this round.
    row = next(
        r
        for r in range(board.unit_proxy.rowCount())
        if board.unit_proxy.index(r, 0).data() == ip_office
    )
    cell = board.unit_proxy.index(row, COL_MISSING)
    board.unit_view.scrollTo(cell)
    rect = board.unit_view.visualRect(cell)
    qtbot.mouseClick(board.unit_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    missing = [t["number"] for t in data["tasks"] if ip_office in t["missing_units"]]
    assert (
        len(missing)
        == next(u for u in data["by_unit"] if u["name"] == ip_office)["missing_reports"]
    )
    assert visible_tasks(shown) == missing
    assert shown.task_filter_banner.label.text().startswith(
        "看板筛选　截至 2026-05-01：省知识产权局 · 本轮未报送"
    )

    # A cell of the sections table: 二、 × 逾期.
    shown.tabs.setCurrentIndex(TAB_DASHBOARD)
    column = 2 + LIGHT_ORDER.index(Light.OVERDUE)
    cell = board.section_model.index(1, column)
    rect = board.section_view.visualRect(cell)
    qtbot.mouseClick(board.section_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert visible_tasks(shown) == [23]

    # A segment of a unit's bar: 省公安厅's 正常 tasks (its bar is first: it has an overdue).
    shown.tabs.setCurrentIndex(TAB_DASHBOARD)
    bars = board.bars
    unit_id, name, counts = bars.rows()[0]
    assert name == "省公安厅" and counts[Light.OVERDUE] == 1
    segment = dict(bars._segments(0))[Light.ON_TRACK]
    qtbot.mouseClick(bars, Qt.MouseButton.LeftButton, pos=segment.center().toPoint())
    police = [
        t["number"]
        for t in data["tasks"]
        if t["light"] == "on_track" and any(u["name"] == name for u in t["units"])
    ]
    assert visible_tasks(shown) == police == [20, 25]

    # The donut's 已完成 legend entry.
    shown.tabs.setCurrentIndex(TAB_DASHBOARD)
    legend = dict(board.donut._legend_rows())[Light.DONE]
    qtbot.mouseClick(board.donut, Qt.MouseButton.LeftButton, pos=legend.center())
    done = [n for n in range(7, 61, 7) if n % 6]  # 42 is also a silent one: 未报送
    assert visible_tasks(shown) == numbers_with(data, Light.DONE) == done
    # An empty figure does not empty the tree.
    shown.menu_actions.clear_filter.trigger()
    shown.tabs.setCurrentIndex(TAB_DASHBOARD)
    board.donut.light_clicked.emit("")  # the centre: every task
    assert len(visible_tasks(shown)) == 60
    assert unit_id == coord.find_unit_id(name)


def test_another_day_gives_that_days_figures(shown: MainWindow, coord: Store, cli: Any) -> None:
    board = shown.dashboard
    board.set_as_of(D(2026, 7, 1))  # the plan's deadline (2026-06-30) has passed
    data = board.data()
    assert data is not None and data.as_of == D(2026, 7, 1)
    expected = status(cli, coord, D(2026, 7, 1))
    assert {light.value: card.count() for light, card in board.cards.items()} == expected["counts"]
    assert expected["counts"]["overdue"] > 40
    board.today_button.click()
    assert board.as_of_date() == AS_OF


def test_a_report_refreshes_the_dashboard(shown: MainWindow, coord: Store, qtbot: QtBot) -> None:
    board = shown.dashboard
    assert board.cards[Light.OVERDUE].count() == 1
    report(coord, 23, "省公安厅", 100)
    shown.refresh_task(coord.plan_view().task_by_number(23))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: board.cards[Light.OVERDUE].count() == 0)
    assert board.cards[Light.DONE].count() == 8


def test_table_models_pass_qtmodeltester(qtmodeltester: ModelTester, shown: MainWindow) -> None:
    data = shown.dashboard.data()
    assert data is not None
    units = UnitTableModel()
    units.set_figures(data.figures.by_unit)
    qtmodeltester.check(units, force_py=True)
    sections = SectionTableModel()
    sections.set_rows([(sid, t, c) for sid, t, c in data.figures.by_section])
    qtmodeltester.check(sections, force_py=True)
    assert units.headerData(COL_MISSING, Qt.Orientation.Horizontal) == "本轮未报送"
    assert units.index(0, COL_UNIT).data(Qt.ItemDataRole.ToolTipRole).startswith("省知识产权局")
