"""Command-line layer: screenshot (the main window rendered offscreen to a PNG).

Besides the GUI itself this is the one command that imports ``ui`` (and so Qt), lazily
inside the handler: every other command runs without Qt installed.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import EXIT_OK, CommandError, add_db_option, database_path, say

#: The window's languages (ui.settings.LANGUAGES, repeated: importing ui here would load Qt).
LANGUAGES = ("zh_CN", "en")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("screenshot", help="把主窗口截图保存为 PNG（无需显示器）")
    add_db_option(p)
    p.add_argument("--select", type=int, metavar="TASK_NUMBER", help="选中第几项任务")
    p.add_argument("--lang", choices=LANGUAGES, default="zh_CN", help="界面语言（默认 zh_CN）")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")
    p.set_defaults(handler=cmd_screenshot)


def cmd_screenshot(args: argparse.Namespace) -> int:
    out: Path = args.output
    try:
        from ui.diagnostics.screenshot import take_screenshot
    except ImportError as exc:
        raise CommandError(f"无法加载窗口界面（{exc}）") from None
    try:
        take_screenshot(database_path(args), out, args.select, args.lang)
    except ValueError:
        raise CommandError(f"方案中没有第 {args.select} 项任务") from None
    except OSError as exc:
        raise CommandError(f"无法写入截图：{out}（{exc.strerror or exc}）") from None
    say(f"已保存截图：{out}")
    return EXIT_OK
