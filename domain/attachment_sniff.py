"""Domain layer: what a file is, from its bytes (magic numbers), for 佐证材料.

Allowed: PDF, JPEG, PNG, Word/Excel as real Office Open XML (a zip whose
``[Content_Types].xml`` names the document's main part, and that part exists), OFD (GB/T
33190: a zip with ``OFD.xml``), and plain text in UTF-8 or GB18030. Refused, whatever the
name says: programs, scripts and names that run when opened, archives, macro-enabled
Office files, old binary Office files, and anything else. PDFs are also scanned for
JavaScript, embedded files and launch actions (flagged to the clerk, not refused), and a
compressed stream that inflates past a bound is refused as a bomb.

Works on any seekable binary file object (a local file, or an attachment read back in
chunks from the database), reading it in bounded pieces: never the whole file at once.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from domain.attachments import (
    MACRO_EXTENSIONS,
    RUNNABLE_EXTENSIONS,
    AttachmentKind,
    AttachmentRefused,
    PdfRisk,
    RefusalCode,
    extension_of,
)

_PIECE = 1 << 20
_HEAD = 8192
#: One PDF stream inflating past this is a bomb (a 600 dpi A4 colour scan is ~100 MB raw).
MAX_STREAM_INFLATE = 256 * 1024 * 1024
#: All streams of one file together: 1 GiB plus 20× the file's size, at most 4 GiB (bounds
#: the time a file of many small bombs can cost; a scan's Flate images stay far below).
MAX_TOTAL_INFLATE = 4 * 1024 * 1024 * 1024
_XML_CAP = 1 << 20  # [Content_Types].xml and OFD.xml are a few KB

_EXECUTABLE_MAGIC = (
    b"MZ",  # Windows PE / DOS
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O fat binary / Java class
    b"dex\n",
)
_ARCHIVE_MAGIC = (
    b"Rar!\x1a\x07",
    b"7z\xbc\xaf\x27\x1c",
    b"\x1f\x8b",  # gzip
    b"BZh",
    b"\xfd7zXZ\x00",
    b"MSCF",  # cabinet
    b"\x28\xb5\x2f\xfd",  # zstd
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_MACRO_TYPES = ("macroenabled", "vbaproject", "vnd.ms-office.activex")


class _Refuse(Protocol):
    """The local ``refuse`` closure of ``sniff`` (names the file in every refusal)."""

    def __call__(self, code: RefusalCode, detail: str = "") -> AttachmentRefused: ...


@dataclass(frozen=True, slots=True)
class Sniffed:
    kind: AttachmentKind
    pages: int | None = None
    risks: frozenset[PdfRisk] = frozenset()


def sniff(
    f: BinaryIO, size: int, file_name: str, *, max_stream_inflate: int = MAX_STREAM_INFLATE
) -> Sniffed:
    """Decide what the file is, or raise ``AttachmentRefused`` naming ``file_name``."""

    def refuse(code: RefusalCode, detail: str = "") -> AttachmentRefused:
        return AttachmentRefused(code, file_name, detail)

    if size <= 0:
        raise refuse(RefusalCode.EMPTY)
    ext = extension_of(file_name)
    if ext in MACRO_EXTENSIONS:
        raise refuse(RefusalCode.MACRO, ext)
    if ext in RUNNABLE_EXTENSIONS:
        raise refuse(RefusalCode.SCRIPT, ext)
    f.seek(0)
    head = f.read(_HEAD)
    if head.startswith(_EXECUTABLE_MAGIC):
        raise refuse(RefusalCode.EXECUTABLE)
    if head.startswith(b"#!"):
        raise refuse(RefusalCode.SCRIPT, "#!")
    if head.startswith(b"%PDF-"):
        total = min(MAX_TOTAL_INFLATE, 1024 * 1024 * 1024 + 20 * size)
        return _pdf(f, refuse, max_stream_inflate, [total])
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed(AttachmentKind.JPEG)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed(AttachmentKind.PNG)
    if head.startswith(b"PK\x03\x04"):
        return Sniffed(_zip_kind(f, refuse))
    if head.startswith(b"PK"):
        raise refuse(RefusalCode.ARCHIVE, "zip")
    if head.startswith(_OLE2):
        raise refuse(RefusalCode.OLD_OFFICE)
    if head.startswith(_ARCHIVE_MAGIC) or head[257:262] == b"ustar":
        raise refuse(RefusalCode.ARCHIVE)
    if _is_text(f):
        return Sniffed(AttachmentKind.TEXT)
    raise refuse(RefusalCode.UNKNOWN_TYPE)


# --- Office Open XML and OFD ----------------------------------------------------------


def _zip_kind(f: BinaryIO, refuse: _Refuse) -> AttachmentKind:
    f.seek(0)
    try:
        with zipfile.ZipFile(f) as archive:
            names = {info.filename: info for info in archive.infolist()}
            if any("vbaproject" in n.lower() for n in names):
                raise refuse(RefusalCode.MACRO, "vbaProject")
            if "OFD.xml" in names:
                if b"OFD" not in _capped(archive, names["OFD.xml"], refuse):
                    raise refuse(RefusalCode.NOT_OFFICE, "OFD.xml")
                return AttachmentKind.OFD
            types_info = names.get("[Content_Types].xml")
            if types_info is None:
                raise refuse(RefusalCode.NOT_OFFICE, "no [Content_Types].xml")
            types = _capped(archive, types_info, refuse).decode("utf-8", "replace")
            return _office_kind(types, names, refuse)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError) as exc:
        raise refuse(RefusalCode.NOT_OFFICE, type(exc).__name__) from None
    except (OSError, ValueError, zlib.error, RuntimeError) as exc:
        # RuntimeError: an encrypted entry; OSError/zlib: damaged compressed data.
        raise refuse(RefusalCode.NOT_OFFICE, type(exc).__name__) from None


def _capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, refuse: _Refuse) -> bytes:
    if info.file_size > _XML_CAP:
        raise refuse(RefusalCode.NOT_OFFICE, f"{info.filename} too large")
    with archive.open(info) as part:
        data = part.read(_XML_CAP + 1)
    if len(data) > _XML_CAP:
        raise refuse(RefusalCode.NOT_OFFICE, f"{info.filename} too large")
    return data


_OVERRIDE = re.compile(
    r"<(?:\w+:)?Override\b[^>]*?PartName\s*=\s*\"([^\"]+)\"[^>]*?ContentType\s*=\s*\"([^\"]+)\""
    r"|<(?:\w+:)?Override\b[^>]*?ContentType\s*=\s*\"([^\"]+)\"[^>]*?PartName\s*=\s*\"([^\"]+)\"",
    re.IGNORECASE,
)


def _office_kind(types: str, names: dict[str, zipfile.ZipInfo], refuse: _Refuse) -> AttachmentKind:
    if any(marker in types.lower() for marker in _MACRO_TYPES):
        raise refuse(RefusalCode.MACRO, "macro-enabled content type")
    parts: dict[str, str] = {}
    for match in _OVERRIDE.finditer(types):
        part, ctype = (match.group(1), match.group(2)) if match.group(1) else match.group(4, 3)
        parts[part.lstrip("/")] = ctype.strip().lower()
    for part, ctype in parts.items():
        if ctype in (_WORD_MAIN, _EXCEL_MAIN):
            if part not in names:
                raise refuse(RefusalCode.NOT_OFFICE, f"main part {part} missing")
            return AttachmentKind.DOCX if ctype == _WORD_MAIN else AttachmentKind.XLSX
    raise refuse(RefusalCode.NOT_OFFICE, "no Word or Excel main part")


# --- PDF --------------------------------------------------------------------------------


def _name_body(word: str) -> bytes:
    """A PDF name after its slash, letters possibly written as #xx escapes (/J#61vaScript)."""
    parts = []
    for ch in word:
        code = f"{ord(ch):02x}".encode()
        parts.append(b"(?:" + re.escape(ch.encode()) + b"|#(?i:" + code + b"))")
    return b"".join(parts)


_END = rb"(?![A-Za-z0-9#])"
#: One pass finds every risk and every page object (named groups: PdfRisk values, "page").
#: It starts with the literal "/", so the regex engine skips ahead to slashes quickly.
_SCAN = re.compile(
    b"/(?:(?P<javascript>"
    + _name_body("JavaScript")
    + b"|"
    + _name_body("JS")
    + _END
    + b")|(?P<embedded_file>"
    + _name_body("EmbeddedFile")
    + b")|(?P<launch>"
    + _name_body("Launch")
    + _END
    + rb")|(?P<page>Type\s*/Page"
    + _END
    + b"))"
)
_STREAM = re.compile(rb"stream\r?\n")
_OVERLAP = 1024  # bytes of context kept between pieces (dictionaries before "stream")


def _pdf(f: BinaryIO, refuse: _Refuse, max_inflate: int, budget: list[int]) -> Sniffed:
    """Scan the PDF's objects piece by piece, skipping stream bodies (binary data, where a
    name like /JS turns up by chance); inflate every Flate stream with a bound (so a bomb
    is found without ever holding its output) and scan object streams' contents."""
    risks: set[PdfRisk] = set()
    pages = 0
    f.seek(0)
    pending = b""  # bytes read but not yet scanned (a token may straddle two pieces)
    base = 0  # file offset of pending[0]
    history = b""  # the last scanned bytes, where a stream's dictionary is looked up
    in_stream = False
    eof = False
    while not eof:
        piece = f.read(_PIECE)
        eof = not piece
        window = pending + piece
        limit = len(window) if eof else max(0, len(window) - _OVERLAP)
        i = 0
        while i < limit:
            if in_stream:
                end = window.find(b"endstream", i)
                if end < 0:
                    i = limit
                    break
                in_stream, i = False, end + len(b"endstream")
                continue
            match = _STREAM.search(window, i)
            stop = match.start() if match and match.start() < limit else limit
            pages += _scan(window, i, stop, risks)
            if stop == limit:
                i = limit
                break
            assert match is not None
            dictionary = (history + window[:stop])[-_OVERLAP:]
            if b"/FlateDecode" in dictionary:
                start = base + match.end()
                inside = _inflate_stream(
                    f, start, max_inflate, refuse, b"/ObjStm" in dictionary, budget
                )
                pages += _scan(inside, 0, len(inside), risks)
            in_stream, i = True, match.end()
        cut = max(i, limit)
        history = (history + window[:cut])[-_OVERLAP:]
        pending = window[cut:]
        base += cut
        f.seek(base + len(pending))
    return Sniffed(AttachmentKind.PDF, pages or None, frozenset(risks))


def _scan(data: bytes, start: int, stop: int, risks: set[PdfRisk]) -> int:
    """Add the risks of the tokens starting in ``data[start:stop]``; return their pages."""
    pages = 0
    for match in _SCAN.finditer(data, start):
        if match.start() >= stop:
            break
        if match.lastgroup == "page":
            pages += 1
        elif match.lastgroup:
            risks.add(PdfRisk(match.lastgroup))
    return pages


def _inflate_stream(
    f: BinaryIO, start: int, max_inflate: int, refuse: _Refuse, keep: bool, budget: list[int]
) -> bytes:
    """Inflate the stream at ``start`` without keeping its output (unless ``keep``: an
    object stream, whose dictionaries are scanned; capped at 16 MB). Refuses a bomb: one
    stream past ``max_inflate``, or all of them past the file's ``budget``."""
    inflater = zlib.decompressobj()
    produced = 0
    kept = bytearray()
    f.seek(start)
    while chunk := f.read(_PIECE):
        try:
            out = inflater.decompress(chunk, _PIECE)
            while True:
                produced += len(out)
                budget[0] -= len(out)
                if budget[0] < 0:
                    raise refuse(RefusalCode.PDF_BOMB, "streams inflate past the file's budget")
                if keep and len(kept) < 16 * 1024 * 1024:
                    kept += out
                if produced > max_inflate:
                    raise refuse(RefusalCode.PDF_BOMB, f"stream at {start} inflates past limit")
                # After the end of the stream its trailing bytes can stay in the tail,
                # and zlib makes no more progress on them: stop there.
                if inflater.eof or not inflater.unconsumed_tail:
                    break
                tail = inflater.unconsumed_tail
                out = inflater.decompress(tail, _PIECE)
                if not out and inflater.unconsumed_tail == tail:
                    break  # no progress: damaged data
        except zlib.error:
            break  # damaged or not really Flate: the viewer will cope or fail
        if inflater.eof:
            break
    return bytes(kept)


# --- Plain text -------------------------------------------------------------------------

_BAD_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def _is_text(f: BinaryIO) -> bool:
    for encoding in ("utf-8-sig", "gb18030"):
        f.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        try:
            while piece := f.read(_PIECE):
                if _BAD_CONTROL.search(piece):
                    return False
                decoder.decode(piece)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return True
    return False


def sniff_bytes(data: bytes, file_name: str) -> Sniffed:
    """``sniff`` for small data already in memory (tests, short text)."""
    return sniff(io.BytesIO(data), len(data), file_name)


def inspect_file(path: str, file_name: str, max_file_bytes: int) -> tuple[int, Sniffed]:
    """Size and kind of a local file the clerk picked, checked before it is added to a
    report (the store checks again when saving); raises ``AttachmentRefused``."""
    import os
    import stat

    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise AttachmentRefused(RefusalCode.UNREADABLE, file_name, "not a regular file")
        with open(path, "rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_file_bytes:
                raise AttachmentRefused(RefusalCode.TOO_LARGE, file_name, str(size))
            return size, sniff(f, size, file_name)
    except OSError as exc:
        raise AttachmentRefused(RefusalCode.UNREADABLE, file_name, exc.strerror or "") from exc
