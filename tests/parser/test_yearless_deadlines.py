"""Deadlines written without a year take the plan's year (the issuer's date in the header)."""

from __future__ import annotations

import datetime as dt

import pytest

from plan_parser import parse_plan_text
from plan_parser.deadlines import deadline_of

ISSUED = dt.date(2021, 8, 20)


@pytest.mark.parametrize(
    ("text", "assignment", "wording", "date"),
    [
        # Later in the year of issue: that year.
        ("9月底前完成清理。", "", "9月底前", dt.date(2021, 9, 30)),
        ("力争年底前建成。", "", "年底前", dt.date(2021, 12, 31)),
        ("在12月28日前上报。", "", "12月28日前", dt.date(2021, 12, 28)),
        ("十一月底前完成验收。", "", "十一月底前", dt.date(2021, 11, 30)),
        ("推进甲。", "责任单位：省财政厅，完成时限：10月底前", "10月底前", dt.date(2021, 10, 31)),
        # Already past when the plan was issued: the next year.
        ("6月底前出台细则。", "", "6月底前", dt.date(2022, 6, 30)),
        ("六月底前出台细则。", "", "六月底前", dt.date(2022, 6, 30)),
        ("推进乙。", "省人社厅负责，完成时限：4月底前", "4月底前", dt.date(2022, 4, 30)),
        # The day of issue itself is not past.
        ("8月20日前报送。", "", "8月20日前", dt.date(2021, 8, 20)),
        # Recurring wordings stay text, without a date (and are no problem).
        ("每季度末报送进展情况。", "", "每季度末", None),
        ("推进丙。", "省统计局负责，完成时限：每季度末", "每季度末", None),
        ("每月10日前报送数据。", "", "每月10日前", None),
        ("每年6月底前报送年度报告。", "", "每年6月底前", None),
        ("第三季度末前完成验收。", "", "第三季度末前", dt.date(2021, 9, 30)),
        ("上半年完成摸底。", "", "上半年", dt.date(2022, 6, 30)),
        ("年内出台办法。", "", "年内", dt.date(2021, 12, 31)),
        # A year written out still wins over the plan's year.
        ("2023年6月底前完成。", "", "2023年6月底前完成", dt.date(2023, 6, 30)),
        # Not deadlines: a target every year, a month without 前/底.
        ("每年新增高新技术企业500家。", "", None, None),
        ("6月召开推进会。", "", None, None),
        ("力争两年内建成。", "", None, None),  # a span of years, not this year's end
        ("半年内完成整改。", "", None, None),
    ],
)
def test_yearless_wordings_take_the_plans_year(
    text: str, assignment: str, wording: str | None, date: dt.date | None
) -> None:
    assert deadline_of(text, assignment, ISSUED) == (wording, date)


def test_without_a_plan_date_the_wording_is_kept_without_a_date() -> None:
    assert deadline_of("6月底前出台细则。") == ("6月底前", None)
    assert deadline_of("年底前建成。") == ("年底前", None)


HEADER = "关于推进甲工作的实施方案\n河北省人民政府办公厅\n2021年8月20日\n一、重点任务\n"


def test_parsed_tasks_carry_the_plans_year() -> None:
    text = HEADER + (
        "1.年底前建成平台。（省工业和信息化厅负责）\n"
        "2.6月底前出台细则。（省财政厅负责）\n"
        "3.每季度末报送进展。（省统计局负责）\n"
        "4.2022年3月底前完成评估。（省发展改革委负责）\n"
    )
    plan = parse_plan_text(text)
    assert plan.issued_on == ISSUED
    tasks = plan.all_tasks()
    assert [(t.deadline_text, t.deadline) for t in tasks] == [
        ("年底前", dt.date(2021, 12, 31)),
        ("6月底前", dt.date(2022, 6, 30)),
        ("每季度末", None),
        ("2022年3月底前完成", dt.date(2022, 3, 31)),
    ]
    assert not plan.problems and all(not t.problems for t in tasks)


def test_a_plan_without_a_date_keeps_the_wording_only() -> None:
    text = "关于推进甲工作的实施方案\n一、重点任务\n1.6月底前出台细则。（省财政厅负责）\n"
    (task,) = parse_plan_text(text).all_tasks()
    assert (task.deadline_text, task.deadline) == ("6月底前", None)
    assert not task.problems
