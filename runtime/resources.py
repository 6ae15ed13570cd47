"""Runtime support: locate shipped files (fonts, plans, translations), frozen or not."""

from __future__ import annotations

import sys
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent


def app_root() -> Path:
    """The folder holding ``resources/``: the PyInstaller bundle or the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    return Path(frozen_root) if frozen_root else _REPO_ROOT


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def default_plan_path() -> Path:
    return resource_path("plans", "plan-heilongjiang-ip-2016.txt")
