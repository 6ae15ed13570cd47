"""Window layer: the main window's command objects, made on first use (a mixin).

The commands import every dialog, the exchange file reader (cryptography), the plan parser
and the PDF preview: about 90 ms that used to come before the window's first paint. Each
is made when first used, and all of them once the window has shown its plans (``GuiSession``
calls ``build_commands`` from the idle loop), so the menus they wire up work from then on.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from ui.actions import WindowActions
    from ui.backups.restore_dialog import BackupCommands
    from ui.commands import Commands
    from ui.dashboard.view import Dashboard
    from ui.detail.pane import DetailPane
    from ui.exchange.commands import ExchangeCommands
    from ui.main_window import MainWindow
    from ui.printing.commands import PrintCommands
    from ui.supervision.commands import SupervisionCommands


class WindowCommandsMixin:
    """``commands``, ``supervision``, ``exchange``, ``printing`` and ``backups``, lazily."""

    menu_actions: WindowActions
    detail: DetailPane
    dashboard_page: QWidget
    _dashboard_layout: QVBoxLayout
    _dashboard: Dashboard | None

    def _window(self) -> MainWindow:
        return cast("MainWindow", self)

    @property
    def dashboard(self) -> Dashboard:
        """The 督办看板, built on first use (its tab opened); ``dashboard_built`` then."""
        if self._dashboard is None:
            from ui.dashboard.view import Dashboard  # off the start-up path (bench/README.md)

            self._dashboard = Dashboard(self.dashboard_page)
            self._dashboard_layout.addWidget(self._dashboard)
            self._window().dashboard_built.emit()
        return self._dashboard

    def built_dashboard(self) -> Dashboard | None:  # None: not built, and left so
        return self._dashboard

    @cached_property
    def commands(self) -> Commands:
        from ui.commands import Commands

        return Commands(self._window())

    @cached_property
    def supervision(self) -> SupervisionCommands:
        from ui.supervision.commands import SupervisionCommands

        return SupervisionCommands(self._window())

    @cached_property
    def exchange(self) -> ExchangeCommands:
        from ui.exchange.commands import ExchangeCommands

        return ExchangeCommands(self._window())

    @cached_property
    def printing(self) -> PrintCommands:
        from ui.printing.commands import PrintCommands

        return PrintCommands(self._window())  # connects the 打印与预览 actions itself

    @cached_property
    def backups(self) -> BackupCommands:
        from ui.backups.restore_dialog import BackupCommands

        return BackupCommands(self._window())  # connects 工具 → 恢复备份… itself

    def build_commands(self) -> None:
        """Make every command object now (those that wire their own menu actions too)."""
        for name in ("commands", "supervision", "exchange", "printing", "backups"):
            getattr(self, name)

    def _connect_commands(self) -> None:
        # Through lambdas: naming a bound method here would make its object at once.
        a = self.menu_actions
        a.import_plan.triggered.connect(lambda: self.commands.import_plan())
        a.export_exchange.triggered.connect(lambda: self.exchange.export_exchange())
        a.import_exchange.triggered.connect(lambda: self.exchange.import_exchange())
        a.import_log.triggered.connect(lambda: self.exchange.show_import_log())
        a.own_key.triggered.connect(lambda: self.exchange.show_own_key())
        a.set_office.triggered.connect(lambda: self.commands.choose_office())

    def _connect_detail_commands(self) -> None:
        self.detail.report_requested.connect(lambda task_id: self.commands.report(task_id))
        self.detail.edit_requested.connect(
            lambda task_id, revision_id: self.commands.edit(task_id, revision_id)
        )
        self.detail.withdraw_requested.connect(
            lambda task_id, revision_id: self.commands.withdraw(task_id, revision_id)
        )
        self.detail.attachment_requested.connect(self._show_attachment)

    def _show_attachment(self, entry: object) -> None:
        """A file double-clicked in the detail pane: the viewer (or, confirmed, the system)."""
        from ui.attachments import viewer  # off the start-up path

        window = self._window()
        if window.store is not None:
            viewer.show(window, window.store, entry)  # type: ignore[arg-type]
