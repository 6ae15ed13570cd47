"""Plan parsing layer: what can go wrong, with the Chinese message a clerk reads."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ParseProblem:
    """A numbered line the parser could not turn into a task (listed, never dropped)."""

    code: str
    line_no: int
    text: str
    message_zh: str


class PlanParseError(Exception):
    """The whole input is unusable (empty, binary, undecodable, no tasks, missing)."""

    def __init__(self, code: str, message_zh: str, line_no: int | None = None) -> None:
        super().__init__(message_zh)
        self.code = code
        self.message_zh = message_zh
        self.line_no = line_no


def clip(text: str, limit: int = 40) -> str:
    """Shorten a line for a one-line message."""
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
