"""Window layer: pieces shared by the coordinating office's dialogs (时限, 节点, 修订): the
reason every plan change carries (留痕) and the red line that says what is wrong."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

#: The store keeps 2,000 characters of a reason; longer is refused here, not cut silently.
REASON_MAX = 2000


def reason_box(parent: QWidget) -> QPlainTextEdit:
    """The 修改原因 field."""
    box = QPlainTextEdit(parent)
    box.setObjectName("reason")
    box.setTabChangesFocus(True)
    box.setPlaceholderText(
        QCoreApplication.translate("Supervision", "例如：根据领导小组第三次会议要求")
    )
    box.setMaximumHeight(box.fontMetrics().lineSpacing() * 4 + 12)
    return box


def reason_problem(reason: str) -> str | None:
    """Every plan change says why, in a sensible length."""
    if not reason.strip():
        return QCoreApplication.translate("Supervision", "请填写修改原因，以便留痕。")
    if len(reason.strip()) > REASON_MAX:
        return QCoreApplication.translate("Supervision", "修改原因过长，请精简到 2000 字以内。")
    return None


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("error_label")
    label.setWordWrap(True)
    label.setStyleSheet("color: #c62828;")
    label.hide()
    return label
