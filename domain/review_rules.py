"""Domain layer: the review state (审核) of each unit's current report, computed (pure).

A review names the revision it judged. It holds only while that revision is still the
unit's current report on the task: the unit's next report (an edit or a new one) makes the
review history and the report waits for review again (待审核). Among several reviews of the
same revision the latest in causal order (Lamport counter, installation id, id) decides,
so every PC shows the same state whatever order files arrived in.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING

from domain.enums import ReviewDecision

if TYPE_CHECKING:
    from domain.records import ProgressRevision, ReportReview, TaskView


class ReviewState(StrEnum):
    PENDING = "pending"  # 待审核: reported, not yet reviewed
    ACCEPTED = "accepted"  # 已通过
    RETURNED = "returned"  # 已退回: does not count as reported until the unit reports again

    @property
    def label_zh(self) -> str:
        return REVIEW_STATE_LABELS_ZH[self]


REVIEW_STATE_LABELS_ZH = {
    ReviewState.PENDING: "待审核",
    ReviewState.ACCEPTED: "已通过",
    ReviewState.RETURNED: "已退回",
}


def review_key(review: ReportReview) -> tuple[int, str, str]:
    return (review.lamport, review.author_installation_id, review.review_id)


def decisive_review(
    revision: ProgressRevision, reviews: Iterable[ReportReview]
) -> ReportReview | None:
    """The review that holds for ``revision`` (the latest of those naming it), if any."""
    mine = [r for r in reviews if r.revision_id == revision.revision_id]
    return max(mine, key=review_key) if mine else None


def review_state(revision: ProgressRevision, reviews: Iterable[ReportReview]) -> ReviewState:
    review = decisive_review(revision, reviews)
    if review is None:
        return ReviewState.PENDING
    if review.decision is ReviewDecision.RETURNED:
        return ReviewState.RETURNED
    return ReviewState.ACCEPTED


def unit_review_state(task: TaskView, unit_id: str) -> ReviewState | None:
    """The state of the unit's current report on ``task``; None when it has none."""
    current = next((r for r in task.current_progress if r.unit_id == unit_id), None)
    return None if current is None else review_state(current, task.reviews)


def returned_units(task: TaskView) -> frozenset[str]:
    """Units whose current report was sent back (退回修改) and not reported again since."""
    return frozenset(
        r.unit_id
        for r in task.current_progress
        if review_state(r, task.reviews) is ReviewState.RETURNED
    )


def counted_reports(task: TaskView) -> tuple[ProgressRevision, ...]:
    """Each unit's current report that counts for lights and rounds (a return does not)."""
    returned = returned_units(task)
    return tuple(r for r in task.current_progress if r.unit_id not in returned)
