"""An importing process killed at random points leaves all or none of the file."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from domain.enums import ProgressStatus
from domain.exchange_records import ExportScope
from domain.records import ProgressRevision
from exchange.writer import write_bundle
from tests.conftest import REPO_ROOT
from tests.exchange.offices import office, trust_senders

KILLS = int(os.environ.get("DUBAN_IMPORT_KILLS", "24"))
REVISIONS = 3000


def big_export(tmp: Path) -> Path:
    police = office(tmp, "police", "省公安厅")
    bundle = police.export_bundle(ExportScope.UNIT)
    sender = bundle.manifest.sender
    tasks = [t for t in police.plan_view().all_tasks() if t.has_unit(sender.unit_id or "")]
    revisions = [
        ProgressRevision(
            revision_id=str(uuid.uuid4()),
            report_id=str(uuid.uuid4()),
            parent_revision_id=None,
            task_id=tasks[i % len(tasks)].id,
            unit_id=sender.unit_id or "",
            unit_name="",
            author_installation_id=sender.installation_id,
            author_seq=i + 1,
            lamport=i + 1,
            authored_at="2026-01-01T00:00:00+00:00",
            status=ProgressStatus.IN_PROGRESS,
            percent=i % 100,
            report_date=dt.date(2026, 1, 1),
            work_done=f"第{i}次报告" * 20,
        )  # fmt: skip
        for i in range(REVISIONS)
    ]
    path = tmp / "big.duban"
    write_bundle(
        dataclasses.replace(bundle, revisions=tuple(revisions)), path, signer=police.signer()
    )
    police.close()
    return path


@pytest.mark.slow
def test_kill_during_import_is_all_or_nothing(tmp_path: Path) -> None:
    exchange_file = big_export(tmp_path)
    base = tmp_path / "base.sqlite"
    base_office = office(tmp_path, "base", None)
    trust_senders(base_office, exchange_file)  # signed by police's key, confirmed here
    base_office.close()
    counts: dict[int, int] = {}
    rng = random.Random(1234)
    env = dict(os.environ, DUBAN_DATA_DIR=str(tmp_path / "data"))
    for run in range(KILLS):
        db = tmp_path / f"run{run}.sqlite"
        shutil.copy(base, db)
        proc = subprocess.Popen(
            [sys.executable, str(REPO_ROOT / "main.py"), "exchange", "import", "--db", str(db),
             str(exchange_file)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
        )  # fmt: skip
        time.sleep(rng.uniform(0.05, 1.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            n = conn.execute("SELECT count(*) FROM progress_revisions").fetchone()[0]
        finally:
            conn.close()
        assert n in (0, REVISIONS), f"run {run}: {n} revisions, a partial import"
        counts[n] = counts.get(n, 0) + 1
    # The figures say whether kills landed before and after the commit.
    print(f"kills: {KILLS}, none imported: {counts.get(0, 0)}, all: {counts.get(REVISIONS, 0)}")
