"""Word's automatic numbering rendered as Word shows it: formats, counters, restarts."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_intake import parse_plan_document, read_plan_text
from plan_intake.docx_numbering import chinese_counting, format_number
from tests.intake.docx_factory import abstract, lvl, num, numbering_xml, p, write_docx


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (23, "二十三"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
    ],
)
def test_chinese_counting(n: int, text: str) -> None:
    assert chinese_counting(n) == text


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (3, "decimal", "3"),
        (12, "chineseCountingThousand", "十二"),
        (1, "ideographTraditional", "甲"),
        (4, "ideographTraditional", "丁"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "decimalFullWidth", "２"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "ideographDigital", "七"),
    ],
)
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


OUTLINE = abstract(
    1,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCountingThousand", "（%2）"),
    lvl(2, "decimal", "%3."),
)


def _text(tmp_path: Path, body: str, *parts: str, styles: str | None = None) -> list[str]:
    path = write_docx(tmp_path / "plan.docx", body, numbering_xml(*parts), styles)
    return read_plan_text(path).splitlines()


def test_levels_nest_and_deeper_levels_restart(tmp_path: Path) -> None:
    body = "".join(
        [
            p("甲部分", (7, 0)),
            p("甲方面", (7, 1)),
            p("任务甲", (7, 2)),
            p("任务乙", (7, 2)),
            p("乙方面", (7, 1)),
            p("任务丙", (7, 2)),
            p("说明文字，不编号"),
            p("乙部分", (7, 0)),
            p("丙方面", (7, 1)),
        ]
    )
    assert _text(tmp_path, body, OUTLINE, num(7, 1)) == [
        "一、甲部分",
        "（一）甲方面",
        "1.任务甲",
        "2.任务乙",
        "（二）乙方面",
        "1.任务丙",
        "说明文字，不编号",
        "二、乙部分",
        "（一）丙方面",
    ]


def test_lvl_restart_zero_numbers_on_through_headings(tmp_path: Path) -> None:
    never = abstract(
        2,
        lvl(0, "chineseCounting", "%1、"),
        lvl(1, "decimal", "%2.", extra='<w:lvlRestart w:val="0"/>'),
    )
    body = p("甲", (3, 0)) + p("a", (3, 1)) + p("b", (3, 1)) + p("乙", (3, 0)) + p("c", (3, 1))
    assert _text(tmp_path, body, never, num(3, 2)) == ["一、甲", "1.a", "2.b", "二、乙", "3.c"]


def test_start_values_and_restart_override(tmp_path: Path) -> None:
    parts = (
        abstract(4, lvl(0, "decimal", "%1、", start=5)),
        num(1, 4),
        num(2, 4),  # the same list continued elsewhere: counts on
        num(3, 4, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
    )
    body = p("a", (1, 0)) + p("b", (1, 0)) + p("c", (2, 0)) + p("d", (3, 0)) + p("e", (3, 0))
    assert _text(tmp_path, body, *parts) == ["5、a", "6、b", "7、c", "1、d", "2、e"]


def test_empty_numbered_paragraph_counts_but_gives_no_line(tmp_path: Path) -> None:
    body = p("a", (1, 0)) + p("", (1, 0)) + p("c", (1, 0))
    parts = (abstract(4, lvl(0, "decimal", "%1.")), num(1, 4))
    assert _text(tmp_path, body, *parts) == ["1.a", "3.c"]


def test_legal_numbering_and_multi_level_labels(tmp_path: Path) -> None:
    legal = abstract(
        5,
        lvl(0, "chineseCounting", "第%1章"),
        lvl(1, "decimal", "%1.%2", extra="<w:isLgl/>"),
    )
    body = p("总则", (9, 0)) + p("条文", (9, 1))
    assert _text(tmp_path, body, legal, num(9, 5)) == ["第一章总则", "1.1条文"]


def test_heading_styles_linked_to_a_list(tmp_path: Path) -> None:
    """Word's 多级列表 linked to 标题 1/标题 2: the numbering lives in the style."""
    styles = (
        '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="8"/>'
        "</w:numPr></w:pPr></w:style>"
        '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/>'
        '<w:numId w:val="8"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="H2x"><w:basedOn w:val="H2"/></w:style>'
    )
    body = p("甲", style="H1") + p("子", style="H2x") + p("任务", (8, 2)) + p("乙", style="H1")
    assert _text(tmp_path, body, OUTLINE, num(8, 1), styles=styles) == [
        "一、甲",
        "（一）子",
        "1.任务",
        "二、乙",
    ]


def test_deleted_and_hidden_text_left_out_inserted_kept(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>加强</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>知识产权</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:t>保护。</w:t></w:r></w:p>"
    )
    assert _text(tmp_path, body, OUTLINE) == ["加强知识产权保护。"]


def test_a_numbered_word_plan_parses(tmp_path: Path) -> None:
    body = "".join(
        [
            p("某市重点任务分工方案"),
            p("优化营商环境", (1, 0)),
            p("深化审批改革", (1, 1)),
            p("推行一网通办。（市政务服务局牵头，市发展改革委、市司法局配合）", (1, 2)),
            p("压缩办理时限。（市政务服务局负责）", (1, 2)),
        ]
    )
    path = write_docx(tmp_path / "p.docx", body, numbering_xml(OUTLINE, num(1, 1)))
    plan = parse_plan_document(path)
    assert [(t.number, [u.name for u in t.units]) for t in plan.all_tasks()] == [
        (1, ["市政务服务局", "市发展改革委", "市司法局"]),
        (2, ["市政务服务局"]),
    ]
    assert plan.sections[0].label == "一、" and plan.sections[0].subsections[0].label == "（一）"
