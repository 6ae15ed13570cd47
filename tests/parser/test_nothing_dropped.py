"""Nothing is left out: unreadable or missing assignments and doubtful units are flagged tasks."""

from __future__ import annotations

import datetime as dt

import pytest

from plan_parser import parse_plan_text
from plan_parser.deadlines import deadline_of
from plan_parser.units import doubtful_unit_reason


def test_item_among_tasks_without_assignment_is_a_task_to_complete() -> None:
    text = """一、重点任务
1.推进甲工作。（省发改委负责）
2.推进乙工作。（省财政厅负责）
3.推进丙工作，完善丁机制。
4.推进戊工作。（省商务厅负责）
"""
    plan = parse_plan_text(text)
    assert [t.number for t in plan.all_tasks()] == [1, 2, 3, 4]
    third = plan.all_tasks()[2]
    assert third.units == [] and third.text.startswith("推进丙工作")
    assert [(p.code, p.line_no) for p in third.problems] == [("no_assignment", 4)]
    assert "第 4 行" in third.problems[0].message_zh and "分工单位" in third.problems[0].message_zh
    assert [p.line_no for p in plan.problems] == [4]


def test_a_phrase_given_as_a_unit_is_flagged_with_its_reason() -> None:
    text = "一、任务\n1.推进甲工作。（由市金融局会同有关部门研究落实负责）\n"
    (task,) = parse_plan_text(text).all_tasks()
    assert task.units, "the words are kept as written for the clerk to correct"
    codes = [p.code for p in task.problems]
    assert "doubtful_unit" in codes
    assert any("不像单位名称" in p.message_zh and "第 2 行" in p.message_zh for p in task.problems)


@pytest.mark.parametrize(
    ("name", "doubtful"),
    [
        ("由市金融局会同有关部门研究落实", True),
        ("省发展改革委推进", True),
        ("这是一个非常非常长的名字它一直写下去直到超过三十个字仍然没有结束的那种单位名称", True),
        ("省知识产权战略制定和实施工作领导小组其他各成员单位", False),
        ("中国科学院", False),
        ("省农业科学研究院", False),
        ("省委组织部", False),
        ("雄安新区管委会", False),
        ("各市（含定州、辛集市，下同）政府", False),
        ("项目承担单位", False),
        ("海关总署", False),
    ],
)
def test_doubtful_unit_names(name: str, doubtful: bool) -> None:
    assert (doubtful_unit_reason(name) is not None) is doubtful


@pytest.mark.parametrize(
    ("text", "assignment", "wording", "date"),
    [
        ("2020年底前，建成示范区。", "", "2020年底前", dt.date(2020, 12, 31)),
        ("2019年6月底前完成清理工作。", "", "2019年6月底前完成", dt.date(2019, 6, 30)),
        ("2018年3月15日前出台办法。", "", "2018年3月15日前出台", dt.date(2018, 3, 15)),
        ("到2020年，基本形成体系。", "", None, None),
        ("加强宣传。", "省委宣传部负责，长期坚持", "长期坚持", None),
        ("持续推进改革，完善机制。", "", None, None),
        ("推进甲工作。", "牵头部门：农业农村部，完成时限：2022年", "2022年", dt.date(2022, 12, 31)),
        ("推进乙。", "责任单位：各市人社局，完成时限：4月底前", "4月底前", None),
        ("2017年底前试点，2018年6月底前推广。", "", "2018年6月底前", dt.date(2018, 6, 30)),
    ],
)
def test_deadlines_from_text_and_bracket(
    text: str, assignment: str, wording: str | None, date: dt.date | None
) -> None:
    assert deadline_of(text, assignment) == (wording, date)


def test_task_carries_its_deadline() -> None:
    text = "一、任务\n1.2019年6月底前完成清理工作。（省发改委负责）\n"
    (task,) = parse_plan_text(text).all_tasks()
    assert task.deadline_text == "2019年6月底前完成" and task.deadline == dt.date(2019, 6, 30)


def test_deadline_inside_the_bracket() -> None:
    text = "一、任务\n1.推进甲工作。（国务院审改办牵头，各省级人民政府负责。2018年底前完成）\n"
    (task,) = parse_plan_text(text).all_tasks()
    assert [u.name for u in task.units] == ["国务院审改办", "各省级人民政府"]
    assert task.deadline_text == "2018年底前完成" and task.deadline == dt.date(2018, 12, 31)


def test_half_year_and_quarter_deadlines() -> None:
    assert deadline_of("2019年上半年出台实施细则。") == ("2019年上半年出台", dt.date(2019, 6, 30))
    assert deadline_of("2020年第三季度完成验收。") == ("2020年第三季度完成", dt.date(2020, 9, 30))


def test_title_from_the_heading_lines_not_from_a_cited_document() -> None:
    text = (
        "各市人民政府：\n《关于支持医药产业发展的若干措施》已经省政府同意，现印发给你们。\n"
        "河北省人民政府办公厅\n2021年8月20日\n关于支持医药产业发展的若干措施\n"
        "为贯彻落实《国务院关于推行终身职业技能培训制度的意见》，制定本措施。\n"
        "一、任务\n1.推进甲。（省发改委负责）\n"
    )
    plan = parse_plan_text(text)
    assert plan.title == "关于支持医药产业发展的若干措施"
    assert plan.issuer == "河北省人民政府办公厅" and plan.issued_on == dt.date(2021, 8, 20)
    cited_only = (
        "各市人民政府：\n为贯彻落实《国务院关于推行终身职业技能培训制度的意见》，现提出如下意见。\n"
    )
    assert (
        parse_plan_text(cited_only + "一、任务\n1.推进甲。（省发改委负责）\n").title == "未命名方案"
    )


def test_issuer_and_date_inside_a_line_whose_breaks_were_lost() -> None:
    text = (
        "各市人民政府：《关于加快工业企业技术创新发展的若干措施》已经省政府同意，现印发给你们，"
        "请认真贯彻执行。\u00a0河北省人民政府办公厅2023年6月29日\u00a0\u00a0为深入贯彻落实，"
        "现提出如下措施。\n一、任务\n1.推进甲。（省发改委负责）\n"
    )
    plan = parse_plan_text(text)
    assert plan.issuer == "河北省人民政府办公厅" and plan.issued_on == dt.date(2023, 6, 29)
    assert plan.title == "关于加快工业企业技术创新发展的若干措施"
