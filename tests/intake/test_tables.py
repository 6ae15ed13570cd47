"""分工表 and 台账: columns found by their header words, merges filled, rows as tasks."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from domain.enums import Role
from plan_intake import parse_plan_document, read_plan_text
from plan_intake.table_lines import Column, find_layout, table_lines
from tests.intake.docx_factory import cell, p, row, table, write_docx

L, C, R = Role.LEAD, Role.COOPERATE, Role.RESPONSIBLE


def units(path: Path) -> list[list[tuple[str, Role]]]:
    return [[(u.name, u.role) for u in t.units] for t in parse_plan_document(path).all_tasks()]


def test_word_table_with_section_rows_and_cells_merged_down(tmp_path: Path) -> None:
    body = p("某市重点任务分工表") + table(
        row(cell("序号"), cell("重点任务"), cell("牵头单位"), cell("配合单位"), cell("完成时限")),
        row(cell("一、优化营商环境", span=5)),
        row(
            cell("1"),
            cell("推行一网通办。"),
            cell("市政务服务局", vmerge="restart"),
            cell("市发展改革委\n市司法局"),
            cell("2024年底前", vmerge="restart"),
        ),
        row(
            cell("2"),
            cell("压缩办理时限。"),
            cell("", vmerge="continue"),
            cell("市司法局，市财政局"),
            cell("", vmerge="continue"),
        ),
        row(cell("二、加强要素保障", span=5)),
        row(cell("3"), cell("保障用地。"), cell("市自然资源局"), cell(""), cell("长期坚持")),
    )
    path = write_docx(tmp_path / "t.docx", body)
    plan = parse_plan_document(path)
    assert [s.title for s in plan.sections] == ["优化营商环境", "加强要素保障"]
    assert units(path) == [
        [("市政务服务局", L), ("市发展改革委", C), ("市司法局", C)],
        [("市政务服务局", L), ("市司法局", C), ("市财政局", C)],
        [("市自然资源局", L)],
    ]
    assert (
        "2. 压缩办理时限。（牵头单位：市政务服务局；配合单位：市司法局、市财政局；"
        "完成时限：2024年底前）" in (read_plan_text(path))
    )


def test_roles_written_inside_a_responsibility_cell(tmp_path: Path) -> None:
    body = table(
        row(cell("序号"), cell("任务"), cell("责任单位")),
        row(cell("1"), cell("甲任务。"), cell("省科技厅牵头，省财政厅、教育厅配合")),
        row(cell("2"), cell("乙任务。"), cell("省科技厅、省财政厅")),
    )
    assert units(write_docx(tmp_path / "t.docx", body)) == [
        [("省科技厅", L), ("省财政厅", C), ("省教育厅", C)],
        [("省科技厅", R), ("省财政厅", R)],
    ]


def test_two_row_header_and_a_group_column(tmp_path: Path) -> None:
    """责任单位 spanning 牵头 | 配合; 重点任务 grouping 具体措施; no 序号 column."""
    grid = [
        ["重点任务", "具体措施", "责任单位", "责任单位", "备注"],
        ["重点任务", "具体措施", "牵头单位", "配合单位", "备注"],
        ["扩大开放", "办好展会。", "市商务局", "市贸促会", "每年"],
        ["扩大开放", "稳住外资。", "市商务局", "", ""],
    ]
    layout = find_layout(grid)
    assert layout is not None and layout.header_row == 1
    assert layout.columns == {
        0: Column.SUBSECTION,
        1: Column.TASK,
        2: Column.LEAD,
        3: Column.COOPERATE,
        4: Column.OTHER,
    }
    assert table_lines(grid, layout) == [
        "（一）扩大开放",
        "1. 办好展会。（牵头单位：市商务局；配合单位：市贸促会）",
        "2. 稳住外资。（牵头单位：市商务局）",
    ]


def test_repeated_header_rows_and_blank_rows_skipped() -> None:
    grid = [
        ["序号", "工作任务", "责任单位"],
        ["1", "甲。", "市教育局"],
        ["", "", ""],
        ["序号", "工作任务", "责任单位"],
        ["2", "乙。", "市卫生健康委"],
    ]
    layout = find_layout(grid)
    assert layout is not None
    assert table_lines(grid, layout) == [
        "1. 甲。（责任单位：市教育局）",
        "2. 乙。（责任单位：市卫生健康委）",
    ]


def _ledger(path: Path, rows: list[list[object]], merges: list[str] = ()) -> Path:  # type: ignore[assignment]
    wb = Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    for m in merges:
        ws.merge_cells(m)
    hidden = wb.create_sheet("说明")
    hidden.append(["填表说明：不要改动表头"])
    wb.save(path)
    return path


def test_excel_ledger_title_row_merges_and_section_column(tmp_path: Path) -> None:
    path = _ledger(
        tmp_path / "l.xlsx",
        [
            ["某县重点任务台账", None, None, None, None],
            ["所属部分", "序号", "重点任务", "责任单位", "完成时间"],
            ["一、产业发展", 1.0, "培育龙头企业。", "县工信局、县发改局", "2024年6月"],
            [None, 2, "建设园区。", "县工信局", None],
            ["二、民生保障", 3, "扩大就业。", "县人社局", None],
        ],
        ["A1:E1", "A3:A4"],
    )
    plan = parse_plan_document(path)
    assert plan.title == "某县重点任务台账"
    assert [(s.label, s.title, [t.number for t in s.all_tasks()]) for s in plan.sections] == [
        ("一、", "产业发展", [1, 2]),
        ("二、", "民生保障", [3]),
    ]
    assert units(path)[0] == [("县工信局", R), ("县发改局", R)]


def test_section_column_without_labels_gets_numbered(tmp_path: Path) -> None:
    path = _ledger(
        tmp_path / "l.xlsx",
        [
            ["部分", "任务", "牵头单位"],
            ["产业发展", "甲。", "县工信局"],
            ["民生保障", "乙。", "县人社局"],
        ],
    )
    lines = read_plan_text(path).splitlines()
    assert lines == [
        "一、产业发展",
        "1. 甲。（牵头单位：县工信局）",
        "二、民生保障",
        "2. 乙。（牵头单位：县人社局）",
    ]


def test_attachment_line_before_a_table_does_not_end_the_plan(tmp_path: Path) -> None:
    body = p("附件：重点任务分工表") + table(
        row(cell("序号"), cell("任务"), cell("责任单位")),
        row(cell("1"), cell("甲。"), cell("市教育局")),
    )
    assert parse_plan_document(write_docx(tmp_path / "t.docx", body)).task_count == 1
