"""导入方案 (preview, confirm, second plan in the tree), the by-unit tab, this PC's unit."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from domain.enums import Role
from models.store import Store
from ui.common import messages
from ui.main_window import TAB_UNITS, MainWindow
from ui.plan_import.dialog import PlanImportDialog
from ui.units.office_dialog import OfficeChoice, OfficeDialog

pytestmark = pytest.mark.gui


def test_import_preview_lists_counts_and_unreadable_lines(
    qtbot: QtBot,
    zh_app: object,
    second_plan_file: Path,
) -> None:
    dialog = PlanImportDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        dialog.set_data(second_plan_file)
    assert dialog.title_label.text() == "某省推进质量强省建设重点任务分工方案"
    assert dialog.counts_label.text() == "2 个部分，2 个方面，6 项任务，7 个单位；1 项待补充"
    assert dialog.issuer_label.text() == "某省人民政府办公厅 2017-03-01"
    rows = range(dialog.problems_model.rowCount())
    problems = [dialog.problems_model.item(r).text() for r in rows]
    assert len(problems) == 1 and problems[0].startswith("第 30 行：无法识别这项任务的分工单位")
    assert dialog.ok_button.isEnabled()
    assert dialog.validate() is None


def test_import_of_a_file_that_is_no_plan_says_why(
    qtbot: QtBot,
    zh_app: object,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("会议纪要\n今天开会讨论了很多事情。\n", encoding="utf-8")
    dialog = PlanImportDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview_ready, timeout=10_000):
        dialog.set_data(bad)
    assert "不像是一份重点任务分工方案" in dialog.state_label.text()
    assert not dialog.ok_button.isEnabled()
    assert dialog.validate() == "请先选择一个可以读取的方案文件。"


def test_import_confirm_adds_a_second_plan_to_the_tree(
    qtbot: QtBot,
    window: MainWindow,
    second_plan_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def confirm(self: PlanImportDialog) -> int:
        qtbot.waitUntil(lambda: self.data() is not None, timeout=10_000)
        self.ok_button.click()
        return int(self.result())

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(messages, "choose_plan_file", lambda *_a: second_plan_file)
    monkeypatch.setattr(PlanImportDialog, "exec", confirm)
    with qtbot.waitSignal(window.plans_reloaded, timeout=10_000):
        window.menu_actions.import_plan.trigger()
    assert len(asked) == 1 and "还有 1 项任务" in asked[0]  # 导入 asked while flags remain
    plans = window.model.plan_nodes()
    # The unreadable task 6 is imported too, never silently left out.
    assert [p.task_count for p in plans] == [60, 6]
    assert plans[1].label == "某省推进质量强省建设重点任务分工方案"
    selected = window.selected_node()
    assert selected is not None and selected.id == plans[1].id
    assert "某省推进质量强省建设" in window.plan_label.text()
    assert "显示任务：66/66" in window.count_label.text()
    # Task 4 sits directly under 二、 (a section without subsections).
    section = plans[1].children[1]
    assert [c.label[:2] for c in section.children] == ["4.", "5.", "6."]

    # The same file again is refused with words, not a traceback.
    shown: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: shown.append(text))
    window.menu_actions.import_plan.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == ["这份方案已经导入过了：某省推进质量强省建设重点任务分工方案"]


def test_unit_tab_groups_a_units_tasks_by_role(window: MainWindow, store: Store) -> None:
    window.set_installation(store.set_office("省公安厅"))
    window.menu_actions.my_unit.trigger()
    assert window.tabs.currentIndex() == TAB_UNITS
    view = window.unit_view
    assert view.current_unit_id() == store.find_unit_id("省公安厅")
    assert view.task_ids() == {"负责（3 项）": [20, 23, 25]}
    assert view.unit_title.text() == "省公安厅：共 3 项任务"

    ipo = store.find_unit_id("省知识产权局")
    expected: dict[str, list[int]] = {}
    for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATE):
        numbers = [
            t.number
            for t in store.plan_view().all_tasks()
            if any(a.unit_id == ipo and a.role is role for a in t.assignments)
        ]
        if numbers:
            expected[f"{role.value}（{len(numbers)} 项）"] = numbers
    assert view.select_unit(ipo)
    assert view.task_ids() == expected
    lead_group = view.tasks_model.item(0, 0)
    view.task_tree.setCurrentIndex(lead_group.child(0, 0).index())
    first_lead = expected[next(iter(expected))][0]
    assert window.detail.title.text() == f"任务 {first_lead}"


def test_first_run_dialog_sets_this_pcs_unit(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "本机：未设置" in window.office_label.text()

    def choose(self: OfficeDialog) -> int:
        assert self.unit_box.findText("省公安厅") >= 0
        self.set_data(OfficeChoice("省公安厅"))
        self.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(OfficeDialog, "exec", choose)
    window.menu_actions.set_office.trigger()
    assert store.installation().unit_name == "省公安厅"
    assert "本机：省公安厅" in window.office_label.text()
    assert window.menu_actions.my_unit.isEnabled()


def test_office_dialog_offers_the_coordinating_office(qtbot: QtBot, zh_app: object) -> None:
    dialog = OfficeDialog(["省公安厅", "省法院"])
    qtbot.addWidget(dialog)
    dialog.office_radio.setChecked(True)
    assert not dialog.unit_box.isEnabled()
    assert dialog.data() == OfficeChoice(None, coordinating_office=True)
    empty = OfficeDialog([])
    qtbot.addWidget(empty)
    assert empty.validate() == "请选择本机所属的单位，或选择协调办公室。"
