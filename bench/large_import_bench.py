"""Benchmark layer: one exchange file with 100,000 revisions, imported at the office.

Subject: ``exchange.service.import_files`` of that one file (read as untrusted input,
signature and digest checked, authority checks, merged in one transaction after the
before-import backup copy), in a fresh child process that times the call and reads its
own peak memory (VmHWM: ``ru_maxrss`` of a forked child keeps the parent's mark).

Floor: a bare ``sqlite3`` script in a child of its own that reads the same rows out of
the file and inserts them (``executemany``, ``INSERT OR IGNORE``, one transaction,
``synchronous=FULL`` like the store) into a copy of the same store — the least any import
of these rows through Python can cost. The same with ``ATTACH`` and ``INSERT … SELECT``
(no Python per row at all) is printed beside it for reference.

Both run on copies of the cached 200,000-revision store (``bench/datagen.py``); the file
(its unit's report chains of five, a fresh signing key) is built once into bench/.cache.

    python bench/large_import_bench.py child-import STORE FILE   # what run() starts
    python bench/large_import_bench.py child-floor STORE FILE
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import datagen  # noqa: E402
from bench.common import Row  # noqa: E402

GROUP = "exchange"
REVISIONS = 100_000
MAX_PEAK_MB = 250.0
CHILD_TIMEOUT_S = 600.0


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def large_file(store: Path, revisions: int, folder: Path = datagen.CACHE_DIR) -> tuple[Path, Path]:
    """(the exchange file, its signer's PEM key) for ``store``, built once into ``folder``
    (bench/.cache): one unit's ``revisions`` new revisions on its tasks in one plan."""
    from bench.exchange_bench import unit_bundle, unit_sources
    from exchange.writer import write_bundle
    from signing.keys import InstallationKey

    key = f"large-{revisions}-{store.stem}"
    path = folder / f"{key}.duban"
    pem = folder / f"{key}.pem"
    if path.exists() and pem.exists():
        return path, pem
    started = time.perf_counter()
    sources, lamport = unit_sources(store, 1)
    signer = InstallationKey.generate()
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    write_bundle(unit_bundle(sources[0], revisions, lamport, seed=100), partial, signer=signer)
    pem.write_bytes(signer.to_pem())
    partial.replace(path)
    print(f"built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path, pem


def trusted_copy(store: Path, target: Path, pem: Path, file: Path) -> Path:
    """A copy of ``store`` where the file's signing key is registered (登记), as the
    clerk does from the unit's registration card before the first import."""
    from domain.exchange_records import Sender
    from models.store import Store
    from signing.keys import InstallationKey, fingerprint_of

    datagen.copy_store(store, target)
    key = InstallationKey.from_pem(pem.read_bytes())
    with sqlite3.connect(f"file:{file}?mode=ro", uri=True) as conn:
        items = dict(conn.execute("SELECT key, value FROM manifest"))
    sender = Sender(
        items["installation_id"],
        items["installation_name"],
        items["unit_id"] or None,
        items["unit_name"],
        items["is_coordinating_office"] == "1",
    )
    with Store.open(target) as s:
        s.trust_key(sender, key.public_key, fingerprint_of(key.public_key))
    return target


# --- children ---------------------------------------------------------------------------
def child_import(store: Path, file: Path) -> dict[str, Any]:
    from exchange.service import import_files
    from models.store import Store

    with Store.open(store) as s:
        started = time.perf_counter()
        outcomes = list(import_files(s, [file]))
        seconds = time.perf_counter() - started
    report = outcomes[0].report
    assert report is not None and not outcomes[0].refused, outcomes[0]
    return {"seconds": seconds, "peak_mb": peak_mb(), "new": report.new_revisions}


def child_floor(store: Path, file: Path) -> dict[str, Any]:
    from exchange import codec

    cols = codec.columns("progress_revisions")
    names = ", ".join(cols)
    marks = ", ".join("?" for _ in cols)
    conn = sqlite3.connect(str(store), isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    source = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    cursor = source.execute(f"SELECT {names} FROM progress_revisions")
    count = 0
    while batch := cursor.fetchmany(5000):
        conn.executemany(
            f"INSERT OR IGNORE INTO progress_revisions ({names}) VALUES ({marks})", batch
        )
        count += len(batch)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    source.close()
    # For reference: no Python per row at all (rows already there: undo them first).
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("ATTACH DATABASE ? AS f", (str(file),))
    conn.execute(
        "DELETE FROM progress_revisions WHERE revision_id IN "
        "(SELECT revision_id FROM f.progress_revisions)"
    )
    conn.execute("COMMIT")
    conn.execute("BEGIN IMMEDIATE")
    attach_started = time.perf_counter()
    conn.execute(
        f"INSERT OR IGNORE INTO progress_revisions ({names}) "
        f"SELECT {names} FROM f.progress_revisions"
    )
    conn.execute("COMMIT")
    attach_seconds = time.perf_counter() - attach_started
    conn.close()
    return {
        "seconds": seconds,
        "attach_seconds": attach_seconds,
        "peak_mb": peak_mb(),
        "new": count,
    }


def child(kind: str, store: Path, file: Path) -> dict[str, Any]:
    """Run ``child-import`` or ``child-floor`` in a fresh interpreter; its JSON result."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), kind, str(store), str(file)],
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT_S,
        env=env,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{kind} failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(sizes: datagen.Sizes, revisions: int, repeat: int) -> list[Row]:
    store = datagen.cached_store(sizes)
    file, pem = large_file(store, revisions)
    ours: list[dict[str, Any]] = []
    floors: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="duban-bench-large-") as tmp:
        folder = Path(tmp)
        # Interleaved (floor, import, floor, import …): a burst of load hits both.
        for _ in range(repeat):
            for kind, out in (("child-floor", floors), ("child-import", ours)):
                db = trusted_copy(store, folder / "store.sqlite", pem, file)
                result = child(kind, db, file)
                assert result["new"] == revisions, result
                out.append(result)
                cleanup(db)
    seconds = statistics.median(r["seconds"] for r in ours)
    floor = statistics.median(r["seconds"] for r in floors)
    attach = statistics.median(r["attach_seconds"] for r in floors)
    peak = max(r["peak_mb"] for r in ours)
    mb = file.stat().st_size / 2**20
    what = f"import of one file with {revisions:,} revisions ({mb:.0f} MB)"
    return [
        Row(GROUP, what, seconds, "s", floor, "sqlite3 floor", max_ratio=3.0),
        Row(GROUP, "that import's peak memory (child's VmHWM)", peak, "MB", below=MAX_PEAK_MB),
        Row(
            GROUP,
            "floor with ATTACH and INSERT … SELECT",
            attach,
            "s",
            note=f"for reference; floor child's peak {max(r['peak_mb'] for r in floors):.0f} MB",
        ),
    ]


def cleanup(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    backups = db.with_name(db.name + ".backups")
    if backups.exists():
        for f in backups.iterdir():
            f.unlink()
        backups.rmdir()


if __name__ == "__main__":
    kind, db_arg, file_arg = sys.argv[1:4]
    main = {"child-import": child_import, "child-floor": child_floor}[kind]
    print(json.dumps(main(Path(db_arg), Path(file_arg))))
