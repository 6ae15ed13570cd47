"""Domain layer: deadlines (完成时限) and reporting rounds (报送节点), as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Deadline:
    """A completion deadline: a date, or 长期坚持 (long-term, never overdue)."""

    date: dt.date | None = None
    long_term: bool = False

    def label_zh(self) -> str:
        return "长期坚持" if self.long_term else (self.date.isoformat() if self.date else "")


class RoundKind(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    DATES = "dates"


@dataclass(frozen=True, slots=True)
class RoundRule:
    """报送节点: by each of these dates every responsible unit owes a progress report."""

    kind: RoundKind
    day: int = 0  # monthly: day of the month (capped at the month's last day)
    dates: tuple[dt.date, ...] = ()
    start: dt.date | None = None  # rounds before this date are not owed

    def dates_between(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """Round dates d with first <= d <= last (and d >= start)."""
        lower = max(first, self.start) if self.start else first
        if self.kind is RoundKind.DATES:
            return sorted(d for d in set(self.dates) if lower <= d <= last)
        out: list[dt.date] = []
        year, month = lower.year, lower.month
        while (year, month) <= (last.year, last.month):
            candidate = self._date_in(year, month)
            if candidate is not None and lower <= candidate <= last:
                out.append(candidate)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def _date_in(self, year: int, month: int) -> dt.date | None:
        last_day = _last_day(year, month)
        if self.kind is RoundKind.MONTHLY:
            return dt.date(year, month, min(max(self.day, 1), last_day))
        if month in (3, 6, 9, 12):  # quarterly: the last day of each quarter
            return dt.date(year, month, last_day)
        return None

    def last_passed(self, as_of: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """(previous round, latest round strictly before ``as_of``): a round has passed once
        its day is over; on the day itself the report is due, not missing."""
        horizon = as_of - dt.timedelta(days=1)
        past = self.dates_between(self._earliest(as_of), horizon)
        if not past:
            return None, None
        return (past[-2] if len(past) > 1 else None), past[-1]

    def next_due(self, as_of: dt.date, within_days: int) -> dt.date | None:
        upcoming = self.dates_between(as_of, as_of + dt.timedelta(days=within_days))
        return upcoming[0] if upcoming else None

    def _earliest(self, as_of: dt.date) -> dt.date:
        if self.kind is RoundKind.DATES and self.dates:
            return min(self.dates)
        return self.start or as_of - dt.timedelta(days=800)


def _last_day(year: int, month: int) -> int:
    """The month's last day (not ``calendar.monthrange``: that module and the locale
    machinery it loads are about 1.5 ms of the window's start-up)."""
    first_of_next = dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)
    return (first_of_next - dt.timedelta(days=1)).day
