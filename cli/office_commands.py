"""Command-line layer: office (which unit this PC serves) and progress add."""

from __future__ import annotations

import argparse

from cli.common import EXIT_OK, CommandError, add_db_option, open_store, say


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("office", help="设置或查看本机所属单位")
    add_db_option(p)
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--unit", help="本机所属单位名称")
    group.add_argument("--coordinating-office", action="store_true", help="本机为协调办公室")
    group.add_argument("--show", action="store_true", help="显示本机安装信息")
    p.add_argument("--name", help="本机名称（可选）")
    p.set_defaults(handler=cmd_office)


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
