"""Domain layer: a progress revision as a row of plain values, for the store and the file.

One builder for both: the store's ``progress_revisions`` row (``REVISION_COLUMNS``) and,
without its last value (the reason, which format 3 carries in ``revision_notes``), the
exchange file's row of the same table.
"""

from __future__ import annotations

from domain.records import ProgressRevision

#: Columns of the store's ``progress_revisions``, in the order ``revision_values`` gives.
REVISION_COLUMNS = (
    "revision_id", "report_id", "parent_revision_id", "task_id", "unit_id",
    "author_installation_id", "author_seq", "lamport", "authored_at", "status", "percent",
    "report_date", "work_done", "problems", "next_steps", "reporter", "phone", "withdrawn",
    "on_behalf", "reason",
)  # fmt: skip


def revision_values(rev: ProgressRevision, *, native: bool = False) -> tuple[object, ...]:
    """The revision's values in ``REVISION_COLUMNS`` order. ``native``: the date and the
    flags as Python objects (a driver with real DATE and BOOLEAN types, PostgreSQL);
    otherwise as SQLite and the exchange file keep them, ISO text and 0/1."""
    return (
        rev.revision_id,
        rev.report_id,
        rev.parent_revision_id,
        rev.task_id,
        rev.unit_id,
        rev.author_installation_id,
        rev.author_seq,
        rev.lamport,
        rev.authored_at,
        rev.status.value,
        rev.percent,
        rev.report_date if native else rev.report_date.isoformat(),
        rev.work_done,
        rev.problems,
        rev.next_steps,
        rev.reporter,
        rev.phone,
        rev.withdrawn if native else int(rev.withdrawn),
        rev.on_behalf if native else int(rev.on_behalf),
        rev.reason,
    )
