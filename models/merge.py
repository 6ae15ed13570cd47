"""Storage layer: what an export carries, and merging a validated exchange bundle.

Merge rules (DESIGN.md): idempotent, order-independent, append-only, ownership-checked.
The result depends only on the set of records ever imported: a revision id seen with two
different contents from the same author keeps the variant with the smaller content hash and
records both as an anomaly, so every PC ends in the same state whatever order files arrive
in. A held record is never replaced or hidden by another author's (``merge_authority``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from operator import attrgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.exchange_records import (
    Anomaly,
    AnomalyKind,
    ExchangeBundle,
    ExportScope,
    MergeReport,
    PlanChange,
    RecordProblem,
    RejectedRecord,
    Sender,
)
from domain.plan_changes import apply_changes, check_change
from domain.records import Instruction, ProgressRevision, ReportReview
from domain.unit_directory import (
    UNIT_ALIAS_KIND,
    DirectoryEntry,
    DirectoryHistory,
    change_for_entry,
    entry_from_change,
)
from domain.validation import stored_breaches
from models.directory_rows import directory_aliases, directory_entries, save_entry
from models.id_lookups import rows_for_ids
from models.merge_authority import (
    HeldReports,
    assigned_then,
    chain_problems,
    held_reports,
    implausible,
    takes_held_id,
)
from models.orm import (
    AnomalyRow,
    AssignmentRow,
    ImportLogRow,
    InstallationRow,
    InstructionRow,
    KnownInstallationRow,
    PlanChangeRow,
    PlanRow,
    ProgressRevisionRow,
    ReportReviewRow,
    SectionRow,
    SubsectionRow,
    TaskRow,
    UnitDirectoryRow,
    UnitRow,
)
from models.plan_change_rows import save_change
from models.revision_insert import insert_revisions
from models.store_reports import save_instruction, save_review
from models.views import (
    build_plan_view,
    instructions_for_plan,
    reviews_for_plan,
    revision_record,
)

#: What a revision says; ``unit_name`` and ``in_conflict`` are how this PC shows it.
_CONTENT_FIELDS = [
    f.name
    for f in dataclasses.fields(ProgressRevision)
    if f.name not in {"unit_name", "in_conflict"}
]


def content_hash(rev: ProgressRevision) -> str:
    data = [getattr(rev, name) for name in _CONTENT_FIELDS]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, default=str).encode()).hexdigest()


def sender_of(session: Session, inst: InstallationRow) -> Sender:
    unit = session.get(UnitRow, inst.unit_id) if inst.unit_id else None
    return Sender(
        inst.id, inst.name, inst.unit_id, unit.name if unit else "", inst.is_coordinating_office
    )


@dataclass(frozen=True)
class Exportable:
    revisions: list[ProgressRevision]
    plan_changes: list[PlanChange]
    senders: list[Sender]
    reviews: list[ReportReview]
    instructions: list[Instruction]


def exportable(
    session: Session, plan_id: str, scope: ExportScope, unit_id: str | None
) -> Exportable:
    """The complete history the scope covers (files are small; a lost stick loses nothing).
    Reviews and 批示 travel only from the coordinating office, which alone writes them."""
    revisions: list[ProgressRevision] = []
    own = session.scalars(select(InstallationRow)).one()
    # The office's file of one unit: under every name the 单位名录 counts as that unit. A
    # unit's PC sends only what it wrote under its own name (the merge refuses the rest).
    units = {unit_id} if unit_id is not None else set()
    if unit_id is not None and own.is_coordinating_office:
        units = _names_of_one_unit(session, unit_id)
    if scope is not ExportScope.PLAN_ONLY:
        query = (
            select(ProgressRevisionRow)
            .join(TaskRow, TaskRow.id == ProgressRevisionRow.task_id)
            .where(TaskRow.plan_id == plan_id)
        )
        if unit_id is not None:
            query = query.where(ProgressRevisionRow.unit_id.in_(sorted(units)))
        revisions = [revision_record(r, "") for r in session.scalars(query)]
    changes: list[PlanChange] = []
    if scope is not ExportScope.UNIT:
        changes = [
            PlanChange(
                c.change_id,
                c.plan_id,
                c.author_installation_id,
                c.author_seq,
                c.lamport,
                c.authored_at,
                c.kind,
                c.task_id,
                c.payload,
                c.reason,
            )
            for c in session.scalars(select(PlanChangeRow).where(PlanChangeRow.plan_id == plan_id))
        ]
        # The 单位名录 is for every plan: each plan's file carries all of it.
        changes += [change_for_entry(e, plan_id) for e in directory_entries(session)]
    authors = {r.author_installation_id for r in revisions} | {
        c.author_installation_id for c in changes
    }
    senders = [sender_of(session, own)]
    for known in session.scalars(
        select(KnownInstallationRow).where(KnownInstallationRow.id.in_(authors - {own.id}))
    ):
        senders.append(
            Sender(
                known.id, known.name, known.unit_id, known.unit_name, known.is_coordinating_office
            )
        )
    reviews: list[ReportReview] = []
    instructions: list[Instruction] = []
    if own.is_coordinating_office:
        reviews = [
            r
            for task_reviews in reviews_for_plan(session, plan_id).values()
            for r in task_reviews
            if unit_id is None or r.unit_id in units
        ]
        instructions = [
            i for items in instructions_for_plan(session, plan_id).values() for i in items
        ]
    return Exportable(revisions, changes, senders, reviews, instructions)


def _names_of_one_unit(session: Session, unit_id: str) -> set[str]:
    aliases = directory_aliases(session)
    counted = aliases.get(unit_id, (unit_id, ""))[0]
    return {unit_id, counted} | {uid for uid, (c, _) in aliases.items() if c == counted}


@dataclass
class MergePlan:
    """What applying a bundle would do; built without writing anything."""

    new: list[ProgressRevision] = field(default_factory=list)
    present: int = 0
    conflicts: int = 0
    new_changes: list[PlanChange] = field(default_factory=list)
    present_changes: int = 0
    rejected: list[RejectedRecord] = field(default_factory=list)
    anomalies: list[tuple[Anomaly, str, str]] = field(default_factory=list)  # + hash, detail
    replacements: list[ProgressRevision] = field(default_factory=list)
    installations: list[Sender] = field(default_factory=list)
    new_reviews: list[ReportReview] = field(default_factory=list)
    new_instructions: list[Instruction] = field(default_factory=list)
    present_office_records: int = 0
    rule_breaches: int = 0
    new_directory: list[DirectoryEntry] = field(default_factory=list)


def plan_merge(session: Session, bundle: ExchangeBundle) -> MergePlan:
    plan = MergePlan()
    manifest = bundle.manifest
    sender = manifest.sender
    listed = {s.installation_id: s for s in bundle.installations}
    listed[sender.installation_id] = sender
    plan.installations = list(listed.values())
    _plan_changes_of(session, bundle, plan)
    roles = _task_units(session, manifest.plan_id, plan.new_changes)
    history = DirectoryHistory([*directory_entries(session), *plan.new_directory])
    held_by_id = _existing_revisions(session, [r.revision_id for r in bundle.revisions])
    for rev in sorted(bundle.revisions, key=attrgetter("revision_id")):
        problem = _ownership_problem(rev, sender, listed, roles, history)
        if problem is None and implausible(rev.lamport, rev.author_seq):
            problem = RecordProblem.IMPLAUSIBLE_COUNTER
        if problem is not None:
            plan.rejected.append(RejectedRecord(rev.revision_id, problem, rev.unit_id))
            continue
        held = held_by_id.get(rev.revision_id)
        if held is None:
            plan.new.append(rev)
            continue
        if content_hash(held) == content_hash(rev):
            plan.present += 1
            continue
        for variant in (held, rev):
            plan.anomalies.append(
                (
                    Anomaly(AnomalyKind.SAME_ID_DIFFERENT_CONTENT, rev.revision_id),
                    content_hash(variant),
                    _describe(variant),
                )
            )
        if takes_held_id(held, rev):
            # Another author's record under a held id: refused, the held row stays.
            problem = RecordProblem.REVISION_ID_TAKEN
            plan.rejected.append(RejectedRecord(rev.revision_id, problem, rev.unit_id))
        elif content_hash(rev) < content_hash(held):
            plan.replacements.append(rev)
    # The reports every later check and count is about: read once.
    held = held_reports(session, {r.report_id for r in [*plan.new, *plan.replacements]})
    in_file = {r.revision_id: r for r in bundle.revisions}
    _refuse_foreign_chains(session, plan, in_file, held_by_id.keys(), held)
    _find_repeated_sequences(session, plan)
    plan.conflicts = _count_forks(plan.new, held)
    _office_records_of(session, bundle, plan, roles, history)
    # Kept as they came (an older Duban let them through); counted so the clerk is told.
    plan.rule_breaches = sum(1 for r in plan.new if stored_breaches(r))
    return plan


def _office_records_of(
    session: Session,
    bundle: ExchangeBundle,
    plan: MergePlan,
    roles: dict[str, set[str]],
    history: DirectoryHistory,
) -> None:
    """审核 and 批示: only the coordinating office writes them, so only its own, in its own
    file, are taken; a unit's file carrying either is refused for those records."""
    sender = bundle.manifest.sender

    def refusal(author: str, task_id: str, *counters: int) -> RecordProblem | None:
        if not sender.is_coordinating_office or author != sender.installation_id:
            return RecordProblem.REVIEW_NOT_FROM_OFFICE
        if implausible(*counters):
            return RecordProblem.IMPLAUSIBLE_COUNTER
        if task_id not in roles:
            return RecordProblem.UNKNOWN_TASK
        return None

    for review in sorted(bundle.reviews, key=lambda r: r.review_id):
        problem = refusal(
            review.author_installation_id, review.task_id, review.lamport, review.author_seq
        )
        if problem is None and not assigned_then(
            history, review.unit_id, roles[review.task_id], review.lamport
        ):
            problem = RecordProblem.UNIT_NOT_IN_TASK
        if problem is not None:
            plan.rejected.append(RejectedRecord(review.review_id, problem, review.unit_id))
        elif session.get(ReportReviewRow, review.review_id) is not None:
            plan.present_office_records += 1
        else:
            plan.new_reviews.append(review)
    for item in sorted(bundle.instructions, key=lambda i: i.instruction_id):
        problem = refusal(item.author_installation_id, item.task_id, item.lamport, item.author_seq)
        if problem is None and item.plan_id != bundle.manifest.plan_id:
            problem = RecordProblem.WRONG_PLAN
        if problem is not None:
            plan.rejected.append(RejectedRecord(item.instruction_id, problem))
        elif session.get(InstructionRow, item.instruction_id) is not None:
            plan.present_office_records += 1
        else:
            plan.new_instructions.append(item)


def _refuse_foreign_chains(
    session: Session,
    plan: MergePlan,
    in_file: dict[str, ProgressRevision],
    held_in_file: Collection[str],
    held: HeldReports,
) -> None:
    """Drop new revisions (and replacements) that would join another unit's report."""
    candidates = [*plan.new, *plan.replacements]
    problems = chain_problems(session, candidates, in_file, held_in_file, held)
    if not problems:
        return
    for rev in [*plan.new, *plan.replacements]:
        if rev.revision_id in problems:
            plan.rejected.append(
                RejectedRecord(rev.revision_id, problems[rev.revision_id], rev.unit_id)
            )
    plan.new = [r for r in plan.new if r.revision_id not in problems]
    plan.replacements = [r for r in plan.replacements if r.revision_id not in problems]


def _plan_changes_of(session: Session, bundle: ExchangeBundle, plan: MergePlan) -> None:
    sender = bundle.manifest.sender
    places: dict[str, frozenset[str]] = {}
    for change in sorted(bundle.plan_changes, key=lambda c: c.change_id):
        if not sender.is_coordinating_office or change.author_installation_id != (
            sender.installation_id
        ):
            plan.rejected.append(
                RejectedRecord(change.change_id, RecordProblem.PLAN_CONTENT_NOT_FROM_OFFICE)
            )
        elif change.plan_id != bundle.manifest.plan_id:
            plan.rejected.append(RejectedRecord(change.change_id, RecordProblem.WRONG_PLAN))
        elif implausible(change.lamport, change.author_seq):
            problem = RecordProblem.IMPLAUSIBLE_COUNTER
            plan.rejected.append(RejectedRecord(change.change_id, problem))
        elif change.kind == UNIT_ALIAS_KIND:
            _directory_entry_of(session, change, plan)
        elif not _applicable(session, change, places):
            plan.rejected.append(RejectedRecord(change.change_id, RecordProblem.BAD_PAYLOAD))
        elif session.get(PlanChangeRow, change.change_id) is not None:
            plan.present_changes += 1
        else:
            plan.new_changes.append(change)


def _directory_entry_of(session: Session, change: PlanChange, plan: MergePlan) -> None:
    """A 单位名录 entry (the office's, checked above): stored once by its entry id, which
    several plans' files carry alike."""
    try:
        entry = entry_from_change(change)
    except ValueError:
        plan.rejected.append(RejectedRecord(change.change_id, RecordProblem.BAD_PAYLOAD))
        return
    if session.get(UnitDirectoryRow, entry.entry_id) is not None or any(
        e.entry_id == entry.entry_id for e in plan.new_directory
    ):
        plan.present_changes += 1
    else:
        plan.new_directory.append(entry)


def _applicable(session: Session, change: PlanChange, places: dict[str, frozenset[str]]) -> bool:
    """Can this version apply the change? (A crafted payload must not crash the merge.)"""
    if not places:
        query = select(SectionRow.id, SubsectionRow.id).outerjoin(
            SubsectionRow, SubsectionRow.section_id == SectionRow.id
        )
        found: dict[str, set[str]] = defaultdict(set)
        for section_id, sub_id in session.execute(
            query.where(SectionRow.plan_id == change.plan_id)
        ):
            found[section_id].update([sub_id] if sub_id else [])
        places.update({k: frozenset(v) for k, v in found.items()})
    try:
        check_change(change, places)
    except ValueError:
        return False
    return True


def _task_units(session: Session, plan_id: str, incoming: list[PlanChange]) -> dict[str, set[str]]:
    """Units that may report on each task: as first assigned, or as the plan now stands
    after every change (a unit removed by a correction keeps its reports)."""
    roles: dict[str, set[str]] = defaultdict(set)
    query = (
        select(AssignmentRow.task_id, AssignmentRow.unit_id)
        .join(TaskRow, TaskRow.id == AssignmentRow.task_id)
        .where(TaskRow.plan_id == plan_id)
    )
    for task_id, unit_id in session.execute(query):
        roles[task_id].add(unit_id)
    row = session.get(PlanRow, plan_id)
    # Only corrections can add units to a task; with none stored or incoming the rows above
    # are the plan as it stands, and the view (it loads every revision of the plan) is skipped.
    corrected = incoming or session.scalar(
        select(PlanChangeRow.change_id).where(PlanChangeRow.plan_id == plan_id).limit(1)
    )
    if row is not None and corrected:
        # As the plan names its units: the 单位名录 is judged per record (``assigned_then``).
        view = apply_changes(build_plan_view(session, row, fold_units=False), incoming)
        for task in view.all_tasks():
            roles[task.id].update(a.unit_id for a in task.assignments)
    return roles


def _ownership_problem(
    rev: ProgressRevision,
    sender: Sender,
    listed: dict[str, Sender],
    roles: dict[str, set[str]],
    history: DirectoryHistory,
) -> RecordProblem | None:
    if rev.task_id not in roles:
        return RecordProblem.UNKNOWN_TASK
    if not assigned_then(history, rev.unit_id, roles[rev.task_id], rev.lamport):
        return RecordProblem.UNIT_NOT_IN_TASK
    if not sender.is_coordinating_office:
        # A unit's file carries only its own unit's progress, written by this installation.
        if rev.unit_id != sender.unit_id:
            return RecordProblem.NOT_SENDERS_UNIT
        if rev.author_installation_id != sender.installation_id:
            return RecordProblem.AUTHOR_NOT_SENDER
        return None
    author = listed.get(rev.author_installation_id)
    if author is None:
        return RecordProblem.AUTHOR_NOT_SENDER
    if author.is_coordinating_office or author.unit_id == rev.unit_id:
        return None
    return RecordProblem.AUTHOR_WRONG_UNIT


def _chunks(items: list[str], size: int = 500) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _existing_revisions(session: Session, ids: list[str]) -> dict[str, ProgressRevision]:
    """The held revisions among ``ids``: their ids first (a file's revisions are mostly
    new, so whole rows are read only for the few found)."""
    sql = "SELECT revision_id FROM progress_revisions WHERE revision_id IN ({})"
    held = [rid for (rid,) in rows_for_ids(session, sql, ids)]
    found: dict[str, ProgressRevision] = {}
    for chunk in _chunks(held):
        query = select(ProgressRevisionRow).where(ProgressRevisionRow.revision_id.in_(chunk))
        for row in session.scalars(query):
            found[row.revision_id] = revision_record(row, "")
    return found


def _find_repeated_sequences(session: Session, plan: MergePlan) -> None:
    """The same (installation, sequence) on two different revisions: a restored backup or a
    copied installation. Both are kept; the pair is flagged for a person."""
    # The first revision seen in each slot; a slot gets a dict only when a second one
    # arrives (a file of 100,000 revisions would otherwise make 100,000 dicts).
    first: dict[tuple[str, int], ProgressRevision] = {}
    shared: dict[tuple[str, int], dict[str, ProgressRevision]] = {}
    bounds: dict[str, tuple[int, int]] = {}
    for rev in plan.new:
        slot = (rev.author_installation_id, rev.author_seq)
        seen = first.setdefault(slot, rev)
        if seen is not rev:
            shared.setdefault(slot, {seen.revision_id: seen})[rev.revision_id] = rev
        low, high = bounds.get(slot[0], (slot[1], slot[1]))
        bounds[slot[0]] = (min(low, slot[1]), max(high, slot[1]))
    for writer, (low, high) in sorted(bounds.items()):
        # Only the range of sequence numbers the file brings, through the (author, seq)
        # index: an author's whole history is thousands of rows after a few years.
        query = select(
            ProgressRevisionRow.author_installation_id,
            ProgressRevisionRow.author_seq,
            ProgressRevisionRow.revision_id,
        ).where(
            ProgressRevisionRow.author_installation_id == writer,
            ProgressRevisionRow.author_seq.between(low, high),
        )
        clashing = []
        for a, q, r in session.execute(query):
            seen = first.get((a, q))
            if seen is not None and r not in shared.get((a, q), {seen.revision_id: seen}):
                clashing.append((a, q, r))
        held = _existing_revisions(session, [r for _, _, r in clashing])
        for author, seq, rid in clashing:
            seen = first[(author, seq)]
            shared.setdefault((author, seq), {seen.revision_id: seen})[rid] = held[rid]
    for slot in first:
        revs = shared.get(slot)
        if revs is None or len(revs) < 2:
            continue
        author, seq = slot
        for rev in revs.values():
            plan.anomalies.append(
                (
                    Anomaly(AnomalyKind.REPEATED_SEQUENCE, rev.revision_id, f"{author}#{seq}"),
                    content_hash(rev),
                    _describe(rev),
                )
            )


def _count_forks(new: list[ProgressRevision], held: HeldReports) -> int:
    """New revisions editing a parent that already has (or gets) another child in the same
    report: a fork as ``report_heads`` sees it (heads are counted per report)."""
    # Children per parent: the new ones (never held: they are new) and the held ones of
    # the same reports.
    children = Counter(r.parent_revision_id for r in new if r.parent_revision_id)
    reports = {r.report_id for r in new if r.parent_revision_id}
    for report_id, parent in held.edits:
        if parent in children and report_id in reports:
            children[parent] += 1
    if max(children.values(), default=0) < 2:  # the usual: no parent with two children
        return 0
    return sum(1 for r in new if r.parent_revision_id and children[r.parent_revision_id] > 1)


def _describe(rev: ProgressRevision) -> str:
    """The whole revision, so a variant set aside as an anomaly is never lost."""
    return json.dumps(dataclasses.asdict(rev), ensure_ascii=False, default=str, sort_keys=True)


def apply_merge(session: Session, plan: MergePlan, now: str) -> None:
    for change in plan.new_changes:
        save_change(session, change)  # an added task must exist before progress on it
    for entry in plan.new_directory:
        save_entry(session, entry)
    for rev in plan.replacements:
        # Same id, other content: the deterministic winner (smaller hash) is stored; both
        # variants are kept whole in the anomalies table.
        existing = session.get(ProgressRevisionRow, rev.revision_id)
        if existing is not None:
            session.delete(existing)
    session.flush()
    insert_revisions(session, plan.new + plan.replacements)
    for anomaly, digest, detail in plan.anomalies:
        key = (anomaly.kind.value, anomaly.record_id, digest)
        if session.get(AnomalyRow, key) is None:
            session.add(
                AnomalyRow(
                    kind=key[0],
                    record_id=key[1],
                    content_sha256=digest,
                    detail=detail,
                    first_seen_at=now,
                )
            )
    own = session.scalars(select(InstallationRow)).one()
    for inst in plan.installations:
        if inst.installation_id == own.id:
            continue
        known = session.get(KnownInstallationRow, inst.installation_id)
        if known is None:
            session.add(
                KnownInstallationRow(
                    id=inst.installation_id,
                    name=inst.name,
                    unit_id=inst.unit_id,
                    unit_name=inst.unit_name,
                    is_coordinating_office=inst.is_coordinating_office,
                    first_seen_at=now,
                )
            )
    session.flush()
    for review in plan.new_reviews:
        save_review(session, review)
    for instruction in plan.new_instructions:
        save_instruction(session, instruction)
    # Every write raises this installation's counter past what it stores, so only what
    # arrives now can be higher (max() over the table is a full scan: 100 ms at 200,000).
    arriving = [r.lamport for r in plan.new + plan.replacements]
    arriving += [r.lamport for r in plan.new_reviews]
    arriving += [i.lamport for i in plan.new_instructions]
    arriving += [e.lamport for e in plan.new_directory]
    own.lamport = max([own.lamport, *arriving, *(c.lamport for c in plan.new_changes)])


def import_log_row(report: MergeReport, export_id: str, now: str) -> ImportLogRow:
    details = {
        "rejected": [[r.record_id, r.problem.value, r.detail] for r in report.rejected],
        "anomalies": [[a.kind.value, a.record_id, a.detail] for a in report.anomalies],
        "new_plan_changes": report.new_plan_changes,
        "new_reviews": report.new_reviews,
        "new_instructions": report.new_instructions,
        "rule_breaches": report.rule_breaches,
    }
    return ImportLogRow(
        imported_at=now,
        file_name=report.file_name[:500],
        file_sha256=report.file_sha256,
        export_id=export_id,
        sender_installation_id=report.sender.installation_id,
        sender_name=report.sender.name,
        sender_unit=report.sender.unit_name
        or ("协调办公室" if report.sender.is_coordinating_office else ""),
        outcome="merged",
        new_count=report.new_revisions,
        present_count=report.present_revisions,
        conflict_count=report.conflicts,
        rejected_count=len(report.rejected),
        details=json.dumps(details, ensure_ascii=False),
    )
