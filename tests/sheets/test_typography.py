"""Chinese line breaking: closing marks never start a line, opening marks never end one."""

from __future__ import annotations

from typing import Any

import pytest

from domain.records import PlanView
from sheets.typography import CANNOT_END, CANNOT_START, Styles, choose_break


def line_texts(paragraph: Any) -> list[str]:
    out = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple | list):  # one-font paragraph: (extra space, [text])
            out.append("".join(line[1]))
        else:
            out.append("".join(word.text for word in line.words))
    return out


def wrap(text: str, chars_per_line: int, styles: Styles | None = None) -> list[str]:
    styles = styles or Styles()
    para = styles.para(text)
    para.wrap(styles.cell.fontSize * chars_per_line + 0.01, 10_000)
    return line_texts(para)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一二三四五六七八九十，一二三", ["一二三四五六七八九十，", "一二三"]),  # hangs
        ("一二三四五六七八九十）。一二", ["一二三四五六七八九", "十）。一二"]),  # pushed down
        ("一二三四五六七八九“十一二三", ["一二三四五六七八九", "“十一二三"]),
        ("一二三四五六七八2016年", ["一二三四五六七八", "2016年"]),
        ("一二三四五六七八九十。\n下一行", ["一二三四五六七八九十。", "下一行"]),
        ("一二三四五六七八九十——一二", ["一二三四五六七八九", "十——一二"]),  # wide: no hang
        ("一二三四五六七八九十℃", ["一二三四五六七八九", "十℃"]),
    ],
)
def test_break_rules(text: str, expected: list[str]) -> None:
    assert wrap(text, 10) == expected


def test_choose_break_always_progresses() -> None:
    marks = list("，，，，，，")
    assert choose_break(marks, 0, 3) > 0
    word = list("ABCDEFGHIJKLMNOP")
    assert choose_break(word, 0, 10) == 10  # a word longer than the line is cut


@pytest.mark.parametrize("chars_per_line", [7, 11, 13, 17, 23, 29])
def test_seed_texts_never_start_a_line_with_closing_punctuation(
    seed_plan: PlanView, chars_per_line: int
) -> None:
    styles = Styles()
    for task in seed_plan.all_tasks():
        lines = wrap(task.text, chars_per_line, styles)
        assert "".join(lines) == task.text
        for before, line in zip(lines, lines[1:], strict=False):
            assert line[0] not in CANNOT_START, (task.number, before, line)
            assert before[-1] not in CANNOT_END, (task.number, before, line)
