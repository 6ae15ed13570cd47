"""Storage layer: column types on PostgreSQL behave as they do in the SQLite file.

SQLite never enforces ``VARCHAR(n)``; PostgreSQL does. A plan whose unit wording runs past
100 characters imports on a desk's file and must import on the server too, so lengths in
the models are documentation (input limits live in ``domain.validation`` and the exchange
reader) and ``String(n)`` is created as plain ``VARCHAR`` on the server. Imported by
``models.server`` before any table is made there.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles


@compiles(String, "postgresql")
def _unbounded_varchar(_element: String, _compiler: Any, **_kw: Any) -> str:
    # Only ``String`` itself lands here: Text, VARCHAR and the rest dispatch on their own.
    return "VARCHAR"
