"""Storage layer: the plans read with plain ``sqlite3``, read-only, for the window's first fill.

At start-up the window shows its plans from here while the pool thread still imports and
opens the real ``Store`` (SQLAlchemy and the ORM mappings alone cost about 330 ms; see
bench/README.md). Nothing here imports SQLAlchemy. Only a file at ``SCHEMA_HEAD`` with an
installation row is read; anything else (new, missing, older, newer, damaged) returns None
and the window waits for the ``Store`` as before. The views are built by the same code as
the Store's (``models.plan_view_rows``), from the same queries.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from domain.exchange_records import PlanChange
from domain.records import PlanView
from domain.status_lights import DEFAULT_WARNING_DAYS
from models.database import SCHEMA_HEAD, readonly_uri, schema_revision
from models.errors import StoreError
from models.plan_view_rows import (
    INSTRUCTION_COLUMNS,
    REVIEW_COLUMNS,
    REVISION_COLUMNS,
    instruction_records,
    plan_view_from_rows,
    review_records,
    revision_records,
)

log = logging.getLogger(__name__)

#: The key of the 临期 warning window in ``settings`` (models.store_supervision's).
WARNING_DAYS_KEY = "warning_days"


@dataclass(frozen=True)
class FirstFill:
    """What the window shows before the Store is open."""

    plans: list[PlanView]
    warning_days: int


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def read_first_fill(path: Path) -> FirstFill | None:
    """The plans in ``path``; None unless it is a current Duban file (then nothing is read).
    A server database (``models.locations.ServerAddress``) is always None: the window
    waits for the ``Store``, which reads it through the server."""
    if not isinstance(path, Path):
        return None
    try:
        if schema_revision(path) != SCHEMA_HEAD:
            return None
        conn = sqlite3.connect(readonly_uri(path), uri=True)
    except (StoreError, sqlite3.Error, OSError):
        return None
    try:
        with conn:
            return _read(conn)
    except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
        log.warning("first fill from %s skipped: %s", path, exc)
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> FirstFill | None:
    if conn.execute("SELECT 1 FROM installation LIMIT 1").fetchone() is None:
        return None  # Store.open has yet to make it (and to seed the plan)
    plans = [
        view
        for view in (
            _plan_view(conn, (pid, title, issuer, _date(issued), addressees, fingerprint))
            for pid, title, issuer, issued, addressees, fingerprint in conn.execute(
                "SELECT id, title, issuer, issued_on, addressees, fingerprint FROM plans"
                " ORDER BY position"
            )
        )
        if not view.removed  # removed by the office: hidden, kept
    ]
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (WARNING_DAYS_KEY,)).fetchone()
    days = int(row[0]) if row and str(row[0]).isdigit() else DEFAULT_WARNING_DAYS
    return FirstFill(plans, days)


def _plan_view(
    conn: sqlite3.Connection, plan: tuple[str, str, str, dt.date | None, str, str]
) -> PlanView:
    pid = plan[0]
    sections = conn.execute(
        "SELECT id, number, label, title FROM sections WHERE plan_id = ? ORDER BY position",
        (pid,),
    ).fetchall()
    subsections = conn.execute(
        "SELECT s.id, s.section_id, s.number, s.label, s.title FROM subsections s"
        " JOIN sections p ON s.section_id = p.id WHERE p.plan_id = ? ORDER BY s.position",
        (pid,),
    ).fetchall()
    tasks = conn.execute(
        "SELECT id, plan_id, section_id, subsection_id, number, label, path, text,"
        " assignment_text, problems FROM tasks WHERE plan_id = ? ORDER BY position, id",
        (pid,),
    ).fetchall()
    assignments = conn.execute(
        "SELECT a.task_id, u.id, u.name, a.role, a.wording, u.is_group FROM assignments a"
        " JOIN units u ON a.unit_id = u.id JOIN tasks t ON a.task_id = t.id"
        " WHERE t.plan_id = ? ORDER BY a.task_id, a.position",
        (pid,),
    ).fetchall()
    names = dict(conn.execute("SELECT id, name FROM units"))
    date_at = REVISION_COLUMNS.index("report_date")
    # Only the heads of the report chains (revisions no other one edits): current reports
    # and lights are made of them, and with chains of five edits they are a fifth of the rows.
    revisions = [
        (*row[:date_at], _date(row[date_at]), *row[date_at + 1 :])
        for row in conn.execute(
            f"SELECT {', '.join(REVISION_COLUMNS)} FROM progress_revisions"  # noqa: S608
            " WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ?)"
            " AND revision_id NOT IN (SELECT parent_revision_id FROM progress_revisions"
            " WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ?)"
            " AND parent_revision_id IS NOT NULL)",
            (pid, pid),
        )
    ]
    changes = [
        PlanChange(*row)
        for row in conn.execute(
            "SELECT change_id, plan_id, author_installation_id, author_seq, lamport,"
            " authored_at, kind, task_id, payload, reason FROM plan_changes WHERE plan_id = ?",
            (pid,),
        )
    ]
    reviews = conn.execute(
        f"SELECT {', '.join(REVIEW_COLUMNS)} FROM report_reviews"  # noqa: S608
        " WHERE task_id IN (SELECT id FROM tasks WHERE plan_id = ?)",
        (pid,),
    ).fetchall()
    instructions = [
        (*row[:-1], _date(row[-1]))
        for row in conn.execute(
            f"SELECT {', '.join(INSTRUCTION_COLUMNS)} FROM instructions"  # noqa: S608
            " WHERE plan_id = ?",
            (pid,),
        )
    ]
    return plan_view_from_rows(
        plan,
        sections,
        subsections,
        tasks,
        [(*row[:5], bool(row[5])) for row in assignments],
        revision_records(revisions, names),
        changes,
        review_records(reviews),
        instruction_records(instructions),
    )
