"""Window layer: the day the window computes its lights for, and those lights.

One place for the clock (tests move it here) and one light-weight way to the lights: the
plan tree's first fill needs them before any command object or dialog module is loaded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from domain.status_lights import plan_lights

if TYPE_CHECKING:
    from domain.records import PlanView
    from domain.status_lights import TaskLight


def today() -> dt.date:
    """The date lights are computed for by default."""
    return dt.date.today()


def lights_today(plans: Iterable[PlanView], warning_days: int) -> dict[str, TaskLight]:
    """Every task's light today, with ``warning_days`` as the 临期 window."""
    day = today()
    out: dict[str, TaskLight] = {}
    for plan in plans:
        out.update(plan_lights(plan, day, warning_days))
    return out
