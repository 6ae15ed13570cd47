"""Benchmark group "server": the office's PostgreSQL server against the SQLite file.

- **8 desks × 500 entries**: eight processes each record 500 progress entries at once
  through ``Store.record_progress`` into one database (the office's shared installation):
  entries per second, and how many were lost or numbered twice (must be 0). Baseline: the
  same eight processes on a SQLite file, in the same run.
- **Window start**: ``python main.py --db …`` on the synthetic store (10,000 tasks, 200,000
  revisions) moved onto the server with ``migrate-to-server``, launch to the plans shown
  (``bench/startup_bench.py``'s probe), against the same store as a file.
- **Dashboard**: every plan's status lights and figures as the 督办看板 computes them
  (``Store.lights`` + ``supervision.figures.plan_figures``), in-process, server vs file.

The server is a throwaway cluster (``tests/pg_cluster.py``); without PostgreSQL installed the
group says so and reports nothing. Ratios are server ÷ file, measured interleaved.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from sqlalchemy import text

from bench import datagen, startup_bench
from bench.common import Row, median_pair, timed
from models.database import create_engine_for
from models.locations import DatabaseLocation, parse_location
from models.server_migrate import migrate_to_server
from models.store import Store

GROUP = "server"
ROOT = Path(__file__).resolve().parents[1]
DESKS = 8
ENTRIES = 500

DESK = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from domain.enums import ProgressStatus
    from domain.records import ProgressInput
    from models.store import Store

    where, desk, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    busy = 0

    def patiently(action):
        # A file busy past SQLite's busy timeout: the clerk tries again (counted).
        global busy
        while True:
            try:
                return action()
            except Exception as exc:
                # The Store says it in a code of its own (StoreError "database_locked").
                locked = getattr(exc, "code", "") == "database_locked"
                if not locked and "database is locked" not in str(exc):
                    raise
                busy += 1

    store = patiently(lambda: Store.open(where))
    view = patiently(store.plan_view)
    jobs = [(t.id, a.unit_id) for t in view.all_tasks() for a in t.assignments][desk::8]
    Path(f"{go}.ready{desk}").touch()
    while not go.exists():
        time.sleep(0.002)
    for i in range(count):
        task, unit = jobs[i % len(jobs)]
        entry = ProgressInput(
            task_id=task, unit_id=unit, status=ProgressStatus.IN_PROGRESS, percent=i % 100,
            report_date=dt.date(2026, 5, 1), work_done=f"desk{desk}-entry{i}",
            reporter=f"desk{desk}", reason="重新核定进度")
        patiently(lambda: store.record_progress(entry))
    store.close()
    print(busy)
    """
)


def desks_at_once(where: DatabaseLocation, entries: int, folder: Path) -> tuple[float, int, int]:
    """Seconds for ``DESKS`` processes × ``entries`` each; lost + duplicated numbers; and
    how often a desk found the file busy past the Store's wait budget (retried)."""
    with Store.open(where) as store:
        store.set_office(None, coordinating_office=True)
    go = folder / f"go-{time.monotonic_ns()}"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", DESK, str(where), str(d), str(entries), str(go)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for d in range(DESKS)
    ]
    while not all(Path(f"{go}.ready{d}").exists() for d in range(DESKS)):
        if any(p.poll() not in (None, 0) for p in procs):
            raise RuntimeError(procs[0].communicate()[1][-2000:])
        time.sleep(0.01)
    started = time.perf_counter()
    go.touch()
    busy = 0
    for proc in procs:
        out, err = proc.communicate(timeout=1800)
        if proc.returncode != 0:
            raise RuntimeError(err[-2000:])
        busy += int(out.split()[-1])
    seconds = time.perf_counter() - started
    engine = create_engine_for(where)
    try:
        with engine.connect() as conn:
            texts = conn.execute(
                text("SELECT count(DISTINCT work_done), count(DISTINCT author_seq), count(*) "
                     "FROM progress_revisions WHERE work_done LIKE 'desk%'")
            ).one()  # fmt: skip
    finally:
        engine.dispose()
    expected = DESKS * entries
    wrong = (expected - texts[0]) + (texts[2] - texts[1]) + abs(texts[2] - expected)
    return seconds, wrong, busy


def window(db: str, home: Path) -> startup_bench.Launch:
    """``main.py --db`` launched with the start-up probe, until the plans are shown."""
    result = startup_bench.launch([str(ROOT / "main.py"), "--db", db], home, probe=True)
    if result.filled is None:
        raise RuntimeError(f"the window never showed the plans of {db}")
    return result


def dashboard(where: DatabaseLocation) -> float:
    """Every plan's lights and figures, as the dashboard computes them (one Store open)."""
    from supervision.figures import plan_figures

    today = dt.date(2026, 5, 1)
    with Store(where) as store:
        plans = [p.id for p in store.plans()]

        def all_plans() -> None:
            for plan_id in plans:
                view, lights = store.lights(today, plan_id)
                plan_figures(view, lights, today)

        return timed(all_plans)


def run(sizes: datagen.Sizes, repeat: int, entries: int = ENTRIES) -> list[Row]:
    from tests.pg_cluster import Cluster, ClusterUnavailable

    try:
        cluster = Cluster().start()
    except ClusterUnavailable as exc:
        print(f"server group skipped: {exc}", flush=True)
        return []
    try:
        return _run(cluster, sizes, repeat, entries)
    finally:
        cluster.stop()


def _run(cluster: object, sizes: datagen.Sizes, repeat: int, entries: int) -> list[Row]:
    big = datagen.cached_store(sizes)
    tasks = sizes.plans * sizes.tasks
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="duban-bench-server-") as tmp:
        home = Path(tmp)
        # 8 desks × entries: server and file, each on a fresh seeded database.
        server_url = cluster.new_database()  # type: ignore[attr-defined]
        file_db = datagen.seed_store(home / "desks.sqlite")
        server_s, server_wrong, _ = desks_at_once(parse_location(server_url), entries, home)
        file_s, file_wrong, file_busy = desks_at_once(file_db, entries, home)
        total = DESKS * entries
        rows.append(
            Row(
                GROUP,
                f"{DESKS} desks × {entries} entries at once: server",
                server_s,
                "s",
                file_s,
                "the same on a SQLite file",
                note=f"{total / server_s:.0f} entries/s on the server, {total / file_s:.0f} "
                f"on the file, where desks found it busy past the wait budget {file_busy} times "
                "(retried)",
            )  # fmt: skip
        )
        rows.append(
            Row(
                GROUP,
                "entries lost or numbered twice (server + file)",
                float(server_wrong + file_wrong),
                "",
                below=1.0,
            )  # fmt: skip
        )
        # The 10,000-task store on the server, moved there as an office would.
        moved_started = time.perf_counter()
        scale_url = cluster.new_database(seeded=False)  # type: ignore[attr-defined]
        scale = parse_location(scale_url)
        migrate_to_server(big, scale)  # type: ignore[arg-type]
        moved = time.perf_counter() - moved_started
        scale_file = datagen.copy_store(big, home / "scale.sqlite")
        window(scale_url, home), window(str(scale_file), home)  # warm-up, not counted
        starts: dict[str, list[startup_bench.Launch]] = {"server": [], "file": []}
        for _ in range(repeat):
            starts["file"].append(window(str(scale_file), home))
            starts["server"].append(window(scale_url, home))

        def med(name: str) -> float:
            values = sorted(float(r.filled or 0.0) for r in starts[name])
            return values[len(values) // 2]

        rows.append(
            Row(
                GROUP,
                f"{tasks:,} tasks: window start to plans shown, server",
                med("server"),
                "s",
                med("file"),
                "the same file",
                note=f"migrate-to-server of the store took {moved:.0f} s",
            )  # fmt: skip
        )
        server_dash, file_dash, _a, _b = median_pair(
            lambda: dashboard(scale), lambda: dashboard(scale_file), repeat
        )
        rows.append(
            Row(
                GROUP,
                f"{tasks:,} tasks: dashboard of every plan, server",
                server_dash,
                "s",
                file_dash,
                "the same file",
            )  # fmt: skip
        )
    return rows
