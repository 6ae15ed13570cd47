"""Plan parsing layer: a task's deadline as written (完成时限) and its date where it is clear.

Offices write deadlines into the task text ("2019年6月底前完成…"), into the assignment
bracket ("完成时限：2022年") or into a table column ("持续推进"). The wording is kept as
the clerk will recognise it. A date is given where the wording names a year, or where it
names a month or the year's end without one ("6月底前", "年底前"): such a plan means the
year it was issued, and a day already past at issue means the next year. Recurring
wordings ("每季度末") are a deadline of their own kind: kept as text, no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

#: Open-ended wordings that are a deadline of their own kind (no date).
_ONGOING = ("长期坚持", "持续推进", "长期推进", "持续开展", "长期开展", "贯穿全年", "常态化推进")
_ONGOING_RE = re.compile("|".join(_ONGOING))
_LABELLED = re.compile(
    r"(?:完成时限|完成时间|时间进度|时限要求|时间节点|进度安排|时限)\s*[：:]\s*([^，,；;。）)]+)"
)
_NUM = r"(\d{4}|[〇零○一二三四五六七八九]{4})"
#: "2020年底前", "2019年6月底前完成", "2018年3月15日前", "2017年上半年", "2022年".
_DATED = re.compile(
    _NUM + r"\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日|底|末|中旬|上旬|下旬)?|"
    r"(底|末|年底|上半年|下半年|内|年内|第[一二三四]季度|一季度|二季度|三季度|四季度))?"
    r"\s*(前|以前|之前|内)?(?:完成|建成|出台|实现|基本完成)?"
)
#: Without a year: "6月底前", "9月25日前", "六月底前", "年底前", "今年年底前", "年内".
_YEARLESS = re.compile(
    r"(?<![\d〇零○一二三四五六七八九十两几多半数年])(?:(?:今年|本年|当年)?"
    r"(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月\s*(?:(\d{1,2})\s*日|底|末)\s*(?:前|以前|之前)"
    r"|年底前|年底以前|年内|上半年|第[一二三四]季度末?前?))"
)
#: Recurring: "每季度末", "每月底前", "每月10日前", "每半年", "每年底前", "每年6月底前".
_RECURRING = re.compile(
    r"每(?:个)?(?:年\s*\d{1,2}\s*月|季度|月|半年|年|周)(?:末|底|初)?(?:\d{1,2}日)?(?:前|以前)?"
)
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def deadline_of(
    text: str, assignment: str = "", plan_date: dt.date | None = None
) -> tuple[str | None, dt.date | None]:
    """(wording, date) from a task's assignment and text; (None, None) if it names none.

    ``plan_date`` (the issuer's date in the header) gives the year of a wording without one.
    """
    for source in (assignment, text):
        m = _LABELLED.search(source)
        if m:
            wording = m.group(1).strip()
            return wording, _date_of(wording) or _yearless_date(wording, plan_date)
    for source in (assignment, text):
        m = _ONGOING_RE.search(source)
        if m and _stands_alone(source, m.start(), m.end()):
            return m.group(0), None
    for source in (assignment, text):
        best = _latest_dated(source)
        if best is not None:
            return best
    for source in (assignment, text):
        m = _YEARLESS.search(source)
        if m:
            return m.group(0), _yearless_date(m.group(0), plan_date)
    for source in (assignment, text):
        m = _RECURRING.search(source)
        if m and _is_recurring_deadline(m.group(0)):
            return m.group(0), None
    return None, None


def is_ongoing(wording: str) -> bool:
    """ "长期坚持", "持续推进": a deadline that is never overdue (``Deadline.long_term``)."""
    return bool(_ONGOING_RE.fullmatch(wording.strip()))


def _is_recurring_deadline(wording: str) -> bool:
    """ "每季度末" or "每月10日前" is a deadline; "每季度" alone or "每年新增…" is not."""
    return wording.endswith(("末", "底", "前")) or "季度" in wording or "半年" in wording


def _yearless_date(wording: str, plan_date: dt.date | None) -> dt.date | None:
    """The date a wording without a year means in a plan issued on ``plan_date``.

    A recurring wording has none; a day before the plan's date is next year's.
    """
    if plan_date is None or _RECURRING.search(wording) or _DATED.search(wording):
        return None
    m = _YEARLESS.search(wording)
    if m is None:
        return None
    date = _day_in_year(m, plan_date.year)
    if date is not None and date < plan_date:
        date = _day_in_year(m, plan_date.year + 1)
    return date


_CN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _day_in_year(m: re.Match[str], year: int) -> dt.date | None:
    month_text, day_text, wording = m.group(1), m.group(2), m.group(0)
    try:
        if month_text:
            if month_text.isdigit():
                month = int(month_text)
            elif month_text.startswith("十"):
                month = 10 + _CN_MONTH.get(month_text[1:], 0)
            else:
                month = _CN_MONTH[month_text]
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, int(day_text) if day_text else last)
        if "上半年" in wording:
            return dt.date(year, 6, 30)
        for key, month in (("一", 3), ("二", 6), ("三", 9), ("四", 12)):
            if f"第{key}季度" in wording:
                return dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 12, 31)
    except (ValueError, KeyError):
        return None


def _latest_dated(source: str) -> tuple[str, dt.date] | None:
    """The latest "…前" deadline in ``source``: a task is due at its last milestone."""
    best: tuple[str, dt.date] | None = None
    for m in _DATED.finditer(source):
        wording = m.group(0)
        part = m.group(4) or ""
        if not (m.group(5) or "底" in wording or "末" in wording or part in ("内", "年内")) and (
            "半年" not in part and "季度" not in part
        ):
            continue  # "到2020年，…" is a target year, "2021年8月5日" a date, not deadlines
        date = _date_of(wording)
        if date is not None and (best is None or date > best[1]):
            best = (wording, date)
    return best


def _stands_alone(source: str, start: int, end: int) -> bool:
    """ "持续推进" as a clause of its own, not "持续推进改革" in a sentence."""
    before = source[start - 1] if start else "（"
    after = source[end] if end < len(source) else "）"
    return before in "（(，,；;：: \n" and after in "）)，,；;。 \n"


def _date_of(wording: str) -> dt.date | None:
    m = _DATED.search(wording)
    if m is None:
        return None
    year = int(m.group(1).translate(_YEAR_DIGITS))
    if not 1990 <= year <= 2100:
        return None
    month, day, part = m.group(2), m.group(3), m.group(4) or ""
    try:
        if month:
            mon = int(month)
            last = calendar.monthrange(year, mon)[1]
            return dt.date(year, mon, int(day) if day else last)
        if part == "上半年":
            return dt.date(year, 6, 30)
        quarter = {"一": 3, "二": 6, "三": 9, "四": 12}
        for key, mon in quarter.items():
            if key + "季度" in part:
                return dt.date(year, mon, calendar.monthrange(year, mon)[1])
        return dt.date(year, 12, 31)
    except ValueError:
        return None
