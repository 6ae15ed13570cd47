"""Command-line layer: sheet (打印件: 责任清单, 分工表, 督办单, 汇总表, 催办单 as PDF)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    add_plan_option,
    open_store,
    say,
)

if TYPE_CHECKING:
    from models.store import Store

#: The one-of choices; --unit alone is the unit's 任务分工责任清单, with --reminder its 催办单.
KINDS = ("all_units", "plan_table", "task", "summary", "reminder", "bulletin")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sheet",
        help="生成打印用 PDF：任务分工责任清单、重点任务分工表、督办单、进展情况汇总表、催办单",
    )
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--unit", metavar="NAME", help="单位名称：该单位的任务分工责任清单")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--all-units", action="store_true", help="各单位的责任清单（每单位另起一页）")
    kind.add_argument("--plan-table", action="store_true", help="重点任务分工表（整个方案）")
    kind.add_argument("--task", metavar="N", help="督办单：任务序号（或路径，如 2.3.5）")
    kind.add_argument("--summary", action="store_true", help="进展情况汇总表")
    kind.add_argument("--reminder", action="store_true", help="催办单（与 --unit 同用）")
    kind.add_argument("--bulletin", action="store_true", help="进展情况通报")
    p.add_argument(
        "--as-of", metavar="YYYY-MM-DD", help="按哪一天统计（默认今天）：催办单、通报、汇总表等"
    )
    p.add_argument(
        "--sender", metavar="NAME", help="落款单位（催办单、通报；默认“领导小组办公室”）"
    )
    p.add_argument(
        "--history", action="store_true", help="与 --task 同用：督办单附报送记录（最近若干条）"
    )
    p.add_argument(
        "--split-dir", type=Path, metavar="DIR", help="与 --all-units 同用：每单位一个文件"
    )
    p.add_argument(
        "-o", "--output", type=Path, metavar="OUT.pdf", help="输出文件：.pdf，或 .docx（Word）"
    )
    p.set_defaults(handler=cmd_sheet, sheet_parser=p)


def _check_usage(args: argparse.Namespace) -> None:
    """Combinations argparse cannot express; a wrong one is a usage error (exit 2)."""
    parser: argparse.ArgumentParser = args.sheet_parser
    chosen = [k for k in KINDS if getattr(args, k)]
    if not chosen and not args.unit:
        parser.error(
            "请指定 --unit、--all-units、--plan-table、--task、--summary、--reminder 或 --bulletin"
        )
    if args.unit and chosen and chosen != ["reminder"]:
        parser.error("--unit 只能单独使用，或与 --reminder 同用")
    if args.reminder and not args.unit:
        parser.error("--reminder 需要 --unit 指定催办的单位")
    if args.split_dir is not None and not args.all_units:
        parser.error("--split-dir 只能与 --all-units 同用")
    if args.output is None and args.split_dir is None:
        parser.error("请用 -o 指定输出的 PDF 文件")
    if args.output is not None and args.split_dir is not None:
        parser.error("-o 与 --split-dir 只能二选一")
    if args.output is not None and args.output.suffix.lower() not in (".pdf", ".docx"):
        parser.error("输出文件应以 .pdf 或 .docx 结尾")
    if args.all_units and args.output is not None and _is_word(args.output):
        parser.error("--all-units 只生成 PDF；Word 版请逐个单位用 --unit 生成")


def _is_word(path: Path) -> bool:
    return path.suffix.lower() == ".docx"


def _as_of(text: str | None) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def cmd_sheet(args: argparse.Namespace) -> int:
    _check_usage(args)
    from sheets import SheetError

    as_of = _as_of(args.as_of)
    out: Path | None = args.output
    if out is not None and not out.parent.is_dir():
        raise CommandError(f"目标文件夹不存在：{out.parent}")
    with open_store(args) as store:
        try:
            done = _write(store, args, as_of)
        except SheetError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            where = out if out is not None else args.split_dir
            raise CommandError(f"无法写入：{where}（{exc.strerror or exc}）") from None
    say(done)
    return EXIT_OK


def _write(store: Store, args: argparse.Namespace, as_of: dt.date) -> str:
    """Write the chosen sheet; return the line to say."""
    import sheets

    out: Path = args.output
    word = out is not None and _is_word(out)
    if word:
        import sheets.word as kinds
    options = sheets.SheetOptions(as_of=as_of, sender=args.sender or "")
    if args.unit:  # 省发改委 declared another name of 省发展改革委: that unit's sheet
        args.unit = store.canonical_unit_name(args.unit)
    if args.bulletin:
        view, lights = store.lights(as_of, plan_id=args.plan)
        write_bulletin = kinds.bulletin_docx if word else sheets.bulletin_sheet
        bulletin = write_bulletin(view, lights, as_of, out, options)
        return (
            f"已生成进展情况通报：{out}（截至 {as_of.isoformat()}，"
            f"逾期 {len(bulletin.overdue)} 项，未报送单位 {len(bulletin.unreported)} 个）"
        )
    if args.reminder:
        view, lights = store.lights(as_of, plan_id=args.plan)
        write_reminder = kinds.reminder_docx if word else sheets.reminder_sheet
        items = write_reminder(view, lights, args.unit, as_of, out, options)
        return (
            f"已生成催办单：{out}（逾期 {len(items.overdue)} 项，"
            f"未报送 {len(items.unreported)} 项，截至 {as_of.isoformat()}）"
        )
    if args.task:
        task_id = store.find_task_id(args.plan, args.task)
        view = store.plan_view(args.plan)
        task = next(t for t in view.all_tasks() if t.id == task_id)
        history, total = store.history_summary(task_id) if args.history else ([], 0)
        _, lights = store.lights(as_of, plan_id=args.plan)
        # The 佐证材料 of the current reports and of the history rows listed.
        listed = [*task.current_progress, *history]
        files = store.attachments_of(r.revision_id for r in listed)
        if word:
            kinds.task_docx(
                view, task, out, history=history, history_total=total, deadline=task.deadline,
                light=lights.get(task_id), options=options, attachments=files,
            )  # fmt: skip
        else:
            sheets.task_sheet(
                view, task, out, history=history, history_total=total, deadline=task.deadline,
                light=lights.get(task_id), options=options, attachments=files,
            )  # fmt: skip
        reports = len(task.current_progress)
        listed = f"，报送记录 {total} 条（列出最近 {len(history)} 条）" if args.history else ""
        return f"已生成督办单：{out}（第 {task.number} 项任务，{reports} 个单位的当前进展{listed}）"
    view = store.plan_view(args.plan)
    if args.unit:
        (kinds.unit_docx if word else sheets.unit_sheet)(view, args.unit, out, options)
        return f"已生成任务分工责任清单：{out}"
    if args.all_units and args.split_dir is not None:
        files = sheets.split_unit_sheets(view, args.split_dir)
        return f"已生成 {len(files)} 个单位的任务分工责任清单：{args.split_dir}"
    if args.all_units:
        sheets.all_units_sheet(view, out)
        return f"已生成各单位任务分工责任清单：{out}（{len(view.units())} 个单位）"
    if args.plan_table:
        (kinds.plan_table_docx if word else sheets.plan_table)(view, out, options)
        return f"已生成重点任务分工表：{out}（{len(view.all_tasks())} 项任务）"
    _, lights = store.lights(as_of, plan_id=args.plan)
    (kinds.summary_docx if word else sheets.summary_sheet)(view, out, options, lights)
    return f"已生成进展情况汇总表：{out}"
