"""Domain layer: what an exchange file (交换文件) carries, and what merging it would do.

Plain records shared by the exchange reader/writer, the store's merge and the window's
preview. Codes, not words: ``ui/`` and ``cli/`` turn reason codes into sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from domain.attachments import AttachmentKind, PdfRisk
from domain.plan_change_record import PlanChange as PlanChange  # travels in these files
from domain.records import Instruction, ProgressRevision, ReportReview


class ExportScope(StrEnum):
    UNIT = "unit"  # this unit's own records (the default for a unit's PC)
    ALL = "all"  # coordinating office: every record it holds, and plan content
    PLAN_ONLY = "plan_only"  # coordinating office: plan content only


@dataclass(frozen=True, slots=True)
class Sender:
    """An installation as a file describes it: id, name, the unit it serves."""

    installation_id: str
    name: str
    unit_id: str | None
    unit_name: str
    is_coordinating_office: bool


@dataclass(frozen=True, slots=True)
class Manifest:
    format_version: int
    app_version: str
    export_id: str
    sender: Sender
    plan_id: str
    plan_fingerprint: str
    plan_title: str
    created_at: str
    scope: ExportScope
    counts: dict[str, int]
    records_sha256: str


@dataclass(frozen=True, slots=True)
class FileSignature:
    """The signature inside an exchange file (format 2), already checked against its bytes.

    A valid signature proves only that the holder of ``public_key`` wrote the file; whether
    that key belongs to the unit the file names is the key registry's decision.
    """

    key_id: str
    public_key: bytes
    signature: bytes
    signed_at: str


@dataclass(frozen=True, slots=True)
class ExchangeAttachment:
    """A file a revision in the file lists (format 3): its hash, size and shown name."""

    revision_id: str
    position: int
    sha256: str
    size: int
    file_name: str


@dataclass(frozen=True, slots=True)
class CarriedBlob:
    """The bytes of one attachment a file carries, already checked against its hash and
    classified from its content by the reader (kind, pages, PDF risks)."""

    sha256: str
    size: int
    kind: AttachmentKind
    pages: int | None = None
    risks: frozenset[PdfRisk] = frozenset()


@dataclass(frozen=True, slots=True)
class ExchangeBundle:
    """Validated content of one exchange file (or what an export will write)."""

    manifest: Manifest
    installations: tuple[Sender, ...]
    revisions: tuple[ProgressRevision, ...]
    plan_changes: tuple[PlanChange, ...] = ()
    #: None for a format 1 file (unsigned) and for a bundle not yet written.
    signature: FileSignature | None = None
    #: 审核 and 领导批示 (format 3; only the coordinating office's are merged).
    reviews: tuple[ReportReview, ...] = ()
    instructions: tuple[Instruction, ...] = ()
    #: 佐证材料 the revisions list (format 4), and the bytes the file carries for them.
    attachments: tuple[ExchangeAttachment, ...] = ()
    blobs: tuple[CarriedBlob, ...] = ()


class RecordProblem(StrEnum):
    NOT_SENDERS_UNIT = "not_senders_unit"  # a unit's file carries another unit's progress
    AUTHOR_NOT_SENDER = "author_not_sender"  # a unit's file relays someone else's revision
    AUTHOR_WRONG_UNIT = "author_wrong_unit"  # the author serves a different unit
    PLAN_CONTENT_NOT_FROM_OFFICE = "plan_content_not_from_office"
    #: a review (审核) or instruction (批示) not written by the coordinating office sending it
    REVIEW_NOT_FROM_OFFICE = "review_not_from_office"
    UNKNOWN_TASK = "unknown_task"  # not a task of this plan on this PC
    UNIT_NOT_IN_TASK = "unit_not_in_task"
    WRONG_PLAN = "wrong_plan"
    # A held record is never replaced or hidden by another author's (DESIGN.md):
    REVISION_ID_TAKEN = "revision_id_taken"  # the id is held here with another author's record
    REPORT_OF_OTHER_UNIT = "report_of_other_unit"  # the report belongs to another unit or task
    PARENT_OF_OTHER_UNIT = "parent_of_other_unit"  # the edited revision is another's report
    UNKNOWN_PARENT = "unknown_parent"  # edits a revision neither held here nor in the file
    PARENT_REFUSED = "parent_refused"  # edits a revision refused from the same file
    IMPLAUSIBLE_COUNTER = "implausible_counter"  # a counter no real office reaches
    BAD_PAYLOAD = "bad_payload"  # a plan change that cannot be applied (names nothing here)


class AnomalyKind(StrEnum):
    SAME_ID_DIFFERENT_CONTENT = "same_id_different_content"
    REPEATED_SEQUENCE = "repeated_sequence"  # a restored backup or a copied installation


@dataclass(frozen=True, slots=True)
class RejectedRecord:
    record_id: str
    problem: RecordProblem
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Anomaly:
    kind: AnomalyKind
    record_id: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class MergeReport:
    """The preview of an import, and after applying it, what it did."""

    file_name: str
    file_sha256: str
    sender: Sender
    plan_title: str
    already_imported: bool
    new_revisions: int
    present_revisions: int
    conflicts: int
    new_plan_changes: int
    present_plan_changes: int
    rejected: tuple[RejectedRecord, ...] = ()
    anomalies: tuple[Anomaly, ...] = ()
    applied: bool = False
    backup_path: str | None = None
    #: Attachment files this PC did not hold yet, and their bytes (the rest were known).
    new_attachments: int = 0
    new_attachment_bytes: int = 0
    extra: dict[str, str] = field(default_factory=dict)
    new_reviews: int = 0
    new_instructions: int = 0
    #: New revisions that break today's report rules (from an older Duban): kept as they are.
    rule_breaches: int = 0

    @property
    def changes_anything(self) -> bool:
        return not self.already_imported and (
            self.new_revisions > 0
            or self.new_plan_changes > 0
            or self.new_reviews > 0
            or self.new_instructions > 0
            or bool(self.anomalies)
        )


@dataclass(frozen=True, slots=True)
class ImportLogEntry:
    imported_at: str
    file_name: str
    sender_name: str
    sender_unit: str
    outcome: str
    new_count: int
    present_count: int
    conflict_count: int
    rejected_count: int
    details: str
