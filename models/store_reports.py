"""Storage layer: the reports half of the ``Store``: 填报, 修改, 撤回 (by the unit or the
coordinating office on its behalf), 审核 and 领导批示 (by the coordinating office only), and
the 填报人 / 联系电话 this PC remembers.

Every write appends a record (nothing is updated in place) and checks the report rules of
``domain.validation`` first; a refused entry writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from domain.enums import ProgressStatus, ReviewDecision
from domain.progress_rules import current_reports, history, latest_per_unit
from domain.records import (
    Instruction,
    ProgressInput,
    ProgressRevision,
    ReportReview,
    ReviewInput,
    TaskView,
)
from domain.review_rules import decisive_review
from domain.unit_fold import canonical_revisions
from domain.validation import MAX_REASON_LENGTH, MAX_SHORT_LENGTH, progress_problems
from models.concurrency import retry_on_conflict
from models.directory_rows import directory_aliases
from models.errors import ProgressRejected, StoreError
from models.orm import (
    InstallationRow,
    InstructionRow,
    PlanChangeRow,
    PlanRow,
    ProgressRevisionRow,
    ReportReviewRow,
    SettingRow,
    TaskRow,
    UnitDirectoryRow,
)
from models.plan_view_rows import REVISION_COLUMNS, revision_records
from models.store_attachments import attach_to_revision
from models.store_base import StoreBase, installation_row, unit_name_of, utc_now_text
from models.store_history import read_history_page
from models.views import build_plan_view, revision_record, revisions_for_tasks, unit_names

#: The 填报人 and 联系电话 last used on this PC (settings never travel).
REPORTER_KEY = "reporter"
PHONE_KEY = "reporter_phone"
MAX_INSTRUCTION_LENGTH = 4000
#: Revisions a 督办单's history table is read with (it prints the newest of them).
HISTORY_SUMMARY_ROWS = 40


@dataclass(frozen=True, slots=True)
class ReportDefaults:
    """What a new report starts from: the unit's last status and percent, this PC's 填报人
    and 联系电话, and the unit's current report (with its review) if any."""

    status: ProgressStatus
    percent: int
    reporter: str
    phone: str
    current: ProgressRevision | None = None
    review: ReportReview | None = None


def _next_counter(s: Session, inst: InstallationRow) -> tuple[int, int]:
    """(sequence, Lamport) for a record this installation writes now."""
    highest = max(
        s.scalar(select(func.max(ProgressRevisionRow.lamport))) or 0,
        s.scalar(select(func.max(PlanChangeRow.lamport))) or 0,
        s.scalar(select(func.max(ReportReviewRow.lamport))) or 0,
        s.scalar(select(func.max(InstructionRow.lamport))) or 0,
        s.scalar(select(func.max(UnitDirectoryRow.lamport))) or 0,
    )
    inst.lamport = max(inst.lamport, highest) + 1
    seq = inst.next_seq
    inst.next_seq += 1
    return seq, inst.lamport


def _written_and_counted(s: Session, unit_id: str, parent_id: str | None = None) -> tuple[str, str]:
    """(the unit a report is written under, the unit it counts for). A unit's PC writes
    under its own unit, also on a task that names its unit by another name in the
    单位名录: the window offers the canonical name, the record keeps this PC's; an edit
    stays under the unit of the revision it edits."""
    aliases = directory_aliases(s)
    counted = aliases.get(unit_id, (unit_id, ""))[0]
    parent = s.get(ProgressRevisionRow, parent_id) if parent_id else None
    own = parent.unit_id if parent is not None else installation_row(s, lock=False).unit_id
    if own and own != unit_id and aliases.get(own, (own, ""))[0] == counted:
        return own, counted
    return unit_id, counted


def _task_view(s: Session, task_id: str) -> TaskView:
    plan = s.scalar(
        select(PlanRow).join(TaskRow, TaskRow.plan_id == PlanRow.id).where(TaskRow.id == task_id)
    )
    if plan is None:
        raise StoreError("unknown_task", task_id)
    task = next((t for t in build_plan_view(s, plan).all_tasks() if t.id == task_id), None)
    if task is None:
        raise StoreError("unknown_task", task_id)
    return task


def _setting(s: Session, key: str) -> str:
    row = s.get(SettingRow, key)
    return row.value if row else ""


def _remember(s: Session, key: str, value: str) -> None:
    row = s.get(SettingRow, key)
    if row is None:
        s.add(SettingRow(key=key, value=value))
    else:
        row.value = value


def _require_office(inst: InstallationRow, what: str) -> None:
    if not inst.is_coordinating_office:
        raise StoreError("office_only", what)


class ReportStore(StoreBase):
    """进展情况: reports, edits, withdrawals; reviews and instructions of the office."""

    @retry_on_conflict
    def record_progress(self, entry: ProgressInput) -> ProgressRevision:
        """填报进展: append one revision; nothing is ever updated in place."""
        with self._sessions.begin() as s:
            task = _task_view(s, entry.task_id)
            written, counted = _written_and_counted(s, entry.unit_id, entry.parent_revision_id)
            entry = dataclasses.replace(entry, unit_id=written)
            previous = next((r for r in task.current_progress if r.unit_id == counted), None)
            problems = progress_problems(
                dataclasses.replace(entry, unit_id=counted), task, previous
            )
            if problems:
                raise ProgressRejected(problems)
            # Locked only now: desks on a server check their entries side by side and
            # queue just for numbering and writing.
            inst = installation_row(s)
            if inst.unit_id is not None and inst.unit_id != entry.unit_id:
                raise StoreError("unit_not_allowed", unit_name_of(s, inst.unit_id))
            report_id = str(uuid.uuid4())
            if entry.parent_revision_id:
                parent = s.get(ProgressRevisionRow, entry.parent_revision_id)
                if parent is None or parent.task_id != entry.task_id:
                    raise StoreError("unknown_task", entry.parent_revision_id)
                if parent.unit_id != entry.unit_id:  # the same rule the merge enforces
                    raise StoreError("parent_of_other_unit", unit_name_of(s, parent.unit_id))
                newer = _edited_already(s, parent.revision_id)
                if newer is not None:  # another desk or window saved an edit first
                    raise StoreError("revision_superseded", newer)
                report_id = parent.report_id
            seq, lamport = _next_counter(s, inst)
            row = ProgressRevisionRow(
                revision_id=str(uuid.uuid4()),
                report_id=report_id,
                parent_revision_id=entry.parent_revision_id,
                task_id=entry.task_id,
                unit_id=entry.unit_id,
                author_installation_id=inst.id,
                author_seq=seq,
                lamport=lamport,
                authored_at=utc_now_text(),
                status=entry.status.value,
                percent=entry.percent,
                report_date=entry.report_date,
                work_done=entry.work_done.strip(),
                problems=entry.problems.strip(),
                next_steps=entry.next_steps.strip(),
                reporter=entry.reporter.strip(),
                phone=entry.phone.strip(),
                withdrawn=entry.withdrawn,
                on_behalf=inst.is_coordinating_office,
                reason=entry.reason.strip(),
            )
            s.add(row)
            if not entry.withdrawn:
                _remember(s, REPORTER_KEY, row.reporter)
                _remember(s, PHONE_KEY, row.phone)
            s.flush()
            attach_to_revision(
                s, row.revision_id, row.parent_revision_id, entry.attachments, task.plan_id,
                row.authored_at,
            )  # fmt: skip
            return revision_record(row, unit_name_of(s, entry.unit_id))

    def withdraw_report(
        self,
        task_id: str,
        unit_id: str,
        reason: str,
        *,
        revision_id: str | None = None,
        on: dt.date | None = None,
    ) -> ProgressRevision:
        """撤回: a withdrawn child of the report's current revision (the unit's latest report
        on the task, or the report ``revision_id`` belongs to). It stops counting at once,
        stays in the history and travels like any revision."""
        with self._sessions.begin() as s:
            revisions = revisions_for_tasks(s, [task_id]).get(task_id, [])
            unit_id, counted = _written_and_counted(s, unit_id)
            aliases = directory_aliases(s)
        # Found as counted (the window names the canonical unit), written as stored.
        stored = {r.revision_id: r for r in revisions}
        found = _withdrawable(canonical_revisions(revisions, aliases), counted, revision_id)
        target = stored[found.revision_id] if found else None
        if target is None:
            with self._sessions.begin() as s:
                raise StoreError("no_report", unit_name_of(s, unit_id))
        entry = ProgressInput(
            task_id=task_id,
            unit_id=target.unit_id,
            status=target.status,
            percent=target.percent,
            report_date=on or dt.date.today(),
            work_done=target.work_done,
            problems=target.problems,
            next_steps=target.next_steps,
            reporter=target.reporter,
            phone=target.phone,
            parent_revision_id=target.revision_id,
            withdrawn=True,
            reason=reason,
        )
        return self.record_progress(entry)

    def report_defaults(self, task_id: str, unit_id: str) -> ReportDefaults:
        """What the 填报 form starts from for a new report of ``unit_id`` on ``task_id``."""
        with self._sessions.begin() as s:
            task = _task_view(s, task_id)
            reporter, phone = _setting(s, REPORTER_KEY), _setting(s, PHONE_KEY)
            _, counted = _written_and_counted(s, unit_id)
        current = next((r for r in task.current_progress if r.unit_id == counted), None)
        if current is None:
            return ReportDefaults(ProgressStatus.NOT_STARTED, 0, reporter, phone)
        review = decisive_review(current, task.reviews)
        return ReportDefaults(current.status, current.percent, reporter, phone, current, review)

    def history_summary(
        self, task_id: str, limit: int = HISTORY_SUMMARY_ROWS
    ) -> tuple[list[ProgressRevision], int]:
        """The newest ``limit`` revisions of the task (by report date, then causal order)
        and how many it has in all: a bounded read for the 督办单 (a task can have tens of
        thousands of revisions; only ``limit`` rows are read) — the detail pane's read."""
        with self._sessions.begin() as s:
            page = read_history_page(s, task_id, limit)
        return page.revisions, page.total

    def revision(self, revision_id: str) -> ProgressRevision | None:
        """One revision by its id (None: not on this PC), read alone: a task can have tens
        of thousands, and editing or withdrawing one needs only it."""
        with self._sessions.begin() as s:
            row = s.get(ProgressRevisionRow, revision_id)
            return revision_record(row, unit_name_of(s, row.unit_id)) if row else None

    def report_history(self, report_id: str) -> list[ProgressRevision]:
        """Every revision of one report, newest first, conflicts flagged: the chain an edit
        continues, without the task's other reports."""
        with self._sessions.begin() as s:
            r = ProgressRevisionRow
            columns = [getattr(r, name) for name in REVISION_COLUMNS]
            rows = s.execute(select(*columns).where(r.report_id == report_id))
            by_task = revision_records(rows, unit_names(s))  # one report: one task
            return history(rev for revisions in by_task.values() for rev in revisions)

    def progress_history(self, task_id: str) -> list[ProgressRevision]:
        """Every revision of every report on the task, newest first, conflicts flagged."""
        with self._sessions.begin() as s:
            return history(revisions_for_tasks(s, [task_id]).get(task_id, []))

    # -- the coordinating office -----------------------------------------------------------
    @retry_on_conflict
    def review_reports(self, items: list[ReviewInput]) -> list[ReportReview]:
        """审核 (batch): 通过 or 退回修改 of the revisions the office looked at, in one
        transaction; a return needs its reason. Refused on a unit's PC."""
        with self._sessions.begin() as s:
            inst = installation_row(s)
            _require_office(inst, "审核")
            out: list[ReportReview] = []
            for item in items:
                rev = s.get(ProgressRevisionRow, item.revision_id)
                if rev is None or rev.withdrawn:
                    raise StoreError("no_report", item.revision_id)
                reason = item.reason.strip()
                if item.decision is ReviewDecision.RETURNED and not reason:
                    raise StoreError("return_reason_required", unit_name_of(s, rev.unit_id))
                if len(reason) > MAX_REASON_LENGTH or len(item.reviewer) > MAX_SHORT_LENGTH:
                    raise StoreError("text_too_long", unit_name_of(s, rev.unit_id))
                seq, lamport = _next_counter(s, inst)
                review = ReportReview(
                    review_id=str(uuid.uuid4()),
                    report_id=rev.report_id,
                    revision_id=rev.revision_id,
                    task_id=rev.task_id,
                    unit_id=rev.unit_id,
                    author_installation_id=inst.id,
                    author_seq=seq,
                    lamport=lamport,
                    authored_at=utc_now_text(),
                    decision=item.decision,
                    reason=reason,
                    reviewer=item.reviewer.strip(),
                )
                save_review(s, review)
                out.append(review)
            return out

    def review_report(
        self,
        task_id: str,
        unit_id: str,
        decision: ReviewDecision,
        reason: str = "",
        reviewer: str = "",
    ) -> ReportReview:
        """审核 of the unit's current report on the task (the command line's way)."""
        with self._sessions.begin() as s:
            revisions = revisions_for_tasks(s, [task_id]).get(task_id, [])
            name = unit_name_of(s, unit_id)
            aliases = directory_aliases(s)
        counted = aliases.get(unit_id, (unit_id, ""))[0]
        latest = latest_per_unit(canonical_revisions(revisions, aliases))
        current = next((r for r in latest if r.unit_id == counted), None)
        if current is None:
            raise StoreError("no_report", name)
        (review,) = self.review_reports(
            [ReviewInput(current.revision_id, decision, reason, reviewer)]
        )
        return review

    @retry_on_conflict
    def instruct(
        self, task_id: str, text: str, leader: str, on: dt.date | None = None
    ) -> Instruction:
        """领导批示 / 督办意见 on a task (text, who, date), recorded by the office."""
        text, leader = text.strip(), leader.strip()
        with self._sessions.begin() as s:
            inst = installation_row(s)
            _require_office(inst, "领导批示")
            task = s.get(TaskRow, task_id)
            if task is None:
                raise StoreError("unknown_task", task_id)
            if not text or not leader:
                raise StoreError("instruction_incomplete", "")
            if len(text) > MAX_INSTRUCTION_LENGTH or len(leader) > MAX_SHORT_LENGTH:
                raise StoreError("text_too_long", leader)
            seq, lamport = _next_counter(s, inst)
            instruction = Instruction(
                instruction_id=str(uuid.uuid4()),
                plan_id=task.plan_id,
                task_id=task_id,
                author_installation_id=inst.id,
                author_seq=seq,
                lamport=lamport,
                authored_at=utc_now_text(),
                text=text,
                leader=leader,
                instructed_on=on or dt.date.today(),
            )
            save_instruction(s, instruction)
            return instruction


def _edited_already(s: Session, revision_id: str) -> str | None:
    """Who already edited ``revision_id`` on this database, and when (None: nobody).

    An edit is saved as a child of what the clerk saw; a child that exists already means
    the clerk edited an out-of-date version (another clerk on the server, or another
    window). Saving it too would fork the report silently, so the store refuses it and the
    window shows the newer version with the clerk's text kept."""
    child = s.scalars(
        select(ProgressRevisionRow)
        .where(ProgressRevisionRow.parent_revision_id == revision_id)
        .order_by(ProgressRevisionRow.lamport.desc())
        .limit(1)
    ).first()
    if child is None:
        return None
    who = child.reporter or unit_name_of(s, child.unit_id)
    return f"{who}，{child.authored_at[:16].replace('T', ' ')}（UTC）"


def _withdrawable(
    revisions: list[ProgressRevision], unit_id: str, revision_id: str | None
) -> ProgressRevision | None:
    mine = [r for r in latest_per_unit(revisions) if r.unit_id == unit_id]
    if revision_id is None:
        return mine[0] if mine else None
    report = next((r.report_id for r in revisions if r.revision_id == revision_id), None)
    return next(
        (r for r in current_reports(revisions) if r.report_id == report and r.unit_id == unit_id),
        None,
    )


def save_review(s: Session, review: ReportReview) -> None:
    """Append a review (idempotent by id); the merge uses it too."""
    if s.get(ReportReviewRow, review.review_id) is None:
        values = dataclasses.asdict(review)
        values["decision"] = review.decision.value
        s.add(ReportReviewRow(**values))


def save_instruction(s: Session, instruction: Instruction) -> None:
    """Append a 批示 (idempotent by id); the merge uses it too."""
    if s.get(InstructionRow, instruction.instruction_id) is None:
        s.add(InstructionRow(**dataclasses.asdict(instruction)))
