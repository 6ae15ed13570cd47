"""Runtime layer: Python's cycle collector held off where it would only walk lasting objects.

While one exchange file is read and merged (``cycle_collector_paused``): a long file makes
hundreds of thousands of tuples and records in a few seconds; each of them counts towards
the collector's next pass, and every full pass walks them all again (a quarter of a second
each time on a file of 100,000 revisions). An import makes no reference cycles worth
chasing before it ends: what it drops is freed by reference counting, and the collector
runs again, as usual, once the file is done. And while the window starts (below).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Within the block no automatic collection starts. Nested or overlapping use (two
    imports in two threads) is safe: only a caller that found it on switches it back on,
    and an explicit ``gc.collect()`` still works."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


# --- the window's start-up ----------------------------------------------------------------
# Start-up is mostly imports: tens of thousands of lasting objects (modules, classes,
# functions) and no cyclic garbage, yet every few hundred allocations set the collector
# walking them, 50-odd times before the first plans were shown (about 5 ms of the start).
# cli.launch holds it off before the window's imports; ui.app releases it once the first
# plans are on screen, or after a few seconds at most. Not a context manager: the hold
# begins before the event loop and ends inside it.

_held_for_start_up = False


def hold_for_start_up() -> None:
    """Hold the collector off (if it is on) until ``release_after_start_up``."""
    global _held_for_start_up
    if gc.isenabled():
        gc.disable()
        _held_for_start_up = True


def release_after_start_up() -> None:
    """Switch the collector back on if ``hold_for_start_up`` switched it off; later calls
    do nothing."""
    global _held_for_start_up
    if _held_for_start_up:
        _held_for_start_up = False
        gc.enable()
