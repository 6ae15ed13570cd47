"""The cycle collector held off while the window starts, and always switched back on."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from runtime import start_up_gc


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    start_up_gc.release()
    if was:
        gc.enable()


def test_held_then_released() -> None:
    gc.enable()
    start_up_gc.hold()
    assert not gc.isenabled()
    start_up_gc.release()
    assert gc.isenabled()
    start_up_gc.release()  # a second release changes nothing
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off() -> None:
    gc.disable()
    start_up_gc.hold()
    start_up_gc.release()
    assert not gc.isenabled()  # not this module's to switch on
