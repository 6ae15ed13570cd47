"""Window layer: the 计划修订记录 (plan change log): who changed what in the plan, when and
why (留痕). Read-only, open to every PC: a unit sees the changes its exchange files brought."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.enums import Role
from domain.exchange_records import PlanChange
from domain.records import Installation, PlanView
from domain.schedule import Deadline, RoundKind, RoundRule
from ui.common import words
from ui.common.sizing import resize_within_screen
from ui.common.table_model import ReadOnlyTableModel

COL_WHEN, COL_WHO, COL_KIND, COL_TASK, COL_WHAT, COL_REASON = range(6)
#: How much of a task's text the log quotes.
QUOTE = 40


def local_time(authored_at: str) -> str:
    """UTC ISO-8601 as local time for people; the stored text if it cannot be read."""
    try:
        moment = dt.datetime.fromisoformat(authored_at)
    except ValueError:
        return authored_at
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _quote(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= QUOTE else text[: QUOTE - 1] + "…"


def _units(units: list[dict[str, Any]]) -> str:
    return QCoreApplication.translate("PlanChanges", "、").join(
        QCoreApplication.translate("PlanChanges", "{name}（{role}）").format(
            name=u["name"], role=words.role_text(Role(u["role"]))
        )
        for u in units
    )


def describe(change: PlanChange) -> str:
    """What a change did, in a line; a payload this version cannot read says so."""
    try:
        data = json.loads(change.payload)
        if change.kind == "deadline" and data.get("clear"):
            if change.task_id is None:
                return QCoreApplication.translate("PlanChanges", "整个方案：清除完成时限")
            return QCoreApplication.translate("PlanChanges", "清除完成时限（按方案时限）")
        if change.kind == "deadline":
            deadline = (
                Deadline(long_term=True)
                if data.get("long_term")
                else Deadline(date=dt.date.fromisoformat(data["date"]))
            )
            text = words.deadline_text(deadline)
            if change.task_id is None:
                return QCoreApplication.translate("PlanChanges", "整个方案：{deadline}").format(
                    deadline=text
                )
            return text
        if change.kind == "rounds":
            return words.rounds_text(
                RoundRule(
                    RoundKind(data["kind"]),
                    day=int(data.get("day") or 0),
                    dates=tuple(dt.date.fromisoformat(d) for d in data.get("dates") or ()),
                    start=dt.date.fromisoformat(data["start"]) if data.get("start") else None,
                )
            )
        if change.kind == "edit_task":
            parts = []
            if "text" in data:
                parts.append(
                    QCoreApplication.translate("PlanChanges", "内容改为：{text}").format(
                        text=_quote(data["text"])
                    )
                )
            if "units" in data:
                parts.append(
                    QCoreApplication.translate("PlanChanges", "责任单位：{units}").format(
                        units=_units(data["units"])
                    )
                )
            return QCoreApplication.translate("PlanChanges", "；").join(parts)
        if change.kind == "add_task":
            return QCoreApplication.translate(
                "PlanChanges", "任务 {number}：{text}；{units}"
            ).format(number=data["number"], text=_quote(data["text"]), units=_units(data["units"]))
        if change.kind == "close_task":
            closed = data.get("closed", True)
            return (
                QCoreApplication.translate("PlanChanges", "办结销号")
                if closed
                else QCoreApplication.translate("PlanChanges", "恢复办理")
            )
        if change.kind == "not_a_task" and data.get("joined_into"):
            return QCoreApplication.translate("PlanChanges", "并入上一项任务（记录保留）")
        if change.kind == "not_a_task":
            return QCoreApplication.translate("PlanChanges", "这一行不是任务，移出方案（记录保留）")
        if change.kind == "rename_plan":
            return QCoreApplication.translate("PlanChanges", "方案名称改为：{title}").format(
                title=_quote(data["title"])
            )
        if change.kind == "remove_plan":
            return (
                QCoreApplication.translate("PlanChanges", "移除方案（数据保留）")
                if data.get("removed", True)
                else QCoreApplication.translate("PlanChanges", "恢复方案")
            )
    except (ValueError, KeyError, TypeError, AttributeError):
        pass
    return QCoreApplication.translate("PlanChanges", "（本版本无法读取这项修订的内容）")


class PlanChangesModel(ReadOnlyTableModel[PlanChange]):
    """One row per plan change, oldest first (the order they apply in)."""

    column_count = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers: dict[str, int] = {}
        self._me: Installation | None = None

    def set_changes(
        self, changes: list[PlanChange], plan: PlanView, me: Installation | None
    ) -> None:
        self._numbers = {t.id: t.number for t in plan.all_tasks()}
        self._me = me
        self.set_rows(changes)

    def change(self, row: int) -> PlanChange:
        return self.row_at(row)

    def header(self, section: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("PlanChanges", "时间"),
            QCoreApplication.translate("PlanChanges", "修订人"),
            QCoreApplication.translate("PlanChanges", "类型"),
            QCoreApplication.translate("PlanChanges", "任务"),
            QCoreApplication.translate("PlanChanges", "修订内容"),
            QCoreApplication.translate("PlanChanges", "原因"),
        )[section]

    def who(self, change: PlanChange) -> str:
        me = self._me
        if me is not None and change.author_installation_id == me.id:
            return QCoreApplication.translate("PlanChanges", "本机（{name}）").format(name=me.name)
        return QCoreApplication.translate("PlanChanges", "协调办公室（{id}）").format(
            id=change.author_installation_id[:8]
        )

    def _task(self, change: PlanChange) -> str:
        if change.task_id is None:
            return QCoreApplication.translate("PlanChanges", "整个方案")
        number = self._numbers.get(change.task_id)
        return str(number) if number is not None else "—"

    def cell(self, change: PlanChange, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_WHEN:
            return local_time(change.authored_at)
        if column == COL_WHO:
            return self.who(change)
        if column == COL_KIND:
            return words.change_kind_text(change.kind)
        if column == COL_TASK:
            return self._task(change)
        if column == COL_WHAT:
            return describe(change)
        if role == Qt.ItemDataRole.ToolTipRole:
            return change.reason
        return _quote(change.reason)


class PlanChangesDialog(QDialog):
    """The change log of a plan, optionally only the changes of one task."""

    def __init__(
        self,
        changes: list[PlanChange],
        plan: PlanView,
        me: Installation | None,
        task_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("plan_changes_dialog")
        self.setWindowTitle(self.tr("计划修订记录"))
        self._all = changes
        self._plan = plan
        self._me = me
        self._task_id = task_id
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.only_task = QCheckBox(self)
        self.only_task.setObjectName("only_task")
        number = next((t.number for t in plan.all_tasks() if t.id == task_id), None)
        self.only_task.setText(self.tr("只看任务 {number} 的修订").format(number=number))
        self.only_task.setVisible(number is not None)
        self.model = PlanChangesModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("plan_changes_table")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.only_task.toggled.connect(self._fill)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.only_task)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 1000, 480)
        self._fill()

    def _fill(self) -> None:
        shown = [
            c for c in self._all if not self.only_task.isChecked() or c.task_id == self._task_id
        ]
        self.model.set_changes(shown, self._plan, self._me)
        self.intro.setText(
            self.tr(
                "{title}：共 {count} 条修订，按生效顺序排列。修订只能由协调办公室作出。"
            ).format(title=self._plan.title, count=len(shown))
        )

    @classmethod
    def show_log(
        cls,
        parent: QWidget | None,
        changes: list[PlanChange],
        plan: PlanView,
        me: Installation | None,
        task_id: str | None = None,
    ) -> None:
        dialog = cls(changes, plan, me, task_id, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
