"""A one-line label for text that changes on every frame (a value, a point).

A QLabel asks its layout to recompute on every ``setText`` — and the request climbs to
the window, so a number changing under a moving slider re-lays out the whole window
each frame. ``LiveLabel`` has a fixed height and only repaints itself: its width comes
from the layout, and text that does not fit is elided (or, for a title, left out).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import theme


class LiveLabel(QWidget):
    """``setText`` repaints; it never triggers a layout pass."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        color: str | None = None,
        all_or_nothing: bool = False,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> None:
        super().__init__(parent)
        self._text = ""
        self._color: str | QColor | None = None
        self.setColor(color)
        self._all_or_nothing = all_or_nothing  # a title is shown whole or not at all
        self._alignment = alignment
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().height() + 4)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt
        if event.type() == event.Type.FontChange:
            self._fit_height()
        elif event.type() == event.Type.PaletteChange:
            self.update()
        super().changeEvent(event)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        if text != self._text:
            self._text = text
            self.update()

    def setColor(self, color: str | QColor | None) -> None:  # noqa: N802 - Qt style
        """A theme colour's name (followed when the theme changes), or a fixed colour."""
        if isinstance(color, str) and color not in theme.Theme.__dataclass_fields__:
            color = QColor(color)
        if color != self._color:
            self._color = color
            self.update()

    def _pen_color(self) -> QColor:
        if isinstance(self._color, str):
            return theme.current().color(self._color)
        if self._color is not None:
            return self._color
        return self.palette().color(self.foregroundRole())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt
        return QSize(self.fontMetrics().horizontalAdvance(self._text) + 4, self.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt
        return QSize(0, self.height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt
        if not self._text:
            return
        painter = QPainter(self)
        painter.setPen(self._pen_color())
        rect = self.contentsRect()
        metrics = self.fontMetrics()
        if self._all_or_nothing:
            text = self._text if metrics.horizontalAdvance(self._text) <= rect.width() else ""
        else:
            text = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self._alignment), text)
        painter.end()
