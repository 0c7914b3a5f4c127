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
