"""The QApplication: one place for style, palette, fonts, plot defaults and translations.

``create_app()`` is used by ``main.py`` and by the benchmarks; tests get their
application from pytest-qt and call ``apply_style()`` only if they want the look.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

APP_NAME = "Autodiff Tutor"
ORGANIZATION = "Autodiff Tutor"
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

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


def install_translators(app: QApplication, language: str | None = None):
    """The interface language (gui/i18n.py): ``language``, else the one chosen from
    View > Language last time, else the system locale's."""
    from gui import i18n

    return i18n.install(app, language)


_HARMLESS_OFFSCREEN_MESSAGES = ("This plugin does not support",)


def _quiet_offscreen_messages() -> None:
    """The offscreen platform warns about window features it lacks; nobody can act on it."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):
        if message.startswith(_HARMLESS_OFFSCREEN_MESSAGES):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


def create_app(argv: list[str] | None = None) -> QApplication:
    """Create (or return) the QApplication, styled and translated."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    if QApplication.platformName() == "offscreen":
        _quiet_offscreen_messages()
    apply_style(app)
    install_translators(app)
    return app
