"""Test helpers: a small sample exchange format built on the generic safe_sqlite layer.

It mirrors what the real Duban format layer does (manifest with counts and a content digest,
STRICT record tables), so the hostile-file, fuzz and kill tests exercise the whole reading
path. Shared by the tests in this folder and by ``bench/fuzz_reader.py``.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import struct
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Mapping
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from exchange.errors import RejectCode, RejectedFile
from exchange.safe_rows import Blob, Integer, Real, Text, ValueCheck, canonical_digest, read_rows
from exchange.safe_sqlite import open_untrusted, open_untrusted_bytes

APP_ID = 0x44554241  # "DUBA"
FORMAT_VERSION = 2
SUPPORTED_VERSIONS = range(1, FORMAT_VERSION + 1)

MANIFEST_SQL = "CREATE TABLE manifest(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT"
UNIT_SQL = "CREATE TABLE unit(id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL) STRICT"
REVISION_COLUMNS = """
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT NOT NULL REFERENCES unit(id),
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    score REAL,
    attachment BLOB
"""
REVISION_SQL = f"CREATE TABLE revision({REVISION_COLUMNS})  STRICT"
REVISION_LOOSE_SQL = f"CREATE TABLE revision({REVISION_COLUMNS})"  # the same, not STRICT
INDEX_SQL = "CREATE INDEX revision_by_unit ON revision(unit_id, seq)"

SCHEMA_V2: dict[str, str] = {
    "manifest": MANIFEST_SQL,
    "unit": UNIT_SQL,
    "revision": REVISION_SQL,
    "revision_by_unit": INDEX_SQL,
}
SCHEMA_V1: dict[str, str] = {k: v for k, v in SCHEMA_V2.items() if k != "revision_by_unit"}
SCHEMAS = {1: SCHEMA_V1, 2: SCHEMA_V2}

_ID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
TYPES: dict[str, dict[str, ValueCheck]] = {
    "manifest": {"key": Text(max_len=40, pattern=r"[a-z_]+"), "value": Text(max_len=200)},
    "unit": {"id": Text(max_len=36, pattern=_ID), "name": Text(max_len=100, min_len=1)},
    "revision": {
        "id": Text(max_len=36, pattern=_ID),
        "unit_id": Text(max_len=36, pattern=_ID),
        "seq": Integer(0, 1_000_000),
        "body": Text(max_len=20_000, multiline=True),
        "score": Real(0.0, 100.0, nullable=True),
        "attachment": Blob(max_len=4096, nullable=True),
    },
}
RECORD_TABLES = ("unit", "revision")

Rows = dict[str, list[tuple[object, ...]]]


def open_args(**overrides: object) -> dict[str, object]:
    args: dict[str, object] = {
        "expected_schema": SCHEMAS.__getitem__,
        "application_id": APP_ID,
        "supported_user_versions": SUPPORTED_VERSIONS,
    }
    args.update(overrides)
    return args


def fake_uuid(rng: random.Random) -> str:
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def sample_records(
    n_units: int = 3, n_revisions: int = 40, body_len: int = 1500, seed: int = 1
) -> Rows:
    """Deterministic records: Chinese text, multi-line bodies (some overflow pages), NULLs."""
    rng = random.Random(seed)
    units = [(fake_uuid(rng), f"单位{i} 督查室") for i in range(n_units)]
    revisions: list[tuple[object, ...]] = []
    for i in range(n_revisions):
        length = rng.randrange(10, body_len)
        body = f"第{i}次进展情况：已完成。\n" + "".join(
            rng.choice("督办落实推进") for _ in range(length)
        )
        score = None if i % 4 == 0 else round(rng.uniform(0, 100), 3)
        attachment = None if i % 3 else rng.randbytes(rng.randrange(0, 300))
        revisions.append((fake_uuid(rng), units[i % n_units][0], i, body, score, attachment))
    return {"unit": units, "revision": revisions}


def build_sample(
    records: Rows | None = None,
    *,
    version: int = FORMAT_VERSION,
    app_id: int = APP_ID,
    page_size: int = 1024,
    encoding: str | None = None,
    ddl: Mapping[str, str] | None = None,
    tamper: Callable[[sqlite3.Connection], None] | None = None,
    path: Path | None = None,
) -> bytes:
    """A valid sample file's bytes (manifest last, digest over what SQLite stored).

    ``tamper(conn)`` runs after the manifest is written, to craft hostile variants. With
    ``path`` the file is built on disk (for journal-mode tricks) and its bytes returned.
    """
    records = sample_records() if records is None else records
    conn = sqlite3.connect(path or ":memory:", isolation_level=None)
    with closing(conn):
        conn.execute(f"PRAGMA page_size={page_size}")
        if encoding:
            conn.execute(f"PRAGMA encoding='{encoding}'")
        conn.execute(f"PRAGMA application_id={app_id}")
        conn.execute(f"PRAGMA user_version={version}")
        for sql in (ddl or SCHEMAS[version]).values():
            conn.execute(sql)
        conn.execute("BEGIN")
        for table, rows in records.items():
            marks = ", ".join("?" * len(TYPES[table]))
            conn.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        stored = {t: read_rows(conn, t, list(TYPES[t]), types=TYPES[t]) for t in RECORD_TABLES}
        manifest = manifest_rows(stored)
        conn.executemany("INSERT INTO manifest VALUES (?, ?)", manifest)
        digest = canonical_digest({**stored, "manifest": manifest})
        conn.execute("INSERT INTO manifest VALUES ('digest', ?)", (digest,))
        conn.execute("COMMIT")
        if tamper is not None:
            tamper(conn)
        if path is None:
            return conn.serialize()
    return path.read_bytes()


def manifest_rows(records: Mapping[str, list[tuple[object, ...]]]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = [("format", "sample")]
    rows += [(f"{t}_count", str(len(records[t]))) for t in RECORD_TABLES]
    return rows


def read_sample(data: bytes | Path, **overrides: object) -> Rows:
    """The whole importer-side read: open, read checked rows, verify counts and digest."""
    args = open_args(**overrides)
    if isinstance(data, Path):
        opened = open_untrusted(data, **args)
    else:
        opened = open_untrusted_bytes(data, **args)
    with closing(opened) as conn:
        rows = {t: read_rows(conn, t, list(c), types=c, max_rows=100_000) for t, c in TYPES.items()}
    manifest = dict(rows["manifest"])
    digest = manifest.pop("digest", None)
    if sorted(manifest.items()) != sorted(manifest_rows(rows)):
        raise RejectedFile(RejectCode.COUNT_MISMATCH, repr(manifest)[:200])
    covered = {t: rows[t] for t in RECORD_TABLES}
    covered["manifest"] = [r for r in rows["manifest"] if r[0] != "digest"]
    if digest != canonical_digest(covered):
        raise RejectedFile(RejectCode.DIGEST_MISMATCH, "records differ from the manifest")
    return rows


def verify_sample_path(path: Path) -> None:
    """The ``verify`` hook for exports: the same reader the importer uses."""
    read_sample(Path(path))


def sorted_rows(rows: Rows) -> dict[str, list[str]]:
    return {t: sorted(repr(r) for r in rs) for t, rs in rows.items()}


# --- Mutation fuzzing ------------------------------------------------------------------------


def _page_size(data: bytes) -> int:
    raw = struct.unpack_from(">H", data, 16)[0]
    return 65536 if raw == 1 else raw


def _with_page_count(data: bytearray) -> bytearray:
    """Keep the header's page count in step with the length (to get past the pre-check)."""
    ps = _page_size(data)
    struct.pack_into(">I", data, 28, len(data) // ps)
    return data


def mutate(data: bytes, rng: random.Random) -> tuple[str, bytes]:
    """One random damage of ``data``: (kind, damaged bytes)."""
    out = bytearray(data)
    n, ps = len(out), _page_size(data)
    kind = rng.choices(
        ["flip_any", "flip_body", "smear", "truncate", "duplicate", "delete",
         "copy_page", "header_byte", "add_page", "drop_pages", "swap_bytes"],
        weights=[3, 6, 3, 1, 1, 1, 1, 1, 1, 1, 1],
    )[0]  # fmt: skip
    if kind in ("flip_any", "flip_body"):
        lo = 0 if kind == "flip_any" else 100
        for _ in range(rng.randint(1, 4)):
            out[rng.randrange(lo, n)] ^= rng.randrange(1, 256)
    elif kind == "smear":
        start, width = rng.randrange(100, n), rng.randint(1, 64)
        fill = rng.choice([b"\x00", b"\xff", None])
        chunk = rng.randbytes(width) if fill is None else fill * width
        out[start : start + width] = chunk[: n - start]
    elif kind == "truncate":
        del out[rng.randrange(n) :]
    elif kind == "duplicate":
        start = rng.randrange(n)
        piece = out[start : start + rng.randint(1, 4096)]
        at = rng.randrange(n)
        out[at:at] = piece
    elif kind == "delete":
        start = rng.randrange(n)
        del out[start : start + rng.randint(1, 4096)]
    elif kind == "copy_page":
        src, dst = rng.randrange(n // ps) * ps, rng.randrange(1, n // ps) * ps
        out[dst : dst + ps] = data[src : src + ps]
    elif kind == "header_byte":
        out[rng.randrange(100)] = rng.randrange(256)
    elif kind == "add_page":
        out += rng.choice([bytes(ps), data[-ps:], rng.randbytes(ps)])
        _with_page_count(out)
    elif kind == "drop_pages":
        del out[max(ps, n - ps * rng.randint(1, 3)) :]
        _with_page_count(out)
    else:  # swap_bytes
        a, b, width = rng.randrange(100, n), rng.randrange(100, n), rng.randint(1, 32)
        if a + width <= n and b + width <= n:
            out[a : a + width], out[b : b + width] = data[b : b + width], data[a : a + width]
    return kind, bytes(out)


@dataclass
class FuzzReport:
    mutations: int = 0
    unchanged: int = 0  # mutation produced identical bytes (skipped)
    accepted_intact: int = 0  # accepted, content identical to the original
    damaged_but_accepted: int = 0  # accepted with different content: must stay 0
    rejected: Counter[str] = field(default_factory=Counter)
    uncaught: Counter[str] = field(default_factory=Counter)  # must stay empty
    examples: list[tuple[str, bytes]] = field(default_factory=list)  # failures, for debugging


def read_canonical(data: bytes) -> object:
    """The sample reader, returning content in a comparable (order-free) form."""
    return sorted_rows(read_sample(data))


def fuzz(
    data: bytes, mutations: int, seed: int, *, read: Callable[[bytes], object] = read_canonical
) -> FuzzReport:
    """Damage ``data`` ``mutations`` times; classify every outcome of the full reader.

    ``read(bytes)`` is the whole importer-side read returning comparable content (the real
    format layer can pass its own); it must raise only ``RejectedFile``.
    """
    rng = random.Random(seed)
    original = read(data)
    report = FuzzReport()
    for _ in range(mutations):
        kind, damaged = mutate(data, rng)
        report.mutations += 1
        if damaged == data:
            report.unchanged += 1
            continue
        try:
            content = read(damaged)
        except RejectedFile as exc:
            report.rejected[str(exc.code)] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - counting exactly these is the point
            report.uncaught[f"{type(exc).__name__}: {exc}"[:120]] += 1
            report.examples.append((kind, damaged))
            continue
        if content == original:
            report.accepted_intact += 1
        else:
            report.damaged_but_accepted += 1
            report.examples.append((kind, damaged))
    return report


# --- kill -9 during export ----------------------------------------------------------------

_EXPORT_CHILD = """
import sys, time
from pathlib import Path
from tests.exchange import exchange_samples as s
from exchange.safe_write import write_export_atomically
def verify(path):
    s.verify_sample_path(path)
    print(f"verified {time.perf_counter() - start:.6f}", flush=True)
def naive(data, folder, name, verify):  # the control: straight to the final name
    (folder / "check.tmp").write_bytes(data)
    verify(folder / "check.tmp")
    with open(folder / name, "wb") as f:
        for i in range(0, len(data), 65536):
            f.write(data[i : i + 65536])
write = naive if sys.argv[4] == "naive" else write_export_atomically
data = Path(sys.argv[1]).read_bytes()
print("ready", flush=True)
start = time.perf_counter()
write(data, Path(sys.argv[2]), sys.argv[3], verify=verify)
print(f"done {time.perf_counter() - start:.6f}", flush=True)
"""


def _export_child(
    source: Path, folder: Path, name: str, naive: bool = False
) -> subprocess.Popen[str]:
    root = Path(__file__).resolve().parents[2]
    local_tmp = folder.parent / "local-tmp"  # killed children leave their temp files here
    local_tmp.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(root)}
    env.update(TMPDIR=str(local_tmp), TEMP=str(local_tmp), TMP=str(local_tmp))
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            _EXPORT_CHILD,
            str(source),
            str(folder),
            name,
            str(naive and "naive"),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def kill_exports(
    source: Path, workdir: Path, kills: int, seed: int, *, naive: bool = False
) -> Counter[str]:
    """Start exporting subprocesses and kill -9 each at a random moment of its writing.

    ``naive=True`` runs the control instead: writing straight to the final name.

    Returns outcome counts: ``complete`` (final file present and identical to the source),
    ``partial_only``, ``nothing`` and ``broken`` (a damaged file under the final name: the
    one outcome that must never happen).
    """
    expected = source.read_bytes()
    name = "督办 导出 单位甲.duban"
    calibration = workdir / "calibration"
    calibration.mkdir()
    child = _export_child(source, calibration, name, naive)
    out, _ = child.communicate(timeout=120)
    times = dict(line.split() for line in out.splitlines() if " " in line)
    total_s = float(times["done"])  # from "ready" to "done"
    writing_s = total_s - float(times["verified"])  # the part that touches the target folder
    rng = random.Random(seed)
    outcomes: Counter[str] = Counter()
    for i in range(kills):
        folder = workdir / f"导出 {i}"
        folder.mkdir()
        child = _export_child(source, folder, name, naive)
        assert child.stdout is not None
        child.stdout.readline()  # "ready"
        if i % 2:  # every other kill lands while the target folder is being written
            child.stdout.readline()  # "verified"
            time.sleep(rng.uniform(0, writing_s * 1.2))
        else:
            time.sleep(rng.uniform(0, total_s * 1.2))
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        child.communicate(timeout=60)
        final, partial = folder / name, folder / (name + ".partial")
        if final.exists():
            outcomes["complete" if final.read_bytes() == expected else "broken"] += 1
        else:
            outcomes["partial_only" if partial.exists() else "nothing"] += 1
        shutil.rmtree(folder)
    return outcomes
