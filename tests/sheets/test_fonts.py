"""Fonts of the PDF sheets: coverage (GBK and beyond), fallback runs, escaping, files."""

from __future__ import annotations

import pytest
from reportlab.platypus import Paragraph

from runtime.resources import resource_path
from sheets import fonts
from sheets.typography import Styles
from tests.sheets.conftest import EXT_B, RARE_NAMES


def gbk_characters() -> list[str]:
    out = []
    for lead in range(0x81, 0xFF):
        for trail in (*range(0x40, 0x7F), *range(0x80, 0xFF)):
            try:
                out.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return out


def test_every_gbk_character_has_a_glyph_in_body_and_title_chains() -> None:
    chars = gbk_characters()
    assert len(chars) > 21_000
    for base in (fonts.BODY, fonts.BOLD):
        missing = [ch for ch in chars if fonts.font_for(ch, base) is None]
        assert missing == [], f"{base}: {''.join(missing[:50])}"


def test_gbk_hanzi_are_set_in_the_song_faces_themselves() -> None:
    """Only GBK's odd symbols may come from the fallback; every GBK hanzi is Song."""
    hanzi = [ch for ch in gbk_characters() if 0x4E00 <= ord(ch) <= 0x9FFF]
    for base in (fonts.BODY, fonts.BOLD):
        cover = fonts.coverage(base)
        assert [ch for ch in hanzi if ord(ch) not in cover] == []


def test_rare_name_characters_are_in_the_body_font() -> None:
    for ch in RARE_NAMES.replace("、", ""):
        assert fonts.font_for(ch) == fonts.BODY, ch
        assert fonts.font_for(ch, fonts.BOLD) == fonts.BOLD, ch


def test_extension_b_characters_come_from_the_fallback_font() -> None:
    runs = list(fonts.font_runs("李" + EXT_B + "同志"))
    assert runs == [(fonts.BODY, "李"), (fonts.FALLBACK, EXT_B), (fonts.BODY, "同志")]
    bold_runs = list(fonts.font_runs("李" + EXT_B, fonts.BOLD))
    assert bold_runs == [(fonts.BOLD, "李"), (fonts.FALLBACK, EXT_B)]


def test_extension_a_is_covered_by_the_fallback() -> None:
    assert fonts.font_for("\u3400") == fonts.FALLBACK  # 㐀
    assert fonts.font_for("\u4db5") == fonts.FALLBACK  # 䶵


def test_a_character_no_font_has_becomes_a_visible_geta_mark() -> None:
    uncovered = next(
        chr(cp)
        for cp in range(0x2A700, 0x2B73F)
        if all(cp not in fonts.coverage(f) for f in fonts.FONT_FILES)
    )
    assert fonts.markup("王" + uncovered) == "王" + fonts.MISSING_GLYPH


def test_markup_escapes_xml_and_keeps_line_breaks() -> None:
    text = '<b>a&b</b> "x"\n第二行\t完'
    out = fonts.markup(text)
    assert out == '&lt;b&gt;a&amp;b&lt;/b&gt; "x"<br/>第二行 完'
    Paragraph(out, Styles().cell)  # parses


def test_invisible_characters_are_dropped_not_replaced() -> None:
    assert fonts.markup("葛\U000e0100\u200b\ufeff一\x07") == "葛一"


def test_font_files_and_licences_are_shipped_and_small() -> None:
    folder = resource_path("fonts")
    total = 0
    for file_name in fonts.FONT_FILES.values():
        path = folder / file_name
        assert path.is_file()
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType outlines, not CFF
        total += path.stat().st_size
    assert total < 26_000_000
    for licence in ("LICENSE-NotoSerifCJK-OFL.txt", "LICENSE-Hanazono.txt", "README.md"):
        assert (folder / licence).is_file(), licence


def test_compressed_font_reads_back_identical(tmp_path, monkeypatch) -> None:
    """The office bundle ships the PDF fonts as .xz; they must read back byte for byte."""
    import lzma
    import sys

    from runtime.resources import resource_bytes, resource_path

    name = fonts.FONT_FILES[fonts.FALLBACK]
    original = resource_path("fonts", name).read_bytes()
    (tmp_path / "resources" / "fonts").mkdir(parents=True)
    (tmp_path / "resources" / "fonts" / (name + ".xz")).write_bytes(lzma.compress(original))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_bytes("fonts", name) == original
    with pytest.raises(FileNotFoundError):
        resource_bytes("fonts", "no-such-font.ttf")
