"""Window layer: the start-up probe the benchmarks switch on (``DUBAN_BENCH_STARTUP=1``).

Prints ``painted <t>`` when the main window is first painted, then ``filled <t>`` when the
plan tree is first painted with the store's plans, then ``rss <MB>`` (peak resident
memory) and quits. ``t`` is ``time.monotonic()``: CLOCK_MONOTONIC is one clock for every
process on the machine, so ``bench/startup_bench.py`` subtracts the moment it launched
the process. Off (and never imported) unless the variable is set.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow

ENV_VAR = "DUBAN_BENCH_STARTUP"


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB (0 where the OS cannot say)."""
    try:
        import resource
    except ImportError:  # Windows: the benchmarks run on Linux
        return 0.0
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024


class StartupProbe(QObject):
    """Watches the first paints of ``window`` and its plan tree; quits after the second."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        super().__init__(app)
        self._app = app
        self._window = window
        self._viewport = window.tree.viewport()
        self._painted = False
        self._loaded = False
        window.installEventFilter(self)
        self._viewport.installEventFilter(self)
        window.plans_reloaded.connect(self._on_plans_reloaded)

    @Slot()
    def _on_plans_reloaded(self) -> None:
        self._loaded = True
        self._viewport.update()  # the next paint of the tree shows the plans

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Paint:
            return False
        if not self._painted and watched in (self._window, self._viewport):
            self._painted = True
            self._say("painted", time.monotonic())
        elif self._loaded and watched is self._viewport:
            self._loaded = False
            self._say("filled", time.monotonic())
            QTimer.singleShot(0, self._finish)  # once this paint is done
        return False

    @Slot()
    def _finish(self) -> None:
        self._say("rss", peak_rss_mb())
        self._app.quit()

    @staticmethod
    def _say(what: str, value: float) -> None:
        sys.stdout.write(f"{what} {value:.6f}\n")
        sys.stdout.flush()
