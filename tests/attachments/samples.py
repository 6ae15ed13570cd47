"""Real evidence files for the attachment tests: made by the libraries offices' files come
from (ReportLab PDF, Pillow JPEG/PNG, openpyxl XLSX, a Word-made DOCX) and hostile ones."""

from __future__ import annotations

import io
import sys
import zipfile
import zlib
from pathlib import Path

from openpyxl import Workbook
from PIL import Image
from reportlab.pdfgen import canvas

from tests.conftest import REPO_ROOT

DOCX = REPO_ROOT / "tests" / "data" / "attachments" / "会议纪要.docx"


def pdf_bytes(pages: int = 2, extra: bytes = b"") -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out)
    for n in range(pages):
        c.drawString(72, 720, f"page {n + 1}")
        c.showPage()
    c.save()
    data = out.getvalue()
    if extra:  # an incremental update appended, as editors do
        data += extra
    return data


def pdf_with_javascript() -> bytes:
    action = b"\n9 0 obj\n<< /Type /Action /S /J#61vaScript /JS (app.alert(1)) >>\nendobj\n"
    return pdf_bytes(1, action)


def pdf_with_embedded_file() -> bytes:
    return pdf_bytes(1, b"\n9 0 obj\n<< /Type /EmbeddedFile /Length 3 >>\nstream\nabc\nendstream\n")


def pdf_bomb(inflated_mb: int = 300) -> bytes:
    """A small PDF whose one Flate stream inflates to ``inflated_mb`` MB of zeros."""
    packer = zlib.compressobj(9)
    block = bytes(1 << 20)
    body = b"".join(packer.compress(block) for _ in range(inflated_mb)) + packer.flush()
    stream = (
        b"\n8 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body)
        + body
        + b"\nendstream\nendobj\n"
    )
    return pdf_bytes(1, stream)


def jpeg_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 32), (30, 30, 200)).save(out, "PNG")
    return out.getvalue()


def xlsx_bytes() -> bytes:
    book = Workbook()
    book.active.append(["任务", "进展"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def docx_bytes() -> bytes:
    return DOCX.read_bytes()


def docm_bytes() -> bytes:
    """The Word file turned macro-enabled: content type changed, a vbaProject part added."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"officedocument.wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml",
                )
            dst.writestr(info, data)
        dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return out.getvalue()


def plain_zip_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("说明.txt", "不是 Office 文件")
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def ofd_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "OFD.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        archive.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    return out.getvalue()


def executable_bytes() -> bytes:
    """A real program: this Python interpreter (ELF here, PE on Windows)."""
    path = Path(sys.executable).resolve()
    with open(path, "rb") as f:
        return f.read(64 * 1024)


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
