"""The benchmarks still run: the data generator and each benchmark function on tiny sizes.

Nothing here is timed (timings live in ``python bench/run.py``); these tests only keep the
benchmark code working while the product changes under it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bench import (
    attachments_bench,
    datagen,
    exchange_bench,
    large_import_bench,
    sheets_bench,
    startup_bench,
)
from bench.common import Row, table
from models.store import Store

TINY = datagen.Sizes(plans=3, tasks=12, units=6, revisions=7)


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return datagen.build_store(tmp_path_factory.mktemp("bench") / "tiny.sqlite", TINY)


def test_plan_texts_parse_whole_and_differ() -> None:
    plans = [datagen.parsed_plan(i, TINY.tasks, TINY.units) for i in range(3)]
    assert [len(p.all_tasks()) for p in plans] == [TINY.tasks] * 3
    assert all(not p.problems and not p.non_task_items for p in plans)
    assert len({p.fingerprint for p in plans}) == 3
    units = {u.name for p in plans for t in p.all_tasks() for u in t.units}
    assert units <= set(datagen.UNIT_NAMES[: TINY.units])
    # Past 999 tasks the numbering restarts in each section (numbers have 3 digits).
    long_plan = datagen.parsed_plan(1, 1200)
    assert len(long_plan.all_tasks()) == 1200 and not long_plan.problems


def test_synthetic_store_holds_the_sizes_asked_for(tiny_store: Path) -> None:
    conn = sqlite3.connect(tiny_store)
    try:
        count = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("plans", "tasks", "progress_revisions", "known_installations")
        }
        chains_ok = conn.execute(
            "SELECT count(*) FROM progress_revisions c JOIN progress_revisions p "
            "ON p.revision_id = c.parent_revision_id "
            "WHERE p.report_id != c.report_id OR p.lamport >= c.lamport"
        ).fetchone()[0]
    finally:
        conn.close()
    assert count["plans"] == TINY.plans
    assert count["tasks"] == TINY.plans * TINY.tasks
    assert count["progress_revisions"] == TINY.plans * TINY.tasks * TINY.revisions
    assert count["known_installations"] == TINY.units
    assert chains_ok == 0  # every edit continues its report, later in Lamport order
    with Store.open(tiny_store) as store:
        views = store.plan_views()
        assert len(views) == TINY.plans
        assert all(t.current_progress for v in views for t in v.all_tasks())


def test_exchange_benchmark_imports_and_reimports(tiny_store: Path, tmp_path: Path) -> None:
    files = exchange_bench.make_unit_files(tiny_store, tmp_path, 2, 15)
    assert len(files) == 2
    subject = datagen.copy_store(tiny_store, tmp_path / "subject.sqlite")
    first, again = exchange_bench.product_import(subject, files, 15)
    floor = datagen.copy_store(tiny_store, tmp_path / "floor.sqlite")
    floor_first, floor_again = exchange_bench.floor_import(floor, files)
    assert min(first, again, floor_first, floor_again) > 0
    total = TINY.plans * TINY.tasks * TINY.revisions + 2 * 15
    for db in (subject, floor):
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("SELECT count(*) FROM progress_revisions").fetchone()[0] == total
        finally:
            conn.close()


def test_large_import_benchmark_imports_in_children(tiny_store: Path, tmp_path: Path) -> None:
    file, pem = large_import_bench.large_file(tiny_store, 60, tmp_path)
    for kind in ("child-import", "child-floor"):
        db = large_import_bench.trusted_copy(tiny_store, tmp_path / f"{kind}.sqlite", pem, file)
        result = large_import_bench.child(kind, db, file)
        assert result["new"] == 60 and result["seconds"] > 0 and result["peak_mb"] > 20, result
        conn = sqlite3.connect(db)
        try:
            total = conn.execute("SELECT count(*) FROM progress_revisions").fetchone()[0]
        finally:
            conn.close()
        assert total == TINY.plans * TINY.tasks * TINY.revisions + 60


def test_sheet_benchmarks_build_real_pdfs(tmp_path: Path) -> None:
    rows = sheets_bench.table_rows(12)
    assert rows["rows"][0] == ["序号", "任务内容", "牵头（负责）单位", "配合单位"]
    assert sum(len(r) == 4 for r in rows["rows"]) == 13  # the header and 12 tasks
    rows_file = tmp_path / "rows.json"
    rows_file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    bare = sheets_bench._child(["bare", "1", str(rows_file)])
    ours = sheets_bench._child(["plan_table", "1", "12"])
    units = sheets_bench._child(["all_units", "1"])
    for result in (bare, ours, units):
        assert result["pages"] >= 1 and len(result["samples"]) == 1
    assert units["pages"] > 20  # every unit of the seed plan from a new page


@pytest.mark.slow
def test_startup_benchmark_sees_both_windows(tiny_store: Path, tmp_path: Path) -> None:
    bare = startup_bench.bare(tmp_path)
    ours = startup_bench.duban(datagen.copy_store(tiny_store, tmp_path / "s.sqlite"), tmp_path)
    assert 0 < bare.painted and 0 < ours.painted <= (ours.filled or 0)
    assert ours.rss_mb > 0
    keys = startup_bench.filter_keystrokes(tiny_store, tmp_path)
    assert keys["tasks"] == TINY.plans * TINY.tasks
    # '37' is not a task number here; clearing the box shows every task again.
    assert keys["shown"][-1] == TINY.plans * TINY.tasks
    heavy, _top = startup_bench.heavy_imports(tiny_store, tmp_path)
    assert heavy == []


def test_results_table_judges_ratios_and_limits() -> None:
    rows = [
        Row("g", "fast enough", 1.2, "s", 1.0, "floor", max_ratio=1.3),
        Row("g", "too slow", 2.0, "s", 1.0, "floor", max_ratio=1.3),
        Row("g", "memory", 250.0, "MB", below=300.0),
        Row("g", "for reference", 0.1, "s"),
    ]
    assert [r.passed for r in rows] == [True, False, True, None]
    text = table(rows)
    assert "1.20×" in text and "**MISS**" in text and "info" in text


@pytest.mark.postgresql
def test_server_bench_moves_the_store_and_reads_the_dashboard(
    tiny_store: Path, pg_empty_url: str
) -> None:
    from bench import server_bench
    from models.locations import parse_location
    from models.server_migrate import migrate_to_server

    server = parse_location(pg_empty_url)
    report = migrate_to_server(tiny_store, server)  # type: ignore[arg-type]
    counts = {c.table: c.on_server for c in report.counts}
    assert counts["progress_revisions"] == TINY.plans * TINY.tasks * TINY.revisions
    assert server_bench.dashboard(server) > 0 and server_bench.dashboard(tiny_store) > 0


def test_history_benchmark_runs_on_a_short_long_history(tmp_path: Path) -> None:
    from bench import history_bench

    db = history_bench.long_history_store(40, tmp_path)
    conn = sqlite3.connect(db)
    try:
        counts = sorted(
            n for (n,) in conn.execute("SELECT count(*) FROM progress_revisions GROUP BY task_id")
        )
    finally:
        conn.close()
    assert counts == [3, 40]
    rows = history_bench.run(1, 40, tmp_path)
    assert [r.unit for r in rows] == ["s", "MB", "ms"]
    assert all(r.value > 0 for r in rows)
    assert "40 rows shown" in rows[2].note


def test_attachment_benchmark_exports_and_imports_in_children(tmp_path: Path) -> None:
    figures = attachments_bench.measure(2, 1, tmp_path)
    assert 1.9 < float(figures["total_mb"]) < 2.1  # type: ignore[arg-type]
    assert float(figures["file_mb"]) > 2.0  # type: ignore[arg-type]
    for key in ("export_s", "cp_evidence_s", "import_s", "cp_file_s"):
        assert float(figures[key]) > 0  # type: ignore[arg-type]
    assert 0 < float(figures["import_peak_mb"]) < 1000  # type: ignore[arg-type]
