"""Window layer: 工具 → 导入日志: every merged exchange file (when, which file, from whom, what
changed), newest first, from ``Store.import_log()``.

Refused files are not in the log: refusing leaves the database byte-for-byte unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.exchange_records import ImportLogEntry
from ui.common import words
from ui.common.sizing import resize_within_screen
from ui.common.table_model import NUMBER_ALIGNMENT, ReadOnlyTableModel
from ui.exchange import words as exchange_words

(
    COL_TIME,
    COL_FILE,
    COL_SENDER,
    COL_OUTCOME,
    COL_NEW,
    COL_PRESENT,
    COL_CONFLICTS,
    COL_REJECTED,
    COL_DETAILS,
) = range(9)
COLUMN_COUNT = 9
_COUNTS = (COL_NEW, COL_PRESENT, COL_CONFLICTS, COL_REJECTED)
# How the store writes the coordinating office as a sender unit (shown in the UI language).
_OFFICE_UNIT = "协调办公室"


def local_time_text(utc_text: str) -> str:
    """2026-11-26T10:55:33+00:00 → 2026-11-26 18:55 on a PC in UTC+8."""
    try:
        moment = dt.datetime.fromisoformat(utc_text)
    except ValueError:
        return utc_text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class ImportLogModel(ReadOnlyTableModel[ImportLogEntry]):
    """导入日志 rows; ``unit_names`` (unit id → name) names the units of rejected records."""

    column_count = COLUMN_COUNT

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unit_names: dict[str, str] = {}

    def set_entries(self, entries: list[ImportLogEntry], unit_names: dict[str, str]) -> None:
        self._unit_names = dict(unit_names)
        self.set_rows(entries)

    def entry(self, row: int) -> ImportLogEntry:
        return self.row_at(row)

    def header(self, section: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("导入时间"),
            self.tr("文件"),
            self.tr("发送方"),
            self.tr("结果"),
            self.tr("新记录"),
            self.tr("已有"),
            self.tr("冲突"),
            self.tr("拒收"),
            self.tr("详情"),
        )[section]

    def cell(self, entry: ImportLogEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TIME:
                return entry.imported_at
            return self._display(entry, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _COUNTS:
            return NUMBER_ALIGNMENT
        return None

    def _display(self, entry: ImportLogEntry, column: int) -> str:
        if column == COL_TIME:
            return local_time_text(entry.imported_at)
        if column == COL_FILE:
            return entry.file_name
        if column == COL_SENDER:
            unit = entry.sender_unit
            unit = words.coordinating_office_text() if unit == _OFFICE_UNIT else unit
            return self.tr("{unit}（{computer}）").format(unit=unit, computer=entry.sender_name)
        if column == COL_OUTCOME:
            return exchange_words.log_outcome_text(entry.outcome)
        if column == COL_DETAILS:
            return self.details_text(entry)
        counts = {
            COL_NEW: entry.new_count,
            COL_PRESENT: entry.present_count,
            COL_CONFLICTS: entry.conflict_count,
            COL_REJECTED: entry.rejected_count,
        }
        return str(counts[column])

    def details_text(self, entry: ImportLogEntry) -> str:
        """拒收 2 条：不是发送单位自己的进展记录（哈尔滨海关）；方案修订 3 条."""
        try:
            details = json.loads(entry.details or "{}")
            rejected = Counter(
                (str(problem), str(unit_id))
                for _id, problem, unit_id in details.get("rejected", [])
            )
            anomalies = Counter(str(kind) for kind, *_rest in details.get("anomalies", []))
            changes = int(details.get("new_plan_changes", 0))
        except (ValueError, TypeError, AttributeError):
            return entry.details  # written by a newer Duban: shown as it is
        parts = []
        for (problem, unit_id), count in rejected.items():
            reason = exchange_words.record_problem_text(problem)
            unit = self._unit_names.get(unit_id, "")
            if unit:
                reason = self.tr("{reason}（{unit}）").format(reason=reason, unit=unit)
            parts.append(self.tr("拒收 {count} 条：{reason}").format(count=count, reason=reason))
        for kind, count in anomalies.items():
            parts.append(
                self.tr("异常 {count} 条：{reason}").format(
                    count=count, reason=exchange_words.anomaly_text(kind)
                )
            )
        if changes:
            parts.append(self.tr("方案修订 {count} 条").format(count=changes))
        return self.tr("；").join(parts) if parts else "—"


class ImportLogDialog(QDialog):
    """The import log as a read-only table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_log_dialog")
        self.setWindowTitle(self.tr("导入日志"))
        self.model = ImportLogModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("import_log_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAILS, QHeaderView.ResizeMode.Stretch)
        self.empty_label = QLabel(self.tr("尚未导入过交换文件。"), self)
        self.empty_label.setObjectName("import_log_empty")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        resize_within_screen(self, 1100, 480)

    def set_data(self, entries: list[ImportLogEntry], unit_names: dict[str, str]) -> None:
        self.model.set_entries(entries, unit_names)
        self.empty_label.setVisible(not entries)

    @classmethod
    def show_log(
        cls, parent: QWidget | None, entries: list[ImportLogEntry], unit_names: dict[str, str]
    ) -> None:
        dialog = cls(parent)
        try:
            dialog.set_data(entries, unit_names)
            dialog.exec()
        finally:
            dialog.deleteLater()
