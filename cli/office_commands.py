"""Command-line layer: office (which unit this PC serves) and progress add."""

from __future__ import annotations

import argparse
import datetime as dt

from cli.common import EXIT_OK, CommandError, add_db_option, add_plan_option, open_store, say

STATUS_CHOICES = "not_started, in_progress, done, blocked（或 未启动/推进中/已完成/受阻）"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("office", help="设置或查看本机所属单位")
    add_db_option(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--unit", help="本机所属单位名称")
    group.add_argument("--coordinating-office", action="store_true", help="本机为协调办公室")
    group.add_argument("--show", action="store_true", help="显示本机安装信息")
    p.add_argument("--name", help="本机名称（可选）")
    p.set_defaults(handler=cmd_office)

    progress = sub.add_parser("progress", help="进展情况")
    progress_sub = progress.add_subparsers(dest="progress_command", required=True)
    p = progress_sub.add_parser("add", help="填报一条进展（新的修订，不覆盖已有记录）")
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--task", required=True, help="任务序号，如 20；序号重复时用路径，如 2.3.5")
    p.add_argument("--unit", required=True, help="填报单位")
    p.add_argument("--status", required=True, help=STATUS_CHOICES)
    p.add_argument("--percent", required=True, type=int, help="完成百分比 0–100")
    p.add_argument("--text", required=True, help="工作进展")
    p.add_argument("--problems", default="", help="存在问题")
    p.add_argument("--next-steps", default="", help="下一步计划")
    p.add_argument("--reporter", default="", help="填报人")
    p.add_argument("--phone", default="", help="联系电话")
    p.add_argument("--date", default=None, help="填报日期 YYYY-MM-DD（默认今天）")
    p.add_argument(
        "--attach", action="append", default=[], metavar="FILE", help="佐证材料（可重复）"
    )
    p.set_defaults(handler=cmd_progress_add)


def cmd_office(args: argparse.Namespace) -> int:
    from models.errors import StoreError

    with open_store(args) as store:
        try:
            if args.name:
                store.set_installation_name(args.name)
            if args.coordinating_office:
                inst = store.set_office(None, coordinating_office=True)
            elif args.unit:
                inst = store.set_office(args.unit)
            else:
                inst = store.installation()
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
    unit = "协调办公室" if inst.is_coordinating_office else (inst.unit_name or "（未设置）")
    say(f"安装 ID：{inst.id}")
    say(f"本机名称：{inst.name}")
    say(f"所属单位：{unit}")
    return EXIT_OK


def cmd_progress_add(args: argparse.Namespace) -> int:
    from cli.attachment_words import refusal_zh
    from domain.attachments import AttachmentFile, AttachmentRefused
    from domain.enums import ProgressStatus
    from domain.records import ProgressInput
    from domain.validation import PROBLEM_MESSAGES_ZH
    from models.errors import ProgressRejected, StoreError

    try:
        status = ProgressStatus.parse(args.status)
    except ValueError:
        raise CommandError(f"无法识别的状态“{args.status}”，可用：{STATUS_CHOICES}") from None
    try:
        report_date = dt.date.fromisoformat(args.date) if args.date else dt.date.today()
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{args.date}") from None
    with open_store(args) as store:
        try:
            task_id = store.find_task_id(args.plan, args.task)
            unit_id = store.find_unit_id(args.unit)
            revision = store.record_progress(
                ProgressInput(
                    task_id=task_id,
                    unit_id=unit_id,
                    status=status,
                    percent=args.percent,
                    report_date=report_date,
                    work_done=args.text,
                    problems=args.problems,
                    next_steps=args.next_steps,
                    reporter=args.reporter,
                    phone=args.phone,
                    attachments=tuple(AttachmentFile(p) for p in args.attach) or None,
                )
            )
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
        except AttachmentRefused as exc:
            raise CommandError(refusal_zh(exc, _cap(store, exc))) from None
        except ProgressRejected as exc:
            raise CommandError("".join(PROBLEM_MESSAGES_ZH[p] for p in exc.problems)) from None
    say(
        f"已记录：任务 {args.task}，{revision.unit_name}，{revision.status.label_zh} "
        f"{revision.percent}%（修订 {revision.revision_id}）"
    )
    if args.attach:
        say(f"佐证材料 {len(args.attach)} 个已保存。")
    return EXIT_OK


def _cap(store: object, exc: object) -> int:
    """The cap a size refusal refers to, for its message."""
    from domain.attachments import RefusalCode

    limits = store.attachment_limits()  # type: ignore[attr-defined]
    return {
        RefusalCode.TOO_LARGE: limits.max_file_bytes,
        RefusalCode.TOO_MANY: limits.max_files,
        RefusalCode.REPORT_TOO_LARGE: limits.max_report_bytes,
    }.get(exc.code, 0)  # type: ignore[attr-defined]
