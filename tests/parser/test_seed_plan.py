"""The embedded plan, task by task, against a table written by reading the document."""

from __future__ import annotations

import datetime as dt

import pytest

from domain.enums import Role
from plan_parser import ParsedPlan, parse_plan_file
from tests.conftest import SEED_PATH

IPO = "知识产权局"
GSJ = "工商局"
XW = "新闻出版广电局"
FARM = ["农委", "林业厅", "森工总局", "农垦总局", "文化厅"]
L, C, R = Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE


def _p(names: list[str]) -> list[str]:
    """Names as the document means them: the 省 prefix carries along a list."""
    return [n if n.startswith(("省", "哈尔滨")) else "省" + n for n in names]


def lead_coop(lead: str | list[str], coop: list[str]) -> list[tuple[str, Role]]:
    leads = [lead] if isinstance(lead, str) else lead
    return [(n, L) for n in _p(leads)] + [(n, C) for n in _p(coop)]


def resp(names: list[str]) -> list[tuple[str, Role]]:
    return [(n, R) for n in _p(names)]


EXPECTED: dict[int, list[tuple[str, Role]]] = {
    1: resp([IPO]),
    2: resp(["编办", IPO, GSJ, XW]),
    3: resp([IPO, GSJ, XW, "工信委", "教育厅"]),
    4: resp(["发改委", IPO, "统计局"]),
    5: lead_coop("委组织部", [IPO, GSJ, XW]),
    6: lead_coop("国资委", ["工信委", IPO, "教育厅", "科技厅"]),
    7: lead_coop(IPO, ["财政厅", "人社厅", GSJ, XW]),
    8: lead_coop(IPO, [GSJ]),
    9: lead_coop(IPO, ["发改委", "工信委", "科技厅"]),
    10: resp([IPO]),
    11: lead_coop(IPO, [GSJ, XW, *FARM, "质监局"]),
    12: lead_coop(IPO, [GSJ, XW, *FARM, "质监局"]),
    13: resp([GSJ, IPO]),
    14: resp([IPO, GSJ, XW, *FARM, "质监局"]),
    15: resp([IPO, GSJ, XW, *FARM, "质监局"]),
    16: resp(["商务厅", GSJ, XW, IPO, *FARM, "质监局"]),
    17: resp(["商务厅", GSJ, XW, IPO, *FARM]),
    18: resp([IPO, "商务厅", GSJ, XW, *FARM]),
    19: resp([GSJ, IPO, XW, *FARM, "国防科工办"]),
    # 商务厅 is named twice in the document; it is one unit.
    20: resp(["商务厅", IPO, GSJ, XW, *FARM, "质监局", "公安厅"]),
    21: resp([GSJ, "商务厅", IPO, XW, *FARM, "质监局"]),
    22: resp([IPO, GSJ, XW, "文化厅", "商务厅"]),
    23: resp(["公安厅"]),
    24: resp(["法院"]),
    25: [("哈尔滨海关", L), ("省公安厅", R)],
    26: resp([IPO]),
    27: resp([IPO]),
    28: lead_coop("科技厅", ["教育厅", "工信委"]),
    29: resp([GSJ]),
    30: resp([GSJ, "质监局", "农委", "林业厅", "森工总局", "农垦总局"]),
    31: resp([GSJ]),
    32: lead_coop("农委", ["林业厅", "森工总局", "农垦总局", GSJ, "质监局"]),
    33: lead_coop("农委", ["农垦总局"]),
    34: lead_coop("农委", ["林业厅", "森工总局", "农垦总局", GSJ, "质监局"]),
    35: lead_coop(IPO, ["工信委", "教育厅"]),
    36: lead_coop("金融办", ["工信委", IPO]),
    37: resp([IPO]),
    38: lead_coop(GSJ, ["金融办"]),
    39: lead_coop(XW, ["文化厅"]),
    40: lead_coop(XW, ["文化厅"]),
    41: resp([XW]),
    42: lead_coop("工信委", ["科技厅", "金融办", IPO, GSJ, XW]),
    43: resp(["金融办"]),
    44: resp(["工信委", "科技厅", "金融办", IPO, GSJ, XW, "教育厅"]),
    45: lead_coop(IPO, ["工信委", "科技厅", "教育厅"]),
    46: lead_coop("金融办", ["工信委", IPO]),
    47: resp([IPO]),
    48: lead_coop(IPO, [GSJ, XW, *FARM]),
    49: resp([IPO]),
    50: resp([GSJ]),
    51: lead_coop(IPO, ["质监局"]),
    52: resp([GSJ]),
    53: lead_coop(IPO, ["商务厅", "工信委"]),
    54: lead_coop(IPO, ["财政厅"]),
    55: [("省教育厅", L), ("省知识产权局", R)],
    56: lead_coop("委组织部", ["人社厅", IPO]),
    57: lead_coop(IPO, ["教育厅", "人社厅", GSJ, XW, *FARM, "质监局"]),
    58: lead_coop("委组织部", [IPO]),
    59: lead_coop("人社厅", [IPO, "教育厅", GSJ, XW, *FARM, "质监局"]),
    60: lead_coop("委宣传部", ["知识产权战略制定和实施工作领导小组其他各成员单位"]),
}

SECTION_OF_TASK = {
    range(1, 14): 1,
    range(14, 26): 2,
    range(26, 35): 3,
    range(35, 51): 4,
    range(51, 54): 5,
    range(54, 61): 6,
}


@pytest.fixture(scope="module")
def plan() -> ParsedPlan:
    return parse_plan_file(SEED_PATH)


def test_header_facts(plan: ParsedPlan) -> None:
    assert plan.issuer == "黑龙江省人民政府办公厅"
    assert plan.issued_on == dt.date(2016, 10, 11)
    assert "知识产权强省建设的实施意见" in plan.title and plan.title.endswith("重点任务分工方案")
    assert plan.addressees.startswith("各市（地）、县（市）人民政府（行署）")


def test_counts(plan: ParsedPlan) -> None:
    assert len(plan.sections) == 6
    assert plan.subsection_count == 26
    assert [len(s.subsections) for s in plan.sections] == [5, 6, 3, 6, 3, 3]
    assert [t.number for t in plan.all_tasks()] == list(range(1, 61))
    assert sum(len(t.units) for t in plan.all_tasks()) == 251
    assert len(plan.unit_names) == 27
    assert plan.problems == [] and plan.non_task_items == []


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_every_task_units_and_roles(plan: ParsedPlan, number: int) -> None:
    task = next(t for t in plan.all_tasks() if t.number == number)
    assert [(u.name, u.role) for u in task.units] == EXPECTED[number]
    assert "（" not in task.text[-3:], "the assignment bracket is not part of the task text"
    assert task.text.endswith("。")


def test_sections_hold_their_tasks(plan: ParsedPlan) -> None:
    for numbers, section_no in SECTION_OF_TASK.items():
        section = plan.sections[section_no - 1]
        assert [t.number for t in section.all_tasks()] == list(numbers)


def test_group_unit_and_wording(plan: ParsedPlan) -> None:
    task60 = plan.all_tasks()[59]
    group = task60.units[1]
    assert group.group and group.role is Role.COOPERATE
    assert not task60.units[0].group
    task2 = plan.all_tasks()[1]
    assert {u.wording for u in task2.units} == {"按职责分别负责"}
    assert plan.all_tasks()[19].assignment.startswith("省商务厅、知识产权局")


def test_titles(plan: ParsedPlan) -> None:
    assert plan.sections[0].title == "推进知识产权管理体制机制改革"
    assert plan.sections[0].subsections[0].title == "健全知识产权管理体系"
    assert plan.sections[5].label == "六、"
