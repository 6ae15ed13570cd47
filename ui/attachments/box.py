"""Window layer: the 佐证材料 list of the 填报 dialog: add (button or drag and drop), remove,
open. Files are checked when added (kind from the bytes, the plan's caps), so a refusal
names the file at once; the store checks again when the report is saved."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.attachment_sniff import inspect_file
from domain.attachments import (
    AttachmentChoice,
    AttachmentFile,
    AttachmentLimits,
    AttachmentRef,
    AttachmentRefused,
    RefusalCode,
    safe_file_name,
)
from ui.attachments import words
from ui.common import messages


@dataclass(frozen=True, slots=True)
class Entry:
    """One line: what is shown (``ref``) and what the report will list (``choice``)."""

    ref: AttachmentRef
    choice: AttachmentChoice


class AttachmentsBox(QWidget):
    """``set_entries`` / ``choices``; ``open_requested`` asks the window to show one."""

    open_requested = Signal(object)  # an Entry
    changed = Signal()

    def __init__(self, limits: AttachmentLimits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments_box")
        self.setAcceptDrops(True)
        self._limits = limits
        self._entries: list[Entry] = []
        self.list = QListWidget(self)
        self.list.setObjectName("attachments_list")
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.list.setAcceptDrops(False)  # the box takes the drop
        self.add_button = QPushButton(self.tr("添加…"), self)
        self.add_button.setObjectName("attachments_add")
        self.remove_button = QPushButton(self.tr("移除"), self)
        self.remove_button.setObjectName("attachments_remove")
        self.open_button = QPushButton(self.tr("打开"), self)
        self.open_button.setObjectName("attachments_open")
        self.caps = QLabel(words.limits_text(limits) + self.tr("可把文件拖到这里。"), self)
        self.caps.setObjectName("attachments_caps")
        self.caps.setWordWrap(True)
        self.caps.setStyleSheet("color: #5f6b78;")
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.caps)
        self.add_button.clicked.connect(self._on_add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.open_button.clicked.connect(self._on_open)
        self.list.itemDoubleClicked.connect(self._on_open)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    # --- contract ------------------------------------------------------------------------
    def set_choices(self, choices: tuple[AttachmentChoice, ...]) -> None:
        """Stored files as they are; local files checked again (a reopened form)."""
        self._entries = [Entry(c, c) for c in choices if isinstance(c, AttachmentRef)]
        for choice in choices:
            if isinstance(choice, AttachmentFile):
                try:
                    size, found = inspect_file(
                        choice.path, choice.file_name, self._limits.max_file_bytes
                    )
                except AttachmentRefused:
                    continue  # refused when it was added; the store would refuse it too
                ref = AttachmentRef(
                    "", choice.file_name, size, found.kind, found.pages, found.risks
                )
                self._entries.append(Entry(ref, choice))
        self._refill()

    def choices(self) -> tuple[AttachmentChoice, ...]:
        return tuple(e.choice for e in self._entries)

    def entries(self) -> list[Entry]:
        return list(self._entries)

    def add_paths(self, paths: list[Path]) -> list[str]:
        """Check and add files; returns the refusals' sentences (also shown to the clerk)."""
        refused: list[str] = []
        for path in paths:
            name = safe_file_name(path.name)
            try:
                if len(self._entries) >= self._limits.max_files:
                    raise AttachmentRefused(RefusalCode.TOO_MANY, name)
                size, found = inspect_file(str(path), name, self._limits.max_file_bytes)
                total = size + sum(e.ref.size for e in self._entries)
                if total > self._limits.max_report_bytes:
                    raise AttachmentRefused(RefusalCode.REPORT_TOO_LARGE, name)
            except AttachmentRefused as exc:
                refused.append(words.refusal_text(exc, self._limits))
                continue
            ref = AttachmentRef("", name, size, found.kind, found.pages, found.risks)
            self._entries.append(Entry(ref, AttachmentFile(str(path), name)))
        self._refill()
        if refused:
            messages.warning(self, self.tr("未能添加佐证材料"), "\n".join(refused))
        return refused

    @Slot()
    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._entries):
            del self._entries[row]
            self._refill()

    # --- drag and drop -------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    # --- inside --------------------------------------------------------------------------
    def _refill(self) -> None:
        self.list.clear()
        for entry in self._entries:
            item = QListWidgetItem(words.describe(entry.ref), self.list)
            if entry.ref.risks:
                item.setForeground(Qt.GlobalColor.darkRed)
        self._update_buttons()
        self.changed.emit()

    @Slot()
    def _update_buttons(self) -> None:
        chosen = 0 <= self.list.currentRow() < len(self._entries)
        self.remove_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    @Slot()
    def _on_add(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择佐证材料"),
            str(Path.home()),
            self.tr("佐证材料 (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.ofd *.txt);;所有文件 (*)"),
        )
        if names:
            self.add_paths([Path(n) for n in names])

    @Slot()
    def _on_open(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._entries):
            self.open_requested.emit(self._entries[row])
