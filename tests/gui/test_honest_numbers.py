"""Numbers on screen never round into a neighbour: an optimizer's 0.9975 on a 0.01
slider reads 0.9975 everywhere, and two tiny derivatives are "both ≈ 0"."""

from __future__ import annotations

import pytest

from gui.main_window import MainWindow
from tutor.numbers import on_grid, short

ROSENBROCK = "100*(x1 - x0^2)^2 + (1 - x0)^2"


def test_formatters_keep_the_digits_that_tell_a_value_from_its_neighbour():
    assert on_grid(1.5, 0.01) == "1.50"  # on the grid: the step's decimals
    assert on_grid(0.9975, 0.01) == "0.9975"  # off it: never "1.00"
    assert on_grid(0.9951, 0.01) == "0.9951"
    assert on_grid(0.8400000000000001, 0.01) == "0.84"  # binary noise is on the grid
    assert on_grid(0.999999768, 0.01, 6) == "1.000000"  # six decimals: not 1.00
    assert short(0.99996) == "0.99996"  # not "1"
    assert short(2.0000001) == "2.000"  # four digits that say they are four
    assert short(0.1 + 0.2) == "0.3"  # a rounding error is not a digit to show
    assert short(-0.9589242746631385) == "−0.9589"


@pytest.fixture
def window(qtbot, qt_test_paths):
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def test_a_point_off_the_slider_grid_reads_as_itself_everywhere(window):
    c = window.controller
    c.set_expression(ROSENBROCK)
    c.flush()
    c.set_values({"x0": 0.9975, "x1": 0.9951})  # as gradient descent leaves them
    c.flush()
    assert window.findChild(object, "value_x0").text() == "0.9975"
    assert window.findChild(object, "value_x1").text() == "0.9951"
    caption = window.value_display.findChildren(object)
    texts = " ".join(w.text() for w in caption if hasattr(w, "text") and callable(w.text))
    assert "x0 = 0.9975" in texts and "x1 = 0.9951" in texts
    assert "1.00" not in texts
    assert "x1 = 0.9951" in window.plot_panel.held_label.text()


def test_the_spin_box_arrows_go_to_the_next_point_of_the_grid(window):
    c = window.controller
    c.set_expression("x^2")
    c.flush()
    c.set_values({"x": 0.9975})
    c.flush()
    spin = window.findChild(object, "value_x")
    spin.stepBy(1)
    c.flush()
    assert c.session.variables["x"].value == pytest.approx(1.0)  # not 1.0075
    spin.stepBy(-1)
    c.flush()
    assert c.session.variables["x"].value == pytest.approx(0.99)


def test_the_gradient_check_says_both_zero_for_two_tiny_values(window):
    c = window.controller
    c.set_expression("x^3")  # at x = 0: backprop 0, central difference h² = 1e-10
    c.flush()
    c.set_values({"x": 0.0})
    c.flush()
    panel = window.gradient_check_panel
    panel.set_h(1e-5)
    panel.refresh()
    assert panel.rows[0]["autograd"] == 0.0
    assert panel.rows[0]["numeric"] == pytest.approx(1e-10, rel=1e-3)
    assert panel.table.item(0, 3).text() == "both ≈ 0"
    c.set_values({"x": 1.0})  # 3 against 3 + 1e-10: a real relative error
    c.flush()
    panel.refresh()
    assert panel.table.item(0, 3).text() != "both ≈ 0"
