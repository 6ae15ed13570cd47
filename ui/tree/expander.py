"""Window layer: expand the filtered plan tree a screenful at once, the rest while idle.

``QTreeView.expandAll`` lays out every row in one go: 21,660 rows (350 ms) at 10,000 tasks,
on every keystroke in the search box. The clerk sees one screen of them, so the rows above
the first matches are expanded before the keystroke returns and the others in short steps
from a zero timer, which a new keystroke cancels (bench/README.md).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QTreeView

from ui.tree.filter_proxy import PlanFilterProxy
from ui.tree.model import Node, NodeKind, PlanTreeModel

#: Rows laid out before returning: more than the tallest window shows.
FIRST_ROWS = 120
#: Seconds of expanding per idle step: short enough not to delay the next keystroke.
STEP_SECONDS = 0.015
#: Milliseconds before the first idle step: the first screen paints, and the clerk's next
#: keystroke (which makes this work moot) usually arrives, before it starts.
IDLE_START_MS = 60


class TreeExpander(QObject):
    """Expands the rows above the shown tasks (every container when nothing is filtered)."""

    def __init__(self, tree: QTreeView, proxy: PlanFilterProxy, model: PlanTreeModel) -> None:
        super().__init__(tree)
        self._tree = tree
        self._proxy = proxy
        self._model = model
        self._pending: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def busy(self) -> bool:
        """Rows are still waiting to be expanded."""
        return bool(self._pending)

    def expand_shown(self) -> None:
        """Expand a screenful now and schedule the rest (replacing any earlier schedule)."""
        self.cancel()
        accepted = self._proxy.accepted_ids()
        order = self._containers(accepted)
        rows = 0
        done = 0
        for node in order:
            if rows >= FIRST_ROWS:
                break
            self._expand(node.id)
            done += 1
            rows += (
                len(node.children)
                if accepted is None
                else sum(1 for c in node.children if c.id in accepted)
            )
        self._pending = [n.id for n in reversed(order[done:])]  # popped from the end
        if self._pending:
            self._timer.start(IDLE_START_MS)

    def finish(self) -> None:
        """Expand everything still waiting now (tests, and a caller that needs all rows)."""
        self._timer.stop()
        while self._pending:
            self._expand(self._pending.pop())

    @Slot()
    def cancel(self) -> None:
        self._timer.stop()
        self._pending = []

    @Slot()
    def _step(self) -> None:
        self._timer.setInterval(0)  # the next steps follow at once
        deadline = time.monotonic() + STEP_SECONDS
        while self._pending and time.monotonic() < deadline:
            self._expand(self._pending.pop())
        if not self._pending:
            self._timer.stop()

    def _expand(self, node_id: str) -> None:
        index = self._proxy.mapFromSource(self._model.index_of(node_id))
        if index.isValid():
            self._tree.expand(index)

    def _containers(self, accepted: frozenset[str] | None) -> list[Node]:
        """Plans, sections and subsections shown, in the tree's order (parents first)."""
        order: list[Node] = []
        stack = list(reversed(self._model.plan_nodes()))
        while stack:
            node = stack.pop()
            if node.kind is NodeKind.TASK or (accepted is not None and node.id not in accepted):
                continue
            order.append(node)
            stack.extend(reversed(node.children))
        return order
