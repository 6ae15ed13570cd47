"""Window layer: the main window: plan tree or units on the left, task details on the right.

The window only calls ``Store`` methods and turns their codes into words; every rule lives
below ``ui/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# Not ``Qt``: its namespace (about 90 enums, 10 ms to make) is first needed by the plan
# tree's model and the shortcuts, after the frame's first paint (build_tree).
from PySide6.QtCore import QItemSelection, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ui import settings as keys
from ui import window_state
from ui.actions import WindowActions
from ui.tree.filter_banner import TaskFilterBanner
from ui.window_commands import WindowCommandsMixin

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from domain.records import Installation, PlanView, TaskView
    from domain.status_lights import TaskLight
    from models.locations import DatabaseLocation
    from models.store import Store
    from ui.detail.pane import DetailPane
    from ui.server.watcher import ChangeWatcher
    from ui.tree.expander import TreeExpander
    from ui.tree.filter_bar import FilterBar
    from ui.tree.filter_proxy import FilterCriteria, PlanFilterProxy
    from ui.tree.model import Node, PlanTreeModel
    from ui.units.todo import TodoView
    from ui.units.view import UnitView

TAB_TREE, TAB_UNITS, TAB_DASHBOARD, TAB_TODO = 0, 1, 2, 3


class MainWindow(WindowCommandsMixin, QMainWindow):
    """The window a clerk lives in all day (督办 主窗口)."""

    language_change_requested = Signal(str)
    #: 工具 → 连接到服务器… chose other data: a ``ServerAddress`` or a file ``Path``.
    database_change_requested = Signal(object)
    plans_reloaded = Signal()
    #: The dashboard was just built (its tab opened, or ``dashboard`` asked for): wire it up.
    dashboard_built = Signal()

    def __init__(
        self, settings: QSettings, parent: QWidget | None = None, *, complete: bool = True
    ) -> None:
        """``complete=False`` (start-up): the frame only (menus, tabs, an empty tree view,
        the status bar); ``build_tree()`` adds the plan tree's model and search bar before
        the first plans are shown, ``complete_build()`` the panes once they have painted."""
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("督办 — 重点任务分工方案"))
        self._settings = settings
        self._store: Store | None = None
        self._installation: Installation | None = None
        self._plans: dict[str, PlanView] = {}
        #: The file's 临期 window, read with the plans shown before the store is open.
        self._first_fill_warning_days: int | None = None
        self._current_plan_id: str | None = None
        #: Last row the clerk selected; a filter may hide it, clearing the filter brings it back.
        self._last_selected_id: str | None = None
        self._dashboard = None
        self._tree_built = False
        self._complete = False
        self._init_widgets()
        self._init_layout()
        self.menu_actions = WindowActions(self)
        self.menus = self.menu_actions.build_menus()
        self._init_status_bar()
        # commands, supervision, exchange, printing, backups: made on first use (the mixin)
        self._connect()
        self.menu_actions.languages[keys.language(settings)].setChecked(True)
        self._set_enabled(False)
        self.statusBar().showMessage(self.tr("正在打开数据库…"))
        self.resize(window_state.DEFAULT_SIZE)
        self._restore_layout()
        if complete:
            self.complete_build()

    def build_tree(self) -> None:
        """Give the tree view its model, filter proxy, search bar and expander, and the
        menus their shortcuts.

        Their modules (the tree model, the words for every code, search, status lights:
        about 25 ms of imports) and PySide6's ``Qt`` namespace (10 ms) were the largest part
        of the window's own start-up; the empty frame paints without them, and the first
        plans need them (bench/README.md)."""
        if self._tree_built:
            return
        self._tree_built = True
        self.menu_actions.apply_shortcuts()  # kept off the first paint too
        from ui.tree import columns
        from ui.tree.expander import TreeExpander
        from ui.tree.filter_bar import FilterBar
        from ui.tree.filter_proxy import PlanFilterProxy
        from ui.tree.model import COL_COUNT, COL_NAME, COL_STATUS, PlanTreeModel

        self.model: PlanTreeModel = PlanTreeModel(self)
        self.proxy: PlanFilterProxy = PlanFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_bar: FilterBar = FilterBar(self)
        self._tree_layout.insertWidget(0, self.filter_bar)
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Sized from their words with each set of plans (_size_columns), not row by row.
        columns.fix_columns(self.tree, [COL_COUNT, COL_STATUS])
        self.expander: TreeExpander = TreeExpander(self.tree, self.proxy, self.model)
        self._connect_tree()

    def complete_build(self) -> None:
        """Add what the first paint can do without: the detail pane, the unit and to-do
        views, the server watcher. Their imports and widgets (about 30 ms) would otherwise
        come before the window first appears (bench/README.md)."""
        if self._complete:
            return
        self.build_tree()
        self._complete = True
        from ui.detail.pane import DetailPane
        from ui.server.watcher import ChangeWatcher
        from ui.units.todo import TodoView
        from ui.units.view import UnitView

        self.unit_view: UnitView = UnitView(self._unit_page)
        self._unit_page.layout().addWidget(self.unit_view)
        self.todo_view: TodoView = TodoView(self._todo_page)
        self._todo_page.layout().addWidget(self.todo_view)
        self.detail: DetailPane = DetailPane(self._detail_page)
        self._detail_page.layout().addWidget(self.detail)
        self.change_watcher: ChangeWatcher = ChangeWatcher(self)
        self._connect_panes()
        self.detail_switch = window_state.DetailSwitch(
            self._settings,
            self.menu_actions.show_detail,
            self.tabs,
            self.splitter,
            self._detail_page,
            TAB_DASHBOARD,
        )

    # --- construction --------------------------------------------------------------------
    def _init_widgets(self) -> None:
        self.tree = QTreeView(self)
        self.tree.setObjectName("plan_tree")
        self.tree.setUniformRowHeights(True)
        # Pages filled by complete_build(): the unit view, the to-do list, the detail pane.
        self._unit_page = _page(self)
        self._todo_page = _page(self)
        self._detail_page = _page(self)
        self._detail_page.setObjectName("detail_page")
        # A bare page until the tab is first opened: the board (its imports and widgets,
        # about 20 ms) is not on the start-up path (bench/README.md).
        self.dashboard_page = _page(self)
        self._dashboard_layout = self.dashboard_page.layout()
        self.task_filter_banner = TaskFilterBanner(self)

    def _init_layout(self) -> None:
        tree_page = QWidget(self)
        self._tree_layout = QVBoxLayout(tree_page)
        self._tree_layout.setContentsMargins(4, 4, 4, 4)
        # The search bar goes first, with the tree's model (build_tree).
        self._tree_layout.addWidget(self.task_filter_banner)
        self._tree_layout.addWidget(self.tree, 1)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("left_tabs")
        self.tabs.addTab(tree_page, self.tr("按方案"))
        self.tabs.addTab(self._unit_page, self.tr("按单位"))
        self.tabs.addTab(self.dashboard_page, self.tr("督办看板"))
        self.tabs.addTab(self._todo_page, self.tr("本单位待办"))
        # Side by side, a splitter's default. Adopted by setCentralWidget() below: made with
        # a parent, Qt would first weigh it against the orientation overload (see above).
        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self._detail_page)
        self.splitter.setSizes([700, 580])
        self.setCentralWidget(self.splitter)

    def _init_status_bar(self) -> None:
        self.status_labels = window_state.StatusLabels(self)
        self.plan_label = self.status_labels.plan_label
        self.count_label = self.status_labels.count_label
        self.office_label = self.status_labels.office_label
        self.db_label = self.status_labels.db_label

    def _connect(self) -> None:
        a = self.menu_actions
        self._connect_commands()
        a.reload.triggered.connect(self.reload)
        a.quit.triggered.connect(self.close)
        a.report.triggered.connect(self._report_current)
        a.edit_revision.triggered.connect(self._edit_current)
        a.find.triggered.connect(self._focus_search)
        a.show_tree.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_TREE))
        a.show_units.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_UNITS))
        a.my_unit.triggered.connect(self.show_my_unit)
        a.language_group.triggered.connect(self._on_language)
        a.about.triggered.connect(self._show_about)
        a.about_qt.triggered.connect(QApplication.aboutQt)
        a.connect_server.triggered.connect(self._choose_database)
        # The clerk opened the dashboard's tab: build it now.
        self.tabs.currentChanged.connect(lambda i: self.dashboard if i == TAB_DASHBOARD else None)

    def _connect_tree(self) -> None:
        a = self.menu_actions
        a.clear_filter.triggered.connect(self.filter_bar.clear)
        a.expand_all.triggered.connect(self.tree.expandAll)
        a.expand_all.triggered.connect(self.expander.cancel)
        a.collapse_all.triggered.connect(self.expander.cancel)
        a.collapse_all.triggered.connect(self.tree.collapseAll)
        self.filter_bar.criteria_changed.connect(self._on_criteria)
        self.proxy.filter_changed.connect(self._update_status_bar)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)

    def _connect_panes(self) -> None:
        self._connect_detail_commands()
        self.detail.history_requested.connect(self._show_more_history)
        self.unit_view.task_selected.connect(self.show_task)
        self.todo_view.task_selected.connect(self._open_todo_task)

    # --- data ----------------------------------------------------------------------------
    @property
    def store(self) -> Store | None:
        return self._store

    @property
    def installation(self) -> Installation | None:
        return self._installation

    def set_store(
        self, store: Store, *, build_commands: bool = True, plans_current: bool = False
    ) -> None:
        """Show ``store``'s plans; the window does nothing with data before this.

        ``build_commands=False`` leaves the command objects to their first use or to a
        later ``build_commands()`` (start-up: the plans are shown first).
        ``plans_current``: the plans shown at start-up (``show_first_fill``) are the
        store's as they are now, so they are kept rather than read again."""
        self.complete_build()
        if build_commands:
            self.build_commands()
        self._store = store
        self._installation = store.installation()
        self._set_enabled(True)
        self.statusBar().clearMessage()
        if plans_current and self._plans:
            self._show_plans(list(self._plans.values()), rebuild=False)
        else:
            self.reload()
        self.change_watcher.watch(store)
        last = self._settings.value(keys.KEY_LAST_TASK)
        if not (last and self.select_node(str(last))):
            self.select_node(self._current_plan_id or "")
        if self.todo_view.task_ids():
            # A unit's PC opens on what needs doing (逾期, 临期, 未报送, 被退回).
            self.tabs.setCurrentIndex(TAB_TODO)

    def show_first_fill(self, plans: list[PlanView], warning_days: int) -> None:
        """Start-up: plans read ahead of the store (read-only), shown while it opens; the
        window stays disabled until ``set_store``. More may follow (``add_first_fill``)."""
        if self._store is not None:
            return
        from ui import clock  # the lights without the supervision commands' dialogs

        self.build_tree()
        self._plans = {p.id: p for p in plans}
        self._first_fill_warning_days = warning_days
        self.model.set_plans(plans, clock.lights_today(plans, warning_days))
        self._size_columns()
        self.expand_shown()
        self.plans_reloaded.emit()

    def add_first_fill(self, plans: list[PlanView]) -> None:
        """Start-up: the plans below the first screen, read from the same snapshot."""
        if self._store is not None or not plans:
            return
        from ui import clock

        self._plans.update((p.id, p) for p in plans)
        assert self._first_fill_warning_days is not None  # show_first_fill came first
        lights = clock.lights_today(plans, self._first_fill_warning_days)
        self.model.append_plans(plans, lights)
        self._size_columns()
        self.expand_shown()
        self.plans_reloaded.emit()

    @Slot()
    def reload(self, select_id: str | None = None) -> None:
        if self._store is None:
            return
        self._show_plans(self._store.plan_views(), select_id=select_id)

    def _show_plans(
        self, plans: list[PlanView], *, rebuild: bool = True, select_id: str | None = None
    ) -> None:
        keep = select_id or self.selected_node_id()
        self._plans = {p.id: p for p in plans}
        if self._current_plan_id not in self._plans:
            self._current_plan_id = plans[0].id if plans else None
        if rebuild:
            self.model.set_plans(plans, self.supervision.lights_today(plans))
            self._size_columns()
        units = {u.unit_id: u for p in plans for u in p.units()}
        self.filter_bar.set_units(list(units.values()))
        self.filter_bar.set_task_count(sum(p.task_count for p in self.model.plan_nodes()))
        if rebuild:
            self.expand_shown()
        self._refresh_plan_views()
        if keep:
            self.select_node(keep)
        self.plans_reloaded.emit()

    def set_installation(self, installation: Installation) -> None:
        self._installation = installation
        self._refresh_plan_views()
        self.supervision.update_actions()

    def refresh_task(self, task: TaskView) -> None:
        """A task's progress changed: refresh its row, the detail pane and the unit view."""
        assert self._store is not None
        plan = self._store.plan_view(task.plan_id)
        self._plans[plan.id] = plan
        fresh = next(t for t in plan.all_tasks() if t.id == task.id)
        self.model.update_task(fresh, self.supervision.light_today(plan, fresh.id))
        if plan.id == self._current_plan_id:
            # keeps the chosen unit
            self.unit_view.set_plan(plan, self._my_unit_id(), self._lights_for(plan))
        self.show_task(fresh.id)

    def _refresh_plan_views(self) -> None:
        plan = self._plans.get(self._current_plan_id or "")
        lights = self._lights_for(plan)
        self.unit_view.set_plan(plan, self._my_unit_id(), lights)
        self._refresh_todo(plan, lights)
        self.menu_actions.my_unit.setEnabled(self._my_unit_id() is not None)
        self._update_status_bar()

    def _refresh_todo(self, plan: PlanView | None, lights: dict[str, TaskLight]) -> None:
        """本单位待办 of this PC's unit (none on the coordinating office's PC)."""
        unit_id = self._my_unit_id()
        if (
            plan is None
            or unit_id is None
            or not any(t.has_unit(unit_id) for t in plan.all_tasks())
        ):
            self.todo_view.set_todo(None)
            return
        from domain.unit_todo import unit_todo  # not needed for the first paint

        name = self._installation.home_unit_name if self._installation else ""
        todo = unit_todo(plan, lights, unit_id, self.supervision.today())
        self.todo_view.set_todo(todo, name or "")

    @Slot(str)
    def _open_todo_task(self, task_id: str) -> None:
        self.tabs.setCurrentIndex(TAB_TREE)
        self.select_node(task_id)

    def _lights_for(self, plan: PlanView | None) -> dict[str, TaskLight]:
        """Each task's light as the tree shows it (one word for a task everywhere)."""
        out: dict[str, TaskLight] = {}
        for task in plan.all_tasks() if plan is not None else ():
            node = self.model.node_by_id(task.id)
            if node is not None and node.light is not None:
                out[task.id] = node.light
        return out

    def _my_unit_id(self) -> str | None:
        # Under its 单位名录 name: the name the plans' tasks are read with.
        return self._installation.counted_unit_id if self._installation else None

    def _set_enabled(self, enabled: bool) -> None:
        for action in (
            self.menu_actions.import_plan,
            self.menu_actions.reload,
            self.menu_actions.report,
            self.menu_actions.edit_revision,
            self.menu_actions.set_office,
            self.menu_actions.export_exchange,
            self.menu_actions.import_exchange,
            self.menu_actions.import_log,
            self.menu_actions.own_key,
        ):
            action.setEnabled(enabled)
        self.splitter.setEnabled(enabled)

    # --- selection -----------------------------------------------------------------------
    def selected_node(self) -> Node | None:
        rows = self.tree.selectionModel().selectedRows()
        return self.model.node(self.proxy.mapToSource(rows[0])) if rows else None

    def selected_node_id(self) -> str | None:
        node = self.selected_node()
        return node.id if node else None

    def select_node(self, node_id: str) -> bool:
        """Select a plan, heading or task in the tree (switching to it); False if hidden."""
        index = self.proxy.mapFromSource(self.model.index_of(node_id))
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def select_task_number(self, number: int, plan_id: str | None = None) -> bool:
        plan = self._plans.get(plan_id or self._current_plan_id or "")
        task = plan.task_by_number(number) if plan else None
        return task is not None and self.select_node(task.id)

    @Slot(str)
    def show_task(self, task_id: str) -> None:
        node = self.model.node_by_id(task_id)
        if node is None or node.task is None or self._store is None:
            return
        from domain.search import search_hits

        hits = search_hits(node.task, self.filter_bar.search.text())
        # A bounded page: a task can have tens of thousands of revisions.
        page = self._store.history_page(task_id, self.detail.page_rows)
        files = self._store.attachments_of(r.revision_id for r in page.revisions)
        self.detail.show_task(
            node.task, page.revisions, node.light, hits, history_total=page.total,
            attachments=files,
        )  # fmt: skip

    @Slot(str, int)
    def _show_more_history(self, task_id: str, limit: int) -> None:
        current = self.detail.current_task()
        if self._store is None or current is None or current.id != task_id:
            return
        page = self._store.history_page(task_id, limit or None)
        files = self._store.attachments_of(r.revision_id for r in page.revisions)
        self.detail.show_history(page.revisions, page.total, files)

    @Slot(QItemSelection, QItemSelection)
    def _on_tree_selection(self, _new: QItemSelection, _old: QItemSelection) -> None:
        node = self.selected_node()
        if node is None or not self._complete:  # the panes come with the store
            return
        from ui.tree.model import NodeKind

        self._last_selected_id = node.id
        if node.plan_id != self._current_plan_id:
            self._current_plan_id = node.plan_id
            self._refresh_plan_views()
        if node.kind is NodeKind.TASK:
            self._settings.setValue(keys.KEY_LAST_TASK, node.id)
            self.show_task(node.id)
            return
        path: list[str] = []
        parent = node.parent
        while parent is not None and parent.kind is not NodeKind.ROOT:
            path.insert(0, parent.label)
            parent = parent.parent
        self.detail.show_heading(node.label, " › ".join(path), node.task_count, node.done_count)

    @Slot(object)
    def _on_criteria(self, criteria: FilterCriteria) -> None:
        keep = self._last_selected_id
        self.proxy.set_criteria(criteria)  # its filter_changed updates the status bar
        self.expand_shown()
        if keep:
            self.select_node(keep)

    def _size_columns(self) -> None:
        from ui.tree import columns

        columns.size_columns(self.tree, self.model)

    def expand_shown(self) -> None:
        """Expand the rows above the shown tasks: a screenful now, the rest while idle."""
        self.expander.expand_shown()

    @Slot()
    def show_my_unit(self) -> None:
        self.complete_build()
        self.tabs.setCurrentIndex(TAB_UNITS)
        self.unit_view.select_my_unit()

    @Slot()
    def _focus_search(self) -> None:
        self.build_tree()
        self.tabs.setCurrentIndex(TAB_TREE)
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    @Slot()
    def _report_current(self) -> None:
        self.complete_build()
        task = self.detail.current_task()
        if task is not None:
            self.commands.report(task.id)

    @Slot()
    def _edit_current(self) -> None:
        self.complete_build()
        task, rev = self.detail.current_task(), self.detail.selected_revision()
        if task is not None and rev is not None:
            self.commands.edit(task.id, rev.revision_id)

    @Slot()
    def _show_about(self) -> None:
        from ui import about  # not on the start-up path

        about.show_about(self)

    @Slot()
    def _on_language(self) -> None:
        action = self.menu_actions.language_group.checkedAction()
        code = str(action.data()) if action else keys.DEFAULT_LANGUAGE
        if code != keys.language(self._settings):
            keys.set_language(self._settings, code)
            self.language_change_requested.emit(code)

    # --- status bar and settings ---------------------------------------------------------
    def _update_status_bar(self) -> None:
        self.status_labels.update(
            self._plans.get(self._current_plan_id or ""),
            self.proxy.visible_task_count(),
            sum(p.task_count for p in self.model.plan_nodes()),
            self._installation,
            self._store.path if self._store else None,
        )

    @Slot()
    def _choose_database(self) -> None:
        """工具 → 连接到服务器…: the office's server, or back to this PC's own file."""
        from ui.common.dialog_base import run_modal
        from ui.server.connect_dialog import ConnectDialog

        current = self._store.path if self._store else None
        chosen = run_modal(ConnectDialog(current, self))
        if chosen is not None and chosen != current:
            self.database_change_requested.emit(chosen)

    def database_path(self) -> DatabaseLocation | None:
        return self._store.path if self._store else None

    def _restore_layout(self) -> None:
        window_state.restore_layout(self._settings, self, self.splitter, self.tabs, TAB_TREE)

    def save_layout(self) -> None:
        window_state.save_layout(self._settings, self, self.splitter, self.tabs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Rows scrolled to before the first layout land at the top; centre them once shown.
        QTimer.singleShot(0, self._scroll_to_current)

    @Slot()
    def _scroll_to_current(self) -> None:
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)


def _page(parent: QWidget) -> QWidget:
    """An empty page whose one child is added later."""
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return page
