"""Plan intake: Office files are zip archives; read their parts without trusting sizes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

from plan_parser.errors import PlanParseError

#: A plan is text: a part inflating past this is a zip bomb or not a plan.
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024


def open_office_zip(path: Path, kind: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise PlanParseError(
            "damaged", f"这个{kind}文件已损坏或不完整，无法打开。请在原软件中重新保存后再导入。"
        ) from None
    if sum(info.file_size for info in archive.infolist()) > MAX_TOTAL_BYTES:
        archive.close()
        raise PlanParseError("too_large", f"这个{kind}文件解压后过大，不像是一份分工方案。")
    return archive


def read_xml(archive: zipfile.ZipFile, name: str, kind: str) -> ET.Element | None:
    """The part parsed as XML, None when the part is absent; damaged parts are refused."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise PlanParseError("too_large", f"这个{kind}文件中的内容过大，不像是一份分工方案。")
    try:
        data = archive.read(info)
        # ElementTree never fetches external entities; expat caps entity expansion.
        return ET.fromstring(data)
    except (zipfile.BadZipFile, zlib.error, ET.ParseError, OSError, ValueError, RuntimeError):
        raise PlanParseError(
            "damaged", f"这个{kind}文件已损坏，无法读取其内容。请在原软件中重新保存后再导入。"
        ) from None
