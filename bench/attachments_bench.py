"""Benchmark layer: a unit's export carrying 200 MB of 佐证材料, and its import at the office.

Subjects, each in its own fresh process (``python bench/attachments_bench.py child …``):
``exchange export`` of a unit whose report lists the files (built in a local temporary
folder, checked by the importer's reader, written as ``.partial``, fsynced, renamed, read
back), and ``exchange import`` of that file at the coordinating office (private copy,
integrity check, every chunk hashed and the kind sniffed, merged in one transaction after
a backup). Baseline, in the same run, interleaved: ``cp`` of the same bytes plus fsync of
each copy (the attachment files for the export; the exchange file for the import). Each
child reports its own time for the operation and its peak memory (VmHWM from /proc).
Targets (issue #15): time ≤ 2× the baseline, peak memory < 300 MB.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from bench.common import Row, median_pair  # noqa: E402

GROUP = "attachments"
MIB = 1024 * 1024


def vm_hwm_mb() -> float:
    """This process's peak resident memory (Linux), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def make_evidence(folder: Path, total_mb: int, files: int = 5) -> list[Path]:
    """One-page PDFs whose image is random bytes (incompressible, like scans)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    each = max(1, total_mb * MIB // files)
    for n in range(files):
        path = folder / f"扫描件{n + 1}.pdf"
        with open(path, "wb") as f:
            f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Page >>\nendobj\n")
            f.write(b"2 0 obj\n<< /Length %d /Filter /DCTDecode >>\nstream\n" % each)
            left = each
            while left > 0:
                piece = os.urandom(min(left, 4 * MIB))
                f.write(piece)
                left -= len(piece)
            f.write(b"\nendstream\nendobj\n%%EOF\n")
        paths.append(path)
    return paths


def prepare(work: Path, total_mb: int) -> tuple[Path, Path, list[Path]]:
    """A unit's database with one report listing the files, and an office that trusts it."""
    from domain.attachments import AttachmentFile, AttachmentLimits
    from domain.enums import ProgressStatus
    from domain.records import ProgressInput
    from models.store import Store

    evidence = make_evidence(work / "evidence", total_mb)
    unit = Store.open(work / "unit.sqlite")
    office = Store.open(work / "office.sqlite")
    unit.set_office("省知识产权局")
    office.set_office(None, coordinating_office=True)
    for store, other in ((unit, office), (office, unit)):
        inst = other.installation()
        key = other.own_key()
        from domain.exchange_records import Sender

        sender = Sender(inst.id, inst.name, inst.unit_id, inst.unit_name or "", False)
        if inst.is_coordinating_office:
            sender = Sender(inst.id, inst.name, None, "", True)
        store.trust_key(sender, key.public_key, key.fingerprint)
    # The office's caps are left at their defaults except for the size, so 200 MB fits.
    office.set_attachment_limits(
        AttachmentLimits(max_file_bytes=100 * MIB, max_files=20, max_report_bytes=1024 * MIB)
    )
    unit_db = unit.path
    # The unit learns the caps as it would: from an office plan update. Here directly:
    unit.close()
    office_db = office.path
    office.close()
    _copy_limits(office_db, unit_db)
    with Store.open(unit_db) as unit:
        import datetime as dt

        unit.record_progress(
            ProgressInput(
                task_id=unit.find_task_id(None, 1),
                unit_id=unit.find_unit_id("省知识产权局"),
                status=ProgressStatus.IN_PROGRESS,
                percent=50,
                report_date=dt.date(2026, 3, 1),
                work_done="扫描件见附件",
                reporter="张三",
                attachments=tuple(AttachmentFile(str(p)) for p in evidence),
            )
        )
    return unit_db, office_db, evidence


def _copy_limits(office_db: Path, unit_db: Path) -> None:
    import sqlite3

    src = sqlite3.connect(office_db)
    rows = src.execute("SELECT * FROM plan_changes WHERE kind = 'attachment_limits'").fetchall()
    src.close()
    dst = sqlite3.connect(unit_db)
    marks = ", ".join("?" for _ in rows[0])
    dst.executemany(f"INSERT INTO plan_changes VALUES ({marks})", rows)
    dst.commit()
    dst.close()


def _child(args: list[str], data_dir: Path) -> dict[str, float]:
    env = dict(os.environ, DUBAN_DATA_DIR=str(data_dir))
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "child", *args],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def child(argv: list[str]) -> None:
    """Run one operation in this fresh process; print its seconds and peak memory."""
    op = argv[0]
    if op == "cp":
        target = Path(argv[1])
        target.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        subprocess.run(["cp", *argv[2:], str(target)], check=True)
        for name in os.listdir(target):
            fd = os.open(target / name, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
        fd = os.open(target, os.O_RDONLY)
        os.fsync(fd)
        os.close(fd)
        seconds = time.perf_counter() - started
    else:
        from exchange.service import export_to, import_file
        from models.store import Store

        with Store.open(Path(argv[1])) as store:
            started = time.perf_counter()
            if op == "export":
                export_to(store, Path(argv[2]))
            else:
                outcome = import_file(store, Path(argv[2]))
                if outcome.rejected_code or not outcome.report or not outcome.report.applied:
                    raise SystemExit(f"import failed: {outcome}")
            seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "vm_hwm_mb": vm_hwm_mb()}))


def measure(total_mb: int, repeat: int, work: Path | None = None) -> dict[str, object]:
    """Export and import ``repeat`` times each against ``cp`` + fsync; medians and peaks."""
    base = Path(work or tempfile.mkdtemp(prefix="duban-bench-attach-"))
    data_dir = base / "data"
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ["DUBAN_DATA_DIR"] = str(data_dir)
    unit_db, office_db, evidence = prepare(base, total_mb)
    peaks: dict[str, float] = {"export": 0.0, "import": 0.0}
    exported: list[Path] = []
    runs = iter(range(10_000))

    def export() -> float:
        usb = base / f"usb{next(runs)}"
        usb.mkdir()
        result = _child(["export", str(unit_db), str(usb)], data_dir)
        peaks["export"] = max(peaks["export"], result["vm_hwm_mb"])
        exported.append(next(usb.iterdir()))
        return result["seconds"]

    def cp_evidence() -> float:
        target = base / f"cp{next(runs)}"
        return _child(["cp", str(target), *map(str, evidence)], data_dir)["seconds"]

    export_s, cp_s, _, _ = median_pair(export, cp_evidence, repeat)
    sent = exported[0]

    def import_() -> float:
        db = base / f"office{next(runs)}.sqlite"
        shutil.copy(office_db, db)
        result = _child(["import", str(db), str(sent)], data_dir)
        peaks["import"] = max(peaks["import"], result["vm_hwm_mb"])
        return result["seconds"]

    def cp_file() -> float:
        return _child(["cp", str(base / f"cpf{next(runs)}"), str(sent)], data_dir)["seconds"]

    import_s, cpf_s, _, _ = median_pair(import_, cp_file, repeat)
    return {
        "total_mb": sum(p.stat().st_size for p in evidence) / MIB,
        "file_mb": sent.stat().st_size / MIB,
        "export_s": export_s,
        "cp_evidence_s": cp_s,
        "import_s": import_s,
        "cp_file_s": cpf_s,
        "export_peak_mb": peaks["export"],
        "import_peak_mb": peaks["import"],
    }


def run(total_mb: int, repeat: int) -> list[Row]:
    figures = measure(total_mb, repeat)
    size = f"{figures['total_mb']:.0f} MB of attachments, file {figures['file_mb']:.0f} MB"
    return [
        Row(GROUP, "unit export", float(figures["export_s"]), "s", float(figures["cp_evidence_s"]),
            "cp + fsync of the files", max_ratio=2.0, note=size),
        Row(GROUP, "office import", float(figures["import_s"]), "s", float(figures["cp_file_s"]),
            "cp + fsync of the exchange file", max_ratio=2.0),
        Row(GROUP, "export peak memory (VmHWM)", float(figures["export_peak_mb"]), "MB",
            below=300.0),
        Row(GROUP, "import peak memory (VmHWM)", float(figures["import_peak_mb"]), "MB",
            below=300.0),
    ]  # fmt: skip


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2:])
    else:
        from bench.common import table

        mb = int(sys.argv[1]) if len(sys.argv) > 1 else 200
        print(table(run(mb, 3)))
