"""The cycle collector held off during an import and at start-up, and always given back."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from exchange.service import import_file
from models.store import Store
from runtime.gc_pause import (
    cycle_collector_paused,
    hold_for_start_up,
    release_after_start_up,
)
from tests.exchange.offices import export, office, report, trust_each_other


@pytest.fixture
def collector_on() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.enable()
    yield
    if not was_on:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
def test_a_merged_file_is_imported_with_the_collector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = office(tmp_path, "police", "省公安厅")
    coord = office(tmp_path, "coord", None)
    trust_each_other(police, coord)
    report(police, 23, "省公安厅", 30)
    seen: list[bool] = []
    merge = Store.apply_import

    def watched(self: Store, *args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return merge(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "apply_import", watched)
    outcome = import_file(coord, export(police, tmp_path / "usb"))
    assert outcome.report is not None and outcome.report.new_revisions == 1
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_a_refused_file_gives_the_collector_back(tmp_path: Path) -> None:
    coord = office(tmp_path, "coord", None)
    bad = tmp_path / "坏文件.duban"
    bad.write_bytes(b"not an exchange file")
    outcome = import_file(coord, bad)
    assert outcome.refused and outcome.rejected_code
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_an_error_inside_gives_the_collector_back() -> None:
    with pytest.raises(RuntimeError), cycle_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("disk gone")
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_on")
def test_overlapping_pauses_end_with_the_collector_on() -> None:
    first = cycle_collector_paused()
    second = cycle_collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first one out switches it back on …
    assert gc.isenabled()
    second.__exit__(None, None, None)  # … and the second, which found it off, leaves it
    assert gc.isenabled()


def test_a_caller_that_switched_it_off_keeps_it_off() -> None:
    was_on = gc.isenabled()
    gc.disable()
    try:
        with cycle_collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        if was_on:
            gc.enable()


# --- the window's start-up ---


@pytest.fixture
def start_up_hold_released() -> Iterator[None]:
    was = gc.isenabled()
    yield
    release_after_start_up()
    if was:
        gc.enable()


def test_held_for_start_up_then_released(start_up_hold_released: None) -> None:
    gc.enable()
    hold_for_start_up()
    assert not gc.isenabled()
    release_after_start_up()
    assert gc.isenabled()
    release_after_start_up()  # a second release changes nothing
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off_after_start_up(
    start_up_hold_released: None,
) -> None:
    gc.disable()
    hold_for_start_up()
    release_after_start_up()
    assert not gc.isenabled()  # not this module's to switch on
