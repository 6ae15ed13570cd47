"""Fixtures for the PDF sheets: plans built by hand and from the seed, and PDF readers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest
from pypdf import PdfReader

from domain import ids
from domain.enums import ProgressStatus, Role
from domain.records import (
    AssignmentView,
    PlanView,
    ProgressRevision,
    SectionView,
    SubsectionView,
    TaskView,
)
from plan_parser import parse_plan_file
from plan_parser.to_view import plan_view_of
from runtime.resources import default_plan_path
from sheets import SheetOptions

FIXED_DAY = dt.date(2024, 5, 8)
#: Rare name characters outside GB2312 (some outside the BMP): must never vanish.
RARE_NAMES = "朱镕基、王喆、李赟、张堃、刘昇、陈珺、赵玥、孙旻、周垚"
EXT_B = "\U00020000\U0002a6a5"  # 𠀀 𪚥


@pytest.fixture(scope="session")
def seed_plan() -> PlanView:
    """The embedded Heilongjiang plan, parsed as the store would seed it (60 tasks)."""
    return plan_view_of(parse_plan_file(default_plan_path()))


@pytest.fixture
def options() -> SheetOptions:
    return SheetOptions(generated_on=FIXED_DAY)


def unit(name: str, role: Role, wording: str | None = None) -> AssignmentView:
    return AssignmentView(str(ids.unit_id(name)), name, role, wording or role.value)


def make_task(
    number: int,
    text: str,
    assignments: Iterable[AssignmentView],
    section: int = 1,
    subsection: int | None = 1,
) -> TaskView:
    return TaskView(
        id=f"task-{number}",
        plan_id="plan-test",
        number=number,
        text=text,
        assignment_text="",
        path=f"{section}.{subsection or 0}.{number}",
        section_number=section,
        section_title=f"第{section}部分标题",
        subsection_number=subsection,
        subsection_title=f"方面{subsection}" if subsection else None,
        assignments=tuple(assignments),
    )


def revision(
    task: TaskView,
    unit_name: str,
    status: ProgressStatus,
    percent: int,
    day: dt.date = dt.date(2024, 5, 6),
    work: str = "已按计划推进。",
    lamport: int = 1,
    **extra: object,
) -> ProgressRevision:
    unit_id = str(ids.unit_id(unit_name))
    return ProgressRevision(
        revision_id=f"rev-{task.number}-{unit_id[:8]}-{lamport}",
        report_id=f"rep-{task.number}-{unit_id[:8]}",
        parent_revision_id=None,
        task_id=task.id,
        unit_id=unit_id,
        unit_name=unit_name,
        author_installation_id="inst-1",
        author_seq=lamport,
        lamport=lamport,
        authored_at="2024-05-06T08:00:00Z",
        status=status,
        percent=percent,
        report_date=day,
        work_done=work,
        **extra,  # type: ignore[arg-type]
    )


def with_progress(plan: PlanView, progress: Mapping[int, Iterable[ProgressRevision]]) -> PlanView:
    """The plan with ``current_progress`` set on the tasks numbered in ``progress``."""

    def task(t: TaskView) -> TaskView:
        if t.number in progress:
            return dataclasses.replace(t, current_progress=tuple(progress[t.number]))
        return t

    sections = []
    for s in plan.sections:
        subs = tuple(
            dataclasses.replace(sub, tasks=tuple(map(task, sub.tasks))) for sub in s.subsections
        )
        sections.append(dataclasses.replace(s, subsections=subs, tasks=tuple(map(task, s.tasks))))
    return dataclasses.replace(plan, sections=tuple(sections))


def replace_task_text(plan: PlanView, number: int, text: str) -> PlanView:
    def task(t: TaskView) -> TaskView:
        return dataclasses.replace(t, text=text) if t.number == number else t

    sections = []
    for s in plan.sections:
        subs = tuple(
            dataclasses.replace(sub, tasks=tuple(map(task, sub.tasks))) for sub in s.subsections
        )
        sections.append(dataclasses.replace(s, subsections=subs, tasks=tuple(map(task, s.tasks))))
    return dataclasses.replace(plan, sections=tuple(sections))


@pytest.fixture
def small_plan() -> PlanView:
    """Three tasks by hand: rare name characters, XML specials, all three roles."""
    t1 = make_task(
        1,
        f"组织{RARE_NAMES}等同志开展调研，形成<报告>&建议。{EXT_B}",
        [unit("省甲厅", Role.LEAD), unit("省乙局", Role.COOPERATE)],
    )
    t2 = make_task(
        2,
        "完善知识产权“快保护”机制，压缩审查周期（2024年底前完成）。",
        [
            unit("省乙局", Role.RESPONSIBLE, "按职责分别负责"),
            unit("省丙委", Role.RESPONSIBLE, "按职责分别负责"),
        ],
        subsection=2,
    )
    t3 = make_task(
        3,
        "建立健全考核评价制度。",
        [unit("省丙委", Role.LEAD), unit("省甲厅", Role.COOPERATE)],
        section=2,
        subsection=None,
    )
    section1 = SectionView(
        "s1",
        1,
        "第一部分",
        (
            SubsectionView("s1.1", 1, "方面一", (t1,)),
            SubsectionView("s1.2", 2, "方面二", (t2,)),
        ),
        (),
    )
    section2 = SectionView("s2", 2, "第二部分", (), (t3,))
    return PlanView(
        id="plan-test",
        title="《测试方案》重点任务分工方案",
        issuer="测试办公厅",
        issued_on=dt.date(2024, 1, 2),
        addressees="各单位",
        fingerprint="0123456789abcdef" * 4,
        sections=(section1, section2),
    )


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def squash(text: str) -> str:
    """Extracted text without whitespace: cells wrap lines wherever the width ends."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def pdf_text() -> Callable[[Path], str]:
    return lambda path: squash("".join(pdf_pages(path)))
