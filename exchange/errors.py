"""Exchange layer: the refusal and write-failure exceptions, each carrying a stable code.

Code below ``ui/`` never shows words to users: it raises one of these with a ``code`` (one of
the ``StrEnum`` members below, compared as plain strings) and an English ``detail`` for logs.
"""

from __future__ import annotations

from enum import StrEnum


class RejectCode(StrEnum):
    """Why an untrusted exchange file (交换文件) was refused."""

    UNREADABLE = "unreadable"  # missing, a folder, no permission, I/O error while reading
    PARTIAL_FILE = "partial_file"  # name ends in .partial: an unfinished copy
    EMPTY = "empty"
    TOO_LARGE = "too_large"  # over the size cap
    NOT_SQLITE = "not_sqlite"  # no SQLite magic string
    TRUNCATED = "truncated"  # shorter than its header says (interrupted copy)
    SIZE_MISMATCH = "size_mismatch"  # longer than its header says (bytes appended)
    BAD_HEADER = "bad_header"  # impossible page size, stale page count, odd header fields
    WAL = "wal"  # WAL-mode file: needs a -wal file beside it, never complete alone
    WRONG_ENCODING = "wrong_encoding"  # text encoding other than UTF-8
    FOREIGN_FILE = "foreign_file"  # SQLite, but another application's (application_id)
    NEWER_FORMAT = "newer_format"  # user_version above what this app reads: update Duban
    OLDER_FORMAT_UNSUPPORTED = "older_format_unsupported"  # user_version too old to read
    SCHEMA_MISMATCH = "schema_mismatch"  # extra/missing tables, views, triggers, indexes
    CORRUPT = "corrupt"  # integrity_check not 'ok', or SQLite found corruption
    FOREIGN_KEY_VIOLATION = "foreign_key_violation"
    FORBIDDEN = "forbidden"  # the authorizer refused something the file made SQLite do
    TIME_BUDGET = "time_budget"  # reading took longer than the time budget
    RESOURCE_LIMIT = "resource_limit"  # memory, SQLite length/depth limits, recursion
    BAD_VALUE = "bad_value"  # a value of the wrong type, out of range, or invalid UTF-8
    TOO_MANY_ROWS = "too_many_rows"
    # Raised by the format layer built on top (manifest checks), not by safe_sqlite itself:
    COUNT_MISMATCH = "count_mismatch"  # manifest record counts differ from the tables
    DIGEST_MISMATCH = "digest_mismatch"  # manifest SHA-256 differs: content was changed
    BAD_SIGNATURE = "bad_signature"  # format 2: signature missing, malformed or not valid
    # Format 3 (佐证材料):
    ATTACHMENT_MISMATCH = "attachment_mismatch"  # bytes missing, extra, or not their hash
    ATTACHMENT_REFUSED = "attachment_refused"  # bytes of a kind no office may receive


class WriteCode(StrEnum):
    """Why writing an export to the target folder (usually a USB stick) failed."""

    MISSING_FOLDER = "missing_folder"  # target folder gone (stick pulled out?)
    READ_ONLY = "read_only"  # read-only medium or no write permission
    DISK_FULL = "disk_full"
    EXISTS = "exists"  # the final name is taken: exports never overwrite
    BAD_NAME = "bad_name"  # the file system refused the name
    VERIFY_FAILED = "verify_failed"  # our own reader refused the freshly built file
    READBACK_MISMATCH = "readback_mismatch"  # the bytes read back differ from those written
    IO_ERROR = "io_error"  # any other operating-system error


class RejectedFile(Exception):
    """An untrusted file was refused; nothing from it may be used.

    ``claimed`` holds what the file's manifest says about its sender (``unit_name``,
    ``installation_name``, ``is_coordinating_office``), when it could be read: only so the
    message can say whom to ask for a new export. It is the file's claim, not a fact.
    """

    def __init__(self, code: str, detail: str = "", claimed: dict[str, str] | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.claimed: dict[str, str] = dict(claimed or {})


class ExportWriteError(Exception):
    """An export could not be written; no file exists under the final name."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
