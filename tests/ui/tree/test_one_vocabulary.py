"""One status vocabulary: the tree's status word, the status filter, the unit list and the
detail pane say the same light for every task; a report's own 推进中 is content only.
Search finds words in reports, 批示 and review reasons and shows where."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from domain.enums import ReviewDecision
from domain.schedule import Deadline, RoundKind, RoundRule
from domain.status_lights import LIGHT_ORDER, Light, owing_units
from models.store import Store
from tests.exchange.offices import office
from ui.main_window import MainWindow
from ui.tree.filter_proxy import FilterCriteria, task_matches
from ui.tree.model import COL_STATUS

from ..conftest import MakeWindow, type_text
from .test_filter import visible_tasks

pytestmark = pytest.mark.gui


def varied_office(tmp_path: Path) -> Store:
    """Every light today: overdue, due soon, unreported, returned, done, on track."""
    today = dt.date.today()
    coord = office(tmp_path, "coord", None)
    t = coord.find_task_id
    coord.set_rounds(
        RoundRule(
            RoundKind.DATES, dates=(today - dt.timedelta(days=20), today + dt.timedelta(days=60))
        )
    )
    coord.set_deadline(Deadline(date=today - dt.timedelta(days=3)), task_id=t(None, 2))
    coord.set_deadline(Deadline(date=today + dt.timedelta(days=3)), task_id=t(None, 3))
    for task in coord.plan_view().all_tasks():
        if task.number % 5 == 0:
            continue  # silent since the round: 未报送
        names = {a.unit_id: a.unit_name for a in task.assignments}
        for unit_id in owing_units(task):
            done = task.number % 7 == 0
            coord.record_progress(
                _entry(coord, task.id, unit_id, names[unit_id], done, today - dt.timedelta(days=5))
            )
    four = coord.plan_view().task_by_number(4)
    assert four is not None
    coord.review_report(four.id, owing_units(four)[0], ReviewDecision.RETURNED, "数字有误")
    coord.instruct(t(None, 6), "请昆仑计划牵头单位加快推进", "王副省长", today)
    return coord


def _entry(store: Store, task_id: str, unit_id: str, name: str, done: bool, day: dt.date):  # type: ignore[no-untyped-def]
    from domain.enums import ProgressStatus
    from domain.records import ProgressInput

    return ProgressInput(
        task_id=task_id,
        unit_id=unit_id,
        status=ProgressStatus.DONE if done else ProgressStatus.IN_PROGRESS,
        percent=100 if done else 50,
        report_date=day,
        work_done=f"{name}已落实昆仑专项" if name == "省公安厅" else f"{name}推进中",
        reporter="张三",
    )


def test_every_view_says_the_same_word_for_every_task(
    tmp_path: Path, make_window: MakeWindow
) -> None:
    store = varied_office(tmp_path)
    window: MainWindow = make_window(store)
    view = store.plan_view()
    words_seen: set[str] = set()
    box = window.filter_bar.status_box
    assert [box.itemData(i) for i in range(1, box.count())] == [x.value for x in LIGHT_ORDER]
    for task in view.all_tasks():
        node = window.model.node_by_id(task.id)
        assert node is not None and node.light is not None
        tree_word = window.model.index_of(task.id).siblingAtColumn(COL_STATUS).data()
        word = box.itemText(box.findData(node.light.light.value))
        assert tree_word.split(" ")[0] == word, task.number
        words_seen.add(word)
        assert task_matches(task, FilterCriteria(status=node.light.light.value), node.light)
        assert window.select_node(task.id)
        assert f"<b>{word}" in window.detail.supervision.text(), task.number
        for a in task.assignments:
            assert window.unit_view.select_unit(a.unit_id)
            shown = _unit_row_status(window, task.number)
            assert shown == word, (task.number, a.unit_name, shown)
    assert {"逾期", "未报送", "临期", "已完成", "待审核"} <= words_seen
    # Filtering by a light shows exactly the tasks with that light.
    overdue = [t.number for t in view.all_tasks()
               if window.model.node_by_id(t.id).light.light is Light.OVERDUE]  # type: ignore[union-attr]  # fmt: skip
    box.setCurrentIndex(box.findData(Light.OVERDUE.value))
    assert visible_tasks(window) == overdue and overdue


def _unit_row_status(window: MainWindow, number: int) -> str:
    model = window.unit_view.tasks_model
    for row in range(model.rowCount()):
        group = model.item(row, 0)
        for r in range(group.rowCount()):
            if group.child(r, 0).text().startswith(f"{number}. "):
                return str(group.child(r, 1).text())
    raise AssertionError(number)


def test_search_finds_reports_and_instructions_and_shows_the_match(
    tmp_path: Path, make_window: MakeWindow
) -> None:
    store = varied_office(tmp_path)
    window: MainWindow = make_window(store)
    type_text(window.filter_bar.search, "昆仑")
    found = visible_tasks(window)
    police_tasks = [
        t.number
        for t in store.plan_view().all_tasks()
        if t.number % 5 and any(a.unit_name == "省公安厅" for a in t.assignments)
        and any(r.unit_name == "省公安厅" for r in t.current_progress)
    ]  # fmt: skip
    assert 6 in found and set(police_tasks) <= set(found)
    assert window.select_task_number(6)
    hits = window.detail.search_hits
    assert not hits.isHidden() and "批示（王副省长）" in hits.text() and "昆仑" in hits.text()
    assert "领导批示" in window.detail.instructions.text()
    number = police_tasks[0]
    assert window.select_task_number(number)
    assert "进展（省公安厅）：省公安厅已落实昆仑专项" in window.detail.search_hits.text()


def test_a_return_is_shown_in_the_detail_pane_and_a_withdrawal_from_the_window(
    tmp_path: Path, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.common import messages

    store = varied_office(tmp_path)
    window: MainWindow = make_window(store)
    assert window.select_task_number(4)
    returns = window.detail.returns
    assert not returns.isHidden() and "退回修改" in returns.text() and "数字有误" in returns.text()
    units = window.detail.units_model
    assert any("已退回修改" in units.item(r, 2).text() for r in range(units.rowCount()))

    assert window.select_task_number(8)
    window.detail.history_view.selectRow(0)
    assert window.detail.withdraw_button.isEnabled()
    asked: list[str] = []

    def ask(_parent: object, _title: str, label: str) -> str:
        asked.append(label)
        return "误报到本任务"

    monkeypatch.setattr(messages, "ask_text", ask)
    before = len(store.progress_history(store.find_task_id(None, 8)))
    window.detail.withdraw_button.click()
    assert asked and "撤回原因" in asked[0]
    history = store.progress_history(store.find_task_id(None, 8))
    assert len(history) == before + 1 and history[0].withdrawn
    assert history[0].reason == "误报到本任务"
    assert window.detail.history_model.item(0, 5).text().startswith("修改、撤回")
    _ = Qt  # the window refreshed: the withdrawn revision heads the history


def test_the_window_and_the_paper_use_the_same_word_for_each_light(zh_app: object) -> None:
    """The window's words (translated) and the sheets', ledger's and 通报's (domain) agree."""
    from ui.common import words

    assert {light: words.light_text(light) for light in Light} == {
        light: light.label_zh for light in Light
    }
