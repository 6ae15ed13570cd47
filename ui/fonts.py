"""Window layer: register the shipped Chinese fonts so text never renders as boxes.

A PC with no Chinese font installed (a fresh Windows image in English, a minimal Linux)
draws every 汉字 as a box. The Hei face in ``resources/fonts/ui/`` (WenQuanYi Micro Hei,
Apache-2.0, licence beside it) is registered with Qt and the application font gets a family
list: the platform's own UI face for Latin text, then well-known Chinese UI faces if present,
then the shipped face as the last resort. The Song faces in ``resources/fonts/`` are for the
PDF sheets and are not loaded here (they would only slow the start).
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from runtime.resources import resource_path

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


def register_fonts() -> list[str]:
    """Register every shipped font once; return the font families Qt now knows from them."""
    global _registered
    if _registered is not None:
        return _registered
    families: list[str] = []
    root = resource_path("fonts", "ui")
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in FONT_SUFFIXES)
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not register font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    _registered = families
    log.debug("registered font families: %s", families)
    return families


def ui_font_families(default_family: str, shipped: list[str]) -> list[str]:
    """Family list for the application font: Latin face first, Chinese fallbacks after."""
    installed = set(QFontDatabase.families())
    chain = [default_family]
    chain += [f for f in SYSTEM_CJK_FAMILIES if f in installed]
    chain += [f for f in SHIPPED_UI_FAMILIES if f in shipped]
    chain += [f for f in shipped if f not in chain]
    return list(dict.fromkeys(chain))


def apply_ui_font(app: QApplication) -> QFont:
    """Register the shipped fonts and make them the application font's fallbacks."""
    shipped = register_fonts()
    font = QFont(app.font())
    font.setFamilies(ui_font_families(font.family(), shipped))
    app.setFont(font)
    return font
