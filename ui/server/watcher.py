"""Window layer: see other desks' entries without restarting (data on the office's server).

Every ``POLL_MS`` the store's ``data_version()`` is read on a pool thread. When it moved,
the window reloads (keeping the selection) and the status bar shows 已更新 with the time.
A reload the window did itself (after its own save) is not marked; a reload waits while a
dialog is open, so a form being filled is never disturbed. On a file nothing is polled.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication

from models.locations import ServerAddress
from ui.common.worker import run_in_pool

if TYPE_CHECKING:
    from models.store import Store
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: How often a window on a server asks whether anything changed (one small query).
POLL_MS = 5000


def read_version(store: Store) -> tuple[object, ...]:
    """Pool thread: the summary, in a session of its own (sessions never cross threads)."""
    return store.data_version()


class ChangeWatcher(QObject):
    """Polls the window's store while its data lives on a server (see the module docstring)."""

    def __init__(self, window: MainWindow, interval_ms: int | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._store: Store | None = None
        self._baseline: tuple[object, ...] | None = None
        self._busy = False
        self._own_reload = False  # the window reloaded by itself since the last poll
        self._reloading = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms or POLL_MS)
        self._timer.timeout.connect(self.poll)
        window.plans_reloaded.connect(self._on_window_reloaded)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def watch(self, store: Store | None) -> None:
        """Start polling ``store`` when it is on a server; stop otherwise."""
        self._store, self._baseline, self._own_reload = store, None, False
        if store is not None and isinstance(store.path, ServerAddress):
            self._timer.start()
            self.poll()  # the baseline
        else:
            self._timer.stop()

    @Slot()
    def _on_window_reloaded(self) -> None:
        if not self._reloading:
            self._own_reload = True

    @Slot()
    def poll(self) -> None:
        if self._busy or self._store is None:
            return
        self._busy = True
        run_in_pool(self._on_version, self._on_failed, read_version, self._store)

    @Slot(object)
    def _on_version(self, version: tuple[object, ...]) -> None:
        self._busy = False
        if self._baseline is None or version == self._baseline:
            self._baseline, self._own_reload = version, False
            return
        if QApplication.activeModalWidget() is not None:
            return  # a dialog is open: look again at the next tick, baseline unchanged
        others = not self._own_reload
        self._reloading = True
        try:
            self._window.reload()
        except Exception as exc:  # the server went away between the poll and the reload
            self._on_failed(exc)
            return  # baseline kept: the next tick sees the change again
        finally:
            self._reloading = False
        self._baseline, self._own_reload = version, False
        if others:
            self._window.status_labels.mark_updated(dt.datetime.now().strftime("%H:%M:%S"))

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        self._busy = False
        # The server may be restarting or the LAN down for a moment: say so, keep trying.
        log.warning("checking the server for changes failed: %s", error)
        self._window.statusBar().showMessage(
            self.tr("暂时连不上数据库服务器，稍后自动重试。"), POLL_MS
        )
