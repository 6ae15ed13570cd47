"""Window layer: start the desktop application (``run_gui``) and keep it alive.

Start-up order: QApplication, fonts, translators, the (empty) main window shown at once,
then the plans read on a pool thread with plain sqlite3 (``models.fast_read``; a current file
only) and shown, then the database opened on a pool thread (the first open creates it and
seeds the plan) and swapped in, then the first-run question: which unit this PC serves.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from models.errors import StoreError
from models.locations import DatabaseLocation, ServerAddress, describe_location, parse_location
from runtime import gc_pause
from runtime.paths import default_database_path
from ui.common.worker import run_in_pool
from ui.fonts import apply_ui_font
from ui.i18n import install_translators
from ui.main_window import MainWindow
from ui.settings import (
    APPLICATION,
    ORGANIZATION,
    app_settings,
    language,
    remember_server,
    remembered_server,
)
from ui.window_state import fit_to_screen

if TYPE_CHECKING:
    from domain.records import PlanView
    from models.fast_read import FirstFill, FirstFillReader
    from models.store import Store

log = logging.getLogger(__name__)

#: Milliseconds after the plans are shown before the menus' commands are made (and their
#: dialogs imported, about 90 ms): after the tree's first paint, which a zero timer preceded.
COMMANDS_DELAY_MS = 100
#: Milliseconds between the plans read at start-up being shown and the store being opened.
FIRST_FILL_PAINT_MS = 50
#: Milliseconds at most before the cycle collector held off for start-up is switched back
#: on (cli/launch.py holds it; the first plans shown release it sooner).
START_UP_GC_MS = 3000


def read_first_fill(db_path: DatabaseLocation) -> tuple[FirstFillReader, FirstFill] | None:
    """The first screenful of plans as the file holds them, read-only (pool thread), and
    the reader that has the rest; None: wait for the store."""
    from models import fast_read

    reader = fast_read.FirstFillReader.open(db_path)  # type: ignore[arg-type]
    if reader is None:
        return None
    fill = reader.read_first(fast_read.FIRST_SCREEN_TASKS)
    return (reader, fill) if fill is not None else None


def prepare_database(db_path: DatabaseLocation, upgrade_confirmed: bool = False) -> None:
    """Create, migrate and seed the database (pool thread; its own short-lived ``Store``).
    A server's schema is upgraded only once the clerk said yes (``upgrade_confirmed``)."""
    from models.store import Store

    Store.open(db_path, confirm_migration=lambda _q: upgrade_confirmed).close()


#: Start-up failures on a server that the connect dialog can put right (password, host).
SERVER_RETRY_CODES = frozenset(
    {"server_auth_failed", "server_unreachable", "server_database_missing"}
)


def make_application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication, named so QSettings and the window title agree."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    apply_ui_font(app)
    return app


def start_location(settings: QSettings) -> DatabaseLocation:
    """Where the window opens without --db: the remembered server, else the per-user file."""
    url = remembered_server(settings)
    if url:
        try:
            return parse_location(url)
        except StoreError:  # a hand-edited settings file: this PC's own data, then
            pass
    return default_database_path()


#: Milliseconds to wait for the window's first paint before starting anyway (a window
#: that is minimised or covered may not paint at once).
FIRST_PAINT_WAIT_MS = 300


class _FirstPaint(QObject):
    """Calls ``then`` once, right after ``widget``'s first paint (or after a short wait)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._fire)  # once this paint is done
        return False

    @Slot()
    def _fire(self) -> None:
        if self._then is None:
            return
        then, self._then = self._then, None
        self._widget.removeEventFilter(self)
        then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _FirstPaint(widget, then)


class GuiSession(QObject):
    """Owns the store and the main window for the life of the application."""

    #: The database could not be opened (the clerk has been told); the app should end.
    database_failed = Signal(str)

    def __init__(self, app: QApplication, db_path: DatabaseLocation, settings: QSettings) -> None:
        super().__init__(app)
        self._app = app
        self._db_path = db_path
        self._settings = settings
        self._store: Store | None = None
        #: The start-up reader, kept until the store opens (it says if the file changed).
        self._first_fill: FirstFillReader | None = None
        #: The plans below the first screen are still being read; a store opened meanwhile
        #: waits in ``_waiting_store``.
        self._rest_pending = False
        self._waiting_store: Store | None = None
        self.window: MainWindow | None = None
        app.aboutToQuit.connect(self._on_quit)

    def start(self) -> None:
        install_translators(self._app, language(self._settings))
        self._build_window()
        QTimer.singleShot(START_UP_GC_MS, gc_pause.release_after_start_up)
        if self.window is not None:
            self.window.plans_reloaded.connect(gc_pause.release_after_start_up)
        if os.environ.get("DUBAN_BENCH_STARTUP") and self.window is not None:
            # bench/startup_bench.py only: print first-paint times, then quit.
            from ui.diagnostics.startup_probe import StartupProbe

            StartupProbe(self._app, self.window)
        # The plans first, read-only with plain sqlite3 (no SQLAlchemy: about 330 ms of
        # imports); then the real store is made ready (migrations, seeding) and swapped in.
        # The read starts once the empty window has painted: on the pool thread it imports
        # and reads holding the GIL in stretches, which delayed that first paint.
        if self.window is not None:
            after_first_paint(self.window, self._read_first_fill)
        else:
            self._read_first_fill()

    @Slot()
    def _read_first_fill(self) -> None:
        run_in_pool(self._on_first_fill, self._on_first_fill_failed, read_first_fill, self._db_path)
        if self.window is not None:
            # The tree's model and search bar meanwhile: the read is mostly SQLite's and
            # the file system's work, outside the GIL.
            self.window.build_tree()

    @Slot(object)
    def _on_first_fill(self, result: tuple[FirstFillReader, FirstFill] | None) -> None:
        if result is None or self.window is None:
            self._open_database()
            return
        self._first_fill, fill = result
        self.window.show_first_fill(fill.plans, fill.warning_days)
        # The tree paints first: the pool thread's work (the rest of the plans, the store's
        # imports) holds the GIL in long stretches, and the model's data() (Python) then
        # waits for it on every row.
        QTimer.singleShot(FIRST_FILL_PAINT_MS, self.window.complete_build)
        if not fill.complete:
            # The rest of the plans and the store open side by side (two pool threads:
            # much of each is SQLite's or file work, outside the GIL); the store is
            # swapped in once the rest is shown (``_swap_in``).
            self._rest_pending = True
            QTimer.singleShot(FIRST_FILL_PAINT_MS, self._read_rest)
        QTimer.singleShot(FIRST_FILL_PAINT_MS, self._open_database)

    @Slot()
    def _read_rest(self) -> None:
        assert self._first_fill is not None
        run_in_pool(self._on_rest, self._on_rest_failed, self._first_fill.read_rest)

    @Slot(object)
    def _on_rest(self, plans: list[PlanView]) -> None:
        if self.window is not None:
            self.window.add_first_fill(plans)
        self._rest_done()

    @Slot(object)
    def _on_rest_failed(self, error: Exception) -> None:
        log.warning("first fill from %s stopped: %s", self._db_path, error)
        self._first_fill = None  # the store reads every plan again
        self._rest_done()

    def _rest_done(self) -> None:
        self._rest_pending = False
        waiting, self._waiting_store = self._waiting_store, None
        if waiting is not None:
            self._swap_in(waiting)

    @Slot(object)
    def _on_first_fill_failed(self, error: Exception) -> None:
        log.warning("first fill from %s failed: %s", self._db_path, error)  # the store says
        self._open_database()

    def _plans_shown_are_current(self) -> bool:
        """The plans shown at start-up are every plan, and the file has not changed since
        they were read: the store need not read them again (10,000 tasks: 1.6 s)."""
        reader, self._first_fill = self._first_fill, None
        if reader is None:
            return False
        try:
            return reader.unchanged()
        finally:
            reader.close()

    @Slot()
    def _open_database(self, upgrade_confirmed: bool = False) -> None:
        run_in_pool(
            self._on_database_ready,
            self._on_database_failed,
            prepare_database,
            self._db_path,
            upgrade_confirmed,
        )

    @Slot(object)
    def switch_database(self, location: DatabaseLocation) -> None:
        """工具 → 连接到服务器…: open ``location`` and show it; the old store stays until the
        new one is ready (and stays, with a message, if it cannot be opened)."""
        self._db_path = location
        if self.window is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("GuiSession", "正在连接…")
            )
        self._open_database()

    def _build_window(self) -> None:
        # The frame first; the panes once it has painted (complete_build, or set_store).
        self.window = MainWindow(self._settings, complete=False)
        self.window.language_change_requested.connect(self.set_language)
        self.window.database_change_requested.connect(self.switch_database)
        fit_to_screen(self.window)  # the whole window on a small screen, status bar included
        self.window.show()

    @Slot(object)
    def _on_database_ready(self, _result: object) -> None:
        from models.errors import StoreError
        from models.store import Store

        try:
            opened = Store.open(self._db_path, confirm_migration=lambda _q: True)
        except StoreError as exc:
            self._on_database_failed(exc)
            return
        if self._rest_pending:
            self._waiting_store = opened  # swapped in once every plan is shown
            return
        self._swap_in(opened)

    def _swap_in(self, opened: Store) -> None:
        old, self._store = self._store, opened
        if old is not None:
            old.close()
        self._remember_location()
        assert self.window is not None
        # The plans first; the menus' commands (their dialogs' imports) once idle.
        current = self._plans_shown_are_current()
        self.window.set_store(self._store, build_commands=False, plans_current=current)
        QTimer.singleShot(COMMANDS_DELAY_MS, self.window.build_commands)
        if not self._store.installation().configured:
            self.window.commands.choose_office()

    @Slot(object)
    def _on_database_failed(self, error: Exception) -> None:
        from models.errors import StoreError
        from ui.common import messages, words

        log.error("cannot open %s: %s", describe_location(self._db_path), error)
        if isinstance(error, StoreError) and self._server_question(error):
            return
        if isinstance(error, StoreError):
            text = words.store_error_text(error.code, error.detail)
        else:
            text = QCoreApplication.translate("GuiSession", "无法打开数据库：{reason}").format(
                reason=error
            )
        messages.error(self.window, QCoreApplication.translate("GuiSession", "督办"), text)
        if self._store is not None:  # a switch that failed: the data shown stays usable
            self._db_path = self._store.path
            return
        self.database_failed.emit(text)

    def _server_question(self, error: StoreError) -> bool:
        """A server that needs the clerk: upgrade its schema (asked), or other connection
        details (the connect dialog, with the reason). True when the clerk was asked."""
        from ui.common import messages, words

        title = QCoreApplication.translate("GuiSession", "数据库服务器")
        if error.code == "server_migration_unconfirmed":
            if messages.confirm(self.window, title, self._upgrade_question(error.detail)):
                self._open_database(upgrade_confirmed=True)
                return True
            return False
        if error.code not in SERVER_RETRY_CODES or not isinstance(self._db_path, ServerAddress):
            return False
        from ui.common.dialog_base import run_modal
        from ui.server.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self._db_path, self.window)
        dialog.result_label.setStyleSheet("color: #b00020;")
        dialog.result_label.setText(words.store_error_text(error.code, error.detail))
        chosen = run_modal(dialog)
        if chosen is None:
            return False
        self.switch_database(chosen)
        return True

    def _upgrade_question(self, versions: str) -> str:
        from models.server import find_pg_dump, server_backups_dir

        current, _, target = versions.partition(" → ")
        backup = (
            QCoreApplication.translate(
                "GuiSession", "升级前会用 pg_dump 把整个数据库备份到本机：{folder}。"
            ).format(folder=server_backups_dir())
            if find_pg_dump()
            else QCoreApplication.translate(
                "GuiSession", "本机没有 pg_dump，无法先做备份：请先确认服务器自己的备份是最新的。"
            )
        )
        return QCoreApplication.translate(
            "GuiSession",
            "数据库服务器 {address} 上的督办数据结构是 {current} 版，本程序需要 {target} 版。"
            "升级会影响所有连接这台服务器的电脑，升级后旧版本的督办将无法再打开它。"
            "{backup}是否现在升级？",
        ).format(
            address=describe_location(self._db_path), current=current, target=target, backup=backup
        )

    def _remember_location(self) -> None:
        """The server (URL without password) for the next start; "" once back on a file."""
        path = self._db_path
        remember_server(self._settings, path.display() if isinstance(path, ServerAddress) else "")

    @Slot(str)
    def set_language(self, code: str) -> None:
        """Switch language: new catalogues, then a new window built in that language."""
        old = self.window
        if old is not None:
            old.save_layout()
        install_translators(self._app, code)
        self._build_window()
        if self._store is not None and self.window is not None:
            self.window.set_store(self._store)
        if old is not None:
            old.hide()
            old.deleteLater()

    @Slot()
    def _on_quit(self) -> None:
        if self._waiting_store is not None:
            self._waiting_store.close()
            self._waiting_store = None
        if self._first_fill is not None:
            self._first_fill.close()
            self._first_fill = None
        if self._store is not None:
            self._store.close()
            self._store = None


def run_gui(db_path: DatabaseLocation | None) -> int:
    """Open the main window on ``db_path`` (None: the server the window last used, else this
    PC's own file); returns the process exit code."""
    app = make_application()
    settings = app_settings()
    session = GuiSession(app, db_path or start_location(settings), settings)
    session.database_failed.connect(lambda _text: app.exit(1))
    session.start()
    return app.exec()
