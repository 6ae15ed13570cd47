"""Plans pasted out of a PDF reader: printed lines, page numbers and running heads."""

from __future__ import annotations

from domain.enums import Role
from plan_parser import parse_plan_text
from plan_parser.copied_text import PAGE_NUMBER_RE, restore_paragraphs

L, C, R = Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE
INDENT = "\u3000\u3000"


def printed(paragraph: str, width: int = 28, indent: str = INDENT) -> list[str]:
    """``paragraph`` as a PDF prints it: ``width`` characters to a line, indent on the first."""
    text = indent + paragraph
    return [text[i : i + width] for i in range(0, len(text), width)]


def units(task) -> list[tuple[str, Role]]:  # type: ignore[no-untyped-def]
    return [(u.name, u.role) for u in task.units]


PARAGRAPHS = [
    "一、重点任务",
    "（一）完善科技成果转移转化政策，健全成果评价、收益分配和激励机制，"
    "落实相关税收优惠政策。（省科技厅、省发展改革委、省财政厅、省人力资源社会保障厅负责）",
    "（二）建设一批科技成果转移转化示范区，推动科技成果与区域产业发展深度融合，"
    "培育一批专业化技术转移机构和技术经理人队伍。（省科技厅牵头，省教育厅、省工业和信息化厅、"
    "省商务厅配合）",
    "（三）加大金融支持力度，引导社会资本投向科技成果转化项目，"
    "扩大知识产权质押融资规模。（人行石家庄中心支行、省地方金融监管局按职责分工负责）",
]


def test_printed_lines_page_numbers_and_running_heads_are_put_back() -> None:
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines.extend(printed(paragraph, indent="" if paragraph.startswith("一、") else INDENT))
    # A page break inside the second task's bracket: the page number, then the running head.
    cut = next(i for i, x in enumerate(lines) if "省教育厅" in x)
    lines[cut:cut] = ["— 1 —", "", "科技成果转化行动方案"]
    lines[cut + 8 : cut + 8] = ["— 2 —", "科技成果转化行动方案"]
    lines += ["— 3 —"]
    plan = parse_plan_text("\n".join(lines))
    tasks = plan.all_tasks()
    assert [t.label for t in tasks] == ["（一）", "（二）", "（三）"]
    assert units(tasks[0]) == [
        ("省科技厅", R),
        ("省发展改革委", R),
        ("省财政厅", R),
        ("省人力资源社会保障厅", R),
    ]
    assert units(tasks[1]) == [
        ("省科技厅", L),
        ("省教育厅", C),
        ("省工业和信息化厅", C),
        ("省商务厅", C),
    ]
    assert units(tasks[2]) == [("人行石家庄中心支行", R), ("省地方金融监管局", R)]
    assert "—" not in "".join(t.text for t in tasks)
    assert "行动方案" not in "".join(t.text for t in tasks)
    assert tasks[1].text.startswith(
        "建设一批科技成果转移转化示范区，推动科技成果与区域产业发展深度融合"
    )
    assert tasks[2].line_no == lines.index(printed(PARAGRAPHS[3])[0]) + 1


def test_a_first_line_whose_indent_was_lost_still_goes_on() -> None:
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines.extend(printed(paragraph, indent="" if paragraph.startswith("一、") else INDENT))
    flush = [x.lstrip("\u3000") for x in lines]  # the copy dropped every indent
    assert [p.text for p in restore_paragraphs(flush)] == PARAGRAPHS
    tasks = parse_plan_text("\n".join(flush)).all_tasks()
    assert len(tasks) == 3
    assert units(tasks[1])[0] == ("省科技厅", L)
    assert tasks[0].text.endswith("落实相关税收优惠政策。")


def test_items_run_together_inside_printed_lines_are_cut() -> None:
    # A web page without line breaks, printed to PDF and copied back: items start mid-line.
    flat = "".join(p for p in PARAGRAPHS[1:]) + "".join(
        f"（{n}）推进第{n}项重点工作，按期完成各项目标任务，确保取得实效。（省发展改革委负责）"
        for n in ("四", "五", "六")
    )
    lines = ["一、重点任务", *printed(flat, indent="")]
    tasks = parse_plan_text("\n".join(lines)).all_tasks()
    assert [t.label for t in tasks] == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert units(tasks[5]) == [("省发展改革委", R)]
    # Each task names the printed line it starts on.
    assert tasks[1].line_no == next(i for i, x in enumerate(lines) if "（二）" in x) + 1


def test_a_full_line_then_an_indented_or_numbered_line_starts_anew() -> None:
    full = "各地区各部门要按照本方案要求抓紧制定具体落实措施。"  # 25 characters
    raw = [full + "加强督促", INDENT + "检查。", full + "确保到位。", "2.推进乙。"] * 3
    paragraphs = restore_paragraphs(raw)
    assert [p.text for p in paragraphs[:2]] == [full + "加强督促", "检查。"]
    # The numbered line stays with the paragraph only to be cut off again where it starts:
    # that way items that run together across printed lines are still found.
    third = paragraphs[2]
    assert third.text == full + "确保到位。2.推进乙。"
    assert third.breaks == (len(full + "确保到位。"),)
    assert [third.line_at(0), third.line_at(len(third.text) - 1)] == [3, 4]


def test_a_text_that_is_not_hard_wrapped_is_left_as_it_is() -> None:
    raw = [INDENT + p for p in PARAGRAPHS] * 3
    assert [p.text for p in restore_paragraphs(raw)] == [p for p in PARAGRAPHS] * 3


def test_page_numbers_are_told_from_numbers_in_the_text() -> None:
    for mark in ("— 3 —", "- 3 -", "－3－", "—12—", "第3页", "第 3 页 共 12 页", "3/12"):
        assert PAGE_NUMBER_RE.match(mark), mark
    for text in ("3", "2020", "1.推进", "（三）", "-3"):
        assert not PAGE_NUMBER_RE.match(text), text
