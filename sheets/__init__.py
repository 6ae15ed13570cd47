"""PDF sheets layer: printable documents (任务分工责任清单, 重点任务分工表, 督办单, 进展情况汇总表,
催办单, 进展情况通报); ``sheets.word`` writes the same as Word documents.

Each sheet is a pure function of domain records (``domain.records.PlanView`` …) and
:class:`SheetOptions` that writes a PDF to a path or an open binary file, with the
Chinese fonts shipped in ``resources/fonts/`` embedded.

Layer rule: imports the standard library, ReportLab, ``domain`` and ``runtime`` only;
never Qt (PySide6), never SQLAlchemy. The window calls these functions from a worker
thread; the command line and the tests call them directly.
"""

from sheets.batch import all_units_sheet, safe_file_name, split_unit_sheets
from sheets.bulletin_pdf import bulletin_sheet
from sheets.document import SheetOptions
from sheets.errors import SheetError, UnknownTaskError, UnknownUnitError
from sheets.plan_table import plan_table
from sheets.progress import find_unit, task_status
from sheets.reminder_sheet import LateItems, late_items, reminder_sheet
from sheets.summary_sheet import summary_sheet
from sheets.task_sheet import task_sheet
from sheets.unit_sheet import unit_sheet

__all__ = [
    "LateItems",
    "SheetError",
    "SheetOptions",
    "UnknownTaskError",
    "UnknownUnitError",
    "all_units_sheet",
    "bulletin_sheet",
    "find_unit",
    "late_items",
    "plan_table",
    "reminder_sheet",
    "safe_file_name",
    "split_unit_sheets",
    "summary_sheet",
    "task_sheet",
    "task_status",
    "unit_sheet",
]
