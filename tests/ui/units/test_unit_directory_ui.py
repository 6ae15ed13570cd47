"""督办 → 单位名录…: the office ticks a suggested pair, picks the name to count under and
declares them one unit with a reason (refused without one); the window then lists one
unit; a unit's PC sees the directory read-only and finds its tasks under the new name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from domain.exchange_records import ExportScope
from exchange.service import export_to
from models.store import Store
from plan_parser import parse_plan_text
from tests.exchange.offices import import_all, office, trust_each_other
from tests.store.test_unit_directory import LONG, PLAN2, SHORT
from tests.ui.conftest import MakeWindow
from ui.units import directory_commands
from ui.units.directory_dialog import COL_CANONICAL, COL_NAME, UnitDirectoryDialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def _row(dialog: UnitDirectoryDialog, name: str) -> int:
    model = dialog.units_model
    return next(r for r in range(model.rowCount()) if model.item(r, COL_NAME).text() == name)


def _unit_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.unit_view.units_model
    return [model.item(r).text() for r in range(model.rowCount())]


def test_office_declares_from_a_suggestion_and_the_window_counts_one_unit(
    make_window: MakeWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set_office(None, coordinating_office=True)
    store.import_plan(parse_plan_text(PLAN2))
    window = make_window(store)
    assert window.menu_actions.unit_directory.isEnabled()
    assert any(SHORT in name for name in _unit_names(window))
    seen: list[UnitDirectoryDialog] = []

    def run(dialog: UnitDirectoryDialog) -> int:
        seen.append(dialog)
        assert dialog.declare_button.isVisible() or not dialog.isVisible()
        groups = [dialog.suggestions.item(i) for i in range(dialog.suggestions.count())]
        pair = next(item for item in groups if SHORT in item.text() and LONG in item.text())
        dialog.suggestions.itemClicked.emit(pair)
        assert sorted(dialog.checked_names()) == sorted([SHORT, LONG])
        assert dialog.canonical_box.currentText() == LONG  # the full name is offered first
        dialog.declare_button.click()  # no reason yet: refused, nothing written
        assert "原因" in dialog.error_label.text() and store.unit_directory().entries == ()
        dialog.find.setText("省发")  # the table shows only matching names; ticks stay
        shown = [
            r for r in range(dialog.units_model.rowCount()) if not dialog.units_table.isRowHidden(r)
        ]
        assert {dialog.units_model.item(r, COL_NAME).text() for r in shown} == {SHORT, LONG}
        assert sorted(dialog.checked_names()) == sorted([SHORT, LONG])
        dialog.find.clear()
        dialog.reason.setText("同一单位的简称与全称")
        dialog.declare_button.click()
        row = _row(dialog, SHORT)
        assert dialog.units_model.item(row, COL_CANONICAL).text() == LONG
        assert dialog.tabs.tabText(1) == "认定记录（1）"
        assert dialog.checked_names() == [] and dialog.reason.text() == ""
        # 撤销 needs the alias selected, and a reason.
        dialog.units_table.selectRow(_row(dialog, LONG))
        assert not dialog.undo_button.isEnabled()
        dialog.units_table.selectRow(row)
        assert dialog.undo_button.isEnabled()
        return 0

    monkeypatch.setattr(UnitDirectoryDialog, "exec", run)
    directory_commands.open_unit_directory(window)
    assert len(seen) == 1
    names = _unit_names(window)
    assert not any(SHORT in name and LONG not in name for name in names)
    assert any(LONG in name for name in names)


def test_a_units_pc_sees_the_directory_read_only_and_its_tasks_under_the_new_name(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coord = office(tmp_path, "coord", None)
    fgw = office(tmp_path, "fgw", SHORT)
    for store in (coord, fgw):
        store.import_plan(parse_plan_text(PLAN2))
    trust_each_other(coord, fgw)
    coord.declare_same_unit([SHORT, LONG], LONG, "简称")
    usb = tmp_path / "usb"
    usb.mkdir()
    import_all(fgw, *[export_to(coord, usb, ExportScope.ALL, plan_id=p.id) for p in coord.plans()])
    window = make_window(fgw)
    assert window.installation is not None
    assert window.installation.home_unit_name == LONG
    assert window.office_label.text() == f"本机：{SHORT}（即{LONG}）"
    window.unit_view.select_my_unit()
    assert window.unit_view.current_unit_id() == window.installation.counted_unit_id

    def run(dialog: UnitDirectoryDialog) -> int:
        assert not dialog.declare_button.isVisibleTo(dialog)
        assert not dialog.reason.isVisibleTo(dialog)
        item = dialog.units_model.item(_row(dialog, SHORT), COL_NAME)
        assert not item.isCheckable()
        assert dialog.units_model.item(_row(dialog, SHORT), COL_CANONICAL).text() == LONG
        return 0

    monkeypatch.setattr(UnitDirectoryDialog, "exec", run)
    directory_commands.open_unit_directory(window)
    coord.close()


def test_the_dialog_fits_1366x768_and_nothing_clips(
    zh_app: QApplication, store: Store, tmp_path: Path
) -> None:
    store.set_office(None, coordinating_office=True)
    store.import_plan(parse_plan_text(PLAN2))
    store.declare_same_unit([SHORT, LONG], LONG, "同一单位的简称与全称")
    dialog = UnitDirectoryDialog(store.unit_directory())
    dialog.resize(900, 640)
    dialog.show()
    zh_app.processEvents()
    assert dialog.width() <= 1366 and dialog.height() <= 768
    for button in (dialog.declare_button, dialog.undo_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    table = dialog.units_table
    header = table.horizontalHeader()
    for column in range(3):  # name, canonical, count: sized to their contents
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)
    assert dialog.intro.height() >= dialog.intro.heightForWidth(dialog.intro.width())
    # The view shows every name (a model filled with its signals blocked showed none).
    assert table.model().rowCount() == len(store.unit_directory().units) > 10
    assert table.rowViewportPosition(table.model().rowCount() - 1) > 0
    assert table.visualRect(table.model().index(0, COL_NAME)).height() > 0
    dialog.grab().save(str(tmp_path / "unit-directory.png"))
    if shots := os.environ.get("DUBAN_SHOTS"):  # a look by hand: DUBAN_SHOTS=/tmp/shots
        dialog.grab().save(str(Path(shots) / "unit-directory.png"))
    assert dialog.units_model.item(0, COL_NAME).checkState() == Qt.CheckState.Unchecked
    dialog.close()


def test_a_units_pc_reports_and_edits_on_a_task_naming_its_unit_the_other_way(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox

    from ui.progress.dialog import ProgressDialog

    coord = office(tmp_path, "coord", None)
    fgw = office(tmp_path, "fgw", SHORT)
    for store in (coord, fgw):
        store.import_plan(parse_plan_text(PLAN2))
    trust_each_other(coord, fgw)
    coord.declare_same_unit([SHORT, LONG], LONG, "简称")
    usb = tmp_path / "usb"
    usb.mkdir()
    import_all(fgw, *[export_to(coord, usb, ExportScope.ALL, plan_id=p.id) for p in coord.plans()])
    window = make_window(fgw)
    units_offered: list[list[str]] = []

    def fill_and_save(fill):  # type: ignore[no-untyped-def]
        def run(dialog: ProgressDialog) -> int:
            units_offered.append(
                [dialog.unit_box.itemText(i) for i in range(dialog.unit_box.count())]
            )
            fill(dialog)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
            assert dialog.error_label.isHidden(), dialog.error_label.text()
            return int(QDialog.DialogCode.Accepted)

        monkeypatch.setattr(ProgressDialog, "exec", run)

    def new(dialog: ProgressDialog) -> None:
        dialog.work_done.setPlainText("已发布年度知识产权发展状况报告")
        dialog.reporter.setText("王五")

    fill_and_save(new)
    assert window.select_task_number(4)  # the embedded plan names 省发改委 here
    task_id = fgw.find_task_id(None, 4)
    window.commands.report(task_id)
    (first,) = fgw.progress_history(task_id)
    assert first.unit_name == SHORT and units_offered == [[LONG]]

    def edit(dialog: ProgressDialog) -> None:
        dialog.work_done.setPlainText("已发布年度知识产权发展状况报告并报省政府")
        dialog.reason.setText("补充报送情况")

    fill_and_save(edit)
    window.commands.edit(task_id, first.revision_id)
    latest, _ = fgw.progress_history(task_id)
    assert latest.parent_revision_id == first.revision_id and latest.unit_name == SHORT
    coord.close()
