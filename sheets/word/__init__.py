"""Word sheets layer: the printable sheets as editable .docx files (GB/T 9704 layout).

Clerks finish a 通报 or a 清单 in Word or WPS (add a paragraph, a 文号, stamp it), so
every sheet kind is also written as a real Word document: A4, the standard's margins,
named 公文 fonts (方正小标宋简体 / 仿宋_GB2312 / 黑体 / 楷体_GB2312, each with the common
face the PC falls back to), real tables whose header rows repeat on every page, and
"— 1 —" page numbers from a PAGE field.

Layer rule: the standard library, python-docx, ``domain`` and ``sheets`` (its text rules
and the column constants of the PDF sheets, so both say the same); never Qt or SQLAlchemy.
"""

from sheets.word.bulletin import bulletin_docx
from sheets.word.plan import plan_table_docx
from sheets.word.reminder import reminder_docx
from sheets.word.summary import summary_docx
from sheets.word.task import task_docx
from sheets.word.unit import unit_docx

__all__ = [
    "bulletin_docx",
    "plan_table_docx",
    "reminder_docx",
    "summary_docx",
    "task_docx",
    "unit_docx",
]
