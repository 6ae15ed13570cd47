"""Command-line layer: shared options, output and the error → exit-status rule."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from models.errors import StoreError
from models.locations import DatabaseLocation, ServerAddress, parse_location
from runtime.paths import default_database_path

if TYPE_CHECKING:
    from models.server import ServerMigration
    from models.store import Store

#: Set to ``yes`` to upgrade a server's schema without the question (scripts, no console).
CONFIRM_UPGRADE_ENV = "DUBAN_CONFIRM_UPGRADE"

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as one line on stderr, exit status 1."""


def database_location(text: str) -> DatabaseLocation:
    """``--db``'s type: a file path, or ``postgresql://用户@主机[:端口]/库``."""
    try:
        return parse_location(text)
    except StoreError as exc:
        raise argparse.ArgumentTypeError(exc.message_zh) from None


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db``, accepted before the command (``duban --db X status``) and after it
    (``duban status --db X``). A command's own option has no default of its own: argparse
    would let that default overwrite the one given before the command, and the command
    would silently use this PC's default database instead."""
    parser.add_argument(
        "--db",
        type=database_location,
        default=argparse.SUPPRESS,
        help=(
            "数据库文件（默认：用户数据目录下的 duban.sqlite），"
            "或服务器 postgresql://用户名@主机[:端口]/数据库名"
        ),
    )


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", default=None, help="方案 ID（默认：第一个方案）")


def database_path(args: argparse.Namespace) -> DatabaseLocation:
    """The file or server of ``--db``; the per-user file when none was given."""
    db = getattr(args, "db", None)
    return parse_location(db) if db else default_database_path()


def open_store(args: argparse.Namespace) -> Store:
    """Open ``--db``; a server that wants a password not found in PGPASSWORD or the pgpass
    file (libpq reads both) asks for it on the console, once, and keeps it in memory only."""
    from models.store import Store

    location = database_path(args)
    try:
        return Store.open(location, confirm_migration=confirm_server_upgrade)
    except StoreError as exc:
        if not _may_ask_password(exc, location):
            raise
    assert isinstance(location, ServerAddress)
    password = getpass.getpass(f"{location.display()} 的密码：")
    return Store.open(location.with_password(password), confirm_migration=confirm_server_upgrade)


def _may_ask_password(exc: StoreError, location: DatabaseLocation) -> bool:
    return (
        exc.code == "server_auth_failed"
        and isinstance(location, ServerAddress)
        and location.password is None
        and sys.stdin is not None
        and sys.stdin.isatty()
    )


def confirm_server_upgrade(question: ServerMigration) -> bool:
    """Ask before a server's schema is upgraded: ``DUBAN_CONFIRM_UPGRADE=yes`` or a y on
    the console; with neither, the answer is no and nothing is changed."""
    if os.environ.get(CONFIRM_UPGRADE_ENV, "").lower() == "yes":
        sys.stderr.write(question.question_zh() + f"（{CONFIRM_UPGRADE_ENV}=yes：升级）\n")
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        sys.stderr.write(
            question.question_zh()
            + f"\n没有控制台可以确认；确认后可设 {CONFIRM_UPGRADE_ENV}=yes 再运行。\n"
        )
        return False
    answer = input(question.question_zh() + "（输入 y 升级，其他键取消）：")
    return answer.strip().lower() in ("y", "yes", "是")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def say(text: str) -> None:
    print(text)
