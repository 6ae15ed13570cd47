"""The signing layer's rule: stdlib, cryptography and domain only (no Qt, no SQLAlchemy)."""

from __future__ import annotations

import sys

from tests.test_layering import files_of, imported_modules

ALLOWED = {"signing", "domain", "cryptography", "__future__"}


def test_signing_imports_only_stdlib_cryptography_and_domain() -> None:
    files = files_of("signing")
    assert files
    for path in files:
        foreign = {
            m
            for m in imported_modules(path)
            if m not in sys.stdlib_module_names and m not in ALLOWED
        }
        assert foreign == set(), f"{path.name} imports {foreign}"


def test_exchange_never_reads_key_files() -> None:
    """exchange/ gets a Signer; only models/ (the store) touches signing.key_file."""
    for path in files_of("exchange"):
        assert "key_file" not in path.read_text(encoding="utf-8"), path.name
