"""Data safety: automatic backups (kept to the last few) and restoring one, refusing bad files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from exchange.service import import_file
from models.backups import BackupError, backups, check_backup, restore_backup
from models.database import BACKUPS_KEPT, SCHEMA_HEAD, backup_database, schema_revision
from models.store import Store
from tests.conftest import REPO_ROOT
from tests.exchange.offices import export, office, report


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def percents(store: Store, task: int) -> list[int]:
    view = store.plan_view().task_by_number(task)
    assert view is not None
    return sorted(p.percent for p in view.current_progress)


def test_only_the_newest_backups_are_kept(store: Store) -> None:
    made = [backup_database(store.path, reason="before-import") for _ in range(BACKUPS_KEPT + 3)]
    kept = [info.path for info in backups(store.path)]
    assert len(kept) == BACKUPS_KEPT
    assert kept == list(reversed(made[-BACKUPS_KEPT:]))  # newest first
    assert all(info.reason == "before-import" and info.made_at for info in backups(store.path))


def test_an_import_backs_up_the_database_first(tmp_path: Path) -> None:
    unit = office(tmp_path, "unit", "省公安厅")
    coord = office(tmp_path, "coord", None)
    report(unit, 23, "省公安厅", 30)
    path = export(unit, tmp_path / "usb")
    key = unit.own_key()
    inst = unit.installation()
    from domain.exchange_records import Sender

    coord.trust_key(Sender(inst.id, inst.name, inst.unit_id, "省公安厅", False), key.public_key,
                    key.fingerprint)  # fmt: skip
    assert backups(coord.path) == []
    outcome = import_file(coord, path)
    assert outcome.report is not None and outcome.report.new_revisions == 1
    (info,) = backups(coord.path)
    assert info.reason == "before-import"
    with Store.open(info.path, seed_default_plan=False) as before:
        assert percents(before, 23) == []  # the copy is the database as it was before


def test_restore_brings_back_the_data_and_backs_up_the_current_first(tmp_path: Path) -> None:
    store = office(tmp_path, "police", "省公安厅")
    report(store, 23, "省公安厅", 30)
    saved = backup_database(store.path, reason="before-import")
    assert saved is not None
    report(store, 20, "省公安厅", 60)
    store.close()
    before_restore = restore_backup(store.path, saved)
    assert before_restore is not None and before_restore.name.endswith("-before-restore.sqlite")
    assert percents(store, 23) == [30]  # the same Store object reconnects to the new content
    assert percents(store, 20) == []
    with Store.open(before_restore, seed_default_plan=False) as undo:
        assert percents(undo, 20) == [60]  # nothing is lost: the restore can be undone


def test_restoring_the_oldest_backup_survives_the_pruning(store: Store) -> None:
    for _ in range(BACKUPS_KEPT):
        backup_database(store.path, reason="before-import")
        time.sleep(0.001)
    oldest = backups(store.path)[-1].path
    restore_backup(store.path, oldest)  # its own before-restore copy prunes the oldest
    assert not oldest.exists()
    assert schema_revision(store.path) == SCHEMA_HEAD
    assert len(store.plans()) == 1


def test_an_older_schema_backup_is_restored_and_upgraded(store: Store, tmp_path: Path) -> None:
    old = tmp_path / "schema-0001.sqlite"
    shutil.copy(REPO_ROOT / "tests" / "data" / "schema-0001.sqlite", old)
    assert check_backup(old) == "0001"
    # The saved file was made on another PC (its own installation id): restored on purpose.
    restore_backup(store.path, old, allow_other_installation=True)
    assert schema_revision(store.path) == SCHEMA_HEAD
    assert [(p.unit_name, p.percent) for p in store.plan_view().task_by_number(23)
            .current_progress] == [("省公安厅", 30)]  # fmt: skip


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


def _other_sqlite(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()


def _damaged(path: Path) -> None:
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tasks'").fetchone()
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size  # the tasks table's root page: table data, not the schema
    data[start : start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "code"),
    [
        (lambda p: p.write_bytes(b"not a database at all"), "not_a_database"),
        (_other_sqlite, "not_a_duban_database"),
        (_newer, "database_too_new"),
        (_damaged, "damaged"),
        (lambda p: p.unlink(), "missing"),
    ],
)
def test_bad_backups_are_refused_and_change_nothing(store: Store, spoil, code: str) -> None:  # type: ignore[no-untyped-def]
    bad = backup_database(store.path, reason="before-import")
    assert bad is not None
    spoil(bad)
    store.close()
    before = digest(store.path)
    with pytest.raises(BackupError) as caught:
        restore_backup(store.path, bad)
    assert caught.value.code == code
    assert digest(store.path) == before
    assert [i.reason for i in backups(store.path)] in ([], ["before-import"])


def test_cli_lists_and_restores(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "duban.sqlite"
    assert cli("office", "--unit", "省公安厅", "--db", str(db)).code == 0
    saved = backup_database(db, reason="before-import")
    assert saved is not None
    added = cli("progress", "add", "--db", str(db), "--task", "23", "--unit", "省公安厅",
                "--status", "in_progress", "--percent", "40", "--text", "推进中",
                "--reporter", "张三")  # fmt: skip
    assert added.code == 0, added.err
    listed = cli("backup", "--list", "--db", str(db))
    assert listed.code == 0 and "导入交换文件前" in listed.out and saved.name in listed.out
    restored = cli("backup", "--restore", str(saved), "--db", str(db))
    assert restored.code == 0, restored.err
    assert "恢复前的数据已另存为" in restored.out
    plan = cli("plan", "--db", str(db), "--json").json()
    tasks = [t for s in plan["plans"][0]["sections"] for sub in s["subsections"]
             for t in sub["tasks"]]  # fmt: skip
    assert all(not t["progress"] for t in tasks)
    listed = cli("backup", "--list", "--db", str(db))
    assert "恢复备份前" in listed.out


def test_cli_refuses_a_foreign_file_with_a_clear_message(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "duban.sqlite"
    assert cli("office", "--unit", "省公安厅", "--db", str(db)).code == 0
    before = digest(db)
    junk = tmp_path / "照片.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a database")
    result = cli("backup", "--restore", str(junk), "--db", str(db))
    assert result.code == 1
    assert "不是 SQLite 数据库文件" in result.err and "当前数据未作改动" in result.err
    assert digest(db) == before
