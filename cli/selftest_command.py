"""Command-line layer: ``selftest``, the quick end-to-end check of this installation.

Prints one line per step (✓ passed, – skipped, ✗ failed) and exits 0 when nothing failed,
1 naming the step that broke. The hidden ``--window-check DB`` is the child process the
window step starts (see ``selftest.window``).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cli.common import EXIT_ERROR, EXIT_OK, say

MARKS = {"passed": "✓", "skipped": "–", "failed": "✗"}


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "selftest",
        help="自检：在临时目录中建库、填报、打印、导出导入、打开窗口，逐项报告",
    )
    window = p.add_mutually_exclusive_group()
    window.add_argument("--no-window", action="store_true", help="不检查窗口界面")
    window.add_argument(
        "--require-window",
        action="store_true",
        help="窗口无法打开时算作失败（默认只提示跳过）",
    )
    p.add_argument("--keep", action="store_true", help="保留临时目录以便查看生成的文件")
    p.add_argument("--window-check", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument("--folder", type=Path, default=None, help=argparse.SUPPRESS)
    p.set_defaults(handler=cmd_selftest)


def cmd_selftest(args: argparse.Namespace) -> int:
    if args.window_check is not None:
        return _window_child(args.window_check, args.folder or args.window_check.parent)
    from runtime.version import __version__
    from selftest import StepStatus, run_selftest

    started = time.perf_counter()
    say(f"Duban {__version__} 自检")
    counts = {status: 0 for status in StepStatus}
    for result in run_selftest(
        window=not args.no_window, require_window=args.require_window, keep=args.keep
    ):
        counts[result.status] += 1
        timing = f"（{result.seconds:.1f} 秒）" if result.seconds >= 0.05 else ""
        say(f"{MARKS[result.status]} {result.name}：{result.detail}{timing}")
        if result.status is StepStatus.FAILED:
            say(f"自检失败：「{result.name}」一步未通过。")
            if result.kept_folder is not None:
                say(f"临时文件保留在：{result.kept_folder}")
            return EXIT_ERROR
    elapsed = time.perf_counter() - started
    skipped = counts[StepStatus.SKIPPED]
    tail = f"，{skipped} 项跳过" if skipped else ""
    say(f"自检通过：{counts[StepStatus.PASSED]} 项通过{tail}，用时 {elapsed:.1f} 秒。")
    return EXIT_OK


def _window_child(db_path: Path, folder: Path) -> int:
    """The child of the window step: exit 0 passed, 1 a fault found, 4 no Qt here."""
    from selftest.window import CHILD_FAILED, CHILD_NO_QT, CHILD_OK

    try:
        from ui.diagnostics.selftest_window import WindowCheckFailed, check_window
    except ImportError as exc:
        say(f"无法加载 Qt：{exc}")
        return CHILD_NO_QT
    try:
        say(check_window(db_path, folder))
    except WindowCheckFailed as exc:
        say(str(exc))
        return CHILD_FAILED
    return CHILD_OK
