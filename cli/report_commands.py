"""Command-line layer: progress add / withdraw (a unit's reports), review and instruct (the
coordinating office's 审核 and 领导批示). The report rules are ``domain.validation``'s."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from cli.common import EXIT_OK, CommandError, add_db_option, add_plan_option, open_store, say

if TYPE_CHECKING:
    from models.store import Store

STATUS_CHOICES = "not_started, in_progress, done, blocked（或 未启动/推进中/已完成/受阻）"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    progress = sub.add_parser("progress", help="进展情况：填报、修改、撤回")
    progress_sub = progress.add_subparsers(dest="progress_command", required=True)
    p = progress_sub.add_parser("add", help="填报一条进展（新的修订，不覆盖已有记录）")
    _task_unit_options(p)
    p.add_argument("--status", default=None, help=f"{STATUS_CHOICES}；默认沿用本单位上次的状态")
    p.add_argument(
        "--percent", type=int, default=None, help="完成百分比 0–100；默认沿用上次（已完成为 100）"
    )
    p.add_argument("--text", required=True, help="工作进展（必填）")
    p.add_argument("--problems", default="", help="存在问题")
    p.add_argument("--next-steps", default="", help="下一步计划")
    p.add_argument("--reporter", default=None, help="填报人（必填；默认本机上次的填报人）")
    p.add_argument("--phone", default=None, help="联系电话（默认本机上次的电话）")
    p.add_argument("--date", default=None, help="填报日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--edit", metavar="REVISION", default=None, help="修改这条已报送的修订")
    p.add_argument("--reason", default="", help="修改原因；百分比低于上次时的说明")
    p.add_argument(
        "--attach", action="append", default=[], metavar="FILE", help="佐证材料（可重复）"
    )
    p.set_defaults(handler=cmd_progress_add)

    p = progress_sub.add_parser("withdraw", help="撤回本单位在该任务上的当前进展（留痕）")
    _task_unit_options(p)
    p.add_argument("--reason", required=True, help="撤回原因")
    p.set_defaults(handler=cmd_progress_withdraw)

    p = sub.add_parser("review", help="协调办公室审核单位的当前进展：通过或退回修改")
    _task_unit_options(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--accept", action="store_true", help="通过")
    group.add_argument("--return", dest="send_back", action="store_true", help="退回修改")
    p.add_argument("--reason", default="", help="退回原因（退回时必填）")
    p.add_argument("--by", default="", help="审核人")
    p.set_defaults(handler=cmd_review)

    p = sub.add_parser("instruct", help="协调办公室记录领导批示（督办意见）")
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--task", required=True, help="任务序号")
    p.add_argument("--text", required=True, help="批示内容")
    p.add_argument("--by", required=True, help="批示人")
    p.add_argument("--date", default=None, help="批示日期 YYYY-MM-DD（默认今天）")
    p.set_defaults(handler=cmd_instruct)


def _task_unit_options(p: argparse.ArgumentParser) -> None:
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--task", required=True, help="任务序号，如 20；序号重复时用路径，如 2.3.5")
    p.add_argument("--unit", required=True, help="单位名称")


def _date(text: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(text) if text else dt.date.today()
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def _task_and_unit(store: Store, args: argparse.Namespace) -> tuple[str, str]:
    return store.find_task_id(args.plan, args.task), store.find_unit_id(args.unit)


def cmd_progress_add(args: argparse.Namespace) -> int:
    from cli.attachment_words import refusal_zh
    from domain.attachments import AttachmentFile, AttachmentRefused
    from domain.enums import ProgressStatus
    from domain.records import ProgressInput
    from domain.validation import message_zh
    from models.errors import ProgressRejected, StoreError

    status = None
    if args.status is not None:
        try:
            status = ProgressStatus.parse(args.status)
        except ValueError:
            raise CommandError(f"无法识别的状态“{args.status}”，可用：{STATUS_CHOICES}") from None
    report_date = _date(args.date)
    with open_store(args) as store:
        try:
            task_id, unit_id = _task_and_unit(store, args)
            start = store.report_defaults(task_id, unit_id)
            # A unit's first report is under way unless it says otherwise (as in the form).
            status = status or (start.status if start.current else ProgressStatus.IN_PROGRESS)
            percent = args.percent
            if percent is None:
                percent = 100 if status is ProgressStatus.DONE else start.percent
            revision = store.record_progress(
                ProgressInput(
                    task_id=task_id,
                    unit_id=unit_id,
                    status=status,
                    percent=percent,
                    report_date=report_date,
                    work_done=args.text,
                    problems=args.problems,
                    next_steps=args.next_steps,
                    reporter=start.reporter if args.reporter is None else args.reporter,
                    phone=start.phone if args.phone is None else args.phone,
                    parent_revision_id=args.edit,
                    reason=args.reason,
                    attachments=tuple(AttachmentFile(p) for p in args.attach) or None,
                )
            )
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
        except AttachmentRefused as exc:
            raise CommandError(refusal_zh(exc, _cap(store, exc))) from None
        except ProgressRejected as exc:
            raise CommandError(f"未保存：{message_zh(exc.problems)}") from None
    say(
        f"已记录：任务 {args.task}，{revision.unit_name}，{revision.status.label_zh} "
        f"{revision.percent}%，填报人 {revision.reporter}（修订 {revision.revision_id}）"
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


def cmd_progress_withdraw(args: argparse.Namespace) -> int:
    from domain.validation import message_zh
    from models.errors import ProgressRejected, StoreError

    with open_store(args) as store:
        try:
            task_id, unit_id = _task_and_unit(store, args)
            revision = store.withdraw_report(task_id, unit_id, args.reason)
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
        except ProgressRejected as exc:
            raise CommandError(f"未撤回：{message_zh(exc.problems)}") from None
    say(
        f"已撤回：任务 {args.task}，{revision.unit_name} 的进展（{revision.percent}%），"
        f"原因：{revision.reason}。记录保留在历史中，不再计入报送。"
    )
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from domain.enums import ReviewDecision
    from models.errors import StoreError

    decision = ReviewDecision.RETURNED if args.send_back else ReviewDecision.ACCEPTED
    with open_store(args) as store:
        try:
            task_id, unit_id = _task_and_unit(store, args)
            review = store.review_report(task_id, unit_id, decision, args.reason, args.by)
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
    line = f"已审核：任务 {args.task}，{args.unit}，{review.decision.label_zh}"
    say(line + (f"，原因：{review.reason}" if review.reason else ""))
    return EXIT_OK


def cmd_instruct(args: argparse.Namespace) -> int:
    from models.errors import StoreError

    on = _date(args.date)
    with open_store(args) as store:
        try:
            task_id = store.find_task_id(args.plan, args.task)
            item = store.instruct(task_id, args.text, args.by, on)
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
    say(f"已记录批示：任务 {args.task}，{item.leader}（{item.instructed_on.isoformat()}）")
    return EXIT_OK
