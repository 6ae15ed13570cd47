"""Window layer: plan corrections by the coordinating office (计划修订): edit a task's text or
units, add a task, close (办结/销号) or reopen one. Each returns what was typed and why; the
window hands it to the store, which records it as a plan revision (留痕)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.enums import Role
from domain.records import PlanView, TaskView
from ui.common import words
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen
from ui.supervision.forms import error_label, reason_box, reason_problem

#: (unit name, role, the wording as written) — what ``Store.edit_task``/``add_task`` take.
UnitEntry = tuple[str, Role, str]
_UNIT_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class TaskEditInput:
    """A task as the coordinating office wants it; ``task_id`` None is a new task."""

    task_id: str | None
    section_id: str
    subsection_id: str | None
    number: int
    text: str
    units: tuple[UnitEntry, ...]
    reason: str


def entry_for(task: TaskView, plan: PlanView) -> TaskEditInput:
    """The dialog's starting point for editing ``task``."""
    section = next(s for s in plan.sections if s.number == task.section_number)
    sub = next((x for x in section.subsections if x.number == task.subsection_number), None)
    units = tuple((a.unit_name, a.role, a.wording) for a in task.assignments)
    return TaskEditInput(
        task.id, section.id, sub.id if sub else None, task.number, task.text, units, ""
    )


def new_entry(plan: PlanView, near: TaskView | None) -> TaskEditInput:
    """A blank new task: in the section of ``near`` (or the last), numbered after the last."""
    number = max((t.number for t in plan.all_tasks()), default=0) + 1
    base = entry_for(near, plan) if near is not None else None
    section_id = base.section_id if base else plan.sections[-1].id
    return TaskEditInput(None, section_id, base.subsection_id if base else None, number, "", (), "")


class TaskEditDialog(CheckedDialog):
    """Form for one ``TaskEditInput``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(self, plan: PlanView, adding: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("task_edit_dialog")
        self.setWindowTitle(self.tr("新增任务") if adding else self.tr("修改任务"))
        self._plan = plan
        self._adding = adding
        self._task_id: str | None = None
        self._initial: TaskEditInput | None = None
        self._init_widgets()
        self._init_layout()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.section_box.currentIndexChanged.connect(self._fill_subsections)
        self.add_unit_button.clicked.connect(self._on_add_unit)
        self.remove_unit_button.clicked.connect(self._on_remove_unit)
        resize_within_screen(self, 640, 620)

    def _init_widgets(self) -> None:
        self.section_box = QComboBox(self)
        self.section_box.setObjectName("section_box")
        for section in self._plan.sections:
            self.section_box.addItem(words.section_label(section.number, section.title), section.id)
        self.subsection_box = QComboBox(self)
        self.subsection_box.setObjectName("subsection_box")
        self.number = QSpinBox(self)
        self.number.setObjectName("task_number")
        self.number.setRange(1, 9999)
        self.number.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000") + 60)
        for box in (self.section_box, self.subsection_box, self.number):
            box.setEnabled(self._adding)  # an existing task keeps its place and number
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("task_text")
        self.text.setTabChangesFocus(True)
        self.units = QListWidget(self)
        self.units.setObjectName("unit_list")
        self.units.setMaximumHeight(self.fontMetrics().height() * 7)
        self.unit_name = QComboBox(self)
        self.unit_name.setObjectName("unit_name")
        self.unit_name.setEditable(True)
        self.unit_name.addItems(sorted({u.unit_name for u in self._plan.units()}))
        self.unit_name.setCurrentIndex(-1)
        self.unit_name.lineEdit().setPlaceholderText(self.tr("单位名称"))
        self.role_box = QComboBox(self)
        self.role_box.setObjectName("unit_role")
        for role in (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATE):
            self.role_box.addItem(words.role_text(role), role.value)
        self.add_unit_button = QPushButton(self.tr("添加单位"), self)
        self.add_unit_button.setObjectName("add_unit")
        self.remove_unit_button = QPushButton(self.tr("删除所选"), self)
        self.remove_unit_button.setObjectName("remove_unit")
        self.reason = reason_box(self)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )

    def _init_layout(self) -> None:
        unit_row = QHBoxLayout()
        unit_row.addWidget(self.unit_name, 1)
        unit_row.addWidget(self.role_box)
        unit_row.addWidget(self.add_unit_button)
        unit_row.addWidget(self.remove_unit_button)
        units = QVBoxLayout()
        units.addWidget(self.units)
        units.addLayout(unit_row)
        form = QFormLayout()
        form.addRow(self.tr("所属部分"), self.section_box)
        form.addRow(self.tr("所属方面"), self.subsection_box)
        form.addRow(self.tr("任务序号"), self.number)
        form.addRow(self.tr("任务内容"), self.text)
        form.addRow(self.tr("责任单位"), units)
        form.addRow(self.tr("修改原因"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, entry: TaskEditInput) -> None:
        self._task_id = entry.task_id
        self.section_box.setCurrentIndex(max(self.section_box.findData(entry.section_id), 0))
        self._fill_subsections()
        self.subsection_box.setCurrentIndex(
            max(self.subsection_box.findData(entry.subsection_id), 0)
        )
        self.number.setValue(entry.number)
        self.text.setPlainText(entry.text)
        self.units.clear()
        for unit in entry.units:
            self._append_unit(unit)
        self.reason.setPlainText(entry.reason)
        self._initial = entry

    def data(self) -> TaskEditInput:
        sub = self.subsection_box.currentData()
        return TaskEditInput(
            task_id=self._task_id,
            section_id=str(self.section_box.currentData()),
            subsection_id=str(sub) if sub else None,
            number=self.number.value(),
            text=self.text.toPlainText().strip(),
            units=tuple(self.units.item(i).data(_UNIT_ROLE) for i in range(self.units.count())),
            reason=self.reason.toPlainText().strip(),
        )

    def validate(self) -> str | None:
        entry = self.data()
        if not entry.text:
            self.text.setFocus()
            return words.store_error_text("empty_text")
        if not entry.units:
            self.unit_name.setFocus()
            return words.store_error_text("no_units")
        if self._adding and entry.number in self._used_numbers(entry):
            self.number.setFocus()
            return self.tr("任务序号 {number} 已被使用，请换一个。").format(number=entry.number)
        initial = self._initial
        unchanged = initial is not None and (entry.text, entry.units) == (
            initial.text,
            initial.units,
        )
        if unchanged and not self._adding:
            return self.tr("任务内容和责任单位都没有修改。")
        problem = reason_problem(entry.reason)
        if problem:
            self.reason.setFocus()
        return problem

    def _used_numbers(self, entry: TaskEditInput) -> set[int]:
        """Numbers taken: in the whole plan when it numbers tasks once, else in the group."""
        tasks = self._plan.all_tasks()
        numbers = [t.number for t in tasks]
        if len(set(numbers)) == len(numbers):
            return set(numbers)
        section = next(s for s in self._plan.sections if s.id == entry.section_id)
        sub = next((x for x in section.subsections if x.id == entry.subsection_id), None)
        return {t.number for t in (sub.tasks if sub else section.tasks)}

    @classmethod
    def edit(
        cls, parent: QWidget | None, plan: PlanView, entry: TaskEditInput
    ) -> TaskEditInput | None:
        dialog = cls(plan, adding=entry.task_id is None, parent=parent)
        dialog.set_data(entry)
        return run_modal(dialog)

    @Slot()
    def accept(self) -> None:
        message = self.validate()
        if message:
            self._say(message)
            return
        super().accept()

    def _say(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    # --- units ---------------------------------------------------------------------------
    def _append_unit(self, unit: UnitEntry) -> None:
        name, role, _ = unit
        item = QListWidgetItem(
            self.tr("{name}（{role}）").format(name=name, role=words.role_text(role))
        )
        item.setData(_UNIT_ROLE, unit)
        self.units.addItem(item)

    def add_unit(self, name: str, role: Role) -> str | None:
        """Add a unit to the list; the problem in words when it cannot be added."""
        name = name.strip()
        if not name:
            return self.tr("请填写单位名称。")
        if any(u[0] == name for u in self.data().units):
            return self.tr("该单位已在列表中：{name}").format(name=name)
        # The document's own wording of an existing unit is kept; a new one says its role.
        original = next(
            (u for u in (self._initial.units if self._initial else ()) if u[:2] == (name, role)),
            None,
        )
        self._append_unit(original or (name, role, role.value))
        return None

    @Slot()
    def _on_add_unit(self) -> None:
        problem = self.add_unit(self.unit_name.currentText(), Role(self.role_box.currentData()))
        if problem:
            self._say(problem)
            return
        self.error_label.hide()
        self.unit_name.setCurrentIndex(-1)
        self.unit_name.clearEditText()

    @Slot()
    def _on_remove_unit(self) -> None:
        for item in self.units.selectedItems():
            self.units.takeItem(self.units.row(item))

    @Slot()
    def _fill_subsections(self) -> None:
        section_id = self.section_box.currentData()
        section = next((s for s in self._plan.sections if s.id == section_id), None)
        self.subsection_box.clear()
        self.subsection_box.addItem(self.tr("（不属于任何方面）"), None)
        for sub in section.subsections if section else ():
            self.subsection_box.addItem(words.subsection_label(sub.number, sub.title), sub.id)
        if section is not None and section.subsections:
            self.subsection_box.setCurrentIndex(1)


@dataclass(frozen=True, slots=True)
class CloseInput:
    """办结/销号 (closed True) or 恢复办理 (False) of one task, and why."""

    task_id: str
    closed: bool
    reason: str


class CloseTaskDialog(CheckedDialog):
    """Form for one ``CloseInput``: ``set_data`` / ``data`` / ``validate`` / ``edit``."""

    def __init__(self, task: TaskView, closing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("close_task_dialog")
        self._task = task
        self._closing = closing
        self.setWindowTitle(self.tr("办结销号") if closing else self.tr("恢复办理"))
        intro = QLabel(
            self.tr("任务 {number}：{text}").format(number=task.number, text=task.first_line), self
        )
        intro.setWordWrap(True)
        note = QLabel(
            self.tr("审核最终报告后办结销号：此后该任务显示为“已完成”，不再提醒。")
            if closing
            else self.tr("恢复办理后，该任务重新按完成时限和报送节点计算状态。"),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6b78;")
        self.reason = reason_box(self)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("原因"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 520, 280)

    def set_data(self, entry: CloseInput) -> None:
        self.reason.setPlainText(entry.reason)

    def data(self) -> CloseInput:
        return CloseInput(self._task.id, self._closing, self.reason.toPlainText().strip())

    def validate(self) -> str | None:
        if self._task.closed == self._closing:
            return self.tr("该任务已经办结。") if self._closing else self.tr("该任务尚未办结。")
        return reason_problem(self.data().reason)

    @classmethod
    def edit(cls, parent: QWidget | None, task: TaskView, closing: bool) -> CloseInput | None:
        dialog = cls(task, closing, parent)
        dialog.set_data(CloseInput(task.id, closing, ""))
        return run_modal(dialog)
