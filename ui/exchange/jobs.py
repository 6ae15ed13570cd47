"""Window layer: the USB-exchange work that runs on pool threads (no widgets here).

Each function opens its own ``Store`` on the database path (sessions never cross threads),
calls the exchange engine (``exchange.service``) and returns plain records for the dialogs:
``FilePreview`` for a read or merged file, the written ``Path`` for an export.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from domain.exchange_records import ExportScope, RecordProblem
from domain.records import Installation
from exchange.errors import ExportWriteError, RejectedFile, WriteCode
from exchange.format import EXTENSION
from exchange.reader import read_exchange_file
from exchange.safe_write import unique_export_name
from exchange.service import ImportOutcome, export_file_stem, import_file
from models.errors import StoreError

if TYPE_CHECKING:
    from models.store import Store

# The file-name label of a coordinating office's export (the engine's own, not translated:
# it is part of a file name that travels between offices).
OFFICE_FILE_LABEL = "协调办公室"
PLAN_ONLY_SUFFIX = "-方案更新"


class FileState(StrEnum):
    """Where one file of an import stands, as the preview table shows it."""

    READING = "reading"
    READY = "ready"  # may be merged
    ALREADY = "already"  # imported before: merging again changes nothing
    UNTRUSTED = "untrusted"  # reads fine, but its signature is not accepted here (yet)
    REFUSED = "refused"  # the whole file was refused; nothing from it is used
    FAILED = "failed"  # an unexpected error (the database, a bug): shown, nothing merged
    IMPORTED = "imported"


@dataclass(frozen=True, slots=True)
class RejectedLine:
    """One rejected record with the task and unit it concerns, where this PC knows them."""

    record_id: str
    problem: RecordProblem
    task_number: int | None
    unit_name: str


@dataclass(frozen=True, slots=True)
class FilePreview:
    """What reading (or merging) one file gave: the engine's outcome, labels for rejections."""

    outcome: ImportOutcome
    rejected: tuple[RejectedLine, ...] = ()

    @property
    def path(self) -> Path:
        return self.outcome.path

    @property
    def state(self) -> FileState:
        outcome, report = self.outcome, self.outcome.report
        if report is None:
            return FileState.REFUSED
        if report.already_imported:
            return FileState.ALREADY
        if outcome.rejected_code and outcome.rejected_code != outcome.trust_code:
            return FileState.REFUSED
        if outcome.trust_code:
            return FileState.UNTRUSTED
        return FileState.IMPORTED if report.applied else FileState.READY


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What 导出交换文件 writes: ``scope`` of ``plan_id`` (``unit_name`` for one unit's
    records, chosen by the coordinating office) into ``folder``."""

    scope: ExportScope
    folder: Path | None
    unit_name: str | None = None
    plan_id: str | None = None


def export_label(installation: Installation, scope: ExportScope, unit_name: str | None) -> str:
    """The unit part of the file name, as ``exchange.service.export_to`` names a folder export."""
    label = unit_name or installation.unit_name or OFFICE_FILE_LABEL
    return label + PLAN_ONLY_SUFFIX if scope is ExportScope.PLAN_ONLY else label


def export_file_name(
    installation: Installation,
    scope: ExportScope,
    unit_name: str | None,
    folder: Path | None = None,
    today: dt.date | None = None,
) -> str:
    """省公安厅-20261126.duban, or …-2.duban when that name is taken in ``folder``."""
    stem = export_file_stem(export_label(installation, scope, unit_name), today)
    if folder is not None and folder.is_dir():
        try:
            return unique_export_name(folder, stem, EXTENSION)
        except ExportWriteError:
            pass  # the export itself will say what is wrong with the folder
    return stem + EXTENSION


def export_file(db_path: Path, request: ExportRequest) -> Path:
    """Write the export into ``request.folder``; raises ExportWriteError or StoreError."""
    from exchange.service import export_to
    from models.store import Store

    folder = request.folder
    # The engine takes a path that is no folder as a file name; a stick pulled out after
    # the folder was chosen must say "missing folder", not write a file beside the mount.
    if folder is None or not folder.is_dir():
        raise ExportWriteError(WriteCode.MISSING_FOLDER, str(folder or ""))
    store = Store(db_path)
    try:
        name = export_file_name(store.installation(), request.scope, request.unit_name, folder)
        return export_to(
            store,
            folder / name,
            request.scope,
            unit_name=request.unit_name,
            plan_id=request.plan_id,
        )
    finally:
        store.close()


def preview_file(db_path: Path, path: Path) -> FilePreview:
    """Read ``path`` as untrusted input and say what importing it would do; writes nothing."""
    return _run_import(db_path, path, dry_run=True)


def apply_file(db_path: Path, path: Path, backup: bool = True) -> FilePreview:
    """Merge ``path`` in one transaction, or refuse it untouched. ``backup``: copy the
    database first (the batch's first merge does; later files of the batch need not)."""
    return _run_import(db_path, path, dry_run=False, backup=backup)


def _run_import(db_path: Path, path: Path, *, dry_run: bool, backup: bool = True) -> FilePreview:
    from models.store import Store

    store = Store(db_path)
    try:
        outcome = import_file(store, path, dry_run=dry_run, backup=backup)
        return FilePreview(outcome, _rejected_lines(store, outcome))
    finally:
        store.close()


def _rejected_lines(store: Store, outcome: ImportOutcome) -> tuple[RejectedLine, ...]:
    """Name the task and unit of each rejected record.

    The report carries only record ids, so the file is read once more (by the same
    untrusted-input reader) to find their tasks; the words are labels, nothing is merged
    from this second reading.
    """
    report = outcome.report
    if report is None or not report.rejected:
        return ()
    places: dict[str, tuple[str | None, str | None, str]] = {}
    try:
        bundle = read_exchange_file(outcome.path).bundle
    except RejectedFile:
        bundle = None
    if bundle is not None:
        for rev in bundle.revisions:
            places[rev.revision_id] = (rev.task_id, rev.unit_id, rev.unit_name)
        for change in bundle.plan_changes:
            places[change.change_id] = (change.task_id, None, "")
    numbers: dict[str, int] = {}
    unit_names: dict[str, str] = {}
    try:
        plan = store.plan_view(bundle.manifest.plan_id) if bundle else None
    except StoreError:
        plan = None
    if plan is not None:
        numbers = {t.id: t.number for t in plan.all_tasks()}
        unit_names = {u.unit_id: u.unit_name for u in plan.units()}
    lines = []
    for rejected in report.rejected:
        task_id, unit_id, claimed_unit = places.get(rejected.record_id, (None, None, ""))
        unit_id = unit_id or rejected.detail or None
        lines.append(
            RejectedLine(
                rejected.record_id,
                rejected.problem,
                numbers.get(task_id or ""),
                unit_names.get(unit_id or "") or claimed_unit,
            )
        )
    return tuple(lines)
