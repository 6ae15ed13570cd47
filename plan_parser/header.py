"""Plan parsing layer: facts of the covering notice (发文机关, 成文日期, 主送机关, 标题)."""

from __future__ import annotations

import datetime as dt
import re

from plan_parser.numbering import chinese_numeral

_DATE_ARABIC = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_DATE_CHINESE = re.compile(
    r"^([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月"
    r"([一二三四五六七八九十]{1,3})日$"
)
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def parse_date(line: str) -> dt.date | None:
    line = line.strip()
    try:
        m = _DATE_ARABIC.match(line)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _DATE_CHINESE.match(line)
        if m:
            month, day = chinese_numeral(m.group(2)), chinese_numeral(m.group(3))
            if month and day:
                return dt.date(int(m.group(1).translate(_YEAR_DIGITS)), month, day)
    except ValueError:
        return None
    return None


def _is_short_heading(line: str) -> bool:
    return 0 < len(line) <= 60 and not re.search(r"[。，；]", line)


def parse_header(lines: list[str]) -> tuple[str, str, dt.date | None, str]:
    """(title, issuer, issued_on, addressees) from the lines before the first numbered item."""
    addressees = ""
    issuer = ""
    issued_on: dt.date | None = None
    date_index = -1
    for i, line in enumerate(lines):
        if not addressees and line.endswith(("：", ":")) and len(line) <= 120:
            addressees = line.rstrip("：:")
        date = parse_date(line)
        if date is not None:
            issued_on, date_index = date, i
            previous = [x for x in lines[:i] if x]
            if previous and _is_short_heading(previous[-1]):
                issuer = previous[-1]
            break
    title = _title_block(lines[date_index + 1 :]) or _title_from_notice(lines) or _first_line(lines)
    return title, issuer, issued_on, addressees


def _title_block(lines: list[str]) -> str:
    block = [x for x in lines if x]
    if block and all(_is_short_heading(x) for x in block):
        return "".join(block)
    return ""


def _title_from_notice(lines: list[str]) -> str:
    text = "".join(lines)
    start = text.find("《")
    while start != -1:
        depth = 0
        for j in range(start, len(text)):
            depth += {"《": 1, "》": -1}.get(text[j], 0)
            if depth == 0:
                inner = text[start + 1 : j]
                if "方案" in inner or "分工" in inner:
                    return inner.replace("〈", "《").replace("〉", "》")
                break
        start = text.find("《", start + 1)
    return ""


def _first_line(lines: list[str]) -> str:
    first = next((x for x in lines if x), "")
    return first if _is_short_heading(first) else "未命名方案"
