"""PDF sheets layer: 督办单, the supervision sheet of one task.

Task text, units and roles, the deadline (完成时限) and the task's status (its light) when
given; each unit's current report only (a superseded or withdrawn revision is history, not
a report) with its review state (审核); the 领导批示 / 督办意见 recorded by the coordinating
office (blank lines to write on when there are none); on request a compact table of the
history, bounded (a task can have tens of thousands of revisions); boxes for 经办人 /
审核人 / 日期.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from domain.attachments import AttachmentKind, AttachmentRef
from domain.records import PlanView, ProgressRevision, ReportReview, TaskView
from domain.review_rules import ReviewState, decisive_review, review_state
from domain.schedule import Deadline
from domain.status_lights import TaskLight
from domain.validation import stored_breaches
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
CURRENT_HEADER = ("单位", "报送日期", "状态", "进度", "审核", "进展情况")
CURRENT_COLUMNS = (20, 26, 17, 13, 19, 61)
HISTORY_HEADER = ("序号", "日期", "单位", "进度", "记录", "摘要")
HISTORY_COLUMNS = (12, 26, 23, 13, 21, 61)
#: The history table prints at most this many revisions (the newest), and says how many
#: older ones it left out: a sheet is read, not searched.
HISTORY_ROWS = 40
SUMMARY_CHARS = 40
#: Label | value.
FACT_COLUMNS = (24, 132)


def task_sheet(
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
    """Write the 督办单 of ``task`` (a task of ``plan`` or its number).

    Each unit's current report is printed (``task.current_progress``) with its review
    state. ``history``: revisions to list in a compact table after it (the store's bounded
    summary, newest first; ``history_total`` is how many the task has in all); none: no
    history table. ``deadline``: a date or a :class:`Deadline` (长期坚持); the task's own
    when not given. ``light``: the task's status light, printed as its 当前状态.
    ``attachments``: the 佐证材料 each revision lists (by revision id), named under each
    current report and counted in the history table.
    """
    if isinstance(task, int):
        found = plan.task_by_number(task)
        if found is None:
            raise UnknownTaskError(task)
        task = found
    options = options or SheetOptions()
    styles = Styles(WUHAO)
    width = document.frame_width(False)
    review_in_use = any(t.reviews for t in plan.all_tasks())
    story: list[Flowable] = title_block(styles, TITLE, plan.title)
    story.append(_facts(task, deadline or task.deadline, light, styles, width))
    story.extend(heading(styles, "进展情况（各单位当前报送）"))
    story.append(_current(task, review_in_use, styles, width, attachments or {}))
    if history:
        story.extend(heading(styles, "报送记录"))
        story.extend(_history(list(history), history_total, styles, width, attachments or {}))
    # Instructions and signatures belong together on one page.
    opinion = sheet_table(
        [[styles.para("领导批示\n督办意见", styles.header), _instructions(task, styles)]],
        proportional(FACT_COLUMNS, width),
        header_rows=0,
        extra_style=[("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)],
    )
    opinion.spaceBefore = 1.5 * mm  # apart from the table above
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
    task: TaskView,
    deadline: dt.date | Deadline | None,
    light: TaskLight | None,
    styles: Styles,
    width: float,
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
    if light is not None:
        rows.append(("当前状态", light.light.label_zh))
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


def _current(
    task: TaskView,
    review_in_use: bool,
    styles: Styles,
    width: float,
    attachments: Mapping[str, Sequence[AttachmentRef]],
) -> Flowable:
    reports = sorted(task.current_progress, key=lambda r: (r.report_date, r.lamport))
    if not reports:
        return sheet_table(
            [[styles.para("暂无进展报送。", styles.cell)], [RuledLines(5, 9 * mm)]],
            [width],
            header_rows=0,
        )
    rows: list[list[object]] = [[styles.para(h, styles.header) for h in CURRENT_HEADER]]
    for rev in reports:
        rows.append(
            [
                styles.para(rev.unit_name),
                styles.para(f"{rev.report_date:%Y-%m-%d}", styles.cell_center),
                styles.para(rev.status.label_zh, styles.cell_center),
                styles.para(f"{rev.percent}%", styles.cell_center),
                styles.para(review_text(rev, task.reviews, review_in_use), styles.cell),
                styles.rich(
                    _detail_markup(rev) + _attachments_markup(attachments.get(rev.revision_id, ())),
                    styles.cell,
                ),
            ]
        )
    return sheet_table(rows, proportional(CURRENT_COLUMNS, width))


def review_text(rev: ProgressRevision, reviews: Sequence[ReportReview], in_use: bool) -> str:
    """审核 as printed: 已通过 / 已退回 with the day and reason; 待审核 once review is in use."""
    state = review_state(rev, reviews)
    if state is ReviewState.PENDING:
        return state.label_zh if in_use else "—"
    review = decisive_review(rev, reviews)
    assert review is not None
    text = f"{state.label_zh}（{review.authored_at[:10]}）"
    if review.reason:
        text += f"：{review.reason}"
    return text


def _instructions(task: TaskView, styles: Styles) -> Flowable:
    """The recorded 批示, newest last; ruled lines to write on when there are none."""
    if not task.instructions:
        return RuledLines(3, 7 * mm)
    bold = fonts.BOLD
    lines = [
        f'<font face="{bold}">{fonts.markup(item.leader)}'
        f"（{item.instructed_on:%Y年%m月%d日}）：</font>{fonts.markup(item.text)}"
        for item in task.instructions
    ]
    return styles.rich("<br/>".join(lines), styles.cell)


def history_rows(
    revisions: list[ProgressRevision],
    total: int | None,
    attachments: Mapping[str, Sequence[AttachmentRef]] | None = None,
) -> tuple[list[list[str]], str]:
    """The newest ``HISTORY_ROWS`` revisions, oldest of them first, one line each, and the
    note saying how many older ones were left out ("" when none). A revision that lists
    佐证材料 (``attachments``, by revision id) says how many in its 记录 column."""
    attachments = attachments or {}
    newest = sorted(revisions, key=lambda r: (r.report_date, r.lamport, r.revision_id))
    shown = newest[-HISTORY_ROWS:]
    total = max(total or 0, len(revisions))
    first = total - len(shown) + 1
    rows = []
    for n, rev in enumerate(shown, first):
        summary = rev.work_done.replace("\n", " ").strip()
        if len(summary) > SUMMARY_CHARS:
            summary = summary[: SUMMARY_CHARS - 1] + "…"
        rows.append(
            [
                str(n),
                f"{rev.report_date:%Y-%m-%d}",
                rev.unit_name,
                f"{rev.percent}%",
                _marks(rev, len(attachments.get(rev.revision_id, ()))),
                summary or "—",
            ]
        )
    note = ""
    if total > len(shown):
        note = f"共 {total} 条报送记录，此处列出最近 {len(shown)} 条；完整记录见督办软件。"
    return rows, note


def _history(
    revisions: list[ProgressRevision],
    total: int | None,
    styles: Styles,
    width: float,
    attachments: Mapping[str, Sequence[AttachmentRef]],
) -> list[Flowable]:
    rows, note = history_rows(revisions, total, attachments)
    small = (styles.cell_center, styles.cell_center, styles.cell_small, styles.cell_center,
             styles.cell_small, styles.cell_small)  # fmt: skip
    table: list[list[object]] = [[styles.para(h, styles.header) for h in HISTORY_HEADER]]
    table += [[styles.para(v, st) for v, st in zip(row, small, strict=True)] for row in rows]
    out: list[Flowable] = [sheet_table(table, proportional(HISTORY_COLUMNS, width))]
    if note:
        out.append(styles.para(note, styles.cell_small))
    return out


def _marks(rev: ProgressRevision, files: int = 0) -> str:
    marks = ["撤回" if rev.withdrawn else ("修改" if rev.parent_revision_id else "报送")]
    if files:
        marks.append(f"佐证材料 {files} 件")
    if rev.on_behalf:
        marks.append("代报")
    if rev.reason:
        marks.append(f"原因：{rev.reason[:20]}")
    if stored_breaches(rev):
        marks.append("不合规（旧版）")
    return "，".join(marks)


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
    if stored_breaches(rev):
        notes.append("不符合现行填报规则（旧版本录入）")
    if notes:
        parts.append(fonts.markup("（" + "；".join(notes) + "）"))
    return "<br/>".join(parts) or "—"


_KIND_ZH = {
    AttachmentKind.PDF: "PDF",
    AttachmentKind.JPEG: "图片",
    AttachmentKind.PNG: "图片",
    AttachmentKind.DOCX: "Word",
    AttachmentKind.XLSX: "Excel",
    AttachmentKind.OFD: "OFD",
    AttachmentKind.TEXT: "文本",
}


def attachment_summary(refs: Sequence[AttachmentRef]) -> str:
    """纪要.pdf（PDF，1.2 MB，3 页）；现场照片.jpg（图片，640 KB） — both sheets' wording."""
    items = []
    for ref in refs:
        size = (
            f"{ref.size / 1024 / 1024:.1f} MB"
            if ref.size >= 1024 * 1024
            else f"{ref.size / 1024:.0f} KB"
        )
        facts = [_KIND_ZH[ref.kind], size] + ([f"{ref.pages} 页"] if ref.pages else [])
        items.append(f"{ref.file_name}（{'，'.join(facts)}）")
    return "；".join(items)


def _attachments_markup(refs: Sequence[AttachmentRef]) -> str:
    """佐证材料：纪要.pdf（PDF，1.2 MB，3 页）；现场照片.jpg（图片，640 KB）"""
    if not refs:
        return ""
    summary = fonts.markup(attachment_summary(refs))
    return f'<br/><font face="{fonts.BOLD}">佐证材料：</font>' + summary
