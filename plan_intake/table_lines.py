"""Plan intake: a 分工表 / 台账 grid as the numbered lines the text parser reads.

Why lines and not tasks: one grammar reads every unit list, whatever the format — level
prefixes carried along a list (省财政厅、人社厅), collective units, role words written inside
a cell ("省知识产权局牵头，省财政厅配合"), problems reported with their line — and the stored
plan text reads like the document. A row becomes::

    1. 任务文本（牵头单位：A、B；配合单位：C；责任单位：D；完成时限：2017年底前）

Section rows (one text merged across the row) and a 所属部分 / 所属方面 column become
"一、…" / "（一）…" heading lines. Columns are found by their header words, so their order
and any extra columns (时间进度, 备注) do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from plan_intake.blocks import Grid
from plan_intake.docx_numbering import chinese_counting


class Column(Enum):
    NUMBER = "number"
    SECTION = "section"
    SUBSECTION = "subsection"
    TASK = "task"
    LEAD = "lead"
    COOPERATE = "cooperate"
    RESPONSIBLE = "responsible"
    DEADLINE = "deadline"
    OTHER = "other"  # recognised as a header word, not read (时间进度, 备注)


_HEADER_WORDS: dict[Column, tuple[str, ...]] = {
    Column.NUMBER: ("序号", "编号", "序"),
    Column.SECTION: (
        "所属部分",
        "部分",
        "板块",
        "工作板块",
        "重点领域",
        "领域",
        "类别",
        "工作类别",
    ),
    Column.SUBSECTION: ("所属方面", "方面", "主要方面", "重点工作", "任务类别"),
    Column.TASK: (
        "重点任务",
        "任务",
        "具体任务",
        "任务内容",
        "工作任务",
        "工作内容",
        "主要任务",
        "重点工作任务",
        "具体措施",
        "工作措施",
        "主要措施",
        "政策措施",
        "具体工作",
        "工作举措",
        "主要举措",
        "任务事项",
        "工作事项",
        "事项",
    ),
    Column.LEAD: ("牵头单位", "牵头部门", "主办单位", "牵头责任单位"),
    Column.COOPERATE: ("配合单位", "配合部门", "参与单位", "协办单位", "协助单位", "协同单位"),
    Column.RESPONSIBLE: (
        "责任单位",
        "责任部门",
        "负责单位",
        "负责部门",
        "承办单位",
        "责任主体",
        "实施单位",
    ),
    Column.DEADLINE: (
        "完成时限",
        "完成时间",
        "时间节点",
        "时限",
        "时限要求",
        "完成期限",
        "办结时限",
        "时间要求",
    ),
    Column.OTHER: ("时间进度", "进度安排", "推进计划", "进展情况", "工作目标", "备注"),
}
_WORD_TO_COLUMN = {word: column for column, words in _HEADER_WORDS.items() for word in words}
_UNIT_COLUMNS = (Column.LEAD, Column.COOPERATE, Column.RESPONSIBLE)
_LABEL_OF = {Column.LEAD: "牵头单位", Column.COOPERATE: "配合单位", Column.RESPONSIBLE: "责任单位"}
_ROLE_WORD_RE = re.compile(r"牵头|配合|参与|协助|负责|会同")
_NAME_SPLIT_RE = re.compile(r"[\n、，,；;/／\s]+")
_SECTION_LABEL_RE = re.compile(r"^[一二三四五六七八九十百]+、")
_SUBSECTION_LABEL_RE = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_ANY_LABEL_RE = re.compile(
    r"^([一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[.、．](?!\d))"
)
_NUMBER_RE = re.compile(r"^[（(]?(\d{1,3})(?:\.0)?[)）.、．]?$")


def column_of(header_cell: str) -> Column | None:
    word = re.sub(r"[\s*＊]", "", header_cell)
    word = re.sub(r"[（(][^）)]*[）)]", "", word)
    return _WORD_TO_COLUMN.get(word)


@dataclass(frozen=True, slots=True)
class TableLayout:
    header_row: int  # index of the last header row
    columns: dict[int, Column]

    def first(self, kind: Column) -> int | None:
        return next((i for i, c in self.columns.items() if c is kind), None)


def find_layout(grid: Grid, search_rows: int = 12) -> TableLayout | None:
    """The header row, found by its words: a task column or a unit column, and one more."""
    for index, row in enumerate(grid[:search_rows]):
        columns = _columns_of(row)
        kinds = set(columns.values())
        if len(columns) < 2 or not (Column.TASK in kinds or kinds & set(_UNIT_COLUMNS)):
            continue
        # A two-row header: 责任单位 spanning 牵头单位 | 配合单位 in the row below.
        if index + 1 < len(grid):
            below = _columns_of(grid[index + 1])
            filled = [c for c in grid[index + 1] if c.strip()]
            if below and all(column_of(c) or c in row for c in filled):
                columns.update(below)
                index += 1
        return TableLayout(index, _settle_task_columns(columns))
    return None


def _columns_of(row: list[str]) -> dict[int, Column]:
    out: dict[int, Column] = {}
    seen: set[str] = set()
    for i, cell in enumerate(row):
        column = column_of(cell)
        # A header cell merged across columns names only its first column.
        if column is not None and cell not in seen:
            out[i] = column
            seen.add(cell)
    return out


def _settle_task_columns(columns: dict[int, Column]) -> dict[int, Column]:
    """With 重点任务 | 具体措施, the left one groups the tasks: it is a subsection column."""
    tasks = sorted(i for i, c in columns.items() if c is Column.TASK)
    for i in tasks[:-1]:
        kinds = set(columns.values())
        columns[i] = Column.SUBSECTION if Column.SUBSECTION not in kinds else Column.SECTION
    return columns


def is_plan_table(grid: Grid) -> bool:
    layout = find_layout(grid)
    return layout is not None and (
        layout.first(Column.TASK) is not None
        and any(layout.first(c) is not None for c in _UNIT_COLUMNS)
    )


def title_lines(grid: Grid, layout: TableLayout) -> list[str]:
    """Rows above the header (a title merged across the sheet), one line each."""
    out: list[str] = []
    first_header = layout.header_row
    while first_header > 0 and _columns_of(grid[first_header - 1]):
        first_header -= 1
    for row in grid[:first_header]:
        text = "".join(dict.fromkeys(c.strip() for c in row if c.strip()))
        if text:
            out.append(text)
    return out


class _Counters:
    def __init__(self) -> None:
        self.section = 0
        self.subsection = 0
        self.task = 0


def table_lines(grid: Grid, layout: TableLayout) -> list[str]:
    """Every row below the header as a line; heading rows and column changes as headings."""
    lines: list[str] = []
    counters = _Counters()
    header = grid[layout.header_row]
    section_col = layout.first(Column.SECTION)
    subsection_col = layout.first(Column.SUBSECTION)
    task_col = layout.first(Column.TASK)
    last_section = last_subsection = ""
    for row in grid[layout.header_row + 1 :]:
        cells = [c.strip() for c in row]
        filled = [c for c in cells if c]
        if not filled or row == header:
            continue
        if _is_heading_row(cells, task_col):
            lines.append(_heading(filled[0], counters, section_level=True))
            continue
        if section_col is not None and cells[section_col] and cells[section_col] != last_section:
            last_section, last_subsection = cells[section_col], ""
            lines.append(_heading(last_section, counters, section_level=True))
        if (
            subsection_col is not None
            and cells[subsection_col]
            and cells[subsection_col] != last_subsection
        ):
            last_subsection = cells[subsection_col]
            lines.append(_heading(last_subsection, counters, section_level=False))
        line = _task_line(cells, layout, counters)
        if line:
            lines.append(line)
    return lines


def _is_heading_row(cells: list[str], task_col: int | None) -> bool:
    """One text merged across the row, over the task column and at least one other."""
    distinct = {c for c in cells if c}
    if len(distinct) != 1:
        return False
    text = distinct.pop()
    return sum(1 for c in cells if c == text) >= 2 and (task_col is None or cells[task_col] == text)


def _heading(text: str, counters: _Counters, *, section_level: bool) -> str:
    text = _one_line(text)
    if _SECTION_LABEL_RE.match(text):
        counters.subsection = 0
        return text
    if _SUBSECTION_LABEL_RE.match(text) or _ANY_LABEL_RE.match(text):
        return text
    if section_level:
        counters.section += 1
        counters.subsection = 0
        return f"{chinese_counting(counters.section)}、{text}"
    counters.subsection += 1
    return f"（{chinese_counting(counters.subsection)}）{text}"


def _task_line(cells: list[str], layout: TableLayout, counters: _Counters) -> str:
    text = ""
    number: int | None = None
    clauses: list[str] = []
    deadline = ""
    for index, column in sorted(layout.columns.items()):
        value = cells[index] if index < len(cells) else ""
        if not value:
            continue
        if column is Column.TASK:
            text = _one_line(value)
        elif column is Column.NUMBER:
            m = _NUMBER_RE.match(value.strip())
            number = int(m.group(1)) if m else None
        elif column in _UNIT_COLUMNS:
            clauses.append(_unit_clause(column, value))
        elif column is Column.DEADLINE:
            deadline = re.sub(r"[\n，,；;]+", " ", value).strip()
    if not text and not clauses:
        return ""
    if deadline:
        clauses.append(f"完成时限：{deadline}")
    bracket = f"（{'；'.join(clauses)}）" if clauses else ""
    if number is None and _ANY_LABEL_RE.match(text):
        return text + bracket  # the task cell carries its own label
    counters.task = number if number is not None else counters.task + 1
    return f"{counters.task}. {text}{bracket}"


def _unit_clause(column: Column, value: str) -> str:
    """A cell of names becomes a labelled clause; a cell that says roles is kept as written."""
    if _ROLE_WORD_RE.search(value):
        return re.sub(r"\s*\n\s*", "，", value.strip())
    names = [n for n in _NAME_SPLIT_RE.split(value) if n]
    return f"{_LABEL_OF[column]}：{'、'.join(names)}"


def _one_line(text: str) -> str:
    """Paragraphs of one cell joined: a cell is one item, and a line break there is layout."""
    return "".join(part.strip() for part in text.splitlines())
