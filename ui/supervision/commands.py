"""Window layer: the 督办 actions of the main window: deadlines, report rounds, the warning
window, plan corrections (修改/新增/办结/恢复), the change log, and the dashboard's link to the
tree (a clicked figure shows exactly its tasks).

Each action runs a dialog that returns data, hands it to the ``Store`` and turns a refusal
code into words. Plan content is the coordinating office's alone: elsewhere the actions are
disabled and say why (the store refuses them as well).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from domain.exchange_records import PlanChange
from domain.plan_names import plan_labels
from domain.records import PlanView, TaskView
from domain.status_lights import DEFAULT_WARNING_DAYS, TaskLight
from models.errors import StoreError
from ui import clock
from ui.common import messages, words
from ui.supervision.deadline_dialog import DeadlineDialog, initial_deadline
from ui.supervision.plan_changes_view import PlanChangesDialog
from ui.supervision.rounds_dialog import RoundsDialog, WarningDaysDialog, initial_rounds
from ui.supervision.task_edit_dialog import CloseTaskDialog, TaskEditDialog, entry_for, new_entry
from ui.units.directory_commands import open_unit_directory

if TYPE_CHECKING:
    from models.store import Store
    from ui.main_window import MainWindow

#: The left tabs of the main window (its own constants, repeated to avoid an import cycle).
TAB_TREE, TAB_DASHBOARD = 0, 2


class SupervisionCommands(QObject):
    """督办 on behalf of the main window; owns no data of its own."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        a = window.menu_actions
        a.show_dashboard.triggered.connect(self.show_dashboard)
        a.set_deadline.triggered.connect(self.set_deadline)
        a.set_rounds.triggered.connect(self.set_rounds)
        a.warning_days.triggered.connect(self.set_warning_days)
        a.edit_task.triggered.connect(self.edit_task)
        a.add_task.triggered.connect(self.add_task)
        a.close_task.triggered.connect(lambda: self.close_task(closing=True))
        a.reopen_task.triggered.connect(lambda: self.close_task(closing=False))
        a.change_log.triggered.connect(self.show_change_log)
        a.review_reports.triggered.connect(self.review_reports)
        a.instruct.triggered.connect(self.instruct)
        a.unit_directory.triggered.connect(lambda: open_unit_directory(self._window))
        a.clear_filter.triggered.connect(self.clear_task_filter)
        window.filter_bar.clear_button.clicked.connect(self.clear_task_filter)
        window.task_filter_banner.clear_requested.connect(self.clear_task_filter)
        window.dashboard_built.connect(self._wire_dashboard)  # built when first opened
        window.plans_reloaded.connect(self._on_reloaded)
        # A report changes a task's light: the dashboard recomputes (once, when shown).
        window.model.dataChanged.connect(self._on_task_changed)
        window.tree.selectionModel().selectionChanged.connect(self.update_actions)
        if window.built_dashboard() is not None:
            self._wire_dashboard()
        self.update_actions()

    # --- lights for the tree (as of today) -----------------------------------------------
    def lights_today(
        self, plans: Iterable[PlanView], warning_days: int | None = None
    ) -> dict[str, TaskLight]:
        """Every task's light today: ``store.lights`` on the plans the window already has
        (``warning_days``: the file's, when read before the store is open)."""
        store = self._window.store
        warning = store.warning_days() if store is not None else DEFAULT_WARNING_DAYS
        if warning_days is not None:
            warning = warning_days
        return clock.lights_today(plans, warning)

    def today(self) -> dt.date:
        """The day lights are computed for (the dashboard's clock, patched in tests)."""
        return clock.today()

    def light_today(self, plan: PlanView, task_id: str) -> TaskLight | None:
        return self.lights_today([plan]).get(task_id)

    # --- enabling ------------------------------------------------------------------------
    def _is_coordinating_office(self) -> bool:
        inst = self._window.installation
        return self._window.store is not None and inst is not None and inst.is_coordinating_office

    def _selected_task(self) -> TaskView | None:
        node = self._window.selected_node()
        return node.task if node is not None else None

    @Slot()
    def update_actions(self) -> None:
        a = self._window.menu_actions
        has_store = self._window.store is not None
        office = self._is_coordinating_office()
        task = self._selected_task()
        for action in (a.show_dashboard, a.warning_days, a.change_log, a.unit_directory):
            action.setEnabled(has_store)
        need_task = self.tr("请先在方案中选择一项任务。")
        only_office = self.tr("只有协调办公室可以修改完成时限、报送节点和任务（本机只能查看）。")
        rules: list[tuple[QAction, bool, str]] = [
            (a.set_deadline, True, ""),
            (a.set_rounds, True, ""),
            (a.add_task, True, ""),
            (a.edit_task, task is not None, need_task),
            (a.close_task, task is not None and not task.closed, need_task),
            (a.reopen_task, task is not None and task.closed, need_task),
            (a.review_reports, True, ""),
            (a.instruct, task is not None, need_task),
        ]
        for action, possible, why_not in rules:
            action.setEnabled(office and possible)
            tip = only_office if has_store and not office else ("" if possible else why_not)
            action.setToolTip(tip)  # empty: Qt's own (the action's text)
            action.setStatusTip(tip)

    # --- context -------------------------------------------------------------------------
    def _context(self) -> tuple[Store, PlanView, TaskView | None] | None:
        """The store, the plan in view and the selected task; None (and said) elsewhere."""
        store = self._window.store
        if store is None or not store.plans():
            return None
        if not self._is_coordinating_office():
            messages.information(
                self._window,
                self.tr("不能修改"),
                words.store_error_text("not_coordinating_office"),
            )
            return None
        node = self._window.selected_node()
        plan = store.plan_view(node.plan_id if node is not None else None)
        task = next((t for t in plan.all_tasks() if node and t.id == node.id), None)
        return store, plan, task

    def _save(self, write: Callable[[], PlanChange | None], done: str) -> bool:
        """Write, then reload the window on the task the change concerns (a new one too)."""
        try:
            change = write()
        except StoreError as exc:
            messages.error(
                self._window, self.tr("未能保存"), words.store_error_text(exc.code, exc.detail)
            )
            return False
        self._window.reload(select_id=change.task_id if change is not None else None)
        self._window.statusBar().showMessage(done, 5000)
        return True

    # --- actions -------------------------------------------------------------------------
    @Slot()
    def set_deadline(self) -> None:
        context = self._context()
        if context is None:
            return
        store, plan, task = context
        typed = DeadlineDialog.edit(self._window, plan, task, initial_deadline(plan, task))
        if typed is not None:
            self._save(
                lambda: store.set_deadline(
                    typed.deadline, task_id=typed.task_id, plan_id=plan.id, reason=typed.reason
                ),
                self.tr("已设置完成时限：{deadline}").format(
                    deadline=words.deadline_text(typed.deadline)
                ),
            )

    @Slot()
    def set_rounds(self) -> None:
        context = self._context()
        if context is None:
            return
        store, plan, _task = context
        typed = RoundsDialog.edit(self._window, plan.rounds, initial_rounds(plan.rounds))
        if typed is not None:
            self._save(
                lambda: store.set_rounds(typed.rule, plan_id=plan.id, reason=typed.reason),
                self.tr("已设置报送节点：{rounds}").format(rounds=words.rounds_text(typed.rule)),
            )

    @Slot()
    def set_warning_days(self) -> None:
        store = self._window.store
        if store is None:
            return
        days = WarningDaysDialog.edit(self._window, store.warning_days())
        if days is not None and days != store.warning_days():
            self._save(
                lambda: store.set_warning_days(days),
                self.tr("临期提醒改为提前 {days} 天。").format(days=days),
            )

    @Slot()
    def edit_task(self) -> None:
        context = self._context()
        if context is None or context[2] is None:
            return
        store, plan, task = context
        assert task is not None
        before = entry_for(task, plan)
        typed = TaskEditDialog.edit(self._window, plan, before)
        if typed is None:
            return
        text = typed.text if typed.text != before.text else None
        units = list(typed.units) if typed.units != before.units else None
        self._save(
            lambda: store.edit_task(
                task.id, text=text, units=units, plan_id=plan.id, reason=typed.reason
            ),
            self.tr("已修改任务 {number}。").format(number=task.number),
        )

    @Slot()
    def add_task(self) -> None:
        context = self._context()
        if context is None:
            return
        store, plan, task = context
        typed = TaskEditDialog.edit(self._window, plan, new_entry(plan, task))
        if typed is None:
            return
        self._save(
            lambda: store.add_task(
                section_id=typed.section_id,
                subsection_id=typed.subsection_id,
                number=typed.number,
                text=typed.text,
                units=list(typed.units),
                plan_id=plan.id,
                reason=typed.reason,
            ),
            self.tr("已新增任务 {number}。").format(number=typed.number),
        )

    def close_task(self, closing: bool) -> None:
        """办结销号 (``closing``) or 恢复办理 the selected task."""
        context = self._context()
        if context is None or context[2] is None:
            return
        store, plan, task = context
        assert task is not None
        typed = CloseTaskDialog.edit(self._window, task, closing)
        if typed is None:
            return
        done = (
            self.tr("任务 {number} 已办结销号。")
            if closing
            else self.tr("任务 {number} 已恢复办理。")
        )
        self._save(
            lambda: store.close_task(
                task.id, closed=typed.closed, plan_id=plan.id, reason=typed.reason
            ),
            done.format(number=task.number),
        )

    @Slot()
    def review_reports(self) -> None:
        """审核进展: every unit's current report waiting for review, in one dialog."""
        from domain.review_rules import ReviewState, review_state
        from ui.supervision.review_dialog import PendingReport, ReviewDialog

        context = self._context()
        if context is None:
            return
        store, plan, _ = context
        pending = [
            PendingReport(task, rev)
            for task in plan.all_tasks()
            for rev in task.current_progress
            if review_state(rev, task.reviews) is ReviewState.PENDING
        ]
        if not pending:
            messages.information(self._window, self.tr("审核进展"), self.tr("没有待审核的进展。"))
            return
        typed = ReviewDialog.edit(self._window, pending)
        if not typed:
            return
        try:
            done = store.review_reports(typed)
        except StoreError as exc:
            messages.error(
                self._window, self.tr("未能保存"), words.store_error_text(exc.code, exc.detail)
            )
            return
        self._window.reload()
        self._window.statusBar().showMessage(
            self.tr("已审核 {count} 份进展。").format(count=len(done)), 5000
        )

    @Slot()
    def instruct(self) -> None:
        """记录领导批示 on the selected task."""
        from ui.supervision.review_dialog import InstructionDialog

        context = self._context()
        if context is None:
            return
        store, _plan, task = context
        if task is None:
            return
        typed = InstructionDialog.edit(self._window, task)
        if typed is None:
            return
        try:
            store.instruct(task.id, typed.text, typed.leader, typed.on)
        except StoreError as exc:
            messages.error(
                self._window, self.tr("未能保存"), words.store_error_text(exc.code, exc.detail)
            )
            return
        self._window.reload(select_id=task.id)
        self._window.statusBar().showMessage(self.tr("领导批示已记录。"), 5000)

    @Slot()
    def show_change_log(self) -> None:
        store = self._window.store
        if store is None or not store.plans():
            return
        node = self._window.selected_node()
        plan = store.plan_view(node.plan_id if node is not None else None)
        task_id = node.id if node is not None and node.task is not None else None
        PlanChangesDialog.show_log(
            self._window, store.plan_change_log(plan.id), plan, self._window.installation, task_id
        )

    # --- dashboard ↔ tree ----------------------------------------------------------------
    @Slot()
    def show_dashboard(self) -> None:
        self._window.tabs.setCurrentIndex(TAB_DASHBOARD)

    @Slot(object, str)
    def filter_to_tasks(self, task_ids: tuple[str, ...], what: str) -> None:
        """Show exactly ``task_ids`` in the tree (a dashboard figure), and say so above it."""
        w = self._window
        selected = w.selected_node_id()  # before the filter: it resets the tree's selection
        w.proxy.set_task_ids(task_ids)
        w.task_filter_banner.show_filter(what, len(task_ids))
        w.tabs.setCurrentIndex(TAB_TREE)
        w.expand_shown()
        if selected in task_ids:
            w.select_node(selected)
        elif task_ids:
            w.select_node(task_ids[0])

    @Slot()
    def clear_task_filter(self) -> None:
        w = self._window
        w.task_filter_banner.hide()
        if w.proxy.task_ids is None:
            return
        keep = w.selected_node_id()
        w.proxy.set_task_ids(None)
        w.expand_shown()
        if keep:
            w.select_node(keep)

    # --- slots ---------------------------------------------------------------------------
    @Slot()
    def _wire_dashboard(self) -> None:
        self._window.dashboard.tasks_chosen.connect(self.filter_to_tasks)
        self._show_store_on_dashboard()

    def _show_store_on_dashboard(self) -> None:
        w = self._window
        board = w.built_dashboard()
        if board is None:  # not opened yet: it is given the store when it is built
            return
        store = w.store
        board.set_store(store)
        if store is not None:
            node = w.selected_node()
            plans = plan_labels(store.plans())
            board.set_plans(plans, node.plan_id if node else None)

    @Slot()
    def _on_reloaded(self) -> None:
        self._show_store_on_dashboard()
        self.update_actions()

    @Slot()
    def _on_task_changed(self) -> None:
        board = self._window.built_dashboard()
        if board is not None:
            board.refresh()
        self.update_actions()
