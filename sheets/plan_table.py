"""PDF sheets layer: 重点任务分工表, the whole plan as one table (landscape by default).

Columns 序号 / 任务内容 / 牵头（负责）单位 / 配合单位; section (一、) and subsection （一）
rows are full-width group headings. Where a task has no lead unit the units that are each
responsible (按职责分别负责) stand in the lead column with that wording.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from domain.enums import Role
from domain.records import PlanView, TaskView
from sheets import document, fonts
from sheets.document import SheetOptions, Target
from sheets.progress import section_label, subsection_label, task_label
from sheets.tables import GroupHeading, proportional, sheet_table, title_block
from sheets.typography import WUHAO, XIAOSI, Styles

TITLE = "重点任务分工表"
HEADER = ("序号", "任务内容", "牵头（负责）单位", "配合单位")
COLUMNS = (14, 120, 45, 46)


def plan_table(plan: PlanView, target: Target, options: SheetOptions | None = None) -> None:
    """Write the 重点任务分工表 of the whole plan."""
    options = options or SheetOptions()
    wide = True if options.landscape is None else options.landscape
    # Landscape has room for 小四; portrait keeps the table readable at 五号.
    styles = Styles(XIAOSI if wide else WUHAO)
    story: list[Flowable] = title_block(styles, TITLE, plan.title, width=document.frame_width(wide))
    story.append(plan_grid(plan, styles, document.frame_width(wide), wide))
    document.build(
        target,
        story,
        title=TITLE,
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=wide,
    )


def plan_grid(plan: PlanView, styles: Styles, width: float, wide: bool) -> Flowable:
    columns = COLUMNS if wide else (12, 78, 33, 33)
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in HEADER]]

    def group(text: str) -> None:
        rows.append([GroupHeading(fonts.markup(text, fonts.BOLD), styles.group), "", "", ""])

    for section in plan.sections:
        group(f"{section_label(section.number, section.label)}{section.title}")
        for task in sorted(section.tasks, key=lambda t: t.number):
            rows.append(task_row(task, styles))
        for sub in section.subsections:
            group(f"{subsection_label(sub.number, sub.label)}{sub.title}")
            for task in sorted(sub.tasks, key=lambda t: t.number):
                rows.append(task_row(task, styles))
    return sheet_table(
        rows,
        proportional(columns, width),
        page_height=document.frame_height(wide),
    )


def lead_text(task: TaskView) -> str:
    """Lead units; else the responsible units with the document's wording."""
    leads = [a.unit_name for a in task.units_with(Role.LEAD)]
    responsible = task.units_with(Role.RESPONSIBLE)
    parts = []
    if leads:
        parts.append("、".join(leads))
    if responsible:
        names = "、".join(a.unit_name for a in responsible)
        separately = any(a.wording.startswith("按职责") for a in responsible)
        if leads:
            parts.append(f"{names}负责")
        elif separately and len(responsible) > 1:
            parts.append(f"{names}（按职责分别负责）")
        else:
            parts.append(names)
    return "；".join(parts)


def task_row(task: TaskView, styles: Styles) -> list[object]:
    cooperating = "、".join(a.unit_name for a in task.units_with(Role.COOPERATE))
    return [
        styles.para(task_label(task), styles.cell_center),
        styles.para(task.text),
        styles.rich(fonts.markup(lead_text(task)), styles.cell),
        styles.para(cooperating or "—", styles.cell if cooperating else styles.cell_center),
    ]
