"""Benchmark layer: what every benchmark group shares: timing, result rows, the table.

Machines here are shared and noisy, so every figure is the median of several repetitions
and is judged as a ratio to a baseline measured in the same run (interleaved with it, so
a burst of load hits both), never as an absolute time — except where the issue sets an
absolute limit (50 ms per keystroke, 300 MB).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the results table."""

    group: str
    figure: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str = ""
    #: Pass when value / baseline ≤ max_ratio.
    max_ratio: float | None = None
    #: Pass when value < below (an absolute limit, same unit as ``value``).
    below: float | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    @property
    def target(self) -> str:
        if self.max_ratio is not None:
            return f"≤ {self.max_ratio:g}×"
        if self.below is not None:
            return f"< {self.below:g} {self.unit}"
        return "—"

    @property
    def passed(self) -> bool | None:
        """None: a figure reported for information, with no target."""
        if self.max_ratio is not None:
            ratio = self.ratio
            return ratio is not None and ratio <= self.max_ratio
        if self.below is not None:
            return self.value < self.below
        return None


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def median_pair(
    subject: Callable[[], float], baseline: Callable[[], float], repeat: int
) -> tuple[float, float, list[float], list[float]]:
    """Run ``baseline`` and ``subject`` alternately ``repeat`` times (each returns its own
    measured seconds); return both medians and the raw samples."""
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(repeat):
        theirs.append(baseline())
        ours.append(subject())
    return statistics.median(ours), statistics.median(theirs), ours, theirs


def fmt_value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.1f} {unit}"


def table(rows: list[Row]) -> str:
    """The results as a Markdown table (printed, and pasted into bench/README.md)."""
    head = "| group | figure | value | baseline | ratio | target | result |"
    lines = [head, "|---|---|---|---|---|---|---|"]
    for r in rows:
        base = f"{fmt_value(r.baseline, r.unit)} ({r.baseline_name})" if r.baseline else "—"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "—"
        result = {True: "pass", False: "**MISS**", None: "info"}[r.passed]
        value = fmt_value(r.value, r.unit) + (f" ({r.note})" if r.note else "")
        lines.append(
            f"| {r.group} | {r.figure} | {value} | {base} | {ratio} | {r.target} | {result} |"
        )
    return "\n".join(lines)
