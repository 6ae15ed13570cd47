"""Plan intake: which kind of file a clerk chose, by its first bytes rather than its name.

A file saved by WPS as ".doc" may really be a .docx, and a .txt may be anything; the
content decides. Formats that cannot be read get one sentence saying what to do instead.
"""

from __future__ import annotations

import zipfile
from enum import Enum
from pathlib import Path

from plan_parser.errors import PlanParseError


class Format(Enum):
    TEXT = "text"
    DOCX = "docx"
    XLSX = "xlsx"
    PDF = "pdf"


_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS_WORD = (
    "这是旧版 Word/WPS 文档（.doc/.wps），无法直接读取，"
    "请在 Word 或 WPS 中另存为 .docx 或 PDF 后再导入。"
)
_SAVE_AS_XLSX = (
    "这是旧版 Excel/WPS 表格（.xls/.et），无法直接读取，请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
)
_OFD = (
    "这是 OFD 版式文件，无法直接读取，请用 OFD 阅读器另存为 PDF，或向发文单位索取 .docx 后再导入。"
)
_ODF = "这是 OpenDocument 文件（.odt/.ods），无法直接读取，请另存为 .docx、.xlsx 或 PDF 后再导入。"


def detect(path: Path, head: bytes) -> Format:
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-") or (b"%PDF-" in head[:1024] and suffix == ".pdf"):
        return Format.PDF
    if head.startswith(_OLE_MAGIC):
        raise PlanParseError(
            "old_format", _SAVE_AS_XLSX if suffix in (".xls", ".et") else _SAVE_AS_WORD
        )
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    if suffix == ".ofd":
        raise PlanParseError("old_format", _OFD)
    if suffix in (".doc", ".wps"):
        raise PlanParseError("old_format", _SAVE_AS_WORD)
    if suffix in (".xls", ".et"):
        raise PlanParseError("old_format", _SAVE_AS_XLSX)
    if suffix in (".docx", ".xlsx", ".pdf"):
        raise PlanParseError(
            "damaged",
            f"这个文件的扩展名是 {suffix}，但内容不是这种格式，可能已损坏，请重新保存后再导入。",
        )
    return Format.TEXT


def _zip_format(path: Path) -> Format:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        raise PlanParseError(
            "damaged", "这个文件已损坏或不完整（压缩包无法打开），请在原软件中重新保存后再导入。"
        ) from None
    if "word/document.xml" in names:
        return Format.DOCX
    if "xl/workbook.xml" in names:
        return Format.XLSX
    if "OFD.xml" in names or any(n.lower().endswith("ofd.xml") for n in names):
        raise PlanParseError("old_format", _OFD)
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise PlanParseError("old_format", _ODF)
    raise PlanParseError(
        "unknown_format",
        "无法识别这个文件的格式：请选择 .docx、.pdf、.xlsx 或 .txt 格式的分工方案。",
    )
