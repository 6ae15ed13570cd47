"""Plan intake: Word's automatic list numbering (numbering.xml) rendered as text labels.

In many documents the 一、/（一）/1. labels are not in the paragraph text at all: the
paragraph carries ``w:numPr`` (or its style does) and Word draws the label from the list
definition. This module keeps Word's counters as it walks the body in order:

- a ``w:num`` points at a ``w:abstractNum`` whose levels say format (``numFmt``), pattern
  (``lvlText`` such as ``%1、`` or ``（%2）``) and ``start``;
- lists that use the same abstract definition share their counters, as in Word, except a
  ``w:num`` with a ``startOverride`` ("restart numbering"), which counts on its own;
- a level restarts when a shallower level advances (``lvlRestart`` can say which one, 0 =
  never), deeper levels restart too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN_DIGITS = "〇一二三四五六七八九"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _CN_DIGITS[rest]
        else:
            tail = _CN_DIGITS[rest // 10] + "十" + (_CN_DIGITS[rest % 10] if rest % 10 else "")
        return _CN_DIGITS[n // 100] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB.
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word number format (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return chinese_counting(n)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _HEAVENLY_STEMS if fmt == "ideographTraditional" else _EARTHLY_BRANCHES
        return cycle[(n - 1) % len(cycle)] if n > 0 else str(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x245F + n) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2473 + n) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False  # isLgl: every number in this level's label shown as decimal
    style_id: str | None = None


@dataclass(slots=True)
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _val(el: ET.Element | None, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(f"{W}val", default)


def _int(el: ET.Element | None, default: int) -> int:
    try:
        return int(_val(el) or default)
    except ValueError:
        return default


def _level(lvl: ET.Element) -> Level:
    restart_el = lvl.find(f"{W}lvlRestart")
    is_lgl = lvl.find(f"{W}isLgl")
    return Level(
        start=_int(lvl.find(f"{W}start"), 1),
        fmt=_val(lvl.find(f"{W}numFmt"), "decimal") or "decimal",
        text=_val(lvl.find(f"{W}lvlText"), "") or "",
        restart=None if restart_el is None else _int(restart_el, 0),
        legal=is_lgl is not None and _val(is_lgl, "1") not in ("0", "false"),
        style_id=_val(lvl.find(f"{W}pStyle")),
    )


class Numbering:
    """The list definitions of one document and the running counters while it is read."""

    def __init__(self, numbering_xml: ET.Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, _Num] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._used: set[str] = set()
        if numbering_xml is None:
            return
        for abstract in numbering_xml.iter(f"{W}abstractNum"):
            levels = {_int_attr(lvl, "ilvl"): _level(lvl) for lvl in abstract.iter(f"{W}lvl")}
            self._abstract[abstract.get(f"{W}abstractNumId", "")] = levels
        for num in numbering_xml.iter(f"{W}num"):
            entry = _Num(_val(num.find(f"{W}abstractNumId"), "") or "")
            for override in num.iter(f"{W}lvlOverride"):
                ilvl = _int_attr(override, "ilvl")
                start = override.find(f"{W}startOverride")
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start, 1)
                lvl = override.find(f"{W}lvl")
                if lvl is not None:
                    entry.level_overrides[ilvl] = _level(lvl)
            self._nums[num.get(f"{W}numId", "")] = entry

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list's counter at ``ilvl`` and return the label Word shows."""
        num = self._nums.get(num_id)
        if num is None or num_id == "0":  # numId 0 means "numbering switched off"
            return ""
        levels = self._levels(num)
        if ilvl not in levels:
            return ""
        # A restarted list (startOverride) counts on its own; others share the abstract's.
        key = f"num:{num_id}" if num.start_overrides else f"abstract:{num.abstract_id}"
        counters = self._counters.setdefault(key, {})
        if key not in self._used:
            self._used.add(key)
            counters.clear()
        level = levels[ilvl]
        start = num.start_overrides.get(ilvl, level.start)
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start
        for deeper in [k for k in counters if k > ilvl]:
            deeper_level = levels.get(deeper, Level())
            # lvlRestart n: restart only when level n (1-based) or shallower advances; 0: never.
            if deeper_level.restart is None or (0 < deeper_level.restart <= ilvl + 1):
                del counters[deeper]
        return self._render(level, levels, counters, num)

    def _levels(self, num: _Num) -> dict[int, Level]:
        levels = dict(self._abstract.get(num.abstract_id, {}))
        levels.update(num.level_overrides)
        return levels

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], counters: dict[int, int], num: _Num) -> str:
        if level.fmt == "bullet":
            return ""  # bullets are not numbers; a bulleted line is plain text
        out = level.text
        for index in range(9):
            token = f"%{index + 1}"
            if token not in out:
                continue
            shown = levels.get(index, Level())
            value = counters.get(index, num.start_overrides.get(index, shown.start))
            fmt = "decimal" if level.legal else shown.fmt
            out = out.replace(token, format_number(value, fmt))
        return out

    def style_level(self, style_id: str) -> tuple[str, int] | None:
        """A level that names this paragraph style (w:pStyle inside w:lvl), as Word links them."""
        for num_id, num in self._nums.items():
            for ilvl, level in self._levels(num).items():
                if level.style_id == style_id:
                    return num_id, ilvl
        return None


def _int_attr(el: ET.Element, name: str) -> int:
    try:
        return int(el.get(f"{W}{name}", "0"))
    except ValueError:
        return 0
