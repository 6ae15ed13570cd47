"""Command-line layer: exchange export / import (USB exchange files)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    CommandError,
    add_db_option,
    add_plan_option,
    open_store,
    say,
)
from cli.exchange_words import rejection_line, report_lines, signature_line, trust_message

WRITE_ERRORS_ZH = {
    "missing_folder": "目标文件夹不存在（U 盘是否已拔出？）",
    "read_only": "目标位置只读或没有写入权限",
    "disk_full": "目标磁盘已满",
    "exists": "目标文件已存在；导出从不覆盖已有文件",
    "bad_name": "文件名不被目标磁盘接受",
    "verify_failed": "导出文件自检未通过，未写入",
    "readback_mismatch": "写入后读回的内容与原文件不符（U 盘可能有问题），请换一个 U 盘",
    "io_error": "写入时发生错误",
}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("exchange", help="导出、导入交换文件（U 盘传递）")
    ex = p.add_subparsers(dest="exchange_command", required=True)
    export = ex.add_parser("export", help="导出交换文件")
    add_db_option(export)
    add_plan_option(export)
    scope = export.add_mutually_exclusive_group()
    scope.add_argument("--unit", help="导出某单位的记录（协调办公室可用）")
    scope.add_argument("--all", action="store_true", help="导出全部记录和方案内容（协调办公室）")
    scope.add_argument("--plan-only", action="store_true", help="只导出方案内容（协调办公室）")
    export.add_argument("-o", "--output", required=True, type=Path, help="目标文件夹或文件名")
    export.set_defaults(handler=cmd_export)

    imp = ex.add_parser("import", help="导入一个或多个交换文件")
    add_db_option(imp)
    imp.add_argument("--dry-run", action="store_true", help="只预览，不改动数据库")
    imp.add_argument("files", nargs="+", type=Path)
    imp.set_defaults(handler=cmd_import)


def cmd_export(args: argparse.Namespace) -> int:
    from domain.exchange_records import ExportScope
    from exchange.errors import ExportWriteError
    from exchange.service import export_to

    scope = ExportScope.ALL if args.all else ExportScope.UNIT
    if args.plan_only:
        scope = ExportScope.PLAN_ONLY
    from cli.keys_commands import load_signer

    with open_store(args) as store:
        if (
            scope is ExportScope.UNIT
            and not args.unit
            and store.installation().is_coordinating_office
        ):
            scope = ExportScope.ALL
        signer = load_signer(store)
        try:
            path = export_to(
                store, args.output, scope, unit_name=args.unit, plan_id=args.plan, signer=signer
            )
        except ExportWriteError as exc:
            raise CommandError(
                f"{WRITE_ERRORS_ZH.get(str(exc.code), exc.code)}：{args.output}"
            ) from None
    say(f"已导出：{path}")
    say("文件已写入并核对无误，可以安全拔出 U 盘。")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from exchange.service import import_files

    status = EXIT_OK
    with open_store(args) as store:
        for outcome in import_files(store, args.files, dry_run=args.dry_run):
            path = outcome.path
            if outcome.report is not None and outcome.trust_code and not args.dry_run:
                say(f"拒收 {path.name}：{trust_message(outcome.report, str(path))}")
                say("  数据库未作改动。")
                status = EXIT_ERROR
                continue
            if outcome.rejected_code is not None:
                say(rejection_line(path.name, outcome.rejected_code, outcome.claimed))
                status = EXIT_ERROR
                continue
            assert outcome.report is not None
            verb = "预览" if args.dry_run else "已导入"
            say(f"{verb} {path.name}：")
            for line in report_lines(outcome.report):
                say(line)
            signed = signature_line(outcome.report)
            if signed:
                say(signed)
            if outcome.trust_code:  # a preview of a file that would not be merged
                say(f"  注意：{trust_message(outcome.report, str(path))}")
            if outcome.report.rejected or outcome.trust_code:
                status = EXIT_ERROR
    return status
