"""Fixtures of the window tests: a main window on the test store, settings in a temp file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from models.store import Store
from runtime.resources import resource_path
from ui import fonts
from ui.i18n import install_translators
from ui.main_window import MainWindow

MakeWindow = Callable[[Store], MainWindow]

SECOND_PLAN = """\
关于印发《某省推进质量强省建设重点任务分工方案》的通知

各市人民政府，省政府各直属单位：

　　现将分工方案印发给你们，请认真贯彻执行。

某省人民政府办公厅
2017年3月1日

某省推进质量强省建设重点任务分工方案

　　一、夯实质量发展基础

　　（一）完善质量标准体系。

　　1.开展标准化综合改革试点，建立政府主导制定与市场自主制定协同发展的标准体系。（省质监局牵头，省发改委、工信委配合）

　　2.推动企业标准自我声明公开和监督制度。（省质监局负责）

　　（二）加强计量检测能力。

　　3.建设一批国家级和省级产品质量检验检测中心。（省质监局、科技厅按职责分别负责）

　　二、提升产品和服务质量

　　4.实施消费品质量提升行动，开展重点消费品质量比对。（省工信委牵头，省商务厅、质监局配合）

　　5.打击制售假冒伪劣商品违法行为。（省公安厅、工商局按职责分别负责）

　　6.加强质量人才培养。（牵头：；配合：）
"""


@pytest.fixture(scope="session")
def english_catalogue() -> Path:
    """``duban_en.qm`` built from the committed ``.ts`` (built, never committed)."""
    from scripts.build_translations import release

    return release()


@pytest.fixture
def qt_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def zh_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application in Chinese (the default); restored after the test."""
    fonts.apply_ui_font(qapp)
    install_translators(qapp, "zh_CN")
    yield qapp
    install_translators(qapp, "zh_CN")


@pytest.fixture
def make_window(qtbot: QtBot, zh_app: QApplication, qt_settings: QSettings) -> MakeWindow:
    """Build a main window on a store (not shown: offscreen needs no show for models)."""

    def make(store: Store) -> MainWindow:
        window = MainWindow(qt_settings)
        qtbot.addWidget(window)
        window.set_store(store)
        return window

    return make


@pytest.fixture
def window(make_window: MakeWindow, store: Store) -> MainWindow:
    return make_window(store)


@pytest.fixture
def second_plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "second-plan.txt"
    path.write_text(SECOND_PLAN, encoding="utf-8")
    return path


def seed_plan_path() -> Path:
    return resource_path("plans", "plan-heilongjiang-ip-2016.txt")


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` as an input method commits it (QTest.keyClicks is ASCII-only).

    Chinese reaches a widget from the IME as committed strings, one phrase at a time; this
    sends one commit per character, so search-as-you-type sees every intermediate text.
    """
    widget.setFocus()
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)
