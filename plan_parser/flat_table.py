"""Plan parsing layer: a 分工表 whose cells ran together when it was copied as text.

Web copies of an annex table keep the header cells one per line (序号 / 重点任务 / 责任部门 /
时间进度) and then every row with no separator at all::

    1发布一批…科技成果包科技部会同有关部门2016年6月底前完成2建立…

A row is its number, the task, the units and the deadline. Rows are found by their
numbers in sequence, each row's deadline by its wording at the row's end, and the units by
the longest tail that is a list of organ names starting with a known organ. Each row then
becomes the line the parser reads anyway: ``1.任务（责任部门：…；完成时限：…）``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plan_parser.known_organs import starts_with_known_organ
from plan_parser.numbering import chinese_numeral
from plan_parser.units import UNIT_ENDINGS, doubtful_unit_reason, split_top_level, strip_etc

_NUMBER_WORDS = ("序号", "编号")
_TASK_WORDS = ("重点任务", "任务", "具体任务", "工作任务", "主要任务", "任务内容", "工作内容")
_UNIT_WORDS = ("责任部门", "责任单位", "牵头单位", "牵头部门", "负责单位", "负责部门")
#: A second unit column for the cooperating units, after the leading one.
_COOPERATE_WORDS = ("配合单位", "配合部门", "参与单位", "协办单位", "协助单位")
_DEADLINE_WORDS = ("时间进度", "完成时限", "完成时间", "时限要求", "进度安排", "时间安排")
_HEADER_WORDS = (
    *_NUMBER_WORDS,
    *_TASK_WORDS,
    *_UNIT_WORDS,
    *_COOPERATE_WORDS,
    *_DEADLINE_WORDS,
    "备注",
)
_HEADER_LONGEST_FIRST = sorted(_HEADER_WORDS, key=len, reverse=True)
#: One deadline wording; a row's deadline cell is one or more of them.
_DEADLINE_PHRASE = (
    r"(?:\d{4}年(?:\d{1,2}月)?(?:底|末|内)?(?:前|以前)?"
    r"(?:完成|建成运行|建成|启动建设|启动|出台|实现|开展|印发)?|"
    r"持续推进|长期坚持|长期推进|持续开展|每年开展)"
)
_DEADLINE_TAIL = re.compile(rf"{_DEADLINE_PHRASE}(?:[，,、]{_DEADLINE_PHRASE})*$")
_UNIT_JOINS = re.compile(r"会同|等")


@dataclass(frozen=True, slots=True)
class TableLines:
    start: int  # index of the first header line
    end: int  # index after the last line of the rows
    lines: list[str]  # the rows as numbered lines, after a heading line


def find_flat_table(lines: list[str]) -> TableLines | None:
    """The first run-together 分工表 in ``lines`` (already cleaned), rewritten as lines."""
    for start in range(len(lines)):
        tabbed = _tab_separated_table(lines, start)
        if tabbed is not None:
            return tabbed
        header, body_start, first_body = _header_at(lines, start)
        if header is None:
            continue
        body = first_body + "".join(lines[body_start : _body_end(lines, body_start)])
        rows = _rows(body)
        if len(rows) < 2:
            continue
        unit_label = next(w for w in header if w in _UNIT_WORDS)
        cooperate_label = next((w for w in header if w in _COOPERATE_WORDS), None)
        title = _title_before(lines, start)
        out = [f"{_next_section_label(lines[:start])}{title}"]
        for number, cell in rows:
            out.append(_row_line(number, cell, unit_label, cooperate_label))
        return TableLines(start, _body_end(lines, body_start), out)
    return None


def _tab_separated_table(lines: list[str], start: int) -> TableLines | None:
    """A table copied with its cells separated by tabs: "1\t任务\t单位\t时限" per row."""
    cells = [c.strip() for c in lines[start].split("\t")]
    if len(cells) < 3 or _checked([c for c in cells if c in _HEADER_WORDS]) is None:
        return None
    if any(c not in _HEADER_WORDS for c in cells):
        return None
    column = {word: i for i, word in enumerate(cells)}
    number_at = next(column[w] for w in _NUMBER_WORDS if w in column)
    task_at = next(column[w] for w in _TASK_WORDS if w in column)
    unit_label = next(w for w in cells if w in _UNIT_WORDS)
    deadline_at = next((column[w] for w in _DEADLINE_WORDS if w in column), None)
    out = [f"{_next_section_label(lines[:start])}{_title_before(lines, start)}"]
    end = start + 1
    while end < len(lines) and "\t" in lines[end]:
        row = [c.strip() for c in lines[end].split("\t")] + [""] * len(cells)
        end += 1
        if not row[number_at].isdigit():
            continue
        parts = [f"{unit_label}：{row[column[unit_label]]}"] if row[column[unit_label]] else []
        if deadline_at is not None and row[deadline_at]:
            parts.append(f"完成时限：{row[deadline_at]}")
        bracket = f"（{'；'.join(parts)}）" if parts else ""
        out.append(f"{row[number_at]}.{row[task_at]}{bracket}")
    return TableLines(start, end, out) if len(out) > 2 else None


def _header_at(lines: list[str], start: int) -> tuple[list[str] | None, int, str]:
    header: list[str] = []
    index = start
    while index < len(lines):
        line = lines[index]
        word = next((w for w in _HEADER_LONGEST_FIRST if line.startswith(w)), None)
        if word is None:
            break
        header.append(word)
        rest = line[len(word) :].strip()
        index += 1
        if rest:  # "时间进度1发布…": the last header cell fused with the first row
            return _checked(header), index, rest
    return _checked(header), index, ""


def _checked(header: list[str]) -> list[str] | None:
    has = {
        "number": any(w in _NUMBER_WORDS for w in header),
        "task": any(w in _TASK_WORDS for w in header),
        "units": sum(1 for w in header if w in _UNIT_WORDS) == 1
        and sum(1 for w in header if w in _COOPERATE_WORDS) <= 1,
    }
    return header if len(header) >= 3 and all(has.values()) else None


def _body_end(lines: list[str], start: int) -> int:
    end = start
    while end < len(lines) and lines[end]:
        end += 1
    return end


def _rows(body: str) -> list[tuple[int, str]]:
    """Cut "1…完成2…持续推进3…" into numbered rows, each ending with its deadline."""
    body = body.strip()
    if not body.startswith("1") or body[1:2].isdigit():
        return []
    rows: list[tuple[int, str]] = []
    number, start = 1, 1
    while True:
        cut = _next_row_start(body, number + 1, start)
        if cut is None:
            rows.append((number, body[start:]))
            return rows
        rows.append((number, body[start:cut]))
        number, start = number + 1, cut + len(str(number + 1))


def _next_row_start(body: str, number: int, start: int) -> int | None:
    token = str(number)
    index = body.find(token, start)
    while index != -1:
        before, after = body[start:index], body[index + len(token) : index + len(token) + 1]
        if not after.isdigit() and after not in "年月日%个家项" and _DEADLINE_TAIL.search(before):
            return index
        index = body.find(token, index + 1)
    return None


def _row_line(number: int, cell: str, unit_label: str, cooperate_label: str | None) -> str:
    deadline = ""
    m = _DEADLINE_TAIL.search(cell)
    if m and m.start() > 0:
        deadline, cell = m.group(0), cell[: m.start()]
    task, units = _split_units(cell)
    parts = [f"{unit_label}：{units}"] if units else []
    if units and cooperate_label is not None:
        leading, cooperating = _cell_boundary(units)
        parts = [f"{unit_label}：{leading}"]
        if cooperating:
            parts.append(f"{cooperate_label}：{cooperating}")
    if deadline:
        parts.append(f"完成时限：{deadline}")
    bracket = f"（{'；'.join(parts)}）" if parts else ""
    return f"{number}.{task}{bracket}"


def _split_units(cell: str) -> tuple[str, str]:
    """ "…科技成果包科技部会同有关部门" → (task, "科技部会同有关部门"): the longest tail
    that starts with a known organ and is a list of organ names."""
    for index in range(1, len(cell)):
        tail = cell[index:]
        if starts_with_known_organ(tail, cell[index - 1]) and _is_unit_list(tail):
            return cell[:index], tail
    return cell, ""


def _cell_boundary(units: str) -> tuple[str, str]:
    """ "国家发展改革委财政部、教育部" → ("国家发展改革委", "财政部、教育部"): where two
    organ names meet with no separator, one cell ended and the next began."""
    for index in range(2, len(units)):
        if units[index - 1] in "、，," or not units[:index].endswith(UNIT_ENDINGS):
            continue
        if starts_with_known_organ(units[index:], units[index - 1]):
            return units[:index], units[index:]
    return units, ""


def _is_unit_list(text: str) -> bool:
    for part in split_top_level(text, "、，,"):
        for name in _UNIT_JOINS.split(strip_etc(part)):
            if (
                name
                and name not in ("有关部门", "有关地方政府", "相关部门")
                and (doubtful_unit_reason(name) is not None or len(name) > 15)
            ):
                return False
    return True


def _title_before(lines: list[str], start: int) -> str:
    for line in reversed(lines[max(0, start - 3) : start]):
        if line and not line.startswith("附件") and len(line) <= 40:
            return line
    return "重点任务分工表"


def _next_section_label(before: list[str]) -> str:
    numbers = [
        chinese_numeral(m.group(1))
        for x in before
        if (m := re.match(r"^([一二三四五六七八九十]+)、", x))
    ]
    last = max((n for n in numbers if n), default=0)
    return _cn(last + 1) + "、"


def _cn(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
