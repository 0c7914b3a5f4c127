"""The window's look: light and dark themes that read (WCAG AA), View > Theme and Zoom,
a first window that fits the screen, and the last geometry restored inside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QApplication

from gui import theme, zoom

ROOT = Path(__file__).resolve().parents[2]


# -- contrast, computed from the theme's values (WCAG 2.1, relative luminance) -----------------


def _channel(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str | QColor) -> float:
    q = QColor(color)
    return (
        0.2126 * _channel(q.redF()) + 0.7152 * _channel(q.greenF()) + 0.0722 * _channel(q.blueF())
    )


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_gives_the_published_ratios():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # WebAIM's figure
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


SURFACES = ("window", "surface", "surface_alt", "button")
# Text drawn on the window's surfaces: captions, messages, feedback, keys, the plot's axes.
TEXT_ON_SURFACES = (
    "text muted_text accent error ok warning right revealed hint function_key "
    "variable_key axis_text"
).split()
NODE_FILLS = "node_input node_constant node_intermediate node_output node_function".split()
# (foreground, background) pairs drawn elsewhere.
PAIRS = [
    ("accent_text", "accent"),
    ("highlight_text", "highlight_fill"),
    ("text", "highlight_fill"),
    ("text", "tooltip"),
    ("text", "key_hover"),
    ("text", "key_pressed"),
    ("function_key", "key_hover"),
    ("queued_text", "queued_fill"),
    ("banner_text", "banner_fill"),
    ("text", "explanation_fill"),
    ("node_text", "current_fill"),
    ("node_text", "popped_fill"),
    ("node_text", "done_fill"),
    ("node_muted", "graph_background"),
    ("grad_text", "graph_background"),
    *[(fg, fill) for fill in NODE_FILLS for fg in ("node_text", "node_muted", "grad_text")],
]


def _color(t: theme.Theme, name: str) -> str:
    value = getattr(t, name)
    return value[0] if isinstance(value, tuple) else value  # (fill, border)


@pytest.mark.parametrize("t", [theme.LIGHT, theme.DARK], ids=lambda t: t.name)
def test_every_text_colour_reads_at_aa_on_what_it_is_drawn_on(t):
    pairs = [(fg, bg) for fg in TEXT_ON_SURFACES for bg in SURFACES] + PAIRS
    failing = [
        f"{fg} on {bg}: {contrast(_color(t, fg), _color(t, bg)):.2f}"
        for fg, bg in pairs
        if contrast(_color(t, fg), _color(t, bg)) < 4.5
    ]
    assert failing == []


@pytest.mark.parametrize("t", [theme.LIGHT, theme.DARK], ids=lambda t: t.name)
def test_disabled_and_placeholder_text_stays_visible(t):
    # WCAG exempts inactive controls and placeholders from 4.5:1; 3:1 keeps them legible
    # (the stale value is large bold text, for which 3:1 is the AA level).
    for fg in ("faint_text", "placeholder"):
        for bg in ("surface", "surface_alt", "window"):
            assert contrast(getattr(t, fg), getattr(t, bg)) >= 3.0, (fg, bg)


def test_dark_theme_is_dark_and_light_is_light():
    assert luminance(theme.DARK.window) < 0.05 < luminance(theme.DARK.text)
    assert luminance(theme.LIGHT.window) > 0.8 > luminance(theme.LIGHT.text)
    assert set(theme.THEMES) == {"light", "dark"}


# -- the rendered window ------------------------------------------------------------------


def _styled_window(qtbot, mode: str):
    from gui.main_window import MainWindow

    app = QApplication.instance()
    theme.apply_style(app)
    theme.set_mode(mode)
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.controller.flush()
    return w


@pytest.fixture
def restore_look(qt_test_paths):
    yield
    zoom.set_factor(1.0)
    theme.set_mode("light")


def _text_and_background(widget) -> tuple[QColor, QColor]:
    """The most common colour of ``widget``'s picture (its background) and the pixel
    farthest from it in luminance (the core of its text)."""
    image = widget.grab().toImage()
    counts: dict[int, int] = {}
    for y in range(0, image.height()):
        for x in range(0, image.width()):
            rgb = image.pixel(x, y) & 0xFFFFFF
            counts[rgb] = counts.get(rgb, 0) + 1
    background = QColor(max(counts, key=counts.get))
    lb = luminance(background)
    text = max((QColor(c) for c in counts), key=lambda c: abs(luminance(c) - lb))
    return text, background


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_rendered_texts_read_at_aa_in_both_themes(qtbot, restore_look, mode):
    w = _styled_window(qtbot, mode)
    expected_background = theme.THEMES[mode]
    for widget in (
        w.value_display.value_label,
        w.value_display.caption,
        w.expression_bar.message,
        w.expression_bar.edit,
    ):
        text, background = _text_and_background(widget)
        assert contrast(text, background) >= 4.5, (widget.objectName(), text.name())
    # the window really is in that theme: the formula field's background is the surface
    _text, background = _text_and_background(w.expression_bar.edit)
    assert background.name() == expected_background.surface


def test_switching_theme_live_repaints_the_value_and_the_palette(qtbot, restore_look):
    w = _styled_window(qtbot, "light")
    label = w.value_display.value_label
    text_before, bg_before = _text_and_background(label)
    w.theme_actions["dark"].trigger()
    qtbot.wait(10)
    text_after, bg_after = _text_and_background(label)
    assert QApplication.instance().palette().window().color().name() == theme.DARK.window
    assert luminance(bg_after) < 0.05 < luminance(bg_before)
    assert luminance(text_after) > 0.5 > luminance(text_before)
    assert text_after.name() == theme.DARK.text
    assert QSettings().value(theme.SETTINGS_KEY) == "dark"
    assert w.theme_actions["dark"].isChecked()


def test_a_live_switch_reaches_every_plot_and_keeps_each_panel_inside_its_tab(
    qtbot, restore_look
):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QScrollArea

    w = _styled_window(qtbot, "light")
    w.resize(1229, 691)  # the first window on a 1366x768 laptop
    qtbot.wait(20)
    pages = [w.side_tabs.findChild(QScrollArea, f"{name}Scroll") for name in ("graphPanel",)]
    heights = [page.widget().height() for page in pages]
    w.theme_actions["dark"].trigger()
    qtbot.wait(50)
    plots = w.findChildren(pg.GraphicsView)
    assert len(plots) >= 3  # the plot, the map, the gradient check (and the Train tab's)
    for view in plots:
        assert view.backgroundBrush().color().name() == theme.DARK.surface
    for axis in (w.plot_panel.plot_item.getAxis(n) for n in ("left", "bottom")):
        assert axis.textPen().color().name() == theme.DARK.axis_text
    # the graph rebuilt in the new colours; its tab did not grow a scroll bar for it
    for page, before in zip(pages, heights, strict=True):
        assert page.widget().height() == before <= page.viewport().height()


def test_system_theme_follows_the_lightness_of_the_system_palette(monkeypatch):
    from PySide6.QtGui import QPalette

    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
    light.setColor(QPalette.ColorRole.WindowText, QColor("#202020"))
    app = QApplication.instance()
    from PySide6.QtCore import Qt

    monkeypatch.setattr(app.styleHints(), "colorScheme", lambda: Qt.ColorScheme.Unknown)
    monkeypatch.setattr(theme, "_system_palette", dark)
    assert theme.resolve("system") is theme.DARK
    monkeypatch.setattr(theme, "_system_palette", light)
    assert theme.resolve("system") is theme.LIGHT
    with pytest.raises(ValueError):
        theme.resolve("blue")


# -- zoom and full screen ---------------------------------------------------------------------


def test_zoom_scales_the_text_of_every_pane_and_is_remembered(qtbot, restore_look):
    w = _styled_window(qtbot, "light")
    app = QApplication.instance()
    base = app.font().pointSizeF()
    value_size = w.value_display.value_label.font().pointSizeF()
    assert value_size == pytest.approx(base * 2.4)
    w.zoom_in_action.trigger()
    w.zoom_in_action.trigger()  # 1.0 -> 1.1 -> 1.25
    assert zoom.factor() == 1.25
    assert app.font().pointSizeF() == pytest.approx(base * 1.25, abs=0.01)
    assert w.expression_bar.edit.font().pointSizeF() == pytest.approx(base * 1.25, abs=0.01)
    qtbot.waitUntil(
        lambda: w.value_display.value_label.font().pointSizeF() == pytest.approx(value_size * 1.25)
    )
    assert float(QSettings().value(zoom.SETTINGS_KEY)) == 1.25
    w.zoom_out_action.trigger()
    assert zoom.factor() == 1.1
    w.actual_size_action.trigger()
    assert app.font().pointSizeF() == pytest.approx(base)
    for _ in range(20):
        zoom.zoom_in()
    assert zoom.factor() == zoom.STEPS[-1]  # stops at the largest step


def test_view_shortcuts_are_all_different_and_actual_size_is_not_fit(window):
    from PySide6.QtGui import QAction

    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is both {seen[key]} and {action.objectName()}"
            seen[key] = action.objectName()
    assert seen["Ctrl+0"] == "actionFitPlot"
    assert seen["Ctrl+Alt+0"] == "actionActualSize"
    assert seen["Ctrl+="] == "actionZoomIn"
    assert seen["F11"] == "actionFullScreen"
    assert seen["F8"] == "actionStepForward"


def test_full_screen_action_follows_the_window_state(qtbot, window):
    window.full_screen_action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    window.full_screen_action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.full_screen_action.isChecked()


def test_step_keys_drive_the_backward_pass_from_the_formula_field(qtbot, window):
    panel = window.graph_panel
    window.side_tabs.setCurrentWidget(window.lesson_panel)
    window.expression_bar.edit.setFocus()
    panel.reset()
    start = panel.step
    window.step_actions["forward"].trigger()
    assert window.side_tabs.currentWidget() is panel
    assert panel.step == start + 1
    window.step_actions["back"].trigger()
    assert panel.step == start
    assert window.step_shortcut_hint("forward") == "F8"


# -- the window's size and place -----------------------------------------------------------------


def test_first_window_is_at_most_ninety_percent_of_the_screen():
    from gui.main_window import DEFAULT_SIZE, first_size

    assert first_size(QSize(1920, 1080)) == DEFAULT_SIZE  # 1400×860 fits
    assert first_size(QSize(1366, 768)) == QSize(1229, 691)
    assert first_size(QSize(1280, 720)) == QSize(1152, 648)
    assert first_size(QSize(960, 540)) == QSize(864, 486)  # 1920×1080 at 200%


def test_a_rectangle_is_moved_and_shrunk_into_the_screen():
    from gui.main_window import fit_rect

    screen = QRect(0, 0, 1366, 768)
    assert fit_rect(QRect(100, 50, 800, 600), screen) == QRect(100, 50, 800, 600)
    assert fit_rect(QRect(900, 400, 800, 600), screen) == QRect(566, 168, 800, 600)
    assert fit_rect(QRect(-50, -20, 2800, 1720), screen) == screen
    # left on a second screen that is gone now: brought back, whole, onto this one
    assert fit_rect(QRect(1500, 100, 1400, 860), screen) == screen
    assert fit_rect(QRect(1500, 100, 600, 400), screen) == QRect(766, 100, 600, 400)


def _new_window(qtbot):
    from gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_geometry_and_splitters_come_back_clamped_to_the_screen(qtbot, qt_test_paths):
    settings = QSettings()
    settings.remove("window")
    first = _new_window(qtbot)
    available = first.screen().availableGeometry()
    assert first.width() <= available.width() * 0.9 + 1
    first.resize(1000, 700)
    first.move(40, 30)
    sizes = [430, 570]
    first.splitter.setSizes(sizes)
    qtbot.wait(10)
    kept = first.splitter.sizes()
    first.close()

    second = _new_window(qtbot)
    assert second.size() == QSize(1000, 700)
    assert second.splitter.sizes() == kept

    second.resize(5000, 3000)  # larger than any screen: clamped when restored
    second.close()
    third = _new_window(qtbot)
    assert third.width() <= available.width() and third.height() <= available.height()
    qtbot.waitUntil(lambda: available.contains(third.frameGeometry()))
    settings.remove("window")


def test_a_narrow_window_stacks_the_plot_above_the_side_tabs(qtbot, window):
    from PySide6.QtCore import Qt

    window.resize(1229, 691)  # 1366×768 at 100%
    qtbot.wait(10)
    assert window.centre_splitter.orientation() == Qt.Orientation.Horizontal
    window.resize(864, 486)  # 1920×1080 at 200%
    qtbot.waitUntil(lambda: window.width() == 864)
    assert window.centre_splitter.orientation() == Qt.Orientation.Vertical
    # nothing overlaps: the plot and the tabs sit one above the other, inside the window
    plot = window.plot_panel.parentWidget().geometry()
    tabs = window.side_tabs.geometry()
    assert plot.bottom() < tabs.top()
    assert window.minimumSizeHint().width() <= 864
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.width() == 1400)
    assert window.centre_splitter.orientation() == Qt.Orientation.Horizontal


# -- the command line ------------------------------------------------------------------------------


def test_screenshot_takes_theme_and_language_from_the_command_line(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "dark-ko.png"
    env = dict(os.environ, HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out), "--theme", "dark",
         "--language", "ko"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert QColor(image.pixel(3, image.height() // 2)).name() == theme.DARK.window
    bad = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out), "--theme", "blue"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 2
    assert bad.stderr.startswith("error: --theme is one of system, light, dark")


def test_look_options_are_taken_out_of_the_arguments():
    import main

    rest, look = main.take_look_options(["--theme=dark", "s.json", "--language", "ko"])
    assert rest == ["s.json"] and look == {"theme": "dark", "language": "ko"}
    assert main.take_look_options(["s.json"]) == (["s.json"], {})
    for bad in (["--theme"], ["--language", "fr"], ["--theme", "dark", "--theme", "light"]):
        with pytest.raises(main.UsageError):
            main.take_look_options(bad)
    assert main.main(["--colour", "red"]) == 2  # an unknown option is still refused


@pytest.mark.parametrize("size", [(1152, 648), (1229, 691), (864, 486)])
def test_at_laptop_and_200_percent_sizes_the_window_fits_and_no_key_is_cut(qtbot, window, size):
    from PySide6.QtWidgets import QToolButton

    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    window.controller.flush()
    hint = window.minimumSizeHint()
    assert hint.width() <= size[0] and hint.height() <= size[1]
    keys = [b for b in window.palette.findChildren(QToolButton) if b.isVisible()]
    assert len(keys) > 30
    for key in keys:
        needed = key.fontMetrics().horizontalAdvance(key.text())
        assert needed <= key.contentsRect().width(), (key.text(), needed, key.width())
    # the side tab in front needs no sideways scrolling when side by side
    if size[0] >= 1100:
        from PySide6.QtWidgets import QScrollArea

        page = window.side_tabs.findChild(QScrollArea, "graphPanelScroll")
        assert not page.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_side_tab_title_is_visible_on_a_laptop_screen(qtbot, restore_look, language):
    """Six tabs share the side column of the first window on 1366x768 (1229 px wide):
    no title hides behind the tab bar's scroll arrows, and each says more in its tooltip."""
    from gui import i18n

    i18n.set_language(language)
    try:
        w = _styled_window(qtbot, "light")
        w.resize(1229, 691)
        qtbot.wait(20)
        bar = w.side_tabs.tabBar()
        assert bar.count() == 6
        for i in range(bar.count()):
            assert bar.tabRect(i).right() <= bar.width(), bar.tabText(i)
            assert len(bar.tabToolTip(i)) > len(bar.tabText(i))
    finally:
        i18n.set_language("en")
