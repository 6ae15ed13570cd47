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
from ui.common import messages, save_dialogs, words
from ui.common.folders import Purpose, last_folder, remember
from ui.common.worker import run_in_pool
from ui.printing.preview import PdfPreview

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# ui.main_window's tab numbers (not imported: main_window imports this module)
TAB_UNITS = 1
TAB_DASHBOARD = 2


class SheetKind(StrEnum):
    TASK = "task"  # 督办单
    UNIT = "unit"  # 任务分工责任清单
    REMINDER = "reminder"  # 催办单
    PLAN_TABLE = "plan_table"  # 重点任务分工表
    SUMMARY = "summary"  # 进展情况汇总表
    ALL_UNITS = "all_units"  # 各单位任务分工责任清单
    BULLETIN = "bulletin"  # 进展情况通报


@dataclass(frozen=True, slots=True)
class SheetRequest:
    """What to print; ids, never live records, so it can cross to the pool thread."""

    kind: SheetKind
    plan_id: str
    task_id: str | None = None
    unit_id: str | None = None
    #: The day lights and figures are counted on (the dashboard's); today when None.
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

    out = io.BytesIO()
    title, name = _write(db_path, request, out, word=False)
    return GeneratedSheet(request, out.getvalue(), title, sheets.safe_file_name(name))


def write_word(db_path: Path, request: SheetRequest, path: Path) -> Path:
    """Write ``request``'s sheet as a Word document to ``path`` (runs on a pool thread)."""
    if request.kind is SheetKind.ALL_UNITS:
        raise ValueError("the all-units batch is PDF only")
    _write(db_path, request, path, word=True)
    return path


def _write(
    db_path: Path, request: SheetRequest, out: io.BytesIO | Path, *, word: bool
) -> tuple[str, str]:
    """Write the sheet as PDF or Word; return its title and suggested file name."""
    import sheets
    import sheets.word as docx_sheets
    from models.store import Store

    as_of = request.as_of or dt.date.today()
    options = sheets.SheetOptions(as_of=as_of)
    store = Store(db_path)
    try:
        kind = request.kind
        if kind in (SheetKind.REMINDER, SheetKind.BULLETIN):
            view, lights = store.lights(as_of, request.plan_id)
            if kind is SheetKind.BULLETIN:
                write = docx_sheets.bulletin_docx if word else sheets.bulletin_sheet
                write(view, lights, as_of, out, options)
                return "进展情况通报", f"进展情况通报-{as_of.isoformat()}"
            assert request.unit_id is not None
            write_reminder = docx_sheets.reminder_docx if word else sheets.reminder_sheet
            write_reminder(view, lights, request.unit_id, as_of, out, options)
            unit = _unit_name(view, request.unit_id)
            return f"催办单（{unit}）", f"催办单-{unit}-{as_of.isoformat()}"
        view = store.plan_view(request.plan_id)
        if kind is SheetKind.TASK:
            task = next(t for t in view.all_tasks() if t.id == request.task_id)
            # Each unit's current report, its review and the 批示; the light as of the day.
            light = store.lights(as_of, request.plan_id)[1].get(task.id)
            # The 佐证材料 each current report lists, named under it.
            files = store.attachments_of(r.revision_id for r in task.current_progress)
            if word:
                docx_sheets.task_docx(
                    view, task, out, deadline=task.deadline, light=light, options=options,
                    attachments=files,
                )  # fmt: skip
            else:
                sheets.task_sheet(
                    view, task, out, deadline=task.deadline, light=light, options=options,
                    attachments=files,
                )  # fmt: skip
            return f"督办单（第 {task.number} 项）", f"督办单（第 {task.number} 项）"
        if kind is SheetKind.UNIT:
            assert request.unit_id is not None
            (docx_sheets.unit_docx if word else sheets.unit_sheet)(
                view, request.unit_id, out, options
            )
            unit = _unit_name(view, request.unit_id)
            return f"任务分工责任清单（{unit}）", f"任务分工责任清单-{unit}"
        if kind is SheetKind.PLAN_TABLE:
            (docx_sheets.plan_table_docx if word else sheets.plan_table)(view, out, options)
            return "重点任务分工表", "重点任务分工表"
        if kind is SheetKind.SUMMARY:
            _, lights = store.lights(as_of, request.plan_id)
            write_summary = docx_sheets.summary_docx if word else sheets.summary_sheet
            write_summary(view, out, options, lights)
            return "进展情况汇总表", "进展情况汇总表"
        sheets.all_units_sheet(view, out, options)
        return "任务分工责任清单（各单位）", "任务分工责任清单（各单位）"
    finally:
        store.close()


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


def write_ledger_file(db_path: Path, plan_id: str, as_of: dt.date, path: Path) -> Path:
    """The Excel 台账 as of ``as_of``: tasks, every report revision, plan changes."""
    from models.store import Store
    from supervision.ledger import write_ledger

    store = Store(db_path)
    try:
        view, lights = store.lights(as_of, plan_id)
        history = {t.id: store.progress_history(t.id) for t in view.all_tasks()}
        changes = store.plan_change_log(view.id)
    finally:
        store.close()
    return write_ledger(view, lights, as_of, path, history=history, changes=changes)


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
    #: A Word copy (另存为 Word) or the Excel 台账 was written, and the clerk told.
    file_saved = Signal(Path)

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
            a.print_bulletin,
            a.print_all_units,
            a.save_unit_sheets,
            a.export_ledger,
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
        a.print_bulletin.triggered.connect(self.preview_bulletin)
        a.save_unit_sheets.triggered.connect(self.save_unit_sheets)
        a.export_ledger.triggered.connect(self.export_ledger)
        window.plans_reloaded.connect(self._update_enabled)
        # The dashboard's own buttons: the paperwork of the day and unit chosen there.
        window.dashboard_built.connect(self._add_dashboard_buttons)
        if window.built_dashboard() is not None:
            self._add_dashboard_buttons()
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

    @Slot()
    def _add_dashboard_buttons(self) -> None:
        dashboard = self._window.built_dashboard()
        if dashboard is not None:
            a = self._window.menu_actions
            dashboard.add_actions(
                [
                    (a.print_bulletin, self.tr("通报…")),
                    (a.print_reminder, self.tr("催办单…")),
                    (a.export_ledger, self.tr("台账…")),
                ]
            )

    # --- what is selected ----------------------------------------------------------------
    def _as_of(self) -> dt.date:
        """The day chosen on the dashboard (once it has been opened); else today."""
        dashboard = self._window.built_dashboard()
        return dashboard.as_of_date() if dashboard is not None else dt.date.today()

    def _dashboard_unit(self) -> str | None:
        """The unit selected in the dashboard's table, while the dashboard is shown."""
        dashboard = self._window.built_dashboard()
        if dashboard is None or self._window.tabs.currentIndex() != TAB_DASHBOARD:
            return None
        return dashboard.selected_unit_id()

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
        """The unit selected on the dashboard (when it is shown), else the one chosen in
        按单位, else the unit this PC serves; None asks the clerk."""
        chosen = self._dashboard_unit() or self._window.unit_view.current_unit_id()
        if chosen:
            return chosen
        inst = self._window.installation
        if inst is not None and inst.counted_unit_id is not None:
            return inst.counted_unit_id
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
        self.generate(
            SheetRequest(SheetKind.TASK, task.plan_id, task_id=task.id, as_of=self._as_of())
        )

    @Slot()
    def preview_unit(self) -> None:
        self._unit_request(SheetKind.UNIT)

    @Slot()
    def preview_reminder(self) -> None:
        self._unit_request(SheetKind.REMINDER)

    def _unit_request(self, kind: SheetKind) -> None:
        plan_id = self._plan_id()
        unit_id = self._unit_id() if plan_id else None
        if plan_id and unit_id:
            self.generate(SheetRequest(kind, plan_id, unit_id=unit_id, as_of=self._as_of()))

    @Slot()
    def preview_plan_table(self) -> None:
        self._plan_request(SheetKind.PLAN_TABLE)

    @Slot()
    def preview_summary(self) -> None:
        self._plan_request(SheetKind.SUMMARY)

    @Slot()
    def preview_all_units(self) -> None:
        self._plan_request(SheetKind.ALL_UNITS)

    @Slot()
    def preview_bulletin(self) -> None:
        self._plan_request(SheetKind.BULLETIN)

    def _plan_request(self, kind: SheetKind) -> None:
        plan_id = self._plan_id()
        if plan_id:
            self.generate(SheetRequest(kind, plan_id, as_of=self._as_of()))

    @Slot()
    def save_unit_sheets(self) -> None:
        store, plan_id = self._window.store, self._plan_id()
        if store is None or plan_id is None or self._busy:
            return
        folder = messages.choose_sheets_folder(self._window, last_folder(Purpose.SHEETS))
        if folder is None:
            return
        remember(Purpose.SHEETS, folder)
        self._set_busy(self.tr("正在生成各单位任务分工责任清单…"))
        run_in_pool(
            self._on_written, self._on_failed, write_unit_sheets, store.path, plan_id, folder
        )

    @Slot()
    def export_ledger(self) -> None:
        """文件 → 导出台账…: the Excel 台账 as of the dashboard's day, to a chosen file."""
        store, plan_id = self._window.store, self._plan_id()
        if store is None or plan_id is None or self._busy:
            return
        as_of = self._as_of()
        name = f"督办台账-{as_of.isoformat()}.xlsx"
        path = save_dialogs.choose_save_path(self._window, Purpose.LEDGER, name, ".xlsx")
        if path is None:
            return
        self._set_busy(self.tr("正在导出台账…"))
        run_in_pool(
            self._on_file_saved,
            self._on_failed,
            write_ledger_file,
            store.path,
            plan_id,
            as_of,
            path,
        )

    def save_word(self, request: SheetRequest, path: Path) -> None:
        """另存为 Word from a preview: the same request, written as .docx on a pool thread."""
        store = self._window.store
        if store is None or self._busy:
            return
        self._set_busy(self.tr("正在生成 Word 文档…"))
        run_in_pool(self._on_file_saved, self._on_failed, write_word, store.path, request, path)

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
            SheetKind.BULLETIN: self.tr("进展情况通报"),
        }[kind]

    # --- results -------------------------------------------------------------------------
    @Slot(object)
    def _on_generated(self, result: GeneratedSheet) -> None:
        self._set_busy(None)
        word = None
        if result.request.kind is not SheetKind.ALL_UNITS:

            def word(path: Path, request: SheetRequest = result.request) -> None:
                self.save_word(request, path)

        preview = PdfPreview(result.pdf, result.title, result.file_name, self._window, word)
        preview.show()
        preview.raise_()
        self.preview_opened.emit(preview)

    @Slot(object)
    def _on_file_saved(self, path: Path) -> None:
        self._set_busy(None)
        self._window.statusBar().showMessage(self.tr("已保存：{path}").format(path=path), 10000)
        save_dialogs.tell_saved(self._window, path)
        self.file_saved.emit(path)

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
            text = self.tr("未能生成文件：{reason}").format(reason=error)
        else:
            text = self.tr("生成文件时出错：{reason}").format(reason=f"{type(error).__name__}")
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
