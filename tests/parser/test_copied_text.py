"""Plans pasted out of a PDF reader: printed lines, page numbers and running heads."""

from __future__ import annotations

from domain.enums import Role
from plan_parser import parse_plan_text
from plan_parser.copied_text import PAGE_FOOT_RE, PAGE_NUMBER_RE, cells, restore_paragraphs

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


def test_a_page_holding_one_line_keeps_it() -> None:
    # The last page holds only the end of a task: that line stands beside two page
    # numbers, yet it is text, not a running head (which repeats on several pages).
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines.extend(printed(paragraph, indent="" if paragraph.startswith("一、") else INDENT))
    last = lines.pop()
    lines += ["— 1 —", last, "— 2 —"]
    tasks = parse_plan_text("\n".join(lines)).all_tasks()
    assert units(tasks[2]) == [("人行石家庄中心支行", R), ("省地方金融监管局", R)]


def test_a_first_line_ending_its_sentence_at_the_margin_goes_on() -> None:
    # Indents lost: the first line is two cells short and happens to end a sentence; the
    # line after it ran to the margin, so the paragraph goes on (a new one would start short).
    first = "建立回收体系，提升废旧农膜及农药包装废弃物利用水平。"  # 26 = 28 - 2
    rest = printed(
        "推广一膜多用、行间覆盖等技术，减少农膜使用。（农业农村部、市场监管总局指导）", indent=""
    )
    raw = [*printed(PARAGRAPHS[1], indent=""), first, *rest] * 2
    texts = [p.text for p in restore_paragraphs(raw)]
    assert texts[1] == first + "".join(rest)


def test_letter_spaced_lines_are_closed_up() -> None:
    # Some PDFs place every character apart; the copy has a space between each.
    spaced = [" ".join(x) for p in PARAGRAPHS[1:] for x in printed(p)] + [" ".join("— 12 —")]
    assert [p.text for p in restore_paragraphs(spaced)] == PARAGRAPHS[1:]
    lines = ["一、重点任务"] + [" ".join(x) for p in PARAGRAPHS[1:] for x in printed(p)]
    tasks = parse_plan_text("\n".join(lines)).all_tasks()
    assert units(tasks[2]) == [("人行石家庄中心支行", R), ("省地方金融监管局", R)]
    # A line with a few real spaces is the author's: left as it is.
    kept = "一、总体要求 （一）加强组织领导 推进落实"
    assert restore_paragraphs([kept])[0].text == kept


def test_a_blank_line_after_every_paragraph_says_nothing() -> None:
    # A web copy of a table: header cells one per line, each followed by a blank line.
    rows = "1发布一批科技成果包科技部2016年6月底前完成2建立成果信息系统科技部、财政部持续推进"
    head = ["国务院办公厅", "2016年4月21日", "附件", "重点任务分工表"]
    text = "\n\n".join([*head, "序号", "重点任务", "责任部门", "时间进度" + rows])
    tasks = parse_plan_text(text).all_tasks()
    assert [(t.number, [u.name for u in t.units]) for t in tasks] == [
        (1, ["科技部"]),
        (2, ["科技部", "财政部"]),
    ]
    # Where blank lines only sometimes follow a line, they still end paragraphs.
    mixed = ["标题", "", "第一段", "第二段", "", "第三段", "第四段", "第五段", "第六段"]
    assert [p.text for p in restore_paragraphs(mixed)].count("") == 2


def test_a_line_recurring_beside_few_of_many_page_numbers_is_text() -> None:
    # "管委会）" ends two tasks at the foot of two of ten pages: not a running head.
    lines: list[str] = []
    for page in range(1, 11):
        lines += printed(PARAGRAPHS[page % 3 + 1])
        if page in (4, 8):
            lines += ["省科技厅、省发展改革委，各市政府、雄安新区管委会负责落实到位", "管委会）"]
        lines.append(f"— {page} —")
    kept = [p.text for p in restore_paragraphs(lines)]
    assert sum(text.endswith("管委会）") for text in kept) == 2


def test_a_numbered_line_after_a_long_title_starts_anew() -> None:
    # Indents lost: the title is two cells short of the margin, as a first line would be;
    # the numbered line after it is a new item, while a wrap inside an item that happens
    # to start with "一、" ("…一对" / "一、点对点…") goes on.
    title = "关于进一步促进高校毕业生等青年就业创业的若干政策措施"
    item = [
        "3.推进便民办税春风行动，实行一次告知，最多跑一次，一",  # 26 cells: its indent was lost
        "一、点对点加强办税辅导，优化电子税务局等渠道和措施，优质",
        "高效办理留抵退税。（省税务局负责）",
    ]
    assert [cells(x) for x in (title, item[0])] == [26.0, 26.0] and item[1].startswith("一、")
    raw = [
        *printed(PARAGRAPHS[1], indent=""),
        title,
        *printed("一、" + PARAGRAPHS[3][3:], indent=""),
        *item,
    ]
    texts = [p.text for p in restore_paragraphs(raw * 2)]
    assert texts[1] == title
    assert texts[2].startswith("一、加大金融支持力度")
    assert texts[3] == "".join(item)


def test_every_printed_line_indented_once_pasted_into_wps() -> None:
    # Pasted into WPS, every printed line got the same indent: it marks no paragraph, and
    # a first line whose own indent was lost is still two cells short of the others, even
    # after a paragraph whose last line ran to the margin.
    full_end = (
        "（四）加强督促检查，按季度通报各地各部门工作进展情况，"
        "推动各项重点任务按期落实到位。（省人民政府督查室负责）"
    )
    assert len(INDENT + full_end) == 2 * 28
    paragraphs = [
        *PARAGRAPHS[1:],
        full_end,
        "建立回收体系，提升废旧农膜再利用水平。（农业农村部指导）",
    ]
    lines: list[str] = []
    for paragraph in paragraphs:
        printed_lines = printed(paragraph)
        printed_lines[0] = printed_lines[0].lstrip("\u3000")  # the copy lost the indent
        lines.extend(INDENT + x for x in printed_lines)
    assert [p.text for p in restore_paragraphs(lines)] == paragraphs


def test_paragraphs_of_one_length_are_not_taken_for_printed_lines() -> None:
    # Short paragraph tasks of one length look like printed lines by their widths, but
    # each ends its sentence: they stay apart, each a task of its own.
    organs = ["财政部", "商务部", "科技部", "教育部", "司法部", "民政部", "审计署"]
    items = [f"推进第{n}项改革，完善配套制度。（{unit}指导）" for n, unit in enumerate(organs, 1)]
    assert len({cells(x) for x in items}) == 1
    lines = ["二、主要任务", "（一）深化改革。建立工作机制。（国家发展改革委牵头）", *items]
    assert [p.text for p in restore_paragraphs(lines)] == lines
    tasks = parse_plan_text("\n".join(lines)).all_tasks()
    assert [[u.name for u in t.units] for t in tasks] == [["国家发展改革委"]] + [
        [o] for o in organs
    ]


def test_bare_page_numbers_are_told_by_counting_pages() -> None:
    # Word's plain page numbers ("3" alone on a line) count up a page of lines apart; the
    # last page may be short. Numbers close together (序号 cells, one per line) are text.
    body: list[str] = []
    for paragraph in PARAGRAPHS * 3:
        body.extend(printed(paragraph, indent="" if paragraph.startswith("一、") else INDENT))
    lines = [*body[:12], "1", *body[12:24], "2", *body[24:], "3"]
    texts = [p.text for p in restore_paragraphs(lines)]
    assert texts == PARAGRAPHS * 3
    cells_one_per_line = [
        "序号",
        "1",
        "推进甲",
        "省发改委",
        "2",
        "推进乙",
        "省财政厅",
        "3",
        "推进丙",
    ]
    assert [p.text for p in restore_paragraphs(cells_one_per_line)] == cells_one_per_line


def test_a_page_foot_with_a_title_beside_the_number_is_left_out() -> None:
    for foot in ("河北省人民政府公报 — 3 —", "— 3 — 国务院公报", "河北省人民政府文件 第 3 页"):
        assert PAGE_FOOT_RE.match(foot), foot
    for text in ("（三）——2020年——", "一、总体要求", "2020"):
        assert not PAGE_NUMBER_RE.match(text)
    assert not PAGE_FOOT_RE.match("（三）——2020年——")
    lines: list[str] = []
    for paragraph in PARAGRAPHS:
        lines.extend(printed(paragraph, indent="" if paragraph.startswith("一、") else INDENT))
    cut = next(i for i, x in enumerate(lines) if "省教育厅" in x)
    lines[cut + 1 : cut + 1] = ["河北省人民政府公报 — 1 —"]  # inside the bracket
    lines += ["河北省人民政府公报 — 2 —"]
    tasks = parse_plan_text("\n".join(lines)).all_tasks()
    assert [u.name for u in tasks[1].units] == [
        "省科技厅",
        "省教育厅",
        "省工业和信息化厅",
        "省商务厅",
    ]


def test_characters_that_print_as_nothing_are_dropped() -> None:
    # A web page's zero-width spaces, joiners and soft hyphens inside a unit's name.
    text = (
        "一、重点任务\n"
        "（一）推进\u200b改革。（省发展\u200b改革委牵头，省财\u00ad政厅、省\u200d科技厅配合）"
    )
    (task,) = parse_plan_text(text).all_tasks()
    assert task.text == "推进改革。"
    assert units(task) == [("省发展改革委", L), ("省财政厅", C), ("省科技厅", C)]


def test_a_first_line_ending_inside_an_open_bracket_goes_on() -> None:
    # Indent lost: "7.…（牵头单位：省市场监督管理局；" is two cells short and ends with "；",
    # but its bracket is still open: the paragraph goes on into "责任单位：省教育厅）".
    first = "7.做好托管服务的日常监管。（牵头单位：省市场监管局；"
    assert cells(first) == 26.0
    raw = [*printed(PARAGRAPHS[1], indent=""), first, "责任单位：省教育厅）"] * 2
    assert [p.text for p in restore_paragraphs(raw)][1] == first + "责任单位：省教育厅）"
