"""Plan parsing layer: the parser's output, before the store gives it identities."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from domain.enums import Role
from plan_parser.errors import ParseProblem


@dataclass(frozen=True, slots=True)
class ParsedUnit:
    """One unit in a task's assignment: normalised name, role and the original wording."""

    name: str
    role: Role
    wording: str
    group: bool = False


@dataclass(frozen=True, slots=True)
class TaskProblem:
    """Why a task needs the clerk: its assignment is unreadable, a unit name is doubtful….

    ``code`` is stable for programs ("unreadable_assignment", "no_assignment",
    "doubtful_unit"); ``message_zh`` is the sentence a clerk reads, with the line number.
    """

    code: str
    message_zh: str
    line_no: int


@dataclass(slots=True)
class ParsedTask:
    number: int
    label: str
    text: str
    assignment: str
    units: list[ParsedUnit]
    line_no: int
    problems: list[TaskProblem] = field(default_factory=list)
    #: The deadline as written ("2020年底前", "长期坚持"), and its date where one is clear.
    deadline_text: str | None = None
    deadline: dt.date | None = None


@dataclass(slots=True)
class ParsedSubsection:
    number: int
    label: str
    title: str
    tasks: list[ParsedTask] = field(default_factory=list)


@dataclass(slots=True)
class ParsedSection:
    number: int
    label: str
    title: str
    subsections: list[ParsedSubsection] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)

    def all_tasks(self) -> list[ParsedTask]:
        out = list(self.tasks)
        for sub in self.subsections:
            out.extend(sub.tasks)
        return sorted(out, key=lambda t: t.line_no)


@dataclass(frozen=True, slots=True)
class NonTaskItem:
    """A numbered line with no assignment and no children: listed apart, not a task."""

    line_no: int
    label: str
    text: str


@dataclass(slots=True)
class ParsedPlan:
    title: str
    issuer: str
    issued_on: dt.date | None
    addressees: str
    text: str
    fingerprint: str
    sections: list[ParsedSection]
    non_task_items: list[NonTaskItem] = field(default_factory=list)
    problems: list[ParseProblem] = field(default_factory=list)

    def all_tasks(self) -> list[ParsedTask]:
        out: list[ParsedTask] = []
        for section in self.sections:
            out.extend(section.all_tasks())
        return out

    @property
    def task_count(self) -> int:
        return len(self.all_tasks())

    @property
    def subsection_count(self) -> int:
        return sum(len(s.subsections) for s in self.sections)

    @property
    def unit_names(self) -> list[str]:
        seen: dict[str, None] = {}
        for task in self.all_tasks():
            for unit in task.units:
                seen.setdefault(unit.name, None)
        return list(seen)
