"""Window layer: the table of exchange files in an import (one row per file), and the words
for one file's preview or result.

Rows are plain ``FileRow`` records; the import dialog replaces a row when its preview (or
merge) comes back from the pool thread, and the model says ``dataChanged`` for that row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from exchange.service import ImportOutcome
from ui.common.table_model import NUMBER_ALIGNMENT, ROOT_INDEX, ReadOnlyTableModel
from ui.exchange import words as exchange_words
from ui.exchange.jobs import FilePreview, FileState

(
    COL_FILE,
    COL_SENDER,
    COL_NEW,
    COL_PRESENT,
    COL_CONFLICTS,
    COL_REJECTED,
    COL_PLAN_CHANGES,
    COL_RESULT,
) = range(8)
COLUMN_COUNT = 8
COUNT_COLUMNS = (COL_NEW, COL_PRESENT, COL_CONFLICTS, COL_REJECTED, COL_PLAN_CHANGES)

_STATE_COLOURS = {
    FileState.REFUSED: "#c62828",
    FileState.FAILED: "#c62828",
    FileState.UNTRUSTED: "#b26a00",
    FileState.ALREADY: "#5f6b78",
    FileState.IMPORTED: "#2e7d32",
}


@dataclass(frozen=True, slots=True)
class FileRow:
    """One file of an import: its path, its state and, once read, its preview."""

    path: Path
    state: FileState = FileState.READING
    preview: FilePreview | None = None
    error: str = ""  # an unexpected failure (the database, a bug), in words

    @classmethod
    def of(cls, preview: FilePreview) -> FileRow:
        return cls(preview.path, preview.state, preview)


class ExchangeFileModel(ReadOnlyTableModel[FileRow]):
    """Files of one import with their counts (新记录/已有/冲突/拒收/方案修订) and result."""

    column_count = COLUMN_COUNT

    # --- rows ----------------------------------------------------------------------------
    def add_row(self, row: FileRow) -> int:
        position = len(self._rows)
        self.beginInsertRows(ROOT_INDEX, position, position)
        self._rows.append(row)
        self.endInsertRows()
        return position

    def replace_row(self, position: int, row: FileRow) -> None:
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, COLUMN_COUNT - 1))

    # --- Qt model ------------------------------------------------------------------------
    def header(self, section: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("文件"),
            self.tr("发送方"),
            self.tr("新记录"),
            self.tr("已有"),
            self.tr("冲突"),
            self.tr("拒收"),
            self.tr("方案修订"),
            self.tr("结果"),
        )[section]

    def cell(self, row: FileRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(row.path) if column == COL_FILE else self._display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_RESULT:
            colour = _STATE_COLOURS.get(row.state)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_COLUMNS:
            return NUMBER_ALIGNMENT
        return None

    def _display(self, row: FileRow, column: int) -> str | None:
        if column == COL_FILE:
            return row.path.name
        if column == COL_RESULT:
            return self.state_text(row)
        report = row.preview.outcome.report if row.preview else None
        if report is None or row.state in (FileState.REFUSED, FileState.FAILED):
            return None
        if column == COL_SENDER:
            return exchange_words.sender_text(report.sender)
        if report.already_imported:
            return {COL_NEW: "0", COL_PRESENT: str(report.present_revisions)}.get(column, "")
        counts = {
            COL_NEW: report.new_revisions,
            COL_PRESENT: report.present_revisions,
            COL_CONFLICTS: report.conflicts,
            COL_REJECTED: len(report.rejected),
            COL_PLAN_CHANGES: report.new_plan_changes,
        }
        return str(counts[column]) if column in counts else None

    def state_text(self, row: FileRow) -> str:
        if row.state is FileState.UNTRUSTED:
            return (
                self.tr("待登记密钥")
                if _trust_code(row) == "unknown_key"
                else self.tr("签名未通过")
            )
        return {
            FileState.READING: self.tr("正在读取…"),
            FileState.READY: self.tr("可以导入"),
            FileState.ALREADY: self.tr("已导入过"),
            FileState.REFUSED: self.tr("拒收"),
            FileState.FAILED: self.tr("出错"),
            FileState.IMPORTED: self.tr("已导入"),
        }[row.state]

    # --- words for one file --------------------------------------------------------------
    def detail_text(self, row: FileRow) -> str:
        """Everything the preview (or result) knows about one file, one fact a line."""
        lines = [self.tr("文件：{path}").format(path=row.path)]
        outcome = row.preview.outcome if row.preview else None
        if row.state is FileState.READING:
            lines.append(self.tr("正在读取和核对…"))
        elif row.state is FileState.FAILED:
            lines.append(self.tr("出错：{reason}").format(reason=row.error))
            lines.append(self.tr("数据库未作任何改动。"))
        elif outcome is not None and row.state is FileState.REFUSED:
            code = outcome.rejected_code or ""
            lines.append(
                self.tr("拒收：{reason}").format(reason=exchange_words.file_refusal_text(code))
            )
            if outcome.report is not None:
                lines.append(self._from_line(outcome))
            elif outcome.claimed.get("unit_name") or outcome.claimed.get("installation_name"):
                lines.append(
                    self.tr("文件自称来自：{unit}（{computer}）").format(
                        unit=outcome.claimed.get("unit_name", ""),
                        computer=outcome.claimed.get("installation_name", ""),
                    )
                )
            lines.append(self.tr("整个文件未被接受，数据库未作任何改动。"))
        elif outcome is not None and outcome.report is not None:
            lines.extend(self._report_lines(row, outcome))
        return "\n".join(lines)

    def _from_line(self, outcome: ImportOutcome) -> str:
        report = outcome.report
        assert report is not None
        return self.tr("来自：{sender}；方案：{plan}").format(
            sender=exchange_words.sender_text(report.sender), plan=report.plan_title
        )

    def _report_lines(self, row: FileRow, outcome: ImportOutcome) -> list[str]:
        report = outcome.report
        assert report is not None
        lines = [
            self.tr("来自：{sender}").format(sender=exchange_words.sender_text(report.sender)),
            self.tr("方案：{plan}").format(plan=report.plan_title),
        ]
        if report.already_imported:
            lines.append(self.tr("这个文件已经导入过，0 条新记录。再次导入不会改动任何数据。"))
            return lines
        lines.append(
            self.tr(
                "新记录 {new} 条，已有 {present} 条，冲突 {conflicts} 条，拒收 {rejected} 条，"
                "方案修订 {changes} 条"
            ).format(
                new=report.new_revisions,
                present=report.present_revisions,
                conflicts=report.conflicts,
                rejected=len(report.rejected),
                changes=report.new_plan_changes,
            )
        )
        if row.state is FileState.UNTRUSTED:
            # Never the file's fingerprint here: the clerk checks the card by typing it.
            lines.append(exchange_words.trust_text(_trust_code(row) or ""))
        if report.conflicts:
            lines.append(
                self.tr("冲突：同一份进展被两处修改，两份都会保留，较新的一份显示为当前进展。")
            )
        assert row.preview is not None
        if row.preview.rejected:
            lines.append(self.tr("拒收的记录（不会导入，其余记录照常导入）："))
            for rejected in row.preview.rejected:
                where = (
                    self.tr("任务 {number}").format(number=rejected.task_number)
                    if rejected.task_number is not None
                    else self.tr("记录 {id}").format(id=rejected.record_id[:8])
                )
                if rejected.unit_name:
                    where = self.tr("{where}，{unit}").format(where=where, unit=rejected.unit_name)
                reason = exchange_words.record_problem_text(rejected.problem)
                lines.append(self.tr("  {where}：{reason}").format(where=where, reason=reason))
        if report.anomalies:
            lines.append(self.tr("需要核对的异常："))
            for anomaly in report.anomalies:
                lines.append(
                    self.tr("  记录 {id}：{reason}").format(
                        id=anomaly.record_id[:8], reason=exchange_words.anomaly_text(anomaly.kind)
                    )
                )
        if report.backup_path:
            lines.append(self.tr("导入前的数据库备份：{path}").format(path=report.backup_path))
        return lines


def _trust_code(row: FileRow) -> str | None:
    return row.preview.outcome.trust_code if row.preview else None
