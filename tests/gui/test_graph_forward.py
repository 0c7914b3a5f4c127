"""The Graph tab's forward mode, offscreen: tangents against hand values and central
differences, the switch back to reverse, the pass counter against a hand count, the
choice saved and undone; and the tab's room at 1366×768 (the explanation's height, the
view anchored at the inputs)."""

from __future__ import annotations

import math
import re

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QLineEdit

from gui.controller import SessionController
from gui.panels.graph.graph_panel import GraphPanel
from tests.gui.graph_panels import graph_panel
from tests.gui.walk import ALLOWED_LATIN, a11y_problems, english_words
from tutor.backward_trace import BackwardTrace
from tutor.forward_trace import ForwardTrace
from tutor.session import Session

X, Y = 0.5, 2.0
NUMBER = re.compile(r"[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?")


def f(x: float, y: float) -> float:
    return math.sin(x) * x**2 + y


def _central(fn, x: float, h: float = 1e-5) -> float:
    return (fn(x + h) - fn(x - h)) / (2 * h)


def _panel(qtbot, expression="sin(x) * x^2 + y", **values):
    return graph_panel(qtbot, expression, values or {"x": X, "y": Y})


def _number(text: str) -> float:
    """The last number in a card's line (``ṫ1 = −0.4794`` -> -0.4794)."""
    found = NUMBER.findall(text)
    assert found, text
    return float(found[-1].replace("−", "-"))


def _card(panel, label: str):
    node = next(n for n in panel.snapshot.variables if n.label == label)
    return panel.items[node.id]


def _tangent_on_card(panel, label: str) -> float:
    return _number(_card(panel, label).grad_text)


def _function_of(panel, op: str) -> int:
    return next(n.id for n in panel.snapshot.functions if n.op == op)


def test_forward_steps_in_generation_order_with_hand_tangents_along_x(qtbot):
    controller, panel = _panel(qtbot)
    panel.set_mode("forward")
    assert isinstance(panel.trace, ForwardTrace)
    assert panel.step == 0  # a new mode starts at its start
    # the seeds: the direction x
    assert _card(panel, "x").grad_text == "ẋ = 1"
    assert _card(panel, "y").grad_text == "ẏ = 0"
    assert "ẋ = 1, ẏ = 0" in panel.explanation.text()
    # by hand, at x = 0.5: d sin x = cos x · ẋ, d x² = 2x · ẋ, product rule, sum rule
    sin_dot = math.cos(X)
    sq_dot = 2 * X
    prod_dot = sin_dot * X**2 + math.sin(X) * sq_dot
    expected = {"Sin": ("t1", sin_dot), "Pow": ("t2", sq_dot), "Mul": ("t3", prod_dot),
                "Add": ("f", prod_dot + 0.0)}  # fmt: skip
    generations = []
    for k in range(1, len(panel.trace) + 1):
        panel.step_forward()
        fid = panel.state.current
        node = panel.snapshot.nodes[fid]
        generations.append(node.generation)
        assert panel.items[fid].state == "current"
        label, hand = expected[node.op]
        card = _card(panel, label)
        assert card.state == "fresh"
        assert _tangent_on_card(panel, label) == pytest.approx(hand, abs=1e-4)
        assert f"step {k} of 4: {node.op} computes" in panel.explanation.text()
        # the edge leaving the function carries its tangent
        edge_texts = [lab.text for lab in panel.labels if lab.isVisible()]
        assert any(t.startswith("ẏ = ") and _number(t) == pytest.approx(hand, abs=1e-4)
                   for t in edge_texts), edge_texts  # fmt: skip
        if node.op == "Sin":
            assert "ẏ = cos(x) · ẋ = cos(0.5) · 1 = 0.8776" in panel.explanation.text()
            assert "ẋ = 1" in edge_texts
    assert generations == sorted(generations)  # inputs first, users after
    panel.finish()
    assert "Forward pass done in 4 steps." in panel.explanation.text()
    fdot = float(panel.trace.output_tangent)
    assert fdot == pytest.approx(_central(lambda x: f(x, Y), X), abs=1e-8)
    assert _tangent_on_card(panel, "f") == pytest.approx(fdot, abs=1e-4)


def test_direction_y_gives_df_dy_and_is_chosen_from_the_combo(qtbot):
    controller, panel = _panel(qtbot)
    panel.set_mode("forward")
    assert panel.direction_combo.isVisible()
    panel.direction_combo.setFocus()
    qtbot.keyClick(panel.direction_combo, Qt.Key.Key_Down)  # x -> y, as a learner would
    assert controller.panel_state("graph")["direction"] == "y"
    assert _card(panel, "x").grad_text == "ẋ = 0"
    assert _card(panel, "y").grad_text == "ẏ = 1"
    panel.finish()
    fdot = float(panel.trace.output_tangent)
    assert fdot == pytest.approx(_central(lambda y: f(X, y), Y), abs=1e-8)
    # along y nothing on the x side moves: sin, x², × are skipped, their tangents 0
    for label in ("t1", "t2", "t3"):
        assert _tangent_on_card(panel, label) == 0
    assert "ḟ = ∂f/∂y = 1" in panel.explanation.text()


def test_switching_back_to_reverse_restores_the_backward_step_through(qtbot):
    controller, panel = _panel(qtbot)
    panel.step_forward()  # the backward pass is being stepped
    panel.set_mode("forward")
    panel.step_forward()
    panel.mode_combo.setCurrentIndex(0)  # the combo, as a learner picks it
    assert controller.panel_state("graph")["mode"] == "reverse"
    assert isinstance(panel.trace, BackwardTrace)
    assert not panel.direction_combo.isVisible() and not panel.cost_label.isVisible()
    assert panel.step == 0
    panel.step_forward()  # backward pops the output's function first: the + (gen 3)
    assert panel.snapshot.nodes[panel.state.current].op == "Add"
    assert "pop" in panel.explanation.text()
    panel.finish()
    grad_x = _number(_card(panel, "x").grad_text)
    assert _card(panel, "x").grad_text.startswith("grad ")
    assert grad_x == pytest.approx(_central(lambda x: f(x, Y), X), abs=1e-4)
    assert panel.sweep_check.isEnabled() and panel.derivative_check.isEnabled()


def test_alt_m_switches_the_mode_from_anywhere_in_the_panel(qtbot):
    controller, panel = _panel(qtbot)
    panel.actions_by_name["graphActionMode"].trigger()
    assert panel.forward_mode and isinstance(panel.trace, ForwardTrace)
    assert "Alt+M" in panel.mode_combo.toolTip()
    panel.actions_by_name["graphActionMode"].trigger()
    assert not panel.forward_mode and isinstance(panel.trace, BackwardTrace)


@pytest.mark.parametrize(
    ("text", "inputs", "fp", "fo", "ro"),
    [
        # x*y: each forward pass builds the × (1) and runs its rule ẋ0·x1 + x0·ẋ1
        # (2 × and a +): 4 per pass, 2 passes = 8. Reverse: the × (1), its backward
        # gy·x1 and gy·x0 (2) = 3, in one pass.
        ("x * y", 2, 2, 8, 3),
        # x + y + z: two + per build and a + in each rule: 4 per pass, 3 passes = 12.
        # Reverse: the two + and backward methods that pass gy on (no operation) = 2.
        ("x + y + z", 3, 3, 12, 2),
    ],
)
def test_the_counter_shows_both_modes_passes_and_operations(qtbot, text, inputs, fp, fo, ro):
    controller, panel = _panel(qtbot, text, x=1.0)
    assert not panel.cost_label.isVisible()  # reverse mode: not measured at all
    panel.set_mode("forward")
    assert panel.cost_label.isVisible()
    line = panel.cost_label.text()
    assert line == (
        f"Full gradient: forward mode {fp} passes, {fo} operations · "
        f"reverse mode 1 pass, {ro} operations"
    )


def test_the_mode_is_saved_and_undoable(qtbot):
    controller, panel = _panel(qtbot)
    panel.set_mode("forward")
    panel.set_direction("y")
    assert controller.panel_state("graph") == {"mode": "forward", "direction": "y"}
    saved = Session.from_json(controller.session.to_json())
    assert saved.panels["graph"] == {"mode": "forward", "direction": "y"}
    controller.undo_stack.undo()  # the direction
    assert panel.direction_combo.currentText() == "x"
    assert _card(panel, "x").grad_text == "ẋ = 1"
    controller.undo_stack.undo()  # the mode
    assert not panel.forward_mode and panel.mode_combo.currentIndex() == 0
    assert isinstance(panel.trace, BackwardTrace)
    controller.undo_stack.redo()
    assert panel.forward_mode and panel.mode_combo.currentIndex() == 1
    # a file that says so opens in forward mode
    other = SessionController(saved)
    reopened = GraphPanel(other)
    qtbot.addWidget(reopened)
    reopened.show()
    qtbot.waitExposed(reopened)
    assert isinstance(reopened.trace, ForwardTrace)
    assert reopened.direction_combo.currentText() == "y"


def test_choices_without_meaning_in_forward_mode_are_disabled_and_say_why(qtbot):
    controller, panel = _panel(qtbot)
    panel.set_mode("forward")
    for check in (panel.sweep_check, panel.derivative_check):
        assert not check.isEnabled()
        assert "reverse mode" in check.toolTip()
    assert not panel.derivative_var.isEnabled()


def test_a_slider_move_in_forward_mode_keeps_the_step_and_updates_tangents(qtbot):
    controller, panel = _panel(qtbot)
    panel.set_mode("forward")
    panel.set_step(1)  # sin has run
    controller.set_value("x", 1.0)
    controller.flush()
    assert panel.step == 1
    assert _tangent_on_card(panel, "t1") == pytest.approx(math.cos(1.0), abs=1e-4)


def test_forward_mode_is_named_and_translated(qtbot, qapp):
    from gui import i18n

    controller, panel = _panel(qtbot)
    panel.set_mode("forward")
    panel.set_step(2)
    assert a11y_problems(panel) == []
    assert i18n.set_language("ko")
    try:
        # the engine's class names (Pow, the op a box runs) are code, not words
        assert english_words(panel, ALLOWED_LATIN | {"pow", "mul", "add"}) == []
        assert "순방향 모드" in panel.mode_combo.currentText()
    finally:
        i18n.set_language("en")


# -- room at 1366×768 ---------------------------------------------------------------------


def _window(qtbot, expression):
    from PySide6.QtCore import QStandardPaths

    from gui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)
    window = MainWindow(Session(expression))
    qtbot.addWidget(window)
    window.resize(1229, 691)  # the first window on a 1366×768 laptop
    window.show()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.graph_panel)
    qtbot.wait(30)
    window.controller.flush()
    return window, window.graph_panel


def test_the_explanation_takes_what_its_text_needs_and_the_graph_the_rest(qtbot):
    window, panel = _window(qtbot, "sin(x) * x^2 + y")
    line = panel.fontMetrics().lineSpacing()
    area = panel.explanation_area
    done_height = area.height()
    assert 3 * line <= done_height <= 9 * line + 8
    # the old fixed 8½ lines are gone: the finished pass's two lines leave the graph
    # more than 8½ lines would have
    assert done_height < 8.5 * line
    panel.set_step(2)  # a step's text is longer: it may grow, within 9 lines
    assert done_height <= area.height() <= 9 * line + 8
    assert panel.view.height() >= 300
    # a long text scrolls instead of pushing the graph away
    panel.explanation.setText("<br>".join(f"line {k}" for k in range(30)))
    panel._set_explanation_height()
    assert area.height() <= 9 * line + 8
    assert area.verticalScrollBar().maximum() > 0


def test_a_graph_too_large_to_fit_readably_opens_at_its_inputs(qtbot):
    deep = "x * y"
    for k in range(14):  # a chain of 15 functions, 32 nodes: not grouped, too long
        deep = f"{('sin', 'cos', 'exp')[k % 3]}({deep})"
    window, panel = _window(qtbot, deep)
    assert panel.view.transform().m11() == pytest.approx(panel.readable_scale(), rel=1e-3)
    shown = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    graph = panel.scene.itemsBoundingRect()
    assert not shown.contains(graph)  # it does not fit: part of it is out of view
    inputs = QRectF()
    for node in panel.snapshot.variables:
        if node.role == "input":
            inputs = inputs.united(panel.items[node.id].sceneBoundingRect())
    assert shown.intersects(inputs)
    if panel.layout_result.vertical:
        assert shown.top() <= inputs.top()  # the inputs' row at the top, not cut off
    else:
        assert shown.left() <= inputs.left()
    # the rest is reached by panning
    bar = panel.view.verticalScrollBar() if panel.layout_result.vertical else (
        panel.view.horizontalScrollBar())  # fmt: skip
    assert bar.value() < bar.maximum()


def test_the_window_shortcuts_step_the_forward_pass(qtbot):
    window, panel = _window(qtbot, "sin(x) * x^2 + y")
    panel.set_mode("forward")
    field = window.findChild(QLineEdit, "expressionEdit")
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.step == 1 and panel.snapshot.nodes[panel.state.current].op in ("Sin", "Pow")
    qtbot.keyClick(field, Qt.Key.Key_F8)
    assert panel.step == 2
