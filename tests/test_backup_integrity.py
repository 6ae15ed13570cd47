"""Backups that survive a wrong clock, failed copies, and restores of planted files.

The clock is injected (``models.backup_files.clock``), never the system's: a dead CMOS battery
sets a PC back to 2001, and a clock corrected after running fast goes back by hours.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

import models.backup_files
import models.database
from exchange.service import import_file
from models.backups import BackupError, backups, check_backup, restore_backup
from models.database import BACKUPS_KEPT, backup_database, backups_dir
from models.errors import StoreError
from models.store import Store
from tests.exchange.offices import export, office, report, trust_each_other


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _percents(store: Store, task: int) -> list[int]:
    view = store.plan_view().task_by_number(task)
    assert view is not None
    return sorted(p.percent for p in view.current_progress)


@pytest.fixture
def set_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dt.datetime]]:
    """``now[0]`` is what the backup code reads as the time; each read advances 1 ms."""
    now = [dt.datetime(2026, 11, 26, 15, 30)]

    def clock() -> dt.datetime:
        now[0] += dt.timedelta(milliseconds=1)
        return now[0]

    monkeypatch.setattr(models.backup_files, "clock", clock)
    yield now


def test_with_the_clock_set_back_the_copy_just_made_is_kept(
    tmp_path: Path, set_clock: list[dt.datetime]
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    for _ in range(BACKUPS_KEPT):
        backup_database(coord.path, reason="before-migration")
    set_clock[0] = dt.datetime(2001, 1, 1, 0, 0)  # the CMOS battery died

    report(police, 23, "省公安厅", 30)
    outcome = import_file(coord, export(police, tmp_path / "usb"))
    assert outcome.report is not None and outcome.report.backup_path
    before_import = Path(outcome.report.backup_path)
    assert before_import.exists()
    listed = backups(coord.path)
    assert len(listed) == BACKUPS_KEPT
    assert listed[0].path == before_import and listed[0].reason == "before-import"
    with Store.open(before_import, seed_default_plan=False) as old:
        assert _percents(old, 23) == []

    # Restoring it: the before-restore copy exists, opens, and holds the imported report.
    coord.close()
    saved = restore_backup(coord.path, before_import)
    assert saved is not None and saved.exists()
    assert backups(coord.path)[0].path == saved
    assert before_import.exists()  # still one of the kept five
    assert _percents(coord, 23) == []
    with Store.open(saved, seed_default_plan=False) as undo:
        assert _percents(undo, 23) == [30]
    coord.close()
    restore_backup(coord.path, saved)  # and back again: nothing was lost
    assert _percents(coord, 23) == [30]


def test_a_clock_corrected_backwards_by_hours_keeps_creation_order(
    store: Store, set_clock: list[dt.datetime]
) -> None:
    made = []
    for n in range(BACKUPS_KEPT + 3):
        set_clock[0] = dt.datetime(2026, 11, 26, 23 - n, 0)  # each copy "earlier" than the last
        made.append(backup_database(store.path, reason="before-import"))
    assert [i.path for i in backups(store.path)] == list(reversed(made[-BACKUPS_KEPT:]))


def test_a_failed_backup_leaves_no_file_and_says_so(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(BACKUPS_KEPT):
        backup_database(store.path, reason="before-import")
    kept = [i.path for i in backups(store.path)]
    real_connect = sqlite3.connect

    class FullDisk:
        def __init__(self, conn: sqlite3.Connection) -> None:
            self._conn = conn

        def backup(self, target: sqlite3.Connection) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        def close(self) -> None:
            self._conn.close()

        def __getattr__(self, name: str) -> object:
            return getattr(self._conn, name)

    def connect(target: object, *args: object, **kwargs: object) -> object:
        conn = real_connect(target, *args, **kwargs)  # type: ignore[arg-type]
        return FullDisk(conn) if str(target) == str(store.path) else conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(StoreError) as info:
        backup_database(store.path, reason="before-import")
    monkeypatch.undo()
    assert info.value.code == "disk_full"
    assert [i.path for i in backups(store.path)] == kept  # the five good ones untouched
    leftovers = [p for p in backups_dir(store.path).iterdir() if p not in kept]
    assert leftovers == []


def test_zero_byte_leftovers_never_count_as_kept_backups(store: Store) -> None:
    folder = backups_dir(store.path)
    good = [backup_database(store.path, reason="before-import") for _ in range(BACKUPS_KEPT)]
    empty = folder / (good[-1].name.replace("before-import", "before-migration"))  # type: ignore[union-attr]
    empty = empty.with_name("duban-29991231-235959-999999-before-import.sqlite")
    empty.write_bytes(b"")
    listed = [i.path for i in backups(store.path)]
    assert empty not in listed and listed == list(reversed(good))
    newest = backup_database(store.path, reason="before-import")
    assert [i.path for i in backups(store.path)][0] == newest
    assert not empty.exists()


def test_an_import_refused_for_a_failed_backup_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    path = export(police, tmp_path / "usb")

    def no_room(*_args: object, **_kwargs: object) -> None:
        raise StoreError("disk_full", str(coord.path))

    monkeypatch.setattr("models.store_exchange.backup_database", no_room)
    with pytest.raises(StoreError):
        import_file(coord, path)
    monkeypatch.undo()
    assert _percents(coord, 23) == []


# --- restore checks a backup as strictly as an exchange file ---------------------------


def _planted_trigger(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE TRIGGER rewrite AFTER INSERT ON progress_revisions BEGIN "
        "UPDATE progress_revisions SET work_done = '已完成' WHERE revision_id = NEW.revision_id; "
        "END"
    )
    conn.commit()
    conn.close()


def _planted_view(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW everything AS SELECT * FROM progress_revisions")
    conn.commit()
    conn.close()


def _look_alike(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    for table in ("installation", "plans", "progress_revisions"):
        conn.execute(f"CREATE TABLE {table} (x TEXT)")
    conn.execute("CREATE TABLE alembic_version (version_num TEXT)")
    conn.execute(f"INSERT INTO alembic_version VALUES ('{models.database.SCHEMA_HEAD}')")
    conn.commit()
    conn.close()


def _extra_column(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE progress_revisions ADD COLUMN note TEXT")
    conn.commit()
    conn.close()


def _extra_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE stash (x TEXT)")
    conn.commit()
    conn.close()


def _two_installations(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    row = conn.execute("SELECT * FROM installation").fetchone()
    marks = ", ".join("?" for _ in row)
    conn.execute(
        f"INSERT INTO installation VALUES ({marks})",
        ("00000000-0000-4000-8000-000000000000", *row[1:]),
    )
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("spoil", "code"),
    [
        (_planted_trigger, "not_a_duban_database"),
        (_planted_view, "not_a_duban_database"),
        (_look_alike, "not_a_duban_database"),
        (_extra_column, "not_a_duban_database"),
        (_extra_table, "not_a_duban_database"),
        (_two_installations, "not_a_duban_database"),
    ],
)
def test_planted_and_look_alike_backups_are_refused(store: Store, spoil, code: str) -> None:  # type: ignore[no-untyped-def]
    bad = backup_database(store.path, reason="before-import")
    assert bad is not None
    spoil(bad)
    store.close()
    before = _digest(store.path)
    with pytest.raises(BackupError) as caught:
        restore_backup(store.path, bad)
    assert caught.value.code == code
    assert _digest(store.path) == before
    with pytest.raises(BackupError):
        check_backup(bad)


def test_a_genuine_backup_passes_the_strict_check(store: Store) -> None:
    good = backup_database(store.path, reason="before-import")
    assert good is not None
    assert check_backup(good) == models.database.SCHEMA_HEAD


def test_another_pcs_database_is_restored_only_when_the_clerk_says_so(tmp_path: Path) -> None:
    here = office(tmp_path, "here", "省公安厅")
    other = office(tmp_path, "other", "哈尔滨海关")
    report(other, 25, "哈尔滨海关", 70)
    other.close()
    foreign = tmp_path / "other-copy.sqlite"
    shutil.copy(other.path, foreign)
    here.close()
    before = _digest(here.path)
    with pytest.raises(BackupError) as caught:
        restore_backup(here.path, foreign)
    assert caught.value.code == "other_installation"
    assert "哈尔滨海关" in caught.value.detail
    assert _digest(here.path) == before
    own_id = here.installation().id
    here.close()
    saved = restore_backup(here.path, foreign, allow_other_installation=True)
    assert saved is not None and saved.exists()
    assert here.installation().id != own_id
    assert _percents(here, 25) == [70]


def test_cli_refuses_another_pcs_database_with_what_to_do(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    here, there = tmp_path / "here.sqlite", tmp_path / "there.sqlite"
    assert cli("office", "--db", str(here), "--unit", "省公安厅").code == 0
    assert cli("office", "--db", str(there), "--unit", "哈尔滨海关").code == 0
    refused = cli("backup", "--db", str(here), "--restore", str(there))
    assert refused.code == 1 and "哈尔滨海关" in refused.err and "--other-pc" in refused.err
    assert "当前数据未作改动" in refused.err
    done = cli("backup", "--db", str(here), "--restore", str(there), "--other-pc")
    assert done.code == 0, done.err
    assert "恢复前的数据已另存为" in done.out
