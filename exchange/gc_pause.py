"""Exchange layer: hold Python's cycle collector off while one file is read and merged.

Reading a long file makes hundreds of thousands of tuples and records in a few seconds;
each of them counts towards the collector's next pass, and every full pass walks them all
again (a quarter of a second each time on a file of 100,000 revisions). An import makes
no reference cycles worth chasing before it ends: what it drops is freed by reference
counting, and the collector runs again, as usual, once the file is done.
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
