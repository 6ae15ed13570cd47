"""Plan intake: what a document reader hands on — paragraphs and tables, in reading order."""

from __future__ import annotations

from dataclasses import dataclass

#: A table as a rectangular grid of cell texts; a merged cell's text is repeated in every
#: position it covers (across and down), as a clerk reads it.
Grid = list[list[str]]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class Table:
    rows: Grid


Block = Paragraph | Table


def square(rows: list[list[str]]) -> Grid:
    """Pad short rows so every row has as many cells as the widest one."""
    width = max((len(r) for r in rows), default=0)
    return [r + [""] * (width - len(r)) for r in rows]
