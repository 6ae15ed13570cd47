"""审核进展 and 领导批示 in the window: batch review with the keyboard, a 批示 on a task."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.enums import ProgressStatus, ReviewDecision
from domain.records import ProgressInput
from domain.review_rules import ReviewState, unit_review_state
from models.store import Store
from ui.common import messages
from ui.main_window import MainWindow
from ui.supervision.review_dialog import InstructionDialog, ReviewDialog

from ..conftest import MakeWindow, type_text

pytestmark = pytest.mark.gui


def reported(store: Store, *numbers: int) -> None:
    store.set_office(None, coordinating_office=True)
    for number in numbers:
        task = store.plan_view().task_by_number(number)
        assert task is not None
        unit = task.assignments[0]
        store.record_progress(
            ProgressInput(task.id, unit.unit_id, ProgressStatus.IN_PROGRESS, 40,
                          dt.date(2026, 4, 1), f"{unit.unit_name}的进展", reporter="张三")
        )  # fmt: skip


def test_batch_review_with_the_keyboard(
    qtbot: QtBot, make_window: MakeWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    reported(store, 20, 23, 25)
    window: MainWindow = make_window(store)
    assert window.menu_actions.review_reports.isEnabled()
    seen: list[int] = []

    def run(self: ReviewDialog) -> int:
        seen.append(self.model.rowCount())
        table = self.table
        qtbot.keyClick(table, Qt.Key.Key_A)  # row 1: 通过, and the next row is selected
        assert self.model.item(0, 5).text() == "通过"
        qtbot.keyClick(table, Qt.Key.Key_R)  # no reason yet: refused, said
        assert "须写明原因" in self.error_label.text()
        assert self.model.item(1, 5).text() == "（未处理）"
        type_text(self.reason, "未写明案件数")
        table.selectRow(1)
        qtbot.keyClick(table, Qt.Key.Key_R)  # row 2: 退回修改
        assert self.model.item(1, 6).text() == "未写明案件数"
        type_text(self.reviewer, "李四")
        self.buttons.button(self.buttons.StandardButton.Save).click()
        return int(self.result())

    monkeypatch.setattr(ReviewDialog, "exec", run)
    window.menu_actions.review_reports.trigger()
    assert seen == [3]
    view = store.plan_view()
    states = {
        n: unit_review_state(t, t.assignments[0].unit_id)
        for n in (20, 23, 25)
        if (t := view.task_by_number(n)) is not None
    }
    assert states == {20: ReviewState.ACCEPTED, 23: ReviewState.RETURNED, 25: ReviewState.PENDING}
    t23 = view.task_by_number(23)
    assert t23 is not None and t23.reviews[-1].reviewer == "李四"
    assert window.select_task_number(23)
    assert "未写明案件数" in window.detail.returns.text()
    window.detail.history_view.selectRow(0)
    assert "审核：退回修改（" in window.detail.revision_text.toPlainText()
    assert "李四）：未写明案件数" in window.detail.revision_text.toPlainText()


def test_nothing_to_review_is_said(
    make_window: MakeWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_office(None, coordinating_office=True)
    window: MainWindow = make_window(store)
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(ReviewDialog, "exec", lambda self: pytest.fail("dialog opened"))
    window.menu_actions.review_reports.trigger()
    assert told == ["没有待审核的进展。"]


def test_instruction_from_the_window(
    qtbot: QtBot, make_window: MakeWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_office(None, coordinating_office=True)
    window: MainWindow = make_window(store)
    assert window.select_task_number(23)

    def run(self: InstructionDialog) -> int:
        self.accept()  # empty: refused, stays open
        assert not self.error_label.isHidden()
        type_text(self.text, "请公安厅本月底前报结果")
        type_text(self.leader, "王副省长")
        self.accept()
        return int(self.result())

    monkeypatch.setattr(InstructionDialog, "exec", run)
    window.menu_actions.instruct.trigger()
    task = store.plan_view().task_by_number(23)
    assert task is not None and [i.leader for i in task.instructions] == ["王副省长"]
    assert "请公安厅本月底前报结果" in window.detail.instructions.text()


def test_a_unit_pc_cannot_review_or_instruct(make_window: MakeWindow, store: Store) -> None:
    store.set_office("省公安厅")
    window: MainWindow = make_window(store)
    assert window.select_task_number(23)
    assert not window.menu_actions.review_reports.isEnabled()
    assert not window.menu_actions.instruct.isEnabled()
    assert ReviewDecision.RETURNED  # the decisions exist; the actions say who may use them
    assert "协调办公室" in window.menu_actions.review_reports.toolTip()
