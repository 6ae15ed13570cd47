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
    if issued_on is None:
        issuer, issued_on = _signature_in_running_text(lines) or (issuer, None)
    title = (
        _leading_heading(lines[date_index + 1 :])
        or _title_from_notice(lines, ("方案", "分工"))
        or _leading_heading(lines)
        or _title_from_notice(lines, ("意见", "措施", "计划", "办法", "规划"), issued_here=True)
        or "未命名方案"
    )
    return title, issuer, issued_on, addressees


_DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号")
_NOTE = re.compile(r"^[（(][^（）()]*[）)]$")  # "(本文有删减)", "（此件公开发布）"


def _leading_heading(lines: list[str]) -> str:
    """The title lines at the top of ``lines``: short, unpunctuated, before any prose."""
    block: list[str] = []
    for line in lines:
        if not line or _NOTE.match(line):
            continue
        if (
            _is_short_heading(line)
            and not _DOC_NUMBER.search(line)
            and not line.endswith(("：", ":"))
            and parse_date(line) is None
        ):
            block.append(line)
            continue
        break
    return "".join(block)


def _title_from_notice(lines: list[str], words: tuple[str, ...], issued_here: bool = False) -> str:
    """The 《…》 the notice is about; with ``issued_here``, only one the notice hands out
    ("现将《…》印发给你们", "《…》已经省政府同意"), not one it merely cites."""
    text = "".join(lines)
    start = text.find("《")
    while start != -1:
        depth = 0
        for j in range(start, len(text)):
            depth += {"《": 1, "》": -1}.get(text[j], 0)
            if depth == 0:
                inner = text[start + 1 : j]
                handed_out = text[j + 1 : j + 3] in ("已经", "印发") or text[
                    max(0, start - 2) : start
                ] in ("现将", "将")
                if any(word in inner for word in words) and (handed_out or not issued_here):
                    return inner.replace("〈", "《").replace("〉", "》")
                break
        start = text.find("《", start + 1)
    return ""


#: "…认真贯彻执行。河北省人民政府办公厅2023年6月29日…": the signature inside a line whose
#: breaks were lost (web copies).
_SIGNATURE = re.compile(
    r"(?:^|[。！\s\u00a0）)])\s*([\u4e00-\u9fff]{2,30}?(?:人民政府办公厅|人民政府|办公厅|办公室|"
    r"委员会|厅|部|委|局))\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)


def _signature_in_running_text(lines: list[str]) -> tuple[str, dt.date] | None:
    for line in lines:
        m = _SIGNATURE.search(line)
        if m is None:
            continue
        try:
            return m.group(1), dt.date(int(m.group(2)), int(m.group(3)), int(m.group(4)))
        except ValueError:
            continue
    return None
