"""Window layer: the base of every read-only table (one row per record, fixed columns).

A subclass names its columns (``column_count``), says what a header shows (``header``) and
what a cell shows (``cell``); the base keeps the rows and answers Qt's questions: counts
(none under a valid parent: a table, not a tree), horizontal headers only, indexes out of
range, and the reset when new rows arrive.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
ROOT_INDEX = QModelIndex()
DISPLAY = Qt.ItemDataRole.DisplayRole
#: Right-aligned, vertically centred: how every count in a table is shown.
NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

Row = TypeVar("Row")


class ReadOnlyTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of ``Row`` records shown in ``column_count`` columns; nothing is editable."""

    #: How many columns every row has (a class constant of the subclass).
    column_count: int = 0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # --- rows ----------------------------------------------------------------------------
    def set_rows(self, rows: list[Row]) -> None:
        """Show ``rows`` instead of the current ones (views keep their columns)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, position: int) -> Row:
        return self._rows[position]

    def rows(self) -> list[Row]:
        return list(self._rows)

    # --- what a subclass says ------------------------------------------------------------
    def header(self, section: int, role: int) -> Any:
        """A column's header for ``role`` (``section`` is in range); None: nothing."""
        raise NotImplementedError

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role``; None: nothing."""
        raise NotImplementedError

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT_INDEX) -> int:
        return 0 if parent.isValid() else self.column_count

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < self.column_count:
            return None
        return self.header(section, role)

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.column_count:
            return None
        return self.cell(self._rows[index.row()], index.column(), role)
