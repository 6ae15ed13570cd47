"""The detail pane shows a long history a page at a time and says how much it left out."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from models.store import Store
from tests.exchange.offices import report
from ui.main_window import MainWindow

from ..conftest import MakeWindow


def test_newest_page_then_more_then_all(
    qtbot: QtBot, make_window: MakeWindow, store: Store, zh_app: object
) -> None:
    store.set_office("省公安厅")
    previous = None
    for percent in range(10, 80, 10):  # one report edited six times: 7 revisions
        previous = report(store, 20, "省公安厅", percent, parent=previous)
    window: MainWindow = make_window(store)
    window.detail.page_rows, window.detail.more_rows = 3, 2
    assert window.select_task_number(20)

    detail = window.detail
    percents = [detail.history_model.item(r, 3).text() for r in range(3)]
    assert detail.history_model.rowCount() == 3 and percents == ["70", "60", "50"]
    note = detail.history_note
    assert not note.isHidden()
    assert "仅显示最近 3 条，共 7 条。" in note.text()
    assert "再显示 2 条" in note.text() and "全部显示" in note.text()
    # The newest shown is still the one to edit, as before.
    assert detail.selected_revision() is not None
    assert detail.selected_revision().percent == 70  # type: ignore[union-attr]

    note.linkActivated.emit("5")  # 再显示 2 条
    assert detail.history_model.rowCount() == 5
    assert "仅显示最近 5 条，共 7 条。" in note.text() and "全部显示" not in note.text()

    note.linkActivated.emit("0")  # 全部显示
    assert detail.history_model.rowCount() == 7 and note.isHidden()
    assert detail.history_model.item(6, 3).text() == "10"
    assert [r.revision_id for r in detail._history] == [
        r.revision_id
        for r in store.progress_history(previous.task_id)  # type: ignore[union-attr]
    ]


def test_short_history_has_no_note(make_window: MakeWindow, store: Store, zh_app: object) -> None:
    store.set_office("省公安厅")
    report(store, 20, "省公安厅", 30)
    window: MainWindow = make_window(store)
    assert window.select_task_number(20)
    assert window.detail.history_model.rowCount() == 1
    assert window.detail.history_note.isHidden()
