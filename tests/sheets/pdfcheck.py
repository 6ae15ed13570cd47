"""Test helpers that look inside a PDF: fonts and where the text sits."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader

MM = 72 / 25.4


def page_fonts(path: Path) -> dict[str, Any]:
    """BaseFont name → font dictionary, over all pages (ReportLab uses simple TrueType)."""
    found: dict[str, Any] = {}
    for page in PdfReader(path).pages:
        resources = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def embedded(font: Any) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def text_positions(path: Path, page_index: int = 0) -> list[tuple[float, float, str]]:
    """(x, y, text) of every non-blank text run on the page, in page coordinates."""
    out: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: Any) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        out.append((x, y, text))

    PdfReader(path).pages[page_index].extract_text(visitor_text=visit)
    return out
