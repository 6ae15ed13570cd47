"""Storage layer: several clerks writing one server database at once.

On SQLite every write transaction starts with ``BEGIN IMMEDIATE``: one writer at a time,
and a second window waits (``busy_timeout``). On PostgreSQL writers run side by side; the
installation row is locked (``FOR UPDATE``) wherever its counters are used, and whatever the
server still refuses for the sake of consistency is retried: a serialization failure, a
deadlock, a lock that could not be had, or a duplicate key inserted by a desk that checked
at the same moment (a retry sees the other desk's row and decides again: "already there").

``retry_on_conflict`` wraps one Store action (one transaction): the whole action runs
again, so nothing half-done is ever kept. After ``MAX_ATTEMPTS`` it gives up with
``StoreError("server_busy")`` and the data untouched.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy.exc import DBAPIError

from models.errors import StoreError

#: serialization_failure, deadlock_detected, lock_not_available, unique_violation.
RETRY_STATES = frozenset({"40001", "40P01", "55P03", "23505"})
MAX_ATTEMPTS = 8
FIRST_DELAY_S = 0.01
MAX_DELAY_S = 0.5

P = ParamSpec("P")
R = TypeVar("R")


def retryable_state(exc: BaseException) -> str | None:
    """The SQLSTATE when ``exc`` is a conflict worth running the action again for."""
    if not isinstance(exc, DBAPIError):
        return None
    state = getattr(exc.orig, "sqlstate", None)
    return state if state in RETRY_STATES else None


def retry_on_conflict(action: Callable[P, R]) -> Callable[P, R]:
    """Run a one-transaction Store action again when the server reports a conflict."""

    @functools.wraps(action)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        delay = FIRST_DELAY_S
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                return action(*args, **kwargs)
            except DBAPIError as exc:
                state = retryable_state(exc)
                if state is None:
                    raise
                if attempt == MAX_ATTEMPTS:
                    raise StoreError("server_busy", f"SQLSTATE {state}") from None
            # Jitter: desks that collided once should not collide again in step.
            time.sleep(delay * random.uniform(0.5, 1.5))  # noqa: S311
            delay = min(delay * 2, MAX_DELAY_S)
        raise AssertionError("unreachable")

    return run
