"""Window layer: run slow work (opening the database, parsing, importing) on QThreadPool.

The function runs on a pool thread and must not touch widgets. Its result or exception
comes back through a ``JobSignals`` object owned by the application (GUI thread), so Qt
queues the callbacks into the GUI thread. The pool thread only emits: the signals object
is deleted by the GUI thread after the callbacks ran, never by the pool thread, and its
owner (not the widget that asked) guarantees it outlives the job even if that widget goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot


class JobSignals(QObject):
    finished = Signal(object)  # the function's result
    failed = Signal(object)  # the exception it raised

    @Slot(object)
    def release(self, _payload: object) -> None:
        self.deleteLater()


class _Job(QRunnable):
    def __init__(self, signals: JobSignals, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self._signals = signals
        self._fn = fn
        self._args = args
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn(*self._args)
        except Exception as exc:  # any failure is handed to the GUI thread to show
            self._signals.failed.emit(exc)
        else:
            self._signals.finished.emit(result)


def run_in_pool(
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None],
    fn: Callable[..., Any],
    *args: Any,
) -> None:
    """Start ``fn(*args)`` on the pool; ``on_done(result)`` or ``on_error(exc)`` follows.

    Both callbacks must be slots of QObjects living in the GUI thread; if their object is
    deleted first, Qt drops the call. They are connected before the job starts, so a quick
    job cannot finish unheard.
    """
    signals = JobSignals(QCoreApplication.instance())
    signals.finished.connect(on_done)
    signals.failed.connect(on_error)
    # Connected last: runs after the callbacks, in the GUI thread.
    signals.finished.connect(signals.release)
    signals.failed.connect(signals.release)
    QThreadPool.globalInstance().start(_Job(signals, fn, args))
