"""Storage layer: the merge's authority rules beyond "whose record is this".

A signature proves who sent a file, not what that sender may touch (DESIGN.md, "Who may
write what"). The ownership check in ``models.merge`` makes sure a unit's file carries only
its own unit's records; the rules here make sure those records touch nothing else:

- a revision id held here with another author's or unit's record is refused, never
  replaced (the old smaller-hash tie-break let any unit overwrite another's report);
- a revision's parent and report must be the same unit's and the same task's; a parent
  neither held here nor in the file is refused, and so is every revision built on a
  refused one;
- counters stay far below what an export can write (``COUNTER_CEILING``), so no file can
  push this PC's Lamport counter to where its own exports would fail.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.exchange_records import RecordProblem
from domain.records import ProgressRevision
from domain.unit_directory import DirectoryHistory
from models.orm import ProgressRevisionRow

#: Counters are 63-bit everywhere (SQLite INTEGER, the exchange format, PostgreSQL BIGINT).
COUNTER_MAX = 2**63 - 1
#: The highest Lamport counter or sequence number an import accepts: 2**53 is the largest
#: integer every JSON reader keeps exact, and more writes than a million a day for 24
#: billion years. Anything above is a crafted jump, refused so that this PC's counter (one
#: more than the highest it has seen) always stays writable.
COUNTER_CEILING = 2**53


def implausible(*counters: int) -> bool:
    return any(c < 0 or c > COUNTER_CEILING for c in counters)


def assigned_then(
    history: DirectoryHistory, unit_id: str, assigned: set[str], lamport: int
) -> bool:
    """May ``unit_id`` write a record (counter ``lamport``) on a task assigned to
    ``assigned``? Yes for an assigned unit, or for another name of one as the 单位名录
    stood before the record was written: the same answer on every PC in any import order.
    An alias undone later keeps what was written under it (counting changes, nothing is
    lost); a record written after the undo is another unit's again and refused."""
    if unit_id in assigned:
        return True
    if not history:
        return False
    canonical = history.unit_ids_before(lamport)
    mine = canonical.get(unit_id, unit_id)
    return any(canonical.get(u, u) == mine for u in assigned)


def takes_held_id(held: ProgressRevision, rev: ProgressRevision) -> bool:
    """Would ``rev`` (same id, other content) take the place of another author's record?"""
    return (held.author_installation_id, held.unit_id, held.task_id) != (
        rev.author_installation_id,
        rev.unit_id,
        rev.task_id,
    )


def chain_problems(
    session: Session,
    candidates: Iterable[ProgressRevision],
    in_file: Mapping[str, ProgressRevision],
    not_held: Collection[str] = (),
) -> dict[str, RecordProblem]:
    """Candidates (by id) whose parent or report is not their own unit's and task's.

    A parent is looked up as held here first, then in the file (a unit's file relays its
    unit's earlier revisions written on another of its PCs; those are not merged from it,
    but they say which report and task the edit belongs to). ``not_held``: ids the caller
    has just found are not held here (the merge's new revisions), so not looked up again —
    in a long file nearly every parent is one of them."""
    incoming = {r.revision_id: r for r in candidates}
    wanted = {r.parent_revision_id for r in incoming.values() if r.parent_revision_id}
    parents = _held(session, {w for w in wanted if w not in not_held})
    for rid in wanted - set(parents):
        known = incoming.get(str(rid)) or in_file.get(str(rid))
        if known is not None:
            parents[str(rid)] = (known.report_id, known.unit_id, known.task_id)
    owners = _report_owners(session, incoming.values())
    own: dict[str, RecordProblem] = {}
    for rid, rev in incoming.items():
        problem = _own_problem(rev, parents, owners)
        if problem is not None:
            own[rid] = problem
    if not own:  # nothing refused on its own, so no child of a refused one either
        return {}
    problems: dict[str, RecordProblem] = {}
    done: set[str] = set()
    for start in sorted(incoming):
        if start in done:  # decided on the walk up from one of its descendants
            continue
        # Walk up through parents among the candidates until one is decided, then decide
        # the path from the top down: a child of a refused revision is refused too. A
        # cycle (crafted) ends the walk; its revisions are judged on their own.
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current in incoming and current not in done and current not in on_path:
            path.append(current)
            on_path.add(current)
            current = incoming[current].parent_revision_id
        for rid in reversed(path):
            rev = incoming[rid]
            problem: RecordProblem | None
            if rev.parent_revision_id in problems:
                problem = RecordProblem.PARENT_REFUSED
            else:
                problem = own.get(rid)
            if problem is not None:
                problems[rid] = problem
            done.add(rid)
    return problems


def _own_problem(
    rev: ProgressRevision,
    parents: dict[str, tuple[str, str, str]],
    owners: dict[str, tuple[str, str]],
) -> RecordProblem | None:
    if rev.parent_revision_id:
        parent = parents.get(rev.parent_revision_id)
        if parent is None:
            return RecordProblem.UNKNOWN_PARENT
        if parent != (rev.report_id, rev.unit_id, rev.task_id):
            return RecordProblem.PARENT_OF_OTHER_UNIT
    if owners.get(rev.report_id, (rev.unit_id, rev.task_id)) != (rev.unit_id, rev.task_id):
        return RecordProblem.REPORT_OF_OTHER_UNIT
    return None


def _report_owners(
    session: Session, incoming: Iterable[ProgressRevision]
) -> dict[str, tuple[str, str]]:
    """The (unit, task) each report belongs to: as held here, else as the file's first
    revision of it says (its root, earliest by Lamport counter and id)."""
    # Each report's first revision in the file (its root, earliest by Lamport counter and
    # id), in one pass rather than by sorting every revision.
    first: dict[str, tuple[tuple[bool, int, str], ProgressRevision]] = {}
    for rev in incoming:
        key = (rev.parent_revision_id is not None, rev.lamport, rev.revision_id)
        seen = first.get(rev.report_id)
        if seen is None or key < seen[0]:
            first[rev.report_id] = (key, rev)
    owners: dict[str, tuple[str, str]] = {}
    reports = sorted(first)
    for chunk in _chunks(reports):
        query = (
            select(ProgressRevisionRow.report_id, ProgressRevisionRow.unit_id,
                   ProgressRevisionRow.task_id)
            .where(ProgressRevisionRow.report_id.in_(chunk))
            .order_by(ProgressRevisionRow.lamport, ProgressRevisionRow.revision_id)
        )  # fmt: skip
        for report_id, unit_id, task_id in session.execute(query):
            owners.setdefault(report_id, (unit_id, task_id))
    for report_id, (_key, rev) in first.items():
        owners.setdefault(report_id, (rev.unit_id, rev.task_id))
    return owners


def _held(session: Session, ids: set[str]) -> dict[str, tuple[str, str, str]]:
    """(report, unit, task) of the held revisions among ``ids``."""
    found: dict[str, tuple[str, str, str]] = {}
    for chunk in _chunks(sorted(ids)):
        query = select(
            ProgressRevisionRow.revision_id,
            ProgressRevisionRow.report_id,
            ProgressRevisionRow.unit_id,
            ProgressRevisionRow.task_id,
        ).where(ProgressRevisionRow.revision_id.in_(chunk))
        for rid, report_id, unit_id, task_id in session.execute(query):
            found[rid] = (report_id, unit_id, task_id)
    return found


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]
