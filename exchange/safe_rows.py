"""Exchange layer: read type-checked rows from an untrusted connection; canonical digest.

Companion of ``safe_sqlite`` (which opens the file): only validated plain Python values leave
here. Generic: the caller names the table, the columns and a check per column.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from exchange.errors import RejectCode, RejectedFile
from exchange.safe_sqlite import FILE_ERRORS, UntrustedConnection, as_rejection

# --- Reading rows: every value type- and range-checked ------------------------------------


class ValueCheck:
    """Base for per-column checks: ``check(value)`` returns the value or raises ValueError."""

    nullable: bool = False

    def check(self, value: object) -> object:
        if value is None:
            if self.nullable:
                return None
            raise ValueError("NULL not allowed")
        return self._check(value)

    def _check(self, value: object) -> object:
        raise NotImplementedError


_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_ANY = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Text(ValueCheck):
    """TEXT of ``min_len..max_len`` characters; no control characters (tab/newlines only if
    ``multiline``); optionally matching ``pattern`` (full match) or one of ``choices``."""

    max_len: int
    min_len: int = 0
    nullable: bool = False
    multiline: bool = False
    pattern: str | None = None
    choices: frozenset[str] | None = None

    def _check(self, value: object) -> str:
        if type(value) is not str:
            raise ValueError(f"expected text, got {_kind(value)}")
        if not self.min_len <= len(value) <= self.max_len:
            raise ValueError(f"text length {len(value)} outside {self.min_len}..{self.max_len}")
        if (_CONTROL_MULTILINE if self.multiline else _CONTROL_ANY).search(value):
            raise ValueError("control character in text")
        if self.pattern is not None and not re.fullmatch(self.pattern, value):
            raise ValueError("text does not have the expected form")
        if self.choices is not None and value not in self.choices:
            raise ValueError("text is not one of the allowed values")
        return value


@dataclass(frozen=True)
class Integer(ValueCheck):
    """INTEGER within ``min_value..max_value``."""

    min_value: int = -(2**63)
    max_value: int = 2**63 - 1
    nullable: bool = False

    def _check(self, value: object) -> int:
        if type(value) is not int:
            raise ValueError(f"expected integer, got {_kind(value)}")
        if not self.min_value <= value <= self.max_value:
            raise ValueError(f"integer {value} outside {self.min_value}..{self.max_value}")
        return value


@dataclass(frozen=True)
class Real(ValueCheck):
    """REAL, finite, within ``min_value..max_value``."""

    min_value: float = -1e300
    max_value: float = 1e300
    nullable: bool = False

    def _check(self, value: object) -> float:
        if type(value) is not float:
            raise ValueError(f"expected real, got {_kind(value)}")
        if not self.min_value <= value <= self.max_value:  # also refuses nan and inf
            raise ValueError(f"real {value!r} outside {self.min_value}..{self.max_value}")
        return value


@dataclass(frozen=True)
class Blob(ValueCheck):
    """BLOB of at most ``max_len`` bytes."""

    max_len: int
    nullable: bool = False

    def _check(self, value: object) -> bytes:
        if type(value) is not bytes:
            raise ValueError(f"expected blob, got {_kind(value)}")
        if len(value) > self.max_len:
            raise ValueError(f"blob of {len(value)} bytes, over {self.max_len}")
        return value


def _kind(value: object) -> str:
    return {str: "text", int: "integer", float: "real", bytes: "blob"}.get(
        type(value), type(value).__name__
    )


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def read_rows(
    conn: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    *,
    types: Mapping[str, ValueCheck],
    max_rows: int | None = None,
) -> list[tuple[object, ...]]:
    """Select the named columns of ``table``; check every value with ``types[column]``.

    Returns plain Python values (None, int, float, str, bytes) in file order. A value failing
    its check, invalid UTF-8, or more than ``max_rows`` rows raise ``RejectedFile``.
    ``table``/``columns`` come from our code: a malformed name or a column without a check is
    a ``ValueError`` (a bug), not a rejection.
    """
    if not columns or not all(_IDENTIFIER.fullmatch(n) for n in (table, *columns)):
        raise ValueError(f"bad table or column names: {table!r} {columns!r}")
    checks = [types[c] for c in columns]  # KeyError: a column without a check is a bug
    quoted = ", ".join(f'"{c}"' for c in columns)
    sql = f'SELECT {quoted} FROM "{table}"'
    budget = conn.budget if isinstance(conn, UntrustedConnection) else None
    if budget is not None:
        budget.restart()
    rows: list[tuple[object, ...]] = []
    try:
        cursor = conn.execute(sql)
        while batch := cursor.fetchmany(256):
            for row in batch:
                if max_rows is not None and len(rows) >= max_rows:
                    raise RejectedFile(RejectCode.TOO_MANY_ROWS, f"{table}: over {max_rows}")
                rows.append(_checked_row(table, columns, checks, row, len(rows) + 1))
    except RejectedFile:
        raise
    except FILE_ERRORS as exc:
        raise as_rejection(exc, budget, RejectCode.BAD_VALUE) from exc
    return rows


def _checked_row(
    table: str,
    columns: Sequence[str],
    checks: Sequence[ValueCheck],
    row: tuple[object, ...],
    number: int,
) -> tuple[object, ...]:
    checked = []
    for column, check, value in zip(columns, checks, row, strict=True):
        try:
            checked.append(check.check(value))
        except ValueError as exc:
            detail = f"{table}.{column}, row {number}: {exc}"[:300]
            raise RejectedFile(RejectCode.BAD_VALUE, detail) from None
    return tuple(checked)


# --- Canonical content digest (for the manifest checksum) ---------------------------------


def canonical_digest(rows_by_table: Mapping[str, Iterable[Sequence[object]]]) -> str:
    """SHA-256 (hex) of the records, independent of row and table order.

    Each value is tagged with its type (1 and 1.0 and "1" differ; floats by ``float.hex``;
    blobs in hex), each row becomes one ASCII JSON line, rows are sorted within their table,
    and each table is introduced by a line with its name and row count, tables in name order.
    Compute it from values read back with ``read_rows`` (what SQLite stored), not from the
    values you meant to write.
    """
    digest = hashlib.sha256(b"duban-canonical-records-v1\n")
    for table in sorted(rows_by_table):
        lines = sorted(_json_line([_tagged(v) for v in row]) for row in rows_by_table[table])
        digest.update(_json_line(["table", table, len(lines)]))
        for line in lines:
            digest.update(line)
    return digest.hexdigest()


def _tagged(value: object) -> list[str]:
    if value is None:
        return ["null"]
    if type(value) is int:
        return ["int", str(value)]
    if type(value) is float:
        return ["real", value.hex()]
    if type(value) is str:
        return ["text", value]
    if type(value) is bytes:
        return ["blob", value.hex()]
    raise TypeError(f"not an SQLite value: {type(value).__name__}")


def _json_line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
