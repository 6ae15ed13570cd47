"""The pinned Qt binding must not leak references to None/True (PySide6 6.12.0 on Python
3.11 did, and the app aborted after a few thousand signal emissions)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    value = Signal(object)
    bare = Signal()


def test_signal_emit_keeps_true_and_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    received: list[object] = []
    emitter.value.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(3000):
        emitter.value.emit(i)
        emitter.bare.emit()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert len(received) == 3000
    assert after[0] - before[0] > -50, "Signal.emit() leaks references to True"
    assert after[1] - before[1] > -50, "Signal.emit() leaks references to None"


def test_combo_current_data_keeps_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("省公安厅")
    before = sys.getrefcount(None)
    for _ in range(3000):
        combo.currentData()
    assert sys.getrefcount(None) - before > -50
