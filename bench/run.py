"""Duban's benchmarks, run by hand; prints the results table and exits 1 if a target is missed.

    python bench/run.py            # the issue's sizes: 200 plans × 50 tasks, 200,000 revisions
    python bench/run.py --quick    # the same comparisons on smaller data, in under a minute
    python bench/run.py --only exchange sheets --repeat 5

Every figure is a median of repetitions, compared with a baseline measured in the same run
(see bench/README.md for what each baseline is and the last results).
"""

from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from bench import datagen  # noqa: E402
from bench.common import Row, table  # noqa: E402

GROUPS = ("exchange", "sheets", "history", "start-up", "server", "bundle", "attachments")


def machine() -> str:
    """The machine the figures come from (pasted under the table in bench/README.md)."""
    cpu = "?"
    ram = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
                break
    except OSError:
        pass

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "?"

    # Asked of a child: this package never imports Qt itself.
    qt = subprocess.run(
        [sys.executable, "-c", "import PySide6.QtCore as c; print(c.__version__, c.qVersion())"],
        capture_output=True,
        text=True,
    ).stdout.split()

    return (
        f"{os.cpu_count()} CPUs ({cpu}), {ram} RAM, {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, PySide6 {qt[0] if qt else '?'} "
        f"(Qt {qt[1] if len(qt) > 1 else '?'}), "
        f"SQLite {sqlite3.sqlite_version}, SQLAlchemy {version('SQLAlchemy')}, "
        f"ReportLab {version('reportlab')}; Qt platform "
        f"{os.environ.get('QT_QPA_PLATFORM', 'offscreen')}"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller data, under a minute")
    parser.add_argument("--only", nargs="+", choices=GROUPS, default=list(GROUPS))
    parser.add_argument("--repeat", type=int, help="repetitions of each figure")
    args = parser.parse_args(argv)

    if args.quick:
        sizes = datagen.Sizes(plans=20, tasks=50, units=30, revisions=20)
        files, per_file, table_tasks = 10, 200, 500
        repeat = args.repeat or 1
    else:
        sizes = datagen.Sizes()
        files, per_file, table_tasks = 30, 1000, 1000
        repeat = args.repeat or 3
    started = time.perf_counter()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(f"machine: {machine()}", flush=True)
    datagen.cached_store(sizes)  # built once, outside every timing
    rows: list[Row] = []
    for group in args.only:
        print(f"\n== {group}", flush=True)
        if group == "exchange":
            from bench import exchange_bench

            done = exchange_bench.run(
                sizes, files, per_file, repeat, large=10_000 if args.quick else 100_000
            )
        elif group == "attachments":
            from bench import attachments_bench

            done = attachments_bench.run(20 if args.quick else 200, repeat)
        elif group == "sheets":
            from bench import sheets_bench

            done = sheets_bench.run(table_tasks, repeat)
        elif group == "history":
            from bench import history_bench

            done = history_bench.run(repeat, 2_500 if args.quick else history_bench.REVISIONS)
        elif group == "server":
            from bench import server_bench

            done = server_bench.run(sizes, repeat, entries=100 if args.quick else 500)
        elif group == "bundle":
            from bench import bundle_bench

            done = bundle_bench.run(2 if args.quick else max(repeat, 5))
        else:
            from bench import startup_bench

            # Window starts are short and the noisiest: more rounds.
            done = startup_bench.run(sizes, 2 if args.quick else max(repeat, 5))
        print(table(done), flush=True)
        rows += done
    print("\n== all")
    print(table(rows))
    after = os.getloadavg() if hasattr(os, "getloadavg") else None
    if load and after:
        print(
            f"\nload average at start {load[0]:.2f}, at end {after[0]:.2f} (2 cores: above 2 "
            "means other work shared the machine)"
        )
    missed = [r for r in rows if r.passed is False]
    print(
        f"{len(rows)} figures, {len(missed)} targets missed, {time.perf_counter() - started:.0f} s"
    )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
