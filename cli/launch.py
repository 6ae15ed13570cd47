"""Command-line layer: the first step of every start, ``duban`` with or without a command.

The window is the common case (no arguments, or only ``--db``): it starts from here
without building the command parser, so argparse and the commands' shared module stay off
the path to the window's first paint. Everything else goes to ``cli.app.run``.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXIT_ERROR, EXIT_USAGE = 1, 2


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


def window_database(argv: Sequence[str]) -> tuple[bool, str | None]:
    """(True, ``--db``'s text or None) when ``argv`` asks for the window: nothing, or
    nothing but ``--db X``; (False, None) for a command."""
    args = list(argv)
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db" and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--db="):
        return True, args[0].removeprefix("--db=")
    return False, None


def launch(argv: Sequence[str]) -> int:
    """Open the window, or run the command ``argv`` names; the process's exit status."""
    configure_output()
    opens_window, db = window_database(argv)
    if not opens_window:
        from cli.app import run

        return run(argv)
    return start_window(db)


def start_window(db: str | None) -> int:
    """The window on ``db`` (a file or a server URL); None: the server the window last
    used, or this PC's own file."""
    from models.errors import StoreError
    from models.locations import parse_location

    try:
        location = parse_location(db) if db else None
    except StoreError as exc:
        sys.stderr.write(f"用法错误：--db：{exc.message_zh}\n")
        return EXIT_USAGE
    from runtime import gc_pause

    gc_pause.hold_for_start_up()  # ui.app switches it back on once the first plans show
    try:
        from ui.app import run_gui
    except ImportError as exc:
        gc_pause.release_after_start_up()
        sys.stderr.write(f"错误：无法启动窗口界面（{exc}）。命令行用法见 --help。\n")
        return EXIT_ERROR
    return run_gui(location)
