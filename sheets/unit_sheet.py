"""PDF sheets layer: 任务分工责任清单, what one unit owes, grouped by its role.

For each task: number, full text, the other units and their roles, and the unit's latest
progress (status, percent, date, 工作进展, 存在问题, 下一步计划, 填报人), or ruled space to
write it in by hand; at the end a 单位（盖章）/ 负责人签字 / 日期 block, so the printed
list can be stamped and sent back as it is.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from domain.records import AssignmentView, PlanView, ProgressRevision, TaskView
from sheets import document, fonts
from sheets.document import SheetOptions, Target
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
from sheets.tables import (
    RuledLines,
    heading,
    proportional,
    sheet_table,
    signature_boxes,
    title_block,
)
from sheets.typography import WUHAO, Styles
from sheets.wording import progress_parts

TITLE = "任务分工责任清单"
#: 序号 | 任务内容 | 其他单位 | 进展情况, relative widths: 进展情况 nearly as wide as the
#: task, since it carries 下一步计划 and 填报人 too.
COLUMNS = (12, 60, 28, 56)
HEADER = ("序号", "任务内容", "其他单位", "进展情况")
STAMP = ("单位（盖章）", "负责人签字", "日期")


def unit_sheet(
    plan: PlanView, unit: str, target: Target, options: SheetOptions | None = None
) -> None:
    """Write the 任务分工责任清单 of ``unit`` (its id or name, see :func:`find_unit`)."""
    found = find_unit(plan, unit)
    if found is None:
        raise UnknownUnitError(unit)
    options = options or SheetOptions()
    story = unit_story(plan, found, Styles(WUHAO), document.frame_width(False))
    document.build(
        target,
        story,
        title=f"{TITLE}（{found.unit_name}）",
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=False,
    )


def unit_tasks(plan: PlanView, unit_id: str) -> list[TaskView]:
    return [t for t in plan.all_tasks() if t.has_unit(unit_id)]


def unit_story(
    plan: PlanView, unit: AssignmentView, styles: Styles, width: float
) -> list[Flowable]:
    """The flowables of one unit's sheet (used alone and in the all-units batch)."""
    tasks = unit_tasks(plan, unit.unit_id)
    by_role = {
        role: [t for t in tasks if unit_role(t, unit.unit_id) is role] for role in ROLE_GROUPS
    }
    tally = "、".join(f"{role.value} {len(by_role[role])} 项" for role in ROLE_GROUPS)
    story: list[Flowable] = title_block(styles, TITLE, plan.title, width=width)
    story.append(
        Paragraph(
            f'<font face="{fonts.BOLD}">责任单位：</font>{fonts.markup(unit.unit_name)}',
            styles.subtitle,
        )
    )
    story.append(styles.para(f"共 {len(tasks)} 项任务：{tally}。", styles.meta))
    story.append(Spacer(1, 2 * mm))
    if not tasks:
        story.append(styles.para("本单位在本方案中没有分工任务。", styles.body))
        return story
    col_widths = proportional(COLUMNS, width)
    group_no = 0
    for role in ROLE_GROUPS:
        role_tasks = by_role[role]
        if not role_tasks:
            continue
        group_no += 1
        title = f"{zh_number(group_no)}、{ROLE_HEADINGS[role]}（{len(role_tasks)} 项）"
        story.extend(heading(styles, title))
        rows: list[list[object]] = [[styles.para(h, styles.header) for h in HEADER]]
        for task in role_tasks:
            rows.append(
                [
                    styles.para(task_label(task), styles.cell_center),
                    styles.para(task.text),
                    _others(task, unit.unit_id, styles),
                    _progress_cell(current_for_unit(task, unit.unit_id), styles),
                ]
            )
        story.append(sheet_table(rows, col_widths))
    story.append(
        KeepTogether([Spacer(1, 6 * mm), signature_boxes(STAMP, width, styles.cell, 22 * mm)])
    )
    return story


def _others(task: TaskView, unit_id: str, styles: Styles) -> list[Flowable]:
    """Other units by role: "牵头：哈尔滨海关" lines; "无" when the unit stands alone."""
    lines: list[Flowable] = []
    for role in ROLE_GROUPS:
        names = [a.unit_name for a in task.units_with(role) if a.unit_id != unit_id]
        if names:
            label = f'<font face="{fonts.BOLD}">{role.value}：</font>'
            lines.append(styles.rich(label + fonts.markup("、".join(names)), styles.cell_small))
    return lines or [styles.para("无", styles.cell_small)]


def _progress_cell(rev: ProgressRevision | None, styles: Styles) -> list[Flowable]:
    if rev is None:
        # Nothing reported yet: room for the unit to write its progress by hand.
        return [styles.para("（未报送，请填写）", styles.note), RuledLines(4, 7 * mm)]
    out: list[Flowable] = [
        styles.rich(
            f'<font face="{fonts.BOLD}">{rev.status.label_zh}</font> {rev.percent}%', styles.cell
        ),
        styles.para(f"{rev.report_date:%Y年%m月%d日}", styles.cell_small),
    ]
    for label, text in progress_parts(rev):
        bold = f'<font face="{fonts.BOLD}">{label}：</font>'
        out.append(styles.rich(bold + fonts.markup(text), styles.cell_small))
    return out
