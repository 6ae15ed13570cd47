"""Window layer: the window's user actions that write: 填报进展, 修改进展, 导入方案, 本机设置.

Each runs a dialog that returns data, hands the data to the ``Store`` and turns the
store's refusal codes into words. A refused entry reopens the dialog with what was typed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from domain.attachments import AttachmentRefused
from domain.enums import ProgressStatus
from domain.records import ProgressInput, ProgressRevision, TaskView
from domain.task_flags import TaskCorrection
from domain.validation import ProgressProblem
from models.errors import ProgressRejected, StoreError
from plan_parser import ParsedPlan
from ui.attachments import viewer as attachment_viewer
from ui.attachments import words as attachment_words
from ui.common import messages, words
from ui.common.worker import run_in_pool
from ui.plan_import.dialog import PlanImportDialog
from ui.progress.dialog import ProgressDialog, new_entry, revision_entry
from ui.units.office_dialog import OfficeDialog

if TYPE_CHECKING:
    from domain.records import PlanSummary
    from ui.main_window import MainWindow


def import_plan_file(
    db_path: Path, parsed: ParsedPlan, corrections: tuple[TaskCorrection, ...] = ()
) -> PlanSummary:
    """Runs on a pool thread with its own ``Store`` (sessions never cross threads)."""
    from models.store import Store

    store = Store(db_path)
    try:
        return store.import_plan(parsed, corrections)
    finally:
        store.close()


class Commands(QObject):
    """Writes on behalf of the main window; owns no data of its own."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._importing = False

    # --- 填报进展 / 修改进展 ---------------------------------------------------------------
    @Slot(str)
    def report(self, task_id: str) -> None:
        task = self._task(task_id)
        if task is None or not self._ensure_office():
            return
        inst = self._window.installation
        assert inst is not None
        if inst.is_coordinating_office:
            units = [(a.unit_id, a.unit_name) for a in task.assignments]
            chosen = self._window.detail.selected_unit_id()
            unit_id = chosen if chosen in dict(units) else units[0][0]
            self._edit_and_save(task, self._new_entry(task, unit_id), units, unit_fixed=False)
        else:
            # The unit under its 单位名录 name, as the task names it; the store writes the
            # report under this PC's own unit.
            unit_id = inst.counted_unit_id
            assert unit_id is not None
            if not task.has_unit(unit_id):
                # Said before any typing; the dialog and the store refuse it as well.
                messages.information(
                    self._window,
                    self.tr("不能填报"),
                    words.problem_text(ProgressProblem.UNIT_NOT_IN_TASK),
                )
                return
            units = [(unit_id, inst.home_unit_name or inst.unit_name or "")]
            self._edit_and_save(task, self._new_entry(task, unit_id), units, unit_fixed=True)

    def _own_revision(
        self, task_id: str, revision_id: str, refused_title: str
    ) -> tuple[TaskView, ProgressRevision] | None:
        """The task and one of its revisions, when this PC may act on it (edit, withdraw);
        None after telling the clerk why not."""
        task = self._task(task_id)
        store = self._window.store
        if task is None or store is None or not self._ensure_office():
            return None
        revision = store.revision(revision_id)
        if revision is None or revision.task_id != task_id:
            return None
        inst = self._window.installation
        if inst is not None and inst.unit_id is not None and inst.unit_id != revision.unit_id:
            # The store refuses it too; saying so first spares the clerk typing in vain.
            messages.information(
                self._window,
                refused_title,
                words.store_error_text("unit_not_allowed", inst.unit_name or ""),
            )
            return None
        return task, revision

    @Slot(str, str)
    def edit(self, task_id: str, revision_id: str) -> None:
        found = self._own_revision(task_id, revision_id, self.tr("不能修改"))
        if found is None:
            return
        task, revision = found
        # Counted for its canonical unit when the office declared its name an alias.
        counted = next(
            (r.unit_id for r in task.current_progress if r.revision_id == revision.revision_id),
            revision.unit_id,
        )
        name = next((a.unit_name for a in task.assignments if a.unit_id == counted), None)
        units = [(counted, name or revision.unit_name)]
        entry = dataclasses.replace(revision_entry(revision), unit_id=counted)
        self._edit_and_save(task, entry, units, unit_fixed=True)

    def _edit_and_save(
        self,
        task: TaskView,
        entry: ProgressInput,
        units: list[tuple[str, str]],
        *,
        unit_fixed: bool,
    ) -> None:
        store = self._window.store
        assert store is not None
        limits = store.attachment_limits(task.plan_id)
        parent_id = entry.parent_revision_id
        kept = store.attachments_of([parent_id]).get(parent_id, ()) if parent_id else ()

        def opener(item: object) -> None:
            attachment_viewer.show(self._window, store, item)  # type: ignore[arg-type]

        while True:
            typed = ProgressDialog.edit(
                self._window, task, entry, units, unit_fixed=unit_fixed, limits=limits,
                attachments=kept, opener=opener,
            )  # fmt: skip
            if typed is None:
                return
            entry = typed  # a refused entry reopens with what was typed
            try:
                store.record_progress(entry)
            except ProgressRejected as exc:
                text = "\n".join(words.problem_text(p) for p in exc.problems)
            except StoreError as exc:
                text = words.store_error_text(exc.code, exc.detail)
                if exc.code == "revision_superseded":
                    # Changed elsewhere meanwhile: show the newer version, keep what was
                    # typed, and let the clerk save it as an edit of that version.
                    entry = self._onto_newest(entry)
                    self._window.reload()
            except AttachmentRefused as exc:
                text = attachment_words.refusal_text(exc, limits)
            else:
                self._window.refresh_task(task)
                self._window.statusBar().showMessage(self.tr("进展已保存。"), 5000)
                return
            messages.error(self._window, self.tr("未能保存"), text)

    def _onto_newest(self, entry: ProgressInput) -> ProgressInput:
        store = self._window.store
        assert store is not None and entry.parent_revision_id is not None
        parent = store.revision(entry.parent_revision_id)
        if parent is None:
            return entry
        # Only that report's chain: a task can have tens of thousands of revisions.
        newest = store.report_history(parent.report_id)[0]  # newest first
        return dataclasses.replace(entry, parent_revision_id=newest.revision_id)

    @Slot(str, str)
    def withdraw(self, task_id: str, revision_id: str) -> None:
        """撤回: the report the revision belongs to stops counting; it stays in the history."""
        found = self._own_revision(task_id, revision_id, self.tr("不能撤回"))
        store = self._window.store
        if found is None or store is None:
            return
        task, revision = found
        reason = messages.ask_text(
            self._window,
            self.tr("撤回进展"),
            self.tr("撤回 {unit} 的这份进展（记录保留在历史中，不再计入报送）。撤回原因：").format(
                unit=revision.unit_name
            ),
        )
        if reason is None:
            return
        try:
            store.withdraw_report(task_id, revision.unit_id, reason, revision_id=revision_id)
        except ProgressRejected as exc:
            text = "\n".join(words.problem_text(p) for p in exc.problems)
        except StoreError as exc:
            text = words.store_error_text(exc.code, exc.detail)
        else:
            self._window.refresh_task(task)
            self._window.statusBar().showMessage(self.tr("进展已撤回。"), 5000)
            return
        messages.error(self._window, self.tr("未能撤回"), text)

    def _new_entry(self, task: TaskView, unit_id: str) -> ProgressInput:
        """Starts from the unit's last status and percent and this PC's 填报人 / 电话."""
        store = self._window.store
        assert store is not None
        start = store.report_defaults(task.id, unit_id)
        status = start.status
        if status is ProgressStatus.NOT_STARTED and start.current is None:
            status = ProgressStatus.IN_PROGRESS
        return new_entry(
            task,
            unit_id,
            status=status,
            percent=start.percent,
            reporter=start.reporter,
            phone=start.phone,
        )

    def _task(self, task_id: str) -> TaskView | None:
        node = self._window.model.node_by_id(task_id)
        return node.task if node is not None else None

    # --- 本机单位 --------------------------------------------------------------------------
    def _ensure_office(self) -> bool:
        inst = self._window.installation
        return (inst is not None and inst.configured) or self.choose_office()

    @Slot()
    def choose_office(self) -> bool:
        """Ask which unit this PC serves and what it is called, and remember both; False if
        the clerk cancels."""
        store = self._window.store
        if store is None:
            return False
        # In the order the plan names them, as the clerk knows them from the document.
        names = list(dict.fromkeys(u.unit_name for p in store.plan_views() for u in p.units()))
        choice = OfficeDialog.edit(self._window, names, store.installation())
        if choice is None:
            return False
        try:
            inst = store.set_office(
                choice.unit_name,
                coordinating_office=choice.coordinating_office,
                installation_name=choice.installation_name,
            )
        except StoreError as exc:
            messages.error(
                self._window, self.tr("未能保存"), words.store_error_text(exc.code, exc.detail)
            )
            return False
        self._window.set_installation(inst)
        return True

    # --- 导入方案 --------------------------------------------------------------------------
    @Slot()
    def import_plan(self, path: Path | None = None) -> None:
        store = self._window.store
        if store is None or self._importing:
            return
        inst = self._window.installation
        office = inst is not None and inst.is_coordinating_office
        chosen = PlanImportDialog.edit(self._window, path, can_correct=office)
        if chosen is None:
            return
        parsed, corrections = chosen
        self._window.statusBar().showMessage(self.tr("正在导入方案…"))
        self._importing = True
        self._window.menu_actions.import_plan.setEnabled(False)
        run_in_pool(
            self._on_imported,
            self._on_import_failed,
            import_plan_file,
            store.path,
            parsed,
            corrections,
        )

    @Slot(object)
    def _on_imported(self, summary: PlanSummary) -> None:
        self._importing = False
        self._window.menu_actions.import_plan.setEnabled(True)
        self._window.reload(select_id=summary.id)
        self._window.statusBar().showMessage(
            self.tr("已导入方案：{title}（{count} 项任务）").format(
                title=summary.title, count=summary.task_count
            ),
            8000,
        )

    @Slot(object)
    def _on_import_failed(self, error: Exception) -> None:
        self._importing = False
        self._window.menu_actions.import_plan.setEnabled(True)
        self._window.statusBar().clearMessage()
        if isinstance(error, StoreError):
            text = words.store_error_text(error.code, error.detail)
        else:
            text = self.tr("导入失败：{reason}").format(reason=error)
        messages.error(self._window, self.tr("未能导入方案"), text)
