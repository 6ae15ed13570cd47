"""What a file is comes from its bytes; names are made safe; caps come from the plan."""

from __future__ import annotations

import io

import pytest

from domain.attachment_sniff import sniff, sniff_bytes
from domain.attachments import (
    DEFAULT_LIMITS,
    AttachmentKind,
    AttachmentLimits,
    AttachmentRef,
    AttachmentRefused,
    PdfRisk,
    RefusalCode,
    check_report,
    limits_in_force,
    safe_file_name,
)
from tests.attachments import samples


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (samples.pdf_bytes(3), "纪要.pdf", AttachmentKind.PDF),
        (samples.jpeg_bytes(), "现场照片.JPG", AttachmentKind.JPEG),
        (samples.png_bytes(), "截图.png", AttachmentKind.PNG),
        (samples.docx_bytes(), "会议纪要.docx", AttachmentKind.DOCX),
        (samples.xlsx_bytes(), "台账.xlsx", AttachmentKind.XLSX),
        (samples.ofd_bytes(), "批复.ofd", AttachmentKind.OFD),
        ("推进情况说明：已完成。\n".encode(), "说明.txt", AttachmentKind.TEXT),
        ("推进情况说明：已完成。\r\n".encode("gb18030"), "说明.txt", AttachmentKind.TEXT),
        (samples.jpeg_bytes(), "照片.pdf", AttachmentKind.JPEG),  # content decides, not name
    ],
)
def test_allowed_kinds_by_content(data: bytes, name: str, kind: AttachmentKind) -> None:
    assert sniff_bytes(data, name).kind is kind


def test_pdf_pages_and_clean_pdf_has_no_risks() -> None:
    found = sniff_bytes(samples.pdf_bytes(3), "a.pdf")
    assert found.pages == 3
    assert found.risks == frozenset()


def test_pdf_javascript_even_hex_escaped_and_embedded_files_are_flagged() -> None:
    assert PdfRisk.JAVASCRIPT in sniff_bytes(samples.pdf_with_javascript(), "a.pdf").risks
    assert PdfRisk.EMBEDDED_FILE in sniff_bytes(samples.pdf_with_embedded_file(), "a.pdf").risks


def test_names_inside_stream_data_are_not_risks() -> None:
    """Image bytes in a scan contain '/JS ' by chance: only the PDF's objects count."""
    body = b"\xff\xd8 random image bytes /JS /Launch /EmbeddedFile " * 100
    stream = b"\n8 0 obj\n<< /Length %d /Filter /DCTDecode >>\nstream\n" % len(body)
    found = sniff_bytes(samples.pdf_bytes(2, stream + body + b"\nendstream\nendobj\n"), "a.pdf")
    assert found.risks == frozenset() and found.pages == 2


def test_javascript_inside_a_compressed_object_stream_is_flagged() -> None:
    import zlib

    hidden = zlib.compress(b"9 0 << /S /JavaScript /JS (app.alert(1)) >>")
    stream = (
        b"\n10 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\n"
        b"stream\n" % len(hidden) + hidden + b"\nendstream\nendobj\n"
    )
    assert PdfRisk.JAVASCRIPT in sniff_bytes(samples.pdf_bytes(1, stream), "a.pdf").risks


def test_pdf_bomb_is_refused_without_holding_its_output() -> None:
    bomb = samples.pdf_bomb(300)
    assert len(bomb) < 2 * 1024 * 1024
    with pytest.raises(AttachmentRefused) as caught:
        sniff_bytes(bomb, "炸弹.pdf")
    assert caught.value.code is RefusalCode.PDF_BOMB
    assert caught.value.file_name == "炸弹.pdf"


def test_many_small_bombs_exhaust_the_files_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from domain import attachment_sniff

    monkeypatch.setattr(attachment_sniff, "MAX_TOTAL_INFLATE", 40 * 1024 * 1024)
    one = samples.pdf_bomb(16)  # each stream alone is fine (16 MB)
    streams = one[one.index(b"\n8 0 obj") :]
    with pytest.raises(AttachmentRefused) as caught:
        sniff_bytes(samples.pdf_bytes(1, streams * 3), "三个.pdf")
    assert caught.value.code is RefusalCode.PDF_BOMB
    assert sniff_bytes(samples.pdf_bytes(1, streams * 2), "两个.pdf").kind is AttachmentKind.PDF


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (samples.executable_bytes(), "会议纪要.pdf", RefusalCode.EXECUTABLE),
        (b"MZ\x90\x00" + bytes(200), "scan.jpg", RefusalCode.EXECUTABLE),
        (samples.plain_zip_bytes(), "方案.docx", RefusalCode.NOT_OFFICE),
        (samples.docm_bytes(), "会议纪要.docx", RefusalCode.MACRO),
        (samples.docx_bytes(), "会议纪要.docm", RefusalCode.MACRO),
        (b"", "空.pdf", RefusalCode.EMPTY),
        (b"@echo off\r\ndel *.*\r\n", "run.bat", RefusalCode.SCRIPT),
        (b"#!/bin/sh\nrm -rf ~\n", "说明.txt", RefusalCode.SCRIPT),
        (b"<html><script>alert(1)</script></html>", "页面.html", RefusalCode.SCRIPT),
        (b"Rar!\x1a\x07\x00" + bytes(50), "材料.pdf", RefusalCode.ARCHIVE),
        (b"\x1f\x8b\x08" + bytes(50), "材料.txt", RefusalCode.ARCHIVE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "旧.doc", RefusalCode.OLD_OFFICE),
        (bytes(range(256)) * 4, "数据.bin", RefusalCode.UNKNOWN_TYPE),
    ],
)
def test_refused_by_content_naming_the_file(data: bytes, name: str, code: RefusalCode) -> None:
    with pytest.raises(AttachmentRefused) as caught:
        sniff(io.BytesIO(data), len(data), name)
    assert caught.value.code is code
    assert caught.value.file_name == name


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\System32\\会议纪要.pdf", "会议纪要.pdf"),
        ("纪要\x00.exe.pdf", "纪要.exe.pdf"),
        ("报告\u202efdp.exe", "报告fdp.exe"),  # right-to-left override removed
        ("a\nb\tc.txt", "abc.txt"),
        ('问:题*?"<>|.pdf', "问_题______.pdf"),
        ("  ..隐藏.pdf. ", "隐藏.pdf"),
        ("CON.txt", "_CON.txt"),
        ("", "附件"),
        ("../", "附件"),
    ],
)
def test_safe_file_names(raw: str, safe: str) -> None:
    assert safe_file_name(raw) == safe


def test_long_names_are_capped_keeping_the_extension_and_chinese() -> None:
    name = safe_file_name("关于知识产权" * 50 + ".pdf")
    assert len(name) == 120
    assert name.endswith(".pdf") and name.startswith("关于知识产权")


def test_report_caps() -> None:
    limits = AttachmentLimits(max_file_bytes=100, max_files=2, max_report_bytes=150)

    def ref(name: str, size: int) -> AttachmentRef:
        return AttachmentRef("0" * 64, name, size, AttachmentKind.TEXT)

    check_report([ref("a", 100), ref("b", 50)], limits)
    for refs, code in (
        ([ref("大.pdf", 101)], RefusalCode.TOO_LARGE),
        ([ref("a", 10), ref("b", 10), ref("c", 10)], RefusalCode.TOO_MANY),
        ([ref("a", 100), ref("b", 60)], RefusalCode.REPORT_TOO_LARGE),
    ):
        with pytest.raises(AttachmentRefused) as caught:
            check_report(refs, limits)
        assert caught.value.code is code


def test_limits_follow_the_latest_readable_change() -> None:
    small = AttachmentLimits(max_file_bytes=10 * 1024 * 1024, max_files=5)
    assert limits_in_force([]) == DEFAULT_LIMITS
    changes = [
        ((2, "a", "x"), small.to_payload()),
        ((1, "a", "y"), DEFAULT_LIMITS.to_payload()),
        ((3, "a", "z"), '{"max_files": -1}'),  # unreadable: kept in the log, not applied
    ]
    assert limits_in_force(changes) == small
