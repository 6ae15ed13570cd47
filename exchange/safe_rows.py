"""Exchange layer: read type-checked rows from an untrusted connection; canonical digest.

Companion of ``safe_sqlite`` (which opens the file): only validated plain Python values leave
here. Generic: the caller names the table, the columns and a check per column.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from json.encoder import encode_basestring_ascii

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

    def all_valid(self, values: Sequence[object]) -> bool:
        """Whether every value passes ``check`` as it is. A column at a time, so the
        checks below can do it with a few calls instead of several per value; False sends
        the reader to ``check`` value by value, which says what is wrong."""
        try:
            return all(self.check(v) is v for v in values)
        except ValueError:
            return False

    def _present(self, values: Sequence[object]) -> Sequence[object]:
        """The values a type test must see: None left out only where allowed."""
        return [v for v in values if v is not None] if self.nullable else values


_CONTROL_MULTILINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_ANY = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Text(ValueCheck):
    """TEXT of ``min_len..max_len`` characters; no control characters (tab/newlines only if
    ``multiline``); optionally matching ``pattern`` (full match) or one of ``choices``.

    ``fixed_width``: every match of ``pattern`` is exactly ``max_len`` (= ``min_len``)
    characters long, as an id's is. A column of such values is then matched in one go,
    joined: each match must take the next value whole (0.2 s less on a file of 100,000
    revisions, with six id columns)."""

    max_len: int
    min_len: int = 0
    nullable: bool = False
    multiline: bool = False
    pattern: str | None = None
    choices: frozenset[str] | None = None
    fixed_width: bool = False

    def __post_init__(self) -> None:
        if self.fixed_width and (self.pattern is None or self.min_len != self.max_len):
            raise ValueError("fixed_width needs a pattern and min_len == max_len")

    @cached_property
    def _matcher(self) -> Callable[[str], object] | None:
        # Compiled once per check, not looked up in re's cache for every value.
        return None if self.pattern is None else re.compile(self.pattern).fullmatch

    @cached_property
    def _column_matcher(self) -> Callable[[str], object] | None:
        """A full match of any number of values, joined (``fixed_width`` only)."""
        if not self.fixed_width:
            return None
        return re.compile(f"(?:{self.pattern})*").fullmatch

    def _check(self, value: object) -> str:
        if type(value) is not str:
            raise ValueError(f"expected text, got {_kind(value)}")
        if not self.min_len <= len(value) <= self.max_len:
            raise ValueError(f"text length {len(value)} outside {self.min_len}..{self.max_len}")
        if (_CONTROL_MULTILINE if self.multiline else _CONTROL_ANY).search(value):
            raise ValueError("control character in text")
        matcher = self._matcher
        if matcher is not None and matcher(value) is None:
            raise ValueError("text does not have the expected form")
        if self.choices is not None and value not in self.choices:
            raise ValueError("text is not one of the allowed values")
        return value

    def all_valid(self, values: Sequence[object]) -> bool:
        texts = self._present(values)
        if not texts:
            return True
        if set(map(type, texts)) != {str}:
            return False
        lengths = set(map(len, texts))  # type: ignore[arg-type]
        if min(lengths) < self.min_len or max(lengths) > self.max_len:
            return False
        joined = "".join(texts)  # type: ignore[arg-type]
        # Control characters are never printable: a printable column (most are) needs no
        # search, which takes twice as long.
        control = _CONTROL_MULTILINE if self.multiline else _CONTROL_ANY
        if not joined.isprintable() and control.search(joined):
            return False
        matcher = self._matcher
        if self._column_matcher is not None:  # every value is max_len long (checked above)
            if self._column_matcher(joined) is None:
                return False
        elif matcher is not None and not all(map(matcher, texts)):  # type: ignore[arg-type]
            return False
        return self.choices is None or self.choices.issuperset(texts)  # type: ignore[arg-type]


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

    def all_valid(self, values: Sequence[object]) -> bool:
        numbers = self._present(values)
        if not numbers:
            return True
        if set(map(type, numbers)) != {int}:  # bool is not int here, as in _check
            return False
        return self.min_value <= min(numbers) and max(numbers) <= self.max_value  # type: ignore[type-var,operator]


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

    def all_valid(self, values: Sequence[object]) -> bool:
        blobs = self._present(values)
        if not blobs:
            return True
        if set(map(type, blobs)) != {bytes}:
            return False
        return max(map(len, blobs)) <= self.max_len  # type: ignore[arg-type]


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
    # A text repeated down a column (the task, unit and author of every revision of a
    # unit's file) is kept once, not once per row: a 100,000-row file would otherwise hold
    # hundreds of thousands of equal strings. A column of mostly distinct values (ids, free
    # text) stops being shared past ``_SHARED_DISTINCT`` values. Text only: 0.0 and -0.0
    # (or 1 and 1.0) are equal keys, but different values.
    shared: list[tuple[int, dict[object, object]]] = [
        (i, {}) for i, c in enumerate(checks) if isinstance(c, Text)
    ]
    try:
        cursor = conn.execute(sql)
        while batch := cursor.fetchmany(256):
            cols = list(zip(*batch, strict=True))
            fits = max_rows is None or len(rows) + len(batch) <= max_rows
            if fits and all(c.all_valid(col) for c, col in zip(checks, cols, strict=True)):
                for i, memo in shared:  # (setdefault(v, v) called from C, no loop here)
                    cols[i] = tuple(map(memo.setdefault, cols[i], cols[i]))
                rows.extend(zip(*cols, strict=True))
            else:  # value by value: the first bad one is named, with its row
                for row in batch:
                    if max_rows is not None and len(rows) >= max_rows:
                        raise RejectedFile(RejectCode.TOO_MANY_ROWS, f"{table}: over {max_rows}")
                    rows.append(_checked_row(table, columns, checks, row, len(rows) + 1))
            shared = [(i, memo) for i, memo in shared if len(memo) <= _SHARED_DISTINCT]
    except RejectedFile:
        raise
    except FILE_ERRORS as exc:
        raise as_rejection(exc, budget, RejectCode.BAD_VALUE) from exc
    return rows


#: Distinct values above which a column's values are no longer shared between rows.
_SHARED_DISTINCT = 4096


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
        rows = rows_by_table[table]
        rows = rows if isinstance(rows, Sequence) else list(rows)
        digest.update(_json_line(["table", table, len(rows)]))
        for lines in _sorted_lines(rows):
            digest.update(lines)
    return digest.hexdigest()


def _sorted_lines(rows: Sequence[Sequence[object]]) -> Iterator[bytes]:
    """The rows' lines in sorted order, some hundreds at a time, without holding every
    line at once.

    A line is ``[`` + the first value's JSON + ``,`` …; each value's JSON is one complete
    array, so none is a proper prefix of another, and lines whose first values differ sort
    as those values' JSON do. Rows are therefore sorted by their first value's JSON alone
    (a primary key: short, and distinct), and only rows sharing one are compared whole.
    """
    firsts = [row[0] if row else _NO_VALUE for row in rows]
    keys: list[str]
    if set(map(type, firsts)) == {str}:  # the usual: a text primary key
        # Ids are plain ASCII: compared as they are, they sort as their JSON does, so no
        # JSON is made for the sort.
        texts: list[str] = firsts  # type: ignore[assignment]
        sortable = _SORTS_AS_JSON("".join(texts))
        keys = texts if sortable else list(map(_TEXT_JSON, map(encode_basestring_ascii, texts)))
    else:  # (an empty row's line "[]" sorts after every "[[…": its key is "]")
        keys = ["]" if v is _NO_VALUE else _value_json(v) for v in firsts]
    del firsts
    if len(set(keys)) == len(keys):  # the usual: distinct first values
        order = sorted(range(len(rows)), key=keys.__getitem__)
    else:
        order = _tied_order(rows, keys)
    del keys
    for start in range(0, len(order), _LINES_AT_ONCE):
        yield _lines([rows[n] for n in order[start : start + _LINES_AT_ONCE]])


def _tied_order(rows: Sequence[Sequence[object]], keys: list[str]) -> list[int]:
    """Row numbers in line order where some rows share their first value's JSON: those
    are compared by their whole line."""
    keyed = sorted(zip(keys, range(len(rows)), strict=True))
    order: list[int] = []
    i = 0
    while i < len(keyed):
        j = i + 1
        while j < len(keyed) and keyed[j][0] == keyed[i][0]:
            j += 1
        if j == i + 1:
            order.append(keyed[i][1])
        else:
            order += sorted((n for _, n in keyed[i:j]), key=lambda n: _row_line(rows[n]))
        i = j
    return order


#: Text JSON writes as it is, between quotes (``encode_basestring_ascii`` escapes the quote,
#: the backslash and everything outside printable ASCII).
_PLAIN = re.compile(r"[ !#-\[\]-~]*").fullmatch
#: Plain text without the two characters that sort before the closing quote (space and
#: "!"): texts of these sort as their JSON does ("ab" before "abc", as '"ab"' before
#: '"abc"'; not so for "ab" and "ab!").
_SORTS_AS_JSON = re.compile(r"[#-\[\]-~]*").fullmatch
_LINES_AT_ONCE = 512
_NO_VALUE = object()
_TEXT_JSON = '["text",{}]'.format


def _lines(rows: list[Sequence[object]]) -> bytes:
    """``_row_line`` of each row, joined: a column at a time, so that the common columns
    (all text, all integers) are written by one format per row rather than several calls
    per value, and plain text (ids, dates, codes) is not escaped at all."""
    if len(set(map(len, rows))) != 1 or not rows[0]:  # rows of one table have one width
        return b"".join(map(_row_line, rows))
    slots: list[str] = []
    columns: list[Iterable[object]] = []
    for column in zip(*rows, strict=True):
        kinds = set(map(type, column))
        if kinds == {str}:
            if _PLAIN("".join(column)):  # type: ignore[arg-type]
                slots.append('["text","%s"]')
                columns.append(column)
            else:
                slots.append('["text",%s]')
                columns.append(map(encode_basestring_ascii, column))
        elif kinds == {int}:  # exactly int: a bool is refused by _value_json
            slots.append('["int","%d"]')
            columns.append(column)
        else:
            slots.append("%s")
            columns.append(map(_value_json, column))
    line = ("[" + ",".join(slots) + "]\n").__mod__
    return "".join(map(line, zip(*columns, strict=True))).encode("ascii")


def _row_line(row: Sequence[object]) -> bytes:
    """``json.dumps([_tagged(v) for v in row])`` (ASCII, no spaces) and a newline, built
    directly: the same bytes, without the general encoder's cost per row."""
    return ("[" + ",".join(map(_value_json, row)) + "]\n").encode("ascii")


def _value_json(value: object) -> str:
    """The compact ASCII JSON of ``_tagged(value)``."""
    kind = type(value)
    if kind is str:
        return '["text",' + encode_basestring_ascii(value) + "]"
    if value is None:
        return '["null"]'
    if kind is int:
        return '["int","' + str(value) + '"]'
    if kind is float:
        return '["real","' + value.hex() + '"]'  # type: ignore[attr-defined]
    if kind is bytes:
        return '["blob","' + value.hex() + '"]'  # type: ignore[attr-defined]
    raise TypeError(f"not an SQLite value: {kind.__name__}")


def _json_line(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
