"""Any set of exports, in any order, any number of times: one final database."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.exchange_records import ExportScope
from exchange.service import import_file
from tests.exchange.offices import (
    export,
    import_all,
    office,
    report,
    state,
    trust_each_other,
    trust_senders,
)


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], str, Path]:
    """Files from three rounds between two units and the office, forks included."""
    tmp = tmp_path_factory.mktemp("rounds")
    with pytest.MonkeyPatch.context() as patch:
        # Module scope runs before the per-test user-data fixture: keep keys out of $HOME.
        patch.setenv("DUBAN_DATA_DIR", str(tmp / "userdata"))
        return _three_rounds(tmp)


def _three_rounds(tmp: Path) -> tuple[list[Path], str, Path]:
    police = office(tmp, "police", "省公安厅")
    police2 = office(tmp, "police2", "省公安厅")
    ipo = office(tmp, "ipo", "省知识产权局")
    coord = office(tmp, "coord", None)
    trust_each_other(police, police2, ipo, coord)
    files: list[Path] = []
    root = report(police, 23, "省公安厅", 10)
    report(ipo, 1, "省知识产权局", 20)
    files += [export(police, tmp / "usb"), export(ipo, tmp / "usb")]
    import_all(coord, *files)
    report(coord, 10, "省知识产权局", 5)
    files.append(export(coord, tmp / "usb", ExportScope.ALL))
    import_all(police2, files[-1])
    report(police, 23, "省公安厅", 40, parent=root)
    report(police2, 23, "省公安厅", 50, parent=root)  # a fork
    report(ipo, 1, "省知识产权局", 100, text="已完成")
    files += [export(police, tmp / "usb"), export(police2, tmp / "usb"), export(ipo, tmp / "usb")]
    (tmp / "runs").mkdir()
    reference = office(tmp, "reference", None)
    trust_senders(reference, *files)
    import_all(reference, *files)
    return files, state(reference), tmp


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(order=st.permutations(range(6)), repeats=st.lists(st.integers(0, 5), max_size=6))
def test_any_order_any_repetition_same_database(
    exports: tuple[list[Path], str, Path], order: list[int], repeats: list[int]
) -> None:
    files, expected, tmp = exports
    target = office(tmp / "runs", f"run-{abs(hash((tuple(order), tuple(repeats))))}", None)
    try:
        trust_senders(target, *files)
        for index in [*order, *repeats]:
            outcome = import_file(target, files[index])
            assert outcome.rejected_code is None
        assert state(target) == expected
    finally:
        target.close()
