"""Benchmark layer: cold start, start-up on years of data, search-as-you-type, memory.

Every window runs in a child process on the same Qt platform (offscreen by default), with
a private settings folder. Times are taken from the parent's ``time.monotonic()`` just
before launch to the child's own ``time.monotonic()`` stamp at a first paint: Linux's
CLOCK_MONOTONIC is one clock for all processes, so the pipe adds nothing.

Baseline: a bare PySide6 script showing a QMainWindow with a QTreeView of 60 items,
stamped at its first paint. Subject: ``python main.py --db X`` with the start-up probe on
(``DUBAN_BENCH_STARTUP=1``, see ``ui/diagnostics/startup_probe.py``): ``painted`` (the window, still
empty), ``filled`` (the plan tree painted with the store's plans), and its peak RSS.

The child scripts are kept as text here: this package never imports Qt itself.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import datagen
from bench.common import Row

GROUP = "start-up"
ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180
#: Modules that must never load while the window starts (no migration due).
HEAVY_MODULES = ("reportlab", "openpyxl", "alembic")

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView


class Probe(QObject):
    done = False

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print("painted", time.monotonic(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("督办")
model = QStandardItemModel(window)
for i in range(60):
    model.appendRow(QStandardItem(f"{i + 1}. 加强知识产权管理体系建设，完善工作机制"))
tree = QTreeView(window)
tree.setModel(model)
window.setCentralWidget(tree)
window.resize(1280, 800)
probe = Probe()
window.installEventFilter(probe)
tree.viewport().installEventFilter(probe)
window.show()
code = app.exec()
# This process's own peak (VmHWM): ru_maxrss would report the benchmark parent's.
status = open("/proc/self/status").read().splitlines()
print("rss", next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM:")), flush=True)
sys.exit(code)
"""

#: Drives the real window's search box with 10,000 tasks loaded; prints JSON timings.
FILTER_CHILD = """
import json, statistics, sys, time
from pathlib import Path
from typing import Any
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
sys.path.insert(0, sys.argv[1])
from models.store import Store
from ui.app import make_application
from ui.main_window import MainWindow

app = make_application([])
store = Store.open(Path(sys.argv[2]))
settings = QSettings(str(Path(sys.argv[3]) / "filter.ini"), QSettings.Format.IniFormat)
window = MainWindow(settings)
window.show()
started = time.perf_counter()
window.set_store(store)
app.processEvents()
loaded = time.perf_counter() - started
search = window.filter_bar.search
words = json.loads(sys.argv[4])
keys = []
for word in words:
    for end in range(1, len(word) + 1):
        keys.append(word[:end])
    keys.append("")  # then the clerk clears the box
samples, shown, settled = [], [], []
for text in keys:
    t0 = time.perf_counter()
    search.setText(text)  # textChanged -> the filter bar -> the window -> the proxy
    # The bar waits for a pause in typing on a large store: skip the wait, time the work.
    window.filter_bar.flush()
    app.processEvents()  # and the repaint
    samples.append(time.perf_counter() - t0)
    # Rows below the first screen are expanded while idle: time until all are.
    while window.expander.busy:
        app.processEvents()
    settled.append(time.perf_counter() - t0)
    shown.append(window.proxy.visible_task_count())
tasks = sum(p.task_count for p in window.model.plan_nodes())
print(json.dumps({"samples": samples, "keys": keys, "shown": shown, "tasks": tasks,
                  "load": loaded, "settled": settled}, ensure_ascii=False))
store.close()
"""

TYPED_WORDS = ("知识产权", "公安厅", "督查落实机制", "37")


@dataclass(frozen=True, slots=True)
class Launch:
    painted: float
    filled: float | None
    rss_mb: float
    #: Every plan shown and the store open: the clerk can work.
    ready: float | None = None
    #: 1.0: PySide6's ``Qt`` namespace was built before the first paint.
    qt_namespace: float = 0.0


def _env(home: Path, *, probe: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # The installed app runs from compiled bytecode; so do both scripts here.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["XDG_CONFIG_HOME"] = str(home / "config")  # QSettings of the window
    env["DUBAN_DATA_DIR"] = str(home / "data")
    if probe:
        env["DUBAN_BENCH_STARTUP"] = "1"
    else:
        env.pop("DUBAN_BENCH_STARTUP", None)
    return env


def _markers(text: str) -> dict[str, float]:
    found = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("painted", "filled", "ready", "rss", "qt_namespace"):
            found[parts[0]] = float(parts[1])
    return found


def launch(args: list[str], home: Path, *, probe: bool) -> Launch:
    """This Python running ``args`` (a script and its arguments)."""
    return launch_program([sys.executable, *args], home, probe=probe)


def launch_program(command: list[str], home: Path, *, probe: bool) -> Launch:
    """Run ``command`` (a window that prints its first-paint markers) and read them."""
    started = time.monotonic()
    out = subprocess.run(
        command,
        cwd=str(ROOT),
        env=_env(home, probe=probe),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    marks = _markers(out.stdout)
    if out.returncode != 0 or "painted" not in marks:
        raise RuntimeError(f"{command[:2]} exit {out.returncode}: {out.stderr[-2000:]}")
    filled = marks["filled"] - started if "filled" in marks else None
    ready = marks["ready"] - started if "ready" in marks else None
    return Launch(
        marks["painted"] - started,
        filled,
        marks.get("rss", 0.0),
        ready,
        marks.get("qt_namespace", 0.0),
    )


def bare(home: Path) -> Launch:
    return launch(["-c", BARE_WINDOW], home, probe=False)


def duban(db: Path, home: Path) -> Launch:
    result = launch([str(ROOT / "main.py"), "--db", str(db)], home, probe=True)
    if result.filled is None or result.ready is None:
        raise RuntimeError("the window never showed the plans")
    return result


def heavy_imports(db: Path, home: Path) -> tuple[list[str], list[tuple[float, str]]]:
    """Heavy modules imported on the way to a filled window, and the slowest top-level
    imports (cumulative ms) as ``python -X importtime`` reports them."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "main.py"), "--db", str(db)],
        cwd=str(ROOT),
        env=_env(home, probe=True),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    heavy: set[str] = set()
    top: list[tuple[float, str]] = []
    for line in out.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if not m:
            continue
        cumulative, indent, name = int(m.group(1)), len(m.group(2)), m.group(3)
        if name.split(".")[0] in HEAVY_MODULES:
            heavy.add(name.split(".")[0])
        if indent <= 1:
            top.append((cumulative / 1000, name))
    return sorted(heavy), sorted(top, reverse=True)[:8]


def filter_keystrokes(db: Path, home: Path) -> dict[str, Any]:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            FILTER_CHILD,
            str(ROOT),
            str(db),
            str(home),
            json.dumps(TYPED_WORDS, ensure_ascii=False),
        ],
        cwd=str(ROOT),
        env=_env(home, probe=False),
        capture_output=True,
        text=True,
        timeout=TIMEOUT * 2,
    )
    if out.returncode != 0:
        raise RuntimeError(f"filter child exit {out.returncode}: {out.stderr[-2000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run(sizes: datagen.Sizes, repeat: int) -> list[Row]:
    big = datagen.cached_store(sizes)
    tasks = sizes.plans * sizes.tasks
    with tempfile.TemporaryDirectory(prefix="duban-bench-start-") as tmp:
        home = Path(tmp)
        seed = datagen.seed_store(home / "seed.sqlite")
        scale = datagen.copy_store(big, home / "scale.sqlite")
        # Warm-up, not counted: bytecode caches and the OS file cache, as on a PC that has
        # run the app before.
        bare(home), duban(seed, home), duban(scale, home)
        runs: dict[str, list[Launch]] = {"bare": [], "seed": [], "scale": []}
        for _ in range(repeat):
            runs["bare"].append(bare(home))
            runs["seed"].append(duban(seed, home))
            runs["scale"].append(duban(scale, home))
        heavy, top = heavy_imports(seed, home)
        keys = filter_keystrokes(scale, home)

    def med(name: str, field: str) -> float:
        return statistics.median(float(getattr(r, field)) for r in runs[name])

    base = med("bare", "painted")
    label = "bare PySide6 window"
    samples = [s * 1000 for s in keys["samples"]]
    slowest = max(zip(samples, keys["keys"], strict=True))
    shown_tasks = int(keys["tasks"])
    rows = [
        Row(
            GROUP,
            "seed plan: window first painted",
            med("seed", "painted"),
            "s",
            base,
            label,
            max_ratio=1.3,
        ),
        Row(
            GROUP, "seed plan: tree filled", med("seed", "filled"), "s", base, label, max_ratio=2.0
        ),
        Row(
            GROUP,
            "seed plan: store open (the clerk can work)",
            med("seed", "ready"),
            "s",
            base,
            label,
        ),
        Row(
            GROUP,
            f"{tasks:,} tasks: window first painted",
            med("scale", "painted"),
            "s",
            base,
            label,
            max_ratio=2.0,
        ),
        Row(
            GROUP,
            f"{tasks:,} tasks: tree filled",
            med("scale", "filled"),
            "s",
            base,
            label,
            max_ratio=6.0,
        ),
        Row(
            GROUP,
            f"{tasks:,} tasks: every plan shown and the store open",
            med("scale", "ready"),
            "s",
            base,
            label,
            note="the tree shows its first screenful (filled) first; no target in the issue",
        ),
        Row(
            GROUP,
            f"{tasks:,} tasks: keystroke in the search box (median)",
            statistics.median(samples),
            "ms",
            below=30.0,
            note=f"{len(samples)} keys over {shown_tasks:,} tasks; slowest "
            f"{slowest[0]:.0f} ms for '{slowest[1]}'; every row expanded after a median "
            f"{statistics.median(keys['settled']) * 1000:.0f} ms",
        ),
        Row(
            GROUP,
            f"{tasks:,} tasks: keystroke in the search box (slowest)",
            slowest[0],
            "ms",
            below=100.0,
            note=f"'{slowest[1]}'",
        ),
        Row(
            GROUP,
            f"{tasks:,} tasks: peak memory after the idle-time work (VmHWM)",
            med("scale", "rss_mb"),
            "MB",
            below=250.0,
        ),
        Row(
            GROUP,
            "seed plan: peak memory after the idle-time work (VmHWM)",
            med("seed", "rss_mb"),
            "MB",
            med("bare", "rss_mb"),
            "bare window",
        ),
        Row(
            GROUP,
            "launches whose Qt namespace (10 ms) was built before the first paint",
            float(sum(r.qt_namespace > 0 for r in runs["seed"] + runs["scale"])),
            "launches",
            below=1.0,
            note="the menus' shortcuts and the plan tree's model build it after that paint",
        ),
        Row(
            GROUP,
            "heavy imports at start (" + ", ".join(HEAVY_MODULES) + ")",
            float(len(heavy)),
            "modules",
            below=1.0,
            note=", ".join(heavy) if heavy else "none",
        ),
    ]
    print(
        "slowest top-level imports at start (cumulative ms): "
        + ", ".join(f"{name} {ms:.0f}" for ms, name in top)
    )
    return rows
