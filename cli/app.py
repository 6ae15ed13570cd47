"""Command-line layer: the argument parser and the dispatch to each command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    add_db_option,
)
from cli.launch import configure_output, window_database
from runtime.version import __version__


def command_modules() -> tuple[ModuleType, ...]:
    """Each command's module, imported here: opening the window needs none of them (their
    imports cost 50 ms of the window's start-up, bench/README.md)."""
    from cli import (
        attachment_commands,
        backup_commands,
        exchange_commands,
        keys_commands,
        office_commands,
        plan_commands,
        report_commands,
        screenshot_command,
        selftest_command,
        server_commands,
        sheet_commands,
        supervision_commands,
        unit_commands,
    )

    return (
        plan_commands,
        office_commands,
        report_commands,
        exchange_commands,
        supervision_commands,
        keys_commands,
        sheet_commands,
        screenshot_command,
        backup_commands,
        attachment_commands,
        selftest_command,
        server_commands,
        unit_commands,
    )


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"用法错误：{message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="duban", description="督办：重点任务分工方案的分工、进展与督办工具")
    parser.add_argument("--version", action="version", version=f"Duban {__version__}")
    add_db_option(parser)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for module in command_modules():
        module.register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run a command; no command opens the window."""
    configure_output()
    if window_database(argv)[0]:
        window_parser = _Parser(prog="duban")
        add_db_option(window_parser)
        return _run_gui(window_parser.parse_args(list(argv)))
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.command is None:
        return _run_gui(args)
    try:
        return int(args.handler(args))
    except CommandError as exc:
        sys.stderr.write(f"错误：{exc}\n")
        return EXIT_ERROR
    except _store_errors() as exc:
        sys.stderr.write(f"错误：{exc.message_zh}\n")  # type: ignore[attr-defined]
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not a failure of ours.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # the last guard: one Chinese line, never a traceback
        if os.environ.get("DUBAN_DEBUG"):
            raise
        sys.stderr.write(f"错误：操作未能完成（{type(exc).__name__}：{exc}）\n")
        return EXIT_ERROR


def _store_errors() -> tuple[type[Exception], ...]:
    from models.errors import StoreError
    from plan_parser import PlanParseError

    return (StoreError, PlanParseError)


def _run_gui(args: argparse.Namespace) -> int:
    from cli.common import database_path

    try:
        from ui.app import run_gui
    except ImportError as exc:
        sys.stderr.write(f"错误：无法启动窗口界面（{exc}）。命令行用法见 --help。\n")
        return EXIT_ERROR
    # No --db: the window opens the server it last used, or this PC's own file.
    return run_gui(database_path(args) if getattr(args, "db", None) else None)
