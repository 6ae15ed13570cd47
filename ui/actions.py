"""Window layer: the main window's actions and menus (文件 / 编辑 / 视图 / 督办 / 工具 / 帮助)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar

from ui.settings import LANGUAGES

Shortcut = str | QKeySequence.StandardKey

#: Each language is named in itself, so a clerk can find theirs whatever is showing.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class WindowActions(QObject):
    """Every QAction of the main window, created once; the window connects them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        #: Given to their actions by ``apply_shortcuts``, once the window has painted: the
        #: first shortcut set makes PySide6 build its whole ``Qt`` namespace (about 90 enums,
        #: 10 ms), which nothing else in the empty window needs (bench/README.md).
        self._shortcuts: list[tuple[QAction, Shortcut]] | None = []

        def make(text: str, name: str, shortcut: Shortcut | None = None) -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut is not None:
                assert self._shortcuts is not None
                self._shortcuts.append((action, shortcut))
            return action

        # 文件
        self.import_plan = make(self.tr("导入方案(&I)…"), "action_import_plan", "Ctrl+I")
        self.reload = make(
            self.tr("重新载入(&R)"), "action_reload", QKeySequence.StandardKey.Refresh
        )
        self.export_exchange = make(self.tr("导出交换文件(&E)…"), "action_export_exchange")
        self.import_exchange = make(self.tr("导入交换文件(&M)…"), "action_import_exchange")
        self.quit = make(self.tr("退出(&X)"), "action_quit", "Ctrl+Q")
        # 文件 → 打印与预览 (handled by ui.printing.commands)
        self.print_task = make(self.tr("督办单（所选任务）(&D)…"), "action_print_task", "Ctrl+P")
        self.print_unit = make(self.tr("任务分工责任清单（所选单位）(&U)…"), "action_print_unit")
        self.print_reminder = make(self.tr("催办单（所选单位）(&C)…"), "action_print_reminder")
        self.print_plan_table = make(self.tr("重点任务分工表(&T)…"), "action_print_plan_table")
        self.print_summary = make(self.tr("进展情况汇总表(&S)…"), "action_print_summary")
        self.print_bulletin = make(self.tr("进展情况通报(&B)…"), "action_print_bulletin")
        self.export_ledger = make(self.tr("导出台账(&L)…"), "action_export_ledger")
        self.print_all_units = make(
            self.tr("各单位责任清单：合并为一个文件(&A)…"), "action_print_all_units"
        )
        self.save_unit_sheets = make(
            self.tr("各单位责任清单：每单位保存一个文件(&F)…"), "action_save_unit_sheets"
        )
        # 编辑
        self.report = make(self.tr("填报进展(&P)…"), "action_report", "Ctrl+N")
        self.edit_revision = make(
            self.tr("修改所选进展记录(&E)…"), "action_edit_revision", "Ctrl+E"
        )
        self.find = make(self.tr("查找(&F)"), "action_find", QKeySequence.StandardKey.Find)
        self.clear_filter = make(self.tr("清除筛选(&C)"), "action_clear_filter", "Ctrl+Shift+F")
        # 视图
        self.show_tree = make(self.tr("按方案浏览(&T)"), "action_show_tree", "Ctrl+1")
        self.show_units = make(self.tr("按单位浏览(&U)"), "action_show_units", "Ctrl+2")
        self.my_unit = make(self.tr("我的单位(&M)"), "action_my_unit", "Ctrl+M")
        self.show_dashboard = make(self.tr("督办看板(&B)"), "action_show_dashboard", "Ctrl+3")
        self.show_detail = make(self.tr("详情窗格(&D)"), "action_show_detail", "Ctrl+D")
        self.show_detail.setCheckable(True)
        self.show_detail.setChecked(True)
        self.expand_all = make(self.tr("全部展开(&A)"), "action_expand_all", "Ctrl+Shift+Down")
        self.collapse_all = make(self.tr("全部折叠(&L)"), "action_collapse_all", "Ctrl+Shift+Up")
        self.language_group = QActionGroup(window)
        self.language_group.setExclusive(True)
        self.languages: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = make(LANGUAGE_NAMES[code], f"action_language_{code}")
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
            self.languages[code] = action
        # 督办 (handled by ui.supervision.commands; plan content: coordinating office only)
        self.set_deadline = make(self.tr("设置完成时限(&D)…"), "action_set_deadline")
        self.set_rounds = make(self.tr("设置报送节点(&R)…"), "action_set_rounds")
        self.edit_task = make(self.tr("修改任务(&E)…"), "action_edit_task")
        self.add_task = make(self.tr("新增任务(&N)…"), "action_add_task")
        self.close_task = make(self.tr("办结销号(&C)…"), "action_close_task")
        self.reopen_task = make(self.tr("恢复办理(&O)…"), "action_reopen_task")
        self.change_log = make(self.tr("计划修订记录(&L)…"), "action_change_log")
        self.review_reports = make(
            self.tr("审核进展(&V)…"), "action_review_reports", "Ctrl+Shift+R"
        )
        self.instruct = make(self.tr("记录领导批示(&I)…"), "action_instruct")
        self.unit_directory = make(self.tr("单位名录(&U)…"), "action_unit_directory")
        # 工具
        self.set_office = make(self.tr("本机设置(&O)…"), "action_set_office")
        self.warning_days = make(self.tr("临期提醒天数(&W)…"), "action_warning_days")
        self.import_log = make(self.tr("导入日志(&L)"), "action_import_log")
        self.own_key = make(self.tr("本机密钥与登记卡(&K)…"), "action_own_key")
        self.restore_backup = make(self.tr("恢复备份(&B)…"), "action_restore_backup")
        self.connect_server = make(self.tr("连接到服务器(&S)…"), "action_connect_server")
        # 帮助
        self.about = make(self.tr("关于督办(&A)"), "action_about", "F1")
        self.about_qt = make(self.tr("关于 Qt"), "action_about_qt")

    def apply_shortcuts(self) -> None:
        """Give every action its keyboard shortcut (once)."""
        if self._shortcuts is None:
            return
        for action, shortcut in self._shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        self._shortcuts = None

    def _menu(self, parent: QMenuBar | QMenu, title: str) -> QMenu:
        # Made and then added: addMenu(title) would pick among its overloads through the
        # ``Qt`` namespace, as a shortcut does (see __init__).
        menu = QMenu(title, parent)
        parent.addMenu(menu)
        return menu

    def build_menus(self) -> dict[str, QMenu]:
        bar = self._window.menuBar()
        menus: dict[str, QMenu] = {}

        file_menu = menus["file"] = self._menu(bar, self.tr("文件(&F)"))
        file_menu.addAction(self.import_plan)
        file_menu.addAction(self.reload)
        file_menu.addSeparator()
        file_menu.addAction(self.export_exchange)
        file_menu.addAction(self.import_exchange)
        file_menu.addSeparator()
        file_menu.addAction(self.export_ledger)
        print_menu = self._menu(file_menu, self.tr("打印与预览(&P)"))
        print_menu.setObjectName("menu_print")
        for action in (self.print_task, self.print_unit, self.print_reminder):
            print_menu.addAction(action)
        print_menu.addSeparator()
        print_menu.addAction(self.print_plan_table)
        print_menu.addAction(self.print_summary)
        print_menu.addAction(self.print_bulletin)
        print_menu.addSeparator()
        print_menu.addAction(self.print_all_units)
        print_menu.addAction(self.save_unit_sheets)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = menus["edit"] = self._menu(bar, self.tr("编辑(&E)"))
        edit_menu.addAction(self.report)
        edit_menu.addAction(self.edit_revision)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.clear_filter)

        view_menu = menus["view"] = self._menu(bar, self.tr("视图(&V)"))
        view_menu.addAction(self.show_tree)
        view_menu.addAction(self.show_units)
        view_menu.addAction(self.my_unit)
        view_menu.addAction(self.show_dashboard)
        view_menu.addAction(self.show_detail)
        view_menu.addSeparator()
        view_menu.addAction(self.expand_all)
        view_menu.addAction(self.collapse_all)
        view_menu.addSeparator()
        language_menu = self._menu(view_menu, self.tr("界面语言(&G)"))
        language_menu.setObjectName("menu_language")
        for action in self.languages.values():
            language_menu.addAction(action)

        supervision_menu = menus["supervision"] = self._menu(bar, self.tr("督办(&S)"))
        supervision_menu.setToolTipsVisible(True)  # disabled actions say who may use them
        supervision_menu.addAction(self.set_deadline)
        supervision_menu.addAction(self.set_rounds)
        supervision_menu.addSeparator()
        for action in (self.edit_task, self.add_task, self.close_task, self.reopen_task):
            supervision_menu.addAction(action)
        supervision_menu.addSeparator()
        supervision_menu.addAction(self.review_reports)
        supervision_menu.addAction(self.instruct)
        supervision_menu.addSeparator()
        supervision_menu.addAction(self.unit_directory)
        supervision_menu.addAction(self.change_log)

        tools_menu = menus["tools"] = self._menu(bar, self.tr("工具(&T)"))
        tools_menu.addAction(self.set_office)
        tools_menu.addAction(self.warning_days)
        tools_menu.addAction(self.import_log)
        tools_menu.addAction(self.own_key)
        tools_menu.addSeparator()
        tools_menu.addAction(self.connect_server)
        tools_menu.addAction(self.restore_backup)

        help_menu = menus["help"] = self._menu(bar, self.tr("帮助(&H)"))
        help_menu.addAction(self.about)
        help_menu.addAction(self.about_qt)
        for key, menu in menus.items():
            menu.setObjectName(f"menu_{key}")
        return menus
