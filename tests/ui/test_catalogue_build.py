"""English from a source checkout: the committed .ts is compiled when its .qm is missing or
older, so 视图 → 界面语言 → English works with no build step."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from runtime.paths import user_data_dir
from runtime.resources import resource_path
from ui import i18n
from ui.app import GuiSession
from ui.i18n import catalogue_folder, install_translators, lrelease_path

from .test_app import menu_titles, session  # noqa: F401  (fixture)

pytestmark = pytest.mark.gui

TS_NAME = "duban_en.ts"


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A translations folder as a fresh clone has it: the .ts, no .qm."""
    folder = tmp_path / "checkout" / "resources" / "translations"
    folder.mkdir(parents=True)
    shutil.copy(resource_path("translations", TS_NAME), folder / TS_NAME)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: folder.parent.joinpath(*parts))
    return folder


def test_the_wheel_carries_lrelease() -> None:
    tool = lrelease_path()
    assert tool is not None and os.access(tool, os.X_OK)


def test_a_missing_catalogue_is_compiled_beside_the_ts(checkout: Path) -> None:
    assert catalogue_folder("en") == checkout
    qm = checkout / "duban_en.qm"
    assert qm.is_file() and qm.stat().st_size > 10_000
    assert not list(checkout.glob("*.partial"))


def test_a_catalogue_older_than_its_ts_is_rebuilt(checkout: Path) -> None:
    qm = checkout / "duban_en.qm"
    qm.write_bytes(b"stale")  # not a catalogue at all: loading it would fail
    os.utime(qm, (1_000_000, 1_000_000))
    catalogue_folder("en")
    assert qm.stat().st_size > 10_000
    built = qm.stat().st_mtime
    catalogue_folder("en")  # current now: left alone
    assert qm.stat().st_mtime == built


def test_an_unwritable_checkout_compiles_into_the_user_data_folder(checkout: Path) -> None:
    (checkout / "duban_en.qm").mkdir()  # the name is taken: nothing can be written there
    folder = catalogue_folder("en")
    assert folder == user_data_dir() / "translations"
    assert (folder / "duban_en.qm").is_file()


def test_english_from_a_checkout_without_a_build_step(
    checkout: Path,
    session: GuiSession,  # noqa: F811  (the fixture of test_app)
    zh_app: QApplication,
) -> None:
    window = session.window
    assert window is not None and menu_titles(window)[0] == "文件(&F)"
    assert not (checkout / "duban_en.qm").exists()
    try:
        window.menu_actions.languages["en"].trigger()  # 视图 → 界面语言 → English
        assert session.window is not None and session.window is not window
        assert menu_titles(session.window)[:3] == ["&File", "&Edit", "&View"]
        assert QCoreApplication.translate("MainWindow", "按方案") == "By plan"
        assert (checkout / "duban_en.qm").is_file()
    finally:
        install_translators(zh_app, "zh_CN")
