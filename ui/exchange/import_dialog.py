"""Window layer: 文件 → 导入交换文件…: read several files, show what each would change, confirm.

Each file is read as untrusted input and previewed on a pool thread, one after another
(``exchange_jobs.preview_file``); nothing changes until the clerk confirms. The dialog
returns the files that may be merged; the window merges them. The same dialog, in its
results mode, shows what the merge did.

Hook for key registration (登记): a file whose sender's key this PC has not confirmed can
be previewed but not merged. ``edit(..., key_confirmation=handler)`` shows a
"核对并登记密钥…" button; for the selected file the dialog calls ``handler(preview)``, which
asks the clerk to compare fingerprints and registers the key, returning True when it did;
the dialog then reads that file again. Without a handler the button stays hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.common import messages
from ui.common.sizing import resize_within_screen
from ui.common.worker import run_in_pool
from ui.exchange.file_model import COL_FILE, COL_SENDER, ExchangeFileModel, FileRow
from ui.exchange.jobs import FilePreview, FileState, preview_file

# Registers the sender's key of a previewed file; True when the clerk confirmed it.
KeyConfirmation = Callable[[FilePreview], bool]


class ExchangeImportDialog(QDialog):
    """Preview of the chosen files; ``data()`` is the files that may be merged."""

    previews_ready = Signal()

    def __init__(self, db_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchange_import_dialog")
        self.setWindowTitle(self.tr("导入交换文件"))
        self._db_path = db_path
        self._queue: list[int] = []
        self._reading: int | None = None
        self._key_confirmation: KeyConfirmation | None = None
        self._init_widgets()
        self._init_layout()
        self.add_button.clicked.connect(self.add_files)
        self.key_button.clicked.connect(self.confirm_sender_key)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.dataChanged.connect(self._show_details)
        resize_within_screen(self, 960, 600)
        self._update_state()

    def _init_widgets(self) -> None:
        self.state_label = QLabel(self)
        self.state_label.setObjectName("import_state")
        self.state_label.setWordWrap(True)
        self.model = ExchangeFileModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("import_files")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_FILE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SENDER, QHeaderView.ResizeMode.Stretch)
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("import_details")
        self.details.setReadOnly(True)
        self.add_button = QPushButton(self.tr("添加文件…"), self)
        self.add_button.setObjectName("add_files_button")
        self.key_button = QPushButton(self.tr("核对并登记密钥…"), self)
        self.key_button.setObjectName("confirm_key_button")
        self.key_button.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("导入"))
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)

    def _init_layout(self) -> None:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 200])
        bottom = QHBoxLayout()
        bottom.addWidget(self.add_button)
        bottom.addWidget(self.key_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # --- contract ------------------------------------------------------------------------
    def set_data(self, paths: list[Path]) -> None:
        """Show ``paths`` and read them one by one; ``previews_ready`` fires when all are read."""
        self.model.set_rows([])
        self._queue.clear()
        self.add_paths(paths)

    def data(self) -> list[Path]:
        """The files that may be merged, in the order they are listed."""
        return [row.path for row in self.model.rows() if row.state is FileState.READY]

    def validate(self) -> str | None:
        if self.is_reading():
            return self.tr("请等待文件读取完成。")
        if not self.data():
            return self.tr("没有可以导入的文件。")
        return None

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        db_path: Path,
        paths: list[Path] | None = None,
        key_confirmation: KeyConfirmation | None = None,
    ) -> list[Path] | None:
        """Choose (or take) files and preview them; the files to merge once confirmed."""
        paths = paths or messages.choose_exchange_files(parent)
        if not paths:
            return None
        dialog = cls(db_path, parent)
        try:
            dialog.set_key_confirmation(key_confirmation)
            dialog.set_data(paths)
            return dialog.data() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def show_results(cls, parent: QWidget | None, rows: list[FileRow]) -> None:
        """What merging did, file by file (the same table, read-only, one Close button)."""
        dialog = cls(None, parent)
        try:
            dialog.set_results(rows)
            dialog.exec()
        finally:
            dialog.deleteLater()

    def set_results(self, rows: list[FileRow]) -> None:
        self.setWindowTitle(self.tr("导入结果"))
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.add_button.hide()
        self.key_button.hide()
        self.model.set_rows(rows)
        imported = [r for r in rows if r.state is FileState.IMPORTED]
        new = sum(_new_revisions(r) for r in imported)
        self.state_label.setText(
            self.tr("已导入 {imported} 个文件，新记录 {new} 条；未导入 {other} 个文件。").format(
                imported=len(imported), new=new, other=len(rows) - len(imported)
            )
        )
        if rows:
            self.table.selectRow(0)

    def set_key_confirmation(self, handler: KeyConfirmation | None) -> None:
        """Offer key registration for files whose sender's key is not yet confirmed."""
        self._key_confirmation = handler
        self.key_button.setVisible(handler is not None)
        self._update_key_button()

    # --- reading -------------------------------------------------------------------------
    def add_paths(self, paths: list[Path]) -> None:
        known = {row.path.resolve() for row in self.model.rows()}
        for path in paths:
            if path.resolve() in known:
                continue  # the same file picked twice is read once
            known.add(path.resolve())
            self._queue.append(self.model.add_row(FileRow(path)))
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self._read_next()

    def is_reading(self) -> bool:
        return self._reading is not None or bool(self._queue)

    def _read_next(self) -> None:
        if self._reading is not None:
            return
        if not self._queue:
            self._update_state()
            self.previews_ready.emit()
            return
        self._reading = self._queue.pop(0)
        self._update_state()
        path = self.model.row_at(self._reading).path
        run_in_pool(self._on_preview, self._on_preview_failed, preview_file, self._db_path, path)

    @Slot(object)
    def _on_preview(self, preview: FilePreview) -> None:
        assert self._reading is not None
        self.model.replace_row(self._reading, FileRow.of(preview))
        self._reading = None
        self._read_next()

    @Slot(object)
    def _on_preview_failed(self, error: Exception) -> None:
        assert self._reading is not None
        path = self.model.row_at(self._reading).path
        reason = str(error) or type(error).__name__
        self.model.replace_row(self._reading, FileRow(path, FileState.FAILED, error=reason))
        self._reading = None
        self._read_next()

    # --- slots ---------------------------------------------------------------------------
    @Slot()
    def add_files(self) -> None:
        rows = self.model.rows()
        start = rows[-1].path.parent if rows else None
        paths = messages.choose_exchange_files(self, start)
        if paths:
            self.add_paths(paths)

    @Slot()
    def confirm_sender_key(self) -> None:
        """The key-registration hook: see the module docstring."""
        position = self._selected_row()
        if position is None or self._key_confirmation is None:
            return
        row = self.model.row_at(position)
        if row.state is not FileState.UNTRUSTED or row.preview is None:
            return
        if self._key_confirmation(row.preview):
            self.model.replace_row(position, FileRow(row.path))
            self._queue.append(position)
            self._read_next()

    @Slot()
    def accept(self) -> None:
        message = self.validate()
        if message:
            self.state_label.setText(message)
            return
        super().accept()

    @Slot(QItemSelection, QItemSelection)
    def _on_selection(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_details()

    @Slot()
    def _show_details(self) -> None:
        position = self._selected_row()
        text = self.model.detail_text(self.model.row_at(position)) if position is not None else ""
        if text != self.details.toPlainText():
            self.details.setPlainText(text)
        self._update_key_button()

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_key_button(self) -> None:
        position = self._selected_row()
        state = self.model.row_at(position).state if position is not None else None
        self.key_button.setEnabled(state is FileState.UNTRUSTED)

    def _update_state(self) -> None:
        rows = self.model.rows()
        self.add_button.setEnabled(not self.is_reading())
        self.ok_button.setEnabled(bool(rows) and self.validate() is None)
        if self.is_reading():
            done = sum(1 for r in rows if r.state is not FileState.READING)
            self.state_label.setText(
                self.tr("正在读取和核对第 {current}/{total} 个文件…").format(
                    current=done + 1, total=len(rows)
                )
            )
            return
        counts = {state: sum(1 for r in rows if r.state is state) for state in FileState}
        text = self.tr(
            "共 {total} 个文件：可以导入 {ready} 个，已导入过 {already} 个，不能导入 {refused} 个。"
        ).format(
            total=len(rows),
            ready=counts[FileState.READY],
            already=counts[FileState.ALREADY],
            refused=counts[FileState.REFUSED]
            + counts[FileState.FAILED]
            + counts[FileState.UNTRUSTED],
        )
        if counts[FileState.READY]:
            text += " " + self.tr("数据库尚未改动；核对无误后点击“导入”。")
        self.state_label.setText(text)


def _new_revisions(row: FileRow) -> int:
    report = row.preview.outcome.report if row.preview else None
    return report.new_revisions if report else 0
