"""Domain layer: which revision of a progress report is current (pure, order-independent).

A report is a chain of revisions. Its heads are the revisions no other revision edits.
Two heads mean two PCs edited the same parent (a fork): both are kept, flagged, and
the head with the higher (Lamport counter, installation id) is shown — the same on
every PC whatever order files arrived in. A wall-clock time never decides.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from domain.records import ProgressRevision


def order_key(rev: ProgressRevision) -> tuple[int, str, str]:
    return (rev.lamport, rev.author_installation_id, rev.revision_id)


def report_heads(revisions: Iterable[ProgressRevision]) -> dict[str, list[ProgressRevision]]:
    """Heads of each report chain (report_id → heads, best first)."""
    by_report: dict[str, list[ProgressRevision]] = defaultdict(list)
    edited: set[str] = set()
    for rev in revisions:
        by_report[rev.report_id].append(rev)
        if rev.parent_revision_id:
            edited.add(rev.parent_revision_id)
    heads: dict[str, list[ProgressRevision]] = {}
    for report_id, revs in by_report.items():
        open_heads = [r for r in revs if r.revision_id not in edited]
        heads[report_id] = sorted(open_heads or revs, key=order_key, reverse=True)
    return heads


def current_reports(revisions: Iterable[ProgressRevision]) -> list[ProgressRevision]:
    """The shown head of every report that is not withdrawn, flagged when in conflict."""
    out: list[ProgressRevision] = []
    for heads in report_heads(revisions).values():
        shown = heads[0]
        if len(heads) > 1:
            shown = dataclasses.replace(shown, in_conflict=True)
        if not shown.withdrawn:
            out.append(shown)
    return out


def report_sort_key(rev: ProgressRevision) -> tuple[object, ...]:
    """Newest first by the report's own date, then causal order (never the PC clock)."""
    return (rev.report_date, rev.lamport, rev.author_installation_id, rev.revision_id)


def latest_per_unit(revisions: Iterable[ProgressRevision]) -> list[ProgressRevision]:
    """Each unit's latest current report on a task, newest first."""
    best: dict[str, ProgressRevision] = {}
    for rev in current_reports(revisions):
        held = best.get(rev.unit_id)
        if held is None or report_sort_key(rev) > report_sort_key(held):
            best[rev.unit_id] = rev
    return sorted(best.values(), key=report_sort_key, reverse=True)


def history(revisions: Iterable[ProgressRevision]) -> list[ProgressRevision]:
    """Every revision, newest first, conflicts flagged (nothing is ever hidden)."""
    revs = list(revisions)
    conflicted = {
        r.revision_id for heads in report_heads(revs).values() if len(heads) > 1 for r in heads
    }
    flagged = [dataclasses.replace(r, in_conflict=r.revision_id in conflicted) for r in revs]
    return sorted(flagged, key=report_sort_key, reverse=True)
