"""Window layer: the main window's actions and menus (文件 / 编辑 / 视图 / 工具 / 帮助)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.settings import LANGUAGES

#: Each language is named in itself, so a clerk can find theirs whatever is showing.
LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class WindowActions(QObject):
    """Every QAction of the main window, created once; the window connects them."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window

        def make(
            text: str,
            name: str,
            shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
        ) -> QAction:
            action = QAction(text, window)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            return action

        # 文件
        self.import_plan = make(self.tr("导入方案(&I)…"), "action_import_plan", "Ctrl+I")
        self.reload = make(
            self.tr("重新载入(&R)"), "action_reload", QKeySequence.StandardKey.Refresh
        )
        self.quit = make(self.tr("退出(&X)"), "action_quit", "Ctrl+Q")
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
        # 工具
        self.set_office = make(self.tr("设置本机单位(&O)…"), "action_set_office")
        # 帮助
        self.about = make(self.tr("关于督办(&A)"), "action_about", "F1")
        self.about_qt = make(self.tr("关于 Qt"), "action_about_qt")

    def build_menus(self) -> dict[str, QMenu]:
        bar = self._window.menuBar()
        menus: dict[str, QMenu] = {}

        file_menu = menus["file"] = bar.addMenu(self.tr("文件(&F)"))
        file_menu.addAction(self.import_plan)
        file_menu.addAction(self.reload)
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        edit_menu = menus["edit"] = bar.addMenu(self.tr("编辑(&E)"))
        edit_menu.addAction(self.report)
        edit_menu.addAction(self.edit_revision)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        edit_menu.addAction(self.clear_filter)

        view_menu = menus["view"] = bar.addMenu(self.tr("视图(&V)"))
        view_menu.addAction(self.show_tree)
        view_menu.addAction(self.show_units)
        view_menu.addAction(self.my_unit)
        view_menu.addSeparator()
        view_menu.addAction(self.expand_all)
        view_menu.addAction(self.collapse_all)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("界面语言(&G)"))
        language_menu.setObjectName("menu_language")
        for action in self.languages.values():
            language_menu.addAction(action)

        tools_menu = menus["tools"] = bar.addMenu(self.tr("工具(&T)"))
        tools_menu.addAction(self.set_office)

        help_menu = menus["help"] = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about)
        help_menu.addAction(self.about_qt)
        for key, menu in menus.items():
            menu.setObjectName(f"menu_{key}")
        return menus
