"""Files a clerk may pick: read by content, refused with one clear Chinese sentence."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from plan_intake import parse_plan_document, read_plan_text
from plan_intake.pdf_reader import PrintedLine, paragraphs
from plan_parser import PlanParseError
from tests.conftest import SEED_PATH

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600


def refused(path: Path) -> PlanParseError:
    with pytest.raises(PlanParseError) as caught:
        parse_plan_document(path)
    return caught.value


@pytest.mark.parametrize("name", ["方案.doc", "方案.wps"])
def test_old_word_files_asked_to_be_saved_as_docx_or_pdf(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(OLE)
    error = refused(path)
    assert error.code == "old_format" and ".docx" in error.message_zh and "PDF" in error.message_zh
    assert error.message_zh.count("。") == 1


def test_old_excel_asked_for_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "台账.xls"
    path.write_bytes(OLE)
    assert ".xlsx" in refused(path).message_zh


def test_ofd_asked_for_pdf(tmp_path: Path) -> None:
    path = tmp_path / "方案.ofd"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
    error = refused(path)
    assert error.code == "old_format" and "PDF" in error.message_zh


def test_a_docx_that_is_really_text_is_read_as_text(tmp_path: Path) -> None:
    """The content decides: a renamed text file still reads."""
    path = tmp_path / "方案.txt"
    path.write_bytes(SEED_PATH.read_bytes())
    assert parse_plan_document(path).task_count == 60
    fake = tmp_path / "方案.docx"
    fake.write_bytes(b"not a zip at all")
    assert refused(fake).code == "damaged"


def test_damaged_word_file(tmp_path: Path) -> None:
    path = tmp_path / "方案.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w:document><unclosed>")
    error = refused(path)
    assert error.code == "damaged" and "Word" in error.message_zh


def test_scanned_pdf_without_text_gets_a_message_not_ocr(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(3):
        pdf.rect(50, 50, 400, 700, fill=1)  # a page that is only a picture
        pdf.showPage()
    pdf.save()
    error = refused(path)
    assert error.code == "no_text_layer"
    assert "扫描件" in error.message_zh and "文字识别" in error.message_zh


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "方案.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    assert refused(path).code in ("damaged", "no_text_layer")


def _line(page: int, x: float, y: float, text: str, size: float = 16.0) -> PrintedLine:
    return PrintedLine(page, x, y, x + size * len(text), size, text)


def test_pdf_lines_rejoined_across_pages_furniture_dropped_labels_reattached() -> None:
    head = "某市重点任务分工方案"
    lines = [
        _line(1, 100, 800, head, 10.5),
        _line(1, 112, 700, "一、优化营商环境"),
        _line(1, 112, 670, "1."),  # label printed apart from its text
        _line(1, 112, 640, "推行一网通办，实现企业开办一日办结，全面"),
        _line(1, 80, 610, "压缩审批时限，提升服务效能，让企业少跑腿好"),
        _line(1, 80, 580, "办（每一行都排满，直到页面右边的边距为止）"),
        _line(1, 260, 40, "— 1 —", 14),
        _line(2, 100, 800, head, 10.5),
        _line(2, 80, 700, "事。（市政务服务局负责）"),
        _line(2, 112, 670, "2.保障用地，盘活存量，做好园区的土地收储与"),
        _line(2, 80, 640, "供应。（市自然资源局负责）"),
        _line(2, 250, 40, "- 2 -", 14),
        _line(3, 100, 800, head, 10.5),
        _line(3, 112, 700, "3.稳住外资。（市商务局负责）"),
        _line(3, 270, 40, "第3页", 14),
    ]
    assert paragraphs(lines) == [
        "一、优化营商环境",
        "1.推行一网通办，实现企业开办一日办结，全面压缩审批时限，提升服务效能，让企业少跑腿好"
        "办（每一行都排满，直到页面右边的边距为止）事。（市政务服务局负责）",
        "2.保障用地，盘活存量，做好园区的土地收储与供应。（市自然资源局负责）",
        "3.稳住外资。（市商务局负责）",
    ]


def test_text_files_still_read_in_their_encodings(tmp_path: Path) -> None:
    path = tmp_path / "方案.md"
    path.write_bytes(SEED_PATH.read_text(encoding="utf-8").encode("gb18030"))
    assert read_plan_text(path) == SEED_PATH.read_text(encoding="utf-8")
