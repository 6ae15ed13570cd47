"""Command-line layer: deadline, rounds, status, ledger (督办)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    add_plan_option,
    open_store,
    print_json,
    say,
)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("deadline", help="设置完成时限（协调办公室）")
    add_db_option(p)
    add_plan_option(p)
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--task", help="任务序号（或路径）")
    target.add_argument("--whole-plan", action="store_true", help="整个方案的完成时限")
    value = p.add_mutually_exclusive_group(required=True)
    value.add_argument("--date", help="YYYY-MM-DD")
    value.add_argument("--long-term", action="store_true", help="长期坚持")
    value.add_argument("--clear", action="store_true", help="清除完成时限（任务改按方案的时限）")
    p.add_argument("--reason", default="", help="修改原因（留痕）")
    p.set_defaults(handler=cmd_deadline)

    p = sub.add_parser("rounds", help="设置报送节点（协调办公室）")
    add_db_option(p)
    add_plan_option(p)
    rule = p.add_mutually_exclusive_group(required=True)
    rule.add_argument("--monthly", type=int, metavar="DAY", help="每月几号报送")
    rule.add_argument("--quarterly", action="store_true", help="每季度末报送")
    rule.add_argument("--dates", help="指定日期，逗号分隔：2026-03-31,2026-06-30")
    p.add_argument("--start", help="从哪天起计算（默认今天）")
    p.add_argument("--reason", default="", help="修改原因（留痕）")
    p.set_defaults(handler=cmd_rounds)

    p = sub.add_parser("status", help="各项任务的状态（已完成/正常/临期/逾期/未报送）")
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--as-of", help="按哪一天计算（默认今天）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("ledger", help="导出 Excel 督办台账")
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--as-of", help="按哪一天计算（默认今天）")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=cmd_ledger)


def cmd_deadline(args: argparse.Namespace) -> int:
    from domain.schedule import Deadline

    deadline: Deadline | None = None
    if args.long_term:
        deadline = Deadline(long_term=True)
    elif args.date:
        deadline = Deadline(date=_date(args.date))
    with open_store(args) as store:
        task_id = None if args.whole_plan else store.find_task_id(args.plan, args.task)
        store.set_deadline(deadline, task_id=task_id, plan_id=args.plan, reason=args.reason)
    target = "整个方案" if args.whole_plan else f"任务 {args.task}"
    if deadline is None:
        say(f"已清除{target}的完成时限。")
    else:
        say(f"已设置{target}的完成时限：{deadline.label_zh()}")
    return EXIT_OK


def cmd_rounds(args: argparse.Namespace) -> int:
    from domain.schedule import RoundKind, RoundRule

    start = _date(args.start) if args.start else dt.date.today()
    if args.monthly is not None:
        if not 1 <= args.monthly <= 31:
            raise CommandError("每月报送日应在 1 到 31 之间")
        rule = RoundRule(RoundKind.MONTHLY, day=args.monthly, start=start)
    elif args.quarterly:
        rule = RoundRule(RoundKind.QUARTERLY, start=start)
    else:
        dates = tuple(sorted({_date(d) for d in args.dates.split(",") if d.strip()}))
        if not dates:
            raise CommandError("请至少给出一个报送日期")
        rule = RoundRule(RoundKind.DATES, dates=dates)
    with open_store(args) as store:
        store.set_rounds(rule, plan_id=args.plan, reason=args.reason)
    say("已设置报送节点。")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    from supervision.figures import status_json

    as_of = _date(args.as_of) if args.as_of else dt.date.today()
    with open_store(args) as store:
        view, lights = store.lights(as_of, plan_id=args.plan)
    data = status_json(view, lights, as_of)
    if args.json:
        print_json(data)
    else:
        counts = "，".join(
            f"{label}{data['counts'][code]}"
            for code, label in (
                ("done", "已完成"),
                ("on_track", "正常"),
                ("due_soon", "临期"),
                ("overdue", "逾期"),
                ("unreported", "未报送"),
            )
        )
        say(f"{view.title}（截至 {as_of.isoformat()}）：{counts}")
        for task in data["tasks"]:
            if task["light"] not in ("done", "on_track"):
                missing = "、".join(task["missing_units"])
                say(
                    f"  任务 {task['number']}：{task['light_label']}"
                    + (f"（{missing}）" if missing else "")
                )
    return EXIT_OK


def cmd_ledger(args: argparse.Namespace) -> int:
    from supervision.ledger import write_ledger

    as_of = _date(args.as_of) if args.as_of else dt.date.today()
    if not args.output.parent.is_dir():
        raise CommandError(f"目标文件夹不存在：{args.output.parent}")
    with open_store(args) as store:
        view, lights = store.lights(as_of, plan_id=args.plan)
        history = {t.id: store.progress_history(t.id) for t in view.all_tasks()}
        changes = store.plan_change_log(view.id)
    try:
        path = write_ledger(view, lights, as_of, args.output, history=history, changes=changes)
    except OSError as exc:
        raise CommandError(f"无法写入台账：{args.output}（{exc.strerror}）") from None
    say(f"已导出台账：{path}（{len(view.all_tasks())} 项任务）")
    return EXIT_OK
