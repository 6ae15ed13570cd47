"""The dependency rule, enforced: ui/ → domain packages → (stdlib, SQLAlchemy, ReportLab).

Nothing outside ui/ imports Qt; ui/ never imports SQLAlchemy; domain/ and plan_parser/
import only the standard library and each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

PACKAGES = [
    "domain",
    "plan_parser",
    "plan_intake",
    "models",
    "sheets",
    "exchange",
    "cli",
    "runtime",
    "ui",
    "supervision",
    "signing",
    "bench",
    "selftest",
]
PURE = {"domain", "plan_parser", "runtime"}
PURE_ALLOWED = {"domain", "plan_parser", "runtime"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return {name.split(".")[0] for name in names}


def files_of(package: str) -> list[Path]:
    folder = REPO_ROOT / package
    return sorted(folder.rglob("*.py")) if folder.exists() else []


@pytest.mark.parametrize("package", [p for p in PACKAGES if p != "ui"])
def test_nothing_outside_ui_imports_qt(package: str) -> None:
    offenders = [f for f in files_of(package) if "PySide6" in imported_modules(f)]
    assert offenders == []


def test_ui_never_imports_sqlalchemy() -> None:
    offenders = [f for f in files_of("ui") if imported_modules(f) & {"sqlalchemy", "alembic"}]
    assert offenders == []


@pytest.mark.parametrize("package", sorted(PURE))
def test_pure_packages_use_only_the_standard_library(package: str) -> None:
    import sys

    for path in files_of(package):
        foreign = {
            m
            for m in imported_modules(path)
            if m not in sys.stdlib_module_names and m not in PURE_ALLOWED and m != "__future__"
        }
        assert foreign == set(), f"{path.relative_to(REPO_ROOT)} imports {foreign}"


def test_every_package_states_its_layer() -> None:
    for package in PACKAGES:
        init = REPO_ROOT / package / "__init__.py"
        if init.exists():
            doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
            assert doc and ("layer" in doc.lower() or "Layer" in doc), package


def test_ui_is_arranged_by_feature() -> None:
    """A screen is found from the folder names: few modules loose in ui/, each package says
    what it holds, and every folder with code is a package (so no screen hides in a stray
    folder the layering checks above would still see but a reader would not)."""
    ui = REPO_ROOT / "ui"
    loose = sorted(p.name for p in ui.glob("*.py") if p.name != "__init__.py")
    assert len(loose) <= 12, loose
    folders = {p.parent for p in ui.rglob("*.py") if "__pycache__" not in p.parts} - {ui}
    assert folders, "ui/ has no feature packages"
    for folder in sorted(folders):
        init = folder / "__init__.py"
        assert init.exists(), f"{folder.relative_to(REPO_ROOT)} is not a package"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init.relative_to(REPO_ROOT)} does not say what it holds"


def test_plan_intake_reads_documents_without_a_database_or_window() -> None:
    allowed_foreign = {"openpyxl", "pdfminer", "pdfplumber"}
    import sys

    for path in files_of("plan_intake"):
        foreign = {
            m
            for m in imported_modules(path)
            if m not in sys.stdlib_module_names and m not in PURE_ALLOWED and m != "__future__"
        }
        assert foreign - {"plan_intake"} <= allowed_foreign, f"{path.name} imports {foreign}"
