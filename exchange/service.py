"""Exchange layer: export to a folder (a USB stick) and import files, through the Store.

Exports are signed with this installation's key, which the store loads (the exchange layer
never touches key files); imports are verified here and judged by the store's key registry
before anything is merged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from domain.exchange_records import ExportScope, MergeReport
from exchange.errors import ExportWriteError, RejectedFile, WriteCode
from exchange.format import EXTENSION
from exchange.reader import read_exchange_file
from exchange.safe_write import safe_file_stem, unique_export_name, write_export_atomically
from exchange.signature import Signer
from exchange.writer import write_bundle
from runtime.gc_pause import cycle_collector_paused

if TYPE_CHECKING:
    from models.store import Store


def export_file_stem(unit_label: str, today: dt.date | None = None) -> str:
    """省公安厅-20261126: the unit and the date, as the issue of the file says."""
    day = (today or dt.date.today()).strftime("%Y%m%d")
    return safe_file_stem(f"{unit_label}-{day}")


def export_to(
    store: Store,
    target: Path,
    scope: ExportScope = ExportScope.UNIT,
    *,
    unit_name: str | None = None,
    plan_id: str | None = None,
    signer: Signer | None = None,
) -> Path:
    """Write an export safely; ``target`` is a folder (a new name is chosen) or a file name
    that must not exist yet (exports never overwrite). Signed by ``signer``, by default this
    installation's key (``Store.signer()``: made on first use; StoreError ``key_locked``
    when it is protected by a passphrase, which the caller must then ask for)."""
    bundle = store.export_bundle(scope, unit_name=unit_name, plan_id=plan_id)
    key = signer if signer is not None else store.signer()
    sender = bundle.manifest.sender
    target = Path(target)
    if target.is_dir():
        label = unit_name or sender.unit_name or "协调办公室"
        if scope is ExportScope.PLAN_ONLY:
            label += "-方案更新"
        folder = target
        name = unique_export_name(folder, export_file_stem(label), EXTENSION)
    else:
        folder, name = target.parent, target.name
        if not folder.is_dir():
            raise ExportWriteError(WriteCode.MISSING_FOLDER, str(folder))

    def build(path: Path) -> None:
        write_bundle(bundle, path, signer=key, chunks=store.attachment_chunk)

    def verify(path: Path) -> None:
        # The importer's own reader must accept what we wrote (in place: our own file).
        read_exchange_file(path, copy=False).close()

    return write_export_atomically(build, folder, name, verify=verify)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """One file's result: a report, or the reason the whole file was refused."""

    path: Path
    report: MergeReport | None = None
    rejected_code: str | None = None
    rejected_detail: str = ""
    #: What a refused file claimed about its sender (unit_name …), for the message only.
    claimed: dict[str, str] = field(default_factory=dict)

    @property
    def refused(self) -> bool:
        return self.report is None or "refused" in self.report.extra

    @property
    def trust_code(self) -> str | None:
        """Why the key registry would refuse (or refused) to merge it; None if it accepts."""
        return self.report.extra.get("trust") if self.report else None

    @property
    def merged(self) -> bool:
        """Something of this file went into the database (so a backup was taken first)."""
        return bool(self.report and self.report.applied and not self.refused)

    @property
    def has_problems(self) -> bool:
        return self.refused or bool(self.trust_code) or bool(self.report and self.report.rejected)


def import_file(
    store: Store, path: Path, *, dry_run: bool = False, backup: bool = True
) -> ImportOutcome:
    """Open the file as untrusted input (signature checked), then preview or merge it in one
    transaction; the store refuses to merge a file its key registry does not accept."""
    with cycle_collector_paused():  # a long file's rows and records: see gc_pause
        return _import_file(store, path, dry_run=dry_run, backup=backup)


def _import_file(store: Store, path: Path, *, dry_run: bool, backup: bool) -> ImportOutcome:
    try:
        read = read_exchange_file(Path(path))
    except RejectedFile as exc:
        return ImportOutcome(
            Path(path), rejected_code=str(exc.code), rejected_detail=exc.detail,
            claimed=exc.claimed,
        )  # fmt: skip
    name = Path(path).name
    with read:  # its checked private copy stays open while attachments are copied in
        if dry_run:
            report = store.preview_import(read.bundle, name, read.file_sha256)
        else:
            report = store.apply_import(
                read.bundle, name, read.file_sha256, backup=backup, chunks=read.chunk
            )
    if "refused" in report.extra:
        return ImportOutcome(Path(path), report, report.extra["refused"])
    return ImportOutcome(Path(path), report)


def import_files(
    store: Store, paths: Iterable[Path], *, dry_run: bool = False
) -> Iterator[ImportOutcome]:
    """Import several files as one batch: each is still its own transaction (all of it or
    none), and the database is copied once, before the first file that changes it."""
    backed_up = False
    for path in paths:
        outcome = import_file(store, path, dry_run=dry_run, backup=not backed_up)
        backed_up = backed_up or outcome.merged
        yield outcome
