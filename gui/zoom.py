"""View > Zoom: one factor that scales every pane's text, for a projector or tired eyes.

The factor multiplies the application font (``QApplication.font()``); every widget whose
font is not set by hand follows it, and Qt sends each a ``FontChange`` event. A panel that
draws its own text sizes it from its widget's font (``self.font().pointSizeF() * k``),
computed again on ``FontChange``, so one setting scales the graph's cards, the plot's
labels and the map as much as the menus. ``factor()`` is there for what is not text
(a line width, a marker), and ``notifier().sigZoomChanged(factor)`` follows a change.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

SETTINGS_KEY = "ui/zoom"
STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
MIN_POINT_SIZE = 10.0  # the smallest default font we draw with, before any zoom

_base_point_size: float | None = None
_factor = 1.0


class ZoomNotifier(QObject):
    sigZoomChanged = Signal(float)


_notifier: ZoomNotifier | None = None


def notifier() -> ZoomNotifier:
    """Emits ``sigZoomChanged(factor)`` after the application font changed."""
    global _notifier
    app = QApplication.instance()
    if _notifier is None or _notifier.parent() is not app:
        _notifier = ZoomNotifier(app)
    return _notifier


def factor() -> float:
    """The zoom now: 1.0 is the actual size."""
    return _factor


def base_point_size() -> float:
    """The application font's size at zoom 1.0."""
    return _base_point_size if _base_point_size is not None else MIN_POINT_SIZE


def remember_base_font(app: QApplication, apply: bool = True) -> None:
    """Note the platform's font size once (at least ``MIN_POINT_SIZE``) and apply the zoom."""
    global _base_point_size
    if _base_point_size is None:
        size = app.font().pointSizeF()
        _base_point_size = max(MIN_POINT_SIZE, size if size > 0 else MIN_POINT_SIZE)
    if apply:
        _apply_font(app)


def _apply_font(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSizeF(round(base_point_size() * _factor, 2))
    if font != app.font():
        app.setFont(font)


def clamp(value: float) -> float:
    return min(STEPS[-1], max(STEPS[0], value))


def stored_factor() -> float:
    """The zoom chosen last time (1.0 if none or not a sensible number)."""
    value = QSettings().value(SETTINGS_KEY)
    try:
        value = float(value)
    except (TypeError, ValueError):
        return 1.0
    return clamp(value) if value == value else 1.0


def set_factor(value: float, remember: bool = False) -> float:
    """Zoom the whole window to ``value`` (clamped to STEPS' range); returns the factor."""
    global _factor
    value = clamp(float(value))
    if remember:
        QSettings().setValue(SETTINGS_KEY, value)
    if value == _factor:
        return value
    _factor = value
    app = QApplication.instance()
    _apply_font(app)
    # Under a style sheet, widgets take the application font only when they are
    # polished: set the same sheet again (its sizes follow the font, not the zoom).
    sheet = app.styleSheet()
    app.setStyleSheet("")
    app.setStyleSheet(sheet)
    notifier().sigZoomChanged.emit(value)
    return value


def zoom_in(remember: bool = True) -> float:
    bigger = [s for s in STEPS if s > _factor + 1e-9]
    return set_factor(bigger[0] if bigger else STEPS[-1], remember)


def zoom_out(remember: bool = True) -> float:
    smaller = [s for s in STEPS if s < _factor - 1e-9]
    return set_factor(smaller[-1] if smaller else STEPS[0], remember)


def actual_size(remember: bool = True) -> float:
    return set_factor(1.0, remember)


__all__ = [
    "STEPS",
    "actual_size",
    "base_point_size",
    "factor",
    "notifier",
    "remember_base_font",
    "set_factor",
    "stored_factor",
    "zoom_in",
    "zoom_out",
]
