"""Self-test layer: the steps, as plain functions of a shared context.

Each step returns one line saying what it checked, raises ``StepFailed`` with the reason,
or ``StepSkipped`` with a note. They use the same public doors the window and the command
line use (``Store``, ``sheets``, ``exchange.service``), on temporary files only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from domain.enums import ProgressStatus
from domain.exchange_records import Sender
from domain.records import AssignmentView, PlanView, ProgressInput, TaskView
from models.database import SCHEMA_HEAD, list_backups, schema_revision
from models.store import Store
from runtime.version import __version__

#: The embedded plan (黑龙江省, 2016): sections 一、, subsections （一）, tasks.
EXPECTED_PLAN = (6, 26, 60)
PROGRESS_TEXT = "自检：已完成调研，形成工作方案初稿。"
PROGRESS_PERCENT = 50


class StepFailed(Exception):
    """The step found something wrong; the message says what, in Chinese."""


class StepSkipped(Exception):
    """The step could not run here (no Qt platform …); the message says why."""


@dataclass
class Context:
    """What the steps hand on to each other: the folder, the two installations, files."""

    folder: Path
    unit_store: Store | None = None
    office_store: Store | None = None
    unit: AssignmentView | None = None
    task: TaskView | None = None
    export_path: Path | None = None

    def store(self) -> Store:
        if self.unit_store is None:
            raise StepFailed("前一步未能建库")
        return self.unit_store

    def close(self) -> None:
        for store in (self.unit_store, self.office_store):
            if store is not None:
                store.close()


def check(condition: bool, reason: str) -> None:
    if not condition:
        raise StepFailed(reason)


def make_database(ctx: Context) -> str:
    """A new database, built by the real migrations, seeded with the embedded plan."""
    path = ctx.folder / "本机 数据.sqlite"
    ctx.unit_store = Store.open(path)
    revision = schema_revision(path)
    check(revision == SCHEMA_HEAD, f"结构版本为 {revision}，应为 {SCHEMA_HEAD}")
    return f"{path.name}，结构版本 {revision}"


def check_plan(ctx: Context) -> str:
    plan = ctx.store().plan_view()
    found = (len(plan.sections), sum(len(s.subsections) for s in plan.sections),
             len(plan.all_tasks()))  # fmt: skip
    check(found == EXPECTED_PLAN, f"内置方案应有 部分/方面/任务 {EXPECTED_PLAN}，实为 {found}")
    unassigned = [t.number for t in plan.all_tasks() if not t.assignments]
    check(not unassigned, f"任务 {unassigned} 没有责任单位")
    return f"内置方案 {found[0]} 个部分、{found[1]} 个方面、{found[2]} 项任务，均有责任单位"


def _first_single_unit(plan: PlanView) -> tuple[TaskView, AssignmentView]:
    for task in plan.all_tasks():
        for assignment in task.assignments:
            if not assignment.is_group:
                return task, assignment
    raise StepFailed("方案中没有可填报的单位")


def record_progress(ctx: Context) -> str:
    store = ctx.store()
    task, unit = _first_single_unit(store.plan_view())
    store.set_office(unit.unit_name)
    revision = store.record_progress(
        ProgressInput(
            task_id=task.id,
            unit_id=unit.unit_id,
            status=ProgressStatus.IN_PROGRESS,
            percent=PROGRESS_PERCENT,
            report_date=dt.date.today(),
            work_done=PROGRESS_TEXT,
            reporter="自检",
        )
    )
    shown = store.plan_view().task_by_number(task.number)
    check(shown is not None, f"任务 {task.number} 不见了")
    assert shown is not None
    current = [p for p in shown.current_progress if p.revision_id == revision.revision_id]
    check(bool(current), "填报的进展没有成为当前进展")
    ctx.task, ctx.unit = shown, unit
    return f"任务 {task.number}，{unit.unit_name}，{revision.status.label_zh} {revision.percent}%"


def render_sheet(ctx: Context) -> str:
    """任务分工责任清单 of the unit as a PDF, with the Chinese fonts embedded."""
    from sheets import safe_file_name, unit_sheet  # ReportLab: loaded only when printing

    check(ctx.unit is not None, "前一步未能填报")
    assert ctx.unit is not None
    path = ctx.folder / safe_file_name(f"{ctx.unit.unit_name} 责任清单")
    unit_sheet(ctx.store().plan_view(), ctx.unit.unit_id, path)
    data = path.read_bytes()
    check(data.startswith(b"%PDF-") and b"%%EOF" in data[-64:], f"{path.name} 不是完整的 PDF")
    check(b"/FontFile2" in data, f"{path.name} 没有嵌入字体（/FontFile2）")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    check(pages >= 1, f"{path.name} 没有页面")
    return f"{path.name}，{pages} 页，{len(data) // 1024} KB，字体已嵌入"


def read_documents(ctx: Context) -> str:
    """The plan as a Word 分工表 read back by the plan importer, and the sheet's PDF text
    read back (pdfminer and its Chinese character maps): the bundle carries both readers."""
    from plan_intake import parse_plan_document, read_plan_text
    from sheets import safe_file_name
    from sheets.word.plan import plan_table_docx

    plan = ctx.store().plan_view()
    table = ctx.folder / safe_file_name("重点任务分工表.docx")
    plan_table_docx(plan, table)
    parsed = parse_plan_document(table)
    expected = len(plan.all_tasks())
    check(
        parsed.task_count == expected,
        f"{table.name} 读回 {parsed.task_count} 项任务，应为 {expected} 项",
    )
    check(ctx.unit is not None, "前一步未能填报")
    assert ctx.unit is not None
    sheet = ctx.folder / safe_file_name(f"{ctx.unit.unit_name} 责任清单")
    text = read_plan_text(sheet)
    check(ctx.unit.unit_name in text, f"{sheet.name} 的文字未能读出")
    return f"Word 分工表读回 {parsed.task_count} 项任务；PDF 文字可读"


def export_exchange(ctx: Context) -> str:
    """A signed exchange file on a 'USB stick' folder, checked by the importer's reader."""
    from exchange.reader import read_exchange_file
    from exchange.service import export_to

    usb = ctx.folder / "U盘 交换"
    usb.mkdir()
    path = export_to(ctx.store(), usb)
    read = read_exchange_file(path)
    manifest = read.bundle.manifest
    check(manifest.app_version == __version__, f"导出文件记录的版本为 {manifest.app_version}")
    check(manifest.counts.get("progress_revisions") == 1, f"导出记录数不对：{manifest.counts}")
    ctx.export_path = path
    signed = "已签名" if read.bundle.signature is not None else "未签名"
    return f"{path.name}（Duban {manifest.app_version}，{signed}）"


def import_exchange(ctx: Context) -> str:
    """The coordinating office registers the unit's key, imports once, then again."""
    from exchange.service import import_file

    check(ctx.export_path is not None and ctx.task is not None, "前一步未能导出")
    assert ctx.export_path is not None and ctx.task is not None
    unit_store = ctx.store()
    office = ctx.office_store = Store.open(ctx.folder / "协调办 数据.sqlite")
    office.set_office(None, coordinating_office=True)
    _register_key(office, unit_store)
    first = import_file(office, ctx.export_path)
    check(first.report is not None and not first.refused, f"导入被拒收：{_why(first)}")
    assert first.report is not None
    check(first.report.new_revisions == 1, f"应新增 1 条进展，实为 {first.report.new_revisions}")
    check(bool(list_backups(office.path)), "导入前没有自动备份数据库")
    again = import_file(office, ctx.export_path)
    check(again.report is not None and again.report.already_imported, "再次导入未被识别为已导入")
    task = office.plan_view().task_by_number(ctx.task.number)
    check(
        task is not None and any(p.percent == PROGRESS_PERCENT for p in task.current_progress),
        "协调办公室看不到导入的进展",
    )
    return "新增 1 条进展；再次导入：已导入过，未重复；导入前已自动备份"


def check_server_driver(ctx: Context) -> str:
    """What a desk needs to reach an office's PostgreSQL server: the driver (psycopg with
    its libpq) and Python's TLS, which psycopg imports — in the bundle both run on the one
    OpenSSL it carries."""
    import ssl

    import psycopg

    context = ssl.create_default_context()
    check(context.verify_mode == ssl.CERT_REQUIRED, "TLS 不可用")
    impl = psycopg.pq.__impl__
    check(impl in ("binary", "c"), f"PostgreSQL 驱动只有纯 Python 版本（{impl}）")
    libpq = psycopg.pq.version()
    return f"{ssl.OPENSSL_VERSION}；PostgreSQL 驱动 libpq {libpq // 10000}.{libpq % 10000}"


def _register_key(office: Store, unit_store: Store) -> None:
    """登记: the office confirms the unit's key, as a clerk would from its registration card."""
    inst = unit_store.installation()
    key = unit_store.own_key()
    sender = Sender(inst.id, inst.name, inst.unit_id, inst.unit_name or "", False)
    office.trust_key(sender, key.public_key, key.fingerprint)


def _why(outcome: object) -> str:
    code = getattr(outcome, "rejected_code", None) or getattr(outcome, "trust_code", None)
    return str(code or outcome)


def open_window(ctx: Context, *, required: bool) -> str:
    from selftest.window import check_window_in_child

    check(ctx.office_store is not None, "前一步未能导入")
    assert ctx.office_store is not None
    db_path = ctx.office_store.path
    ctx.close()  # the child opens the file itself; no second writer from here meanwhile
    return check_window_in_child(db_path, ctx.folder, required=required)
