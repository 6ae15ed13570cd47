"""Plan parsing layer: turns the text of a 重点任务分工方案 into plan records.

Layer rule: pure Python. Imports the standard library and ``domain`` only; never Qt,
never SQLAlchemy. Used by the store (seeding, 导入方案), the command line and the tests.
"""

from plan_parser.errors import ParseProblem, PlanParseError
from plan_parser.model import (
    ParsedPlan,
    ParsedSection,
    ParsedSubsection,
    ParsedTask,
    ParsedUnit,
    TaskProblem,
)
from plan_parser.parser import parse_plan_bytes, parse_plan_file, parse_plan_text

__all__ = [
    "ParseProblem",
    "ParsedPlan",
    "ParsedSection",
    "ParsedSubsection",
    "ParsedTask",
    "ParsedUnit",
    "PlanParseError",
    "TaskProblem",
    "parse_plan_bytes",
    "parse_plan_file",
    "parse_plan_text",
]
