"""Texts whose line breaks were lost: items run together in one line."""

from __future__ import annotations

from domain.enums import Role
from plan_parser import parse_plan_text
from plan_parser.flat import split_run_together

L, C, R = Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE
PADDING = "各单位要高度重视，认真组织实施，确保各项任务落到实处。" * 6


def units(task) -> list[tuple[str, Role]]:  # type: ignore[no-untyped-def]
    return [(u.name, u.role) for u in task.units]


def test_flat_text_items_are_cut_and_read() -> None:
    text = (
        "各市人民政府：现将方案印发给你们。某省人民政府办公厅2019年3月1日"
        f"一、总体要求{PADDING}二、重点任务（一）加强培训。"
        "1.2019年底前完善培训政策。（省人社厅、教育厅按职责分工负责）"
        "2.开展技能培训，投入2.5亿元。（省人社厅负责）"
        "（二）强化保障。3.加大资金投入，落实第（一）项要求。（省财政厅牵头，省人社厅配合）"
    )
    plan = parse_plan_text(text)
    tasks = plan.all_tasks()
    assert [t.number for t in tasks] == [1, 2, 3]
    assert units(tasks[0]) == [("省人社厅", R), ("省教育厅", R)]
    assert tasks[0].text == "2019年底前完善培训政策。" and tasks[0].deadline_text == "2019年底前"
    assert "2.5亿元" in tasks[1].text
    assert "第（一）项" in tasks[2].text
    assert units(tasks[2]) == [("省财政厅", L), ("省人社厅", C)]
    assert all(t.line_no == 1 for t in tasks), "messages name the file's own line"


def test_short_lines_and_out_of_sequence_numbers_stay_whole() -> None:
    assert split_run_together("1.推进甲。2.推进乙。") == ["1.推进甲。2.推进乙。"]
    line = PADDING + "达到215.5万人。（三）完善机制。" + PADDING
    assert split_run_together(line) == [line]
