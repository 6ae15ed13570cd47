"""Domain layer: plan names a clerk can tell apart in every picker.

Two plans may carry one title (a province re-issues its 分工方案, a renamed copy). Where
titles repeat, the name adds what differs: the issuer and date, else the import order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Protocol


class NamedPlan(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def issuer(self) -> str: ...
    @property
    def issued_on(self) -> dt.date | None: ...


def plan_labels(plans: Sequence[NamedPlan]) -> list[tuple[str, str]]:
    """(plan id, name to show), in the given order; a unique title is shown as it is."""
    titles = Counter(p.title for p in plans)
    detailed = [
        (p, f"{p.title}（{_detail(p)}）" if titles[p.title] > 1 else p.title) for p in plans
    ]
    names = Counter(label for _, label in detailed)
    seen: Counter[str] = Counter()
    out: list[tuple[str, str]] = []
    for plan, label in detailed:
        if names[label] > 1:  # same title, issuer and date: the import order tells them apart
            seen[label] += 1
            label = f"{label}（第 {seen[label]} 份）"
        out.append((plan.id, label))
    return out


def _detail(plan: NamedPlan) -> str:
    parts = [plan.issuer, plan.issued_on.isoformat() if plan.issued_on else ""]
    return "，".join(x for x in parts if x) or "未注明发文机关"
