"""PDF and Word sheets: the 进展情况通报, what leaders read, as plain content.

Built from the supervision figures (the same counts as the dashboard and ``status
--json``) and the tasks' current reports on the chosen day; :mod:`sheets.bulletin_pdf`
and :mod:`sheets.word.bulletin` lay the same content out, so the PDF and the Word file a
clerk edits say the same thing.

Structure (a 通报 as offices write them): a 文号 line to fill in, the title, the addressee,
an opening paragraph with the figures, then 一、总体情况 (figures by section), 二、各项任务
进展情况 (per section, each task with its units' current 工作进展 / 存在问题 / 下一步计划
and any 领导批示), 三、逾期和未按期报送情况 (tasks and units named), and the 落款.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from domain.records import PlanView, TaskView
from domain.status_lights import Light, TaskLight, owing_units
from sheets.progress import current_for_unit, subsection_label, zh_number
from sheets.wording import day_zh, progress_parts
from supervision.figures import PlanFigures, plan_figures

TITLE = "进展情况通报"
ADDRESSEE = "各责任单位："
#: Figures in the order a 通报 reads them, worst last.
FIGURE_ORDER = (Light.DONE, Light.ON_TRACK, Light.DUE_SOON, Light.OVERDUE, Light.UNREPORTED)
FIGURE_WORDS = {
    Light.DONE: "已完成",
    Light.ON_TRACK: "正常推进",
    Light.DUE_SOON: "临近时限",
    Light.OVERDUE: "逾期未完成",
    Light.UNREPORTED: "未按期报送进展",
}


@dataclass(frozen=True, slots=True)
class UnitLine:
    """One unit's current report on a task (or the fact that it has none)."""

    unit: str
    role: str
    status: str  # "推进中 60%（2026年4月20日报送）" or "未报送进展情况"
    parts: tuple[tuple[str, str], ...]  # (工作进展, …), (存在问题, …), …
    silent: bool


@dataclass(frozen=True, slots=True)
class TaskEntry:
    number: int
    text: str
    light: str  # 逾期 / 未报送 / 临期 / 正常 / 已完成
    note: str  # "逾期 31 天", "完成时限 2026年6月30日", ""
    units: tuple[UnitLine, ...]
    instructions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SectionEntry:
    heading: str  # "（一）推进知识产权管理体制机制改革"
    tasks: tuple[TaskEntry, ...]


@dataclass(frozen=True, slots=True)
class Bulletin:
    title: str
    plan_title: str
    number_line: str
    addressee: str
    opening: str
    overview: tuple[str, ...]
    sections: tuple[SectionEntry, ...]
    overdue: tuple[str, ...]
    unreported: tuple[str, ...]
    sender: str
    date: str


def build_bulletin(
    plan: PlanView, lights: Mapping[str, TaskLight], as_of: dt.date, sender: str
) -> Bulletin:
    """The 通报's content on ``as_of`` (lights computed by the caller for that day)."""
    figures = plan_figures(plan, dict(lights), as_of)
    sections = tuple(
        SectionEntry(
            subsection_label(n) + s.title,
            tuple(_task_entry(t, lights[t.id]) for t in s.all_tasks()),
        )
        for n, s in enumerate(plan.sections, 1)
    )
    return Bulletin(
        title=f"关于{_plan_name(plan.title)}落实进展情况的通报",
        plan_title=plan.title,
        number_line=f"〔{as_of.year}〕　　号",
        addressee=ADDRESSEE,
        opening=_opening(plan, figures, as_of),
        overview=tuple(
            f"{subsection_label(n)}{s.title}：{_figure_words(counts, sum(counts.values()))}"
            for n, (s, (_, _, counts)) in enumerate(
                zip(plan.sections, figures.by_section, strict=True), 1
            )
        ),
        sections=sections,
        overdue=tuple(_overdue_lines(plan, lights)),
        unreported=tuple(_unreported_lines(plan, lights)),
        sender=sender,
        date=day_zh(as_of),
    )


def _plan_name(title: str) -> str:
    """ "《…实施意见》重点任务分工方案" → the title as 关于…的通报 quotes it."""
    return title.strip() or "重点任务分工方案"


def _figure_words(counts: Mapping[Light, int], total: int) -> str:
    parts = [f"{FIGURE_WORDS[light]} {counts.get(light, 0)} 项" for light in FIGURE_ORDER]
    return f"共 {total} 项，" + "，".join(parts) + "。"


def _opening(plan: PlanView, figures: PlanFigures, as_of: dt.date) -> str:
    rate = f"{figures.completion_rate * 100:.1f}%"
    return (
        f"截至{day_zh(as_of)}，{plan.title}确定的 {figures.task_count} 项重点任务中，"
        + "，".join(f"{FIGURE_WORDS[x]} {figures.total.get(x, 0)} 项" for x in FIGURE_ORDER)
        + f"，完成率 {rate}。现将有关情况通报如下。"
    )


def _task_entry(task: TaskView, light: TaskLight) -> TaskEntry:
    owing = set(owing_units(task))
    units: list[UnitLine] = []
    for a in task.assignments:
        rev = current_for_unit(task, a.unit_id)
        if rev is None and a.unit_id not in owing:
            continue  # a 配合 unit reports through the lead: silence is not news
        if rev is None:
            units.append(UnitLine(a.unit_name, a.role.value, "未报送进展情况", (), True))
            continue
        status = f"{rev.status.label_zh} {rev.percent}%（{day_zh(rev.report_date)}报送）"
        parts = tuple((k, v) for k, v in progress_parts(rev) if k != "填报人")
        units.append(
            UnitLine(a.unit_name, a.role.value, status, parts, a.unit_id in light.missing_units)
        )
    return TaskEntry(
        number=task.number,
        text=task.text,
        light=light.light.label_zh,
        note=_light_note(light),
        units=tuple(units),
        instructions=tuple(instruction_lines(task)),
    )


def _light_note(light: TaskLight) -> str:
    if light.light is Light.OVERDUE and light.days_left is not None:
        return f"逾期 {-light.days_left} 天"
    if light.deadline is not None and light.deadline.long_term:
        return "长期坚持"
    if light.deadline is not None and light.deadline.date is not None:
        return f"完成时限 {day_zh(light.deadline.date)}"
    return ""


def instruction_lines(task: TaskView) -> list[str]:
    """领导批示 on the task, oldest first: "张三（2026年5月2日）：请抓紧办理。"."""
    lines = []
    for item in sorted(task.instructions, key=lambda i: (i.instructed_on, i.lamport)):
        text = item.text.strip()
        if not text:
            continue
        head = item.leader.strip() + f"（{day_zh(item.instructed_on)}）"
        lines.append(f"{head}：{text}")
    return lines


def _overdue_lines(plan: PlanView, lights: Mapping[str, TaskLight]) -> list[str]:
    names = {a.unit_id: a.unit_name for a in plan.units()}
    out = []
    for task in plan.all_tasks():
        light = lights[task.id]
        if light.light is not Light.OVERDUE:
            continue
        units = "、".join(names.get(u, u) for u in owing_units(task))
        days = f"，逾期 {-light.days_left} 天" if light.days_left is not None else ""
        out.append(f"第 {task.number} 项（{units}{days}）")
    return out


def _unreported_lines(plan: PlanView, lights: Mapping[str, TaskLight]) -> list[str]:
    """Per silent unit, the tasks it owes a report on: "省公安厅（第 25 项）"."""
    owed: dict[str, list[int]] = {}
    names = {a.unit_id: a.unit_name for a in plan.units()}
    for task in plan.all_tasks():
        for unit_id in lights[task.id].missing_units:
            owed.setdefault(unit_id, []).append(task.number)
    return [
        f"{names.get(u, u)}（第 {'、'.join(map(str, numbers))} 项）"
        for u, numbers in sorted(owed.items(), key=lambda kv: (-len(kv[1]), names.get(kv[0], "")))
    ]


def late_paragraphs(bulletin: Bulletin) -> list[tuple[str, str]]:
    """三、 as (lead-in, text) paragraphs: what is overdue and who has not reported."""
    out = []
    if bulletin.overdue:
        out.append(
            (
                f"（一）逾期未完成任务 {len(bulletin.overdue)} 项：",
                "；".join(bulletin.overdue) + "。",
            )
        )
    if bulletin.unreported:
        count = len(bulletin.unreported)
        out.append(
            (
                f"（{zh_number(len(out) + 1)}）未按期报送进展的单位 {count} 个：",
                "；".join(bulletin.unreported) + "。请上述单位抓紧报送。",
            )
        )
    if not out:
        out.append(("", "截至本通报日期，没有逾期未完成或未按期报送进展的任务。"))
    return out


def task_heading(entry: TaskEntry) -> str:
    """ "23. 加大对侵犯知识产权犯罪打击力度。…（逾期，逾期 31 天）"."""
    note = f"，{entry.note}" if entry.note and entry.note not in entry.light else ""
    return f"{entry.number}. {entry.text}（{entry.light}{note}）"


def unit_text(line: UnitLine) -> tuple[str, str]:
    """(lead-in, rest) of a unit's paragraph: "省公安厅（负责）：" and its report."""
    rest = line.status + "。"
    rest += "".join(f"{label}：{text.rstrip('。；;')}。" for label, text in line.parts)
    return f"{line.unit}（{line.role}）：", rest
