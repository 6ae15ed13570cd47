"""Plan parsing layer: recognise the numbering of official documents (一、 （一） 1. （1） …)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100}
_CN_NUMERAL = "零〇一二两三四五六七八九十百"
_FULLWIDTH = str.maketrans("０１２３４５６７８９（）．、", "0123456789().、")


class Style(IntEnum):
    """Numbering styles, in the conventional order of nesting."""

    CN_COMMA = 0  # 一、
    CN_PAREN = 1  # （一）
    ARABIC = 2  # 1. 1． 1、
    ARABIC_PAREN = 3  # （1） (1)
    CIRCLED = 4  # ①


@dataclass(frozen=True, slots=True)
class Numbered:
    style: Style
    number: int
    label: str
    rest: str


_PATTERNS: tuple[tuple[Style, re.Pattern[str]], ...] = (
    (Style.CN_COMMA, re.compile(rf"^([{_CN_NUMERAL}]+)、\s*(.*)$", re.S)),
    (Style.CN_PAREN, re.compile(rf"^\(([{_CN_NUMERAL}]+)\)\s*(.*)$", re.S)),
    # "1." must not swallow decimals ("1.5亿元") or dates; a number is at most 3 digits.
    # "1.2016年底前…", "1、2016年…": a label fused with the year that opens the task is
    # still a label.
    (Style.ARABIC, re.compile(r"^(\d{1,3})(?:[.、](?!\d)|[.、](?=(?:19|20)\d\d年))\s*(.*)$", re.S)),
    (Style.ARABIC_PAREN, re.compile(r"^\((\d{1,3})\)\s*(.*)$", re.S)),
    (Style.CIRCLED, re.compile(r"^([\u2460-\u2473])\s*(.*)$", re.S)),
)


def chinese_numeral(text: str) -> int | None:
    """一 → 1, 十 → 10, 二十三 → 23, 一百零五 → 105, 五十三 → 53."""
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    if digit is not None:
        total += digit
    return total or None


def match_numbering(line: str) -> Numbered | None:
    """The numbering at the start of ``line`` (already stripped), or None."""
    head = line[:8].translate(_FULLWIDTH)
    probe = head + line[8:]
    for style, pattern in _PATTERNS:
        m = pattern.match(probe)
        if not m:
            continue
        # The probe only normalises the first characters; take the text from the original.
        raw, rest = m.group(1), line[m.start(2) :]
        if style in (Style.CN_COMMA, Style.CN_PAREN):
            number = chinese_numeral(raw)
        elif style is Style.CIRCLED:
            number = ord(raw) - 0x245F
        else:
            number = int(raw)
        if not number:
            continue
        label = line[: len(line) - len(rest)].strip()
        return Numbered(style, number, label, rest.strip())
    return None
