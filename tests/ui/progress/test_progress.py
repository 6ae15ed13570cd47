"""填报进展: the dialog validates, saves a revision, and the tree and history follow."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from domain.enums import ProgressStatus
from domain.records import TaskView
from models.store import Store
from ui.common import messages
from ui.main_window import MainWindow
from ui.progress.dialog import ProgressDialog, new_entry, revision_entry
from ui.tree.model import COL_STATUS

from ..conftest import MakeWindow, type_text

pytestmark = pytest.mark.gui

Save = QDialogButtonBox.StandardButton.Save


def task(store: Store, number: int) -> TaskView:
    found = store.plan_view().task_by_number(number)
    assert found is not None
    return found


def fake_exec(monkeypatch: pytest.MonkeyPatch, fill: Callable[[ProgressDialog], None]) -> list[str]:
    """Replace the modal loop: ``fill`` types into the dialog, then Save is clicked."""
    errors: list[str] = []

    def run(self: ProgressDialog) -> int:
        fill(self)
        self.buttons.button(Save).click()
        if not self.error_label.isHidden():
            errors.append(self.error_label.text())
            return int(QDialog.DialogCode.Rejected)
        return int(self.result())

    monkeypatch.setattr(ProgressDialog, "exec", run)
    return errors


def test_dialog_validates_with_chinese_messages(qtbot: QtBot, store: Store, zh_app: object) -> None:
    t20 = task(store, 20)
    police = store.find_unit_id("省公安厅")
    dialog = ProgressDialog(t20, [(police, "省公安厅")], unit_fixed=True)
    qtbot.addWidget(dialog)
    dialog.set_data(new_entry(t20, police))
    assert not dialog.unit_box.isEnabled()

    dialog.percent.clear()
    qtbot.keyClicks(dialog.percent, "abc150")  # letters are refused by the field
    assert dialog.percent.text() == "150"
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error_label.text() == (
        "完成百分比须在 0 到 100 之间。\n请填写工作进展。\n请填写填报人。"
    )

    dialog.percent.clear()
    qtbot.keyClicks(dialog.percent, "0")
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    # A blank form is refused: no 工作进展, no 填报人.
    assert dialog.error_label.text() == "请填写工作进展。\n请填写填报人。"
    assert dialog.focusWidget() is dialog.work_done or not dialog.isVisible()

    dialog.status_box.setCurrentIndex(dialog.status_box.findData(ProgressStatus.DONE.value))
    assert dialog.percent.text() == "100"  # choosing 已完成 fills 100 %
    dialog.percent.clear()
    qtbot.keyClicks(dialog.percent, "30")
    type_text(dialog.work_done, "已建立跨部门执法协作机制。")
    type_text(dialog.reporter, "张三")
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "状态为“已完成”时，完成百分比应为 100%。"

    dialog.percent.clear()
    qtbot.keyClicks(dialog.percent, "100")
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    entry = dialog.data()
    assert (entry.status, entry.percent, entry.work_done, entry.reporter) == (
        ProgressStatus.DONE,
        100,
        "已建立跨部门执法协作机制。",
        "张三",
    )


def test_lower_percent_and_edit_ask_for_a_reason(
    qtbot: QtBot, store: Store, zh_app: object
) -> None:
    police = store.find_unit_id("省公安厅")
    first = store.record_progress(
        dataclasses.replace(
            new_entry(task(store, 20), police), percent=60, work_done="甲", reporter="张三"
        )  # fmt: skip
    )
    t20 = task(store, 20)
    dialog = ProgressDialog(t20, [(police, "省公安厅")], unit_fixed=True)
    qtbot.addWidget(dialog)
    dialog.set_data(new_entry(t20, police, percent=40, reporter="张三"))
    assert dialog.reason_label.text() == "说明"
    type_text(dialog.work_done, "重新核算")
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert "低于本单位上次" in dialog.error_label.text()
    assert dialog.focusWidget() is dialog.reason or not dialog.isVisible()
    type_text(dialog.reason, "口径调整")
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.data().reason == "口径调整"

    edit = ProgressDialog(t20, [(police, "省公安厅")], unit_fixed=True)
    qtbot.addWidget(edit)
    edit.set_data(revision_entry(first))
    assert edit.reason_label.text() == "修改原因"
    qtbot.mouseClick(edit.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert edit.error_label.text() == "修改已报送的进展，请填写修改原因。"


def test_unit_without_role_in_task_is_refused(qtbot: QtBot, store: Store, zh_app: object) -> None:
    t1 = task(store, 1)  # 省知识产权局 only
    police = store.find_unit_id("省公安厅")
    dialog = ProgressDialog(t1, [(police, "省公安厅")], unit_fixed=True)
    qtbot.addWidget(dialog)
    dialog.set_data(new_entry(t1, police))
    qtbot.mouseClick(dialog.buttons.button(Save), Qt.MouseButton.LeftButton)
    assert dialog.error_label.text().startswith("该单位在此项任务中没有分工，不能为其填报进展。")


def test_closing_with_unsaved_typing_asks_first(
    qtbot: QtBot,
    store: Store,
    zh_app: object,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    t20 = task(store, 20)
    police = store.find_unit_id("省公安厅")
    dialog = ProgressDialog(t20, [(police, "省公安厅")])
    qtbot.addWidget(dialog)
    dialog.set_data(new_entry(t20, police))
    asked: list[bool] = []
    answer = {"discard": False}

    def confirm(_parent: object) -> bool:
        asked.append(True)
        return answer["discard"]

    monkeypatch.setattr(messages, "confirm_discard", confirm)
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()  # nothing typed: closes without a question
    assert asked == []
    dialog.set_data(new_entry(t20, police))
    type_text(dialog.problems, "经费不足")
    with qtbot.assertNotEmitted(dialog.finished):
        dialog.reject()
    assert asked == [True]
    answer["discard"] = True
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()


def test_report_saves_and_history_and_status_mark_update(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.set_office("省公安厅")
    window: MainWindow = make_window(store)
    assert window.select_task_number(20)
    assert window.detail.history_model.rowCount() == 0

    def fill(d: ProgressDialog) -> None:
        assert d.unit_box.currentText() == "省公安厅"
        d.percent.clear()
        qtbot.keyClicks(d.percent, "60")
        type_text(d.work_done, "已与省商务厅建立案情通报制度。")
        type_text(d.reporter, "张三")
        qtbot.keyClicks(d.phone, "0451-8888")

    errors = fake_exec(monkeypatch, fill)
    qtbot.mouseClick(window.detail.report_button, Qt.MouseButton.LeftButton)
    assert errors == []

    history = window.detail.history_model
    assert history.rowCount() == 1
    row = [history.item(0, c).text() for c in range(history.columnCount())]
    assert row[1:5] == ["省公安厅", "推进中", "60", "张三"]
    assert row[6] == "已与省商务厅建立案情通报制度。"
    assert "工作进展：已与省商务厅建立案情通报制度。" in window.detail.revision_text.toPlainText()
    index = window.model.index_of(task(store, 20).id)
    # The mark is the task's light (no deadline or rounds: 正常) with the report's percent.
    assert index.siblingAtColumn(COL_STATUS).data() == "正常 60%"
    assert index.parent().siblingAtColumn(COL_STATUS).data() == "已完成 0/2"

    # Editing the entry makes a child revision; the first one stays in the history.
    window.detail.history_view.selectRow(0)
    first = window.detail.selected_revision()
    assert first is not None

    def finish(d: ProgressDialog) -> None:
        assert d.windowTitle() == "修改进展"
        d.status_box.setCurrentIndex(d.status_box.findData(ProgressStatus.DONE.value))
        type_text(d.reason, "已全部完成")

    errors = fake_exec(monkeypatch, finish)
    qtbot.mouseClick(window.detail.edit_button, Qt.MouseButton.LeftButton)
    assert errors == []
    revisions = store.progress_history(task(store, 20).id)
    assert [r.percent for r in revisions] == [100, 60]
    assert revisions[0].parent_revision_id == first.revision_id
    assert history.rowCount() == 2 and history.item(0, 5).text() == "修改（原因：已全部完成）"
    # 省公安厅 is done, but ten more units are responsible for task 20: not 已完成 yet.
    assert index.siblingAtColumn(COL_STATUS).data() == "正常 100%"

    # Reopening the database shows the saved entries.
    window.close()
    store.close()
    with Store.open(db_path) as reopened:
        again: MainWindow = make_window(reopened)
        assert again.select_task_number(20)
        assert again.detail.history_model.rowCount() == 2
        assert again.detail.history_model.item(1, 6).text() == "已与省商务厅建立案情通报制度。"
        assert "本机：省公安厅" in again.office_label.text()
        again.close()


def test_coordinating_office_reports_for_the_unit_chosen(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.set_installation(store.set_office(None, coordinating_office=True))
    assert window.select_task_number(25)
    units = window.detail.units_model
    row = next(r for r in range(units.rowCount()) if units.item(r, 0).text() == "省公安厅")
    window.detail.units_view.selectRow(row)
    seen: list[str] = []

    def fill(d: ProgressDialog) -> None:
        assert d.unit_box.isEnabled()
        seen.append(d.unit_box.currentText())
        d.status_box.setCurrentIndex(d.status_box.findData(ProgressStatus.BLOCKED.value))
        type_text(d.work_done, "电话报告：经费未到位")
        type_text(d.reporter, "督查室")

    fake_exec(monkeypatch, fill)
    window.menu_actions.report.trigger()
    assert seen == ["省公安厅"]
    assert window.detail.history_model.item(0, 5).text() == "代报"


def test_a_unit_cannot_revise_another_units_report(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.set_installation(store.set_office(None, coordinating_office=True))
    t20 = task(store, 20)
    commerce = store.find_unit_id("省商务厅")
    store.record_progress(
        dataclasses.replace(new_entry(t20, commerce, reporter="李四"), work_done="已报送")
    )
    window.set_installation(store.set_office("省公安厅"))
    assert window.select_task_number(20)
    window.detail.history_view.selectRow(0)
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(ProgressDialog, "exec", lambda self: pytest.fail("dialog opened"))
    window.menu_actions.edit_revision.trigger()
    assert told == ["本机属于省公安厅，不能为其他单位填报进展。"]
    assert len(store.progress_history(t20.id)) == 1


def test_a_refusal_by_the_store_reopens_the_dialog_with_the_typing(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.set_installation(store.set_office("省公安厅"))
    assert window.select_task_number(20)
    store.set_office("省法院")  # changed behind the window's back (e.g. a second window)
    opened: list[str] = []

    def run(self: ProgressDialog) -> int:
        opened.append(self.work_done.toPlainText())
        if len(opened) == 1:
            type_text(self.work_done, "联席会议已召开")
            type_text(self.reporter, "张三")
            self.buttons.button(Save).click()
            return int(self.result())
        return int(QDialog.DialogCode.Rejected)

    errors: list[str] = []
    monkeypatch.setattr(ProgressDialog, "exec", run)
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: errors.append(text))
    window.menu_actions.report.trigger()
    assert errors == ["本机属于省法院，不能为其他单位填报进展。"]
    assert opened == ["", "联席会议已召开"]
    assert store.progress_history(task(store, 20).id) == []


def test_a_unit_is_told_at_once_when_a_task_is_not_its_own(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.set_installation(store.set_office("省公安厅"))
    assert window.select_task_number(1)
    told: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: told.append(text))
    monkeypatch.setattr(ProgressDialog, "exec", lambda self: pytest.fail("dialog opened"))
    window.menu_actions.report.trigger()
    assert told == ["该单位在此项任务中没有分工，不能为其填报进展。"]
