"""Mutation fuzzing of the reader: no uncaught exception, no damaged file accepted.

CI runs a few thousand mutations; ``bench/fuzz_reader.py --mutations 100000`` the long run.
"""

from __future__ import annotations

import os

from tests.exchange import exchange_samples as s

MUTATIONS = int(os.environ.get("DUBAN_FUZZ_MUTATIONS", "4000"))


def test_damaged_copies_are_rejected_or_intact(valid_bytes: bytes) -> None:
    report = s.fuzz(valid_bytes, MUTATIONS, seed=20240501)
    assert not report.uncaught, report.uncaught
    assert report.damaged_but_accepted == 0
    assert sum(report.rejected.values()) > MUTATIONS // 2  # the mutator really damages
    print(
        f"\n{report.mutations} mutations: rejected {dict(report.rejected)}, "
        f"accepted intact {report.accepted_intact}, unchanged {report.unchanged}"
    )


def test_small_pages_and_large_pages_files_too() -> None:
    for page_size in (512, 65536):
        data = s.build_sample(s.sample_records(n_revisions=12, body_len=300), page_size=page_size)
        report = s.fuzz(data, 300, seed=page_size)
        assert not report.uncaught, report.uncaught
        assert report.damaged_but_accepted == 0
