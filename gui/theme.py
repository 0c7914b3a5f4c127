"""The look of the app in one place: named colours, the palette, the style sheet.

Every colour the window uses has a name here, by what it means ("the output node's
border", "a right answer"), never by its hue. Qt widgets follow the application's
``QPalette`` (made from the same ``Theme``); custom-drawn things — the graph's cards,
the plot's curves, the map's arrows, the lesson banner — ask ``current()`` for their
colours when they paint, so they follow the theme too.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class Theme:
    """The colours of one look, as ``#rrggbb`` (or ``#aarrggbb``) strings."""

    name: str
    # -- surfaces and text (also the QPalette roles) --------------------------------
    window: str
    surface: str  # text fields, panels, the plot's background
    surface_alt: str  # alternate rows, quiet panels
    button: str
    text: str
    muted_text: str  # captions, hints, group titles
    faint_text: str  # disabled text, a stale value
    placeholder: str
    border: str
    light_border: str  # separators, cards
    accent: str  # focus, selection, links
    accent_text: str  # text on the accent
    tooltip: str
    # -- meaning --------------------------------------------------------------------------
    error: str
    ok: str
    warning: str  # "not differentiable here", a middling error
    right: str  # a prediction that was right
    revealed: str  # an answer shown on request
    hint: str
    highlight_fill: str  # the part of the formula a graph node came from
    highlight_line: str
    highlight_text: str
    # -- the formula buttons --------------------------------------------------------------
    key_border: str
    key_hover: str
    key_pressed: str
    function_key: str
    variable_key: str
    # -- curves: the plot and anything that matches it --------------------------------
    curve_f: str
    curve_df: str
    curve_d2f: str
    curve_tangent: str
    trail: str  # the optimizer's path on the plot
    axis: str
    axis_text: str
    zero_line: str
    marker_fill: str
    legend_fill: str  # with alpha
    # -- the graph ------------------------------------------------------------------------
    graph_background: str
    node_input: tuple[str, str]  # (fill, border)
    node_constant: tuple[str, str]
    node_intermediate: tuple[str, str]
    node_output: tuple[str, str]
    node_function: tuple[str, str]
    node_text: str
    node_muted: str
    grad_text: str
    current_fill: str
    current_border: str
    queued_fill: str
    queued_border: str
    queued_text: str
    popped_fill: str
    done_fill: str
    done_border: str
    fresh_border: str
    selection: str
    edge: str
    gx_edge: str
    gy_edge: str
    edge_label_fill: str  # with alpha
    generation_tag: str
    explanation_fill: str
    # -- the map ----------------------------------------------------------------------------
    grad_arrow: tuple[str, str]  # (fill, outline)
    descent_arrow: tuple[str, str]
    map_trail: tuple[str, str]
    map_point: tuple[str, str]
    contour: str  # with alpha, over the heat map
    # -- lessons -----------------------------------------------------------------------------
    banner_fill: str
    banner_border: str
    banner_text: str

    @property
    def curves(self) -> dict[str, str]:
        """The colour of each curve key of the session ("f", "df", "d2f", "tangent")."""
        return {
            "f": self.curve_f,
            "df": self.curve_df,
            "d2f": self.curve_d2f,
            "tangent": self.curve_tangent,
        }

    def color(self, name: str) -> QColor:
        """``theme.color("edge")`` as a QColor."""
        return QColor(getattr(self, name))


# A calm blue accent on near-white surfaces.
LIGHT = Theme(
    name="light",
    window="#f3f4f7",
    surface="#ffffff",
    surface_alt="#eef0f4",
    button="#fbfbfd",
    text="#1d2129",
    muted_text="#596170",
    faint_text="#7c838f",
    placeholder="#7b8290",
    border="#c9ced8",
    light_border="#dde1e8",
    accent="#2563c9",
    accent_text="#ffffff",
    tooltip="#fffdf0",
    error="#c62828",
    ok="#2a7430",
    warning="#a34a06",
    right="#1e7b34",
    revealed="#1f5fbf",
    hint="#8a5a00",
    highlight_fill="#cfe0ff",
    highlight_line="#2f6fd6",
    highlight_text="#0b3d91",
    key_border="#d3d7df",
    key_hover="#eaf1fc",
    key_pressed="#d6e4fa",
    function_key="#1f5fbf",
    variable_key="#8e44ad",
    curve_f="#1f5fbf",
    curve_df="#e0701a",
    curve_d2f="#2e9b4f",
    curve_tangent="#8e44ad",
    trail="#c2185b",  # raspberry: apart from f, f′, f″ and the tangent
    axis="#9aa1ad",
    axis_text="#3b4252",
    zero_line="#b8bec9",
    marker_fill="#ffffff",
    legend_fill="#dcffffff",
    graph_background="#ffffff",
    node_input=("#e4eeff", "#2f6fd6"),
    node_constant=("#f1f2f5", "#aeb4bf"),
    node_intermediate=("#ffffff", "#8a93a3"),
    node_output=("#fff0da", "#e0701a"),
    node_function=("#e6f4ea", "#2e8b4f"),
    node_text="#1d2129",
    node_muted="#636b78",
    grad_text="#b33a0a",
    current_fill="#ffb347",
    current_border="#c2410c",
    queued_fill="#fff4cc",
    queued_border="#d99a00",
    queued_text="#7a5600",
    popped_fill="#ffe2c2",
    done_fill="#eceef2",
    done_border="#b9bfca",
    fresh_border="#e0701a",
    selection="#2f6fd6",
    edge="#a7aebb",
    gx_edge="#e0701a",
    gy_edge="#8e44ad",
    edge_label_fill="#ebffffff",
    generation_tag="#aab0bb",
    explanation_fill="#fafbfc",
    grad_arrow=("#e5393a", "#5c0d0d"),
    descent_arrow=("#ffffff", "#1d2129"),
    map_trail=("#ff9f1c", "#5a3300"),
    map_point=("#ffffff", "#1d2129"),
    contour="#5fffffff",
    banner_fill="#fff3cd",
    banner_border="#e0a100",
    banner_text="#5c3d00",
)

# The same meanings on dark surfaces: light text, and every colour lifted until it reads
# at 4.5:1 or better on the surfaces it is drawn on (tests/gui/test_theme.py).
DARK = Theme(
    name="dark",
    window="#1c1f24",
    surface="#23272e",
    surface_alt="#2a2f37",
    button="#2e333b",
    text="#e6e8ec",
    muted_text="#aab1bd",
    faint_text="#7f8793",
    placeholder="#8a929e",
    border="#4a505b",
    light_border="#3a3f48",
    accent="#5b9cf5",
    accent_text="#0b1220",
    tooltip="#2e333b",
    error="#ff7b72",
    ok="#62d37e",
    warning="#f0a650",
    right="#62d37e",
    revealed="#82b1f8",
    hint="#e8c062",
    highlight_fill="#213e6b",
    highlight_line="#5b9cf5",
    highlight_text="#d6e6ff",
    key_border="#474d58",
    key_hover="#2c3a52",
    key_pressed="#33476a",
    function_key="#86b5ff",
    variable_key="#d7a6f2",
    curve_f="#6ea8ff",
    curve_df="#ff9d4d",
    curve_d2f="#5fd37a",
    curve_tangent="#d29bf0",
    trail="#ff6fa8",
    axis="#7f8793",
    axis_text="#c9ced6",
    zero_line="#4f5663",
    marker_fill="#23272e",
    legend_fill="#dc23272e",
    graph_background="#1f2329",
    node_input=("#1f3350", "#5b9cf5"),
    node_constant=("#2d323a", "#7f8793"),
    node_intermediate=("#262a31", "#8a93a3"),
    node_output=("#43301a", "#ff9d4d"),
    node_function=("#1d3a2a", "#5fd37a"),
    node_text="#e6e8ec",
    node_muted="#aab1bd",
    grad_text="#ffab70",
    current_fill="#7a4a0c",
    current_border="#ffab70",
    queued_fill="#4a3d12",
    queued_border="#e0b03a",
    queued_text="#f5d77a",
    popped_fill="#4a3220",
    done_fill="#2a2e35",
    done_border="#4f5663",
    fresh_border="#ff9d4d",
    selection="#5b9cf5",
    edge="#6f7784",
    gx_edge="#ff9d4d",
    gy_edge="#d29bf0",
    edge_label_fill="#e023272e",
    generation_tag="#8a929e",
    explanation_fill="#262a31",
    grad_arrow=("#ff5a5a", "#2a0505"),
    descent_arrow=("#ffffff", "#1d2129"),
    map_trail=("#ff9f1c", "#5a3300"),
    map_point=("#ffffff", "#1d2129"),
    contour="#5fffffff",
    banner_fill="#3d3115",
    banner_border="#c99a1c",
    banner_text="#f5dc9a",
)

THEMES = {"light": LIGHT, "dark": DARK}
_current = LIGHT


def current() -> Theme:
    """The theme the window is drawn in now."""
    return _current


def palette(theme: Theme) -> QPalette:
    """The QPalette that Qt's own widgets draw with, from ``theme``."""
    p = QPalette()
    Role = QPalette.ColorRole
    roles = {
        Role.Window: theme.window,
        Role.WindowText: theme.text,
        Role.Base: theme.surface,
        Role.AlternateBase: theme.surface_alt,
        Role.Text: theme.text,
        Role.Button: theme.button,
        Role.ButtonText: theme.text,
        Role.Highlight: theme.accent,
        Role.HighlightedText: theme.accent_text,
        Role.ToolTipBase: theme.tooltip,
        Role.ToolTipText: theme.text,
        Role.PlaceholderText: theme.placeholder,
        Role.Link: theme.accent,
        Role.Mid: theme.border,
        Role.Midlight: theme.light_border,
        Role.Light: theme.surface,
        Role.Dark: theme.faint_text,
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.faint_text))
    return p


VALUE_FONT_SCALE = 2.4  # f's value in the formula column, times the text size


def style_sheet(t: Theme) -> str:
    """The application's style sheet: what the palette alone cannot say. It names no
    font size: sizes follow the application font (View > Zoom, gui/zoom.py), and a
    sheet that changed with the zoom would re-polish every widget on each step, putting
    back fonts that widgets had sized from their own."""
    return f"""
QToolTip {{ padding: 4px; }}
QGroupBox {{
    font-weight: 600;
    border: 1px solid {t.border};
    border-radius: 6px;
    margin-top: 10px;
    padding: 8px 6px 6px 6px;
    background: {t.surface};
}}
QGroupBox::title {{
    subcontrol-origin: margin;
    left: 10px;
    padding: 0 4px;
    color: {t.muted_text};
}}
QLineEdit#expressionEdit {{
    border: 1px solid {t.border};
    border-radius: 5px;
    padding: 6px 8px;
    background: {t.surface};
    selection-background-color: {t.accent};
}}
QLineEdit#expressionEdit:focus {{ border: 1px solid {t.accent}; }}
QLineEdit#expressionEdit[invalid="true"] {{ border: 2px solid {t.error}; padding: 5px 7px; }}
QLineEdit[invalid="true"] {{
    border: 1px solid {t.error}; border-radius: 3px; padding: 1px 2px; background: {t.surface};
}}
QLabel#expressionMessage[invalid="true"] {{ color: {t.error}; }}
QLabel#expressionMessage {{ color: {t.muted_text}; }}
QWidget#valueLabel {{ color: {t.text}; }}
QLabel#valueLabel[stale="true"] {{ color: {t.faint_text}; }}
QLabel#valueCaption, QLabel#noticeLabel, QLabel.muted {{ color: {t.muted_text}; }}
QFrame#variableRow {{
    background: {t.surface};
    border: 1px solid {t.light_border};
    border-radius: 6px;
}}
QFrame#variableRow[unused="true"] {{ background: {t.surface_alt}; }}
QFrame#variableRow[unused="true"] QLabel {{ color: {t.muted_text}; }}
QToolButton.paletteButton {{
    border: 1px solid {t.key_border};
    border-radius: 4px;
    background: {t.button};
    padding: 3px 6px;
    min-width: 22px;
    min-height: 20px;
}}
QToolButton.paletteButton:hover {{ background: {t.key_hover}; border-color: {t.accent}; }}
QToolButton.paletteButton:pressed {{ background: {t.key_pressed}; }}
QToolButton.paletteButton:focus {{ border: 2px solid {t.accent}; }}
QToolButton.paletteButton[kind="function"] {{ color: {t.function_key}; }}
QToolButton.paletteButton[kind="variable"] {{ color: {t.variable_key}; font-weight: 600; }}
QToolButton.paletteButton[kind="edit"] {{ color: {t.muted_text}; }}
QTabWidget#sideTabs::pane {{ border: 1px solid {t.border}; background: {t.surface}; }}
QFrame#switchBanner {{
    background: {t.banner_fill};
    border: 1px solid {t.banner_border};
    border-radius: 6px;
}}
QFrame#switchBanner QLabel {{ color: {t.banner_text}; }}
QFrame#switchBanner QPushButton {{ padding: 2px 10px; }}
QToolBar#switchBannerBar {{ border: none; padding: 4px 8px 0 8px; }}
QLabel#lessonTitle {{ font-weight: 600; }}
QLabel#lessonSteps, QLabel#presetLabel {{ color: {t.muted_text}; }}
QPlainTextEdit#demoCode, QLabel#demoOutput {{
    background: {t.surface_alt};
    border: 1px solid {t.light_border};
    border-radius: 4px;
}}
QFrame#lessonSeparator {{ color: {t.light_border}; }}
QFrame.questionRow {{ border-top: 1px solid {t.light_border}; }}
QLabel[feedback="right"] {{ color: {t.right}; font-weight: 600; }}
QLabel[feedback="wrong"] {{ color: {t.error}; }}
QLabel[feedback="invalid"] {{ color: {t.error}; }}
QLabel[feedback="revealed"] {{ color: {t.revealed}; font-weight: 600; }}
QLabel#graphExplanation {{
    background: {t.explanation_fill};
    border-top: 1px solid {t.light_border};
    padding: 6px 8px;
}}
QTableWidget#gradcheckTable {{
    selection-background-color: {t.highlight_fill};
    selection-color: {t.text};
}}
"""


MODES = ("system", "light", "dark")  # View > Theme, and --theme on the command line
SETTINGS_KEY = "ui/theme"

_system_palette: QPalette | None = None  # the platform's, before ours replaced it


def system_prefers_dark() -> bool:
    """True if the system asks for a dark look: Qt's colour scheme where the platform
    reports one (Qt 6.5+), else the lightness of the system palette's window colour."""
    app = QApplication.instance()
    if app is not None:
        scheme = app.styleHints().colorScheme()
        if scheme == Qt.ColorScheme.Dark:
            return True
        if scheme == Qt.ColorScheme.Light:
            return False
    p = _system_palette if _system_palette is not None else QPalette()
    window, text = p.color(QPalette.ColorRole.Window), p.color(QPalette.ColorRole.WindowText)
    return window.lightnessF() < text.lightnessF()


def resolve(mode: str) -> Theme:
    """The Theme for a mode: "light", "dark", or "system" (the system's lightness)."""
    if mode not in MODES:
        raise ValueError(f"unknown theme {mode!r} (known: {', '.join(MODES)})")
    if mode == "system":
        return DARK if system_prefers_dark() else LIGHT
    return THEMES[mode]


def stored_mode() -> str:
    """The mode chosen from View > Theme last time ("system" if none)."""
    value = QSettings().value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in MODES else "system"


class ThemeState(QObject):
    """The chosen mode and the theme drawn now. ``sigThemeChanged(theme)`` after a switch,
    once the palette and style sheet are applied (every widget has had PaletteChange)."""

    sigThemeChanged = Signal(object)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.mode = "system"
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    def _on_system_scheme_changed(self, _scheme) -> None:
        if self.mode == "system":
            set_mode("system")


_state: ThemeState | None = None


def state() -> ThemeState | None:
    """The application's ThemeState (None before ``apply_style``)."""
    return _state


def current_mode() -> str:
    return _state.mode if _state is not None else "system"


def set_mode(mode: str, remember: bool = False) -> Theme:
    """Switch the whole window to ``mode`` live; with ``remember`` store it for next time."""
    theme = resolve(mode)
    app = QApplication.instance()
    if remember:
        QSettings().setValue(SETTINGS_KEY, mode)
    apply_style(app, theme)
    restyle_plots(app, theme)
    _state.mode = mode
    _state.sigThemeChanged.emit(theme)
    return theme


def apply_style(app: QApplication, theme: Theme | None = None) -> None:
    """Fusion, the theme's palette and style sheet, a readable default font, and
    pyqtgraph's defaults. Every widget then gets a PaletteChange event; custom-drawn
    ones read ``current()`` when they paint, so an ``update()`` is all they need."""
    import pyqtgraph as pg

    from gui import zoom

    global _current, _state, _system_palette
    if _state is None or _state.parent() is not app:
        _system_palette = QPalette(app.palette())
        _state = ThemeState(app)
    if theme is not None:
        _current = theme
    t = _current
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette(t))
    zoom.remember_base_font(app)
    # Set after the font, and again even when unchanged: under a style sheet, widgets
    # take the application font only when they are polished.
    app.setStyleSheet("")
    app.setStyleSheet(style_sheet(t))
    pg.setConfigOptions(background=t.surface, foreground=t.axis_text, antialias=True)
    for window in app.topLevelWidgets():  # custom-drawn widgets and views repaint
        if shiboken6.isValid(window):
            window.update()
            for widget in window.findChildren(QWidget):
                widget.update()


def restyle_plots(app: QApplication, t: Theme) -> None:
    """pyqtgraph's defaults reach only plots made after them: tell the existing ones
    (their background and axes; each panel recolours its own curves)."""
    import pyqtgraph as pg

    # Through the windows, not app.allWidgets(): that list also holds widgets whose
    # deletion is under way, and touching one of those crashes.
    views = [
        view
        for window in app.topLevelWidgets()
        if shiboken6.isValid(window)
        for view in window.findChildren(pg.GraphicsView)
    ]
    for widget in views:
        widget.setBackground(t.surface)
        if isinstance(widget, pg.PlotWidget):
            plots = [widget.getPlotItem()]
        elif isinstance(widget, pg.GraphicsLayoutWidget):
            plots = [item for item in widget.ci.items if isinstance(item, pg.PlotItem)]
        else:
            plots = []
        for plot in plots:
            for axis in plot.axes.values():
                axis["item"].setPen(pg.mkPen(t.axis))
                axis["item"].setTextPen(pg.mkPen(t.axis_text))


__all__ = [
    "DARK",
    "LIGHT",
    "MODES",
    "THEMES",
    "Theme",
    "apply_style",
    "restyle_plots",
    "current",
    "current_mode",
    "palette",
    "resolve",
    "set_mode",
    "state",
    "stored_mode",
    "style_sheet",
    "system_prefers_dark",
]
