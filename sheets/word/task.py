"""Word sheets layer: 督办单 of one task (facts, progress history, 督办意见, signatures)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from domain.records import PlanView, ProgressRevision, TaskView
from domain.schedule import Deadline
from sheets.document import SheetOptions
from sheets.errors import UnknownTaskError
from sheets.progress import ROLE_GROUPS, section_label, subsection_label
from sheets.task_sheet import HISTORY_COLUMNS, HISTORY_HEADER, TITLE
from sheets.word import blocks
from sheets.word.blocks import Cell, Line, Seg
from sheets.word.common import new_page, opening
from sheets.word.page import Target
from sheets.wording import deadline_text, progress_parts


def task_docx(
    plan: PlanView,
    task: TaskView | int,
    target: Target,
    *,
    history: Sequence[ProgressRevision] = (),
    deadline: dt.date | Deadline | None = None,
    options: SheetOptions | None = None,
) -> None:
    """Write the 督办单 of ``task`` as a Word document (same content as the PDF)."""
    if isinstance(task, int):
        found = plan.task_by_number(task)
        if found is None:
            raise UnknownTaskError(task)
        task = found
    options = options or SheetOptions()
    page = new_page(f"{TITLE}（第 {task.number} 项）", plan.fingerprint, options, landscape=False)
    opening(page, TITLE, plan.title)
    facts: list[tuple[str, Cell]] = [
        ("任务编号", f"第 {task.number} 项"),
        ("所属部分", _section_text(task)),
        ("任务内容", task.text),
    ]
    for role in ROLE_GROUPS:
        names = "、".join(a.unit_name for a in task.units_with(role))
        if names:
            facts.append((f"{role.value}单位", names))
    if task.assignment_text:
        facts.append(("分工原文", task.assignment_text))
    facts.append(("完成时限", deadline_text(deadline or task.deadline)))
    blocks.facts_table(page, facts)
    blocks.heading(page, "进展情况")
    revisions = sorted(
        list(history) or list(task.current_progress),
        key=lambda r: (r.report_date, r.lamport, r.revision_id),
    )
    if revisions:
        rows: list[list[Cell]] = [
            [
                str(n),
                f"{rev.report_date:%Y-%m-%d}",
                rev.unit_name,
                rev.status.label_zh + ("（已撤回）" if rev.withdrawn else ""),
                f"{rev.percent}%",
                _detail(rev),
            ]
            for n, rev in enumerate(revisions, 1)
        ]
        blocks.table(page, HISTORY_HEADER, rows, HISTORY_COLUMNS, center_columns=(0, 1, 3, 4))
    else:
        blocks.body(page, "暂无进展报送。", indent=False)
    blocks.spacer(page, 8)
    blocks.facts_table(page, [("督办意见", ["", "", ""])])
    blocks.boxes(page, ("经办人", "审核人", "日期"))
    page.save(target)


def _section_text(task: TaskView) -> str:
    text = f"{section_label(task.section_number)}{task.section_title}"
    if task.subsection_number is not None:
        text += f" {subsection_label(task.subsection_number)}{task.subsection_title or ''}"
    return text


def _detail(rev: ProgressRevision) -> Cell:
    lines: list[Line] = [
        (Seg(f"{label}：", True), Seg(text)) for label, text in progress_parts(rev)
    ]
    notes = []
    if rev.on_behalf:
        notes.append("协调办公室代为录入")
    if rev.in_conflict:
        notes.append("存在并行修改，待核实")
    if notes:
        lines.append("（" + "；".join(notes) + "）")
    return lines or "—"
