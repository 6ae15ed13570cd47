"""Word sheets layer: 任务分工责任清单 of one unit, as the PDF (grouped by role) plus the
单位（盖章）/ 负责人签字 / 日期 block, so the printed copy can be stamped as it is."""

from __future__ import annotations

from domain.records import PlanView, ProgressRevision, TaskView
from sheets.document import SheetOptions
from sheets.errors import UnknownUnitError
from sheets.progress import (
    ROLE_GROUPS,
    ROLE_HEADINGS,
    current_for_unit,
    find_unit,
    task_label,
    unit_role,
    zh_number,
)
from sheets.word import blocks
from sheets.word.blocks import Cell, Line, Seg
from sheets.word.common import new_page, opening
from sheets.word.page import Target
from sheets.wording import day_zh, others_by_role, progress_parts, status_line

TITLE = "任务分工责任清单"
HEADER = ("序号", "任务内容", "其他单位", "进展情况")
#: 进展情况 as wide as the task text: it carries 下一步计划 and 填报人 too.
COLUMNS = (12, 60, 28, 56)
STAMP = ("单位（盖章）", "负责人签字", "日期")


def unit_docx(
    plan: PlanView, unit: str, target: Target, options: SheetOptions | None = None
) -> None:
    """Write the 任务分工责任清单 of ``unit`` (its id or name) as a Word document."""
    found = find_unit(plan, unit)
    if found is None:
        raise UnknownUnitError(unit)
    options = options or SheetOptions()
    page = new_page(f"{TITLE}（{found.unit_name}）", plan.fingerprint, options, landscape=False)
    tasks = [t for t in plan.all_tasks() if t.has_unit(found.unit_id)]
    by_role = {r: [t for t in tasks if unit_role(t, found.unit_id) is r] for r in ROLE_GROUPS}
    tally = "、".join(f"{r.value} {len(by_role[r])} 项" for r in ROLE_GROUPS)
    extra = [f"共 {len(tasks)} 项任务：{tally}。"]
    if options.as_of:
        extra.append(f"进展截至：{day_zh(options.as_of)}")
    opening(page, TITLE, plan.title)
    blocks.subtitle(page, found.unit_name, label="责任单位：")
    for line in extra:
        blocks.note(page, line, size=12.0)
    if not tasks:
        blocks.body(page, "本单位在本方案中没有分工任务。")
    group_no = 0
    for role in ROLE_GROUPS:
        if not by_role[role]:
            continue
        group_no += 1
        blocks.heading(
            page, f"{zh_number(group_no)}、{ROLE_HEADINGS[role]}（{len(by_role[role])} 项）"
        )
        rows: list[list[Cell]] = [
            [
                task_label(t),
                t.text,
                _others(t, found.unit_id),
                progress_cell(current_for_unit(t, found.unit_id)),
            ]
            for t in by_role[role]
        ]
        blocks.table(page, HEADER, rows, COLUMNS)
    blocks.spacer(page, 12)
    blocks.boxes(page, STAMP, height_mm=22)
    page.save(target)


def _others(task: TaskView, unit_id: str) -> Cell:
    lines: list[Line] = [
        (Seg(f"{role}：", True), Seg(names)) for role, names in others_by_role(task, unit_id)
    ]
    return lines or "无"


def progress_cell(rev: ProgressRevision | None) -> Cell:
    """Status line, then 工作进展 / 存在问题 / 下一步计划 / 填报人; blank lines when none."""
    if rev is None:
        return ["（未报送，请填写）", "", "", ""]
    lines: list[Line] = [(Seg(status_line(rev), True),)]
    for label, text in progress_parts(rev):
        lines.append((Seg(f"{label}：", True), Seg(text)))
    return lines
