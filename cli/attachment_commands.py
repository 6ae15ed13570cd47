"""Command-line layer: attachments (佐证材料): list, extract, and the plan's caps."""

from __future__ import annotations

import argparse
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

MIB = 1024 * 1024


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("attachments", help="佐证材料：列出、导出，或设置上限（协调办公室）")
    add_db_option(p)
    add_plan_option(p)
    p.add_argument("--task", help="任务序号，如 20；序号重复时用路径，如 2.3.5")
    p.add_argument("--unit", help="只看这个单位的进展")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="列出当前进展的佐证材料")
    action.add_argument("--extract", type=Path, metavar="DIR", help="把佐证材料复制到文件夹")
    action.add_argument("--limits", action="store_true", help="显示本方案的佐证材料上限")
    action.add_argument(
        "--set-limits", action="store_true", help="设置上限（协调办公室；随方案更新发给各单位）"
    )
    p.add_argument("--max-file-mb", type=int, help="单个文件上限（MB）")
    p.add_argument("--max-files", type=int, help="每条进展最多文件数")
    p.add_argument("--max-report-mb", type=int, help="每条进展合计上限（MB）")
    p.add_argument("--reason", default="", help="修改原因（留痕）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（--list）")
    p.set_defaults(handler=cmd_attachments)


def cmd_attachments(args: argparse.Namespace) -> int:
    from models.errors import StoreError

    with open_store(args) as store:
        try:
            if args.limits or args.set_limits:
                return _limits(store, args)
            if not args.task:
                raise CommandError("请用 --task 指定任务。")
            task_id = store.find_task_id(args.plan, args.task)
            unit_id = store.find_unit_id(args.unit) if args.unit else None
            reports = store.current_attachments(task_id, unit_id)
            if args.list:
                _list(reports, args)
            else:
                _extract(store, reports, Path(args.extract))
        except StoreError as exc:
            raise CommandError(exc.message_zh) from None
    return EXIT_OK


def _limits(store: object, args: argparse.Namespace) -> int:
    from domain.attachments import AttachmentLimits

    current = store.attachment_limits(args.plan)  # type: ignore[attr-defined]
    if args.set_limits:
        wanted = AttachmentLimits(
            max_file_bytes=(args.max_file_mb or current.max_file_bytes // MIB) * MIB,
            max_files=args.max_files or current.max_files,
            max_report_bytes=(args.max_report_mb or current.max_report_bytes // MIB) * MIB,
        )
        current = store.set_attachment_limits(  # type: ignore[attr-defined]
            wanted, plan_id=args.plan, reason=args.reason
        )
    say(
        f"佐证材料上限：单个文件 {current.max_file_bytes // MIB} MB，"
        f"每条进展最多 {current.max_files} 个、合计 {current.max_report_bytes // MIB} MB"
    )
    return EXIT_OK


def _list(reports: list, args: argparse.Namespace) -> None:  # type: ignore[type-arg]
    from cli.attachment_words import KIND_ZH, RISK_ZH, size_text

    if args.json:
        print_json(
            [
                {
                    "unit": rev.unit_name,
                    "revision_id": rev.revision_id,
                    "report_date": rev.report_date.isoformat(),
                    "attachments": [
                        {
                            "file_name": r.file_name,
                            "sha256": r.sha256,
                            "size": r.size,
                            "kind": r.kind.value,
                            "pages": r.pages,
                            "risks": sorted(x.value for x in r.risks),
                        }
                        for r in refs
                    ],
                }
                for rev, refs in reports
            ]
        )
        return
    if not any(refs for _, refs in reports):
        say("没有佐证材料。")
        return
    for rev, refs in reports:
        if not refs:
            continue
        say(f"{rev.unit_name}（{rev.report_date.isoformat()} 填报）：")
        for ref in refs:
            pages = f"，{ref.pages} 页" if ref.pages else ""
            risks = "".join(f"，⚠{RISK_ZH[x]}" for x in sorted(ref.risks))
            say(f"  {ref.file_name}  {KIND_ZH[ref.kind]}，{size_text(ref.size)}{pages}{risks}")


def _extract(store: object, reports: list, folder: Path) -> None:  # type: ignore[type-arg]
    from exchange.safe_write import safe_file_stem

    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for rev, refs in reports:
        unit_dir = folder / safe_file_stem(rev.unit_name or "单位")
        for ref in refs:
            unit_dir.mkdir(exist_ok=True)
            target = _free_name(unit_dir, ref.extract_name)
            store.extract_attachment(ref.sha256, target)  # type: ignore[attr-defined]
            say(f"已导出：{target}")
            written += 1
    say(f"共导出 {written} 个佐证材料。")


def _free_name(folder: Path, name: str) -> Path:
    """Never overwrite: 纪要.pdf, 纪要-2.pdf …"""
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    for n in range(1, 1000):
        candidate = folder / (name if n == 1 else f"{stem}-{n}{dot}{ext}")
        if not candidate.exists():
            return candidate
    raise CommandError(f"文件夹中同名文件太多：{folder / name}")
