"""Shared fixtures: offscreen Qt before any QApplication, a fresh real database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# pytest-qt has no platform setting: this must happen before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from models.store import Store  # noqa: E402
from runtime.resources import default_plan_path  # noqa: E402

pytest_plugins = ["tests.cli_fixture", "tests.pg_fixtures"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = default_plan_path()


@pytest.fixture(autouse=True)
def _isolated_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test ever touches the real per-user database."""
    monkeypatch.setenv("DUBAN_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "duban.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh database built by the real migrations and seeded with the embedded plan."""
    with Store.open(db_path) as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")
