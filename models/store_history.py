"""Storage layer: a task's progress history read a page at a time.

A task can carry tens of thousands of revisions (a unit that reports daily for years, or
many merged desks). Reading and showing all of them made the detail pane take seconds to
open, so windows read the newest ``limit`` revisions and the total count, both in SQL, and
flag conflicts exactly as the full history does (``domain.progress_rules.history``): a
revision is in conflict when it is one of two or more heads of its report chain.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.progress_rules import report_sort_key
from domain.records import ProgressRevision
from models.orm import ProgressRevisionRow
from models.plan_view_rows import REVISION_COLUMNS, revision_records
from models.store_base import StoreBase
from models.views import unit_names

#: Revisions the detail pane shows first: enough for any normal task, quick for any task.
HISTORY_PAGE_ROWS = 200


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """The newest revisions of a task (newest first, conflicts flagged) and how many the
    task has in all; ``complete`` when nothing older was left out."""

    revisions: list[ProgressRevision]
    total: int

    @property
    def complete(self) -> bool:
        return len(self.revisions) >= self.total


class HistoryStore(StoreBase):
    def history_page(self, task_id: str, limit: int | None = HISTORY_PAGE_ROWS) -> HistoryPage:
        """The newest ``limit`` revisions of every report on the task (``None``: all),
        newest first by report date then causal order, conflicts flagged, and the total."""
        with self._sessions.begin() as s:
            return read_history_page(s, task_id, limit)


def read_history_page(s: Session, task_id: str, limit: int | None) -> HistoryPage:
    r = ProgressRevisionRow
    total = int(s.scalar(select(func.count()).select_from(r).where(r.task_id == task_id)) or 0)
    columns = [getattr(r, name) for name in REVISION_COLUMNS]
    if limit is None or limit >= total:
        query = select(*columns).where(r.task_id == task_id)
    else:
        # The page's ids first: the sort then carries ids, not every revision's texts
        # (half the time at 25,000 revisions); the texts are read for the page only.
        newest = (
            select(r.revision_id)
            .where(r.task_id == task_id)
            .order_by(  # domain.progress_rules.report_sort_key, newest first
                r.report_date.desc(),
                r.lamport.desc(),
                r.author_installation_id.desc(),
                r.revision_id.desc(),
            )
            .limit(max(limit, 0))
        )
        query = select(*columns).where(r.revision_id.in_(newest))
    revisions = revision_records(s.execute(query), unit_names(s)).get(task_id, [])
    revisions.sort(key=report_sort_key, reverse=True)
    conflicted = _conflicted_heads(s, {rev.report_id for rev in revisions})
    if conflicted:
        revisions = [_flagged(rev, rev.revision_id in conflicted) for rev in revisions]
    return HistoryPage(revisions, total)


def _flagged(rev: ProgressRevision, in_conflict: bool) -> ProgressRevision:
    if rev.in_conflict == in_conflict:
        return rev
    return replace(rev, in_conflict=in_conflict)


def _conflicted_heads(s: Session, report_ids: set[str]) -> set[str]:
    """Revisions of ``report_ids`` that are one of several heads of their report.

    Read through the report_id index (parent_revision_id has none): each shown report's
    chain, ids only, never the whole history. An edit belongs to its parent's report (the
    store and the merge keep it so), so a report's heads are found within the report, as
    ``domain.progress_rules.report_heads`` finds them."""
    r = ProgressRevisionRow
    links: list[tuple[str, str, str | None]] = []
    for chunk in _chunks(sorted(report_ids)):
        rows = s.execute(
            select(r.report_id, r.revision_id, r.parent_revision_id).where(r.report_id.in_(chunk))
        )
        links += [(report_id, rid, parent) for report_id, rid, parent in rows]
    edited = {parent for _, _, parent in links if parent}
    chains: dict[str, list[str]] = defaultdict(list)
    for report_id, revision_id, _ in links:
        chains[report_id].append(revision_id)
    conflicted: set[str] = set()
    for ids in chains.values():
        # A chain where every revision is edited (a cycle, only from damaged data) counts
        # all its revisions as heads, as report_heads does.
        heads = [rid for rid in ids if rid not in edited] or ids
        if len(heads) > 1:
            conflicted.update(heads)
    return conflicted


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    """Bound the number of bound parameters per statement (SQLite and PostgreSQL limits)."""
    return [items[i : i + size] for i in range(0, len(items), size)]
