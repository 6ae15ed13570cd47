"""Window layer: a clickable figure of the dashboard (a light's name above its count)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QWidget

#: Colour of the "all tasks" card.
NEUTRAL = "#5f6b78"
#: Colour of the 待补充 card (tasks whose units the office still has to give).
PENDING_COLOUR = "#b26a00"


def scaled(font: QFont, factor: float, bold: bool = False) -> QFont:
    out = QFont(font)
    out.setPointSizeF(font.pointSizeF() * factor)
    out.setBold(bold)
    return out


class FigureCard(QAbstractButton):
    """A clickable figure: a light's name above its count, with the light's colour strip."""

    def __init__(self, label: str, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._colour = QColor(colour)
        self._count = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_count(self, count: int) -> None:
        self._count = count
        self.setText(f"{self._label} {count}")  # for accessibility and tests
        self.update()

    def count(self) -> int:
        return self._count

    def sizeHint(self) -> QSize:
        small = self.fontMetrics()
        big = QFontMetrics(scaled(self.font(), 1.8, bold=True))
        width = max(small.horizontalAdvance(self._label), big.horizontalAdvance("000")) + 34
        return QSize(max(width, 96), small.height() + big.height() + 18)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        hover = self.underMouse() or self.hasFocus()
        p.setPen(QPen(QColor("#8a96a3") if hover else QColor("#c9ced6"), 1))
        p.setBrush(QColor("#f2f6fb") if hover else QColor("#ffffff"))
        p.drawRoundedRect(rect, 4, 4)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self._colour)
        p.drawRoundedRect(QRectF(rect.left(), rect.top(), 6, rect.height()), 3, 3)
        small = self.fontMetrics()
        p.setPen(QColor("#3c4650"))
        p.setFont(self.font())
        p.drawText(QPointF(16, 6 + small.ascent()), self._label)
        big_font = scaled(self.font(), 1.8, bold=True)
        p.setFont(big_font)
        p.setPen(self._colour if self._count else QColor("#8a96a3"))
        p.drawText(
            QPointF(16, self.height() - 8 - QFontMetrics(big_font).descent()), str(self._count)
        )
        p.end()

    def enterEvent(self, event: QEvent) -> None:
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.update()
        super().leaveEvent(event)
