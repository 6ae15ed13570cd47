"""Window layer: the start-up probe the benchmarks switch on (``DUBAN_BENCH_STARTUP=1``).

Prints ``painted <t>`` when the main window is first painted, then ``filled <t>`` when the
plan tree is first painted with the store's plans (a large store's first screenful: the
rest follow), ``ready <t>`` when every plan is shown and the store is swapped in, then,
once the idle-time work is done (every row expanded) and the window has sat idle a
moment, ``rss <MB>``: this process's own peak resident memory, and quits. ``t`` is
``time.monotonic()``: CLOCK_MONOTONIC is one clock for every process on the machine, so
``bench/startup_bench.py`` subtracts the moment it launched the process. Off (and never
imported) unless the variable is set.
"""

from __future__ import annotations

import sys
import time

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

ENV_VAR = "DUBAN_BENCH_STARTUP"


#: How long the window sits idle after its idle-time work before the peak is read.
IDLE_SETTLE_MS = 1500


def peak_rss_mb() -> float:
    """This process's own peak resident memory in MB (VmHWM; 0 where the OS cannot say).

    Not ``getrusage().ru_maxrss``: on Linux that keeps the high-water mark across exec, so
    a child started by a large parent reports the parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class StartupProbe(QObject):
    """Watches the first paints of ``window`` and its plan tree; quits after the second."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._viewport = window.tree.viewport()
        self._painted = False
        self._loaded = False
        # The plans are shown twice at start-up: first as read ahead of the store, then
        # again once the store is swapped in. The first is what the clerk sees; only it is
        # reported (a second ``filled`` line made the benchmark time the swap instead).
        self._filled = False
        self._ready = False
        window.installEventFilter(self)
        self._viewport.installEventFilter(self)
        window.plans_reloaded.connect(self._on_plans_reloaded)

    @Slot()
    def _on_plans_reloaded(self) -> None:
        if self._window.store is not None and not self._ready:
            # Every plan shown and the store swapped in: the clerk can work.
            self._ready = True
            self._say("ready", time.monotonic())
        if self._filled:
            return
        self._loaded = True
        self._viewport.update()  # the next paint of the tree shows the plans

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Paint:
            return False
        if not self._painted and watched in (self._window, self._viewport):
            self._painted = True
            self._say("painted", time.monotonic())
            # 1: PySide6 had built its ``Qt`` namespace (10 ms) before this paint; the
            # frame is made so that it need not (ui/main_window.py).
            self._say("qt_namespace", float("Qt" in vars(QtCore)))
        elif self._loaded and watched is self._viewport:
            self._loaded = False
            self._filled = True
            self._say("filled", time.monotonic())
            QTimer.singleShot(0, self._finish)  # once this paint is done
        return False

    @Slot()
    def _finish(self) -> None:
        # Idle-time work still going: the store not yet swapped in for the first fill's
        # read-only plans, or rows below the first screen still being expanded.
        if self._window.store is None or self._window.expander.busy:
            QTimer.singleShot(50, self._finish)
            return
        QTimer.singleShot(IDLE_SETTLE_MS, self._report_memory)

    @Slot()
    def _report_memory(self) -> None:
        self._say("rss", peak_rss_mb())
        self._app.quit()

    @staticmethod
    def _say(what: str, value: float) -> None:
        sys.stdout.write(f"{what} {value:.6f}\n")
        sys.stdout.flush()
