"""Window layer: the plan tree's count and status columns, sized from the words they show.

Sized to their contents by Qt, these columns were measured row by row at every layout (the
first paint, each expand, each keystroke in the search box). Their texts are few and known
(a number, a light's word and a percentage, 已完成 n/m), so they are sized from those words
once per set of plans instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QTreeView

from ui.tree.model import COL_STATUS

if TYPE_CHECKING:
    from ui.tree.model import PlanTreeModel

#: Pixels beyond the text where a row cannot be measured for the view's own margins.
FALLBACK_PADDING = 12
#: Between a light's icon and its word (Qt's styles use 4 or fewer).
ICON_SPACING = 4
#: The tree's icon size: Qt's styles' small icon (asking the style for it would load
#: PySide6's QStyle class, 4 ms, on the way to the first plans).
ICON_SIZE = 16
ICON_ROLE = Qt.ItemDataRole.DecorationRole


def fix_columns(tree: QTreeView, columns: list[int]) -> None:
    """Hold ``columns`` at the width ``size_columns`` gives them."""
    tree.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
    header = tree.header()
    for column in columns:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)


def size_columns(tree: QTreeView, model: PlanTreeModel) -> None:
    """Width each sampled column to its widest possible text plus the view's own margins
    and icon, and never narrower than its header."""
    header = tree.header()
    metrics = tree.fontMetrics()
    for column, texts in model.column_samples().items():
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        width = widest + _padding(tree, column, with_icon=column == COL_STATUS)
        header.resizeSection(column, max(width, header.sectionSizeHint(column)))


def _padding(tree: QTreeView, column: int, *, with_icon: bool) -> int:
    """What the view adds to a cell's text in ``column``: the delegate's measure of the
    first plan's cell less its text, plus a light's icon (``with_icon``) if it had none."""
    index = tree.model().index(0, column)
    text = index.data()
    padding = FALLBACK_PADDING
    if isinstance(text, str) and text:
        measured = tree.sizeHintForIndex(index).width()
        padding = max(measured - tree.fontMetrics().horizontalAdvance(text), 0)
    if with_icon and index.data(ICON_ROLE) is None:
        padding += tree.iconSize().width() + ICON_SPACING  # set by the window (ICON_SIZE)
    return padding
