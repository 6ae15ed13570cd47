"""Reading back the Word sheets: text, fonts, tables, page set-up, converted PDFs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from runtime.resources import resource_path
from sheets.word.schema import SEQUENCES, local

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def open_docx(path: Path) -> Document:
    return docx.Document(str(path))


def all_text(doc: Document) -> str:
    """Every w:t of the body in order (paragraphs and table cells), whitespace squashed."""
    texts = doc.element.body.iter(qn("w:t"))
    return re.sub(r"\s+", "", "".join(t.text or "" for t in texts))


def east_asia_fonts(paragraph: Paragraph) -> set[str]:
    out = set()
    for run in paragraph.runs:
        fonts = run._element.rPr.rFonts if run._element.rPr is not None else None
        if fonts is not None and run.text.strip():
            out.add(fonts.get(qn("w:eastAsia")))
    return out


def paragraph_with(doc: Document, text: str) -> Paragraph:
    for para in doc.paragraphs:
        if text in para.text.replace("\n", ""):
            return para
    raise AssertionError(f"no paragraph with {text!r}")


def header_repeats(table: Table) -> bool:
    tr_pr = table.rows[0]._tr.trPr
    return tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None


def table_texts(table: Table) -> list[list[str]]:
    return [[re.sub(r"\s+", "", c.text) for c in row.cells] for row in table.rows]


def font_table(doc: Document) -> dict[str, str]:
    """Font name → altName declared in the font table."""
    part = next(r.target_part for r in doc.part.rels.values() if r.reltype.endswith("/fontTable"))
    root = etree.fromstring(part.blob)
    out = {}
    for font in root.findall(f"{{{W}}}font"):
        alt = font.find(f"{{{W}}}altName")
        out[font.get(f"{{{W}}}name")] = alt.get(f"{{{W}}}val") if alt is not None else ""
    return out


def footer_xml(doc: Document) -> str:
    section = doc.sections[0]
    return etree.tostring(section.footer._element, encoding="unicode") + etree.tostring(
        section.even_page_footer._element, encoding="unicode"
    )


def soffice() -> str:
    """LibreOffice, which scripts/install-system-deps.sh installs; the tests need it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    assert found, "LibreOffice (soffice) missing: run scripts/install-system-deps.sh"
    return found


def to_pdf(path: Path, out_dir: Path) -> Path:
    """Convert with LibreOffice headless, in its own throwaway profile.

    fontconfig also sees the shipped Song faces, so a machine without any Chinese font
    (a bare CI root) still draws and extracts the Chinese text.
    """
    profile = out_dir / "lo-profile"
    conf = out_dir / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resource_path('fonts')}</dir></fontconfig>",
        encoding="utf-8",
    )
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
        env=dict(os.environ, FONTCONFIG_FILE=str(conf)),
    )
    pdf = out_dir / (path.stem + ".pdf")
    assert pdf.is_file(), f"LibreOffice wrote no PDF for {path.name}"
    return pdf


def out_of_order(doc: Document) -> list[str]:
    """Property elements whose children break the schema's order (Word rejects some files
    that break it), in the body, the styles and the footers."""
    roots = [doc.element, doc.styles.element]
    roots += [s.footer._element for s in doc.sections]
    roots += [s.even_page_footer._element for s in doc.sections]
    bad = []
    for root in roots:
        for element in root.iter():
            sequence = SEQUENCES.get(local(element.tag))
            if not sequence or not element.tag.startswith(f"{{{W}}}"):
                continue
            order = [qn(f"w:{tag}") for tag in sequence]
            positions = [order.index(child.tag) for child in element if child.tag in order]
            if positions != sorted(positions):
                bad.append(f"{element.tag}: {[c.tag.split('}')[1] for c in element]}")
    return bad
