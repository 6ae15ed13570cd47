"""Domain layer: 佐证材料 (evidence attached to a progress report): records, names, caps.

An attachment is identified by the SHA-256 of its bytes (the same file attached twice is
stored once). A progress revision lists the complete set of attachments of its report as
of that revision, so removing one is simply a new revision without it (append-only).
What a file *is* is decided from its bytes (``domain.attachment_sniff``), never from its
name; the name is kept only to show and to extract, made safe by ``safe_file_name``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

MIB = 1024 * 1024


class AttachmentKind(StrEnum):
    """The only kinds of file a report may carry (decided by content)."""

    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    DOCX = "docx"
    XLSX = "xlsx"
    OFD = "ofd"
    TEXT = "text"

    @property
    def extension(self) -> str:
        """The extension an extracted copy gets, whatever the original name said."""
        return _EXTENSIONS[self]

    @property
    def viewable_inside(self) -> bool:
        """Shown by the built-in viewer (never handed to another program)."""
        return self in (AttachmentKind.PDF, AttachmentKind.JPEG, AttachmentKind.PNG)


_EXTENSIONS = {
    AttachmentKind.PDF: ".pdf",
    AttachmentKind.JPEG: ".jpg",
    AttachmentKind.PNG: ".png",
    AttachmentKind.DOCX: ".docx",
    AttachmentKind.XLSX: ".xlsx",
    AttachmentKind.OFD: ".ofd",
    AttachmentKind.TEXT: ".txt",
}


class PdfRisk(StrEnum):
    """Active content found in a PDF: shown to the clerk before it is opened."""

    JAVASCRIPT = "javascript"
    EMBEDDED_FILE = "embedded_file"
    LAUNCH = "launch"


class RefusalCode(StrEnum):
    """Why a file cannot be attached (``AttachmentRefused.code``); words live in cli/ui."""

    EMPTY = "empty"  # 0 bytes
    UNREADABLE = "unreadable"  # missing, a folder, no permission
    TOO_LARGE = "too_large"  # over the per-file cap
    TOO_MANY = "too_many"  # over the per-report number of files
    REPORT_TOO_LARGE = "report_too_large"  # over the per-report total
    EXECUTABLE = "executable"  # a program (PE, ELF, Mach-O), whatever its name
    SCRIPT = "script"  # a script or a name that runs when opened (.bat, .js, .hta …)
    ARCHIVE = "archive"  # zip, rar, 7z, gzip …: contents unknown
    MACRO = "macro"  # macro-enabled Office file (.docm, .xlsm) or a vbaProject part
    NOT_OFFICE = "not_office"  # a zip that says it is Word/Excel but is not Office Open XML
    OLD_OFFICE = "old_office"  # .doc/.xls (OLE2): may carry macros; save as .docx/.xlsx
    PDF_BOMB = "pdf_bomb"  # a compressed stream that inflates to an absurd size
    UNKNOWN_TYPE = "unknown_type"  # anything else


class AttachmentRefused(Exception):
    """A file the clerk chose cannot be attached; nothing was stored."""

    def __init__(self, code: RefusalCode, file_name: str, detail: str = "") -> None:
        super().__init__(f"{code}: {file_name} {detail}".strip())
        self.code = code
        self.file_name = file_name
        self.detail = detail


@dataclass(frozen=True, slots=True)
class AttachmentRef:
    """One attachment of a revision: the stored bytes' hash and how the clerk named them.

    ``kind``, ``pages`` and ``risks`` are computed by this PC from the bytes, never taken
    from an exchange file.
    """

    sha256: str
    file_name: str
    size: int
    kind: AttachmentKind
    pages: int | None = None
    risks: frozenset[PdfRisk] = frozenset()

    @property
    def extract_name(self) -> str:
        """The name an extracted copy gets: the clerk's stem, the extension of its kind."""
        stem = self.file_name
        dot = stem.rfind(".")
        if dot > 0:
            stem = stem[:dot]
        return f"{stem}{self.kind.extension}"


@dataclass(frozen=True, slots=True)
class AttachmentFile:
    """A local file the clerk adds to a report (填报: 添加佐证材料)."""

    path: str
    file_name: str = ""  # the name to keep; by default the file's own name


AttachmentChoice = AttachmentRef | AttachmentFile


@dataclass(frozen=True, slots=True)
class AttachmentLimits:
    """Caps the coordinating office sets for the whole plan (they travel as a plan change).

    A plan-level setting, not a local one: every unit must work to the same caps, the
    office decides them once, and units learn them from its next plan update. The hard
    ceilings below bound what any exchange file may carry, whatever an office sets.
    """

    max_file_bytes: int = 50 * MIB
    max_files: int = 20
    max_report_bytes: int = 200 * MIB

    def to_payload(self) -> str:
        return json.dumps(
            {
                "max_file_bytes": self.max_file_bytes,
                "max_files": self.max_files,
                "max_report_bytes": self.max_report_bytes,
            },
            sort_keys=True,
        )


#: Ceilings no setting can pass: one attachment, attachments of one revision.
HARD_MAX_FILE_BYTES = 512 * MIB
HARD_MAX_FILES = 100
HARD_MAX_REPORT_BYTES = 1024 * MIB
DEFAULT_LIMITS = AttachmentLimits()
LIMITS_CHANGE_KIND = "attachment_limits"


def limits_from_payload(payload: str) -> AttachmentLimits:
    """Raises ValueError for a payload outside the hard ceilings or of the wrong shape."""
    data = json.loads(payload)
    if not isinstance(data, dict):
        raise ValueError("payload is not an object")
    values = {k: data.get(k) for k in ("max_file_bytes", "max_files", "max_report_bytes")}
    if not all(type(v) is int for v in values.values()):
        raise ValueError("limits must be integers")
    limits = AttachmentLimits(**values)  # type: ignore[arg-type]  # ints checked above
    check_limits(limits)
    return limits


def check_limits(limits: AttachmentLimits) -> None:
    if not 1 <= limits.max_file_bytes <= HARD_MAX_FILE_BYTES:
        raise ValueError(f"max_file_bytes outside 1..{HARD_MAX_FILE_BYTES}")
    if not 1 <= limits.max_files <= HARD_MAX_FILES:
        raise ValueError(f"max_files outside 1..{HARD_MAX_FILES}")
    if not 1 <= limits.max_report_bytes <= HARD_MAX_REPORT_BYTES:
        raise ValueError(f"max_report_bytes outside 1..{HARD_MAX_REPORT_BYTES}")


def limits_in_force(changes: Iterable[tuple[tuple[int, str, str], str]]) -> AttachmentLimits:
    """The latest readable ``attachment_limits`` change in causal order, else the defaults.

    ``changes`` are (order key, payload) pairs of that kind; an unreadable one is skipped,
    like any plan change this version cannot read.
    """
    current = DEFAULT_LIMITS
    for _, payload in sorted(changes):
        try:
            current = limits_from_payload(payload)
        except (ValueError, TypeError):
            continue
    return current


def check_report(refs: Iterable[AttachmentRef], limits: AttachmentLimits) -> None:
    """The per-report caps over a revision's complete list (raises ``AttachmentRefused``)."""
    total = 0
    for number, ref in enumerate(refs, start=1):
        if ref.size > limits.max_file_bytes:
            raise AttachmentRefused(RefusalCode.TOO_LARGE, ref.file_name, str(ref.size))
        if number > limits.max_files:
            raise AttachmentRefused(RefusalCode.TOO_MANY, ref.file_name, str(limits.max_files))
        total += ref.size
        if total > limits.max_report_bytes:
            raise AttachmentRefused(RefusalCode.REPORT_TOO_LARGE, ref.file_name, str(total))


# --- Safe names ------------------------------------------------------------------------

MAX_NAME_CHARS = 120
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}
FALLBACK_NAME = "附件"


def safe_file_name(name: str) -> str:
    """The original name made safe to show and to write anywhere (Chinese kept).

    Only the last path part is kept (``../`` and ``C:\\`` prefixes are dropped); control
    and format characters (NUL, newlines, the right-to-left override that makes
    ``exe.pdf`` look like ``fdp.exe``) are removed; characters Windows refuses become
    ``_``; leading/trailing dots and spaces go; the result has at most 120 characters,
    keeping the extension; Windows device names get a ``_`` in front.
    """
    text = unicodedata.normalize("NFC", str(name))
    text = re.split(r"[/\\]", text)[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    text = _FORBIDDEN.sub("_", text)
    text = " ".join(text.split()).strip(" .")
    if len(text) > MAX_NAME_CHARS:
        dot = text.rfind(".")
        ext = text[dot:] if 0 < dot and len(text) - dot <= 10 else ""
        text = text[: MAX_NAME_CHARS - len(ext)].rstrip(" .") + ext
    if not text:
        return FALLBACK_NAME
    if text.split(".")[0].upper() in _RESERVED:
        text = f"_{text}"
    return text


#: Names that run something when opened, refused whatever the bytes look like.
RUNNABLE_EXTENSIONS = frozenset(
    ".exe .com .scr .pif .cpl .msi .msp .dll .sys .bat .cmd .ps1 .psm1 .vbs .vbe .js .jse "
    ".wsf .wsh .hta .lnk .url .reg .jar .sh .bash .py .pyw .pl .rb .php .html .htm .xhtml "
    ".svg .chm .inf .scf .appref-ms .application .gadget .desktop".split()
)
MACRO_EXTENSIONS = frozenset(".docm .dotm .xlsm .xltm .xlam .pptm .potm .ppsm".split())


def extension_of(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""
