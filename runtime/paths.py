"""Runtime support: the platform's own per-user folders (no Qt needed)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "Duban"


def user_data_dir() -> Path:
    """%APPDATA%\\Duban on Windows, ~/Library/Application Support/Duban on macOS, XDG elsewhere."""
    override = os.environ.get("DUBAN_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_DIR_NAME


def default_database_path() -> Path:
    return user_data_dir() / "duban.sqlite"
