"""The sheets package stays a pure layer: no Qt, no database."""

from __future__ import annotations

from tests.conftest import REPO_ROOT
from tests.test_layering import files_of, imported_modules

FORBIDDEN = {"PySide6", "sqlalchemy", "alembic", "models", "ui", "exchange", "cli"}


def test_sheets_import_neither_qt_nor_the_store() -> None:
    for path in files_of("sheets"):
        assert imported_modules(path) & FORBIDDEN == set(), path.relative_to(REPO_ROOT)


def test_modules_stay_small() -> None:
    for path in files_of("sheets"):
        assert len(path.read_text(encoding="utf-8").splitlines()) < 400, path.name
