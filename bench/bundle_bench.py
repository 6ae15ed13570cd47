"""Benchmark layer: the office bundle — its size, and its start against a bare frozen window.

Subject: ``dist/Duban/Duban`` as ``scripts/build-bundle.sh`` leaves it, started on the seed
plan with the start-up probe on (``DUBAN_BENCH_STARTUP=1``), from launch to the plan tree
painted with the plan. Baseline: the same bare PySide6 window the start-up group uses,
frozen by the same PyInstaller in this run (one folder, like the bundle), from launch to
its first paint. Both after one warm-up launch that is not counted (the OS file cache, as
on a PC that has run the program before); dropping the page cache needs a privilege the
benchmark does not ask for.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import datagen
from bench.common import Row
from bench.startup_bench import BARE_WINDOW, Launch, launch_program

GROUP = "bundle"
ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "Duban"
#: The bundle's size limit (the whole dist/Duban folder, as copied to an office PC).
MAX_BUNDLE_MB = 150.0


def folder_mb(folder: Path) -> float:
    """Bytes of the files under ``folder`` (links not followed), in MB."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 2**20


def build_bare(work: Path) -> Path:
    """The bare window frozen by this venv's PyInstaller; returns its executable."""
    work.mkdir(parents=True, exist_ok=True)
    script = work / "bare_window.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--onedir",
            "--name",
            "bare",
            "--workpath",
            str(work / "build"),
            "--distpath",
            str(work / "dist"),
            "--specpath",
            str(work),
            str(script),
        ],
        check=True,
        capture_output=True,
    )
    return work / "dist" / "bare" / "bare"


def run(repeat: int) -> list[Row]:
    program = BUNDLE / "Duban"
    if not program.is_file():
        note = "dist/Duban/Duban is missing: run scripts/build-bundle.sh first"
        return [Row(GROUP, "bundle: not built", 0.0, "", note=note)]
    with tempfile.TemporaryDirectory(prefix="duban-bench-bundle-") as tmp:
        home = Path(tmp)
        print("bundle: freezing the bare window (PyInstaller) …", flush=True)
        bare = build_bare(home / "bare")
        seed = datagen.seed_store(home / "seed.sqlite")
        bare_runs: list[Launch] = []
        duban_runs: list[Launch] = []
        launch_program([str(bare)], home, probe=False)  # warm-up, not counted
        launch_program([str(program), "--db", str(seed)], home, probe=True)
        for _ in range(repeat):
            bare_runs.append(launch_program([str(bare)], home, probe=False))
            duban_runs.append(launch_program([str(program), "--db", str(seed)], home, probe=True))
        bare_mb = folder_mb(bare.parent)
        shutil.rmtree(home / "bare", ignore_errors=True)
    base = statistics.median(r.painted for r in bare_runs)
    painted = statistics.median(r.painted for r in duban_runs)
    filled = statistics.median(r.filled or 0.0 for r in duban_runs)
    ready = statistics.median(r.ready or 0.0 for r in duban_runs)
    label = "bare frozen PySide6 window, first paint"
    return [
        Row(GROUP, "bundle: launch to the window first painted", painted, "s", base, label),
        Row(
            GROUP,
            "bundle: launch to the seed plan's tree filled",
            filled,
            "s",
            base,
            label,
            max_ratio=1.5,
        ),
        Row(GROUP, "bundle: launch to the store open (clerk can work)", ready, "s", base, label),
        Row(
            GROUP,
            "bundle: size of dist/Duban",
            folder_mb(BUNDLE),
            "MB",
            below=MAX_BUNDLE_MB,
            note=f"bare frozen window {bare_mb:.0f} MB",
        ),
    ]
