"""The look of the app in one place: palette, colours, style sheet, plot defaults.

Widgets take their colours from the application's ``QPalette``; custom-drawn items
(the graph's cards, the plot's curves, the map) take them from here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

# One light palette for the whole app: a calm blue accent on near-white surfaces.
ACCENT = "#2f6fd6"
WINDOW_BG = "#f3f4f7"
SURFACE = "#ffffff"
TEXT = "#1d2129"
MUTED_TEXT = "#6b7280"
BORDER = "#c9ced8"
ERROR = "#c62828"

# Curve colours, shared by the plot and anything that wants to match it (legend, panels).
CURVE_COLORS = {
    "f": "#1f5fbf",
    "df": "#e0701a",
    "d2f": "#2e9b4f",
    "tangent": "#8e44ad",
}


def light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW_BG,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: "#eef0f4",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: "#fbfbfd",
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#fffdf0",
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: "#9aa1ad",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Mid: BORDER,
        QPalette.ColorRole.Midlight: "#e3e6ec",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Dark: "#9aa1ad",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#a3a9b4"))
    return p


STYLE_SHEET = f"""
QToolTip {{ padding: 4px; }}
QGroupBox {{
    font-weight: 600;
    border: 1px solid {BORDER};
    border-radius: 6px;
    margin-top: 10px;
    padding: 8px 6px 6px 6px;
    background: {SURFACE};
}}
QGroupBox::title {{
    subcontrol-origin: margin;
    left: 10px;
    padding: 0 4px;
    color: {MUTED_TEXT};
}}
QLineEdit#expressionEdit {{
    border: 1px solid {BORDER};
    border-radius: 5px;
    padding: 6px 8px;
    background: {SURFACE};
    selection-background-color: {ACCENT};
}}
QLineEdit#expressionEdit:focus {{ border: 1px solid {ACCENT}; }}
QLineEdit#expressionEdit[invalid="true"] {{ border: 2px solid {ERROR}; padding: 5px 7px; }}
QLineEdit[invalid="true"] {{ border: 1px solid {ERROR}; }}
QLabel#expressionMessage[invalid="true"] {{ color: {ERROR}; }}
QLabel#expressionMessage {{ color: {MUTED_TEXT}; }}
QLabel#valueLabel {{ color: {TEXT}; }}
QLabel#valueLabel[stale="true"] {{ color: #9aa1ad; }}
QLabel#valueCaption, QLabel#noticeLabel, QLabel.muted {{ color: {MUTED_TEXT}; }}
QFrame#variableRow {{
    background: {SURFACE};
    border: 1px solid #dde1e8;
    border-radius: 6px;
}}
QFrame#variableRow[unused="true"] {{ background: #f7f8fa; }}
QFrame#variableRow[unused="true"] QLabel {{ color: #a3a9b4; }}
QToolButton.paletteButton {{
    border: 1px solid #d3d7df;
    border-radius: 4px;
    background: #fbfbfd;
    padding: 3px 6px;
    min-width: 22px;
    min-height: 20px;
}}
QToolButton.paletteButton:hover {{ background: #eaf1fc; border-color: {ACCENT}; }}
QToolButton.paletteButton:pressed {{ background: #d6e4fa; }}
QToolButton.paletteButton[kind="function"] {{ color: #1f5fbf; }}
QToolButton.paletteButton[kind="variable"] {{ color: #8e44ad; font-weight: 600; }}
QToolButton.paletteButton[kind="edit"] {{ color: {MUTED_TEXT}; }}
QTabWidget#sideTabs::pane {{ border: 1px solid {BORDER}; background: {SURFACE}; }}
"""


def apply_style(app: QApplication) -> None:
    """Fusion, the light palette, a readable default font and pyqtgraph's colours."""
    import pyqtgraph as pg

    app.setStyle("Fusion")
    app.setPalette(light_palette())
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    pg.setConfigOptions(background=SURFACE, foreground="#3b4252", antialias=True)
