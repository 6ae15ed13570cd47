"""migrate-to-server: everything from the office's SQLite file onto the server, counts
checked, the file untouched, and the office carries on from where it was."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from domain.schedule import Deadline
from models.errors import StoreError
from models.locations import ServerAddress, parse_location
from models.server_migrate import file_digest, migrate_to_server
from models.store import Store
from tests.exchange.offices import (
    database_digest,
    export,
    import_all,
    office,
    report,
    trust_each_other,
)

pytestmark = pytest.mark.postgresql


def office_file_with_history(tmp_path: Path) -> tuple[Path, Store]:
    """An office PC's file that has lived a while: a unit's imports, keys, plan changes,
    reports on behalf, a local setting; plus the unit's PC, which exports again later."""
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    import_all(coord, export(police, tmp_path / "usb1"))
    coord.set_deadline(Deadline(date=dt.date(2026, 6, 30)), task_id=coord.find_task_id(None, 23))
    report(coord, 25, "哈尔滨海关", 40)
    coord.set_warning_days(10)
    path = coord.path
    assert isinstance(path, Path)
    coord.close()
    return path, police


def test_everything_moves_the_file_stays_and_work_carries_on(
    tmp_path: Path, pg_empty_url: str
) -> None:
    source, police = office_file_with_history(tmp_path)
    before = file_digest(source)
    target = parse_location(pg_empty_url)
    assert isinstance(target, ServerAddress)
    result = migrate_to_server(source, target)
    assert result.file_unchanged and file_digest(source) == before
    counts = {c.table: (c.in_file, c.on_server) for c in result.counts}
    assert counts["progress_revisions"] == (2, 2) and counts["plan_changes"] == (1, 1)
    assert counts["import_log"] == (1, 1) and counts["installation_keys"][1] >= 2
    assert all(a == b for a, b in counts.values())
    # Row for row the same data, read from either engine.
    assert database_digest(target) == database_digest(source)

    with Store.open(source) as on_file, Store.open(target) as on_server:
        assert on_server.installation() == on_file.installation()
        assert on_server.warning_days() == 10
        # The office carries on: numbers continue, a new import gets a new log row.
        rev = report(on_server, 20, "省公安厅", 50)
        assert rev.author_seq == on_file.installation().next_seq
        report(police, 23, "省公安厅", 60)
        import_all(on_server, export(police, tmp_path / "usb2"))
        assert len(on_server.import_log()) == 2

    again = database_digest(target)
    with pytest.raises(StoreError) as info:
        migrate_to_server(source, target)
    assert info.value.code == "server_not_empty" and database_digest(target) == again


def test_the_command_line_prints_the_counts(cli, tmp_path: Path, pg_empty_url: str) -> None:  # type: ignore[no-untyped-def]
    source, _police = office_file_with_history(tmp_path)
    result = cli("migrate-to-server", "--db", str(source), "--to", pg_empty_url)
    assert result.code == 0, result.err
    assert "progress_revisions" in result.out and "逐表核对一致" in result.out
    assert "本机文件未作任何改动" in result.out
    status = cli("status", "--db", pg_empty_url, "--as-of", "2026-07-01", "--json")
    t23 = next(t for t in status.json()["tasks"] if t["number"] == 23)
    assert t23["light"] == "overdue" and t23["deadline"] == "2026-06-30"
    swapped = cli("migrate-to-server", "--db", pg_empty_url, "--to", str(source))
    assert swapped.code == 1 and "来源" in swapped.err


def test_the_server_knows_the_copied_tables_sizes_at_once(
    tmp_path: Path, pg_empty_url: str
) -> None:
    """Without statistics the server's planner scanned every revision for every plan (a
    10,000-task store read in 6.4 s instead of 1.4 s) until autovacuum came by."""
    import sqlalchemy as sa

    from models.database import create_engine_for

    source, _police = office_file_with_history(tmp_path)
    target = parse_location(pg_empty_url)
    assert isinstance(target, ServerAddress)
    migrate_to_server(source, target)
    engine = create_engine_for(target)
    try:
        with engine.connect() as conn:
            analyzed = conn.execute(
                sa.text("SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL")
            ).scalars()
            assert {"progress_revisions", "tasks", "plan_changes"} <= set(analyzed)
    finally:
        engine.dispose()
