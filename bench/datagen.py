"""Benchmark layer: a synthetic store of years of data (N plans × M tasks, many revisions).

Plans are real plan texts in the seed's style (notice, 一、 （一） 1. with bracketed
assignments), each different so each has its own fingerprint, imported through
``Store.import_plan``; progress revisions (report chains by each unit's installation) are
then bulk-inserted with plain sqlite3 in one transaction, which takes seconds instead of
the minutes 200,000 ``record_progress`` calls would. Built files are cached in
``bench/.cache/`` keyed by the sizes and the schema revision.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import time
import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from models.database import SCHEMA_HEAD
from models.store import Store
from plan_parser import ParsedPlan, parse_plan_text

#: Bump when the generated content changes, so stale cached stores are not reused.
DATAGEN_VERSION = 1
CACHE_DIR = Path(__file__).resolve().parent / ".cache"

UNIT_NAMES = (
    "省知识产权局",
    "省公安厅",
    "省发改委",
    "省财政厅",
    "省教育厅",
    "省科技厅",
    "省工信委",
    "省商务厅",
    "省人社厅",
    "省农委",
    "省林业厅",
    "省文化厅",
    "省质监局",
    "省工商局",
    "省新闻出版广电局",
    "省统计局",
    "省委组织部",
    "省委宣传部",
    "省编办",
    "省高级人民法院",
    "省人民检察院",
    "省司法厅",
    "省国资委",
    "省环保厅",
    "省卫生计生委",
    "省旅游发展委",
    "省交通运输厅",
    "省住建厅",
    "省金融办",
    "省外办",
)

TOPICS = (
    "知识产权",
    "质量强省",
    "科技创新",
    "营商环境",
    "数字政府",
    "乡村振兴",
    "生态保护",
    "对外开放",
    "人才发展",
    "文化产业",
    "医疗卫生",
    "交通物流",
    "冰雪旅游",
    "现代农业",
    "金融服务",
    "法治建设",
    "社会信用",
    "安全生产",
    "中小企业",
    "林区转型",
)
VERBS = ("加强", "完善", "推进", "健全", "深化", "建立", "实施", "优化", "加快", "强化")
OBJECTS = (
    "管理体系建设",
    "考核评价制度",
    "执法协作机制",
    "公共服务平台",
    "专项资金统筹",
    "人才培养计划",
    "信息共享机制",
    "标准体系建设",
    "风险防控体系",
    "宣传引导工作",
    "统计监测制度",
    "政策配套措施",
    "试点示范工作",
    "督查落实机制",
    "区域协同发展",
)
CLAUSES = (
    "进一步明确职责分工，形成互相衔接、密切配合的工作格局",
    "定期召开会议研究解决工作中的重大问题",
    "在核定编制数额内优化人员结构，充实工作力量",
    "将相关指标纳入国民经济和社会发展规划",
    "鼓励企业事业单位参与，促进成果转化运用",
    "开展专项检查，依法查处违法违规行为",
    "建立年度报告制度，及时向社会公开工作进展",
    "加大财政资金支持力度，引导社会资本投入",
)
WORK = ("召开专题会议", "印发实施方案", "开展调研督导", "组织培训", "完成年度目标", "推进试点")

_CN_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 → 一, 10 → 十, 23 → 二十三 (1–99, as plan headings count)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def _layout(tasks: int) -> tuple[int, int, int]:
    """(sections, subsections per section, tasks per subsection) covering ``tasks``."""
    per_sub = 5 if tasks <= 100 else 10
    subs = -(-tasks // per_sub)
    per_section = 2 if subs <= 20 else 10
    return -(-subs // per_section), per_section, per_sub


def _assignment(rng: random.Random, units: tuple[str, ...]) -> str:
    picked = rng.sample(units, k=min(len(units), rng.choice((1, 2, 3, 3, 4))))
    shape = rng.random()
    if len(picked) == 1 or shape < 0.15:
        return f"{picked[0]}负责"
    if shape < 0.3:
        return f"{'、'.join(picked)}按职责分别负责"
    return f"{picked[0]}牵头，{'、'.join(picked[1:])}配合"


def plan_text(index: int, tasks: int = 50, units: int = 30) -> str:
    """The full text of synthetic plan ``index``: notice, title, sections, ``tasks`` tasks."""
    rng = random.Random(index)
    names = UNIT_NAMES[: max(1, min(units, len(UNIT_NAMES)))]
    topic = TOPICS[index % len(TOPICS)]
    year = 2016 + index % 10
    title = f"《黑龙江省人民政府关于加快{topic}建设的实施意见（第{index + 1}号）》重点任务分工方案"
    lines = [
        "各市（地）、县（市）人民政府（行署），省政府各直属单位：",
        "",
        f"　　{title}已经省政府同意，现印发给你们，请认真贯彻执行。",
        "",
        "黑龙江省人民政府办公厅",
        "",
        f"{year}年{index % 12 + 1}月{index % 28 + 1}日",
        "",
        title,
        "",
    ]
    sections, per_section, per_sub = _layout(tasks)
    # Task numbers have at most 3 digits: longer plans number afresh in each section.
    restart = tasks > 999
    number = 0
    for s in range(1, sections + 1):
        if number >= tasks:
            break
        shown = 0
        lines += [f"　　{cn_number(s)}、{rng.choice(VERBS)}{topic}{rng.choice(OBJECTS)}", ""]
        for sub in range(1, per_section + 1):
            if number >= tasks:
                break
            lines += [f"　　（{cn_number(sub)}）{rng.choice(VERBS)}{rng.choice(OBJECTS)}。", ""]
            for _ in range(per_sub):
                if number >= tasks:
                    break
                number += 1
                shown = shown + 1 if restart else number
                text = (
                    f"{rng.choice(VERBS)}{rng.choice(TOPICS)}{rng.choice(OBJECTS)}，"
                    f"{rng.choice(CLAUSES)}。{rng.choice(VERBS)}{rng.choice(OBJECTS)}。"
                )
                lines += [f"　　{shown}.{text}（{_assignment(rng, names)}）", ""]
    return "\n".join(lines)


def parsed_plan(index: int, tasks: int = 50, units: int = 30) -> ParsedPlan:
    return parse_plan_text(plan_text(index, tasks, units))


@dataclass(frozen=True, slots=True)
class Sizes:
    """What a synthetic store holds."""

    plans: int = 200
    tasks: int = 50
    units: int = 30
    revisions: int = 20  # per task

    @property
    def key(self) -> str:
        return (
            f"p{self.plans}-t{self.tasks}-u{self.units}-r{self.revisions}"
            f"-s{SCHEMA_HEAD}-g{DATAGEN_VERSION}"
        )


def build_store(path: Path, sizes: Sizes, *, seed: int = 2016) -> Path:
    """Write a fresh synthetic store at ``path`` (the coordinating office's PC)."""
    path.unlink(missing_ok=True)
    with Store.open(path, seed_default_plan=False) as store:
        store.set_office(None, coordinating_office=True)
        for index in range(sizes.plans):
            store.import_plan(parsed_plan(index, sizes.tasks, sizes.units))
    add_revisions(path, sizes.revisions, seed=seed)
    return path


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def add_revisions(
    path: Path,
    per_task: int,
    *,
    seed: int = 2016,
    chain: int = 5,
    only_tasks: Collection[str] | None = None,
) -> int:
    """Bulk-insert ``per_task`` revisions on every task (or on ``only_tasks``): report
    chains of ``chain`` edits, each by one of the task's units through that unit's own
    installation. Returns the count.
    """
    rng = random.Random(seed)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous=OFF")
        units_of: dict[str, list[str]] = defaultdict(list)
        for task_id, unit_id in conn.execute(
            "SELECT a.task_id, a.unit_id FROM assignments a JOIN tasks t ON t.id = a.task_id "
            "ORDER BY t.plan_id, t.position, a.position"
        ):
            if only_tasks is None or task_id in only_tasks:
                units_of[task_id].append(unit_id)
        unit_names = dict(conn.execute("SELECT id, name FROM units"))
        installation = {unit: _uuid(rng) for unit in sorted(unit_names)}
        next_seq: dict[str, int] = defaultdict(lambda: 1)
        lamport = 0
        base = dt.date(2017, 1, 1)
        rows: list[tuple[object, ...]] = []
        for task_index, (task_id, units) in enumerate(units_of.items()):
            done = 0
            report = 0
            while done < per_task:
                unit = units[report % len(units)]
                author = installation[unit]
                report_id, parent = _uuid(rng), None
                length = min(chain, per_task - done)
                for step in range(length):
                    lamport += 1
                    seq = next_seq[author]
                    next_seq[author] = seq + 1
                    percent = min(100, (step + 1) * 100 // length)
                    status = "done" if percent == 100 else "in_progress"
                    if status != "done" and rng.random() < 0.05:
                        status = "blocked"
                    day = base + dt.timedelta(days=(task_index % 300) + report * 40 + step * 7)
                    revision_id = _uuid(rng)
                    work = f"{rng.choice(WORK)}，第{step + 1}次报送：{rng.choice(CLAUSES)}。"
                    rows.append(
                        (
                            revision_id,
                            report_id,
                            parent,
                            task_id,
                            unit,
                            author,
                            seq,
                            lamport,
                            f"{day.isoformat()}T09:00:00+00:00",
                            status,
                            percent,
                            day.isoformat(),
                            work,
                            "",
                            "",
                            "联络员",
                            "0451-00000000",
                            0,
                            0,
                        )
                    )
                    parent = revision_id
                done += length
                report += 1
        with conn:
            conn.execute("BEGIN")
            conn.executemany(
                "INSERT INTO progress_revisions (revision_id, report_id, parent_revision_id, "
                "task_id, unit_id, author_installation_id, author_seq, lamport, authored_at, "
                "status, percent, report_date, work_done, problems, next_steps, reporter, phone, "
                "withdrawn, on_behalf) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            conn.executemany(
                "INSERT OR IGNORE INTO known_installations (id, name, unit_id, unit_name, "
                "is_coordinating_office, first_seen_at) VALUES (?, ?, ?, ?, 0, ?)",
                [
                    (inst, f"{unit_names[unit]}-PC", unit, unit_names[unit], "2017-01-01T00:00:00")
                    for unit, inst in installation.items()
                ],
            )
            conn.execute("UPDATE installation SET lamport = max(lamport, ?)", (lamport,))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return len(rows)
    finally:
        conn.close()


def cached_store(sizes: Sizes, *, log: bool = True) -> Path:
    """The synthetic store of ``sizes``, built once and kept in ``bench/.cache``."""
    CACHE_DIR.mkdir(exist_ok=True)
    path = CACHE_DIR / f"store-{sizes.key}.sqlite"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        build_store(partial, sizes)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.replace(path)
        if log:
            print(f"built {path.name} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def seed_store(path: Path) -> Path:
    """A fresh store on the embedded plan only, its office already chosen (no first-run
    question), as a clerk's PC is on every start but the first."""
    path.unlink(missing_ok=True)
    with Store.open(path) as store:
        store.set_office(None, coordinating_office=True)
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A private copy a benchmark may write to (the cached file stays untouched)."""
    shutil.copyfile(source, target)
    return target
