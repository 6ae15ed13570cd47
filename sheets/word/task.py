"""Word sheets layer: 督办单 of one task (facts, each unit's current report with its review,
领导批示 / 督办意见, the bounded history on request, signatures): the PDF's content."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from domain.attachments import AttachmentRef
from domain.records import PlanView, ProgressRevision, TaskView
from domain.schedule import Deadline
from domain.status_lights import TaskLight
from domain.validation import stored_breaches
from sheets.document import SheetOptions
from sheets.errors import UnknownTaskError
from sheets.progress import ROLE_GROUPS, section_label, subsection_label
from sheets.task_sheet import (
    CURRENT_COLUMNS,
    CURRENT_HEADER,
    HISTORY_COLUMNS,
    HISTORY_HEADER,
    TITLE,
    attachment_summary,
    history_rows,
    review_text,
)
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
    history_total: int | None = None,
    deadline: dt.date | Deadline | None = None,
    light: TaskLight | None = None,
    options: SheetOptions | None = None,
    attachments: Mapping[str, Sequence[AttachmentRef]] | None = None,
) -> None:
    """Write the 督办单 of ``task`` as a Word document (same content as the PDF)."""
    attachments = attachments or {}
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
    if light is not None:
        facts.append(("当前状态", light.light.label_zh))
    blocks.facts_table(page, facts)
    blocks.heading(page, "进展情况（各单位当前报送）")
    reports = sorted(task.current_progress, key=lambda r: (r.report_date, r.lamport))
    review_in_use = any(t.reviews for t in plan.all_tasks())
    if reports:
        rows: list[list[Cell]] = [
            [
                rev.unit_name,
                f"{rev.report_date:%Y-%m-%d}",
                rev.status.label_zh,
                f"{rev.percent}%",
                review_text(rev, task.reviews, review_in_use),
                _detail(rev, attachments.get(rev.revision_id, ())),
            ]
            for rev in reports
        ]
        blocks.table(page, CURRENT_HEADER, rows, CURRENT_COLUMNS, center_columns=(1, 2, 3))
    else:
        blocks.body(page, "暂无进展报送。", indent=False)
    if history:
        blocks.heading(page, "报送记录")
        numbered, note = history_rows(list(history), history_total, attachments)
        blocks.table(page, HISTORY_HEADER, numbered, HISTORY_COLUMNS, center_columns=(0, 1, 3))
        if note:
            blocks.body(page, note, indent=False)
    blocks.spacer(page, 8)
    instructions: Cell = (
        [
            (Seg(f"{i.leader}（{i.instructed_on:%Y年%m月%d日}）：", True), Seg(i.text))
            for i in task.instructions
        ]
        if task.instructions
        else ["", "", ""]
    )
    blocks.facts_table(page, [("领导批示\n督办意见", instructions)])
    blocks.boxes(page, ("经办人", "审核人", "日期"))
    page.save(target)


def _section_text(task: TaskView) -> str:
    text = f"{section_label(task.section_number)}{task.section_title}"
    if task.subsection_number is not None:
        text += f" {subsection_label(task.subsection_number)}{task.subsection_title or ''}"
    return text


def _detail(rev: ProgressRevision, files: Sequence[AttachmentRef] = ()) -> Cell:
    lines: list[Line] = [
        (Seg(f"{label}：", True), Seg(text)) for label, text in progress_parts(rev)
    ]
    if files:
        lines.append((Seg("佐证材料：", True), Seg(attachment_summary(files))))
    notes = []
    if rev.on_behalf:
        notes.append("协调办公室代为录入")
    if rev.in_conflict:
        notes.append("存在并行修改，待核实")
    if stored_breaches(rev):
        notes.append("不符合现行填报规则（旧版本录入）")
    if notes:
        lines.append("（" + "；".join(notes) + "）")
    return lines or "—"
