"""Runtime layer: Python's cycle collector held off while the window starts.

Start-up is mostly imports: tens of thousands of objects (modules, classes, functions) made
and kept, none of them garbage, yet each few hundred allocations set the collector walking
them, 50-odd times before the plans are shown (about 5 ms of the window's start). The
collector is held off from the first import until the first plans are on screen, or a few
seconds at most; reference counting frees everything else meanwhile as usual.
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """Hold the collector off (once, if it was on)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Switch the collector back on if ``hold`` switched it off; later calls do nothing."""
    global _held
    if _held:
        _held = False
        gc.enable()
