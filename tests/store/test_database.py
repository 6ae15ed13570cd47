"""Opening files: seeding once, migrations, refusing newer or foreign files untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from models.database import KNOWN_REVISIONS, MIGRATIONS_DIR, list_backups
from models.errors import StoreError
from models.orm import Base
from models.store import Store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_first_open_seeds_and_later_opens_add_nothing(db_path: Path) -> None:
    with Store.open(db_path) as store:
        first = store.plans()
    with Store.open(db_path) as store:
        again = store.plans()
        view = store.plan_view()
    assert len(first) == len(again) == 1
    assert again[0].task_count == 60 and len(view.units()) == 27
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 60
    assert conn.execute("SELECT count(*) FROM assignments").fetchone()[0] == 251
    assert conn.execute("SELECT count(*) FROM installation").fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ids_are_the_same_on_every_pc(tmp_path: Path) -> None:
    with Store.open(tmp_path / "a.sqlite") as a, Store.open(tmp_path / "b.sqlite") as b:
        ta = [(t.id, t.path) for t in a.plan_view().all_tasks()]
        tb = [(t.id, t.path) for t in b.plan_view().all_tasks()]
        assert ta == tb
        assert a.installation().id != b.installation().id


def test_empty_file_is_migrated(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with Store.open(db_path) as store:
        assert store.plans()[0].task_count == 60


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = sha(db_path)
    with pytest.raises(StoreError) as info:
        Store.open(db_path)
    assert info.value.code == "database_too_new"
    assert "更新版本" in info.value.message_zh
    assert sha(db_path) == before


@pytest.mark.parametrize("content", [b"hello, not sqlite", b"SQLite format 3\x00" + b"\x00" * 50])
def test_foreign_file_refused(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(StoreError):
        Store.open(db_path)
    assert db_path.read_bytes() == content


def test_other_sqlite_database_is_refused(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = sha(db_path)
    with pytest.raises(StoreError) as info:
        Store.open(db_path)
    assert info.value.code == "not_a_duban_database" and sha(db_path) == before


def test_duban_tables_without_a_version_are_not_guessed_at(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE alembic_version")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = sha(db_path)
    with pytest.raises(StoreError) as info:
        Store.open(db_path)
    assert info.value.code == "not_a_duban_database"
    assert sha(db_path) == before and list_backups(db_path) == []


def test_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert tuple(revisions) == KNOWN_REVISIONS


def test_migrations_build_exactly_the_mapped_schema(db_path: Path) -> None:
    Store.open(db_path, seed_default_plan=False).close()
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_saved_0001_file_upgrades_in_place_after_a_backup(tmp_path: Path) -> None:
    """tests/data/schema-0001.sqlite was written by the first schema, with one report."""
    import shutil

    from models.database import SCHEMA_HEAD, schema_revision
    from tests.conftest import REPO_ROOT

    old = tmp_path / "old.sqlite"
    shutil.copy(REPO_ROOT / "tests" / "data" / "schema-0001.sqlite", old)
    assert schema_revision(old) == "0001"
    with Store.open(old) as store:
        task = store.plan_view().task_by_number(23)
        assert task is not None
        assert [(p.unit_name, p.percent, p.reporter) for p in task.current_progress] == [
            ("省公安厅", 30, "王喆")
        ]
        assert store.installation().unit_name == "省公安厅"
        assert len(store.plans()) == 1
    assert schema_revision(old) == SCHEMA_HEAD
    (backup,) = list_backups(old)
    assert schema_revision(backup) == "0001"
