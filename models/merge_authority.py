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
from dataclasses import dataclass

from sqlalchemy.orm import Session

from domain.exchange_records import RecordProblem
from domain.records import ProgressRevision
from domain.unit_directory import DirectoryHistory
from models.id_lookups import rows_for_ids

#: Counters are 63-bit everywhere (SQLite INTEGER, the exchange format, PostgreSQL BIGINT).
COUNTER_MAX = 2**63 - 1
#: The highest Lamport counter or sequence number an import accepts: 2**53 is the largest
#: integer every JSON reader keeps exact, and more writes than a million a day for 24
#: billion years. Anything above is a crafted jump, refused so that this PC's counter (one
#: more than the highest it has seen) always stays writable.
COUNTER_CEILING = 2**53


def implausible(*counters: int) -> bool:
    # min and max rather than a generator: asked of every revision of a long file.
    return bool(counters) and (min(counters) < 0 or max(counters) > COUNTER_CEILING)


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
    held_in_file: Collection[str],
    held: HeldReports,
) -> dict[str, RecordProblem]:
    """Candidates (by id) whose parent or report is not their own unit's and task's.

    A parent is looked up as held here first, then in the file (a unit's file relays its
    unit's earlier revisions written on another of its PCs; those are not merged from it,
    but they say which report and task the edit belongs to). ``held_in_file``: the file's
    revisions that are held here; any other revision of the file is known not to be, so
    is not looked up again — in a long file nearly every parent is one of them. ``held``:
    what is held of the candidates' reports (``held_reports``)."""
    incoming = {r.revision_id: r for r in candidates}
    parents = _held(
        session,
        {
            p
            for r in incoming.values()
            if (p := r.parent_revision_id) and (p not in in_file or p in held_in_file)
        },
    )
    owners = _report_owners(incoming.values(), held.owners)
    own: dict[str, RecordProblem] = {}
    for rid, rev in incoming.items():
        problem = _own_problem(rev, parents, owners, incoming, in_file)
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
    held_parents: dict[str, tuple[str, str, str]],
    owners: dict[str, tuple[str, str]],
    incoming: Mapping[str, ProgressRevision],
    in_file: Mapping[str, ProgressRevision],
) -> RecordProblem | None:
    pid = rev.parent_revision_id
    if pid:
        parent = held_parents.get(pid)
        if parent is None:
            known = incoming.get(pid) or in_file.get(pid)
            if known is None:
                return RecordProblem.UNKNOWN_PARENT
            parent = (known.report_id, known.unit_id, known.task_id)
        if parent != (rev.report_id, rev.unit_id, rev.task_id):
            return RecordProblem.PARENT_OF_OTHER_UNIT
    owner = owners.get(rev.report_id)
    if owner is not None and owner != (rev.unit_id, rev.task_id):
        return RecordProblem.REPORT_OF_OTHER_UNIT
    return None


def _report_owners(
    incoming: Iterable[ProgressRevision], held: Mapping[str, tuple[str, str]]
) -> dict[str, tuple[str, str]]:
    """The (unit, task) each report belongs to: as held here, else as the file's first
    revision of it says (its root, earliest by Lamport counter and id).

    Only reports some revision could be refused by are named: where every revision of a
    report not held here says the same (unit, task), that is its owner whichever comes
    first, so the earliest is looked for only among reports whose revisions disagree."""
    said: dict[str, tuple[str, str]] = {}
    disagree: set[str] = set()
    for rev in incoming:
        pair = (rev.unit_id, rev.task_id)
        if said.setdefault(rev.report_id, pair) != pair:
            disagree.add(rev.report_id)
    owners = dict(held)
    if disagree - owners.keys():
        first: dict[str, tuple[tuple[bool, int, str], ProgressRevision]] = {}
        for rev in incoming:
            if rev.report_id in disagree:
                key = (rev.parent_revision_id is not None, rev.lamport, rev.revision_id)
                seen = first.get(rev.report_id)
                if seen is None or key < seen[0]:
                    first[rev.report_id] = (key, rev)
        for report_id, (_key, rev) in first.items():
            owners.setdefault(report_id, (rev.unit_id, rev.task_id))
    return owners


@dataclass(frozen=True)
class HeldReports:
    """What this store holds of some reports, read in one pass for the merge's checks."""

    #: report → (unit, task) of its earliest held revision (by Lamport counter and id).
    owners: dict[str, tuple[str, str]]
    #: (report, parent) of every held revision that edits another.
    edits: list[tuple[str, str]]


def held_reports(session: Session, report_ids: Iterable[str]) -> HeldReports:
    """Who owns each of ``report_ids`` here and which held revisions edit which parent:
    one look-up through the ``report_id`` index for the chain checks and the fork count
    alike (a long file names some 20,000 reports)."""
    owners: dict[str, tuple[str, str]] = {}
    edits: list[tuple[str, str]] = []
    sql = (
        "SELECT report_id, unit_id, task_id, parent_revision_id FROM progress_revisions "
        "WHERE report_id IN ({}) ORDER BY lamport, revision_id"
    )
    for report_id, unit_id, task_id, parent in rows_for_ids(session, sql, sorted(report_ids)):
        owners.setdefault(report_id, (unit_id, task_id))
        if parent is not None:
            edits.append((report_id, parent))
    return HeldReports(owners, edits)


def _held(session: Session, ids: set[str]) -> dict[str, tuple[str, str, str]]:
    """(report, unit, task) of the held revisions among ``ids``."""
    sql = (
        "SELECT revision_id, report_id, unit_id, task_id FROM progress_revisions "
        "WHERE revision_id IN ({})"
    )
    rows = rows_for_ids(session, sql, sorted(ids))
    return {rid: (report, unit, task) for rid, report, unit, task in rows}
