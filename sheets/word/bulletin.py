"""Word sheets layer: the 进展情况通报 as a Word document, the one clerks edit most.

Running text on the 公文 grid (22 lines of 28 characters), headings 一、 in 黑体 and
（一） in 楷体_GB2312, a 文号 line and the 落款 to fill in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from docx.enum.text import WD_ALIGN_PARAGRAPH

from domain.records import PlanView
from domain.status_lights import TaskLight
from sheets.bulletin import (
    TITLE,
    Bulletin,
    build_bulletin,
    late_paragraphs,
    task_heading,
    unit_text,
)
from sheets.document import SheetOptions
from sheets.reminder_sheet import sender_name
from sheets.word import blocks
from sheets.word.blocks import Seg
from sheets.word.common import chars_per_line, new_page
from sheets.word.page import BODY_FONT, ERHAO, SANHAO, Target, add_run
from sheets.wording import title_lines


def bulletin_docx(
    plan: PlanView,
    lights: Mapping[str, TaskLight],
    as_of: dt.date,
    target: Target,
    options: SheetOptions | None = None,
) -> Bulletin:
    """Write the 进展情况通报 as of ``as_of`` as a Word document; return its content."""
    options = options or SheetOptions()
    bulletin = build_bulletin(plan, lights, as_of, sender_name(options))
    page = new_page(TITLE, plan.fingerprint, options, landscape=False, running_text=True)
    number = page.doc.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(number, bulletin.number_line, BODY_FONT, SANHAO)
    blocks.spacer(page, SANHAO)
    blocks.title(page, "\n".join(title_lines(bulletin.title, chars_per_line(page, ERHAO))))
    blocks.spacer(page, SANHAO)
    blocks.body(page, bulletin.addressee, indent=False)
    blocks.body(page, bulletin.opening)
    blocks.heading(page, "一、总体情况")
    for line in bulletin.overview:
        blocks.body(page, line)
    blocks.heading(page, "二、各项任务进展情况")
    for section in bulletin.sections:
        blocks.heading(page, section.heading, level=2)
        for entry in section.tasks:
            blocks.body(page, task_heading(entry))
            for unit in entry.units:
                lead, rest = unit_text(unit)
                blocks.body(page, (Seg(lead, True), Seg(rest)))
            for text in entry.instructions:
                blocks.body(page, (Seg("领导批示：", True), Seg(text)))
    blocks.heading(page, "三、逾期和未按期报送情况")
    for lead, rest in late_paragraphs(bulletin):
        para = blocks.body(page, (Seg(lead, True), Seg(rest)) if lead else rest)
    para.paragraph_format.keep_with_next = True  # the 落款 never stands alone on a page
    blocks.spacer(page, SANHAO * 2, keep=True)
    blocks.right_aligned(page, [bulletin.sender, bulletin.date])
    page.save(target)
    return bulletin
