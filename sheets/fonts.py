"""PDF sheets layer: the shipped Chinese fonts, registered with ReportLab, and per-glyph fallback.

ReportLab has no font fallback: a character the font lacks silently disappears from the
PDF. So every piece of user text goes through :func:`markup`, which splits it into runs by
font coverage (the fonts' cmaps) and sets each run in the first font of a chain that has
the glyph. A character no shipped font has is replaced by 〓 (GETA MARK, the usual Chinese
placeholder for a missing glyph) so the loss is visible on paper instead of silent.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from functools import cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts

from runtime.resources import resource_bytes

#: Song (Ming) body face: Noto Serif CJK SC, GBK + all URO + Noto's non-BMP ideographs.
BODY = "DubanSong"
#: Bold Song for titles and table headers (小标宋 stand-in): Noto Serif CJK SC Bold, GBK.
BOLD = "DubanSongBold"
#: HanaMinA subset: CJK Extension A, more of Extension B–G, symbols the body lacks.
FALLBACK = "DubanHanFallback"

FONT_FILES: dict[str, str] = {
    BODY: "DubanSerifSC-Regular.ttf",
    BOLD: "DubanSerifSC-Bold.ttf",
    FALLBACK: "DubanHanFallback-Regular.ttf",
}

#: Where to look, in order, for a glyph the named font lacks. A bold run falls back to the
#: regular Song before the fallback face, which keeps the Song style for rare characters.
FALLBACK_CHAINS: dict[str, tuple[str, ...]] = {
    BODY: (BODY, FALLBACK),
    BOLD: (BOLD, BODY, FALLBACK),
    FALLBACK: (FALLBACK, BODY),
}

MISSING_GLYPH = "\u3013"  # 〓

_lock = threading.Lock()
_registered = False

#: Characters that are not drawn but must not count as "missing" either.
_LAYOUT_CHARS = frozenset("\n")


def register_fonts() -> None:
    """Register the shipped fonts once per process (safe to call from worker threads)."""
    global _registered
    with _lock:
        if _registered:
            return
        _patch_to_unicode_cmap()
        for name, file_name in FONT_FILES.items():
            try:
                data = resource_bytes("fonts", file_name)
            except FileNotFoundError as exc:
                raise FileNotFoundError(f"missing font {exc}; run scripts/build_fonts.py") from None
            # From memory: the office bundle ships the fonts compressed (runtime.resources).
            font_file = io.BytesIO(data)
            font_file.name = file_name  # ReportLab names the embedded font file after it
            pdfmetrics.registerFont(ttfonts.TTFont(name, font_file))
        # Lets <b> inside a body paragraph pick the bold Song.
        pdfmetrics.registerFontFamily(BODY, normal=BODY, bold=BOLD, italic=BODY, boldItalic=BOLD)
        _registered = True


@cache
def coverage(font_name: str) -> frozenset[int]:
    """The code points the registered font has a glyph for (its cmap)."""
    register_fonts()
    font = pdfmetrics.getFont(font_name)
    char_to_glyph: dict[int, int] = font.face.charToGlyph
    return frozenset(cp for cp, glyph in char_to_glyph.items() if glyph)


def font_for(char: str, base: str = BODY) -> str | None:
    """First font of ``base``'s fallback chain that has ``char``; None if no font does."""
    cp = ord(char)
    for name in FALLBACK_CHAINS[base]:
        if cp in coverage(name):
            return name
    return None


def font_runs(text: str, base: str = BODY) -> Iterator[tuple[str, str]]:
    """Split ``text`` into ``(font name, run)`` pairs by glyph coverage.

    Characters no font has come back as :data:`MISSING_GLYPH` in the base font.
    """
    run: list[str] = []
    run_font = base
    for char in text:
        found = run_font if char in _LAYOUT_CHARS else font_for(char, base)
        if found is None:
            char, found = MISSING_GLYPH, base
        font = found
        if font != run_font and run:
            yield run_font, "".join(run)
            run = []
        run_font = font
        run.append(char)
    if run:
        yield run_font, "".join(run)


def _invisible(ch: str) -> bool:
    """Controls, zero-width marks and variation selectors: nothing to draw, nothing lost."""
    cp = ord(ch)
    return (
        cp < 0x20
        or 0x7F <= cp < 0xA0
        or 0x200B <= cp <= 0x200F
        or cp == 0xFEFF
        or 0xFE00 <= cp <= 0xFE0F
        or 0xE0100 <= cp <= 0xE01EF
    )


def clean_text(text: str) -> str:
    """Normalise user text for a paragraph: tabs to spaces, invisible characters out."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(ch for ch in text if ch == "\n" or not _invisible(ch))


def markup(text: str, base: str = BODY) -> str:
    """ReportLab paragraph markup for plain user text: escaped, fallback runs in <font>.

    Line breaks in the text become ``<br/>``. The base font itself is not named in the
    markup; it comes from the paragraph style.
    """
    parts: list[str] = []
    for font, run in font_runs(clean_text(text), base):
        escaped = escape(run).replace("\n", "<br/>")
        parts.append(escaped if font == base else f'<font face="{font}">{escaped}</font>')
    return "".join(parts)


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ``makeToUnicodeCMap`` with UTF-16BE targets (surrogate pairs above the BMP)."""
    codes = [chr(code).encode("utf-16-be").hex().upper() for code in subset]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{code}>" for index, code in enumerate(codes)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _patch_to_unicode_cmap() -> None:
    """Make ReportLab's ToUnicode CMap correct for characters outside the BMP.

    ReportLab writes each code point as ``<%04X>``: five hex digits for an Extension-B
    character, which viewers copy and search as garbage. PDF wants UTF-16BE there. The
    function is looked up as a module global when a font is embedded, so replacing it
    there is enough; for BMP characters the output is the same as ReportLab's.
    """
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
