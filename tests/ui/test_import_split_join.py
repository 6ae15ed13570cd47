"""Split and join in the import preview, driven through the real dialogs: a task cut in two
where the clerk puts the cursor (each part with its units), a task joined with the next
(texts concatenated, units united, the stricter deadline), undo, and the store's result."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from domain.enums import Role
from models.store import Store
from ui.common import messages
from ui.main_window import MainWindow
from ui.plan_import import dialog as dialog_module
from ui.plan_import.dialog import PlanImportDialog
from ui.plan_import.preview_model import COL_DEADLINE, COL_PROBLEMS, COL_TEXT, COL_UNITS
from ui.plan_import.split_dialog import SplitTaskDialog, sentence_split_point

from .conftest import MakeWindow

pytestmark = pytest.mark.gui

PLAN = """某省推进营商环境建设重点任务分工方案
一、重点任务
1.推进甲工作，建立协调机制。完善乙机制，出台配套办法。（省发展改革委牵头，省财政厅配合）
2.推进丙工作，2026年底前完成。（省商务厅负责）
3.推进丙工作的配套政策，2026年6月底前完成。（省财政厅负责）
4.推进丁工作。（省公安厅负责）
二、保障措施
5.加强督查。（省政府督查室负责）
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "营商环境.txt"
    path.write_text(PLAN, "utf-8")
    return path


def _read(qtbot: QtBot, path: Path) -> PlanImportDialog:
    dialog = PlanImportDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        dialog.set_data(path)
    return dialog


def _cell(dialog: PlanImportDialog, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = dialog.tasks_model
    return model.data(model.index(row, column), role)


def _texts(dialog: PlanImportDialog) -> list[str]:
    return [_cell(dialog, r, COL_TEXT) for r in range(dialog.tasks_model.rowCount())]


def _split_first_task(monkeypatch: pytest.MonkeyPatch, seen: list[str]) -> None:
    """The clerk's hand in the real 拆分任务 dialog: tries the very start (refused), then
    keeps the proposed cut, gives 省财政厅 only to part 2 (as 负责) and 省发展改革委 only
    to part 1."""

    def drive(self: SplitTaskDialog) -> int:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        proposed = self.text.textCursor().position()
        self.set_split_point(0)
        ok.click()
        seen.append(self.error_label.text())
        self.set_split_point(proposed)
        seen.append(self.first_label.text())
        seen.append(self.second_label.text())
        self.role_box(0, 2).setCurrentIndex(self.role_box(0, 2).findData(""))
        self.role_box(1, 1).setCurrentIndex(self.role_box(1, 1).findData(""))
        self.role_box(1, 2).setCurrentIndex(self.role_box(1, 2).findData("负责"))
        ok.click()
        return int(self.result())

    monkeypatch.setattr(SplitTaskDialog, "exec", drive)


def test_sentence_split_point_is_the_sentence_end_nearest_the_middle() -> None:
    text = "推进甲工作，建立协调机制。完善乙机制，出台配套办法。"
    assert text[: sentence_split_point(text)] == "推进甲工作，建立协调机制。"
    assert sentence_split_point("没有句号的一句话") == len("没有句号的一句话")


def test_split_join_and_undo_in_the_preview(
    qtbot: QtBot, zh_app: object, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _read(qtbot, plan_file)
    seen: list[str] = []
    _split_first_task(monkeypatch, seen)
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(0, 0))
    assert dialog.split_button.isEnabled() and not dialog.undo_button.isEnabled()
    dialog.split_button.click()
    assert seen == [
        "拆分的位置不能在开头或末尾：两项都要有内容。",
        "第一项：推进甲工作，建立协调机制。",
        "第二项：完善乙机制，出台配套办法。",
    ]
    assert dialog.tasks_model.rowCount() == 6
    assert _texts(dialog)[:2] == ["推进甲工作，建立协调机制。", "完善乙机制，出台配套办法。"]
    assert _cell(dialog, 0, COL_UNITS) == "省发展改革委（牵头）"
    assert _cell(dialog, 1, COL_UNITS) == "省财政厅（负责）"
    assert _cell(dialog, 1, COL_PROBLEMS) == "拆分出的新任务"
    assert "6 项任务" in dialog.counts_label.text()

    # Join 2 with 3: the stricter (earlier) deadline, units united, 3 stays listed, struck.
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(2, 0))
    assert dialog.join_button.isEnabled()
    dialog.join_button.click()
    assert _cell(dialog, 2, COL_TEXT) == (
        "推进丙工作，2026年底前完成。推进丙工作的配套政策，2026年6月底前完成。"
    )
    assert _cell(dialog, 2, COL_UNITS) == "省商务厅（负责）、省财政厅（负责）"
    assert _cell(dialog, 2, COL_DEADLINE) == "2026年6月底前完成"
    tooltip = _cell(dialog, 2, COL_DEADLINE, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "2026年6月底前完成"  # the column is narrow: the whole wording on hover
    assert _cell(dialog, 3, COL_PROBLEMS) == "已并入上一项"
    assert _cell(dialog, 3, COL_TEXT, Qt.ItemDataRole.FontRole).strikeOut()
    assert dialog.tasks_model.rowCount() == 6  # nothing leaves the table
    assert "5 项任务" in dialog.counts_label.text()

    # Task 4 is the last of its section: no joining across 一、 and 二、.
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(4, 0))
    assert not dialog.join_button.isEnabled()
    # A joined row is undone with 撤销, not edited on its own.
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(3, 0))
    assert not dialog.edit_button.isEnabled() and not dialog.split_button.isEnabled()

    dialog.undo_button.click()  # the join undone
    assert _cell(dialog, 2, COL_TEXT) == "推进丙工作，2026年底前完成。"
    assert _cell(dialog, 3, COL_PROBLEMS) == ""
    dialog.undo_button.click()  # the split undone: the table as read
    assert dialog.tasks_model.rowCount() == 5 and not dialog.corrections()
    assert not dialog.undo_button.isEnabled()


def test_joining_a_split_part_back_leaves_no_trace(
    qtbot: QtBot, zh_app: object, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _read(qtbot, plan_file)
    _split_first_task(monkeypatch, [])
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(0, 0))
    dialog.split_button.click()
    dialog.join_button.click()  # part 2 back into part 1: a never-stored row simply goes
    assert dialog.tasks_model.rowCount() == 5
    assert _cell(dialog, 0, COL_TEXT) == "推进甲工作，建立协调机制。完善乙机制，出台配套办法。"
    assert _cell(dialog, 0, COL_UNITS) == "省发展改革委（牵头）、省财政厅（负责）"
    (fix,) = dialog.corrections()
    assert fix.after is None and not fix.not_a_task


def test_a_task_without_units_is_completed_before_it_is_split(
    qtbot: QtBot, zh_app: object, tmp_path: Path
) -> None:
    path = tmp_path / "p.txt"
    unassigned = PLAN.replace("4.推进丁工作。（省公安厅负责）", "4.推进丁工作。戊工作。")
    path.write_text(unassigned, "utf-8")
    dialog = _read(qtbot, path)
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(3, 0))
    dialog.split_button.click()  # no dialog: the clerk is told what to do first
    assert "请先“修改分工”补全" in dialog.state_label.text()
    assert dialog.tasks_model.rowCount() == 5


def test_window_import_stores_split_and_join(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    plan_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.set_office(None, coordinating_office=True)
    window: MainWindow = make_window(store)
    _split_first_task(monkeypatch, [])

    def correct_and_import(self: PlanImportDialog) -> int:
        qtbot.waitUntil(lambda: self.data() is not None, timeout=10_000)
        self.tasks_view.setCurrentIndex(self.tasks_model.index(0, 0))
        self.split_button.click()
        self.tasks_view.setCurrentIndex(self.tasks_model.index(2, 0))
        self.join_button.click()
        self.ok_button.click()
        return int(self.result())

    monkeypatch.setattr(messages, "choose_plan_file", lambda *_a: plan_file)
    monkeypatch.setattr(PlanImportDialog, "exec", correct_and_import)
    with qtbot.waitSignal(window.plans_reloaded, timeout=10_000):
        window.menu_actions.import_plan.trigger()
    plan = store.plan_views()[1]
    shown = [(t.label, t.text, [a.unit_name for a in t.assignments]) for t in plan.all_tasks()]
    assert shown == [
        ("1.", "推进甲工作，建立协调机制。", ["省发展改革委"]),
        ("1.", "完善乙机制，出台配套办法。", ["省财政厅"]),
        (
            "2.",
            "推进丙工作，2026年底前完成。推进丙工作的配套政策，2026年6月底前完成。",
            ["省商务厅", "省财政厅"],
        ),
        ("4.", "推进丁工作。", ["省公安厅"]),
        ("5.", "加强督查。", ["省政府督查室"]),
    ]
    log = store.plan_change_log(plan.id)
    assert [c.kind for c in log] == ["edit_task", "add_task", "edit_task", "not_a_task"]
    assert log[3].payload == f'{{"joined_into": "{plan.all_tasks()[2].id}"}}'
    # The tree shows the plan as corrected: five tasks, the split part below its first part.
    sections = window.model.plan_nodes()[1].children
    ids = [t.id for s in sections for t in s.children]
    assert ids == [t.id for t in plan.all_tasks()]


def test_a_split_part_is_edited_like_any_task(
    qtbot: QtBot, zh_app: object, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _read(qtbot, plan_file)
    _split_first_task(monkeypatch, [])
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(0, 0))
    dialog.split_button.click()

    def give_lead(_parent, _plan, entry):  # type: ignore[no-untyped-def]
        assert entry.text == "完善乙机制，出台配套办法。"
        return dataclasses.replace(entry, units=(("省商务厅", Role.LEAD, "牵头"),))

    monkeypatch.setattr(dialog_module.TaskEditDialog, "edit", give_lead)
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(1, 0))
    dialog.edit_button.click()
    assert _cell(dialog, 1, COL_UNITS) == "省商务厅（牵头）"
    first, part = dialog.corrections()
    assert part.after == first.task_id and part.text == "完善乙机制，出台配套办法。"
    assert part.units == (("省商务厅", Role.LEAD, "牵头"),) and part.label == "1."
