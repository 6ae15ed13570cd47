"""Runtime support: locate shipped files (fonts, plans, translations), frozen or not."""

from __future__ import annotations

import lzma
import sys
from pathlib import Path

#: Suffix of a shipped file stored compressed: the office bundle keeps the PDF fonts
#: (25 MB) as ``.xz`` (12 MB) and they are unpacked in memory when first used.
COMPRESSED_SUFFIX = ".xz"

_REPO_ROOT = Path(__file__).resolve().parent.parent


def app_root() -> Path:
    """The folder holding ``resources/``: the PyInstaller bundle or the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    return Path(frozen_root) if frozen_root else _REPO_ROOT


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def resource_bytes(*parts: str) -> bytes:
    """The content of a shipped file, whether it ships as is or compressed (``.xz``)."""
    path = resource_path(*parts)
    if path.is_file():
        return path.read_bytes()
    packed = path.with_name(path.name + COMPRESSED_SUFFIX)
    if packed.is_file():
        return lzma.decompress(packed.read_bytes())
    raise FileNotFoundError(path)


def default_plan_path() -> Path:
    return resource_path("plans", "plan-heilongjiang-ip-2016.txt")
