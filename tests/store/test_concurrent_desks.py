"""Several clerks writing one database at the same moment (separate processes, as separate
desks are): every entry stored exactly once, the installation's sequence numbers without a
gap or a repeat, the same stick imported by two desks at once merged once.

On SQLite the desks take turns (BEGIN IMMEDIATE); on the server they run side by side and
the installation row's lock (and a retry on a conflict) keeps the counters right.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from models.locations import DatabaseLocation
from models.store import Store
from tests.exchange.offices import export, office, query, report, trust_each_other

REPO_ROOT = Path(__file__).resolve().parents[2]
DESKS = 4
ENTRIES_PER_DESK = 25

DESK_SCRIPT = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from domain.enums import ProgressStatus
    from domain.records import ProgressInput
    from models.store import Store

    where, desk, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    store = Store.open(where)
    jobs = [(store.find_task_id(None, n), store.find_unit_id(u))
            for n, u in ((23, "省公安厅"), (25, "哈尔滨海关"), (20, "省公安厅"))]
    Path(f"{go}.ready{desk}").touch()
    while not go.exists():  # all desks start together
        time.sleep(0.005)
    for i in range(count):
        task, unit = jobs[i % len(jobs)]
        store.record_progress(ProgressInput(
            task_id=task, unit_id=unit, status=ProgressStatus.IN_PROGRESS, percent=i % 100,
            report_date=dt.date(2026, 5, 1), work_done=f"desk{desk}-entry{i}",
            reporter="张三", reason="逐条录入"))
    store.close()
    """
)

IMPORT_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from exchange.service import import_file
    from models.store import Store

    where, file, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    store = Store.open(where)
    Path(f"{go}.ready{sys.argv[4]}").touch()
    while not go.exists():
        time.sleep(0.005)
    outcome = import_file(store, file, backup=False)
    assert outcome.rejected_code is None, outcome
    print("new" if outcome.report.new_revisions else "already")
    store.close()
    """
)


def start_desks(script: str, argv: list[list[str]]) -> list[subprocess.Popen[str]]:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return [
        subprocess.Popen(
            [sys.executable, "-c", script, *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for args in argv
    ]


def release(go: Path, count: int) -> None:
    """Start every desk at once, when all have opened the database."""
    deadline = time.monotonic() + 120
    while not all(Path(f"{go}.ready{d}").exists() for d in range(count)):
        assert time.monotonic() < deadline, "a desk did not get ready"
        time.sleep(0.01)
    go.touch()


def finish(desks: list[subprocess.Popen[str]]) -> list[str]:
    outputs = []
    for desk in desks:
        out, err = desk.communicate(timeout=300)
        assert desk.returncode == 0, err
        outputs.append(out.strip())
    return outputs


def test_desks_adding_reports_at_once_store_each_once_without_gaps(
    db_location: DatabaseLocation, tmp_path: Path
) -> None:
    with Store.open(db_location) as store:
        store.set_office(None, coordinating_office=True)
        installation = store.installation().id
    go = tmp_path / "go"
    desks = start_desks(
        DESK_SCRIPT,
        [[str(db_location), str(d), str(ENTRIES_PER_DESK), str(go)] for d in range(DESKS)],
    )
    release(go, DESKS)
    finish(desks)
    rows = query(
        db_location,
        "SELECT work_done, author_installation_id, author_seq, lamport FROM progress_revisions",
    )
    expected = {f"desk{d}-entry{i}" for d in range(DESKS) for i in range(ENTRIES_PER_DESK)}
    texts = [r[0] for r in rows]
    assert len(texts) == len(expected) and set(texts) == expected  # each exactly once
    assert {r[1] for r in rows} == {installation}
    total = DESKS * ENTRIES_PER_DESK
    assert sorted(r[2] for r in rows) == list(range(1, total + 1))  # gap-free, no repeat
    assert len({r[3] for r in rows}) == total  # Lamport counters never handed out twice
    with Store.open(db_location) as store:
        after = store.installation()
        assert after.next_seq == total + 1 and after.lamport == max(r[3] for r in rows)


@pytest.mark.postgresql
def test_the_same_stick_imported_by_three_desks_at_once_merges_once(
    pg_url: str, tmp_path: Path
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = Store.open(pg_url)
    coord.set_office(None, coordinating_office=True)
    trust_each_other(police, coord)
    for percent in (10, 20, 30):
        report(police, 23, "省公安厅", percent)
    file = export(police, tmp_path / "usb")
    coord.close()
    go = tmp_path / "go"
    desks = start_desks(IMPORT_SCRIPT, [[pg_url, str(file), str(go), str(d)] for d in range(3)])
    release(go, 3)
    outcomes = finish(desks)
    assert sorted(outcomes) == ["already", "already", "new"]
    assert query(pg_url, "SELECT count(*) FROM progress_revisions") == [[3]]
    assert query(pg_url, "SELECT count(*) FROM imported_files") == [[1]]
    assert query(pg_url, "SELECT outcome FROM import_log") == [["merged"]]
