"""Storage layer: look rows up by many ids at once, with the driver's own statement.

SQLAlchemy's expanding ``IN`` renders and processes each bound id one by one: for the
100,000 revision ids (or 20,000 report ids) of a long exchange file that is a third of a
second per look-up. The merge asks these with plain ``exec_driver_sql`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.orm import Session

#: Ids per ``IN (…)``: under SQLite's oldest limit of 999 bound values.
ID_CHUNK = 900


def rows_for_ids(session: Session, sql: str, ids: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """The rows of ``sql`` for ``ids``, a chunk of ids at a time. ``sql`` has one
    ``IN ({})`` where the chunk's placeholders go; an ORDER BY orders each chunk's rows."""
    if not ids:
        return
    conn = session.connection()
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    for start in range(0, len(ids), ID_CHUNK):
        chunk = tuple(ids[start : start + ID_CHUNK])
        yield from conn.exec_driver_sql(sql.format(", ".join([mark] * len(chunk))), chunk)
