"""Domain layer: the record of one plan change (计划修订) by the coordinating office.

Its own module: every read of a plan folds these changes in, and the window's start-up read
should not load the exchange file's records (``domain.exchange_records``, which re-exports
this one) to do so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlanChange:
    """计划修订: one change to plan content by the coordinating office (留痕)."""

    change_id: str
    plan_id: str
    author_installation_id: str
    author_seq: int
    lamport: int
    authored_at: str
    kind: str
    task_id: str | None
    payload: str
    reason: str = ""
