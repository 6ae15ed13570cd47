"""Window layer: 打印 / 预览 — the print menu's actions.

Each action names what to print (the selected task's 督办单, the selected unit's 责任清单 or
催办单, the plan's 分工表 or 汇总表, every unit's sheets); the sheet is made on a pool thread
by :func:`generate_sheet` with its own ``Store`` (sessions never cross threads) and opens in
a :class:`~ui.printing.preview.PdfPreview`, from which the clerk prints or saves it. While a sheet
is being made the window stays live: a busy bar in the status bar, the print actions off.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QProgressBar

from domain.records import PlanView
from models.errors import StoreError
from ui.common import messages, words
from ui.common.worker import run_in_pool
from ui.printing.preview import PdfPreview, default_folder

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TAB_UNITS = 1  # ui.main_window.TAB_UNITS (not imported: main_window imports this module)


class SheetKind(StrEnum):
    TASK = "task"  # 督办单
    UNIT = "unit"  # 任务分工责任清单
    REMINDER = "reminder"  # 催办单
    PLAN_TABLE = "plan_table"  # 重点任务分工表
    SUMMARY = "summary"  # 进展情况汇总表
    ALL_UNITS = "all_units"  # 各单位任务分工责任清单


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """What to print; ids, never live records, so it can cross to the pool thread."""

    kind: SheetKind
    plan_id: str
    task_id: str | None = None
    unit_id: str | None = None
    #: The day a 催办单 counts from.
    as_of: dt.date | None = None


@dataclass(frozen=True, slots=True)
class GeneratedSheet:
    request: SheetRequest
    pdf: bytes
    #: The document's own (Chinese) title, e.g. 督办单（第 25 项）.
    title: str
    #: Suggested name for 另存为.
    file_name: str


def generate_sheet(db_path: Path, request: SheetRequest) -> GeneratedSheet:
    """Make the PDF of ``request`` in memory (runs on a pool thread)."""
    import sheets
    from models.store import Store

    store = Store(db_path)
    out = io.BytesIO()
    try:
        kind = request.kind
        if kind is SheetKind.REMINDER:
            assert request.unit_id is not None
            as_of = request.as_of or dt.date.today()
            view, lights = store.lights(as_of, request.plan_id)
            sheets.reminder_sheet(view, lights, request.unit_id, as_of, out)
            title = f"催办单（{_unit_name(view, request.unit_id)}）"
            name = f"催办单-{_unit_name(view, request.unit_id)}-{as_of.isoformat()}"
        elif kind is SheetKind.TASK:
            assert request.task_id is not None
            view = store.plan_view(request.plan_id)
            task = next(t for t in view.all_tasks() if t.id == request.task_id)
            history = store.progress_history(task.id)
            sheets.task_sheet(view, task, out, history=history, deadline=task.deadline)
            title = name = f"督办单（第 {task.number} 项）"
        else:
            view = store.plan_view(request.plan_id)
            if kind is SheetKind.UNIT:
                assert request.unit_id is not None
                sheets.unit_sheet(view, request.unit_id, out)
                title = f"任务分工责任清单（{_unit_name(view, request.unit_id)}）"
                name = f"任务分工责任清单-{_unit_name(view, request.unit_id)}"
            elif kind is SheetKind.PLAN_TABLE:
                sheets.plan_table(view, out)
                title = name = "重点任务分工表"
            elif kind is SheetKind.SUMMARY:
                sheets.summary_sheet(view, out)
                title = name = "进展情况汇总表"
            else:
                sheets.all_units_sheet(view, out)
                title = name = "任务分工责任清单（各单位）"
    finally:
        store.close()
    return GeneratedSheet(request, out.getvalue(), title, sheets.safe_file_name(name))


def write_unit_sheets(db_path: Path, plan_id: str, folder: Path) -> list[Path]:
    """One 任务分工责任清单 per unit into ``folder`` (runs on a pool thread)."""
    import sheets
    from models.store import Store

    store = Store(db_path)
    try:
        view = store.plan_view(plan_id)
    finally:
        store.close()
    return sheets.split_unit_sheets(view, folder)


def _unit_name(view: PlanView, unit_id: str) -> str:
    from sheets import find_unit

    found = find_unit(view, unit_id)
    return found.unit_name if found else unit_id


class PrintCommands(QObject):
    """The print menu's handlers; owns no data, asks the window what is selected."""

    #: A generated sheet is shown (the preview window).
    preview_opened = Signal(object)
    #: Files written by 每单位一个文件.
    sheets_written = Signal(list)
    #: Generation failed; the clerk has been told (the text said).
    failed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._busy = False
        a = window.menu_actions
        self._actions: tuple[QAction, ...] = (
            a.print_task,
            a.print_unit,
            a.print_reminder,
            a.print_plan_table,
            a.print_summary,
            a.print_all_units,
            a.save_unit_sheets,
        )
        self.busy_bar = QProgressBar(window)
        self.busy_bar.setObjectName("print_busy_bar")
        self.busy_bar.setRange(0, 0)  # no percentage to tell: an indefinite busy bar
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setVisible(False)
        # Permanent: a temporary message (正在生成…) would cover a normal status-bar widget.
        window.statusBar().insertPermanentWidget(0, self.busy_bar)
        self._init_context_menus()
        a.print_task.triggered.connect(self.preview_task)
        a.print_unit.triggered.connect(self.preview_unit)
        a.print_reminder.triggered.connect(self.preview_reminder)
        a.print_plan_table.triggered.connect(self.preview_plan_table)
        a.print_summary.triggered.connect(self.preview_summary)
        a.print_all_units.triggered.connect(self.preview_all_units)
        a.save_unit_sheets.triggered.connect(self.save_unit_sheets)
        window.plans_reloaded.connect(self._update_enabled)
        self._update_enabled()

    def _init_context_menus(self) -> None:
        """Right-click on a task or a unit offers its sheets (the actions of the menu)."""
        w, a = self._window, self._window.menu_actions
        for view, actions in (
            (w.tree, (a.print_task, a.print_plan_table, a.print_summary)),
            (w.unit_view.unit_list, (a.print_unit, a.print_reminder)),
            (w.unit_view.task_tree, (a.print_task,)),
        ):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions(list(actions))

    # --- what is selected ----------------------------------------------------------------
    def _plan_id(self) -> str | None:
        node = self._window.selected_node()
        if node is not None:
            return node.plan_id
        task = self._window.detail.current_task()
        if task is not None:
            return task.plan_id
        store = self._window.store
        return store.default_plan_id() if store is not None else None

    def _unit_id(self) -> str | None:
        """The unit chosen in 按单位, else the unit this PC serves; None asks the clerk."""
        chosen = self._window.unit_view.current_unit_id()
        if chosen:
            return chosen
        inst = self._window.installation
        if inst is not None and inst.unit_id is not None:
            return inst.unit_id
        self._window.tabs.setCurrentIndex(TAB_UNITS)
        messages.information(
            self._window, self.tr("请选择单位"), self.tr("请先在“按单位”页选择一个单位。")
        )
        return None

    # --- actions -------------------------------------------------------------------------
    @Slot()
    def preview_task(self) -> None:
        task = self._window.detail.current_task()
        if task is None:
            messages.information(
                self._window, self.tr("请选择任务"), self.tr("请先在左侧选择一项任务。")
            )
            return
        self.generate(SheetRequest(SheetKind.TASK, task.plan_id, task_id=task.id))

    @Slot()
    def preview_unit(self) -> None:
        self._unit_request(SheetKind.UNIT)

    @Slot()
    def preview_reminder(self) -> None:
        self._unit_request(SheetKind.REMINDER, dt.date.today())

    def _unit_request(self, kind: SheetKind, as_of: dt.date | None = None) -> None:
        plan_id = self._plan_id()
        unit_id = self._unit_id() if plan_id else None
        if plan_id and unit_id:
            self.generate(SheetRequest(kind, plan_id, unit_id=unit_id, as_of=as_of))

    @Slot()
    def preview_plan_table(self) -> None:
        self._plan_request(SheetKind.PLAN_TABLE)

    @Slot()
    def preview_summary(self) -> None:
        self._plan_request(SheetKind.SUMMARY)

    @Slot()
    def preview_all_units(self) -> None:
        self._plan_request(SheetKind.ALL_UNITS)

    def _plan_request(self, kind: SheetKind) -> None:
        plan_id = self._plan_id()
        if plan_id:
            self.generate(SheetRequest(kind, plan_id))

    @Slot()
    def save_unit_sheets(self) -> None:
        store, plan_id = self._window.store, self._plan_id()
        if store is None or plan_id is None or self._busy:
            return
        folder = messages.choose_sheets_folder(self._window, default_folder())
        if folder is None:
            return
        self._set_busy(self.tr("正在生成各单位任务分工责任清单…"))
        run_in_pool(
            self._on_written, self._on_failed, write_unit_sheets, store.path, plan_id, folder
        )

    def generate(self, request: SheetRequest) -> bool:
        """Start making ``request``'s PDF; False when another one is still being made."""
        store = self._window.store
        if store is None or self._busy:
            return False
        self._set_busy(self.tr("正在生成{sheet}…").format(sheet=self.kind_text(request.kind)))
        run_in_pool(self._on_generated, self._on_failed, generate_sheet, store.path, request)
        return True

    def kind_text(self, kind: SheetKind) -> str:
        return {
            SheetKind.TASK: self.tr("督办单"),
            SheetKind.UNIT: self.tr("任务分工责任清单"),
            SheetKind.REMINDER: self.tr("催办单"),
            SheetKind.PLAN_TABLE: self.tr("重点任务分工表"),
            SheetKind.SUMMARY: self.tr("进展情况汇总表"),
            SheetKind.ALL_UNITS: self.tr("各单位任务分工责任清单"),
        }[kind]

    # --- results -------------------------------------------------------------------------
    @Slot(object)
    def _on_generated(self, result: GeneratedSheet) -> None:
        self._set_busy(None)
        preview = PdfPreview(result.pdf, result.title, result.file_name, self._window)
        preview.show()
        preview.raise_()
        self.preview_opened.emit(preview)

    @Slot(object)
    def _on_written(self, files: list[Path]) -> None:
        self._set_busy(None)
        folder = files[0].parent if files else ""
        text = self.tr("已生成 {count} 个单位的任务分工责任清单，保存在：{folder}").format(
            count=len(files), folder=folder
        )
        self._window.statusBar().showMessage(text, 10000)
        messages.information(self._window, self.tr("已保存"), text)
        self.sheets_written.emit(files)

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        from sheets import SheetError

        self._set_busy(None)
        if isinstance(error, StoreError):
            text = words.store_error_text(error.code, error.detail)
        elif isinstance(error, SheetError | OSError):
            text = self.tr("未能生成 PDF：{reason}").format(reason=error)
        else:
            text = self.tr("生成 PDF 时出错：{reason}").format(reason=f"{type(error).__name__}")
        messages.error(self._window, self.tr("未能生成"), text, details=str(error))
        self.failed.emit(text)

    # --- busy state ----------------------------------------------------------------------
    def _set_busy(self, message: str | None) -> None:
        """``message``: what is being made; None when done."""
        busy = message is not None
        if busy == self._busy:
            return
        self._busy = busy
        self.busy_bar.setVisible(busy)
        bar = self._window.statusBar()
        if busy:
            bar.showMessage(message or "")
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            bar.clearMessage()
            QApplication.restoreOverrideCursor()
        self._update_enabled()

    @property
    def busy(self) -> bool:
        return self._busy

    @Slot()
    def _update_enabled(self) -> None:
        enabled = self._window.store is not None and not self._busy
        for action in self._actions:
            action.setEnabled(enabled)
