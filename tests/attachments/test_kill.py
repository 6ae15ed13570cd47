"""kill -9 while exporting or importing a file with a large attachment leaves nothing
half-written: no broken file under a final name, and a database with all or none of it."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from domain.attachments import AttachmentFile
from exchange.format import EXTENSION
from exchange.reader import read_exchange_file
from tests.attachments import samples
from tests.attachments.test_store import entry
from tests.conftest import REPO_ROOT
from tests.exchange.offices import export, office, trust_each_other

KILLS = int(os.environ.get("DUBAN_ATTACHMENT_KILLS", "5"))
SCAN_MB = 24


def _run_and_kill(args: list[str], delay: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "main.py"), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@pytest.mark.slow
def test_kill_during_export_and_import_with_a_large_attachment(tmp_path: Path) -> None:
    unit = office(tmp_path, "ip", "省知识产权局")
    hq = office(tmp_path, "hq", None)
    trust_each_other(unit, hq)
    scan = samples.pdf_bytes(1) + b"%" + os.urandom(SCAN_MB * 1024 * 1024)
    path = samples.write(tmp_path / "材料", "扫描件.pdf", scan)
    unit.record_progress(entry(unit, 1, "省知识产权局", attachments=(AttachmentFile(str(path)),)))
    good = export(unit, tmp_path / "good")
    unit_db, hq_db = unit.path, hq.path
    unit.close()
    hq.close()
    rng = random.Random(15)

    usb = tmp_path / "usb"
    usb.mkdir()
    for _ in range(KILLS):
        _run_and_kill(
            ["exchange", "export", "--db", str(unit_db), "-o", str(usb)], rng.uniform(0.3, 4.0)
        )
    finished = [p for p in usb.iterdir() if p.name.endswith(EXTENSION)]
    for final in finished:  # whatever has a final name is complete and checks out
        with read_exchange_file(final) as read:
            assert read.bundle.blobs[0].size == len(scan)

    outcomes = {"none": 0, "all": 0}
    for run in range(KILLS):
        db = tmp_path / f"hq{run}.sqlite"
        shutil.copy(hq_db, db)
        _run_and_kill(["exchange", "import", "--db", str(db), str(good)], rng.uniform(0.5, 7.0))
        with closing(sqlite3.connect(db)) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            revisions = conn.execute("SELECT count(*) FROM progress_revisions").fetchone()[0]
            blobs = conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0]
            chunks = conn.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0]
            links = conn.execute("SELECT count(*) FROM revision_attachments").fetchone()[0]
        state = (revisions, blobs, chunks, links)
        assert state in ((0, 0, 0, 0), (1, 1, SCAN_MB + 1, 1)), f"run {run}: {state}"
        outcomes["all" if revisions else "none"] += 1
    print(f"exports finished {len(finished)} of {KILLS}; imports {outcomes}")
