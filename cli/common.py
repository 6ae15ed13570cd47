"""Command-line layer: shared options, output and the error → exit-status rule."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runtime.paths import default_database_path

if TYPE_CHECKING:
    from models.store import Store

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """A failure to report as one line on stderr, exit status 1."""


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", type=Path, default=None, help="数据库文件（默认：用户数据目录下的 duban.sqlite）"
    )


def add_plan_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", default=None, help="方案 ID（默认：第一个方案）")


def database_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_database_path()


def open_store(args: argparse.Namespace) -> Store:
    from models.store import Store

    return Store.open(database_path(args))


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write("\n")


def say(text: str) -> None:
    print(text)


def configure_output() -> None:
    """UTF-8 on pipes and files whatever the Windows code page; no crash on a GBK console."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        if stream.isatty():
            reconfigure(errors="replace")
        else:
            reconfigure(encoding="utf-8", errors="replace")
