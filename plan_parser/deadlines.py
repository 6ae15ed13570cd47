"""Plan parsing layer: a task's deadline as written (完成时限) and its date where it is clear.

Offices write deadlines into the task text ("2019年6月底前完成…"), into the assignment
bracket ("完成时限：2022年") or into a table column ("持续推进"). The wording is kept as
the clerk will recognise it; a date is given only when the wording names a year.
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
_YEAR_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")


def deadline_of(text: str, assignment: str = "") -> tuple[str | None, dt.date | None]:
    """(wording, date) from a task's assignment and text; (None, None) if it names none."""
    for source in (assignment, text):
        m = _LABELLED.search(source)
        if m:
            wording = m.group(1).strip()
            return wording, _date_of(wording)
    for source in (assignment, text):
        m = _ONGOING_RE.search(source)
        if m and _stands_alone(source, m.start(), m.end()):
            return m.group(0), None
    for source in (assignment, text):
        best = _latest_dated(source)
        if best is not None:
            return best
    return None, None


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
