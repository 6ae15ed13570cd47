"""kill -9 of an exporting subprocess never leaves a broken file under the final name."""

from __future__ import annotations

import os
from pathlib import Path

from tests.exchange import exchange_samples as s

KILLS = int(os.environ.get("DUBAN_EXPORT_KILLS", "12"))  # bench/fuzz_reader.py --kills: more


def test_killed_exports_leave_no_broken_final_file(tmp_path: Path) -> None:
    records = s.sample_records(n_units=5, n_revisions=1200, body_len=1500, seed=3)
    source = tmp_path / "source.duban"
    source.write_bytes(s.build_sample(records, page_size=4096))
    outcomes = s.kill_exports(source, tmp_path, KILLS, seed=11)
    assert sum(outcomes.values()) == KILLS
    assert outcomes["broken"] == 0, outcomes
