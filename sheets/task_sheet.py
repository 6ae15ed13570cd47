"""PDF sheets layer: 督办单, the supervision sheet of one task.

Task text, units and roles, the deadline (完成时限) when set, the full progress history
(every revision, withdrawn and on-behalf ones marked), room for 督办意见, and boxes for
经办人 / 审核人 / 日期.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from domain.records import PlanView, ProgressRevision, TaskView
from domain.schedule import Deadline
from sheets import document, fonts
from sheets.document import SheetOptions, Target
from sheets.errors import UnknownTaskError
from sheets.progress import ROLE_GROUPS, section_label, subsection_label
from sheets.tables import (
    HEADER_FILL,
    RuledLines,
    heading,
    proportional,
    sheet_table,
    signature_boxes,
    title_block,
)
from sheets.typography import WUHAO, Styles

TITLE = "督办单"
HISTORY_HEADER = ("序号", "报送日期", "单位", "状态", "进度", "进展情况")
HISTORY_COLUMNS = (12, 24, 24, 16, 13, 67)
#: Label | value.
FACT_COLUMNS = (24, 132)


def task_sheet(
    plan: PlanView,
    task: TaskView | int,
    target: Target,
    *,
    history: Sequence[ProgressRevision] = (),
    deadline: dt.date | Deadline | None = None,
    options: SheetOptions | None = None,
) -> None:
    """Write the 督办单 of ``task`` (a task of ``plan`` or its number).

    ``history`` is every revision of every report on the task (the store's history), in
    any order; without it the sheet shows the task's current progress only.
    ``deadline``: a date or a :class:`Deadline` (长期坚持); the task's own when not given.
    """
    if isinstance(task, int):
        found = plan.task_by_number(task)
        if found is None:
            raise UnknownTaskError(task)
        task = found
    options = options or SheetOptions()
    styles = Styles(WUHAO)
    width = document.frame_width(False)
    revisions = list(history) or list(task.current_progress)
    story: list[Flowable] = title_block(styles, TITLE, plan.title)
    story.append(_facts(task, deadline or task.deadline, styles, width))
    story.extend(heading(styles, "进展情况"))
    story.append(_history(revisions, styles, width))
    # Opinion and signatures belong together on one page.
    opinion = sheet_table(
        [[styles.para("督办意见", styles.header), RuledLines(3, 7 * mm)]],
        proportional(FACT_COLUMNS, width),
        header_rows=0,
        extra_style=[("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)],
    )
    opinion.spaceBefore = 1.5 * mm  # apart from the history table above
    signatures = signature_boxes(("经办人", "审核人", "日期"), width, styles.cell, 12 * mm)
    story.append(KeepTogether([opinion, signatures]))
    document.build(
        target,
        story,
        title=f"{TITLE}（第 {task.number} 项）",
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=False,
    )


def _facts(
    task: TaskView, deadline: dt.date | Deadline | None, styles: Styles, width: float
) -> Flowable:
    """Two-column table of the task's facts; labels bold on grey."""
    rows: list[tuple[str, str]] = [
        ("任务编号", f"第 {task.number} 项"),
        ("所属部分", _section_text(task)),
        ("任务内容", task.text),
    ]
    for role in ROLE_GROUPS:
        names = "、".join(a.unit_name for a in task.units_with(role))
        if names:
            rows.append((f"{role.value}单位", names))
    if task.assignment_text:
        rows.append(("分工原文", task.assignment_text))
    rows.append(("完成时限", _deadline_text(deadline)))
    data = [[styles.para(label, styles.header), styles.para(value)] for label, value in rows]
    return sheet_table(
        data,
        proportional(FACT_COLUMNS, width),
        header_rows=0,
        extra_style=[("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)],
    )


def _deadline_text(deadline: dt.date | Deadline | None) -> str:
    if isinstance(deadline, Deadline):
        if deadline.long_term:
            return "长期坚持"
        deadline = deadline.date
    return f"{deadline:%Y年%m月%d日}" if deadline else ""


def _section_text(task: TaskView) -> str:
    text = f"{section_label(task.section_number)}{task.section_title}"
    if task.subsection_number is not None:
        text += f" {subsection_label(task.subsection_number)}{task.subsection_title or ''}"
    return text


def _history_order(rev: ProgressRevision) -> tuple[dt.date, int, str]:
    return rev.report_date, rev.lamport, rev.revision_id


def _history(revisions: list[ProgressRevision], styles: Styles, width: float) -> Flowable:
    if not revisions:
        table = sheet_table(
            [[styles.para("暂无进展报送。", styles.cell)], [RuledLines(5, 9 * mm)]],
            [width],
            header_rows=0,
        )
        return table
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in HISTORY_HEADER]]
    for n, rev in enumerate(sorted(revisions, key=_history_order), 1):
        rows.append(
            [
                styles.para(str(n), styles.cell_center),
                styles.para(f"{rev.report_date:%Y-%m-%d}", styles.cell_center),
                styles.para(rev.unit_name),
                styles.para(_status_text(rev), styles.cell_center),
                styles.para(f"{rev.percent}%", styles.cell_center),
                styles.rich(_detail_markup(rev), styles.cell),
            ]
        )
    return sheet_table(rows, proportional(HISTORY_COLUMNS, width))


def _status_text(rev: ProgressRevision) -> str:
    text = rev.status.label_zh
    if rev.withdrawn:
        text += "（已撤回）"
    return text


def _detail_markup(rev: ProgressRevision) -> str:
    """Work done, problems, next steps, reporter; marks for on-behalf and conflicting heads."""
    bold = fonts.BOLD
    parts = []
    for label, value in (
        ("工作进展", rev.work_done),
        ("存在问题", rev.problems),
        ("下步打算", rev.next_steps),
    ):
        if value.strip():
            parts.append(f'<font face="{bold}">{label}：</font>{fonts.markup(value.strip())}')
    who = "　".join(x for x in (rev.reporter, rev.phone) if x.strip())
    if who:
        parts.append(f'<font face="{bold}">填报人：</font>{fonts.markup(who)}')
    notes = []
    if rev.on_behalf:
        notes.append("协调办公室代为录入")
    if rev.in_conflict:
        notes.append("存在并行修改，待核实")
    if notes:
        parts.append(fonts.markup("（" + "；".join(notes) + "）"))
    return "<br/>".join(parts) or "—"
