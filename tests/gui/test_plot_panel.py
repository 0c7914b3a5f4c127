"""The plot's view range: poles do not flatten it, huge values do not break it."""

from __future__ import annotations

import numpy as np
import pytest

from gui.main_window import MainWindow
from gui.panels.plot.plot_panel import fit_range

X = np.linspace(-5, 5, 2000)


def test_fit_range_covers_a_smooth_curve_with_a_margin():
    lo, hi = fit_range([X**2, 2 * X])
    assert lo < -10 and hi > 25
    assert lo > -13 and hi < 28


def test_fit_range_ignores_the_spikes_of_a_pole():
    with np.errstate(divide="ignore"):
        lo, hi = fit_range([1 / X])
    assert -20 < lo < -1 and 1 < hi < 20


def test_fit_range_of_nothing_finite_is_none():
    assert fit_range([np.full(10, np.nan), np.full(10, np.inf)]) is None


def test_a_flat_curve_gets_a_visible_range():
    lo, hi = fit_range([np.full(100, 5.0)])
    assert lo < 5 < hi


@pytest.mark.parametrize("text", ["1e308*x*x", "x^1000", "1/0", "log(-1)", "exp(exp(x))", "2"])
def test_extreme_values_plot_without_errors(qtbot, qt_test_paths, text):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.controller.set_expression(text)
    window.controller.flush()
    (x_lo, x_hi), (y_lo, y_hi) = window.plot_panel.view_box.viewRange()
    assert np.isfinite([x_lo, x_hi, y_lo, y_hi]).all() and y_lo < y_hi
    window.grab()


def _segments_drawn_across(curve, where: float) -> int:
    """How many drawn line segments of a PlotDataItem join a point left of ``where``
    to one right of it (connect="finite": both ends finite)."""
    x, y = curve.getData()
    x, y = np.asarray(x), np.asarray(y)
    ok = np.isfinite(x) & np.isfinite(y)
    joined = ok[:-1] & ok[1:]
    return int(np.count_nonzero(joined & (x[:-1] < where) & (x[1:] > where)))


@pytest.mark.parametrize(
    "text, curves", [("1/x", ("f", "df")), ("relu(x)", ("df",)), ("abs(x)", ("df",))]
)
def test_no_line_is_drawn_across_a_pole_or_a_jump(qtbot, qt_test_paths, text, curves):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.controller.set_curves(["f", "df"])
    window.controller.set_expression(text)
    window.controller.flush()
    panel = window.plot_panel
    for key in curves:
        assert _segments_drawn_across(panel.curves[key], 0.0) == 0, key
    if text != "1/x":  # f of a kink is continuous: drawn through 0
        assert _segments_drawn_across(panel.curves["f"], 0.0) == 1


def test_a_smooth_steep_curve_is_drawn_in_one_piece(qtbot, qt_test_paths):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.controller.set_curves(["f", "df"])
    window.controller.set_expression("tanh(50x)")
    window.controller.flush()
    for key in ("f", "df"):
        x, y = window.plot_panel.curves[key].getData()
        assert np.isfinite(y).all(), key


def test_a_new_formula_refits_unless_the_user_moved_the_view(qtbot, qt_test_paths):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    c, vb = window.controller, window.plot_panel.view_box
    c.set_curves(["f"])
    c.set_expression("x^2")
    c.flush()
    assert vb.viewRange()[1][1] < 40  # x² reaches 25 on −5…5
    c.set_expression("100*x^2")
    c.flush()
    assert 2500 <= vb.viewRange()[1][1] < 4000  # refitted to the new formula
    vb.translateBy(y=1000.0)
    vb.sigRangeChangedManually.emit(vb.state["mouseEnabled"])  # as a drag does
    kept = vb.viewRange()[1]
    c.set_expression("x^2")
    c.flush()
    assert vb.viewRange()[1] == pytest.approx(kept)  # the user's view is theirs
    from tutor.session import Session

    c.replace_session(Session("x^3"))  # File > New / Open: a fresh start
    (y_lo, y_hi) = vb.viewRange()[1]
    assert y_hi < 200 and y_lo > -200 and y_hi >= 125


def test_a_palette_change_redraws_with_the_themes_colours_and_fonts_follow_the_widget(
    qtbot, qt_test_paths, monkeypatch
):
    import dataclasses

    from PySide6.QtGui import QPalette

    from gui import theme

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = window.plot_panel
    dark = dataclasses.replace(theme.current(), curve_f="#ff00ff")
    monkeypatch.setattr(theme, "current", lambda: dark)
    panel.setPalette(QPalette(panel.palette()))  # a PaletteChange, as a theme switch sends
    panel.setPalette(QPalette("#202020"))
    assert panel.curves["f"].opts["pen"].color().name() == "#ff00ff"
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    panel.setFont(font)  # a window zoom
    assert panel.legend.opts["labelTextSize"] == f"{font.pointSizeF() * 0.95:.1f}pt"
