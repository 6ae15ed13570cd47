"""The window on the office's server: where the data lives, other desks' entries shown
without a restart (已更新), an edit made elsewhere never overwritten, 连接到服务器…."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from domain.enums import ProgressStatus
from domain.records import ProgressInput
from models.locations import ServerAddress, parse_location
from models.store import Store
from tests.pg_cluster import ROLE, Cluster, free_port
from ui import settings as keys
from ui.app import GuiSession
from ui.common import messages
from ui.main_window import MainWindow
from ui.progress.dialog import ProgressDialog
from ui.server import watcher
from ui.server.connect_dialog import ConnectDialog
from ui.units.office_dialog import OfficeChoice, OfficeDialog

from ..conftest import MakeWindow, type_text

pytestmark = [pytest.mark.gui, pytest.mark.postgresql]

Save = QDialogButtonBox.StandardButton.Save


def entry(store: Store, percent: int, parent: str | None = None, who: str = "") -> ProgressInput:
    import datetime as dt

    return ProgressInput(
        task_id=store.find_task_id(None, 20),
        unit_id=store.find_unit_id("省公安厅"),
        status=ProgressStatus.IN_PROGRESS,
        percent=percent,
        report_date=dt.date(2026, 5, 1),
        work_done=f"{who}录入的进展",
        reporter=who,
        parent_revision_id=parent,
        reason="补充情况" if parent else "",
    )


@pytest.fixture
def desks(pg_url: str) -> Iterator[tuple[Store, Store]]:
    """Two clerks' desks on one server database (the office's installation)."""
    first = Store.open(pg_url)
    first.set_office(None, coordinating_office=True)
    second = Store.open(pg_url)
    yield first, second
    first.close()
    second.close()


def test_two_desks_see_each_other_and_an_edit_made_elsewhere_is_kept(
    qtbot: QtBot,
    make_window: MakeWindow,
    desks: tuple[Store, Store],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(watcher, "POLL_MS", 100)
    desk_a, desk_b = desks
    window_a: MainWindow = make_window(desk_a)
    window_b: MainWindow = make_window(desk_b)
    assert window_a.change_watcher.active and window_b.change_watcher.active
    name = desk_a.path.database  # type: ignore[union-attr]
    assert window_a.db_label.text() == f"数据：服务器 {name} @ 127.0.0.1:{desk_a.path.port}"  # type: ignore[union-attr]
    assert "多台电脑共用" in window_a.db_label.toolTip()
    assert window_a.status_labels.updated_label.isHidden()

    # Clerk B saves a report; clerk A's window shows it by itself, marked 已更新.
    first = desk_b.record_progress(entry(desk_b, 30, who="李四"))
    qtbot.waitUntil(lambda: not window_a.status_labels.updated_label.isHidden(), timeout=10_000)
    assert window_a.status_labels.updated_label.text().startswith("已更新 ")
    assert window_a.select_task_number(20)
    assert window_a.detail.history_model.rowCount() == 1
    window_a.detail.history_view.selectRow(0)
    assert window_a.detail.selected_revision() == first

    # B edits that report while A is about to: A's save is refused with words, A's typing
    # stays in the reopened dialog, and saving again makes an edit of B's version.
    newer = desk_b.record_progress(entry(desk_b, 50, parent=first.revision_id, who="李四"))
    typed: list[str] = []

    def run(self: ProgressDialog) -> int:
        typed.append(self.work_done.toPlainText())
        if len(typed) == 1:
            self.work_done.clear()
            type_text(self.work_done, "王五补充的情况")
            type_text(self.reason, "补充情况")  # an edit says why
        self.buttons.button(Save).click()
        return int(self.result())

    errors: list[str] = []
    monkeypatch.setattr(ProgressDialog, "exec", run)
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: errors.append(text))
    qtbot.mouseClick(window_a.detail.edit_button, Qt.MouseButton.LeftButton)
    assert len(errors) == 1 and "已被他人修改并保存" in errors[0] and "李四" in errors[0]
    assert typed == ["李四录入的进展", "王五补充的情况"]  # nothing typed was lost
    history = desk_a.progress_history(first.task_id)
    assert [r.work_done for r in history] == ["王五补充的情况", "李四录入的进展", "李四录入的进展"]
    assert history[0].parent_revision_id == newer.revision_id  # no silent fork
    for window in (window_a, window_b):  # no poll in flight while the fixtures drop the data
        window.change_watcher.watch(None)


def test_a_server_gone_before_the_reload_is_said_and_tried_again(
    qtbot: QtBot,
    make_window: MakeWindow,
    desks: tuple[Store, Store],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(watcher, "POLL_MS", 100)
    desk_a, desk_b = desks
    window: MainWindow = make_window(desk_a)
    reloads: list[str] = []
    real_reload = window.reload

    def reload_fails_once() -> None:
        if not reloads:
            reloads.append("failed")
            raise ConnectionError("server restarting")
        reloads.append("done")
        real_reload()

    monkeypatch.setattr(window, "reload", reload_fails_once)
    desk_b.record_progress(entry(desk_b, 30, who="李四"))
    # The failed reload is said in the status bar, not raised out of the poll ...
    qtbot.waitUntil(lambda: reloads == ["failed"], timeout=10_000)
    assert "暂时连不上数据库服务器" in window.statusBar().currentMessage()
    # ... and the change is still seen at the next tick, then shown.
    qtbot.waitUntil(lambda: not window.status_labels.updated_label.isHidden(), timeout=10_000)
    assert reloads == ["failed", "done"]
    window.change_watcher.watch(None)  # no poll in flight while the fixtures drop the data


def test_a_file_says_so_and_is_not_polled(
    make_window: MakeWindow, store: Store, db_path: Path
) -> None:
    window: MainWindow = make_window(store)
    assert window.db_label.text() == f"数据：本机 {db_path.name}"
    assert not window.change_watcher.active


def test_connect_dialog_tests_the_connection(
    qtbot: QtBot, zh_app: QApplication, pg_cluster: Cluster, pg_url: str
) -> None:
    address = parse_location(pg_url)
    assert isinstance(address, ServerAddress)
    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.host_edit.setText("127.0.0.1")
    dialog.port_spin.setValue(pg_cluster.port)
    dialog.database_edit.setText(address.database)
    dialog.user_edit.setText(ROLE)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
    assert dialog.result_label.text().startswith("连接成功：PostgreSQL ")
    assert dialog.data() == address
    dialog.port_spin.setValue(free_port())
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert "连不上数据库服务器" in dialog.result_label.text()
    dialog.host_edit.clear()
    dialog.accept()
    assert (
        dialog.result() != QDialog.DialogCode.Accepted and "服务器地址" in dialog.error_label.text()
    )


def test_switching_to_the_server_and_back_remembers_no_password(
    qtbot: QtBot,
    zh_app: QApplication,
    db_path: Path,
    qt_settings: QSettings,
    pg_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def choose(self: OfficeDialog) -> int:
        self.set_data(OfficeChoice("省公安厅"))
        self.accept()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(OfficeDialog, "exec", choose)
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    session = GuiSession(zh_app, db_path, qt_settings)
    session.start()
    window = session.window
    assert window is not None
    with qtbot.waitSignal(window.plans_reloaded, timeout=20_000):
        pass
    address = parse_location(pg_url)
    assert isinstance(address, ServerAddress)
    with_password = address.with_password("not-needed-here")
    try:
        with qtbot.waitSignal(window.plans_reloaded, timeout=20_000):
            window.database_change_requested.emit(with_password)
        qtbot.waitUntil(lambda: window.db_label.text().startswith("数据：服务器"), timeout=5000)
        assert window.store is not None and window.store.on_server
        saved = keys.remembered_server(qt_settings)
        assert saved == address.display() and "not-needed-here" not in saved
        qt_settings.sync()
        settings_text = Path(qt_settings.fileName()).read_text(encoding="utf-8")
        assert "not-needed-here" not in settings_text
        with qtbot.waitSignal(window.plans_reloaded, timeout=20_000):
            window.database_change_requested.emit(db_path)
        assert window.db_label.text() == f"数据：本机 {db_path.name}"
        assert keys.remembered_server(qt_settings) == ""
    finally:
        window.close()
        session._on_quit()


def test_a_server_with_an_older_schema_is_upgraded_only_after_the_clerk_agrees(
    qtbot: QtBot,
    zh_app: QApplication,
    qt_settings: QSettings,
    pg_empty_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from models.database import KNOWN_REVISIONS, SCHEMA_HEAD, create_engine_for, migrate_connection
    from tests.exchange.offices import query

    engine = create_engine_for(pg_empty_url)
    with engine.begin() as conn:
        migrate_connection(conn, KNOWN_REVISIONS[-2])  # what the older Duban left
    engine.dispose()
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(OfficeDialog, "exec", lambda self: int(QDialog.DialogCode.Rejected))
    monkeypatch.setattr(MainWindow, "show", lambda self: None)
    session = GuiSession(zh_app, parse_location(pg_empty_url), qt_settings)
    session.start()
    window = session.window
    assert window is not None
    try:
        with qtbot.waitSignal(window.plans_reloaded, timeout=30_000):
            pass
        assert len(asked) == 1 and f"需要 {SCHEMA_HEAD} 版" in asked[0]
        assert "影响所有连接这台服务器的电脑" in asked[0]
        assert query(pg_empty_url, "SELECT version_num FROM alembic_version") == [[SCHEMA_HEAD]]
        assert window.db_label.text().startswith("数据：服务器")
    finally:
        window.close()
        session._on_quit()
