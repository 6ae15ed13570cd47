"""Benchmark layer: importing units' exchange files into a store of years of data.

Subject: ``exchange.service.import_files`` over N unit files (read as untrusted
input, signature and digest checked, merged in one transaction after a backup copy), then
the same files again. Floor: a bare sqlite3 script that ATTACHes each file and does
``INSERT OR IGNORE`` of the same rows into ``progress_revisions`` — the least any import
of these rows can cost.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from bench import datagen
from bench.common import Row, median_pair, timed
from domain.enums import ProgressStatus
from domain.exchange_records import ExchangeBundle, ExportScope, Manifest, Sender
from domain.records import ProgressRevision
from exchange import codec
from exchange.reader import read_exchange_file
from exchange.service import import_files
from exchange.writer import write_bundle
from models.database import backup_database
from models.store import Store
from runtime.version import __version__
from signing.keys import InstallationKey, fingerprint_of

GROUP = "exchange"


@dataclass(frozen=True, slots=True)
class UnitSource:
    """A unit's PC as the store knows it, and the plan its file will report on."""

    sender: Sender
    plan_id: str
    fingerprint: str
    title: str
    task_ids: tuple[str, ...]
    next_seq: int


def unit_sources(db: Path, count: int) -> tuple[list[UnitSource], int]:
    """Up to ``count`` units' installations, each with a plan it has tasks in; and the
    store's highest Lamport counter (new files continue after it)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        lamport = conn.execute("SELECT max(lamport) FROM progress_revisions").fetchone()[0] or 0
        sources = []
        installs = conn.execute(
            "SELECT id, name, unit_id, unit_name FROM known_installations "
            "WHERE unit_id IS NOT NULL ORDER BY unit_name"
        ).fetchall()
        for inst_id, name, unit_id, unit_name in installs[:count]:
            plan = conn.execute(
                "SELECT p.id, p.fingerprint, p.title FROM plans p JOIN tasks t ON t.plan_id = p.id "
                "JOIN assignments a ON a.task_id = t.id WHERE a.unit_id = ? "
                "GROUP BY p.id ORDER BY count(*) DESC, p.position LIMIT 1",
                (unit_id,),
            ).fetchone()
            tasks = conn.execute(
                "SELECT t.id FROM tasks t JOIN assignments a ON a.task_id = t.id "
                "WHERE t.plan_id = ? AND a.unit_id = ? ORDER BY t.position",
                (plan[0], unit_id),
            ).fetchall()
            seq = conn.execute(
                "SELECT coalesce(max(author_seq), 0) FROM progress_revisions "
                "WHERE author_installation_id = ?",
                (inst_id,),
            ).fetchone()[0]
            sender = Sender(inst_id, name, unit_id, unit_name, False)
            sources.append(
                UnitSource(sender, plan[0], plan[1], plan[2], tuple(t for (t,) in tasks), seq + 1)
            )
        return sources, lamport
    finally:
        conn.close()


def unit_bundle(source: UnitSource, revisions: int, lamport: int, seed: int) -> ExchangeBundle:
    """A unit's export: ``revisions`` new revisions in report chains of 5 on its tasks."""
    rng = random.Random(seed)
    sender = source.sender
    out: list[ProgressRevision] = []
    parent: str | None = None
    report_id = ""
    for i in range(revisions):
        step = i % 5
        if step == 0:
            report_id, parent = str(uuid.UUID(int=rng.getrandbits(128), version=4)), None
        revision_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        percent = (step + 1) * 20
        out.append(
            ProgressRevision(
                revision_id=revision_id,
                report_id=report_id,
                parent_revision_id=parent,
                task_id=source.task_ids[(i // 5) % len(source.task_ids)],
                unit_id=sender.unit_id or "",
                unit_name=sender.unit_name,
                author_installation_id=sender.installation_id,
                author_seq=source.next_seq + i,
                lamport=lamport + i + 1,
                authored_at="2020-03-01T09:00:00+00:00",
                status=ProgressStatus.DONE if percent == 100 else ProgressStatus.IN_PROGRESS,
                percent=percent,
                report_date=dt.date(2020, 3, 1) + dt.timedelta(days=i // 5),
                work_done=f"{rng.choice(datagen.WORK)}，{rng.choice(datagen.CLAUSES)}。",
                reporter="联络员",
            )
        )
        parent = revision_id
    manifest = Manifest(
        format_version=0,
        app_version=__version__,
        export_id=str(uuid.uuid4()),
        sender=sender,
        plan_id=source.plan_id,
        plan_fingerprint=source.fingerprint,
        plan_title=source.title,
        created_at="2020-03-02T09:00:00+00:00",
        scope=ExportScope.UNIT,
        counts={},
        records_sha256="",
    )
    return ExchangeBundle(manifest, (sender,), tuple(out), ())


def _write(bundle: ExchangeBundle, path: Path) -> None:
    """Signed (format 2) with a fresh key per unit; the importing office registers it."""
    write_bundle(bundle, path, signer=InstallationKey.generate())


def make_unit_files(db: Path, folder: Path, files: int, per_file: int) -> list[Path]:
    sources, lamport = unit_sources(db, files)
    paths = []
    for n, source in enumerate(sources):
        path = folder / f"unit-{n:02d}.duban"
        _write(unit_bundle(source, per_file, lamport, seed=n), path)
        paths.append(path)
    return paths


def trust_senders(store: Store, files: list[Path]) -> None:
    """登记 each file's signing key, as the office clerk does from the registration card."""
    for path in files:
        bundle = read_exchange_file(path).bundle
        if bundle.signature is not None:
            key = bundle.signature.public_key
            store.trust_key(bundle.manifest.sender, key, fingerprint_of(key))


def product_import(db: Path, files: list[Path], per_file: int) -> tuple[float, float]:
    """Seconds for importing every file through the service, then for importing them again."""
    with Store.open(db) as store:
        trust_senders(store, files)

        # As a clerk imports a stack of files: one batch, one backup copy before it.
        def first() -> None:
            for outcome in import_files(store, files):
                assert outcome.report is not None and not outcome.refused, outcome
                assert outcome.report.new_revisions == per_file, outcome.report

        def again() -> None:
            for outcome in import_files(store, files):
                assert outcome.report is not None and outcome.report.already_imported

        return timed(first), timed(again)


def floor_import(db: Path, files: list[Path]) -> tuple[float, float]:
    """The floor: ATTACH each file, INSERT OR IGNORE its rows, one transaction per file."""
    cols = ", ".join(codec.columns("progress_revisions"))
    conn = sqlite3.connect(str(db), isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")  # the store's own durability setting

    def run() -> None:
        for path in files:
            conn.execute("ATTACH DATABASE ? AS f", (str(path),))
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                f"INSERT OR IGNORE INTO progress_revisions ({cols}) "
                f"SELECT {cols} FROM f.progress_revisions"
            )
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE f")

    try:
        return timed(run), timed(run)
    finally:
        conn.close()


def run(
    sizes: datagen.Sizes, files: int, per_file: int, repeat: int, large: int = 100_000
) -> list[Row]:
    """The 30 unit files, then one file of ``large`` revisions (``large_import_bench``)."""
    from bench import large_import_bench

    rows = _many_files(sizes, files, per_file, repeat)
    return rows + large_import_bench.run(sizes, large, repeat)


def _many_files(sizes: datagen.Sizes, files: int, per_file: int, repeat: int) -> list[Row]:
    store = datagen.cached_store(sizes)
    total = sizes.plans * sizes.tasks * sizes.revisions
    with tempfile.TemporaryDirectory(prefix="duban-bench-exchange-") as tmp:
        folder = Path(tmp)
        paths = make_unit_files(store, folder, files, per_file)
        seconds: dict[str, float] = {}
        backups: list[float] = []

        def subject() -> float:
            db = datagen.copy_store(store, folder / "subject.sqlite")
            first, again = product_import(db, paths, per_file)
            seconds["again"] = seconds.get("again", 0.0) + again
            # What one of the per-file safety copies costs on a store this size.
            backups.append(timed(lambda: backup_database(db, reason="bench")))
            _cleanup(db)
            return first

        def floor() -> float:
            db = datagen.copy_store(store, folder / "floor.sqlite")
            first, again = floor_import(db, paths)
            seconds["floor_again"] = seconds.get("floor_again", 0.0) + again
            _cleanup(db)
            return first

        ours, theirs, _, _ = median_pair(subject, floor, repeat)
    what = f"{len(paths)} files × {per_file} revisions into {total:,} revisions"
    again = seconds["again"] / repeat
    floor_again = seconds["floor_again"] / repeat
    return [
        Row(GROUP, f"import {what}", ours, "s", theirs, "sqlite3 floor", max_ratio=3.0),
        Row(
            GROUP, "re-import of the same files", again, "s", theirs, "sqlite3 floor", max_ratio=1.0
        ),
        Row(GROUP, "floor re-import (all rows ignored)", floor_again, "s", note="for reference"),
        Row(
            GROUP,
            "one before-import backup copy of the store",
            statistics.median(backups),
            "s",
            note="made once, before the first merge of the batch",
        ),
    ]


def _cleanup(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    backups = db.with_name(db.name + ".backups")
    if backups.exists():
        for f in backups.iterdir():
            f.unlink()
        backups.rmdir()
