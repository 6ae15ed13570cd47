"""The import preview: every task in a table with units, deadline and problems; the clerk
completes units or marks a flagged line as not a task; 导入 asks while flags remain."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.enums import Role
from models.store import Store
from tests.store.test_import_corrections import EXPECTED, PLAN
from ui.common import messages
from ui.main_window import MainWindow
from ui.plan_import import dialog as dialog_module
from ui.plan_import.dialog import PlanImportDialog
from ui.plan_import.preview_model import (
    COL_DEADLINE,
    COL_NUMBER,
    COL_PROBLEMS,
    COL_UNITS,
    FLAGGED_BACKGROUND,
)

from .conftest import MakeWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "营商环境.txt"
    path.write_text(PLAN.replace("2.推进乙工作。", "2.推进乙工作，2026年底前完成。"), "utf-8")
    return path


def _read(qtbot: QtBot, path: Path, can_correct: bool = True) -> PlanImportDialog:
    dialog = PlanImportDialog(can_correct=can_correct)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        dialog.set_data(path)
    return dialog


def _cell(dialog: PlanImportDialog, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    model = dialog.tasks_model
    return model.data(model.index(row, column), role)


def test_every_task_listed_with_units_deadline_and_problem(
    qtbot: QtBot, zh_app: object, plan_file: Path
) -> None:
    dialog = _read(qtbot, plan_file)
    assert dialog.tasks_model.rowCount() == 6
    assert [_cell(dialog, r, COL_NUMBER) for r in range(6)] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert _cell(dialog, 0, COL_UNITS) == "省发展改革委（负责）"
    assert _cell(dialog, 1, COL_DEADLINE) == "2026年底前完成"
    assert "第 5 行" in _cell(dialog, 2, COL_PROBLEMS)
    background = _cell(dialog, 2, 0, Qt.ItemDataRole.BackgroundRole)
    assert background.color().name() == FLAGGED_BACKGROUND
    assert _cell(dialog, 0, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert dialog.counts_label.text().endswith("；2 项待补充")


def test_clerk_completes_units_marks_a_line_and_confirms(
    qtbot: QtBot, zh_app: object, plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = _read(qtbot, plan_file)
    asked: list[str] = []
    answers = iter([False, True])
    monkeypatch.setattr(
        messages, "confirm", lambda _p, _t, text: asked.append(text) or next(answers)
    )

    def fill_units(_parent, _plan, entry):  # type: ignore[no-untyped-def]
        assert entry.reason == "导入方案时核对原文更正" and entry.units == ()
        return dataclasses.replace(entry, units=(("省公安厅", Role.LEAD, "牵头"),))

    monkeypatch.setattr(dialog_module.TaskEditDialog, "edit", fill_units)
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(2, 0))
    assert dialog.edit_button.isEnabled() and dialog.not_task_button.isEnabled()
    dialog.edit_button.click()
    assert _cell(dialog, 2, COL_UNITS) == "省公安厅（牵头）"
    assert _cell(dialog, 2, COL_PROBLEMS) == "已补全分工"

    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(0, 0))
    assert not dialog.not_task_button.isEnabled()  # only a flagged line can be "not a task"

    dialog.ok_button.click()  # task 5 is still 待补充: asked, and the clerk says no
    assert len(asked) == 1 and "还有 1 项任务" in asked[0]
    assert dialog.result() != PlanImportDialog.DialogCode.Accepted

    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(4, 0))
    dialog.not_task_button.click()
    assert _cell(dialog, 4, COL_PROBLEMS) == "不是任务，不导入"
    assert dialog.not_task_button.text() == "恢复为任务"
    assert dialog.tasks_model.rowCount() == 6  # still listed, never dropped
    assert [(c.not_a_task, c.units is not None) for c in dialog.corrections()] == [
        (False, True),
        (True, False),
    ]
    dialog.ok_button.click()
    assert len(asked) == 1  # nothing left to complete: no question
    assert dialog.result() == PlanImportDialog.DialogCode.Accepted


def test_a_units_pc_previews_but_cannot_correct(
    qtbot: QtBot, zh_app: object, plan_file: Path
) -> None:
    dialog = _read(qtbot, plan_file, can_correct=False)
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(2, 0))
    assert not dialog.edit_button.isEnabled() and not dialog.not_task_button.isEnabled()
    dialog.tasks_view.setCurrentIndex(dialog.tasks_model.index(0, 0))
    assert not dialog.split_button.isEnabled() and not dialog.join_button.isEnabled()
    dialog.split_button.click()
    dialog.join_button.click()
    assert not dialog.corrections() and not dialog.undo_button.isEnabled()
    assert "只有协调办公室可以更正" in dialog.correct_note.text()


def test_window_import_stores_the_corrections(
    qtbot: QtBot,
    make_window: MakeWindow,
    store: Store,
    plan_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.set_office(None, coordinating_office=True)
    window: MainWindow = make_window(store)

    def correct_and_import(self: PlanImportDialog) -> int:
        qtbot.waitUntil(lambda: self.data() is not None, timeout=10_000)
        self.tasks_view.setCurrentIndex(self.tasks_model.index(2, 0))
        self.edit_button.click()
        self.tasks_view.setCurrentIndex(self.tasks_model.index(4, 0))
        self.not_task_button.click()
        self.ok_button.click()
        return int(self.result())

    monkeypatch.setattr(
        dialog_module.TaskEditDialog,
        "edit",
        lambda _p, _plan, entry: dataclasses.replace(
            entry, units=(("省公安厅", Role.LEAD, "牵头"),)
        ),
    )
    monkeypatch.setattr(messages, "choose_plan_file", lambda *_a: plan_file)
    monkeypatch.setattr(PlanImportDialog, "exec", correct_and_import)
    with qtbot.waitSignal(window.plans_reloaded, timeout=10_000):
        window.menu_actions.import_plan.trigger()
    plan = store.plan_views()[1]
    shown = [
        (t.number, [a.unit_name for a in t.assignments], t.needs_completion)
        for t in plan.all_tasks()
    ]
    assert shown == EXPECTED
    labels = [t.label for s in window.model.plan_nodes()[1].children for t in s.children]
    assert len(labels) == 5 and not any("待补充" in x for x in labels)
