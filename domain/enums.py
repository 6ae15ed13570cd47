"""Domain layer: the closed vocabularies of a plan (roles, progress statuses)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """分工角色: the three normalised roles a unit can have in a task."""

    LEAD = "牵头"
    COOPERATE = "配合"
    RESPONSIBLE = "负责"

    @property
    def sort_key(self) -> int:
        return _ROLE_ORDER[self]


_ROLE_ORDER = {Role.LEAD: 0, Role.RESPONSIBLE: 1, Role.COOPERATE: 2}


class ProgressStatus(StrEnum):
    """进展状态 reported by a unit for a task."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"

    @property
    def label_zh(self) -> str:
        return STATUS_LABELS_ZH[self]

    @classmethod
    def parse(cls, text: str) -> ProgressStatus:
        """Accept the code (``done``) or the Chinese label (``已完成``)."""
        value = text.strip()
        for status in cls:
            if value in (status.value, STATUS_LABELS_ZH[status]):
                return status
        raise ValueError(value)


STATUS_LABELS_ZH: dict[ProgressStatus, str] = {
    ProgressStatus.NOT_STARTED: "未启动",
    ProgressStatus.IN_PROGRESS: "推进中",
    ProgressStatus.DONE: "已完成",
    ProgressStatus.BLOCKED: "受阻",
}


class ReviewDecision(StrEnum):
    """审核结论 of the coordinating office on a unit's report."""

    ACCEPTED = "accepted"
    RETURNED = "returned"

    @property
    def label_zh(self) -> str:
        return "通过" if self is ReviewDecision.ACCEPTED else "退回修改"


#: The name under which the coordinating office (协调办公室) appears as "unit".
COORDINATING_OFFICE = "协调办公室"
