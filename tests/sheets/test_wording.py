"""The plain-text rules both the PDF and the Word sheets print."""

from __future__ import annotations

import pytest

from sheets.wording import title_lines

SEED_TITLE = "《黑龙江省人民政府关于新形势下加快知识产权强省建设的实施意见》重点任务分工方案"


@pytest.mark.parametrize("width", [20, 24, 27, 30])
def test_a_long_title_breaks_after_whole_words(width: int) -> None:
    lines = title_lines(SEED_TITLE, width)
    assert "".join(lines) == SEED_TITLE
    assert all(len(line) <= width for line in lines)
    # Never inside 实施 / 意见 / 方案, never before a closing mark.
    for line, following in zip(lines, lines[1:], strict=False):
        assert line[-1] + following[0] not in {"实施", "施意", "意见", "分工", "任务"}
        assert following[0] not in "》）、，"
        assert line.endswith(("关于", "》", "的", "和", "与", "、", "，"))


def test_short_titles_stay_on_one_line() -> None:
    assert title_lines("任务分工责任清单", 20) == ["任务分工责任清单"]


def test_a_title_without_break_words_is_cut_evenly() -> None:
    assert title_lines("甲" * 30, 20) == ["甲" * 15, "甲" * 15]
