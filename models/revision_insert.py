"""Storage layer: insert a merge's new revisions with the driver's own ``executemany``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from domain.records import ProgressRevision
from domain.revision_rows import REVISION_COLUMNS, revision_values

#: Rows per ``executemany``: a file of 100,000 revisions is written in pieces, never
#: turned into 100,000 parameter rows at once.
_INSERT_BATCH = 2000
#: SQLite's page cache while a long file's revisions are inserted (negative: KiB).
_INSERT_CACHE_KIB = -32768


def insert_revisions(session: Session, revisions: list[ProgressRevision]) -> None:
    """Insert new revisions with the driver's own ``executemany``, in batches.

    Per row, SQLAlchemy's Core insert builds and processes a parameter dictionary (half
    the time of a 100,000-revision import) and the ORM bulk path leaves out None values
    (rows with and without a parent then alternate between statements). The values are
    given as each engine's column types store them: on SQLite a date as ISO text and a
    flag as 0/1, as SQLAlchemy's Date and Boolean write them there."""
    if not revisions:
        return
    conn = session.connection()
    native = conn.dialect.name != "sqlite"
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO progress_revisions ({', '.join(REVISION_COLUMNS)}) "
        f"VALUES ({', '.join([mark] * len(REVISION_COLUMNS))})"
    )
    # A long file's rows go into four indexes at random places: with SQLite's default
    # 2 MB page cache, pages are written out and read back mid-transaction. A larger cache
    # for these inserts only (given back after) saves about a fifth of their time.
    cache = None
    if not native and len(revisions) > _INSERT_BATCH:
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size={_INSERT_CACHE_KIB}")
    try:
        for start in range(0, len(revisions), _INSERT_BATCH):
            batch = revisions[start : start + _INSERT_BATCH]
            conn.exec_driver_sql(sql, [revision_values(rev, native=native) for rev in batch])
    finally:
        if cache is not None:
            conn.exec_driver_sql(f"PRAGMA cache_size={int(cache)}")
