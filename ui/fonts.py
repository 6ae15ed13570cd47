"""Window layer: register the shipped Chinese fonts so text never renders as boxes.

A PC with no Chinese font installed (a fresh Windows image in English, a minimal Linux)
draws every 汉字 as a box. The application font gets a family list: the platform's own UI
face for Latin text, then well-known Chinese UI faces if present, then the Hei face shipped
in ``resources/fonts/ui/`` (WenQuanYi Micro Hei, Apache-2.0, licence beside it) as the last
resort. That face is registered with Qt only where none of those faces is installed: the
office bundle carries it compressed (5 MB -> 1.5 MB), and unpacking it costs a start about
0.1 s that a PC with its own Chinese UI face need not pay. The Song faces in
``resources/fonts/`` are for the PDF sheets and are not loaded here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from runtime.resources import COMPRESSED_SUFFIX, resource_path

log = logging.getLogger(__name__)

FONT_SUFFIXES = (".ttf", ".ttc", ".otf")
#: Shipped Hei (sans) faces that suit a UI, best first.
SHIPPED_UI_FAMILIES = ("WenQuanYi Micro Hei", "文泉驿微米黑")
#: Chinese UI faces that are better than the shipped one when the system has them.
SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
)

_registered: list[str] | None = None


def shipped_font_files() -> list[Path]:
    """The window's shipped font files, as they are or compressed (``.xz``)."""
    root = resource_path("fonts", "ui")
    return sorted(
        p
        for p in root.rglob("*")
        if p.name.lower().removesuffix(COMPRESSED_SUFFIX).endswith(FONT_SUFFIXES)
    )


def register_fonts() -> list[str]:
    """Register every shipped font once; return the font families Qt now knows from them."""
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    for path in shipped_font_files():
        if path.suffix == COMPRESSED_SUFFIX:
            import lzma  # only where the PC lacks a Chinese UI face

            data = QByteArray(lzma.decompress(path.read_bytes()))
            font_id = QFontDatabase.addApplicationFontFromData(data)
        else:
            font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = families
    log.debug("registered font families: %s", families)
    return families


def needs_shipped_font() -> bool:
    """True when no Chinese UI face the family list names is installed (not even the
    shipped one, installed by the system's own package)."""
    installed = set(QFontDatabase.families())
    return not any(f in installed for f in (*SYSTEM_CJK_FAMILIES, *SHIPPED_UI_FAMILIES))


def ui_font_families(default_family: str, shipped: list[str]) -> list[str]:
    """Family list for the application font: Latin face first, Chinese fallbacks after."""
    installed = set(QFontDatabase.families())
    chain = [default_family]
    chain += [f for f in SYSTEM_CJK_FAMILIES if f in installed]
    chain += [f for f in SHIPPED_UI_FAMILIES if f in shipped or f in installed]
    chain += [f for f in shipped if f not in chain]
    return list(dict.fromkeys(chain))


def apply_ui_font(app: QApplication) -> QFont:
    """Make the Chinese UI faces the application font's fallbacks, registering the shipped
    one first where the PC has none of them."""
    shipped = register_fonts() if needs_shipped_font() else []
    font = QFont(app.font())
    font.setFamilies(ui_font_families(font.family(), shipped))
    app.setFont(font)
    return font
