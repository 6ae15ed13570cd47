"""PDF sheets layer: the 进展情况通报 as a PDF (content from :mod:`sheets.bulletin`).

Running text in 三号 on the GB/T 9704 page, headings 一、 bold and （一） regular (the PDF
has Song faces only; the Word file names 黑体 and 楷体_GB2312), the 落款 right-aligned and
kept with the paragraph before it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from domain.records import PlanView
from domain.status_lights import TaskLight
from sheets import document, fonts
from sheets.bulletin import (
    TITLE,
    Bulletin,
    build_bulletin,
    late_paragraphs,
    task_heading,
    unit_text,
)
from sheets.document import SheetOptions, Target
from sheets.reminder_sheet import sender_name
from sheets.typography import ERHAO, SANHAO, Styles, style
from sheets.wording import title_lines

#: 28 characters of 三号 fill the 156 mm line; a 22-point title about 20.
TITLE_CHARS = 20


def bulletin_sheet(
    plan: PlanView,
    lights: Mapping[str, TaskLight],
    as_of: dt.date,
    target: Target,
    options: SheetOptions | None = None,
) -> Bulletin:
    """Write the 进展情况通报 as of ``as_of`` as a PDF; return its content."""
    options = options or SheetOptions()
    bulletin = build_bulletin(plan, lights, as_of, sender_name(options))
    styles = Styles()
    document.build(
        target,
        story(bulletin, styles),
        title=TITLE,
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=False,
    )
    return bulletin


def story(bulletin: Bulletin, styles: Styles) -> list[Flowable]:
    centred = style("number", SANHAO, align=TA_CENTER, space_after=SANHAO)
    title = style("btitle", ERHAO, font=fonts.BOLD, align=TA_CENTER, leading=ERHAO * 1.5)
    plain = style("plain", SANHAO)
    sub = style("sub", SANHAO, first_indent=SANHAO * 2)
    right = style("sign", SANHAO, align=TA_RIGHT)
    right.rightIndent = SANHAO * 4  # 落款 four characters in from the right (GB/T 9704)
    out: list[Flowable] = [
        styles.para(bulletin.number_line, centred),
        styles.rich(
            "<br/>".join(fonts.markup(line) for line in title_lines(bulletin.title, TITLE_CHARS)),
            title,
        ),
        Spacer(1, SANHAO),
        styles.para(bulletin.addressee, plain),
        styles.para(bulletin.opening, styles.body),
    ]

    def heading(text: str) -> None:
        out.append(CondPageBreak(30 * mm))
        out.append(styles.rich(f'<font face="{fonts.BOLD}">{fonts.markup(text)}</font>', sub))

    def lead(lead_in: str, text: str) -> Flowable:
        bold = f'<font face="{fonts.BOLD}">{fonts.markup(lead_in)}</font>' if lead_in else ""
        return styles.rich(bold + fonts.markup(text), styles.body)

    heading("一、总体情况")
    out.extend(styles.para(line, styles.body) for line in bulletin.overview)
    heading("二、各项任务进展情况")
    for section in bulletin.sections:
        out.append(CondPageBreak(30 * mm))
        out.append(styles.para(section.heading, sub))
        for entry in section.tasks:
            block = [lead("", task_heading(entry))]
            block += [lead(*unit_text(u)) for u in entry.units]
            block += [lead("领导批示：", text) for text in entry.instructions]
            out.extend(block)
    heading("三、逾期和未按期报送情况")
    late = [lead(*pair) for pair in late_paragraphs(bulletin)]
    closing = [
        Spacer(1, SANHAO * 2),
        styles.para(bulletin.sender, right),
        styles.para(bulletin.date, right),
    ]
    out.extend(late[:-1])
    # The 落款 never stands alone on a page: it keeps the last paragraph with it.
    out.append(KeepTogether([late[-1], *closing]))
    return out
