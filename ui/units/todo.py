"""Window layer: 本单位待办, what a unit's PC opens on: its tasks that are overdue, due soon,
owe a report or were returned by the coordinating office, with the next round's date."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from domain.unit_todo import TodoReason
from ui.common import words
from ui.tree.model import IdRole

if TYPE_CHECKING:
    from domain.unit_todo import TodoItem, UnitTodo


def _item(text: str, tooltip: str = "") -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if tooltip:
        item.setToolTip(tooltip)
    return item


class TodoView(QWidget):
    """The unit's to-do list; a double click (or Enter) opens the task in the tree."""

    task_selected = Signal(str)  # task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todo_view")
        self.summary = QLabel(self)
        self.summary.setObjectName("todo_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = QStandardItemModel(0, 3, self)
        self.view = QTreeView(self)
        self.view.setObjectName("todo_list")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.set_todo(None)

    def set_todo(self, todo: UnitTodo | None, unit_name: str = "") -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("任务"), self.tr("事项"), self.tr("说明")])
        if todo is None:
            self.summary.setText(self.tr("本机不是某个单位的电脑：没有本单位待办。"))
            return
        next_round = (
            self.tr("下一报送节点：{day}").format(day=todo.next_round.isoformat())
            if todo.next_round
            else self.tr("尚未设置报送节点")
        )
        if todo.items:
            head = self.tr("{unit}：{count} 项任务需要处理。{round}").format(
                unit=escape(unit_name), count=len(todo.items), round=next_round
            )
        else:
            head = self.tr("{unit}：暂无逾期、临期、未报送或被退回的任务。{round}").format(
                unit=escape(unit_name), round=next_round
            )
        self.summary.setText(f"<b>{head}</b>")
        for entry in todo.items:
            self.model.appendRow(self._row(entry))
        self.view.resizeColumnToContents(1)

    def _row(self, entry: TodoItem) -> list[QStandardItem]:
        task = entry.task
        name = _item(f"{task.number}. {task.first_line}", task.text)
        name.setData(task.id, IdRole)
        reasons = "、".join(_reason_text(r) for r in entry.reasons)
        what = _item(reasons)
        what.setIcon(words.light_icon(entry.light.light))
        notes = []
        if entry.return_reason:
            notes.append(self.tr("退回原因：{reason}").format(reason=entry.return_reason))
        if task.deadline is not None:
            notes.append(self.tr("完成时限：{d}").format(d=words.deadline_text(task.deadline)))
        for item in entry.instructions:
            notes.append(
                self.tr("批示（{leader}）：{text}").format(leader=item.leader, text=item.text)
            )
        detail = _item("；".join(notes), "\n".join(notes))
        if TodoReason.RETURNED in entry.reasons:
            for cell in (name, what, detail):
                cell.setForeground(words.light_colour(entry.light.light))
        return [name, what, detail]

    def task_ids(self) -> list[str]:
        return [str(self.model.item(r, 0).data(IdRole)) for r in range(self.model.rowCount())]

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        task_id = index.siblingAtColumn(0).data(IdRole)
        if task_id:
            self.task_selected.emit(str(task_id))


def _reason_text(reason: TodoReason) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        TodoReason.RETURNED: QCoreApplication.translate("TodoView", "被退回修改"),
        TodoReason.OVERDUE: QCoreApplication.translate("TodoView", "逾期"),
        TodoReason.OWES_REPORT: QCoreApplication.translate("TodoView", "未报送"),
        TodoReason.DUE_SOON: QCoreApplication.translate("TodoView", "临期"),
    }[reason]
