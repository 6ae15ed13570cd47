"""Duban (督办) entry point: no arguments opens the window; a command runs on the command line."""

from __future__ import annotations

import sys


def main() -> int:
    from cli.launch import launch

    return launch(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
