"""PDF sheets layer: errors a caller (CLI, window) turns into a message for the user."""

from __future__ import annotations


class SheetError(Exception):
    """Base of the sheets' own errors."""


class UnknownUnitError(SheetError, LookupError):
    """The plan names no such unit (单位)."""

    def __init__(self, key: str) -> None:
        super().__init__(f"方案中没有单位：{key}")
        self.key = key


class UnknownTaskError(SheetError, LookupError):
    """The plan has no task with that number (任务)."""

    def __init__(self, number: int) -> None:
        super().__init__(f"方案中没有第 {number} 项任务")
        self.number = number
