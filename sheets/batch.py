"""PDF sheets layer: every unit's 任务分工责任清单 at once, in one PDF or one file per unit.

In the single PDF each unit starts on a new page and its page numbers restart at 1
("— 1 —"), so the printed pile splits into complete per-unit documents.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reportlab.platypus import Flowable, PageBreak

from domain.records import PlanView
from sheets import document
from sheets.document import RestartNumbering, SheetOptions, Target
from sheets.typography import WUHAO, Styles
from sheets.unit_sheet import TITLE, unit_sheet, unit_story

#: Characters Windows (and so a USB stick's FAT) refuses in a file name.
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_RESERVED = {
    "CON",
    "PRN",
    "AUX",
    "NUL",
    *(f"COM{i}" for i in range(1, 10)),
    *(f"LPT{i}" for i in range(1, 10)),
}
#: Chinese characters take 3 bytes in UTF-8; 80 characters stays under every limit.
MAX_NAME_CHARS = 80


def all_units_sheet(plan: PlanView, target: Target, options: SheetOptions | None = None) -> None:
    """Write every unit's sheet into one PDF, each unit from a new page, numbered from 1."""
    options = options or SheetOptions()
    styles = Styles(WUHAO)
    width = document.frame_width(False)
    story: list[Flowable] = []
    for index, unit in enumerate(plan.units()):
        if index:
            story.append(PageBreak())
        story.append(RestartNumbering(unit.unit_name))
        story.extend(unit_story(plan, unit, styles, width))
    document.build(
        target,
        story,
        title=f"{TITLE}（各单位）",
        fingerprint=plan.fingerprint,
        options=options,
        landscape_pages=False,
    )


def safe_file_name(name: str, suffix: str = ".pdf") -> str:
    """A file name that works on Windows, macOS and Linux; Chinese is kept as it is."""
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE.sub("_", text).strip().rstrip(". ")
    text = text[:MAX_NAME_CHARS] or "未命名"
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text + suffix


def split_unit_sheets(
    plan: PlanView, folder: str | Path, options: SheetOptions | None = None
) -> list[Path]:
    """Write one 任务分工责任清单 per unit into ``folder``; return the files in plan order.

    Files are named ``任务分工责任清单-<单位>.pdf``; a name that would repeat (two units
    differing only in characters a file name cannot hold) gets ``-2``, ``-3`` ….
    """
    out_dir = Path(folder)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    used: set[str] = set()
    for unit in plan.units():
        base = safe_file_name(f"{TITLE}-{unit.unit_name}", "")
        name, n = base, 1
        while name.casefold() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.casefold())
        path = out_dir / f"{name}.pdf"
        unit_sheet(plan, unit.unit_id, path, options)
        written.append(path)
    return written
