"""The tutor window: typing, buttons, sliders, the plot, undo — checked against real values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSlider,
    QToolButton,
)

from tutor.session import Session


def _find(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, f"no {cls.__name__} named {name!r}"
    return widget


def _type_expression(qtbot, window, text, enter=True):
    """Type ``text`` into the emptied field key by key, then Enter (new variables are
    made on Enter, on leaving the field, or after a pause)."""
    edit = _find(window, QLineEdit, "expressionEdit")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    if enter:
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    window.controller.flush()
    return edit


def _curve(window, key):
    x, y = window.plot_panel.curves[key].getData()
    return np.asarray(x), np.asarray(y)


def _drag(slider: QSlider, indices):
    """A slider drag as Qt reports one: pressed, moved through positions, released."""
    slider.setSliderDown(True)
    for i in indices:
        slider.setSliderPosition(i)
    slider.setSliderDown(False)


# -- typing and the plot ----------------------------------------------------------------------


def test_first_launch_shows_the_example_and_an_untitled_title(window):
    assert _find(window, QLineEdit, "expressionEdit").text() == "sin(x) * x^2 + y"
    assert window.windowTitle().startswith("untitled")
    assert window.windowTitle().endswith(" — Autodiff Tutor")
    # panels plug into the tabs on the right; the tab area shows only when it has some
    assert window.side_tabs.isVisible() == (window.side_tabs.count() > 0)
    # f(1, 0.5) = sin(1) + 0.5
    assert window.value_display.value_label.text() == f"{math.sin(1) + 0.5:.10g}"


def test_typing_an_expression_plots_f_and_its_derivatives(qtbot, window):
    window.controller.set_curves(["f", "df", "d2f"])
    _type_expression(qtbot, window, "x^3 - 2x")
    x, f = _curve(window, "f")
    _, df = _curve(window, "df")
    _, d2f = _curve(window, "d2f")
    assert x.size == 2000 and x[0] == -5 and x[-1] == 5
    np.testing.assert_allclose(f, x**3 - 2 * x, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(df, 3 * x**2 - 2, rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(d2f, 6 * x, rtol=1e-12, atol=1e-12)
    # at x = 1: f = -1, f' = 1
    assert _find(window, QLabel, "grad_x").text() == "∂f/∂x = 1"
    assert window.value_display.value_label.text() == "-1"


def test_dragging_a_slider_moves_the_curves_and_the_readouts(qtbot, window):
    window.controller.set_curves(["f", "df"])
    slider_y = _find(window, QSlider, "slider_y")
    # y runs -5..5 in steps of 0.01: index 700 is y = 2
    _drag(slider_y, range(550, 701, 10))
    window.controller.flush()
    assert window.controller.session.variables["y"].value == 2.0
    assert _find(window, QDoubleSpinBox, "value_y").value() == 2.0
    x, f = _curve(window, "f")
    np.testing.assert_allclose(f, np.sin(x) * x**2 + 2.0, rtol=1e-12, atol=1e-12)

    slider_x = _find(window, QSlider, "slider_x")
    _drag(slider_x, [600, 650, 700])  # x = 2
    window.controller.flush()
    x0 = 2.0
    expected_grad = math.cos(x0) * x0**2 + 2 * x0 * math.sin(x0)
    label = _find(window, QLabel, "grad_x").text()
    assert label.startswith("∂f/∂x = ")
    assert float(label.split("=")[1]) == pytest.approx(expected_grad, rel=1e-5)
    assert _find(window, QLabel, "grad_y").text() == "∂f/∂y = 1"
    mx, my = window.plot_panel.marker.getData()
    assert mx[0] == x0 and my[0] == pytest.approx(math.sin(x0) * x0**2 + 2.0, rel=1e-12)


def test_spin_box_sets_the_value_exactly(window):
    spin = _find(window, QDoubleSpinBox, "value_x")
    spin.setValue(-2.5)
    window.controller.flush()
    assert window.controller.session.variables["x"].value == -2.5
    assert _find(window, QSlider, "slider_x").value() == 250


def test_spin_box_arrows_land_on_the_decimals_shown(window):
    spin = _find(window, QDoubleSpinBox, "value_x")
    spin.setValue(0.8)
    for _ in range(4):
        spin.stepBy(1)  # 0.8 + 4 × 0.01 in binary floating point is 0.8400000000000001
    window.controller.flush()
    assert window.controller.session.variables["x"].value == 0.84


def test_log_over_negative_values_plots_with_a_gap(qtbot, window):
    _type_expression(qtbot, window, "log(x)")
    x, f = _curve(window, "f")
    assert np.isnan(f[x < 0]).all()
    np.testing.assert_allclose(f[x > 0], np.log(x[x > 0]), rtol=1e-12)
    assert window.plot_panel.curves["f"].opts["connect"] == "finite"
    assert window.controller.result.notices  # "f is undefined ... at N of 2000 points"
    window.grab()  # painting NaN gaps raises nothing and logs nothing


def test_invalid_expression_shows_the_column_and_keeps_the_last_result(qtbot, window):
    edit = _type_expression(qtbot, window, "sin(x) * y")
    x_before, f_before = _curve(window, "f")
    value_before = window.value_display.value_label.text()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # "sin(x) * " does not parse
    window.controller.flush()
    message = window.expression_bar.message.text()
    assert message.startswith("column 10")
    assert edit.property("invalid") is True
    x_after, f_after = _curve(window, "f")
    np.testing.assert_array_equal(f_after, f_before)
    assert window.value_display.value_label.text() == value_before
    # fixing the text clears the mark
    qtbot.keyClicks(edit, "2")
    window.controller.flush()
    assert edit.property("invalid") is False
    np.testing.assert_allclose(_curve(window, "f")[1], np.sin(x_after) * 2, rtol=1e-12)


def test_typing_a_function_name_leaves_no_stray_variables(qtbot, window):
    _type_expression(qtbot, window, "sqrt(x) + tanh(y)")
    assert set(window.controller.session.variables) == {"x", "y"}
    assert sorted(window.variables_panel.rows) == ["x", "y"]


def test_unused_variables_are_listed_dimmed(qtbot, window):
    _type_expression(qtbot, window, "x^2")
    row_y = window.variables_panel.row("y")
    assert row_y.property("unused") is True
    assert window.variables_panel.row("x").property("unused") is False
    assert _find(window, QLabel, "grad_y").text() == "∂f/∂y = 0"


def test_new_names_in_the_expression_get_rows(qtbot, window):
    _type_expression(qtbot, window, "a*b + x")
    for name in ("a", "b"):
        assert _find(window, QSlider, f"slider_{name}")
        assert _find(window, QLabel, f"grad_{name}").text() == f"∂f/∂{name} = 1"


# -- the palette ----------------------------------------------------------------------------------


def _click(qtbot, window, key):
    names = {"x": "paletteVar_x", "y": "paletteVar_y"}
    button = _find(window, QToolButton, names.get(key, f"paletteButton_{key}"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_buttons_alone_build_sin_x_times_x_squared(qtbot, window):
    _click(qtbot, window, "clear")
    for key in ("sin", "x", "rparen", "times", "x", "power", "2"):
        _click(qtbot, window, key)
    window.controller.flush()
    assert _find(window, QLineEdit, "expressionEdit").text() == "sin(x) * x^2"
    assert window.controller.session.error is None
    x, f = _curve(window, "f")
    np.testing.assert_allclose(f, np.sin(x) * x**2, rtol=1e-12, atol=1e-12)
    # every click is one undoable step; undo twice takes back "^2"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert _find(window, QLineEdit, "expressionEdit").text() == "sin(x) * x"


def test_function_button_wraps_the_selection(qtbot, window):
    edit = _type_expression(qtbot, window, "x + 1")
    edit.setSelection(0, 5)
    _click(qtbot, window, "exp")
    assert edit.text() == "exp(x + 1)"
    assert window.controller.session.expression_text == "exp(x + 1)"


def test_backspace_button_removes_a_whole_function_name(qtbot, window):
    edit = _type_expression(qtbot, window, "x * ")
    _click(qtbot, window, "sqrt")
    assert edit.text() == "x * sqrt()" and edit.cursorPosition() == len("x * sqrt(")
    _click(qtbot, window, "backspace")  # the empty pair goes with the name
    assert edit.text() == "x * "


def test_new_variable_button_asks_for_a_name_inline(qtbot, window):
    edit = _type_expression(qtbot, window, "x + ")
    _click(qtbot, window, "newVariable")
    name_edit = _find(window, QLineEdit, "newVariableEdit")
    assert name_edit.isVisible()
    qtbot.keyClicks(name_edit, "sin")  # reserved: refused, stays open
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert name_edit.isVisible() and name_edit.property("invalid") is True
    name_edit.clear()
    qtbot.keyClicks(name_edit, "theta")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert not name_edit.isVisible()
    assert edit.text() == "x + theta"
    window.controller.flush()
    assert _find(window, QSlider, "slider_theta")
    assert _find(window, QToolButton, "paletteVar_theta")


# -- keyboard ----------------------------------------------------------------------------------


def test_arrows_move_a_slider_by_one_step_and_page_keys_by_ten(qtbot, window):
    slider = _find(window, QSlider, "slider_x")
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert window.controller.session.variables["x"].value == 1.01
    qtbot.keyClick(slider, Qt.Key.Key_PageUp)
    assert window.controller.session.variables["x"].value == 1.11
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_PageDown)
    assert window.controller.session.variables["x"].value == 1.0


def test_ctrl_l_and_f6_focus_the_expression(qtbot, window):
    edit = _find(window, QLineEdit, "expressionEdit")
    window.activateWindow()
    for key, modifier in (
        (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier),
    ):
        slider = _find(window, QSlider, "slider_x")
        slider.setFocus()
        qtbot.waitUntil(slider.hasFocus)
        qtbot.keyClick(slider, key, modifier)
        qtbot.waitUntil(edit.hasFocus)


# -- the plot ------------------------------------------------------------------------------------


def test_click_on_the_plot_moves_the_point(qtbot, window):
    window.controller.flush()
    panel = window.plot_panel
    pos = panel.point_to_widget(2.004, 0.0)
    qtbot.mouseClick(panel.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    window.controller.flush()
    value = window.controller.session.variables["x"].value
    assert value == pytest.approx(2.0, abs=0.011)
    assert round(value, 2) == value  # snapped to the 0.01 grid
    mx, _ = panel.marker.getData()
    assert mx[0] == value


def test_click_beyond_the_range_clamps(window):
    window.plot_panel.click_at(123.0)
    assert window.controller.session.variables["x"].value == 5.0


def test_curve_toggles_follow_the_session(qtbot, window):
    box = window.plot_panel.curve_boxes["d2f"]
    box.setChecked(True)
    assert "d2f" in window.controller.session.curves
    assert window.plot_panel.curves["d2f"].isVisible()
    window.undo_action.trigger()
    assert not box.isChecked()
    assert not window.plot_panel.curves["d2f"].isVisible()


def test_tangent_line_touches_f_at_the_point(window):
    window.controller.set_curves(["f", "tangent"])
    window.controller.flush()
    tx, ty = window.plot_panel.curves["tangent"].getData()
    slope = (ty[1] - ty[0]) / (tx[1] - tx[0])
    x0 = 1.0
    assert slope == pytest.approx(math.cos(x0) * x0**2 + 2 * x0 * math.sin(x0), rel=1e-12)
    assert ty[0] + slope * (x0 - tx[0]) == pytest.approx(math.sin(1) + 0.5, rel=1e-12)


# -- undo / redo -----------------------------------------------------------------------------------


def test_a_slider_drag_is_one_undo_step_that_restores_exactly(window):
    controller = window.controller
    before = controller.session.to_dict()
    f_before = _curve(window, "f")[1].copy()
    slider = _find(window, QSlider, "slider_y")
    _drag(slider, range(550, 900, 7))
    controller.flush()
    after = controller.session.to_dict()
    assert controller.undo_stack.count() == 1
    assert window.undo_action.text().startswith("&Undo Change y to")
    window.undo_action.trigger()
    controller.flush()
    assert controller.session.to_dict() == before
    assert slider.value() == 550
    np.testing.assert_array_equal(_curve(window, "f")[1], f_before)
    window.redo_action.trigger()
    controller.flush()
    assert controller.session.to_dict() == after


def test_undo_of_an_expression_edit_removes_the_variables_it_added(qtbot, window):
    controller = window.controller
    before = controller.session.to_dict()
    _type_expression(qtbot, window, "x*z + w")
    edit = _find(window, QLineEdit, "expressionEdit")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # ends the typing burst
    assert set(controller.session.variables) == {"w", "x", "y", "z"}
    # Ctrl+Z in the field undoes the document edit, not just the field's text
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    controller.flush()
    assert controller.session.to_dict() == before
    assert edit.text() == "sin(x) * x^2 + y"
    assert window.findChild(QSlider, "slider_z") is None
    window.redo_action.trigger()
    assert edit.text() == "x*z + w"
    assert _find(window, QSlider, "slider_z")


def test_range_edit_is_undoable_and_validated(qtbot, window):
    row = window.variables_panel.row("x")
    max_edit = row.range_edits["max"]
    max_edit.setText("-10")
    max_edit.editingFinished.emit()
    assert max_edit.property("invalid") is True
    assert window.controller.session.variables["x"].max == 5.0
    max_edit.setText("2")
    max_edit.editingFinished.emit()
    assert window.controller.session.variables["x"].max == 2.0
    assert window.undo_action.text() == "&Undo Change range of x"
    window.controller.flush()
    assert _curve(window, "f")[0][-1] == 2.0  # the sweep follows the range
    window.undo_action.trigger()
    assert window.controller.session.variables["x"].max == 5.0
    assert max_edit.text() == "5"


def test_a_huge_range_is_refused_with_a_visible_message_and_loses_nothing(qtbot, window):
    row = window.variables_panel.row("x")
    before = window.controller.session.to_dict()
    undo_count = window.controller.undo_stack.count()
    max_edit = row.range_edits["max"]
    max_edit.setText("1e308")
    max_edit.editingFinished.emit()
    assert max_edit.property("invalid") is True
    assert "too large" in max_edit.toolTip()
    message = _find(window, QLabel, "rangeMessage_x")  # in place, under the row
    assert message.isVisible() and "too large" in message.text()
    assert window.controller.session.to_dict() == before  # nothing changed or lost
    assert window.controller.undo_stack.count() == undo_count
    window.controller.flush()
    assert math.isfinite(window.controller.result.value)


# -- coalescing ------------------------------------------------------------------------------------


def test_a_burst_of_moves_is_evaluated_once_and_the_last_position_wins(window):
    controller = window.controller
    controller.flush()
    evaluations = controller.evaluations
    slider = _find(window, QSlider, "slider_x")
    slider.setSliderDown(True)
    for i in range(0, 1001, 3):
        slider.setSliderPosition(i)
    slider.setSliderPosition(321)  # the final position: x = -1.79
    slider.setSliderDown(False)
    assert controller.evaluation_pending
    controller.flush()
    assert controller.evaluations == evaluations + 1
    assert controller.result.point["x"] == -1.79
    assert window.plot_panel.marker.getData()[0][0] == -1.79
    expected = math.cos(-1.79) * 1.79**2 - 2 * 1.79 * math.sin(-1.79)
    assert float(_find(window, QLabel, "grad_x").text().split("=")[1]) == pytest.approx(
        expected, rel=1e-5
    )


def test_the_event_loop_runs_the_pending_evaluation(qtbot, window):
    window.controller.set_value("x", 3.0)
    qtbot.waitUntil(lambda: window.controller.result.point["x"] == 3.0)
    assert window.value_display.value_label.text() == f"{math.sin(3) * 9 + 0.5:.10g}"


# -- files and panels ------------------------------------------------------------------------------


def test_save_and_open_round_trip(tmp_path, monkeypatch, qtbot, window):
    path = tmp_path / "lesson.json"
    monkeypatch.setattr(
        "gui.file_actions.QFileDialog.getSaveFileName", lambda *a, **k: (str(path), "")
    )
    window.controller.set_value("x", 2.5)
    assert window.file_actions.save_as()
    assert window.windowTitle().startswith("lesson.json")
    assert Session.load(path).variables["x"].value == 2.5

    window.file_actions.new_session()
    assert window.controller.session.variables["x"].value == 1.0
    assert window.file_actions.open_session(path)
    assert window.controller.session.variables["x"].value == 2.5
    assert _find(window, QSlider, "slider_x").value() == 750
    assert window.controller.undo_stack.count() == 0


def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(tmp_path, monkeypatch, window):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "autodiff-tutor-session", "version": 99}')
    shown = []
    monkeypatch.setattr(
        "gui.file_actions.QMessageBox.warning",
        lambda *args, **kwargs: shown.append(args) or QMessageBox.StandardButton.Ok,
    )
    before = window.controller.session.to_dict()
    assert not window.file_actions.open_session(bad)
    assert shown and "99" in shown[0][2]
    assert window.controller.session.to_dict() == before


def test_side_panels_appear_in_the_tab_widget(window):
    before = window.side_tabs.count()  # the window's own panels (Lessons, ...)
    window.add_side_panel(QLabel("graph"), "Graph")
    assert window.side_tabs.isVisible()
    assert window.side_tabs.count() == before + 1


def test_a_zero_gradient_reads_0_not_minus_0(qtbot, window):
    # At Rosenbrock's minimum ∂f/∂x0 comes out of backward as -0.0
    window.controller.set_expression("100*(x1 - x0^2)^2 + (1 - x0)^2")
    window.controller.set_value("x0", 1.0)
    window.controller.set_value("x1", 1.0)
    window.controller.flush()
    assert _find(window, QLabel, "grad_x0").text() == "∂f/∂x0 = 0"
    assert math.copysign(1.0, window.controller.result.grads["x0"]) == 1.0
