"""The read-only table base: Qt's questions answered once for every table of the window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from ui.common.table_model import NUMBER_ALIGNMENT, ReadOnlyTableModel
from ui.dashboard.models import SectionTableModel, UnitTableModel
from ui.exchange.file_model import ExchangeFileModel
from ui.exchange.import_log_view import ImportLogModel
from ui.supervision.plan_changes_view import PlanChangesModel

pytestmark = pytest.mark.gui


class UnitCounts(ReadOnlyTableModel[tuple[str, int]]):
    """A two-column table (unit, count) as a screen would write it."""

    column_count = 2

    def header(self, section: int, role: int) -> Any:
        return ("单位", "任务数")[section] if role == Qt.ItemDataRole.DisplayRole else None

    def cell(self, row: tuple[str, int], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row[0] if column == 0 else str(row[1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return NUMBER_ALIGNMENT
        return None


ROWS = [("省公安厅", 12), ("哈尔滨海关", 3), ("省知识产权局", 41)]


def test_rows_headers_and_cells(qtmodeltester: ModelTester) -> None:
    model = UnitCounts()
    model.set_rows(ROWS)
    qtmodeltester.check(model, force_py=True)
    assert (model.rowCount(), model.columnCount()) == (3, 2)
    assert model.index(2, 0).data() == "省知识产权局"
    assert model.index(1, 1).data() == "3"
    assert model.index(1, 1).data(Qt.ItemDataRole.TextAlignmentRole) == NUMBER_ALIGNMENT
    assert model.headerData(1, Qt.Orientation.Horizontal) == "任务数"
    assert model.row_at(0) == ("省公安厅", 12)
    assert model.rows() == ROWS


def test_a_table_has_no_children_vertical_headers_or_cells_out_of_range() -> None:
    model = UnitCounts()
    model.set_rows(ROWS)
    first = model.index(0, 0)
    assert model.rowCount(first) == 0 and model.columnCount(first) == 0
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.headerData(2, Qt.Orientation.Horizontal) is None
    assert model.headerData(-1, Qt.Orientation.Horizontal) is None
    assert model.data(QModelIndex()) is None
    assert model.data(model.createIndex(3, 0)) is None  # a stale index after fewer rows
    assert model.data(model.createIndex(0, 2)) is None
    assert not model.flags(first) & Qt.ItemFlag.ItemIsEditable


def test_new_rows_reset_the_model_and_keep_a_copy(qtbot: QtBot) -> None:
    model = UnitCounts()
    given = list(ROWS)
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(given)
    given.clear()  # the caller's list is the caller's
    assert model.rowCount() == 3
    with qtbot.waitSignal(model.modelReset):
        model.set_rows([])
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    "model",
    [ExchangeFileModel, ImportLogModel, PlanChangesModel, UnitTableModel, SectionTableModel],
)
def test_every_read_only_table_of_the_window_uses_the_base(model: type) -> None:
    assert issubclass(model, ReadOnlyTableModel)
    assert "rowCount" not in vars(model) and "headerData" not in vars(model)
