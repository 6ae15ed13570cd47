"""Window layer: 单位名录 — every unit name of every plan, which names are one unit, and
the log of the office's declarations (督办 → 单位名录…).

The coordinating office ticks the names of one unit, picks the name to count them under,
writes a reason and declares them one unit, or undoes an alias. The dialog never writes:
it says what the clerk asked for (``declare_requested`` / ``undo_requested``) and shows
the directory it is given back (``set_listing``) or the refusal (``show_error``). Likely
aliases are listed as suggestions; a click ticks them, nothing is applied without the
clerk. On a unit's PC everything is read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.unit_directory import DirectoryEntry, DirectoryListing, DirectoryUnit
from ui.common.sizing import resize_within_screen
from ui.supervision.forms import error_label
from ui.supervision.plan_changes_view import local_time

COL_NAME, COL_CANONICAL, COL_TASKS, COL_PLANS = range(4)
NameRole = Qt.ItemDataRole.UserRole + 1


def entry_text(entry: DirectoryEntry) -> str:
    """One line of the log: what the office declared."""
    if entry.undo:
        return QCoreApplication.translate(
            "UnitDirectoryDialog", "撤销：{name} 重新作为独立单位"
        ).format(name=entry.name)
    return QCoreApplication.translate("UnitDirectoryDialog", "认定：{name} 即 {same_as}").format(
        name=entry.name, same_as=entry.same_as
    )


class UnitDirectoryDialog(QDialog):
    """The 单位名录; ``editable`` on the coordinating office's PC only."""

    declare_requested = Signal(list, str, str)  # names, canonical name, reason
    undo_requested = Signal(str, str)  # name, reason

    def __init__(self, listing: DirectoryListing, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unit_directory_dialog")
        self.setWindowTitle(self.tr("单位名录"))
        self._editable = listing.editable
        self._units: list[DirectoryUnit] = []
        self._filling = False
        self._init_widgets()
        self._init_layout()
        self.units_model.itemChanged.connect(self._on_checked)
        self.units_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.suggestions.itemClicked.connect(self._tick_suggestion)
        self.find.textChanged.connect(self._filter)
        self.declare_button.clicked.connect(self._declare)
        self.undo_button.clicked.connect(self._undo)
        self.buttons.rejected.connect(self.reject)
        self.set_listing(listing)
        resize_within_screen(self, 900, 640)

    # --- building ------------------------------------------------------------------------
    def _init_widgets(self) -> None:
        if self._editable:
            intro = self.tr(
                "各方案对同一单位的写法可能不同（如“省发改委”“省发展改革委”）。勾选同一单位的"
                "各个名称，选定统一名称并写明原因后认定；认定和撤销都留痕，随方案修订下发各单位，"
                "已报送的进展一律保留。"
            )
        else:
            intro = self.tr(
                "单位名录由协调办公室维护，随方案修订下发；本机只能查看。"
                "同一单位的各个名称按统一名称汇总任务和进展。"
            )
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)

        self.find = QLineEdit(self)
        self.find.setObjectName("unit_directory_find")
        self.find.setPlaceholderText(self.tr("查找单位名称（如：省发）"))
        self.find.setClearButtonEnabled(True)
        self.units_model = QStandardItemModel(0, 4, self)
        self.units_model.setHorizontalHeaderLabels(
            [self.tr("单位名称"), self.tr("统一名称"), self.tr("任务数"), self.tr("所在方案")]
        )
        self.units_table = QTableView(self)
        self.units_table.setObjectName("unit_directory_table")
        self.units_table.setModel(self.units_model)
        self.units_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units_table.verticalHeader().hide()
        header = self.units_table.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CANONICAL, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TASKS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_PLANS, QHeaderView.ResizeMode.Stretch)

        self.suggestions_label = QLabel(
            self.tr("可能是同一单位（仅供参考，点击一组即勾选，须人工认定）："), self
        )
        self.suggestions = QListWidget(self)
        self.suggestions.setObjectName("unit_directory_suggestions")
        self.suggestions.setMaximumHeight(84)

        self.log_model = QStandardItemModel(0, 3, self)
        self.log_model.setHorizontalHeaderLabels(
            [self.tr("时间"), self.tr("内容"), self.tr("原因")]
        )
        self.log_table = QTableView(self)
        self.log_table.setObjectName("unit_directory_log")
        self.log_table.setModel(self.log_model)
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.verticalHeader().hide()
        log_header = self.log_table.horizontalHeader()
        log_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        log_header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        log_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.canonical_box = QComboBox(self)
        self.canonical_box.setObjectName("unit_directory_canonical")
        self.canonical_box.setPlaceholderText(self.tr("先在表中勾选同一单位的各个名称"))
        self.reason = QLineEdit(self)
        self.reason.setObjectName("unit_directory_reason")
        self.reason.setPlaceholderText(self.tr("必填：为什么认定或撤销（留痕）"))
        self.declare_button = QPushButton(self.tr("认定为同一单位"), self)
        self.undo_button = QPushButton(self.tr("撤销所选别名"), self)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))

    def _init_layout(self) -> None:
        names = QWidget(self)
        names_layout = QVBoxLayout(names)
        names_layout.setContentsMargins(0, 0, 0, 0)
        names_layout.addWidget(self.find)
        names_layout.addWidget(self.units_table, 1)
        names_layout.addWidget(self.suggestions_label)
        names_layout.addWidget(self.suggestions)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(names, self.tr("单位名称"))
        self.tabs.addTab(self.log_table, self.tr("认定记录"))

        form = QFormLayout()
        form.addRow(self.tr("统一名称"), self.canonical_box)
        form.addRow(self.tr("原因"), self.reason)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.declare_button)
        actions.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        if self._editable:
            layout.addLayout(form)
            layout.addLayout(actions)
        else:
            for widget in (self.canonical_box, self.reason, self.declare_button, self.undo_button):
                widget.hide()
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_listing(self, listing: DirectoryListing) -> None:
        """Show ``listing`` (after a declaration: ticks cleared, the reason kept empty)."""
        self._units = list(listing.units)
        # Not blockSignals: the view must hear of the new rows; itemChanged is ignored
        # while filling instead.
        self._filling = True
        self.units_model.removeRows(0, self.units_model.rowCount())
        for unit in self._units:
            name = QStandardItem(unit.name)
            name.setData(unit.name, NameRole)
            if self._editable:
                name.setCheckable(True)
                name.setCheckState(Qt.CheckState.Unchecked)
            canonical = QStandardItem(unit.canonical if unit.is_alias else "—")
            if unit.is_alias:
                canonical.setToolTip(self.tr("按“{name}”汇总").format(name=unit.canonical))
            count = QStandardItem(str(unit.task_count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            plans = QStandardItem("、".join(unit.plans) or "—")
            plans.setToolTip("\n".join(unit.plans))
            self.units_model.appendRow([name, canonical, count, plans])
        self._filling = False
        self.suggestions.clear()
        for group in listing.suggestions:
            item = QListWidgetItem("、".join(group), self.suggestions)
            item.setData(NameRole, list(group))
        self.suggestions.setVisible(bool(listing.suggestions))
        self.suggestions_label.setVisible(bool(listing.suggestions))
        self.log_model.removeRows(0, self.log_model.rowCount())
        for entry in listing.entries:
            self.log_model.appendRow(
                [
                    QStandardItem(local_time(entry.authored_at)),
                    QStandardItem(entry_text(entry)),
                    QStandardItem(entry.reason),
                ]
            )
        self.tabs.setTabText(1, self.tr("认定记录（{n}）").format(n=len(listing.entries)))
        self.reason.clear()
        self.error_label.hide()
        self._filter(self.find.text())
        self._on_checked()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def checked_names(self) -> list[str]:
        out = []
        for row in range(self.units_model.rowCount()):
            item = self.units_model.item(row, COL_NAME)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(NameRole)))
        return out

    def set_checked(self, names: list[str]) -> None:
        wanted = set(names)
        for row in range(self.units_model.rowCount()):
            item = self.units_model.item(row, COL_NAME)
            ticked = item.data(NameRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def selected_unit(self) -> DirectoryUnit | None:
        rows = self.units_table.selectionModel().selectedRows()
        return self._units[rows[0].row()] if rows else None

    # --- reactions -----------------------------------------------------------------------
    @Slot()
    def _on_checked(self, *_args: object) -> None:
        if self._filling:
            return
        names = self.checked_names()
        keep = self.canonical_box.currentText()
        self.canonical_box.clear()
        # The longest name first: the full name is usually the one to count under.
        self.canonical_box.addItems(sorted(names, key=lambda n: (-len(n), n)))
        # With a placeholder the box selects nothing by itself.
        self.canonical_box.setCurrentIndex(
            self.canonical_box.findText(keep) if keep in names else 0
        )
        self._update_buttons()

    @Slot()
    def _update_buttons(self, *_args: object) -> None:
        self.declare_button.setEnabled(len(self.checked_names()) >= 2)
        unit = self.selected_unit()
        self.undo_button.setEnabled(unit is not None and unit.is_alias)

    @Slot(str)
    def _filter(self, text: str) -> None:
        """Show the names containing ``text`` (and their canonical's); ticks are kept."""
        wanted = "".join(text.split())
        for row, unit in enumerate(self._units):
            shown = not wanted or wanted in unit.name or wanted in unit.canonical
            self.units_table.setRowHidden(row, not shown)

    @Slot(QListWidgetItem)
    def _tick_suggestion(self, item: QListWidgetItem) -> None:
        self.set_checked(list(item.data(NameRole)))
        self.canonical_box.setCurrentIndex(0)  # the longest: usually the full name

    @Slot()
    def _declare(self) -> None:
        names = self.checked_names()
        reason = self.reason.text().strip()
        if len(names) < 2:
            self.show_error(self.tr("请至少勾选两个名称。"))
        elif not reason:
            self.show_error(self.tr("请写明认定的原因（留痕）。"))
            self.reason.setFocus()
        else:
            self.declare_requested.emit(names, self.canonical_box.currentText(), reason)

    @Slot()
    def _undo(self) -> None:
        unit = self.selected_unit()
        reason = self.reason.text().strip()
        if unit is None or not unit.is_alias:
            self.show_error(self.tr("请先在表中选中一个已认定的别名。"))
        elif not reason:
            self.show_error(self.tr("请写明撤销的原因（留痕）。"))
            self.reason.setFocus()
        else:
            self.undo_requested.emit(unit.name, reason)
