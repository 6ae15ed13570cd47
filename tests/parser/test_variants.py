"""Numbering and assignment variants of other plans, on small texts written for the test."""

from __future__ import annotations

import pytest

from domain.enums import Role
from plan_parser import ParsedPlan, parse_plan_text
from plan_parser.to_view import plan_view_of

L, C, R = Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE


def units(plan: ParsedPlan, index: int = 0) -> list[tuple[str, Role]]:
    return [(u.name, u.role) for u in plan.all_tasks()[index].units]


@pytest.mark.parametrize("fmt", ["{}.", "{}．", "{}、", "（{}）", "({})"])
def test_arabic_numbering_variants(fmt: str) -> None:
    text = "一、总体要求\n" + "\n".join(
        [
            fmt.format(1) + "推进甲工作。（省发改委负责）",
            fmt.format(2) + "推进乙工作。(省财政厅牵头，省统计局配合)",
            fmt.format(12) + "推进丙工作。（省教育厅负责）",
        ]
    )
    plan = parse_plan_text(text)
    assert [t.number for t in plan.all_tasks()] == [1, 2, 12]
    assert units(plan, 1) == [("省财政厅", L), ("省统计局", C)]
    assert plan.all_tasks()[2].text == "推进丙工作。"


def test_sections_beyond_twenty_without_subsections() -> None:
    body = "\n".join(
        f"{cn}、第{cn}部分\n1.任务{cn}甲。（省发改委负责）\n2.任务{cn}乙。（省财政厅负责）"
        for cn in ["一", "二", "九", "十", "十一", "十九", "二十", "二十一", "二十二"]
    )
    plan = parse_plan_text(body)
    assert [s.number for s in plan.sections] == [1, 2, 9, 10, 11, 19, 20, 21, 22]
    assert all(len(s.tasks) == 2 and not s.subsections for s in plan.sections)
    view = plan_view_of(plan)
    # Tasks numbered afresh in each section still get distinct paths and ids.
    ids = [t.id for t in view.all_tasks()]
    assert len(set(ids)) == len(ids) == 18
    assert {t.path for t in view.sections[8].tasks} == {"9.0.1", "9.0.2"}


def test_chinese_parenthesised_numbers_straight_through() -> None:
    lines = ["一、加快发展"]
    lines += [f"（{cn}）任务{cn}。（省商务厅负责）" for cn in ["一", "二", "三", "四", "五"]]
    lines += ["二、强化保障"]
    lines += [f"（{cn}）任务{cn}。（省财政厅负责）" for cn in ["六", "十", "二十九", "五十三"]]
    plan = parse_plan_text("\n".join(lines))
    assert [t.number for t in plan.all_tasks()] == [1, 2, 3, 4, 5, 6, 10, 29, 53]
    assert plan.sections[1].tasks[-1].units[0].name == "省财政厅"
    assert plan.subsection_count == 0


def test_flat_list_top_level_items_are_tasks() -> None:
    text = "\n".join(
        f"{cn}、做好第{cn}项工作。（省民政厅负责）"
        for cn in ["一", "二", "三", "十", "二十", "三十"]
    )
    plan = parse_plan_text(text)
    assert [t.number for t in plan.all_tasks()] == [1, 2, 3, 10, 20, 30]
    assert len(plan.sections) == 1 and plan.sections[0].title == ""


def test_numbered_line_without_assignment_is_listed_apart_not_dropped() -> None:
    text = """一、工作任务
1.推进甲工作。（省发改委负责）
2.加强组织领导，各地要高度重视。
二、保障措施
"""
    plan = parse_plan_text(text)
    assert [t.number for t in plan.all_tasks()] == [1]
    assert [(i.line_no, i.label) for i in plan.non_task_items] == [(3, "2."), (4, "二、")]


def test_steps_inside_a_task_stay_in_its_text() -> None:
    text = """一、重点任务
1.实施专项行动。
（1）2017年6月底前制定方案；
（2）2017年底前完成试点。
责任单位：省公安厅、省商务厅
2.开展评估。（省统计局负责）
"""
    plan = parse_plan_text(text)
    first, second = plan.all_tasks()
    assert first.number == 1 and "（1）2017年6月底前制定方案" in first.text
    assert "（2）2017年底前完成试点" in first.text and "责任单位" not in first.text
    assert units(plan) == [("省公安厅", R), ("省商务厅", R)]
    assert second.units[0].name == "省统计局"


def test_labelled_lines_lead_and_cooperate() -> None:
    text = """一、任务
1.推进甲工作。
牵头单位：省发展改革委；配合单位：省财政厅、省自然资源厅
2.推进乙工作。
责任单位：省住房城乡建设厅
"""
    plan = parse_plan_text(text)
    assert units(plan, 0) == [("省发展改革委", L), ("省财政厅", C), ("省自然资源厅", C)]
    assert units(plan, 1) == [("省住房城乡建设厅", R)]


def test_labelled_bracket_ignores_labels_not_about_units() -> None:
    plan = parse_plan_text(
        "一、任务\n1.推进甲工作。（负责部门：省农业农村厅、省林草局；适用范围：全省）"
    )
    assert units(plan) == [("省农业农村厅", R), ("省林草局", R)]


def test_several_brackets_union_of_units() -> None:
    text = (
        "一、任务\n1.推进甲工作（省科技厅负责）。推进乙工作，完善丙机制。"
        "（省教育厅牵头，省科技厅配合）"
    )
    plan = parse_plan_text(text)
    assert units(plan) == [("省科技厅", R), ("省教育厅", L)]


def test_first_listed_unit_leads_once_declared() -> None:
    text = """各有关部门：
排在第一位的部门为牵头部门。
一、任务
1.推进甲工作。（省发展改革委、省财政厅、省统计局负责）
2.推进乙工作。（省科技厅牵头，省教育厅配合）
3.推进丙工作。（省商务厅）
"""
    plan = parse_plan_text(text)
    assert units(plan, 0) == [("省发展改革委", L), ("省财政厅", C), ("省统计局", C)]
    assert units(plan, 1) == [("省科技厅", L), ("省教育厅", C)]
    assert units(plan, 2) == [("省商务厅", L)]


def test_declaration_inside_first_bracket_with_xiatong() -> None:
    text = """一、任务
1.推进甲工作。（市发改委、市财政局负责，列第一位者为牵头单位，下同）
2.推进乙工作。（市教育局、市科技局负责）
"""
    plan = parse_plan_text(text)
    assert units(plan, 0) == [("市发改委", L), ("市财政局", C)]
    assert units(plan, 1) == [("市教育局", L), ("市科技局", C)]


def test_role_words_normalise_and_keep_wording() -> None:
    text = """一、任务
1.甲。（省民政厅牵头，省卫生健康委参与）
2.乙。（省公安厅、省司法厅共同负责）
3.丙。（省人社厅、省财政厅按职能分工负责）
4.丁。（省水利厅分别负责）
"""
    plan = parse_plan_text(text)
    assert units(plan, 0) == [("省民政厅", L), ("省卫生健康委", C)]
    assert plan.all_tasks()[0].units[1].wording == "参与"
    assert units(plan, 1) == [("省公安厅", R), ("省司法厅", R)]
    assert plan.all_tasks()[2].units[0].wording == "按职能分工负责"
    assert units(plan, 3) == [("省水利厅", R)]


def test_trailing_etc_is_not_a_unit_and_prefix_rules() -> None:
    text = """一、任务
1.甲。（省公安厅、工商局等有关部门负责）
2.乙。（哈尔滨海关、省商务厅、外办负责）
3.丙。（省委组织部牵头，人社厅、财政厅等配合）
"""
    plan = parse_plan_text(text)
    assert units(plan, 0) == [("省公安厅", R), ("省工商局", R)]
    assert units(plan, 1) == [("哈尔滨海关", R), ("省商务厅", R), ("省外办", R)]
    assert units(plan, 2) == [("省委组织部", L), ("省人社厅", C), ("省财政厅", C)]


def test_ordinary_brackets_in_text_are_not_assignments() -> None:
    text = "一、任务\n1.支持各市（地）、县（市）开展试点（2017—2020年）。（省财政厅负责）"
    plan = parse_plan_text(text)
    assert units(plan) == [("省财政厅", R)]
    assert "各市（地）、县（市）" in plan.all_tasks()[0].text


def test_unreadable_assignment_is_a_flagged_task_with_line_number() -> None:
    text = "一、任务\n1.推进甲工作。（省发改委负责）\n2.推进乙工作。（负责）\n"
    plan = parse_plan_text(text)
    assert [t.number for t in plan.all_tasks()] == [1, 2]
    flagged = plan.all_tasks()[1]
    assert flagged.units == [] and [(p.line_no, p.code) for p in flagged.problems] == [
        (3, "unreadable_assignment")
    ]
    assert [(p.line_no, p.code) for p in plan.problems] == [(3, "unreadable_assignment")]
    assert "第 3 行" in plan.problems[0].message_zh


def test_wrapped_task_lines_join() -> None:
    text = "一、任务\n1.推进甲工作，完善\n乙机制。（省发改委牵头，\n省财政厅配合）\n"
    plan = parse_plan_text(text)
    task = plan.all_tasks()[0]
    assert task.text == "推进甲工作，完善乙机制。"
    assert units(plan) == [("省发改委", L), ("省财政厅", C)]


def test_chinese_numeral_date_in_header() -> None:
    text = (
        "省政府办公厅\n二〇一八年三月五日\n某某重点任务分工方案\n一、任务\n1.甲。（省发改委负责）"
    )
    plan = parse_plan_text(text)
    assert plan.issued_on is not None and plan.issued_on.isoformat() == "2018-03-05"
    assert plan.title == "某某重点任务分工方案" and plan.issuer == "省政府办公厅"


@pytest.mark.parametrize("mark", [".", "．", "、"])
def test_a_label_fused_with_the_opening_year_whatever_its_mark(mark: str) -> None:
    # "1、2016年底前…": the web copy lost the space between the label and the year.
    text = "一、扩大消费\n" + "\n".join(
        [
            f"1{mark}2016年底前出台旅游消费政策。（国家旅游局牵头负责）",
            f"2{mark}2017年内完成体育场馆改造，投入2.5亿元。（体育总局负责）",
        ]
    )
    tasks = parse_plan_text(text).all_tasks()
    assert [(t.number, t.text[:5]) for t in tasks] == [(1, "2016年"), (2, "2017年")]
    assert tasks[0].deadline_text.startswith("2016年底前")
    assert units(parse_plan_text(text), 1) == [("体育总局", R)]
