"""The map and the optimizer panel (pytest-qt, offscreen), checked against real values."""

from __future__ import annotations

import gc
import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from gui.controller import SessionController
from gui.panels.descent.map_panel import MapPanel, map_axes
from gui.panels.descent.optimizer_panel import MapDescentPanel, OptimizerPanel
from gui.panels.plot.plot_panel import PlotPanel
from tutor.grid import evaluate_grid
from tutor.session import Session


@pytest.fixture(autouse=True)
def _isolated(qt_test_paths):
    # Free the widgets and controllers earlier tests left in reference cycles now,
    # between tests, rather than whenever the cycle collector happens to run (in the
    # middle of a paint, say): a crash there would be blamed on the wrong test.
    gc.collect()
    yield
    gc.collect()


def _session(text: str, **values: float) -> Session:
    s = Session(text)
    for name, v in values.items():
        s.set_value(name, v)
    return s


@pytest.fixture
def make_map(qtbot):
    def make(text: str, **values: float) -> MapPanel:
        controller = SessionController(_session(text, **values))
        panel = MapPanel(controller)
        qtbot.addWidget(panel)
        panel.resize(520, 520)
        panel.show()
        qtbot.waitExposed(panel)
        return panel

    return make


@pytest.fixture
def tab(qtbot):
    """The side tab as the window has it: map, optimizer and a 1-D plot, one controller."""

    def make(text: str = "x^2 - y^2", **values: float) -> MapDescentPanel:
        controller = SessionController(_session(text, **values))
        host = QWidget()
        plot = PlotPanel(controller, host)
        panel = MapDescentPanel(controller, host)
        layout = QHBoxLayout(host)
        layout.addWidget(plot)
        layout.addWidget(panel)
        qtbot.addWidget(host)
        host.resize(1100, 700)
        host.show()
        qtbot.waitExposed(host)
        panel.plot_panel = plot
        panel.controller = controller
        panel.host = host  # qtbot holds widgets weakly: keep the window alive
        return panel

    return make


def _send_mouse(widget, kind, pos: QPoint, buttons) -> None:
    """Deliver a mouse event with the button state set (QTest cannot hold a button while
    moving, which is what pyqtgraph needs to see a drag)."""
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    global_pos = widget.mapToGlobal(pos)
    event = QMouseEvent(
        kind, QPointF(pos), QPointF(global_pos), button, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def _to_pixel(panel: MapPanel, x: float, y: float) -> QPoint:
    scene = panel.viewbox.mapViewToScene(QPointF(x, y))
    return panel.view.mapFromScene(scene)


def _drag_on_map(qtbot, panel: MapPanel, path: list[tuple[float, float]]) -> None:
    viewport = panel.view.viewport()
    held = Qt.MouseButton.LeftButton
    _send_mouse(viewport, QEvent.Type.MouseButtonPress, _to_pixel(panel, *path[0]), held)
    for x, y in path[1:]:
        _send_mouse(viewport, QEvent.Type.MouseMove, _to_pixel(panel, x, y), held)
        qtbot.wait(5)
    release = _to_pixel(panel, *path[-1])
    _send_mouse(viewport, QEvent.Type.MouseButtonRelease, release, Qt.MouseButton.NoButton)


# -- the map ------------------------------------------------------------------------------------


def test_map_gradient_arrow_equals_the_engines_gradient(make_map):
    panel = make_map("x^2 * y + 3*y + sin(z)", x=1.5, y=-0.5, z=0.25)
    panel.set_axes("x", "y")
    result = panel.controller.result
    # hand partials: d/dx = 2xy, d/dy = x^2 + 3
    expected = (2 * 1.5 * -0.5, 1.5**2 + 3)
    assert result.grads["x"] == pytest.approx(expected[0])
    assert result.grads["y"] == pytest.approx(expected[1])
    assert panel.arrow_vector == pytest.approx(expected)
    # the drawn arrow runs from the point along +∇f (and −∇f for descent)
    px, py = panel.point()
    assert (px, py) == (1.5, -0.5)
    tx, ty = panel.arrow_tip()
    dx, dy = tx - px, ty - py
    assert dx * expected[1] - dy * expected[0] == pytest.approx(0.0, abs=1e-9)
    assert dx * expected[0] + dy * expected[1] > 0
    d = panel.descent_arrow.pos()
    assert (d.x() - px, d.y() - py) == pytest.approx((-dx, -dy))
    assert "∂f/∂x" in panel.readout.text() and "−1.5" in panel.readout.text()


def test_map_grid_holds_the_other_variables_at_their_sliders(make_map):
    panel = make_map("x^2 * y + 3*y + sin(z)", x=1.5, y=-0.5, z=0.25)
    panel.set_axes("x", "y")
    grid = panel.grid
    session = panel.controller.session
    assert grid.f.shape == (200, 200)
    assert (grid.xs[0], grid.xs[-1]) == (session.variables["x"].min, session.variables["x"].max)
    X, Y = np.meshgrid(grid.xs, grid.ys)
    np.testing.assert_allclose(grid.f, X**2 * Y + 3 * Y + math.sin(0.25), atol=1e-12)
    np.testing.assert_allclose(grid.dfdx, 2 * X * Y, atol=1e-12)


def test_moving_a_map_variable_moves_only_the_point_and_a_held_one_refreshes_the_grid(make_map):
    panel = make_map("x^2 * y + z", x=1.0, y=1.0, z=0.0)
    panel.set_axes("x", "y")
    controller = panel.controller
    grid = panel.grid
    controller.set_value("x", 2.0)
    controller.flush()
    assert panel.grid is grid  # same grid object: only the marker and arrows moved
    assert panel.point() == (2.0, 1.0)
    assert panel.arrow_vector == pytest.approx((4.0, 4.0))
    controller.set_value("z", 1.0)
    controller.flush()
    assert panel.grid is not grid
    assert panel.grid.f[0, 0] == pytest.approx(grid.f[0, 0] + 1.0)


def test_dragging_the_point_moves_both_sliders_as_one_undo_step(qtbot, make_map):
    panel = make_map("x^2 - y^2", x=0.0, y=0.0)
    controller = panel.controller
    before = controller.undo_stack.count()
    _drag_on_map(qtbot, panel, [(0.0, 0.0), (0.5, 0.4), (1.0, 1.0), (1.5, -2.0)])
    controller.flush()
    point = controller.session.point()
    assert point["x"] == pytest.approx(1.5, abs=0.05)
    assert point["y"] == pytest.approx(-2.0, abs=0.05)
    assert panel.point() == (point["x"], point["y"])
    assert controller.undo_stack.count() == before + 1  # the whole drag is one command
    controller.undo_stack.undo()
    controller.flush()
    assert controller.session.point() == {"x": 0.0, "y": 0.0}


def test_one_variable_shows_a_placeholder_and_axes_come_back_with_two(make_map):
    panel = make_map("x^2")
    assert panel.axes() is None
    assert panel.stack.currentWidget() is panel.placeholder
    panel.controller.set_expression("x^2 + y")
    panel.controller.flush()
    assert panel.axes() == ("x", "y")
    assert panel.stack.currentWidget() is panel.view


def test_swapping_axes_with_the_combo_and_domain_edges_stay_quiet(make_map):
    panel = make_map("log(x) * y")  # NaN for x <= 0: no warning, no crash
    panel.set_axes("y", "x")
    assert panel.axes() == ("y", "x")
    assert np.isnan(panel.grid.f).any()
    assert panel.grid.var_x == "y"
    panel.x_combo.setCurrentText("x")
    panel.x_combo.activated.emit(panel.x_combo.currentIndex())
    assert panel.axes() == ("x", "y")


def test_map_settings_are_saved_in_the_session(make_map):
    panel = make_map("x * y + z")
    panel.set_axes("z", "x")
    panel.grid_spin.setValue(60)
    state = panel.controller.session.panels["map"]
    assert (state["x"], state["y"], state["grid"]) == ("z", "x", 60)
    assert panel.grid.f.shape == (60, 60)
    loaded = Session.from_json(panel.controller.session.to_json())
    assert loaded.panels["map"]["grid"] == 60
    assert loaded.panels["map"]["x"] == "z"


def test_a_map_in_a_hidden_tab_costs_nothing_until_shown(qtbot):
    controller = SessionController(_session("x * y"))
    panel = MapPanel(controller)
    qtbot.addWidget(panel)
    assert panel.grid is None
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.grid is not None
    reference = evaluate_grid(controller.result.expression, {}, "x", "y", (-5, 5), (-5, 5))
    np.testing.assert_array_equal(panel.grid.f, reference.f)


# -- the optimizer ------------------------------------------------------------------------------


def test_rosenbrock_preset_steps_like_the_book_and_moves_the_sliders(tab):
    panel = tab()
    opt: OptimizerPanel = panel.optimizer_panel
    controller = panel.controller
    opt.apply_preset("rosenbrock")
    assert controller.session.expression_text == "100*(x1 - x0^2)^2 + (1 - x0)^2"
    assert controller.session.variables["x0"].value == 0.0
    assert controller.session.variables["x1"].value == 2.0
    assert panel.map_panel.axes() == ("x0", "x1")
    assert opt.lr_spin.value() == 0.001
    assert opt.optimized_variables() == ("x0", "x1")
    opt.step_button.click()
    controller.flush()
    # ∇f(0, 2) = (-2, 400): one step of lr 0.001 goes to (0.002, 1.6)
    assert controller.session.variables["x0"].value == pytest.approx(0.002)
    assert controller.session.variables["x1"].value == pytest.approx(1.6)
    assert "Iteration <b>1</b>" in opt.status_label.text()
    trail_x, trail_y = panel.map_panel.trail.getData()
    assert list(trail_x) == pytest.approx([0.0, 0.002]) and list(trail_y) == pytest.approx([2, 1.6])


def test_running_descent_animates_and_undo_returns_to_the_start(qtbot, tab):
    panel = tab()
    opt = panel.optimizer_panel
    controller = panel.controller
    opt.apply_preset("rosenbrock")
    count = controller.undo_stack.count()
    opt.run_button.click()
    assert opt.running
    qtbot.waitUntil(lambda: opt.stepper.iteration >= 2000, timeout=10_000)
    opt.run_button.click()
    assert not opt.running
    controller.flush()
    x0, x1 = controller.session.variables["x0"].value, controller.session.variables["x1"].value
    assert (x0, x1) == (opt.stepper.point["x0"], opt.stepper.point["x1"])
    assert 0.5 < x0 < 1.0 and 0.2 < x1 < 1.0  # in the valley, on the way to (1, 1)
    xs, ys = panel.plot_panel.descent_trail.getData()
    assert len(xs) > 100 and ys[0] == pytest.approx(401.0)  # f along the trail, 1-D plot
    assert controller.undo_stack.count() == count + 1  # the whole run is one command
    controller.undo_stack.undo()
    controller.flush()
    assert controller.session.variables["x0"].value == 0.0
    assert controller.session.variables["x1"].value == 2.0


def test_a_divergent_learning_rate_stops_the_run_with_a_message(qtbot, tab):
    panel = tab()
    opt = panel.optimizer_panel
    opt.apply_preset("rosenbrock")
    opt.lr_spin.setValue(0.01)
    opt.run_button.click()
    qtbot.waitUntil(lambda: not opt.running, timeout=5000)
    assert opt.stepper.diverged
    assert "Diverged" in opt.message_label.text()
    point = panel.controller.session.point()
    assert all(math.isfinite(v) for v in point.values())
    # Reset goes back to the start
    opt.reset_button.click()
    panel.controller.flush()
    assert panel.controller.session.variables["x0"].value == 0.0
    assert panel.controller.session.variables["x1"].value == 2.0
    assert opt.message_label.text() == ""


def test_newton_preset_reaches_one_in_a_few_steps_on_the_plot(tab):
    panel = tab()
    opt = panel.optimizer_panel
    controller = panel.controller
    opt.apply_preset("quartic_newton")
    assert opt.method() == "newton"
    assert controller.session.variables["x"].value == 2.0
    for _ in range(6):
        opt.step_button.click()
    controller.flush()
    assert controller.session.variables["x"].value == pytest.approx(1.0, abs=1e-6)
    xs, ys = panel.plot_panel.descent_trail.getData()
    assert xs[0] == 2.0 and ys[0] == pytest.approx(16 - 8)
    assert len(xs) == 7 and ys[-1] == pytest.approx(-1.0)
    assert "f″" in opt.status_label.text()
    assert panel.map_panel.axes() is None  # one variable: no map
    assert set(controller.session.variables) == {"x"}  # the preset dropped y
    assert not panel.map_panel.legend.isVisible()


def test_moving_a_slider_by_hand_starts_a_new_run_from_there(tab):
    panel = tab()
    opt = panel.optimizer_panel
    controller = panel.controller
    opt.apply_preset("saddle")
    opt.step_button.click()
    first = opt.stepper
    controller.set_value("x", -1.0)
    controller.flush()
    assert opt.stepper is None  # the old trail no longer describes this point
    opt.step_button.click()
    controller.flush()
    assert opt.stepper is not first
    assert opt.stepper.history[0, 0] == -1.0


def test_saddle_descent_slides_off_and_stops_at_the_slider_range(qtbot, tab):
    panel = tab()
    opt = panel.optimizer_panel
    opt.apply_preset("saddle")
    opt.steps_spin.setValue(50)
    opt.run_button.click()
    qtbot.waitUntil(lambda: not opt.running, timeout=5000)
    assert "range of y" in opt.message_label.text()
    assert not opt.stepper.diverged


def test_optimizer_settings_are_saved_under_the_map_key(tab):
    panel = tab()
    opt = panel.optimizer_panel
    opt.lr_spin.setValue(0.02)
    opt.steps_spin.setValue(7)
    state = panel.controller.session.panels["map"]["optimizer"]
    assert state == {"method": "gd", "lr": 0.02, "steps_per_frame": 7}


def test_a_language_change_retranslates_both_panels_in_place(tab):
    from PySide6.QtCore import QCoreApplication

    panel = tab()
    opt = panel.optimizer_panel
    opt.apply_preset("rosenbrock")
    opt.lr_spin.setValue(0.05)
    opt.step_button.click()
    opt.run_button.click()
    QCoreApplication.sendEvent(opt, QEvent(QEvent.Type.LanguageChange))
    QCoreApplication.sendEvent(panel.map_panel, QEvent(QEvent.Type.LanguageChange))
    assert opt.step_button.text() == "Step"
    assert panel.map_panel.x_label.text() == "Horizontal"
    assert "Iteration" in opt.status_label.text()
    assert "∇f" in panel.map_panel.readout.text()


# -- the panels' own state goes through the controller ------------------------------------------


def test_map_axes_are_the_saved_ones_else_the_plots_variable_and_the_next():
    used = ("a", "x", "y")
    assert map_axes({}, used, "x") == ("x", "y")
    assert map_axes({}, used, "y") == ("y", "a")  # the one after the last is the first
    assert map_axes({}, used, None) == ("a", "x")
    assert map_axes({"x": "y", "y": "a"}, used, "x") == ("y", "a")
    assert map_axes({"x": "q", "y": "a"}, used, "x") == ("x", "y")  # q is not used
    assert map_axes({"x": "a", "y": "a"}, used, "x") == ("x", "y")
    assert map_axes({"x": "x", "y": "y"}, ("x",), "x") is None


def test_map_axes_and_grid_are_undoable_steps_and_undo_redraws_the_map(make_map, clock):
    panel = make_map("x * y + z")
    stack = panel.controller.undo_stack
    assert panel.axes() == ("x", "y") and stack.isClean()
    panel.x_combo.setCurrentText("z")
    panel.x_combo.activated.emit(panel.x_combo.currentIndex())
    assert panel.axes() == ("z", "y") and panel.grid.var_x == "z"
    assert stack.undoText() == "Map axes z, y"
    assert not stack.isClean()  # the file is unsaved now
    clock.pause(2.0)
    panel.grid_spin.setValue(60)
    assert stack.undoText() == "Map grid 60 × 60"
    assert panel.grid.f.shape == (60, 60)

    stack.undo()
    assert panel.grid_spin.value() == 200 and panel.grid.f.shape == (200, 200)
    assert panel.axes() == ("z", "y")
    stack.undo()
    assert panel.axes() == ("x", "y") and panel.grid.var_x == "x"
    assert (panel.x_combo.currentText(), panel.y_combo.currentText()) == ("x", "y")
    assert stack.isClean()
    stack.redo()
    assert panel.axes() == ("z", "y")
    assert panel.controller.session.panels["map"]["x"] == "z"


def test_quick_learning_rate_changes_are_one_undo_step_and_undo_restores_them(tab, clock):
    panel = tab("x^2 - y^2")
    opt, controller = panel.optimizer_panel, panel.controller
    stack = controller.undo_stack
    count = stack.count()
    opt.lr_spin.stepBy(1)  # 0.001 -> 0.002
    clock.pause(0.3)
    opt.lr_spin.stepBy(1)  # -> 0.005, soon after: the same step
    assert stack.count() == count + 1
    assert stack.undoText() == "Learning rate 0.005"
    assert controller.session.panels["map"]["optimizer"]["lr"] == 0.005
    clock.pause(2.0)
    opt.steps_spin.setValue(7)
    assert stack.undoText() == "Steps per frame 7"
    clock.pause(2.0)
    opt.method_combo.setCurrentIndex(1)
    opt.method_combo.activated.emit(1)
    assert stack.undoText() == "Optimizer method: Newton's method (one variable)"
    assert opt.optimized_variables() == ("x",)
    assert stack.count() == count + 3

    stack.undo()
    assert opt.method() == "gd" and opt.optimized_variables() == ("x", "y")
    stack.undo()
    assert opt.steps_spin.value() == 50
    stack.undo()
    assert opt.lr_spin.value() == 0.001
    assert "map" not in controller.session.panels


def test_undoing_a_preset_brings_back_the_map_axes_and_the_optimizer_settings(tab):
    panel = tab("x * y + z")
    opt, controller = panel.optimizer_panel, panel.controller
    panel.map_panel.set_axes("z", "x")
    opt.lr_spin.setValue(0.05)
    opt.steps_spin.setValue(3)
    controller.flush()
    before = controller.panel_state("map")
    assert before["x"] == "z" and before["optimizer"]["lr"] == 0.05
    assert opt.optimized_variables() == ("z", "x")

    opt.apply_preset("rosenbrock")
    assert panel.map_panel.axes() == ("x0", "x1")
    assert (opt.lr_spin.value(), opt.steps_spin.value()) == (0.001, 200)
    assert controller.undo_stack.undoText().startswith("Load preset Rosenbrock")

    controller.undo_stack.undo()
    controller.flush()
    assert controller.session.expression_text == "x * y + z"
    assert controller.panel_state("map") == before
    assert panel.map_panel.axes() == ("z", "x")
    assert (panel.map_panel.grid.var_x, panel.map_panel.grid.var_y) == ("z", "x")
    assert (opt.method(), opt.lr_spin.value(), opt.steps_spin.value()) == ("gd", 0.05, 3)
    assert opt.optimized_variables() == ("z", "x")

    controller.undo_stack.redo()
    controller.flush()
    assert panel.map_panel.axes() == ("x0", "x1")
    assert opt.lr_spin.value() == 0.001


def test_trails_published_on_the_controller_are_drawn_on_the_map_and_the_plot(qtbot):
    controller = SessionController(_session("x^2 + y^2 + z", y=1.5, z=0.5))
    host = QWidget()
    layout = QHBoxLayout(host)
    plot, map_panel = PlotPanel(controller), MapPanel(controller)  # and no optimizer
    layout.addWidget(plot)
    layout.addWidget(map_panel)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    assert map_panel.axes() == ("x", "y")
    xs, ys = np.array([1.0, 0.5, 0.25]), np.array([2.0, 1.0, 0.5])
    fs = np.array([5.5, 1.75, 0.8125])  # x² + y² + 0.5, by hand
    controller.set_trails({"x": xs, "y": ys}, fs)
    np.testing.assert_array_equal(np.array(map_panel.trail.getData()), [xs, ys])
    np.testing.assert_array_equal(np.array(plot.descent_trail.getData()), [xs, fs])

    controller.set_sweep_variable("y")  # the plot runs along y: the trail's y against f
    np.testing.assert_array_equal(np.array(plot.descent_trail.getData()), [ys, fs])
    controller.set_trails({"x": xs}, fs)  # y held: on the map at its slider's value
    np.testing.assert_array_equal(np.array(map_panel.trail.getData()), [xs, [1.5, 1.5, 1.5]])
    assert len(plot.descent_trail.getData()[0] or ()) == 0  # y did not move: nothing to plot

    controller.set_trails({})
    assert len(map_panel.trail.getData()[0] or ()) == 0
    assert len(plot.descent_trail.getData()[0] or ()) == 0
    assert controller.undo_stack.count() == 1  # only the sweep: trails are not the document


def test_the_optimizer_moves_the_point_and_publishes_its_trail_through_the_controller(qtbot):
    controller = SessionController(Session())
    opt = OptimizerPanel(controller)  # alone: no map, no plot to draw on
    qtbot.addWidget(opt)
    opt.apply_preset("rosenbrock")
    opt.step_button.click()
    assert controller.session.point() == pytest.approx({"x0": 0.002, "x1": 1.6})
    assert list(controller.trails) == ["x0", "x1"]
    assert list(controller.trails["x0"]) == pytest.approx([0.0, 0.002])
    assert list(controller.trails["x1"]) == pytest.approx([2.0, 1.6])
    f1 = 100 * (1.6 - 0.002**2) ** 2 + (1 - 0.002) ** 2
    assert list(controller.trail_values) == pytest.approx([401.0, f1])
    opt.reset_button.click()
    assert controller.trails == {}
    assert controller.session.point() == {"x0": 0.0, "x1": 2.0}


def test_the_optimizer_descends_along_the_map_axes_in_the_panel_state(qtbot):
    controller = SessionController(Session("x*y + z^2"))  # every variable at 1
    opt = OptimizerPanel(controller)
    qtbot.addWidget(opt)
    assert opt.optimized_variables() == ("x", "y")
    controller.set_panel_state("map", {"x": "z", "y": "x"}, "Map axes z, x")
    assert opt.optimized_variables() == ("z", "x")
    opt.step_button.click()
    # ∂f/∂z = 2z = 2, ∂f/∂x = y = 1: one step of lr 0.001 from (1, 1)
    assert controller.session.point() == pytest.approx({"x": 0.999, "y": 1.0, "z": 0.998})
    assert set(controller.trails) == {"z", "x"}
    controller.set_panel_state("map", {"x": "x", "y": "y"}, "Map axes x, y")
    assert opt.stepper is None and controller.trails == {}  # other axes: a new run


ROSENBROCK = "(1 - x0)^2 + 100*(x1 - x0^2)^2"


def test_arrows_shrink_with_the_gradient_and_say_how_large_it_is(make_map):
    far = make_map(ROSENBROCK, x0=-1.5, x1=2.0)
    near = make_map(ROSENBROCK, x0=0.9975, x1=0.9951)
    for panel in (far, near):
        panel.set_axes("x0", "x1")
        panel._update_arrows()
    # by hand: ∂f/∂x0 = −2(1 − x0) − 400·x0·(x1 − x0²), ∂f/∂x1 = 200(x1 − x0²)
    x0, x1 = 0.9975, 0.9951
    g = (-2 * (1 - x0) - 400 * x0 * (x1 - x0**2), 200 * (x1 - x0**2))
    norm = math.hypot(*g)
    assert norm < 0.1  # 0.046, against ~1,000 at (−1.5, 2)
    assert near.norm_text.textItem.toPlainText() == "|∇f| = " + f"{norm:.3g}"
    assert far.arrow_pixels > 2.5 * near.arrow_pixels
    assert near.arrow_pixels >= 16  # still an arrow with a head
    # the drawn tip is arrow_pixels away from the point, on screen
    px, py = near.point()
    tx, ty = near.arrow_tip()
    sx, sy = near._pixel_size()
    assert math.hypot((tx - px) / sx, (ty - py) / sy) == pytest.approx(near.arrow_pixels)


def test_arrow_length_is_log_scaled_in_the_gradient():
    from tutor.grid import arrow_length

    assert arrow_length(1e4, 1e4, 70, 16) == 70
    assert arrow_length(1e3, 1e4, 70, 16) == pytest.approx(70 - 54 / 6)  # one decade of six
    assert arrow_length(1e1, 1e4, 70, 16) == pytest.approx(70 - 3 * 54 / 6)
    assert arrow_length(1e-3, 1e4, 70, 16) == 16  # seven decades down: the floor
    assert arrow_length(0.0, 1e4, 70, 16) == 0.0  # no gradient, no arrow


def test_the_map_follows_a_window_zoom_and_a_palette_change(make_map, monkeypatch):
    import dataclasses

    from PySide6.QtGui import QPalette

    from gui import theme

    panel = make_map(ROSENBROCK, x0=0.0, x1=2.0)
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    panel.setFont(font)  # a window zoom
    assert panel.norm_text.textItem.font().pointSizeF() == pytest.approx(font.pointSizeF() * 0.95)
    assert f"{font.pointSizeF():.1f}pt" in panel.plot.titleLabel.text or (
        panel.plot.titleLabel.opts.get("size") == f"{font.pointSizeF():.1f}pt"
    )
    changed = dataclasses.replace(theme.current(), grad_arrow=("#00ff00", "#003300"))
    monkeypatch.setattr(theme, "current", lambda: changed)
    panel.setPalette(QPalette("#202020"))  # as a theme switch does
    assert panel.grad_arrow.opts["brush"].color().name() == "#00ff00"
