"""Benchmark layer: a task with a very long history (25,000 revisions on one task).

Two figures, each measured in fresh child processes (``python bench/history_bench.py
child …``) so the memory read is the child's own peak (VmHWM):

* the 督办单 of that task, as ``main.py sheet --task N --history`` makes it (current
  reports and the bounded history): time and peak memory
  (targets: < 2 s, < 200 MB), beside the same sheet for a task without progress;
* the detail pane: selecting that task in the window (reading its history page, filling
  the table, painting) — target < 200 ms — beside selecting a task with a short history.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import datagen  # noqa: E402
from bench.common import Row  # noqa: E402

GROUP = "history"
LONG_TASK = 20  # 省商务厅 and eleven more units: reports from many units
SHORT_TASK = 21
REVISIONS = 25_000
#: A child that runs longer than this is stopped and the figure reported as a miss.
CHILD_TIMEOUT_S = 60.0


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def long_history_store(revisions: int = REVISIONS, folder: Path = datagen.CACHE_DIR) -> Path:
    """The seed plan with ``revisions`` revisions on task ``LONG_TASK`` (and 3 on
    ``SHORT_TASK``), built once into ``folder`` (bench/.cache)."""
    from models.store import Store

    folder.mkdir(exist_ok=True)
    key = f"history-{revisions}-s{datagen.SCHEMA_HEAD}-g{datagen.DATAGEN_VERSION}"
    path = folder / f"{key}.sqlite"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    datagen.seed_store(partial)
    with Store(partial) as store:
        long_id = store.find_task_id(None, LONG_TASK)
        short_id = store.find_task_id(None, SHORT_TASK)
    datagen.add_revisions(partial, revisions, only_tasks={long_id})
    datagen.add_revisions(partial, 3, seed=7, only_tasks={short_id})
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    return path


# --- children ---------------------------------------------------------------------------
def child_sheet(db: Path, task: int, out: Path) -> dict[str, Any]:
    """The 督办单 as the command line makes it (store opened, history read, PDF written)."""
    from cli.app import run

    started = time.perf_counter()
    code = run(["sheet", "--db", str(db), "--task", str(task), "--history", "-o", str(out)])
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "code": code, "peak_mb": peak_mb(), "bytes": out.stat().st_size}


# --- parent -----------------------------------------------------------------------------
def _child(args: list[str], module: str = "bench.history_bench") -> dict[str, Any] | None:
    """A child's JSON result; None when it ran past ``CHILD_TIMEOUT_S``. The window's
    child is ``ui.diagnostics.history_probe`` (this package never imports Qt)."""
    command = [sys.executable, "-m", module, *args]
    if module == "bench.history_bench":
        command = [sys.executable, str(Path(__file__).resolve()), "child", *args]
    try:
        out = subprocess.run(
            command,
            check=True,
            capture_output=True,
            text=True,
            cwd=str(ROOT),
            timeout=CHILD_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(repeat: int, revisions: int = REVISIONS, folder: Path = datagen.CACHE_DIR) -> list[Row]:
    db = long_history_store(revisions, folder)
    with tempfile.TemporaryDirectory(prefix="duban-bench-history-") as tmp:
        sheets: list[dict[str, Any] | None] = []
        empty: list[float] = []
        for n in range(max(1, repeat)):
            pdf = Path(tmp) / f"task-{n}.pdf"
            bare = _child(["sheet", str(db), str(SHORT_TASK + 2), str(pdf)])
            empty.append(bare["seconds"] if bare else CHILD_TIMEOUT_S)
            sheets.append(_child(["sheet", str(db), str(LONG_TASK), str(pdf)]))
            if sheets[-1] is None:
                break  # one stopped child says enough; do not pay for more
        reps = str(max(3, repeat))
        probe = [str(db), reps, str(SHORT_TASK), str(LONG_TASK)]
        pane = _child(probe, "ui.diagnostics.history_probe")
    done = [s for s in sheets if s is not None]
    if len(done) < len(sheets):
        # Stopped: no figure for its memory either (nan never passes).
        seconds, peak, note = CHILD_TIMEOUT_S, float("nan"), f"stopped after {CHILD_TIMEOUT_S:g} s"
    else:
        seconds = statistics.median(s["seconds"] for s in done)
        peak = max(s["peak_mb"] for s in done)
        note = f"{done[-1]['bytes'] / 1024:.0f} KB PDF"
    rows = [
        Row(
            GROUP,
            f"督办单, task with {revisions:,} revisions",
            seconds,
            "s",
            statistics.median(empty),
            "same sheet, task without progress",
            below=2.0,
            note=note,
        ),
        Row(GROUP, "督办单 child's peak memory (VmHWM)", peak, "MB", below=200.0),
    ]
    if pane is None:
        rows.append(
            Row(GROUP, "detail pane opens the long task", CHILD_TIMEOUT_S * 1000, "ms", below=200)
        )
        return rows
    rows.append(
        Row(
            GROUP,
            f"detail pane opens the task with {revisions:,} revisions",
            statistics.median(pane["long"]) * 1000,
            "ms",
            statistics.median(pane["short"]) * 1000,
            "a task with 3 revisions",
            below=200.0,
            note=f"{pane['rows']} rows shown, window peak {pane['peak_mb']:.0f} MB",
        )
    )
    return rows


def main(argv: list[str]) -> int:
    if argv[:2] != ["child", "sheet"]:
        print("usage: history_bench.py child sheet DB TASK OUT")
        return 2
    result = child_sheet(Path(argv[2]), int(argv[3]), Path(argv[4]))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
