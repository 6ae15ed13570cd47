"""Build script (tooling, not shipped code): make the Chinese fonts in ``resources/fonts/``.

ReportLab embeds only TrueType-outline fonts, and the best free Song face (Noto Serif CJK
SC) ships with CFF outlines, so it is converted once here with fontTools' cu2qu and the
result is committed. The fonts are subset to keep the repository small, but never to
GB2312: common name characters (镕 喆 赟 …) live in GBK only. Run after
``apt-get install fonts-noto-cjk fonts-hanazono`` and ``pip install -r requirements-dev.txt``::

    python scripts/build_fonts.py            # writes resources/fonts/*.ttf
    python scripts/build_fonts.py --check    # only report coverage and sizes

Outputs (families renamed, as the OFL asks of modified versions):

* ``DubanSerifSC-Regular.ttf`` — body (宋体 stand-in), from Noto Serif CJK SC Regular:
  GBK + all of CJK Unified Ideographs + the supplementary-plane ideographs Noto SC has
  (they include the 通用规范汉字表 characters outside the BMP) + punctuation and symbols.
* ``DubanSerifSC-Bold.ttf`` — titles and table headers (小标宋 stand-in), Noto Serif CJK SC
  Bold, GBK + punctuation.
* ``DubanHanFallback-Regular.ttf`` — fallback for what the body lacks (CJK Extension A,
  more of Extension B–G, rare symbols), from HanaMinA (GlyphWiki, Hanazono Font Licence).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "resources" / "fonts"
NOTO_DIR = Path("/usr/share/fonts/opentype/noto")
HANAZONO = Path("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf")
#: cu2qu tolerance in font units (1000/em): 1 unit is 0.016 pt at 三号, invisible in print.
MAX_ERR = 1.0


def gbk_codepoints() -> set[int]:
    """Every character GBK (CP936) can encode, two-byte area plus ASCII."""
    out = set(range(0x20, 0x7F))
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                out.add(ord(bytes((lead, trail)).decode("gbk")))
            except UnicodeDecodeError:
                continue
    return out


def ranges(*pairs: tuple[int, int]) -> set[int]:
    return {cp for lo, hi in pairs for cp in range(lo, hi + 1)}


#: Text punctuation and symbols an office document may carry (all in both weights).
PUNCTUATION = ranges(
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 (× · ° § …)
    (0x2000, 0x206F),  # general punctuation (— … ‘ ’ “ ”)
    (0x2100, 0x215F),  # letterlike, number forms (℃ №)
    (0x2160, 0x217F),  # Roman numerals Ⅰ Ⅱ
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics ① ⑴ ⒈
    (0x25A0, 0x25FF),  # geometric shapes □ ○ ●
    (0x3000, 0x303F),  # CJK symbols and punctuation 、。〈〉《》「」【】〓
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # full-width forms ，；：！？（）
)
SUPPLEMENTARY_IDEOGRAPHS = ranges((0x20000, 0x3134F))
#: CJK Unified Ideographs (the BMP block), complete, not just what GBK lists.
URO = ranges((0x4E00, 0x9FFF))
FALLBACK_BLOCKS = ranges(
    (0x20, 0x52F),  # Latin, IPA, Greek, Cyrillic
    (0x1E00, 0x1FFF),  # Latin and Greek extended (pinyin with tone marks)
    (0x2000, 0x27BF),  # punctuation, symbols, arrows, maths, box drawing, shapes, dingbats
    (0x2E80, 0x2FFF),  # radicals, Kangxi radicals, ideographic description
    (0x3000, 0x33FF),  # CJK punctuation, bopomofo, strokes, enclosed CJK, CJK compatibility
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # URO (only what the body lacks ends up here)
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3134F),  # Extensions B–G and compatibility supplement
)


@dataclass(frozen=True)
class Build:
    out: str
    family: str
    style: str
    source: Path
    #: Index name inside a .ttc ("Noto Serif CJK SC"); None for a plain .ttf.
    face: str | None
    wanted: frozenset[int]
    #: Code points already served by an earlier font: left out to save space.
    exclude_from: str | None = None


def noto_face(path: Path, face: str) -> TTFont:
    for font in TTCollection(path).fonts:
        if font["name"].getDebugName(4) == face:
            return font
    raise SystemExit(f"{face} not found in {path}")


def load(build: Build) -> TTFont:
    if build.face is None:
        return TTFont(build.source)
    return noto_face(build.source, build.face)


def subset_font(font: TTFont, codepoints: Iterable[int]) -> None:
    options = subset.Options()
    # ReportLab does no shaping: layout tables, hinting and vertical metrics are dead weight.
    options.layout_features = []
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.desubroutinize = True
    options.drop_tables += ["VORG", "vhea", "vmtx", "DSIG", "BASE", "GDEF", "GSUB", "GPOS"]
    options.drop_tables += ["FFTM", "GSUB", "JSTF", "MATH"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    # Variation-selector sequences (cmap format 14) mean nothing to ReportLab.
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables if t.format != 14]


def cff_to_glyf(font: TTFont) -> None:
    """fontTools' otf2ttf snippet: cubic CFF outlines → quadratic TrueType outlines."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quad = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        quad[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quad
    del font["CFF "]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        width, _ = hmtx[name]
        hmtx[name] = (width, getattr(glyph, "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    maxp.compile(font)
    font["post"].formatType = 3.0  # no glyph names: 20 000 "cidNNNNN" strings save nothing
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont, family: str, style: str) -> None:
    """New family name: OFL modified versions must not pose as the original."""
    ps_name = f"{family.replace(' ', '')}-{style}"
    names = {1: family, 2: style, 3: f"Duban:{ps_name}", 4: f"{family} {style}", 6: ps_name}
    table = font["name"]
    table.names = [n for n in table.names if n.nameID not in (*names, 16, 17, 18, 21, 22)]
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)
        table.setName(text, name_id, 1, 0, 0)
    desc = "Subset by Duban scripts/build_fonts.py from the original font named in nameID 0/5."
    table.setName(desc, 19, 3, 1, 0x409)


def build_all(check_only: bool) -> int:
    gbk = gbk_codepoints()
    body_wanted = gbk | URO | PUNCTUATION | SUPPLEMENTARY_IDEOGRAPHS
    builds = [
        Build(
            "DubanSerifSC-Regular.ttf",
            "Duban Serif SC",
            "Regular",
            NOTO_DIR / "NotoSerifCJK-Regular.ttc",
            "Noto Serif CJK SC",
            frozenset(body_wanted),
        ),
        Build(
            "DubanSerifSC-Bold.ttf",
            "Duban Serif SC",
            "Bold",
            NOTO_DIR / "NotoSerifCJK-Bold.ttc",
            "Noto Serif CJK SC Bold",
            frozenset(gbk | PUNCTUATION),
        ),
        Build(
            "DubanHanFallback-Regular.ttf",
            "Duban Han Fallback",
            "Regular",
            HANAZONO,
            None,
            # What HanaMinA has and the body lacks, in the blocks Chinese text uses; not its
            # private-use area, braille, Hangul jamo or game symbols.
            frozenset(FALLBACK_BLOCKS),
            exclude_from="DubanSerifSC-Regular.ttf",
        ),
    ]
    served: dict[str, set[int]] = {}
    for build in builds:
        font = load(build)
        available = set(font.getBestCmap())
        wanted = set(build.wanted) & available
        if build.exclude_from:
            # Keep the basic Latin so a fallback run's spaces and digits still have glyphs.
            wanted -= served[build.exclude_from] - set(range(0x20, 0x7F))
        print(f"{build.out}: {len(wanted)} code points from {build.source.name}", flush=True)
        if check_only:
            served[build.out] = wanted
            continue
        subset_font(font, wanted)
        if "CFF " in font:
            cff_to_glyf(font)
        rename(font, build.family, build.style)
        # Keep the source's timestamp: a rebuild from the same inputs gives the same bytes.
        font.recalcTimestamp = False
        buffer = io.BytesIO()
        font.save(buffer)
        target = OUT_DIR / build.out
        target.write_bytes(buffer.getvalue())
        served[build.out] = set(TTFont(target).getBestCmap())
        print(f"  wrote {target.relative_to(REPO)}: {target.stat().st_size / 1e6:.1f} MB")
    body, fallback = served[builds[0].out], served[builds[2].out]
    must_have = "镕喆赟堃昇珺玥旻垚\U00020000\U0002a6a5"
    missing = [ch for ch in must_have if ord(ch) not in body and ord(ch) not in fallback]
    if missing:
        print("NOT COVERED:", "".join(missing))
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only, write nothing")
    args = parser.parse_args(argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    return build_all(args.check)


if __name__ == "__main__":
    sys.exit(main())
