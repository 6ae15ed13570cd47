"""Word sheets layer: 重点任务分工表, the whole plan as one table (landscape by default)."""

from __future__ import annotations

from domain.enums import Role
from domain.records import PlanView, TaskView
from sheets.document import SheetOptions
from sheets.plan_table import COLUMNS, HEADER, TITLE, lead_text
from sheets.progress import section_label, subsection_label, task_label
from sheets.word import blocks
from sheets.word.blocks import Cell
from sheets.word.common import new_page, opening
from sheets.word.page import WUHAO, XIAOSI, Target


def plan_table_docx(plan: PlanView, target: Target, options: SheetOptions | None = None) -> None:
    """Write the 重点任务分工表 as a Word document."""
    options = options or SheetOptions()
    wide = True if options.landscape is None else options.landscape
    page = new_page(TITLE, plan.fingerprint, options, landscape=wide)
    opening(page, TITLE, plan.title)
    rows: list[list[Cell]] = []
    groups: list[int] = []

    def group(text: str) -> None:
        groups.append(len(rows))
        rows.append([text, "", "", ""])

    for section in plan.sections:
        group(f"{section_label(section.number, section.label)}{section.title}")
        rows.extend(_row(t) for t in sorted(section.tasks, key=lambda t: t.number))
        for sub in section.subsections:
            group(f"{subsection_label(sub.number, sub.label)}{sub.title}")
            rows.extend(_row(t) for t in sorted(sub.tasks, key=lambda t: t.number))
    columns = COLUMNS if wide else (12, 78, 33, 33)
    blocks.table(page, HEADER, rows, columns, size=XIAOSI if wide else WUHAO, groups=groups)
    page.save(target)


def _row(task: TaskView) -> list[Cell]:
    cooperating = "、".join(a.unit_name for a in task.units_with(Role.COOPERATE))
    return [task_label(task), task.text, lead_text(task), cooperating or "—"]
