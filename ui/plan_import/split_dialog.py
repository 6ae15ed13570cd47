"""Window layer: 拆分任务 in the import preview — one task read as two.

The clerk puts the cursor where the second task begins (the dialog starts at the sentence
end nearest the middle) and gives each part its units: every unit of the task is listed
with a role for each part (or 不承担 for a part it has nothing to do with).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.enums import Role
from ui.common import words
from ui.common.dialog_base import CheckedDialog, run_modal
from ui.common.sizing import resize_within_screen
from ui.supervision.forms import error_label

UnitEntry = tuple[str, Role, str]
# Where a sentence ends: a good place to split.
SENTENCE_ENDS = "。；;！？!?\n"
ROLES = (Role.LEAD, Role.RESPONSIBLE, Role.COOPERATE)


@dataclass(frozen=True, slots=True)
class SplitParts:
    first_text: str
    second_text: str
    first_units: tuple[UnitEntry, ...]
    second_units: tuple[UnitEntry, ...]


def sentence_split_point(text: str) -> int:
    """The sentence end nearest the middle of ``text`` (its end when there is none)."""
    ends = [i + 1 for i, ch in enumerate(text.rstrip()) if ch in SENTENCE_ENDS]
    ends = [i for i in ends if 0 < i < len(text.rstrip())]
    if not ends:
        return len(text)
    middle = len(text) / 2
    return min(ends, key=lambda i: abs(i - middle))


class SplitTaskDialog(CheckedDialog):
    """``set_data(text, units)`` / ``data()`` / ``validate()`` / ``edit()``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("split_task_dialog")
        self.setWindowTitle(self.tr("拆分任务"))
        self._units: tuple[UnitEntry, ...] = ()
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("split_text")
        self.text.setReadOnly(True)
        # Read-only, yet with a visible cursor the arrow keys and the mouse move.
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.first_label = self._part_label("split_first")
        self.second_label = self._part_label("split_second")
        self.unit_table = QTableWidget(0, 3, self)
        self.unit_table.setObjectName("split_units")
        self.unit_table.setHorizontalHeaderLabels(
            [self.tr("单位"), self.tr("第一项中的职责"), self.tr("第二项中的职责")]
        )
        self.unit_table.verticalHeader().hide()
        header = self.unit_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.error_label = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("拆分"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("把光标放在第二项开始的位置（已放在居中的句末）："), self)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.first_label)
        layout.addWidget(self.second_label)
        layout.addWidget(QLabel(self.tr("两项各自的分工（不承担：这一项不列该单位）："), self))
        layout.addWidget(self.unit_table, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.text.cursorPositionChanged.connect(self._show_parts)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        resize_within_screen(self, 640, 560)

    def _part_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        return label

    # --- contract ------------------------------------------------------------------------
    def set_data(self, text: str, units: tuple[UnitEntry, ...]) -> None:
        self._units = units
        self.text.setPlainText(text)
        self.unit_table.setRowCount(len(units))
        for row, (name, role, _wording) in enumerate(units):
            item = QTableWidgetItem(name)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.unit_table.setItem(row, 0, item)
            for column in (1, 2):
                self.unit_table.setCellWidget(row, column, self._role_box(role))
        self.set_split_point(sentence_split_point(text))

    def set_split_point(self, position: int) -> None:
        cursor = self.text.textCursor()
        cursor.setPosition(max(0, min(position, len(self.text.toPlainText()))))
        self.text.setTextCursor(cursor)
        self._show_parts()

    def role_box(self, row: int, part: int) -> QComboBox:
        """The role of unit ``row`` in part 1 or 2 (tests and the clerk set it)."""
        box = self.unit_table.cellWidget(row, part)
        assert isinstance(box, QComboBox)
        return box

    def data(self) -> SplitParts:
        first, second = self._parts()
        return SplitParts(first, second, self._part_units(1), self._part_units(2))

    def validate(self) -> str | None:
        first, second = self._parts()
        if not first or not second:
            return self.tr("拆分的位置不能在开头或末尾：两项都要有内容。")
        if not self._part_units(1) or not self._part_units(2):
            return self.tr("每一项至少要有一个承担的单位。")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, text: str, units: tuple[UnitEntry, ...]
    ) -> SplitParts | None:
        dialog = cls(parent)
        dialog.set_data(text, units)
        return run_modal(dialog)

    # --- internals -----------------------------------------------------------------------
    def _role_box(self, role: Role) -> QComboBox:
        box = QComboBox(self.unit_table)
        box.addItem(self.tr("不承担"), "")
        for choice in ROLES:
            box.addItem(words.role_text(choice), choice.value)
        box.setCurrentIndex(box.findData(role.value))
        return box

    def _parts(self) -> tuple[str, str]:
        text = self.text.toPlainText()
        at = self.text.textCursor().position()
        return text[:at].strip(), text[at:].strip()

    def _part_units(self, part: int) -> tuple[UnitEntry, ...]:
        out: list[UnitEntry] = []
        for row, (name, role, wording) in enumerate(self._units):
            value = self.role_box(row, part).currentData()
            if value:
                chosen = Role(value)
                out.append((name, chosen, wording if chosen is role else words.role_text(chosen)))
        return tuple(out)

    @Slot()
    def _show_parts(self) -> None:
        first, second = self._parts()
        self.first_label.setText(self.tr("第一项：{text}").format(text=_clip(first) or "—"))
        self.second_label.setText(self.tr("第二项：{text}").format(text=_clip(second) or "—"))


def _clip(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
