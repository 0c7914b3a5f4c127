"""The Jacobian tab through the window: J, VJP/JVP with the highlighted row or
column, the cost of both modes, the sliders, undo, and the Korean interface."""

from __future__ import annotations

import math

import numpy as np
import pytest

from gui import i18n, theme
from gui.main_window import MainWindow
from tests.gui.walk import a11y_problems, english_words

PAIR = "(x*y, sin(x) + y^2)"


@pytest.fixture
def window(qtbot, qapp):
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.controller.set_value("x", 0.5)
    w.controller.set_value("y", 2.0)
    w.controller.set_expression(PAIR)
    w.controller.flush()
    assert w.show_view("jacobian")
    yield w
    i18n.set_language("en")


def table_values(panel):
    return np.array([[float(cell.text().replace("−", "-")) for cell in row] for row in panel.cells])


def lit(panel):
    fill = theme.current().highlight_fill
    return {
        (i, j)
        for i, row in enumerate(panel.cells)
        for j, cell in enumerate(row)
        if cell.property("lit") and fill in cell.styleSheet()
    }


def test_shows_the_jacobian_of_a_tuple_formula(window):
    panel = window.jacobian_panel
    assert panel.isVisible() and panel.objectName() == "jacobianPanel"
    expected = np.array([[2.0, 0.5], [math.cos(0.5), 4.0]])  # by hand
    assert table_values(panel) == pytest.approx(expected, rel=1e-3)
    assert panel.row_headers[1].text() == "∂f₂"
    assert panel.column_headers[0].text() == "∂/∂x"
    assert panel.cells[1][0].toolTip().startswith("∂f₂/∂x = ")
    # the default pass: v = e₁, a backward pass that fills row 1
    assert lit(panel) == {(0, 0), (0, 1)}
    assert "row 1" in panel.fills_label.text()


def test_jvp_with_one_hot_u_fills_a_column_and_general_u_gives_ju(window, qtbot):
    panel = window.jacobian_panel
    panel.jvp_button.click()
    assert panel.mode == "jvp"
    assert [b.isVisible() for b in panel.u_boxes] == [True, True]
    assert not any(b.isVisible() for b in panel.v_boxes)
    panel.u_boxes[0].setValue(0.0)
    panel.u_boxes[1].setValue(1.0)
    assert lit(panel) == {(0, 1), (1, 1)}
    assert panel.product.result == pytest.approx((0.5, 4.0))
    panel.u_boxes[0].setValue(2.0)  # J·u with u = (2, 1): (2·2 + 0.5, 2cos .5 + 4)
    assert lit(panel) == set()
    assert panel.product.result == pytest.approx((4.5, 2 * math.cos(0.5) + 4.0))
    assert "4.5" in panel.result_label.text()
    assert "mix of the columns" in panel.fills_label.text()


def test_vjp_with_a_general_v(window):
    panel = window.jacobian_panel
    panel.v_boxes[0].setValue(1.0)
    panel.v_boxes[1].setValue(2.0)  # vᵀJ = (2 + 2cos .5, 0.5 + 8)
    assert panel.product.result == pytest.approx((2 + 2 * math.cos(0.5), 8.5))
    panel.v_boxes[0].setValue(0.0)
    assert lit(panel) == set()  # v = (0, 2): twice row 2, not one-hot
    panel.v_boxes[1].setValue(1.0)
    assert lit(panel) == {(1, 0), (1, 1)}
    assert panel.product.result == pytest.approx((math.cos(0.5), 4.0))


def test_the_choice_is_session_state_and_undoable(window):
    panel = window.jacobian_panel
    panel.jvp_button.click()
    assert window.controller.panel_state("jacobian")["mode"] == "jvp"
    window.controller.undo_stack.undo()
    assert panel.mode == "vjp"


def test_sliders_move_the_point(window):
    panel = window.jacobian_panel
    window.controller.set_value("x", 1.0)
    window.controller.flush()
    assert table_values(panel)[1, 0] == pytest.approx(math.cos(1.0), rel=1e-3)
    assert table_values(panel)[0, 0] == pytest.approx(2.0)


def test_pass_counter(window):
    text = window.jacobian_panel.cost_label.text()
    # 2 inputs, 2 outputs: 2 passes each; forward 24 ops, reverse 14 (tutor/mode_cost.py)
    assert "<td align='right'>24</td>" in text and "<td align='right'>14</td>" in text


def test_single_output_is_a_one_row_jacobian(window):
    window.controller.set_expression("x*y")
    window.controller.flush()
    panel = window.jacobian_panel
    assert len(panel.cells) == 1
    assert table_values(panel) == pytest.approx(np.array([[2.0, 0.5]]))


def test_a_formula_that_does_not_parse_shows_its_message(window):
    window.controller.set_expression("(x*y, ")
    window.controller.flush()
    panel = window.jacobian_panel
    assert not panel.table.isVisible()
    assert panel.formula_label.text()


def test_accessible_and_korean(window):
    panel = window.jacobian_panel
    assert a11y_problems(panel) == []
    panel.jvp_button.click()
    assert a11y_problems(panel) == []
    assert i18n.set_language("ko")
    assert english_words(panel) == []


def test_the_formula_bar_says_where_a_tuple_of_outputs_is_shown(window):
    bar = window.expression_bar
    assert bar.message.property("invalid") is not True  # not drawn as a mistake
    text = bar.message.text()
    assert text.startswith("2 outputs") and "Jacobian tab" in text
    # the views that show one f keep the last such formula (the example's)
    assert window.controller.result.expression is not None
    assert len(window.controller.result.expression.outputs) == 1
