"""Command-line layer: parse, plan, import-plan."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    add_plan_option,
    open_store,
    print_json,
    say,
)

#: ``parse --strict``: the plan was read, but some tasks still need the clerk.
EXIT_STRICT = 1

if TYPE_CHECKING:
    from domain.records import PlanView
    from plan_parser import ParsedPlan


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("parse", help="只解析方案，不写数据库")
    p.add_argument("file", help="方案文件（.docx、.pdf、.xlsx，或 UTF-8/GB18030 文本）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--strict", action="store_true", help="仍有待补充的任务时以退出码 1 结束")
    p.set_defaults(handler=cmd_parse)

    p = sub.add_parser("plan", help="列出数据库中的方案、任务、分工和进展")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=cmd_plan)

    p = sub.add_parser("import-plan", help="向数据库导入另一份方案")
    p.add_argument("file", help="方案文件（.docx、.pdf、.xlsx，或 UTF-8/GB18030 文本）")
    add_db_option(p)
    p.set_defaults(handler=cmd_import_plan)

    p = sub.add_parser("edit-task", help="修改任务文字或分工单位（协调办公室；补全待补充的任务）")
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--task", required=True, help="任务编号（或路径，如 2.3.5）")
    p.add_argument("--text", default=None, help="新的任务文字")
    for flag, words in (("--lead", "牵头"), ("--cooperate", "配合"), ("--responsible", "负责")):
        p.add_argument(
            flag, action="append", default=[], metavar="单位", help=f"{words}单位，可重复"
        )
    p.add_argument(
        "--not-a-task", action="store_true", help="这一行不是任务：移出方案（历史中保留）"
    )
    p.add_argument("--reason", required=True, help="修改原因（留痕）")
    p.set_defaults(handler=cmd_edit_task)

    p = sub.add_parser("plan-rename", help="方案更名（协调办公室；随方案修订下发）")
    add_db_option(p)
    p.add_argument("--plan", required=True, help="方案 ID")
    p.add_argument("--title", required=True, help="新的方案名称")
    p.add_argument("--reason", required=True, help="更名原因（留痕）")
    p.set_defaults(handler=cmd_plan_rename)

    p = sub.add_parser("plan-remove", help="移除方案（协调办公室；数据保留在历史中）")
    add_db_option(p)
    p.add_argument("--plan", required=True, help="方案 ID")
    p.add_argument("--reason", required=True, help="移除原因（留痕）")
    p.add_argument("--restore", action="store_true", help="恢复已移除的方案")
    p.set_defaults(handler=cmd_plan_remove)


def _read(path: str) -> ParsedPlan:
    from plan_intake import parse_plan_document
    from plan_parser import PlanParseError

    try:
        return parse_plan_document(path)
    except PlanParseError as exc:
        raise CommandError(exc.message_zh) from None


def _parse(path: str) -> ParsedPlan:
    """The plan to store: flagged tasks are stored (待补充); a problem no task carries would
    leave a line out, so the plan is refused with it rather than stored without it."""
    parsed = _read(path)
    flagged = {(p.line_no, p.message_zh) for t in parsed.all_tasks() for p in t.problems}
    orphans = [p for p in parsed.problems if (p.line_no, p.message_zh) not in flagged]
    if orphans:
        lines = "\n".join(p.message_zh for p in orphans)
        raise CommandError(f"方案中有 {len(orphans)} 处无法识别，未作处理：\n{lines}")
    return parsed


def cmd_parse(args: argparse.Namespace) -> int:
    from domain.plan_json import plan_json
    from plan_parser.to_view import plan_view_of

    parsed = _read(args.file)
    view = plan_view_of(parsed)
    if args.json:
        data = plan_json(view, with_progress=False)
        _add_parse_details(data, parsed)
        data["non_task_items"] = [
            {"line": item.line_no, "label": item.label, "text": item.text}
            for item in parsed.non_task_items
        ]
        print_json({"plans": [data]})
    else:
        _print_summary(view)
        for problem in parsed.problems:
            say(f"  待补充：{problem.message_zh}")
    if args.strict and parsed.problems:
        return EXIT_STRICT
    return EXIT_OK


def _add_parse_details(data: dict[str, Any], parsed: ParsedPlan) -> None:
    """Each task's line, deadline and, on a task that has any, its "problems" list."""
    from plan_parser import ParsedTask

    def details(out: dict[str, Any], task: ParsedTask) -> None:
        out["line"] = task.line_no
        out["deadline_text"] = task.deadline_text
        out["deadline"] = task.deadline.isoformat() if task.deadline else None
        if task.problems:
            out["problems"] = [
                {"code": p.code, "line": p.line_no, "message": p.message_zh} for p in task.problems
            ]

    for sec_json, section in zip(data["sections"], parsed.sections, strict=True):
        for sub_json, sub in zip(sec_json["subsections"], section.subsections, strict=True):
            for task_json, task in zip(sub_json["tasks"], sub.tasks, strict=True):
                details(task_json, task)
        for task_json, task in zip(sec_json["tasks"], section.tasks, strict=True):
            details(task_json, task)


def cmd_plan(args: argparse.Namespace) -> int:
    from domain.plan_json import plan_json

    with open_store(args) as store:
        views = store.plan_views()
    if args.json:
        print_json({"plans": [plan_json(v, with_progress=True) for v in views]})
    else:
        for view in views:
            _print_summary(view)
    return EXIT_OK


def cmd_import_plan(args: argparse.Namespace) -> int:
    from models.errors import StoreError

    parsed = _parse(args.file)
    with open_store(args) as store:
        try:
            summary = store.import_plan(parsed)
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
    say(f"已导入方案：{summary.title}（{summary.task_count} 项任务，ID {summary.id}）")
    flagged = [t for t in parsed.all_tasks() if t.problems]
    if flagged:
        say(f"其中 {len(flagged)} 项任务待补充分工，请协调办公室在“修改任务”中补全：")
        for task in flagged:
            for problem in task.problems:
                say(f"  {task.label}{problem.message_zh}")
    return EXIT_OK


def cmd_edit_task(args: argparse.Namespace) -> int:
    """A plan change like any other: it reaches the units with the next plan export."""
    from domain.enums import Role

    units = [(n.strip(), Role.LEAD, "牵头") for n in args.lead]
    units += [(n.strip(), Role.COOPERATE, "配合") for n in args.cooperate]
    units += [(n.strip(), Role.RESPONSIBLE, "负责") for n in args.responsible]
    if args.not_a_task and (args.text is not None or units):
        raise CommandError("--not-a-task 不能与新的文字或分工单位同时给出。")
    if args.text is None and not units and not args.not_a_task:
        raise CommandError(
            "请给出新的任务文字（--text）或分工单位（--lead/--cooperate/--responsible）。"
        )
    with open_store(args) as store:
        task_id = store.find_task_id(args.plan, args.task)
        if args.not_a_task:
            store.mark_not_a_task(task_id, plan_id=args.plan, reason=args.reason)
            say(f"已将第 {args.task} 项移出方案（不是任务；修改记录中保留）。")
            return EXIT_OK
        store.edit_task(
            task_id,
            text=args.text,
            units=units or None,
            plan_id=args.plan,
            reason=args.reason,
        )
    say(f"已修改任务 {args.task}" + ("，分工已补全。" if units else "。"))
    return EXIT_OK


def cmd_plan_rename(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.rename_plan(args.plan, args.title, reason=args.reason)
    say(f"方案已更名为：{args.title.strip()}")
    return EXIT_OK


def cmd_plan_remove(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        store.remove_plan(args.plan, reason=args.reason, removed=not args.restore)
    say("方案已恢复。" if args.restore else "方案已移除（数据保留，可用 --restore 恢复）。")
    return EXIT_OK


def _print_summary(view: PlanView) -> None:
    tasks = view.all_tasks()
    say(f"{view.title}")
    say(f"  发文机关：{view.issuer or '—'}  成文日期：{view.issued_on or '—'}  ID：{view.id}")
    say(
        f"  {len(view.sections)} 个部分，"
        f"{sum(len(s.subsections) for s in view.sections)} 个方面，"
        f"{len(tasks)} 项任务，{len(view.units())} 个单位"
    )
