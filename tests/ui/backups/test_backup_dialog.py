"""工具 → 恢复备份…: the list of backups, the confirmation, the restore and the reload."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from domain.enums import ProgressStatus
from domain.records import ProgressInput
from models.backups import BackupInfo, backups
from models.database import backup_database
from models.store import Store
from ui.backups.restore_dialog import BackupDialog
from ui.common import messages
from ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def add_progress(store: Store, task: int, percent: int) -> None:
    store.set_office("省公安厅")
    store.record_progress(
        ProgressInput(
            task_id=store.find_task_id(None, task),
            unit_id=store.find_unit_id("省公安厅"),
            status=ProgressStatus.IN_PROGRESS,
            percent=percent,
            report_date=dt.date(2026, 3, 1),
            work_done="推进中",
            reporter="张三",
            reason="数字更正",
        )
    )


def shown_percents(window: MainWindow, task: int) -> list[int]:
    store = window.store
    assert store is not None
    view = store.plan_view().task_by_number(task)
    assert view is not None
    return [p.percent for p in view.current_progress]


def test_dialog_lists_backups_newest_first_and_needs_a_choice(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    backup_database(store.path, reason="before-migration")
    backup_database(store.path, reason="before-import")
    dialog = BackupDialog(tmp_path, window)
    qtbot.addWidget(dialog)
    dialog.set_data(backups(store.path))
    rows = [
        [dialog.list.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.list.topLevelItemCount())
    ]
    assert [r[1] for r in rows] == ["导入交换文件前", "升级数据库结构前"]
    assert all(r[0].startswith(str(dt.date.today().year)) and r[2].endswith("KB") for r in rows)
    assert dialog.validate() == "请先选择要恢复的备份。"
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error_label.isVisibleTo(dialog)  # said, and not accepted without a choice
    assert dialog.error_label.text() == "请先选择要恢复的备份。" and dialog.result() == 0
    dialog.list.setCurrentItem(dialog.list.topLevelItem(1))
    chosen = dialog.data()
    assert isinstance(chosen, BackupInfo) and chosen.reason == "before-migration"
    assert dialog.validate() is None


def test_restore_from_the_tools_menu_reloads_the_window(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_progress(store, 23, 30)
    window.reload()
    saved = backup_database(store.path, reason="before-import")
    add_progress(store, 20, 60)
    window.reload()
    assert shown_percents(window, 20) == [60]
    action = window.menu_actions.restore_backup
    assert action.isEnabled() and action in window.menus["tools"].actions()

    picked: list[list[BackupInfo]] = []
    asked: list[str] = []
    said: list[str] = []

    def choose(_parent: object, _folder: Path, infos: list[BackupInfo]) -> BackupInfo:
        picked.append(infos)
        return next(i for i in infos if i.path == saved)

    monkeypatch.setattr(BackupDialog, "edit", choose)
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text: asked.append(text) or True)
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: said.append(text))
    with qtbot.waitSignal(window.backups.restored, timeout=10_000) as signal:
        action.trigger()
    assert "导入交换文件前" in asked[0] and "另存为一份备份" in asked[0]
    assert shown_percents(window, 20) == []  # the window shows the restored data
    assert shown_percents(window, 23) == [30]
    before_restore = signal.args[0]
    assert isinstance(before_restore, Path) and before_restore.exists()
    assert before_restore.name in said[0]
    assert window.isEnabled()
    reasons = [i.reason for i in backups(store.path)]
    assert reasons[0] == "before-restore"


def test_cancelling_the_confirmation_changes_nothing(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup_database(store.path, reason="before-import")
    add_progress(store, 20, 60)
    monkeypatch.setattr(BackupDialog, "edit", lambda *_a: backups(store.path)[0])
    monkeypatch.setattr(messages, "confirm", lambda *_a: False)
    window.menu_actions.restore_backup.trigger()
    assert shown_percents(window, 20) == [60]
    assert [i.path for i in backups(store.path)] == [saved]


def test_a_broken_backup_is_refused_with_a_message(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = backup_database(store.path, reason="before-import")
    assert saved is not None
    saved.write_bytes(b"garbage, not a database")
    add_progress(store, 20, 60)
    errors: list[str] = []
    monkeypatch.setattr(BackupDialog, "edit", lambda *_a: backups(store.path)[0])
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: errors.append(text))
    window.menu_actions.restore_backup.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "不是 SQLite 数据库" in errors[0] and "当前数据未作改动" in errors[0]
    assert window.isEnabled()
    assert shown_percents(window, 20) == [60]


def test_no_backups_yet_says_so(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(messages, "information", lambda _p, _t, text: said.append(text))
    window.menu_actions.restore_backup.trigger()
    assert said and "还没有备份" in said[0]


def test_another_pcs_database_is_restored_only_after_the_clerk_confirms_it(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = Store.open(tmp_path / "other.sqlite")
    other.set_office("哈尔滨海关")
    copied = backup_database(other.path, reason="before-import")
    other.close()
    assert copied is not None
    planted = backup_database(store.path, reason="before-import")  # a name in the folder
    assert planted is not None
    planted.write_bytes(copied.read_bytes())  # the other PC's database under it
    own_id = store.installation().id
    asked: list[str] = []
    answers = iter([True, False])  # "restore it?" yes; "it is another PC's: sure?" no
    monkeypatch.setattr(BackupDialog, "edit", lambda *_a: backups(store.path)[0])
    monkeypatch.setattr(
        messages, "confirm", lambda _p, _t, text: asked.append(text) or next(answers)
    )
    window.menu_actions.restore_backup.trigger()
    assert len(asked) == 2 and "另一台电脑" in asked[1] and "哈尔滨海关" in asked[1]
    assert store.installation().id == own_id  # nothing restored

    asked.clear()
    answers = iter([True, True])
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: errors.append(text))
    monkeypatch.setattr(messages, "information", lambda *_a: None)
    with qtbot.waitSignal(window.backups.restored, timeout=10_000):
        window.menu_actions.restore_backup.trigger()
    assert errors == []
    assert store.installation().id != own_id and store.installation().unit_name == "哈尔滨海关"
