"""Window layer: the dashboard's pictures, drawn with QPainter: a completion donut and bars
per unit.

No Qt Charts: small painted widgets are easier to keep readable in print and greyscale
(every colour comes with its light's name or count as text), and add nothing to a bundle.
Each emits what was clicked; the dashboard turns that into a set of tasks.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from domain.status_lights import LIGHT_ORDER, Light
from ui.common import words
from ui.dashboard.figure_card import scaled

#: Colour of empty rings and bars.
TRACK = "#e4e7eb"
#: The donut starts at 12 o'clock with what is done, then the rest from good to bad.
DONUT_ORDER = tuple(reversed(LIGHT_ORDER))


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads on ``background``."""
    luminance = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#1b1f23") if luminance > 150 else QColor("#ffffff")


class CompletionDonut(QWidget):
    """完成率 as a ring of every light's share, with a legend of names and counts."""

    #: A light was clicked (its value), or the centre ("": every task).
    light_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[Light, int] = {}
        self._total = 0
        self.setMouseTracking(True)
        self.setMinimumSize(self.minimumSizeHint())

    def set_counts(self, counts: dict[Light, int]) -> None:
        self._counts = dict(counts)
        self._total = sum(counts.values())
        self.update()

    def _label_width(self) -> int:
        fm = self.fontMetrics()
        return max(fm.horizontalAdvance(words.light_text(x)) for x in DONUT_ORDER) + 10

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        legend = 18 + self._label_width() + fm.horizontalAdvance("000  100%")
        return QSize(178 + legend + 8, 7 * fm.height() + 24)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint()

    # --- geometry ------------------------------------------------------------------------
    def _ring(self) -> tuple[QPointF, float, float]:
        side = min(self.height() - 16, 170 - 16)
        centre = QPointF(8 + side / 2, self.height() / 2)
        return centre, side / 2, side / 2 * 0.62

    def _legend_rows(self) -> list[tuple[Light, QRect]]:
        fm = self.fontMetrics()
        row_h = fm.height() + 8
        top = int(self.height() / 2 - row_h * len(DONUT_ORDER) / 2)
        left = 178
        return [
            (light, QRect(left, top + i * row_h, self.width() - left - 4, row_h))
            for i, light in enumerate(DONUT_ORDER)
        ]

    def _segments(self) -> list[tuple[Light, float, float]]:
        """(light, start, span) in degrees clockwise from 12 o'clock."""
        out, start = [], 0.0
        for light in DONUT_ORDER:
            count = self._counts.get(light, 0)
            if count and self._total:
                span = 360.0 * count / self._total
                out.append((light, start, span))
                start += span
        return out

    def light_at(self, pos: QPointF) -> Light | None | str:
        """The light under ``pos``; "" for the centre (every task); None for nothing."""
        for light, rect in self._legend_rows():
            if rect.contains(pos.toPoint()):
                return light
        centre, outer, inner = self._ring()
        dx, dy = pos.x() - centre.x(), pos.y() - centre.y()
        radius = math.hypot(dx, dy)
        if radius < inner:
            return ""
        if radius > outer:
            return None
        clockwise = (math.degrees(math.atan2(dx, -dy)) + 360.0) % 360.0
        for light, start, span in self._segments():
            if start <= clockwise < start + span:
                return light
        return None

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        centre, outer, inner = self._ring()
        box = QRectF(centre.x() - outer, centre.y() - outer, 2 * outer, 2 * outer)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(TRACK))
        p.drawEllipse(box)
        for light, start, span in self._segments():
            for brush in words.light_brushes(light):
                p.setBrush(brush)
                # Qt counts angles anticlockwise from 3 o'clock in 1/16 degree.
                p.drawPie(box, int((90 - start) * 16), int(-span * 16))
        p.setBrush(self.palette().window())
        p.drawEllipse(centre, inner, inner)
        # White gaps between segments keep them apart in greyscale.
        p.setPen(QPen(self.palette().window().color(), 2))
        for _, start, _span in self._segments() if len(self._segments()) > 1 else []:
            angle = math.radians(start)
            p.drawLine(
                QPointF(centre.x() + inner * math.sin(angle), centre.y() - inner * math.cos(angle)),
                QPointF(centre.x() + outer * math.sin(angle), centre.y() - outer * math.cos(angle)),
            )
        self._paint_centre(p, centre, inner)
        self._paint_legend(p)
        p.end()

    def _paint_centre(self, p: QPainter, centre: QPointF, inner: float) -> None:
        done = self._counts.get(Light.DONE, 0)
        rate = f"{round(100 * done / self._total)}%" if self._total else "—"
        small = self.fontMetrics()
        big_font = scaled(self.font(), 1.7, bold=True)
        big = QFontMetrics(big_font)
        box = QRectF(centre.x() - inner, centre.y() - inner, 2 * inner, 2 * inner)
        p.setPen(QColor("#3c4650"))
        p.setFont(self.font())
        top = QRectF(box.left(), centre.y() - big.height() / 2 - small.height(), box.width(), 0)
        p.drawText(
            top.adjusted(0, 0, 0, small.height()), Qt.AlignmentFlag.AlignCenter, self.tr("完成率")
        )
        p.setFont(big_font)
        p.drawText(
            QRectF(box.left(), centre.y() - big.height() / 2, box.width(), big.height()),
            Qt.AlignmentFlag.AlignCenter,
            rate,
        )
        p.setFont(self.font())
        p.drawText(
            QRectF(box.left(), centre.y() + big.height() / 2, box.width(), small.height()),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("{done}/{total} 项").format(done=done, total=self._total),
        )

    def _paint_legend(self, p: QPainter) -> None:
        p.setFont(self.font())
        for light, rect in self._legend_rows():
            count = self._counts.get(light, 0)
            swatch = QRectF(rect.left(), rect.center().y() - 6, 12, 12)
            p.setPen(Qt.PenStyle.NoPen)
            for brush in words.light_brushes(light):
                p.setBrush(brush)
                p.drawRect(swatch)
            p.setPen(QColor("#1b1f23"))
            share = f"{round(100 * count / self._total)}%" if self._total else ""
            label_w = self._label_width()
            text_rect = rect.adjusted(18, 0, 0, 0)
            p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, words.light_text(light))
            p.drawText(
                text_rect.adjusted(label_w, 0, 0, 0),
                Qt.AlignmentFlag.AlignVCenter,
                f"{count}  {share}",
            )

    # --- interaction ---------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.light_at(event.position())
        clickable = hit == "" or (isinstance(hit, Light) and self._counts.get(hit, 0) > 0)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        hit = self.light_at(event.position())
        if event.button() is Qt.MouseButton.LeftButton and hit is not None:
            self.light_clicked.emit(hit.value if isinstance(hit, Light) else "")
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.light_at(QPointF(event.pos()))
            if isinstance(hit, Light):
                QToolTip.showText(
                    event.globalPos(),
                    self.tr("{light}：{count} 项（{reason}）").format(
                        light=words.light_text(hit),
                        count=self._counts.get(hit, 0),
                        reason=words.light_reason(hit),
                    ),
                    self,
                )
            elif hit == "":
                QToolTip.showText(event.globalPos(), self.tr("单击查看全部任务"), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


class UnitBars(QWidget):
    """One stacked bar per unit: how many of its tasks have each light, with the counts."""

    #: (unit id, light value) of the clicked segment; light "" when the name was clicked.
    segment_clicked = Signal(str, str)

    NAME_WIDTH = 170

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, dict[Light, int]]] = []
        self._hover = -1
        self.setMouseTracking(True)
        self._update_height()

    def set_rows(self, rows: list[tuple[str, str, dict[Light, int]]]) -> None:
        """(unit id, name, counts by light) per unit, most in need of attention first."""
        self._rows = sorted(
            rows,
            key=lambda r: (
                tuple(-r[2].get(light, 0) for light in LIGHT_ORDER[:3]),
                -sum(r[2].values()),
            ),
        )
        self._update_height()
        self.update()

    def rows(self) -> list[tuple[str, str, dict[Light, int]]]:
        return list(self._rows)

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _legend_height(self) -> int:
        return self.fontMetrics().height() + 12

    def _update_height(self) -> None:
        height = self._legend_height() + max(len(self._rows), 1) * self._row_height() + 6
        self.setMinimumHeight(height)
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(520, self.minimumHeight())

    def _bar_area(self) -> tuple[int, int]:
        total_w = self.fontMetrics().horizontalAdvance("000") + 10
        left = self.NAME_WIDTH + 10
        return left, max(self.width() - left - total_w, 40)

    def row_rect(self, row: int) -> QRect:
        return QRect(
            0, self._legend_height() + row * self._row_height(), self.width(), self._row_height()
        )

    def _segments(self, row: int) -> list[tuple[Light, QRectF]]:
        left, width = self._bar_area()
        scale = max((sum(r[2].values()) for r in self._rows), default=0)
        rect = self.row_rect(row)
        x = float(left)
        out = []
        for light in LIGHT_ORDER:
            count = self._rows[row][2].get(light, 0)
            if count and scale:
                w = width * count / scale
                out.append((light, QRectF(x, rect.top() + 3, w, rect.height() - 6)))
                x += w
        return out

    def hit(self, pos: QPointF) -> tuple[int, Light | None] | None:
        """(row, light) under ``pos``; light None on the unit's name."""
        top = self._legend_height()
        if pos.y() < top:
            return None
        row = int((pos.y() - top) // self._row_height())
        if not 0 <= row < len(self._rows):
            return None
        if pos.x() < self.NAME_WIDTH + 10:
            return row, None
        for light, rect in self._segments(row):
            if rect.left() <= pos.x() < rect.right():
                return row, light
        return row, None

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        self._paint_legend(p)
        left, width = self._bar_area()
        for row, (_, name, counts) in enumerate(self._rows):
            rect = self.row_rect(row)
            if row == self._hover:
                p.fillRect(rect, QColor("#eef3f9"))
            p.setPen(QColor("#1b1f23"))
            elided = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, self.NAME_WIDTH)
            name_rect = QRect(4, rect.top(), self.NAME_WIDTH, rect.height())
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            p.drawText(name_rect, right, elided)
            p.fillRect(QRectF(left, rect.top() + 3, width, rect.height() - 6), QColor(TRACK))
            end = float(left)
            for light, seg in self._segments(row):
                for brush in words.light_brushes(light):
                    p.fillRect(seg, brush)
                count = str(counts.get(light, 0))
                if seg.width() >= fm.horizontalAdvance(count) + 6:
                    p.setPen(text_colour_on(words.light_colour(light)))
                    p.drawText(seg, Qt.AlignmentFlag.AlignCenter, count)
                p.setPen(QPen(QColor("#ffffff"), 1))
                p.drawLine(QPointF(seg.right(), seg.top()), QPointF(seg.right(), seg.bottom()))
                end = seg.right()
            p.setPen(QColor("#3c4650"))
            p.drawText(
                QRectF(end + 4, rect.top(), 60, rect.height()),
                Qt.AlignmentFlag.AlignVCenter,
                str(sum(counts.values())),
            )
        p.end()

    def _paint_legend(self, p: QPainter) -> None:
        fm = self.fontMetrics()
        x = 4
        y = 4
        for light in LIGHT_ORDER:
            p.setPen(Qt.PenStyle.NoPen)
            for brush in words.light_brushes(light):
                p.setBrush(brush)
                p.drawRect(QRectF(x, y + (fm.height() - 12) / 2, 12, 12))
            p.setPen(QColor("#3c4650"))
            text = words.light_text(light)
            p.drawText(QPointF(x + 16, y + fm.ascent()), text)
            x += 16 + fm.horizontalAdvance(text) + 14

    def _tooltip(self, row: int) -> str:
        _, name, counts = self._rows[row]
        parts = self.tr("、").join(
            f"{words.light_text(light)} {counts[light]}"
            for light in LIGHT_ORDER
            if counts.get(light)
        )
        return self.tr("{unit}：{parts}（共 {total} 项）").format(
            unit=name, parts=parts, total=sum(counts.values())
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position())
        row = hit[0] if hit else -1
        if row != self._hover:
            self._hover = row
            self.update()
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hover = -1
        self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position())
        if event.button() is Qt.MouseButton.LeftButton and hit is not None:
            row, light = hit
            self.segment_clicked.emit(self._rows[row][0], light.value if light else "")
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hit = self.hit(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._tooltip(hit[0]), self)
            return True
        return super().event(event)
