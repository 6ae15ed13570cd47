"""Storage layer: the SQLAlchemy typed mapping of Duban's tables (see DESIGN.md)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

UUID_LEN = 36


#: Sequence numbers and Lamport counters are 63-bit on every engine (DESIGN.md): SQLite's
#: INTEGER already is; PostgreSQL's INTEGER is 32-bit, so there they are BIGINT.
Counter = Integer().with_variant(BigInteger(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class InstallationRow(Base):
    """This PC's installation (one row): random id, name, the unit it serves."""

    __tablename__ = "installation"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True)
    is_coordinating_office: Mapped[bool] = mapped_column(Boolean, default=False)
    lamport: Mapped[int] = mapped_column(Counter, default=0)
    next_seq: Mapped[int] = mapped_column(Counter, default=1)
    created_at: Mapped[str] = mapped_column(String(40))


class PlanRow(Base):
    """分工方案."""

    __tablename__ = "plans"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    issuer: Mapped[str] = mapped_column(Text, default="")
    issued_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    addressees: Mapped[str] = mapped_column(Text, default="")
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    source_text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[str] = mapped_column(String(40))


class SectionRow(Base):
    """部分 一、."""

    __tablename__ = "sections"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class SubsectionRow(Base):
    """方面 （一）."""

    __tablename__ = "subsections"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    section_id: Mapped[str] = mapped_column(ForeignKey("sections.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class TaskRow(Base):
    """任务."""

    __tablename__ = "tasks"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"), index=True)
    section_id: Mapped[str] = mapped_column(ForeignKey("sections.id"))
    subsection_id: Mapped[str | None] = mapped_column(ForeignKey("subsections.id"), nullable=True)
    number: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(20))
    path: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    assignment_text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    #: 待补充: why the document's assignment could not be read (JSON list; "" when none).
    problems: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: 完成时限 as the document writes it, and as read when the plan was imported: a date,
    #: or 长期坚持 (``long_term``); both empty for "每季度末" and the like.
    deadline_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    deadline: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    deadline_long_term: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class UnitRow(Base):
    """单位: an office named in assignments; a collective reference is a group."""

    __tablename__ = "units"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    is_group: Mapped[bool] = mapped_column(Boolean, default=False)


class AssignmentRow(Base):
    """分工: task × unit × role, with the document's wording."""

    __tablename__ = "assignments"
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), primary_key=True)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(10))
    wording: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer)


class ProgressRevisionRow(Base):
    """进展情况: one append-only revision of a progress report. Never updated or deleted."""

    __tablename__ = "progress_revisions"
    __table_args__ = (
        Index("ix_progress_revisions_task_unit", "task_id", "unit_id"),
        Index("ix_progress_revisions_author_seq", "author_installation_id", "author_seq"),
    )
    revision_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    report_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    # No foreign key: a revision may arrive before the revision it edits.
    parent_revision_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    author_installation_id: Mapped[str] = mapped_column(String(UUID_LEN))
    author_seq: Mapped[int] = mapped_column(Counter)
    lamport: Mapped[int] = mapped_column(Counter)
    authored_at: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))
    percent: Mapped[int] = mapped_column(Integer)
    report_date: Mapped[dt.date] = mapped_column(Date)
    work_done: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    reporter: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(100), default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    on_behalf: Mapped[bool] = mapped_column(Boolean, default=False)
    #: 修改原因 / 撤回原因 / 说明 (migration 0005; older revisions have "").
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")


__all__ = [
    "AssignmentRow",
    "Base",
    "InstallationRow",
    "PlanRow",
    "ProgressRevisionRow",
    "SectionRow",
    "SubsectionRow",
    "TaskRow",
    "UnitRow",
]


class KnownInstallationRow(Base):
    """Another office's installation, learnt from its exchange files."""

    __tablename__ = "known_installations"
    id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    unit_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    unit_name: Mapped[str] = mapped_column(String(200), default="")
    is_coordinating_office: Mapped[bool] = mapped_column(Boolean, default=False)
    first_seen_at: Mapped[str] = mapped_column(String(40))


class ImportedFileRow(Base):
    """An exchange file already merged (by SHA-256): importing it again is a no-op."""

    __tablename__ = "imported_files"
    file_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    export_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    imported_at: Mapped[str] = mapped_column(String(40))


class ImportLogRow(Base):
    """导入日志: when, which file, from whom, what changed (or why it was refused)."""

    __tablename__ = "import_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    imported_at: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(Text)
    file_sha256: Mapped[str] = mapped_column(String(64), default="")
    export_id: Mapped[str] = mapped_column(String(UUID_LEN), default="")
    sender_installation_id: Mapped[str] = mapped_column(String(UUID_LEN), default="")
    sender_name: Mapped[str] = mapped_column(String(100), default="")
    sender_unit: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[str] = mapped_column(String(20))
    new_count: Mapped[int] = mapped_column(Integer, default=0)
    present_count: Mapped[int] = mapped_column(Integer, default=0)
    conflict_count: Mapped[int] = mapped_column(Integer, default=0)
    rejected_count: Mapped[int] = mapped_column(Integer, default=0)
    details: Mapped[str] = mapped_column(Text, default="")


class AnomalyRow(Base):
    """Something a person must look at (same id different content, a reused sequence
    number, a record its sender did not own). Kept, never resolved silently."""

    __tablename__ = "anomalies"
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    content_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    detail: Mapped[str] = mapped_column(Text)
    first_seen_at: Mapped[str] = mapped_column(String(40))


class PlanChangeRow(Base):
    """计划修订: a numbered change to plan content by the coordinating office (留痕)."""

    __tablename__ = "plan_changes"
    __table_args__ = (Index("ix_plan_changes_plan", "plan_id", "lamport"),)
    change_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    author_installation_id: Mapped[str] = mapped_column(String(UUID_LEN))
    author_seq: Mapped[int] = mapped_column(Counter)
    lamport: Mapped[int] = mapped_column(Counter)
    authored_at: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(40))
    task_id: Mapped[str | None] = mapped_column(String(UUID_LEN), nullable=True)
    payload: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")


class SettingRow(Base):
    """A local setting of this installation (e.g. the 临期 warning window); never travels."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AttachmentBlobRow(Base):
    """佐证材料: one attached file's bytes, once, by SHA-256 (kind etc. computed here)."""

    __tablename__ = "attachment_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(10))
    pages: Mapped[int | None] = mapped_column(Integer, nullable=True)
    risks: Mapped[str] = mapped_column(String(100), default="")
    chunk_size: Mapped[int] = mapped_column(Integer)
    stored_at: Mapped[str] = mapped_column(String(40))


class AttachmentChunkRow(Base):
    """A 1 MiB piece of an attachment (read and written one piece at a time)."""

    __tablename__ = "attachment_chunks"
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blobs.sha256"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class RevisionAttachmentRow(Base):
    """A file a progress revision lists; no foreign key to the revision (a merge may
    replace a revision row by its deterministic winner)."""

    __tablename__ = "revision_attachments"
    __table_args__ = (Index("ix_revision_attachments_sha256", "sha256"),)
    revision_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_blobs.sha256"))
    file_name: Mapped[str] = mapped_column(String(255))


class ReportReviewRow(Base):
    """审核: the coordinating office's 通过 / 退回修改 of one revision. Append-only."""

    __tablename__ = "report_reviews"
    __table_args__ = (Index("ix_report_reviews_task_unit", "task_id", "unit_id"),)
    review_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    report_id: Mapped[str] = mapped_column(String(UUID_LEN))
    # No foreign key: a review may arrive before the revision it judges.
    revision_id: Mapped[str] = mapped_column(String(UUID_LEN), index=True)
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"))
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"))
    author_installation_id: Mapped[str] = mapped_column(String(UUID_LEN))
    author_seq: Mapped[int] = mapped_column(Counter)
    lamport: Mapped[int] = mapped_column(Counter)
    authored_at: Mapped[str] = mapped_column(String(40))
    decision: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    reviewer: Mapped[str] = mapped_column(String(100), default="")


class InstructionRow(Base):
    """领导批示 / 督办意见 on a task, by the coordinating office. Append-only."""

    __tablename__ = "instructions"
    instruction_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    plan_id: Mapped[str] = mapped_column(ForeignKey("plans.id"))
    task_id: Mapped[str] = mapped_column(ForeignKey("tasks.id"), index=True)
    author_installation_id: Mapped[str] = mapped_column(String(UUID_LEN))
    author_seq: Mapped[int] = mapped_column(Counter)
    lamport: Mapped[int] = mapped_column(Counter)
    authored_at: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    leader: Mapped[str] = mapped_column(String(100))
    instructed_on: Mapped[dt.date] = mapped_column(Date)


class UnitDirectoryRow(Base):
    """单位名录: the coordinating office's declaration that a unit name is another name of
    another (or, ``undo``, no longer). Append-only; folded by ``domain.unit_directory``."""

    __tablename__ = "unit_directory"
    entry_id: Mapped[str] = mapped_column(String(UUID_LEN), primary_key=True)
    author_installation_id: Mapped[str] = mapped_column(String(UUID_LEN))
    author_seq: Mapped[int] = mapped_column(Counter)
    lamport: Mapped[int] = mapped_column(Counter)
    authored_at: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    same_as: Mapped[str] = mapped_column(String(200))
    undo: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(Text)
