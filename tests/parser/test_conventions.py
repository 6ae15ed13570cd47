"""How real 分工方案 write their assignments: one short text per convention.

Each case is written the way the documents in the corpus (and plans like them) write it;
the expected units are what a clerk reads there.
"""

from __future__ import annotations

import pytest

from domain.enums import Role
from plan_parser import parse_plan_text

L, C, R = Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE


def units_of(bracket: str, before: str = "") -> list[tuple[str, Role]]:
    plan = parse_plan_text(f"{before}一、任务\n1.推进甲工作。{bracket}\n")
    (task,) = plan.all_tasks()
    return [(u.name, u.role) for u in task.units]


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        # The issuer's level carries along a list in a provincial document …
        ("（省发展改革委、财政厅负责）", [("省发展改革委", R), ("省财政厅", R)]),
        # … but never a national prefix: 财政部 is never 国家财政部.
        ("（国家发展改革委、财政部负责）", [("国家发展改革委", R), ("财政部", R)]),
        ("（中央网信办、工业和信息化部负责）", [("中央网信办", R), ("工业和信息化部", R)]),
        # A name that merely starts with a level character is not levelled.
        ("（市场监管总局、工业和信息化部负责）", [("市场监管总局", R), ("工业和信息化部", R)]),
        ("（省发展改革委、市场监管局负责）", [("省发展改革委", R), ("省市场监管局", R)]),
        ("（省教育厅、团省委负责）", [("省教育厅", R), ("团省委", R)]),
        (
            "（省财政厅、河北银保监局、人行石家庄中心支行负责）",
            [("省财政厅", R), ("河北银保监局", R), ("人行石家庄中心支行", R)],
        ),
        # Owners carry like levels: 各市人社局、财政局 is 各市财政局.
        (
            "（责任单位：省财政厅社保处，各市人社局、财政局，雄安新区公共服务局、改革发展局）",
            [
                ("省财政厅社保处", R),
                ("各市人社局", R),
                ("各市财政局", R),
                ("雄安新区公共服务局", R),
                ("雄安新区改革发展局", R),
            ],
        ),
    ],
)
def test_level_prefixes(bracket: str, expected: list[tuple[str, Role]]) -> None:
    assert units_of(bracket) == expected


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("（省民政厅牵头，省卫生健康委参与）", [("省民政厅", L), ("省卫生健康委", C)]),
        ("（省公安厅、省司法厅分别负责）", [("省公安厅", R), ("省司法厅", R)]),
        ("（省公安厅、省司法厅按职责分工负责）", [("省公安厅", R), ("省司法厅", R)]),
        ("（省教育厅牵头，省知识产权局负责）", [("省教育厅", L), ("省知识产权局", R)]),
        # A 会同 B: A leads, B cooperates; the generic 有关部门 after 会同 is no unit.
        ("（省财政厅会同省税务局负责）", [("省财政厅", L), ("省税务局", C)]),
        ("（科技部、财政部会同有关部门负责落实）", [("科技部", L), ("财政部", L)]),
        # 等, 等有关部门, 等部门和单位 are "and others", not units.
        ("（省公安厅、省商务厅等有关部门负责）", [("省公安厅", R), ("省商务厅", R)]),
        (
            "（最高人民法院、公安部等部门和单位按职责分工负责）",
            [("最高人民法院", R), ("公安部", R)],
        ),
        (
            "（中央网信办牵头，工业和信息化部、公安部等部门和各省级人民政府按职责分工负责）",
            [("中央网信办", L), ("工业和信息化部", R), ("公安部", R), ("各省级人民政府", R)],
        ),
        ("（国家知识产权局牵头负责）", [("国家知识产权局", L)]),
        ("（工业和信息化部、商务部指导）", [("工业和信息化部", R), ("商务部", R)]),
        ("（项目管理部门、项目承担单位负责落实）", [("项目管理部门", R), ("项目承担单位", R)]),
        # A list cut by "，" before its role word is one list.
        (
            "（省人社厅、省教育厅，雄安新区管委会按职责分工负责）",
            [("省人社厅", R), ("省教育厅", R), ("雄安新区管委会", R)],
        ),
        # 和 joins two units only where both sides are units.
        ("（省商务厅和省有关单位负责）", [("省商务厅", R), ("省有关单位", R)]),
        (
            "（省住房和城乡建设厅、省工业和信息化厅负责）",
            [("省住房和城乡建设厅", R), ("省工业和信息化厅", R)],
        ),
        ("（各有关部门和单位按职责分工负责）", [("各有关部门和单位", R)]),
    ],
)
def test_wordings(bracket: str, expected: list[tuple[str, Role]]) -> None:
    assert units_of(bracket) == expected


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("（各区、县级市人民政府负责）", [("各区、县级市人民政府", R)]),
        ("（各省、自治区、直辖市人民政府负责）", [("各省、自治区、直辖市人民政府", R)]),
        ("（各地区、各有关部门按职责分工负责）", [("各地区", R), ("各有关部门", R)]),
        (
            "（省财政厅，各县（市、区）人民政府负责）",
            [("省财政厅", R), ("各县（市、区）人民政府", R)],
        ),
        ("（各市（地）政府、省民政厅负责）", [("各市（地）政府", R), ("省民政厅", R)]),
        ("（省生态环境厅牵头，各市政府负责落实）", [("省生态环境厅", L), ("各市政府", R)]),
        (
            "（省科技厅，各市、县政府，雄安新区管委会按职责分工负责）",
            [("省科技厅", R), ("各市、县政府", R), ("雄安新区管委会", R)],
        ),
        (
            "（责任单位：各市（含定州、辛集市，下同）政府，雄安新区管委会）",
            [("各市（含定州、辛集市，下同）政府", R), ("雄安新区管委会", R)],
        ),
        # A scope in brackets after a unit says what for; the unit is the organ.
        (
            "(省交通运输厅(其他交通运输项目)、省发展改革委(轨道交通、铁路项目)负责)",
            [("省交通运输厅", R), ("省发展改革委", R)],
        ),
    ],
)
def test_collective_units_kept_whole(bracket: str, expected: list[tuple[str, Role]]) -> None:
    assert units_of(bracket) == expected


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("（负责部门：省商务厅；适用范围：所有自贸试验区）", [("省商务厅", R)]),
        ("（牵头部门：农业农村部，完成时限：2022年）", [("农业农村部", L)]),
        (
            "（牵头单位：科技部、财政部，参与单位：相关部门和地方。）",
            [("科技部", L), ("财政部", L), ("相关部门", C), ("地方", C)],
        ),
        ("（牵头单位:省委政法委；责任单位：省教育厅）", [("省委政法委", L), ("省教育厅", R)]),
        (
            "(牵头部门:省生态环境厅,省税务局、各市政府配合)",
            [("省生态环境厅", L), ("省税务局", C), ("各市政府", C)],
        ),
        (
            "（牵头部门：财政部、科技部按职责分工负责，完成时限：持续推进）",
            [("财政部", L), ("科技部", L)],
        ),
    ],
)
def test_labelled_brackets(bracket: str, expected: list[tuple[str, Role]]) -> None:
    assert units_of(bracket) == expected


def test_declaration_inside_the_bracket_and_before_it() -> None:
    text = (
        "一、任务\n1.推进甲。（省人社厅、省教育厅按职责分工负责。列第一位者为牵头单位，下同）\n"
        "2.推进乙。（省财政厅、省税务局按职责分工负责）\n"
    )
    first, second = parse_plan_text(text).all_tasks()
    assert [(u.name, u.role) for u in first.units] == [("省人社厅", L), ("省教育厅", C)]
    assert [(u.name, u.role) for u in second.units] == [("省财政厅", L), ("省税务局", C)]
    before = units_of("（省卫生健康委、省教育厅负责）", "排在第一位的为牵头单位。\n")
    assert before == [("省卫生健康委", L), ("省教育厅", C)]


def test_several_brackets_in_one_item_are_one_task() -> None:
    text = (
        "一、任务\n（一）完善薪酬制度。推进甲。（省物价局、省卫生健康委负责）推进乙。"
        "（省人社厅、省财政厅、省卫生健康委负责）推进丙。（省卫生健康委、省财政厅负责）\n"
    )
    (task,) = parse_plan_text("排在第一位的为牵头单位。\n" + text).all_tasks()
    assert [(u.name, u.role) for u in task.units] == [
        ("省物价局", L),
        ("省卫生健康委", L),  # leads the third measure, so it leads the task
        ("省人社厅", L),
        ("省财政厅", C),
    ]


def test_bracket_alone_under_a_heading_covers_the_items_below() -> None:
    text = """一、重点任务
（一）加强组织领导。
（省发改委牵头，省财政厅配合）
1.建立工作机制。
2.开展督导检查。
（二）强化保障。
3.加大投入。（省财政厅负责）
4.实施专项行动。（省公安厅负责）
（1）2017年6月底前制定方案；
（2）2017年底前完成试点。
"""
    tasks = parse_plan_text(text).all_tasks()
    assert [t.number for t in tasks] == [1, 2, 3, 4]
    for task in tasks[:2]:
        assert [(u.name, u.role) for u in task.units] == [("省发改委", L), ("省财政厅", C)]
    assert "（1）2017年6月底前制定方案" in tasks[3].text


def test_carry_forward_reaches_later_tasks_of_its_own_document() -> None:
    """ "以下均需…落实，不再列出": the tasks below have those units, the declaring one as listed."""
    text = """一、重点任务
1.推进甲。（省科技厅负责。以下均需各市政府、雄安新区管委会落实，不再列出）
2.推进乙。（省财政厅负责）
二、保障措施
3.推进丙。（省商务厅负责）
一、另一份配套文件的任务
1.推进丁。（省民政厅负责）
"""
    names = [[u.name for u in t.units] for t in parse_plan_text(text).all_tasks()]
    assert names == [
        ["省科技厅"],
        ["省财政厅", "各市政府", "雄安新区管委会"],
        ["省商务厅", "各市政府", "雄安新区管委会"],
        ["省民政厅"],
    ]


def test_unnumbered_paragraphs_with_their_own_assignment_are_tasks() -> None:
    text = """二、主要任务
（一）强化顶层设计。建立指标体系。（生态环境部牵头，国家统计局参与）
优化管理体制。明确部门职责。（生态环境部指导）
加强制度创新。落实改革方案。（财政部、自然资源部指导）
（二）实施绿色生产。推进绿色开采，（2019年底前）完成试点。（自然资源部指导）
"""
    plan = parse_plan_text(text)
    tasks = plan.all_tasks()
    assert [t.text[:6] for t in tasks] == [
        "强化顶层设计",
        "优化管理体制",
        "加强制度创新",
        "实施绿色生产",
    ]
    assert [[(u.name, u.role) for u in t.units] for t in tasks[:2]] == [
        [("生态环境部", L), ("国家统计局", C)],
        [("生态环境部", R)],
    ]
    (section,) = plan.sections
    (sub,) = section.subsections
    assert sub.title == "强化顶层设计" and [t.number for t in sub.tasks] == [1, 2, 3]
    assert [t.label for t in sub.tasks] == ["（一）", "", ""]
    assert [t.number for t in section.tasks] == [2]


def test_paragraph_tasks_whose_brackets_stand_on_lines_of_their_own() -> None:
    # A web copy that set each assignment on its own line, after its paragraph.
    text = """二、主要任务
（一）强化顶层设计。建立指标体系。
（生态环境部牵头，国家统计局参与）
优化管理体制。明确部门职责。
（生态环境部指导）
加强制度创新。落实改革方案。
（财政部、自然资源部指导）
（二）实施绿色生产。推进绿色开采。（自然资源部指导）
"""
    tasks = parse_plan_text(text).all_tasks()
    assert [(t.text[:6], [(u.name, u.role) for u in t.units]) for t in tasks] == [
        ("强化顶层设计", [("生态环境部", L), ("国家统计局", C)]),
        ("优化管理体制", [("生态环境部", R)]),
        ("加强制度创新", [("财政部", R), ("自然资源部", R)]),
        ("实施绿色生产", [("自然资源部", R)]),
    ]


def test_wrapped_paragraphs_stay_one_task() -> None:
    text = "一、任务\n1.推进甲工作，完善\n乙机制。（省发改委负责）\n2.推进丙。（省财政厅负责）\n"
    assert [t.text for t in parse_plan_text(text).all_tasks()] == [
        "推进甲工作，完善乙机制。",
        "推进丙。",
    ]


def test_a_table_whose_cells_ran_together_is_read_row_by_row() -> None:
    text = (
        "某某行动方案\n一、总体要求\n（一）基本原则。坚持市场导向。\n附件：重点任务分工及进度安排表\n"
        "重点任务分工及进度安排表\n序号\n重点任务\n责任部门\n"
        "时间进度1发布一批产业急需的科技成果包科技部会同有关部门2016年6月底前完成"
        "2建立国家科技成果信息系统科技部、财政部、中科院等2017年6月底前建成"
        "3依托中科院科研院所体系实施科技服务网络计划中科院持续推进"
        "4建设国家科技成果转移转化试验示范区科技部会同有关地方政府2016年6月底前启动建设\n"
    )
    plan = parse_plan_text(text)
    tasks = plan.all_tasks()
    assert [t.number for t in tasks] == [1, 2, 3, 4]
    assert plan.sections[-1].title == "重点任务分工及进度安排表"
    assert [t.text for t in tasks[:3]] == [
        "发布一批产业急需的科技成果包",
        "建立国家科技成果信息系统",
        "依托中科院科研院所体系实施科技服务网络计划",
    ]
    assert [[(u.name, u.role) for u in t.units] for t in tasks] == [
        [("科技部", L)],
        [("科技部", R), ("财政部", R), ("中科院", R)],
        [("中科院", R)],
        [("科技部", L), ("有关地方政府", C)],
    ]
    assert [t.deadline_text for t in tasks] == [
        "2016年6月底前完成",
        "2017年6月底前建成",
        "持续推进",
        "2016年6月底前启动建设",
    ]


def test_label_lines_of_other_wordings() -> None:
    text = "一、任务\n1.推进甲工作。\n主责单位：市发展改革委\n协同单位：市财政局、教育局\n"
    (task,) = parse_plan_text(text).all_tasks()
    assert [(u.name, u.role) for u in task.units] == [
        ("市发展改革委", L),
        ("市财政局", C),
        ("市教育局", C),
    ]


def test_a_table_copied_with_tabs_between_its_cells() -> None:
    text = (
        "某市重点任务分工方案\n重点任务分工表\n"
        "序号\t重点任务\t责任单位\t完成时限\n"
        "1\t完善人才政策体系\t市人力资源社会保障局、财政局\t2020年底前\n"
        "2\t建设人才服务平台\t市委组织部牵头，各区政府负责\t长期坚持\n"
    )
    tasks = parse_plan_text(text).all_tasks()
    assert [[(u.name, u.role) for u in t.units] for t in tasks] == [
        [("市人力资源社会保障局", R), ("市财政局", R)],
        [("市委组织部", L), ("各区政府", R)],
    ]
    assert [t.deadline_text for t in tasks] == ["2020年底前", "长期坚持"]
    assert tasks[0].deadline is not None and tasks[0].deadline.isoformat() == "2020-12-31"


def test_bundled_documents_restarting_their_numbering_keep_tasks_apart() -> None:
    from plan_parser.to_view import plan_view_of

    text = """一、推进甲。（省发改委负责）
二、推进乙。（省财政厅负责）
关于稳住外贸的措施
一、推进丙。（省商务厅负责）
二、推进丁。（省商务厅负责）
三、工作任务
1.推进戊。（省教育厅负责）
1.推进己。（省教育厅负责）
"""
    plan = parse_plan_text(text)
    view = plan_view_of(plan)
    ids = [t.id for t in view.all_tasks()]
    assert len(ids) == 6 and len(set(ids)) == 6


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("（省发改委主责，省财政厅协同）", [("省发改委", L), ("省财政厅", C)]),
        (
            "（省发改委牵头，省财政厅、省统计局参加）",
            [("省发改委", L), ("省财政厅", C), ("省统计局", C)],
        ),
        ("（各市政府具体负责）", [("各市政府", R)]),
        (
            "（省委宣传部（省新闻出版局）、省文化和旅游厅负责）",
            [("省委宣传部", R), ("省文化和旅游厅", R)],
        ),
    ],
)
def test_other_wordings(bracket: str, expected: list[tuple[str, Role]]) -> None:
    assert units_of(bracket) == expected


def test_declaration_worded_as_ranking() -> None:
    before = "各项任务中排名第一的为牵头单位。\n"
    assert units_of("（省民政厅、省财政厅负责）", before) == [("省民政厅", L), ("省财政厅", C)]


@pytest.mark.parametrize(
    ("bracket", "expected"),
    [
        ("（由市金融局会同有关部门研究落实）", [("市金融局", L)]),
        ("（各区政府负责，市发展改革委统筹协调）", [("各区政府", R), ("市发展改革委", L)]),
        ("（市发展改革委等部门按照职责分工负责推进）", [("市发展改革委", R)]),
        ("（市教育局、市人社局抓好落实）", [("市教育局", R), ("市人社局", R)]),
    ],
)
def test_role_verbs_with_their_modifiers(bracket: str, expected: list[tuple[str, Role]]) -> None:
    assert units_of(bracket) == expected


def test_a_clause_naming_an_organ_that_cannot_be_read_is_flagged_not_dropped() -> None:
    text = "一、任务\n1.推进甲工作。（市发展改革委负责，市财政局统筹安排资金）\n"
    (task,) = parse_plan_text(text).all_tasks()
    assert [u.name for u in task.units] == ["市发展改革委"]
    (problem,) = task.problems
    assert problem.code == "unread_clause" and "市财政局统筹安排资金" in problem.message_zh
    assert problem.line_no == 2


def test_party_committee_departments_carry_their_committee() -> None:
    assert units_of("（省委组织部、宣传部，省人社厅负责）") == [
        ("省委组织部", R),
        ("省委宣传部", R),
        ("省人社厅", R),
    ]


def test_a_run_together_table_with_lead_and_cooperating_columns() -> None:
    text = (
        "重点任务分工表\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
        "1推进科技成果转化国家发展改革委财政部、教育部2018年底前完成"
        "2建设技术交易平台科技部工业和信息化部持续推进"
        "3开展试点示范科技部2019年6月底前\n"
    )
    tasks = parse_plan_text(text).all_tasks()
    assert [[(u.name, u.role) for u in t.units] for t in tasks] == [
        [("国家发展改革委", L), ("财政部", C), ("教育部", C)],
        [("科技部", L), ("工业和信息化部", C)],
        [("科技部", L)],
    ]
    assert [t.text for t in tasks] == ["推进科技成果转化", "建设技术交易平台", "开展试点示范"]
