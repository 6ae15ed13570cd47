"""Plan intake: paragraphs and tables in reading order → the plan text the parser reads."""

from __future__ import annotations

import re

from plan_intake.blocks import Block, Paragraph, Table
from plan_intake.table_lines import find_layout, is_plan_table, table_lines, title_lines

#: "附件：分工表" ends a notice's body in a text; before a 分工表 it only introduces it.
_ATTACHMENT_RE = re.compile(r"^附件\s*[：:]\s*")


def document_lines(blocks: list[Block]) -> list[str]:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.extend(x.strip() for x in block.text.split("\n") if x.strip())
            continue
        layout = find_layout(block.rows)
        if layout is not None and is_plan_table(block.rows):
            lines = [_ATTACHMENT_RE.sub("附件 ", x) for x in lines]
            lines.extend(title_lines(block.rows, layout))
            lines.extend(table_lines(block.rows, layout))
        else:
            lines.extend(_plain_rows(block))
    return lines


def _plain_rows(table: Table) -> list[str]:
    """A table that is not a 分工表 (a signature block, a layout grid): its text, row by row."""
    out: list[str] = []
    for row in table.rows:
        text = " ".join(dict.fromkeys(c.strip() for c in row if c.strip()))
        if text:
            out.append(text)
    return out
