"""Command-line layer: ``migrate-to-server`` (move this PC's database onto the office's server)."""

from __future__ import annotations

import argparse
import getpass
import sys

from cli.common import (
    EXIT_OK,
    CommandError,
    add_db_option,
    database_location,
    database_path,
    say,
)
from models.errors import StoreError
from models.locations import ServerAddress


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "migrate-to-server",
        help="把本机的 SQLite 数据库全部迁移到办公室的数据库服务器（本机文件不动）",
    )
    add_db_option(p)
    p.add_argument(
        "--to",
        required=True,
        type=database_location,
        help="服务器上的空数据库：postgresql://用户名@主机[:端口]/数据库名",
    )
    p.set_defaults(handler=cmd_migrate_to_server)


def cmd_migrate_to_server(args: argparse.Namespace) -> int:
    from models.server_migrate import migrate_to_server

    source, target = database_path(args), args.to
    if isinstance(source, ServerAddress):
        raise CommandError("--db 应是本机的数据库文件（迁移的来源），--to 才是服务器。")
    if not isinstance(target, ServerAddress):
        raise CommandError("--to 应是服务器地址：postgresql://用户名@主机[:端口]/数据库名")
    try:
        report = migrate_to_server(source, target)
    except StoreError as exc:
        if exc.code != "server_auth_failed" or target.password or not sys.stdin.isatty():
            raise
        password = getpass.getpass(f"{target.display()} 的密码：")
        report = migrate_to_server(source, target.with_password(password))
    say(f"已把 {source} 的全部数据复制到服务器 {report.target}：")
    width = max(len(c.table) for c in report.counts)
    say(f"  {'表':<{width - 1}}  本机文件  服务器")
    for count in report.counts:
        say(f"  {count.table:<{width}}  {count.in_file:>8}  {count.on_server:>6}")
    say(f"共 {report.rows} 条，逐表核对一致。")
    if not report.file_unchanged:
        raise CommandError(
            "本机文件在迁移期间被改动过（可能有窗口仍在录入）：请关闭督办后重新迁移。"
        )
    say("本机文件未作任何改动（迁移前后 SHA-256 相同）。")
    say(
        f"此后请各台电脑用 --db {report.target} 或“工具 → 连接到服务器…”使用服务器上的数据；"
        "本机文件留作迁移前的备份，不要再在其中录入。"
    )
    return EXIT_OK
