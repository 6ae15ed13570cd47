"""督办 in the window: the tree's marks are today's lights; the coordinating office sets
deadlines and rounds and corrects the plan through dialogs that refuse bad input in Chinese;
a unit's PC sees the same values read-only and cannot change them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.modeltest import ModelTester

from domain.enums import Role
from domain.schedule import Deadline, RoundKind, RoundRule
from models.errors import StoreError
from models.store import Store
from tests.exchange.offices import office
from ui import clock
from ui.common import messages
from ui.main_window import MainWindow
from ui.supervision.deadline_dialog import DeadlineDialog
from ui.supervision.plan_changes_view import PlanChangesDialog
from ui.supervision.rounds_dialog import RoundsDialog, WarningDaysDialog
from ui.supervision.task_edit_dialog import CloseTaskDialog, TaskEditDialog
from ui.tree.model import COL_NAME, COL_STATUS

from ..conftest import MakeWindow, type_text
from ..dashboard.test_dashboard import AS_OF, coord, supervised_file  # noqa: F401  (fixtures)

pytestmark = pytest.mark.gui

D = dt.date
Save = QDialogButtonBox.StandardButton.Save
Step = Callable[[Any], None]


def drive(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], *steps: Step) -> list[str]:
    """Replace ``cls.exec``: each step types into the dialog, then Save is clicked; the red
    messages of refused attempts are collected. Cancels when the steps run out."""
    errors: list[str] = []

    def run(self: Any) -> int:
        for step in steps:
            step(self)
            self.buttons.button(Save).click()
            if self.result() == QDialog.DialogCode.Accepted:
                return int(QDialog.DialogCode.Accepted)
            errors.append(self.error_label.text())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(cls, "exec", run)
    return errors


def status_of(window: MainWindow, number: int) -> tuple[str, str]:
    task = window.store.plan_view().task_by_number(number)  # type: ignore[union-attr]
    assert task is not None
    index = window.model.index_of(task.id).siblingAtColumn(COL_STATUS)
    return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)


@pytest.fixture
def window(make_window: MakeWindow, coord: Store) -> MainWindow:  # noqa: F811
    return make_window(coord)


def test_tree_marks_and_detail_pane_show_todays_light(window: MainWindow) -> None:
    text, tip = status_of(window, 23)
    assert text == "逾期 40%"
    assert tip.splitlines() == [
        "逾期：已过完成时限，尚未完成",
        "完成时限：2026-03-01（已超过 61 天）",
        "最新进展：推进中 40%（2026-04-10，省公安厅）",
    ]
    assert status_of(window, 26)[0] == "临期 40%"
    assert status_of(window, 1)[0] == "正常 40%"
    assert "完成时限：长期坚持" in status_of(window, 1)[1]
    text, tip = status_of(window, 12)
    assert text == "未报送"
    assert "未报送单位：" in tip
    assert status_of(window, 7)[0] == "已完成"
    assert window.select_task_number(23)
    line = window.detail.supervision.text()
    assert "逾期（已超过 61 天）" in line and "完成时限：2026-03-01" in line


def test_a_units_pc_sees_values_read_only_and_cannot_change_them(
    make_window: MakeWindow,
    coord: Store,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    coord.set_office("省公安厅")
    window = make_window(coord)
    assert window.select_task_number(23)
    a = window.menu_actions
    for action in (a.set_deadline, a.set_rounds, a.edit_task, a.add_task, a.close_task):
        assert not action.isEnabled(), action.objectName()
        assert action.toolTip().startswith("只有协调办公室可以修改完成时限、报送节点和任务")
    assert a.change_log.isEnabled() and a.show_dashboard.isEnabled() and a.warning_days.isEnabled()
    assert "完成时限：2026-03-01" in window.detail.supervision.text()
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    before = coord.plan_change_log()
    window.supervision.set_deadline()  # e.g. a shortcut: said, and nothing opens
    assert told == ["只有协调办公室可以进行此项操作。"]
    with pytest.raises(StoreError) as refused:
        coord.set_deadline(Deadline(long_term=True), task_id=coord.find_task_id(None, 23))
    assert refused.value.code == "not_coordinating_office"
    assert coord.plan_change_log() == before


def test_deadline_dialog_refuses_a_missing_reason_then_saves(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.select_task_number(20)
    assert window.menu_actions.set_deadline.isEnabled()

    def unchanged(d: DeadlineDialog) -> None:
        assert d.task_radio.isChecked() and "2026-06-30" in d.current.text()

    def set_date(d: DeadlineDialog) -> None:
        d.date.setDate(QDate(2026, 4, 20))

    def give_reason(d: DeadlineDialog) -> None:
        type_text(d.reason, "省政府专项督查要求提前完成")

    errors = drive(monkeypatch, DeadlineDialog, unchanged, set_date, give_reason)
    window.menu_actions.set_deadline.trigger()
    assert errors == ["完成时限没有变化。", "请填写修改原因，以便留痕。"]
    task = window.store.plan_view().task_by_number(20)  # type: ignore[union-attr]
    assert task is not None and task.deadline == Deadline(date=D(2026, 4, 20))
    assert status_of(window, 20)[0] == "逾期 40%"  # past on 2026-05-01
    assert window.detail.title.text() == "任务 20"
    assert "完成时限：2026-04-20" in window.detail.supervision.text()
    assert window.store.plan_change_log()[-1].reason == "省政府专项督查要求提前完成"  # type: ignore[union-attr]


def test_whole_plan_deadline_long_term(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.select_task_number(30)

    def whole_plan(d: DeadlineDialog) -> None:
        d.plan_radio.setChecked(True)
        d.long_term_radio.setChecked(True)
        assert not d.date.isEnabled()
        type_text(d.reason, "改为长期坚持")

    assert drive(monkeypatch, DeadlineDialog, whole_plan) == []
    window.menu_actions.set_deadline.trigger()
    view = window.store.plan_view()  # type: ignore[union-attr]
    assert view.plan_deadline == Deadline(long_term=True)
    task23 = view.task_by_number(23)
    assert task23 is not None and task23.deadline == Deadline(date=D(2026, 3, 1))  # its own


def test_rounds_dialog_validates_and_sets_the_plans_rounds(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def custom_without_dates(d: RoundsDialog) -> None:
        assert d.monthly.isChecked() and d.day.value() == 25
        d.custom.setChecked(True)
        d.dates.clear()

    def add_dates(d: RoundsDialog) -> None:
        for day in (QDate(2026, 6, 30), QDate(2026, 3, 31), QDate(2026, 6, 30)):
            d.new_date.setDate(day)
            d.add_button.click()
        assert d.chosen_dates() == [D(2026, 3, 31), D(2026, 6, 30)]  # no repeats, in order
        assert d.preview.text() == "接下来的报送节点：2026-06-30"

    def give_reason(d: RoundsDialog) -> None:
        type_text(d.reason, "改为半年报送")

    errors = drive(monkeypatch, RoundsDialog, custom_without_dates, add_dates, give_reason)
    window.menu_actions.set_rounds.trigger()
    assert errors == ["请至少添加一个报送日期。", "请填写修改原因，以便留痕。"]
    rounds = window.store.plan_view().rounds  # type: ignore[union-attr]
    assert rounds == RoundRule(RoundKind.DATES, dates=(D(2026, 3, 31), D(2026, 6, 30)))
    window.dashboard.data()
    assert "报送节点：指定日期：2026-03-31、2026-06-30" in window.dashboard.info.text()


def test_warning_window_turns_tasks_due_soon(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert status_of(window, 2)[0] == "正常 40%"  # the plan's deadline is 60 days away

    def sixty(d: WarningDaysDialog) -> None:
        assert d.days.value() == 7
        d.days.setValue(60)

    drive(monkeypatch, WarningDaysDialog, sixty)
    window.menu_actions.warning_days.trigger()
    assert window.store.warning_days() == 60  # type: ignore[union-attr]
    assert status_of(window, 2)[0] == "临期 40%"


def test_edit_task_keeps_its_reports_and_logs_the_reason(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.select_task_number(23)

    def nothing(d: TaskEditDialog) -> None:
        assert not d.number.isEnabled() and d.units.count() == 1

    def retext(d: TaskEditDialog) -> None:
        d.text.clear()
        type_text(d.text, "加大对侵犯知识产权犯罪的打击力度（修订）。")
        assert d.add_unit("省公安厅", Role.LEAD) == "该单位已在列表中：省公安厅"
        assert d.add_unit(" ", Role.LEAD) == "请填写单位名称。"
        assert d.add_unit("省检察院", Role.COOPERATE) is None

    def give_reason(d: TaskEditDialog) -> None:
        type_text(d.reason, "领导小组会议调整")

    errors = drive(monkeypatch, TaskEditDialog, nothing, retext, give_reason)
    window.menu_actions.edit_task.trigger()
    assert errors == ["任务内容和责任单位都没有修改。", "请填写修改原因，以便留痕。"]
    task = window.store.plan_view().task_by_number(23)  # type: ignore[union-attr]
    assert task is not None and task.text == "加大对侵犯知识产权犯罪的打击力度（修订）。"
    assert [(a.unit_name, a.role) for a in task.assignments] == [
        ("省公安厅", Role.RESPONSIBLE),
        ("省检察院", Role.COOPERATE),
    ]
    assert [r.percent for r in task.current_progress] == [40]  # the report survived
    index = window.model.index_of(task.id)
    assert index.siblingAtColumn(COL_NAME).data().startswith("23. 加大对侵犯知识产权犯罪的打击力度")
    assert window.detail.text.text().startswith("加大对侵犯知识产权犯罪的打击力度（修订）。")


def test_add_task_refuses_a_taken_number_and_an_empty_unit_list(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.select_task_number(25)

    def empty(d: TaskEditDialog) -> None:
        assert d.number.value() == 61 and d.number.isEnabled()
        assert d.section_box.currentText() == "二、全面加强知识产权保护"
        d.number.setValue(20)

    def text(d: TaskEditDialog) -> None:
        type_text(d.text, "开展知识产权保护专项督查。")

    def units(d: TaskEditDialog) -> None:
        d.unit_name.setEditText("省公安厅")
        d.role_box.setCurrentIndex(d.role_box.findData(Role.LEAD.value))
        d.add_unit_button.click()
        assert d.units.item(0).text() == "省公安厅（牵头）"

    def renumber(d: TaskEditDialog) -> None:
        d.number.setValue(61)
        type_text(d.reason, "领导小组会议决定")

    errors = drive(monkeypatch, TaskEditDialog, empty, text, units, renumber)
    window.menu_actions.add_task.trigger()
    assert errors == [
        "任务内容不能为空。",
        "请至少指定一个责任单位。",
        "任务序号 20 已被使用，请换一个。",
    ]
    selected = window.selected_node()
    assert selected is not None and selected.task is not None
    assert selected.task.number == 61 and selected.task.added
    assert "协调办公室新增的任务" in window.detail.supervision.text()
    assert window.proxy.visible_task_count() == 61


def test_close_and_reopen_a_task(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    assert window.select_task_number(20)
    a = window.menu_actions
    assert a.close_task.isEnabled() and not a.reopen_task.isEnabled()

    def no_reason(d: CloseTaskDialog) -> None:
        assert d.windowTitle() == "办结销号"

    def reason(d: CloseTaskDialog) -> None:
        type_text(d.reason, "已审核最终报告")

    errors = drive(monkeypatch, CloseTaskDialog, no_reason, reason)
    a.close_task.trigger()
    assert errors == ["请填写修改原因，以便留痕。"]
    assert status_of(window, 20)[0] == "已完成"
    task = window.store.plan_view().task_by_number(20)  # type: ignore[union-attr]
    assert task is not None and task.closed
    name = window.model.index_of(task.id).siblingAtColumn(COL_NAME).data()
    assert name.startswith("20. 【已办结】")
    assert "已办结（销号）" in window.detail.supervision.text()
    assert not a.close_task.isEnabled() and a.reopen_task.isEnabled()

    drive(monkeypatch, CloseTaskDialog, lambda d: type_text(d.reason, "发现遗留问题"))
    a.reopen_task.trigger()
    assert status_of(window, 20)[0] == "正常 40%"
    assert [c.reason for c in window.store.plan_change_log()][-2:] == [  # type: ignore[union-attr]
        "已审核最终报告",
        "发现遗留问题",
    ]


def test_change_log_lists_who_when_what_and_why(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester
) -> None:
    assert window.select_task_number(23)
    seen: dict[str, Any] = {}

    def look(self: PlanChangesDialog) -> int:
        model = self.model
        rows = [
            [model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        seen["all"] = rows
        self.only_task.setChecked(True)
        seen["task"] = [model.index(r, 5).data() for r in range(model.rowCount())]
        qtmodeltester.check(model, force_py=True)
        return 0

    monkeypatch.setattr(PlanChangesDialog, "exec", look)
    window.menu_actions.change_log.trigger()
    rows = seen["all"]
    me = window.installation
    assert me is not None
    assert [r[5] for r in rows] == [
        "方案要求上半年完成",
        "省政府督查",
        "专项行动",
        "长期工作",
        "每月报送",
    ]
    assert all(r[1] == f"本机（{me.name}）" for r in rows)
    assert rows[0][2:5] == ["完成时限", "整个方案", "整个方案：2026-06-30"]
    assert rows[1][2:5] == ["完成时限", "23", "2026-03-01"]
    assert rows[4][2:5] == ["报送节点", "整个方案", "每月 25 日（自 2026-03-01 起）"]
    assert len(rows[0][0]) == len("2026-05-01 12:00")
    assert seen["task"] == ["省政府督查"]


def test_coordinating_office_dialogs_on_a_fresh_plan(
    tmp_path: Path, make_window: MakeWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "today", lambda: AS_OF)
    fresh = office(tmp_path, "fresh", None)
    window = make_window(fresh)
    assert window.select_task_number(1)
    assert status_of(window, 1) == ("正常", "正常：按计划推进")
    assert "完成时限：未设定" in window.detail.supervision.text()
    seen: list[str] = []

    def look(d: DeadlineDialog) -> None:
        seen.append(d.current.text())
        seen.append(d.date.date().toString("yyyy-MM-dd"))

    drive(monkeypatch, DeadlineDialog, look)
    window.menu_actions.set_deadline.trigger()  # cancelled after looking
    assert seen == ["当前完成时限：未设定", "2026-12-31"]
    assert fresh.plan_change_log() == []
