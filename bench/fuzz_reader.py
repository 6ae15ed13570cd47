"""Long robustness runs of the exchange layer; prints the figures for the README.

    python bench/fuzz_reader.py --mutations 100000 [--seed N] [--kills 1000] [--save DIR]

Mutation fuzzing of the untrusted-file reader (safe_sqlite + safe_rows + a sample manifest
digest check): every damaged copy must be rejected with a code or read back intact; the
figures to watch are ``uncaught`` and ``damaged_but_accepted`` (both must be 0). ``--kills``
also kill -9's exporting subprocesses (0 broken files allowed), with the naive
write-straight-to-the-final-name as control.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(_ROOT))

from tests.exchange import exchange_samples as s  # noqa: E402


def _fuzz(mutations: int, seed: int, save: Path | None) -> bool:
    data = s.build_sample()
    print(f"sample file: {len(data)} bytes, {len(data) // 1024} pages of 1 KiB")
    start = time.perf_counter()
    report = s.fuzz(data, mutations, seed)
    elapsed = time.perf_counter() - start
    rejected = sum(report.rejected.values())
    print(f"mutations: {report.mutations} in {elapsed:.1f} s (seed {seed})")
    print(f"  unchanged by the mutator: {report.unchanged}")
    print(f"  rejected: {rejected}")
    for code, count in report.rejected.most_common():
        print(f"    {code:<26} {count}")
    print(f"  accepted, content intact: {report.accepted_intact}")
    print(f"  damaged but accepted:     {report.damaged_but_accepted}")
    print(f"  uncaught exceptions:      {sum(report.uncaught.values())}")
    for what, count in report.uncaught.most_common():
        print(f"    {count} × {what}")
    if save is not None and report.examples:
        save.mkdir(parents=True, exist_ok=True)
        for i, (kind, damaged) in enumerate(report.examples[:50]):
            (save / f"failure-{i}-{kind}.duban").write_bytes(damaged)
        print(f"  failing files saved in {save}")
    return not report.uncaught and report.damaged_but_accepted == 0


def _kills(kills: int, seed: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        records = s.sample_records(n_units=5, n_revisions=1200, body_len=1500, seed=3)
        source = work / "source.duban"
        source.write_bytes(s.build_sample(records, page_size=4096))
        print(f"export kills: {kills} (source {source.stat().st_size} bytes)")
        for naive in (False, True):
            run = work / ("naive" if naive else "safe")
            run.mkdir()
            start = time.perf_counter()
            outcomes = s.kill_exports(source, run, kills, seed, naive=naive)
            label = "naive control (straight to final name)" if naive else "write_export_atomically"
            print(f"  {label}: {dict(outcomes)} in {time.perf_counter() - start:.0f} s")
            if not naive:
                ok = outcomes["broken"] == 0
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutations", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--kills", type=int, default=0, help="also kill -9 this many exports")
    parser.add_argument("--save", type=Path, help="folder for failing files")
    args = parser.parse_args()
    ok = _fuzz(args.mutations, args.seed, args.save)
    if args.kills:
        ok = _kills(args.kills, args.seed) and ok
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
