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

from domain.plan_change_record import PlanChange
from domain.records import PlanView
from domain.status_lights import DEFAULT_WARNING_DAYS
from domain.unit_fold import Aliases
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


#: Tasks read before the first plans are shown: more rows than the tallest window holds
#: (the rest of a large store follows while that first screen is painted).
FIRST_SCREEN_TASKS = 150


@dataclass(frozen=True)
class FirstFill:
    """What the window shows before the Store is open."""

    plans: list[PlanView]
    warning_days: int
    #: False: more plans follow (``FirstFillReader.read_rest``).
    complete: bool = True


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


PlanRow = tuple[str, str, str, dt.date | None, str, str]


class FirstFillReader:
    """One read-only connection for the window's first fill.

    The plans are read in one snapshot (a single read transaction), a screenful first and
    the rest after that screen has painted. Afterwards ``unchanged`` says whether anything
    was committed to the file since (SQLite's ``PRAGMA data_version``, which moves when
    another connection commits): if not, the plans shown are the file's and the window
    need not read them again when the Store opens. Used by one thread at a time (the pool
    thread reads, the window's thread asks ``unchanged``)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._pending: list[PlanRow] = []
        self._warning_days = DEFAULT_WARNING_DAYS
        self._version: int | None = None
        self._aliases: Aliases = {}

    @classmethod
    def open(cls, path: Path) -> FirstFillReader | None:
        """A reader of ``path``; None unless it is a current Duban file (nothing read).
        A server database (``models.locations.ServerAddress``) is always None: the window
        waits for the ``Store``, which reads it through the server."""
        if not isinstance(path, Path):
            return None
        try:
            if schema_revision(path) != SCHEMA_HEAD:
                return None
            # isolation_level None: this reader says where its one read transaction starts.
            conn = sqlite3.connect(
                readonly_uri(path), uri=True, isolation_level=None, check_same_thread=False
            )
        except (StoreError, sqlite3.Error, OSError):
            return None
        return cls(conn)

    def read_first(self, screen_tasks: int | None) -> FirstFill | None:
        """The first plans, at least ``screen_tasks`` tasks of them (None: every plan);
        None when the file has nothing to show yet or cannot be read (then the reader is
        closed and the window waits for the ``Store``)."""
        try:
            self._conn.execute("BEGIN")
            if self._conn.execute("SELECT 1 FROM installation LIMIT 1").fetchone() is None:
                self.close()
                return None  # Store.open has yet to make it (and to seed the plan)
            row = self._conn.execute(
                "SELECT value FROM settings WHERE key = ?", (WARNING_DAYS_KEY,)
            ).fetchone()
            if row and str(row[0]).isdigit():
                self._warning_days = int(row[0])
            self._aliases = _aliases(self._conn)
            self._pending = [
                (pid, title, issuer, _date(issued), addressees, fingerprint)
                for pid, title, issuer, issued, addressees, fingerprint in self._conn.execute(
                    "SELECT id, title, issuer, issued_on, addressees, fingerprint FROM plans"
                    " ORDER BY position"
                )
            ]
            plans: list[PlanView] = []
            tasks = 0
            while self._pending and (screen_tasks is None or tasks < screen_tasks):
                view = _plan_view(self._conn, self._pending.pop(0), self._aliases)
                if not view.removed:  # removed by the office: hidden, kept
                    plans.append(view)
                    tasks += len(view.all_tasks())
            complete = not self._pending
            if complete:
                self._end_snapshot()
            return FirstFill(plans, self._warning_days, complete)
        except (sqlite3.Error, ValueError, KeyError, TypeError) as exc:
            log.warning("first fill skipped: %s", exc)
            self.close()
            return None

    def read_rest(self) -> list[PlanView]:
        """The plans after the first screenful, from the same snapshot. Raises
        ``sqlite3.Error`` (and closes) when they cannot be read."""
        try:
            views = [_plan_view(self._conn, plan, self._aliases) for plan in self._pending]
            self._pending = []
            self._end_snapshot()
        except (sqlite3.Error, ValueError, KeyError, TypeError):
            self.close()
            raise
        return [view for view in views if not view.removed]

    def unchanged(self) -> bool:
        """Every plan was read and nothing has been committed to the file since."""
        if self._version is None:
            return False
        try:
            return self._data_version() == self._version
        except sqlite3.Error:
            return False

    def close(self) -> None:
        self._version = None
        self._conn.close()

    def _end_snapshot(self) -> None:
        self._version = self._data_version()  # inside the snapshot: the version it shows
        self._conn.execute("COMMIT")

    def _data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])


def read_first_fill(path: Path) -> FirstFill | None:
    """Every plan in ``path`` at once; None unless it is a current Duban file."""
    reader = FirstFillReader.open(path)
    if reader is None:
        return None
    try:
        return reader.read_first(screen_tasks=None)
    finally:
        reader.close()


def _aliases(conn: sqlite3.Connection) -> Aliases:
    """The 单位名录 folded (models.directory_rows reads the same rows)."""
    rows = conn.execute(
        "SELECT entry_id, author_installation_id, author_seq, lamport, authored_at, name,"
        " same_as, undo, reason FROM unit_directory"
    ).fetchall()
    if not rows:
        return {}  # most offices name each unit one way: no need to load the directory
    from domain.unit_directory import DirectoryEntry, fold

    return fold(DirectoryEntry(*row[:7], bool(row[7]), row[8]) for row in rows).id_map()


def _plan_view(
    conn: sqlite3.Connection,
    plan: tuple[str, str, str, dt.date | None, str, str],
    aliases: Aliases,
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
        " assignment_text, problems, deadline_text, deadline, deadline_long_term FROM tasks"
        " WHERE plan_id = ? ORDER BY position, id",
        (pid,),
    ).fetchall()
    tasks = [(*row[:11], _date(row[11]), bool(row[12])) for row in tasks]
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
        aliases,
    )
