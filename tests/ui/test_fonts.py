"""The window's shipped Hei face: registered from the compressed copy the office bundle
carries, and only on a PC without a Chinese UI face of its own."""

from __future__ import annotations

import lzma
import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from runtime.resources import resource_path
from ui import fonts

SHIPPED = resource_path("fonts", "ui", "wqy-microhei.ttc")


@pytest.fixture
def packed_fonts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """resources/fonts/ui as the bundle ships it: the face as .xz, the licences beside."""
    folder = tmp_path / "fonts" / "ui"
    folder.mkdir(parents=True)
    for licence in SHIPPED.parent.glob("*.txt"):
        shutil.copy(licence, folder)
    (folder / (SHIPPED.name + ".xz")).write_bytes(lzma.compress(SHIPPED.read_bytes()))
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    monkeypatch.setattr(fonts, "_registered", None)
    return folder


def test_compressed_face_registers_with_its_chinese_coverage(
    qapp: QApplication, packed_fonts: Path
) -> None:
    assert [p.name for p in fonts.shipped_font_files()] == ["wqy-microhei.ttc.xz"]
    families = fonts.register_fonts()
    assert "WenQuanYi Micro Hei" in families
    font = QFont("WenQuanYi Micro Hei", 12)
    font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # this face's own glyphs only
    metrics = QFontMetrics(font)
    # 督办 and GBK-only name characters (not in GB2312) all have glyphs
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "督办镕喆赟堃昇珺玥旻垚")


def test_shipped_face_is_registered_only_where_the_pc_lacks_one(
    qapp: QApplication, packed_fonts: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = set(QFontDatabase.families())
    if not any(f in installed for f in fonts.SYSTEM_CJK_FAMILIES):
        pytest.skip("this machine has none of the well-known Chinese UI faces")
    fonts.apply_ui_font(qapp)
    assert fonts._registered is None  # nothing unpacked, nothing registered
    monkeypatch.setattr(fonts, "SYSTEM_CJK_FAMILIES", ("No Such Face",))
    monkeypatch.setattr(fonts, "SHIPPED_UI_FAMILIES", ("No Such Hei",))
    assert fonts.needs_shipped_font()
    font = fonts.apply_ui_font(qapp)
    assert fonts._registered and "WenQuanYi Micro Hei" in font.families()
