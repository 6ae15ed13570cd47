"""Command-line layer: units (the 单位名录), unit-alias (coordinating office)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cli.common import EXIT_OK, CommandError, add_db_option, open_store, print_json, say

if TYPE_CHECKING:
    from domain.unit_directory import DirectoryListing


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("units", help="单位名录：各方案中的单位名称、别名及其任务数")
    add_db_option(p)
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(handler=cmd_units)

    p = sub.add_parser(
        "unit-alias", help="认定两个单位名称为同一单位，或撤销（协调办公室；随方案修订下发）"
    )
    add_db_option(p)
    p.add_argument("--name", required=True, action="append", metavar="单位", help="别名（可重复）")
    p.add_argument("--same-as", default=None, metavar="单位", help="作为统一名称的单位")
    p.add_argument("--undo", action="store_true", help="撤销：该名称重新作为独立单位")
    p.add_argument("--reason", required=True, help="原因（留痕）")
    p.set_defaults(handler=cmd_unit_alias)


def listing_json(listing: DirectoryListing) -> dict[str, Any]:
    groups: dict[str, list[str]] = {}
    for unit in listing.units:
        if unit.is_alias:
            groups.setdefault(unit.canonical, []).append(unit.name)
    return {
        "units": [
            {
                "name": u.name,
                "canonical": u.canonical,
                "is_alias": u.is_alias,
                "task_count": u.task_count,
                "plans": list(u.plans),
            }
            for u in listing.units
        ],
        "aliases": groups,
        "entries": [
            {
                "entry_id": e.entry_id,
                "name": e.name,
                "same_as": e.same_as,
                "undo": e.undo,
                "reason": e.reason,
                "authored_at": e.authored_at,
                "lamport": e.lamport,
            }
            for e in listing.entries
        ],
        "suggestions": [list(group) for group in listing.suggestions],
        "editable": listing.editable,
    }


def cmd_units(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        listing = store.unit_directory()
    if args.json:
        print_json(listing_json(listing))
        return EXIT_OK
    for unit in listing.units:
        alias = f"（即 {unit.canonical}）" if unit.is_alias else ""
        say(f"{unit.name}{alias}  {unit.task_count} 项任务  {'、'.join(unit.plans) or '—'}")
    for group in listing.suggestions:
        say(f"可能是同一单位（未认定）：{'、'.join(group)}")
    return EXIT_OK


def cmd_unit_alias(args: argparse.Namespace) -> int:
    if args.undo == bool(args.same_as):
        raise CommandError("请给出 --same-as 统一名称，或用 --undo 撤销别名（二者选一）。")
    with open_store(args) as store:
        if args.undo:
            for name in args.name:
                store.undo_unit_alias(name, args.reason)
                say(f"已撤销：{name.strip()} 重新作为独立单位（已报送的进展均保留）。")
            return EXIT_OK
        store.declare_same_unit([*args.name, args.same_as], args.same_as, args.reason)
    say(f"已认定：{'、'.join(n.strip() for n in args.name)} 即 {args.same_as.strip()}。")
    return EXIT_OK
