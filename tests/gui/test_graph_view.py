"""The graph panel and the gradient check panel, offscreen, against the engine's numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QGraphicsView, QLineEdit

import engine.functions as F
from engine import Variable
from gui.controller import SessionController
from gui.panels.gradient_check.gradient_check_panel import GradientCheckPanel
from gui.panels.graph.graph_panel import MAX_DRAWN_NODES, GraphPanel, NodeItem
from gui.panels.graph.layered_layout import layered_layout, node_columns
from tests.gui.graph_panels import graph_panel
from tutor.backward_trace import record_backward, record_expression
from tutor.formula import parse
from tutor.session import Session


def _panel(qtbot, expression="sin(x) * x^2 + y", **values):
    return graph_panel(qtbot, expression, values)


def _current(panel):
    return [nid for nid, item in panel.items.items() if item.state == "current"]


def _texts(panel):
    return {nid: (item.value_text, item.grad_text, item.state, item.badge)
            for nid, item in panel.items.items()}  # fmt: skip


def _drawn(snap) -> int:
    """Nodes the view draws: every node but the constants folded into a label (÷4)."""
    return sum(1 for n in snap.nodes if getattr(n, "folded_into", None) is None)


def _wide_expression(n_terms: int) -> str:
    # every term reuses x and y, so the graph is wide and full of long edges
    return " + ".join(
        f"sin(x * {i % 7 + 1}) * exp(-y^2 / {i % 5 + 2}) - tanh(x - y*{i % 3 + 1})"
        for i in range(n_terms)
    )


# -- what is drawn ------------------------------------------------------------------


def test_view_shows_one_item_per_snapshot_node(qtbot):
    controller, panel = _panel(qtbot)
    view = panel.findChild(QGraphicsView, "graphView")
    assert view is panel.view
    items = [i for i in view.scene().items() if isinstance(i, NodeItem)]
    assert len(items) == len(panel.snapshot) == 10
    assert len(panel.edge_items) == len(panel.snapshot.edges)
    kinds = sorted(i.kind for i in items)
    assert kinds.count("function") == len(panel.snapshot.functions)


def test_cards_show_values_and_final_grads(qtbot):
    controller, panel = _panel(qtbot, x=0.5, y=2.0)
    snap = panel.snapshot
    x = next(v for v in snap.variables if v.label == "x")
    item = panel.items[x.id]
    expected = math.cos(0.5) * 0.25 + math.sin(0.5) * 2 * 0.5
    assert item.value_text == "= 0.5"
    assert item.grad_text == f"grad {expected:.4g}"
    assert controller.result.grads["x"] == pytest.approx(expected)


def test_slider_move_keeps_items_and_updates_texts(qtbot):
    controller, panel = _panel(qtbot, x=0.5)
    before = dict(panel.items)
    x_id = next(v.id for v in panel.snapshot.variables if v.label == "x")
    controller.set_value("x", 1.5)
    controller.flush()
    assert panel.items == before  # the very same item objects
    assert panel.items[x_id].value_text == "= 1.5"


def test_new_expression_rebuilds_the_scene(qtbot):
    controller, panel = _panel(qtbot)
    controller.set_expression("exp(x) + x")
    controller.flush()
    assert len(panel.items) == len(panel.snapshot) == 5  # x, exp, t1, +, f
    assert sorted(f.op for f in panel.snapshot.functions) == ["Add", "Exp"]


def test_constant_expression_has_nothing_to_step_through(qtbot):
    controller, panel = _panel(qtbot)
    controller.set_expression("2")
    controller.flush()
    assert len(panel.snapshot) == 1 and len(panel.trace) == 0
    panel.step_forward()
    panel.play()
    assert not panel.playing and panel.step == panel.end == 1


# -- stepping -----------------------------------------------------------------------


def test_highlighted_function_follows_the_trace(qtbot):
    controller, panel = _panel(qtbot)
    trace = panel.trace
    assert panel.step == panel.end == len(trace) + 1
    assert panel.done and _current(panel) == []  # done: nothing highlighted
    panel.reset()
    assert panel.step == 0 and _current(panel) == []
    assert [nid for nid, i in panel.items.items() if i.state == "queued"] == [
        trace.steps[0].function
    ]
    for k, step in enumerate(trace.steps, start=1):
        panel.step_forward()
        assert panel.step == k
        assert _current(panel) == [step.function]
        queued = {nid for nid, i in panel.items.items() if i.state == "queued"}
        assert queued == set(trace.state_at(k).queue)
    panel.step_forward()
    assert panel.done and _current(panel) == []


def test_book_diamond_steps_through_with_the_book_numbers(qtbot):
    # a = x²; y = a² + a² at x = 2 (book step 16), handed to the panel as a trace
    controller, panel = _panel(qtbot)
    x = Variable(np.array(2.0), name="x")
    a = F.square(x)
    panel.set_trace(record_backward(F.add(F.square(a), F.square(a)), inputs=[x]))
    assert len(panel.items) == len(panel.snapshot) == 9
    panel.reset()
    texts, ops = [], []
    for _ in range(len(panel.trace)):
        panel.step_forward()
        texts.append(panel.explanation.text())
        ops.append(panel.snapshot.nodes[_current(panel)[0]].op)
    assert ops == ["Add", "Square", "Square", "Square"]
    assert "t1.grad = 8 + 8 = 16" in texts[2]
    assert "x.grad = 64" in texts[3]


def test_formula_with_x_squared_twice_sums_both_paths(qtbot):
    controller, panel = _panel(qtbot, "(x^2)^2 + (x^2)^2", x=2.0)
    panel.reset()
    for _ in range(len(panel.trace)):
        panel.step_forward()
    assert "x.grad = 32 + 32 = 64" in panel.explanation.text()


def test_reused_variable_shows_its_sum_on_the_card(qtbot):
    controller, panel = _panel(qtbot, "x * x", x=4.0)
    panel.reset()
    panel.step_forward()
    x_id = next(v.id for v in panel.snapshot.variables if v.label == "x")
    assert panel.items[x_id].grad_text == "grad 8"
    assert panel.items[x_id].state == "fresh"
    assert "x.grad = 4 + 4 = 8" in panel.explanation.text()


def test_edges_carry_gy_and_gx_of_the_current_function(qtbot):
    controller, panel = _panel(qtbot, "sin(x)", x=0.5)
    panel.reset()
    panel.step_forward()
    shown = sorted(label.text for label in panel.labels if label.isVisible())
    assert shown == ["gx = 0.8776", "gy = 1"]
    assert "gx = gy · cos(x) = 1 · cos(0.5) = 0.8776" in panel.explanation.text()
    panel.finish()
    assert not any(label.isVisible() for label in panel.labels)


def test_stepping_back_then_forward_restores_the_same_state(qtbot):
    controller, panel = _panel(qtbot, "sin(x) * x^2 + y * exp(x) / y")
    panel.reset()
    states = []
    for _ in range(panel.end + 1):
        states.append((_texts(panel), panel.explanation.text()))
        panel.step_forward()
    for k in range(panel.end, -1, -1):
        panel.set_step(k)
        assert (_texts(panel), panel.explanation.text()) == states[k]


def test_keyboard_steps_plays_and_fits(qtbot):
    controller, panel = _panel(qtbot)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Home)
    assert panel.step == 0
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    assert panel.step == 2
    qtbot.keyClick(panel.view, Qt.Key.Key_Left)
    assert panel.step == 1
    panel.speed_slider.setValue(panel.speed_slider.maximum())
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    assert panel.playing
    qtbot.waitUntil(lambda: panel.done, timeout=5000)
    assert not panel.playing
    panel.view.zoom(3.0)
    qtbot.keyClick(panel.view, Qt.Key.Key_F)
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    assert visible.contains(panel.scene.itemsBoundingRect())  # the whole graph
    assert panel.view.transform().m11() <= 1.6


def test_slider_move_during_a_step_through_keeps_the_step(qtbot):
    controller, panel = _panel(qtbot, x=0.5)
    panel.reset()
    panel.step_forward()
    panel.step_forward()
    controller.set_value("x", 0.7)
    controller.flush()
    assert panel.step == 2
    assert _current(panel) == [panel.trace.steps[1].function]


def test_wheel_zooms_and_drag_mode_pans(qtbot):
    controller, panel = _panel(qtbot)
    assert panel.view.dragMode() == QGraphicsView.DragMode.ScrollHandDrag
    before = panel.view.transform().m11()
    panel.view.zoom(1.5)
    assert panel.view.transform().m11() == pytest.approx(before * 1.5)


# -- hover and selection --------------------------------------------------------------


def test_tooltip_says_what_a_node_is(qtbot):
    controller, panel = _panel(qtbot, "sin(x)", x=0.5)
    snap = panel.snapshot
    x = next(v for v in snap.variables if v.label == "x")
    tip = panel.describe_node(x.id)
    assert "input variable" in tip and "value: 0.5" in tip and "0.8776" in tip
    sin = snap.functions[0]
    tip = panel.describe_node(sin.id)
    assert "Sin" in tip and "gx = gy · cos(x)" in tip and "1 · cos(0.5) = 0.8776" in tip


def test_selecting_a_node_highlights_its_part_of_the_formula(qtbot):
    controller, panel = _panel(qtbot, "sin(x) * x^2 + y")
    text = panel.expression_view.toPlainText()
    pow_id = next(f.id for f in panel.snapshot.functions if f.op == "Pow")
    panel.select_node(pow_id)
    assert [text[a:b] for a, b in panel.highlighted_spans()] == ["x^2"]
    x_id = next(v.id for v in panel.snapshot.variables if v.label == "x")
    panel.select_node(x_id)
    assert [text[a:b] for a, b in panel.highlighted_spans()] == ["x", "x"]


def test_cursor_in_the_formula_selects_the_node(qtbot):
    controller, panel = _panel(qtbot, "sin(x) * x^2 + y")
    cursor = panel.expression_view.textCursor()
    cursor.setPosition(1)  # inside "sin"
    panel.expression_view.setTextCursor(cursor)
    sin_id = next(f.id for f in panel.snapshot.functions if f.op == "Sin")
    assert panel.selected_node() == sin_id
    cursor.setPosition(
        panel.expression_view.toPlainText().index("+"), QTextCursor.MoveMode.MoveAnchor
    )
    panel.expression_view.setTextCursor(cursor)
    add_id = next(f.id for f in panel.snapshot.functions if f.op == "Add")
    assert panel.selected_node() == add_id


def test_clicking_a_node_selects_it(qtbot):
    controller, panel = _panel(qtbot, "sin(x)")
    sin_id = panel.snapshot.functions[0].id
    item = panel.items[sin_id]
    pos = panel.view.mapFromScene(item.pos())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert panel.selected_node() == sin_id
    assert panel.highlighted_spans() == [(0, 6)]


# -- higher order -------------------------------------------------------------------------


def test_derivative_toggle_shows_the_bigger_graph_of_f_prime(qtbot):
    controller, panel = _panel(qtbot, "sin(x^2)", x=0.5)
    f_size = len(panel.snapshot)
    panel.derivative_check.setChecked(True)
    assert len(panel.items) == _drawn(panel.snapshot) and len(panel.snapshot) > f_size
    assert panel.snapshot.nodes[panel.snapshot.output].label == "∂f/∂x"
    assert f"f: {f_size} nodes" in panel.count_label.text()
    # stepping through f′'s backward pass ends with f″ in x.grad
    x = next(v for v in panel.snapshot.variables if v.label == "x")
    f2 = 2 * math.cos(0.25) - 4 * 0.25 * math.sin(0.25)
    assert float(x.grad) == pytest.approx(f2)
    panel.derivative_check.setChecked(False)
    assert len(panel.snapshot) == f_size


# -- big graphs -----------------------------------------------------------------------------


def test_500_node_graph_lays_out_and_steps(qtbot):
    # how fast: benchmarks/bench_graph.py (timing is measured there, never asserted here)
    expr = parse(_wide_expression(20))
    snap = record_expression(expr, {"x": 0.3, "y": 0.7}).snapshot
    assert len(snap) >= 500
    layout = layered_layout(snap, lambda n: (80.0, 52.0) if n.kind == "variable" else (36.0, 30.0))
    assert len(layout.centers) == len(snap) and len(layout.routes) == len(snap.edges)

    controller, panel = _panel(qtbot, _wide_expression(20), x=0.3, y=0.7)
    assert _drawn(panel.snapshot) >= 400
    assert len(panel.items) <= 40  # seen whole, as groups (semantic zoom)
    panel.reset()
    for _ in range(panel.end):
        panel.step_forward()
    assert panel.done
    panel.fit()
    panel.grab()  # paints every item once, text hidden at this zoom


def test_a_graph_too_large_to_draw_says_so(qtbot, monkeypatch):
    monkeypatch.setattr("gui.panels.graph.graph_panel.MAX_DRAWN_NODES", 5)
    controller, panel = _panel(qtbot, "sin(x) * x^2 + y")
    assert panel.items == {} and panel.trace is None
    assert "too many" in panel.empty_text.text()
    panel.step_forward()  # harmless
    assert MAX_DRAWN_NODES > 5


def test_panel_skips_work_while_hidden(qtbot):
    controller, panel = _panel(qtbot, x=0.5)
    panel.hide()
    controller.set_value("x", 1.0)
    controller.flush()
    x_id = next(v.id for v in panel.snapshot.variables if v.label == "x")
    assert panel.items[x_id].value_text == "= 0.5"  # not redrawn while hidden
    panel.show()
    assert panel.items[x_id].value_text == "= 1"


# -- layout -------------------------------------------------------------------------------


def _size(node):
    return (80.0, 52.0) if node.kind == "variable" else (36.0, 30.0)


@pytest.mark.parametrize(
    "text", ["sin(x) * x^2 + y", "(x + y) * (x - y) / (x*y + 1)", "exp(sin(cos(x)))"]
)
def test_layout_runs_left_to_right_by_generation_without_overlaps(text):
    snap = record_expression(parse(text), {"x": 0.5, "y": 1.5}).snapshot
    layout = layered_layout(snap, _size)
    cols = node_columns(snap)
    for u, v in snap.edges:
        assert layout.centers[u][0] < layout.centers[v][0]  # values flow to the right
    for node in snap.nodes:
        if node.kind == "function":
            assert cols[node.id] == 2 * node.generation + 1
        elif node.role != "constant":
            assert cols[node.id] == 2 * node.generation
    by_col: dict[int, list[int]] = {}
    for nid, c in cols.items():
        by_col.setdefault(c, []).append(nid)
    for ids in by_col.values():
        ys = sorted((layout.centers[i][1], layout.sizes[i][1]) for i in ids)
        for (y0, h0), (y1, h1) in zip(ys, ys[1:], strict=False):
            assert y1 - y0 >= (h0 + h1) / 2  # no two cards overlap


def test_layout_of_a_tree_has_no_crossings():
    snap = record_expression(parse("(a + b) * (c - d) + sin(e) * cos(g)"), {}).snapshot
    assert layered_layout(snap, _size).crossings == 0


def test_constants_sit_next_to_their_user():
    snap = record_expression(parse("sin(sin(sin(x))) + pi"), {"x": 1.0}).snapshot
    cols = node_columns(snap)
    pi = next(v for v in snap.variables if v.label == "pi")
    add = next(f for f in snap.functions if f.op == "Add")
    assert cols[pi.id] == cols[add.id] - 1


# -- gradient check -----------------------------------------------------------------------


def _check_panel(qtbot, expression, **values):
    session = Session(expression)
    for name, value in values.items():
        session.set_value(name, value)
    controller = SessionController(session)
    panel = GradientCheckPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(480, 600)
    panel.show()
    qtbot.waitExposed(panel)
    return controller, panel


def test_gradient_check_agrees_with_backprop_for_a_smooth_function(qtbot):
    controller, panel = _check_panel(qtbot, "sin(x) * x^2 + y", x=1.3, y=0.5)
    assert [r["name"] for r in panel.rows] == ["x", "y"]
    assert panel.table.rowCount() == 2
    for row in panel.rows:
        assert row["error"] < 1e-8
    assert panel.table.item(0, 1).text().startswith("2.9573243")


def test_step_h_shows_truncation_and_round_off(qtbot):
    controller, panel = _check_panel(qtbot, "exp(x)", x=1.0)
    errors = {}
    for h in (1e-1, 1e-5, 1e-12):
        panel.set_h(h)
        errors[h] = panel.rows[0]["error"]
    assert errors[1e-5] < errors[1e-1]  # truncation: h too large
    assert errors[1e-5] < errors[1e-12]  # round-off: h too small
    assert errors[1e-1] == pytest.approx(0.1**2 / 6, rel=0.05)  # h²/6 · f‴/f′
    hs, curve = panel.error_curve("x")
    assert len(hs) == panel.h_slider.maximum() + 1
    assert np.nanargmin(curve) not in (0, len(curve) - 1)  # a V: the floor is in between
    assert "h = 1.0 × 10⁻¹²" in panel.h_label.text()


def test_kinks_are_flagged_with_the_subgradient(qtbot):
    controller, panel = _check_panel(qtbot, "abs(x) + relu(y)", x=0.0, y=1.0)
    assert panel.notes.isVisibleTo(panel)
    notes = panel.notes.text()
    assert "abs(x)" in notes and "subgradient sign(0) = 0" in notes
    assert "relu(y)" not in notes  # y = 1 is far from relu's corner
    assert panel.rows[0]["autograd"] == 0.0 and panel.rows[0]["numeric"] == pytest.approx(0.0)
    controller.set_value("y", 1e-7)
    controller.flush()
    assert "relu(y)" in panel.notes.text() and "within h" in panel.notes.text()


def test_a_point_where_f_is_undefined_draws_no_error_curve(qtbot):
    # log(-1) is nan for every h; drawing all-NaN points made pyqtgraph warn
    controller, panel = _check_panel(qtbot, "log(x)", x=-1.0)
    panel.grab()  # paint: warnings are errors in these tests
    assert panel.rows[0]["autograd"] == -1.0  # 1/x is defined at -1, log is not
    assert math.isnan(panel.rows[0]["numeric"])
    xs, _ys = panel.curve.getData()
    assert xs is None or len(xs) == 0


def test_panels_switch_language_live(qtbot):
    from gui.i18n import set_language

    controller, panel = _panel(qtbot)
    check = GradientCheckPanel(controller)
    qtbot.addWidget(check)
    panel.reset()
    panel.step_forward()
    try:
        set_language("ko")
        QApplication.processEvents()  # LanguageChange is posted to every widget
        assert panel.fit_button.text() == "맞춤"
        assert panel.step == 1 and len(panel.items) == _drawn(panel.snapshot)
        assert check.table.horizontalHeaderItem(0).text() == "변수"
    finally:
        set_language("en")
        QApplication.processEvents()
    assert panel.fit_button.text() == "Fit"
    assert check.table.horizontalHeaderItem(0).text() == "variable"


def test_panels_follow_the_controller_in_the_main_window(qtbot):
    from PySide6.QtCore import QStandardPaths

    from gui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)  # autosave goes to the test folders
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    graph = window.findChild(GraphPanel)
    check = window.findChild(GradientCheckPanel)
    assert graph is not None and check is not None
    assert window.findChild(QGraphicsView, "graphView") is graph.view
    window.side_tabs.setCurrentWidget(graph)
    window.controller.set_value("x", 2.0)
    window.controller.flush()
    x_id = next(v.id for v in graph.snapshot.variables if v.label == "x")
    assert graph.items[x_id].value_text == "= 2"
    tabs = [window.side_tabs.tabText(i) for i in range(window.side_tabs.count())]
    assert "Graph" in tabs and "Grad check" in tabs


# -- the main window's formula field and the graph, linked -----------------------------


def _window(qtbot, expression="sin(x) * x^2 + y"):
    from PySide6.QtCore import QStandardPaths

    from gui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)  # autosave goes to the test folders
    window = MainWindow(Session(expression))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.side_tabs.setCurrentWidget(window.graph_panel)
    field = window.findChild(QLineEdit, "expressionEdit")
    return window, window.graph_panel, field


def _node(panel, op=None, label=None):
    snap = panel.snapshot
    if op is not None:
        return next(f.id for f in snap.functions if f.op == op)
    return next(v.id for v in snap.variables if v.label == label)


def _highlighted(field):
    return [field.text()[a:b] for a, b in field.highlighted_spans()]


def test_clicking_a_node_highlights_its_part_of_the_formula_field(qtbot):
    window, panel, field = _window(qtbot)
    commands = window.controller.undo_stack.count()
    item = panel.items[_node(panel, op="Sin")]
    pos = panel.view.mapFromScene(item.pos())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    assert _highlighted(field) == ["sin(x)"]
    # painted, not selected: the text, its cursor, its selection and the undo stack stay
    assert field.text() == "sin(x) * x^2 + y" and not field.hasSelectedText()
    assert window.controller.undo_stack.count() == commands
    panel.select_node(_node(panel, label="x"))
    assert _highlighted(field) == ["x", "x"]
    panel.select_node(None)
    assert field.highlighted_spans() == []
    field.grab()  # paints the highlight once


def test_selecting_a_node_does_not_take_the_focus_from_the_field(qtbot):
    window, panel, field = _window(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.setCursorPosition(3)
    panel.select_node(_node(panel, op="Pow"))
    assert _highlighted(field) == ["x^2"]
    assert field.hasFocus() and field.cursorPosition() == 3 and not field.hasSelectedText()


def test_cursor_in_the_formula_field_selects_the_node(qtbot):
    window, panel, field = _window(qtbot)
    field.setCursorPosition(field.text().index("x^2") + 1)
    assert panel.selected_node() == _node(panel, op="Pow")
    assert _highlighted(field) == ["x^2"]
    qtbot.keyClick(field, Qt.Key.Key_Home)  # the arrow keys and Home move it too
    assert panel.selected_node() == _node(panel, op="Sin")
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Right)  # sin(|x)
    assert panel.selected_node() == _node(panel, label="x")
    assert window.controller.undo_stack.count() == 0


def test_typing_in_the_field_breaks_the_link_until_the_graph_has_the_text(qtbot):
    window, panel, field = _window(qtbot)
    field.setCursorPosition(field.text().index("y"))
    y_id = _node(panel, label="y")
    assert panel.selected_node() == y_id
    qtbot.keyClicks(field, "*")  # "sin(x) * x^2 + *y": does not parse
    assert window.expression_bar.is_invalid
    assert field.highlighted_spans() == []
    field.setCursorPosition(0)  # the graph still shows the old formula: no selection
    assert panel.selected_node() == y_id
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    window.controller.flush()
    assert field.text() == "sin(x) * x^2 + y"
    field.setCursorPosition(1)
    assert panel.selected_node() == _node(panel, op="Sin")
    assert _highlighted(field) == ["sin(x)"]


def test_a_hidden_graph_tab_neither_selects_nor_highlights(qtbot):
    window, panel, field = _window(qtbot)
    panel.select_node(_node(panel, op="Sin"))
    assert _highlighted(field) == ["sin(x)"]
    window.side_tabs.setCurrentWidget(window.gradient_check_panel)
    assert not panel.isVisible() and field.highlighted_spans() == []
    field.setCursorPosition(field.text().index("y"))
    assert panel.selected_node() == _node(panel, op="Sin")  # no work while hidden
    window.side_tabs.setCurrentWidget(panel)
    assert _highlighted(field) == ["sin(x)"]


def test_the_field_and_the_graph_meet_only_in_the_controller(qtbot):
    from gui.panels.formula.expression_bar import ExpressionBar

    controller, panel = _panel(qtbot)  # a graph and a field that know nothing of each other
    bar = ExpressionBar(controller)
    qtbot.addWidget(bar)
    bar.show()
    field = bar.edit
    text = "sin(x) * x^2 + y"
    panel.select_node(_node(panel, op="Sin"))
    assert controller.selection == (text, [(0, 6)])  # the graph publishes what it selected
    assert _highlighted(field) == ["sin(x)"]  # and the field draws what the controller says
    field.setCursorPosition(text.index("x^2") + 1)
    assert controller.formula_cursor == (text, 10)  # the field publishes its cursor
    assert panel.selected_node() == _node(panel, op="Pow")  # and the graph follows it
    assert _highlighted(field) == ["x^2"]
    controller.set_selection(text, [(text.index("y"), len(text))])
    assert _highlighted(field) == ["y"]
    panel.select_node(None)
    assert controller.selection == ("", []) and field.highlighted_spans() == []
    assert controller.undo_stack.count() == 0  # view state: nothing to undo, nothing to save


# -- readable at any size, constants, the NaN origin, keyboard ------------------------


def _on_screen_px(panel, font_key="value") -> float:
    from PySide6.QtGui import QFontInfo

    return QFontInfo(panel.fonts[font_key]).pixelSize() * panel.view.transform().m11()


def test_default_graph_text_is_as_large_as_body_text_and_fills_the_pane(qtbot):
    from PySide6.QtGui import QFontInfo

    controller, panel = _panel(qtbot)
    panel.resize(550, 720)  # about the Graph tab at the default window size (1366×768)
    qtbot.wait(50)
    body = QFontInfo(panel.font()).pixelSize()
    assert _on_screen_px(panel) >= max(11, body * 0.9)
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    graph = panel.scene.itemsBoundingRect()
    assert visible.contains(graph.adjusted(8, 8, -8, -8))  # the whole graph is shown
    # and it uses the pane: more than half of its width or height
    share = max(graph.width() / visible.width(), graph.height() / visible.height())
    assert share > 0.5


def test_a_slider_move_never_lays_the_graph_out_again(qtbot, monkeypatch):
    import gui.panels.graph.graph_panel as gp

    controller, panel = _panel(qtbot)
    calls = []
    real = gp.layered_layout
    monkeypatch.setattr(gp, "layered_layout", lambda *a, **k: calls.append(1) or real(*a, **k))
    for v in (0.3, 1.7, -2.0):
        controller.set_value("x", v)
        controller.flush()
    assert calls == []
    assert panel.items[0].value_text == "= −2"


def test_typed_numbers_are_folded_into_their_function_and_have_no_card(qtbot):
    controller, panel = _panel(qtbot, "x^4 - 2*x^2", x=2.0)
    titles = sorted(item.title for item in panel.items.values())
    assert "×2" in titles and "2" not in titles
    x = next(item for item in panel.items.values() if item.title == "x")
    assert x.grad_text == "grad 24"  # 4·8 − 4·2


def test_long_values_are_never_cut_short_in_an_exported_picture(qtbot):
    controller, panel = _panel(qtbot, "x * 123456.75 + 1e-9 * x", x=-3.25)
    texts = [item.value_text for item in panel.items.values()] + [
        item.grad_text for item in panel.items.values()
    ]
    assert "= −4.012e+05" in texts
    assert not any("…" in t for t in texts)


def test_the_first_non_finite_node_is_marked_and_the_button_goes_there(qtbot):
    controller, panel = _panel(qtbot, "log(x - 2)", x=1.0)
    marked = [item for item in panel.items.values() if item.origin]
    assert len(marked) == 1
    log = next(f for f in panel.snapshot.functions if f.op == "Log")
    assert marked[0].node_id == log.outputs[0]
    assert panel.origin_button.isVisibleTo(panel)
    assert "log got −1: log is undefined for x ≤ 0" in panel.explanation.text()


def test_a_backward_only_nan_jumps_to_its_step(qtbot):
    controller, panel = _panel(qtbot, "sqrt(x)", x=0.0)
    assert panel.origin.direction == "backward"
    panel.reset()
    panel.actions_by_name["graphActionOrigin"].trigger()
    assert panel.step == panel.origin.step == 1
    sqrt = next(f for f in panel.snapshot.functions if f.op == "Sqrt")
    assert panel.items[sqrt.id].origin and panel.items[sqrt.id].state == "current"


def test_a_finite_graph_marks_nothing_and_hides_the_button(qtbot):
    controller, panel = _panel(qtbot)
    assert not any(item.origin for item in panel.items.values())
    assert not panel.origin_button.isVisibleTo(panel)


def test_every_control_is_on_tab_with_a_name_and_shortcuts_show_in_tooltips(qtbot):
    from tests.gui.walk import a11y_problems

    controller, panel = _panel(qtbot, "log(x - 2)", x=1.0)
    assert a11y_problems(panel) == []
    assert "Alt+Right" in panel.forward_button.toolTip()
    assert "Alt+N" in panel.origin_button.toolTip()


def test_step_shortcuts_work_with_the_focus_elsewhere_in_the_window(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    session = Session("sin(x) * x^2 + y")
    controller = SessionController(session)
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit(window)
    panel = GraphPanel(controller, window)
    box = QVBoxLayout(window)
    box.addWidget(field)
    box.addWidget(panel)
    window.resize(800, 700)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    field.setFocus()
    panel.reset()
    qtbot.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(field, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert panel.step == 2
    qtbot.keyClick(field, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert panel.step == 0


def test_a_larger_window_font_gives_larger_graph_text(qtbot):
    controller, panel = _panel(qtbot)
    before = panel.fonts["value"].pointSizeF()
    font = panel.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    panel.setFont(font)
    qtbot.waitUntil(lambda: panel.fonts["value"].pointSizeF() > before * 1.4, timeout=2000)
    assert len(panel.items) == 10


def _wheel(panel, clicks: int, at=None) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    pos = QPointF(at if at is not None else panel.view.viewport().rect().center())
    event = QWheelEvent(
        pos, panel.view.mapToGlobal(pos.toPoint()).toPointF(), QPoint(0, 0),
        QPoint(0, 120 * clicks), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(panel.view.viewport(), event)


FOUR_TERMS = " + ".join(
    f"sin(x*{i + 1}) * exp(-y^2/{i + 2}) - tanh(x - y)" for i in range(4)
)  # 88 nodes drawn


def test_a_large_graph_seen_whole_collapses_into_labelled_groups(qtbot):
    controller, panel = _panel(qtbot, FOUR_TERMS, x=1.0, y=0.5)
    assert _drawn(panel.snapshot) == 88
    groups = [item for item in panel.items.values() if item.group]
    assert groups and len(panel.items) <= 30
    for item in groups:
        full = panel.collapsed.snapshot.nodes[item.node_id].label
        assert full in FOUR_TERMS  # the subexpression's own text
        assert item.title == full or item.title.endswith("…")
        # its value is on the card the group feeds, computed here from the text alone
        card = panel.items[panel.snapshot.nodes[item.node_id].outputs[0]]
        expected = float(parse(full).evaluate({"x": 1.0, "y": 0.5}))
        assert float(card.value_text[2:].replace("−", "-")) == pytest.approx(expected, rel=1e-3)
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    assert visible.contains(panel.scene.itemsBoundingRect().adjusted(8, 8, -8, -8))
    # text stays readable: the collapsed graph is shown at body-text size or more
    assert _on_screen_px(panel) >= 11


def test_clicking_a_group_opens_it(qtbot):
    controller, panel = _panel(qtbot, FOUR_TERMS, x=1.0, y=0.5)
    before = len(panel.items)
    group = next(item for item in panel.items.values() if item.group)
    panel.select_node(group.node_id)
    qtbot.waitUntil(lambda: len(panel.items) > before, timeout=2000)
    assert group.node_id in panel.expanded


def test_zooming_in_opens_every_group_and_zooming_out_closes_them(qtbot):
    controller, panel = _panel(qtbot, FOUR_TERMS, x=1.0, y=0.5)
    assert any(item.group for item in panel.items.values())
    _wheel(panel, 1)
    assert len(panel.items) == 88 and not any(item.group for item in panel.items.values())
    assert _on_screen_px(panel) >= 11
    for _ in range(12):
        _wheel(panel, -1)
    assert any(item.group for item in panel.items.values())


def test_a_minimap_appears_for_graphs_over_fifty_nodes_seen_in_part(qtbot):
    controller, panel = _panel(qtbot, FOUR_TERMS, x=1.0, y=0.5)
    assert not panel.view.minimap.isVisibleTo(panel)  # the groups are seen whole
    _wheel(panel, 1)  # open: 88 nodes, only part of them in view
    assert panel.view.minimap.isVisibleTo(panel)
    # a click in the minimap moves the main view there
    mini = panel.view.minimap
    before = panel.view.mapToScene(panel.view.viewport().rect().center())
    qtbot.mouseClick(mini.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    after = panel.view.mapToScene(panel.view.viewport().rect().center())
    assert (after - before).manhattanLength() > 10
    controller.set_expression("sin(x) * x^2 + y")
    controller.flush()
    assert not panel.view.minimap.isVisibleTo(panel)


def test_the_step_through_marks_the_group_holding_the_current_function(qtbot):
    controller, panel = _panel(qtbot, FOUR_TERMS, x=1.0, y=0.5)
    panel.reset()
    for _ in range(panel.end - 1):
        panel.step_forward()
        current = panel.state.current
        shown = panel.items.get(current) or panel.items.get(panel.collapsed.group_of.get(current))
        assert shown is not None and shown.state == "current"


def test_the_korean_graph_panel_has_no_english_words_left(qtbot, qapp):
    from gui import i18n
    from tests.gui.walk import english_words

    assert i18n.set_language("ko")
    try:
        controller, panel = _panel(qtbot, "log(x - 2)", x=1.0)
        assert english_words(panel) == []
        assert "log는 x ≤ 0에서 정의되지 않습니다" in panel.explanation.text()
    finally:
        i18n.set_language("en")


def test_an_exported_svg_of_the_graph_holds_every_digit(qtbot):
    from gui.export_images import image_bytes

    controller, panel = _panel(qtbot, "x * 123456.75", x=-3.25)
    svg = image_bytes(panel.view, ".svg").decode("utf-8")
    # −3.25 · 123456.75 = −401234.4375, shown with 4 significant digits
    assert "−4.012e+05" in svg and "grad 1.235e+05" in svg
    assert "…" not in svg


def test_groups_hide_their_insides_and_keep_the_inputs_shared():
    from gui.panels.graph.semantic_zoom import GROUP_OP, collapse

    expr = parse("sin(x*2) * exp(-y^2/3) + tanh(x - y)")
    snap = record_expression(expr, {"x": 1.0, "y": 0.5}).snapshot
    c = collapse(snap, expr.text, 8)
    labels = sorted(c.snapshot.nodes[r].label for r in c.groups)
    assert labels == ["sin(x*2) * exp(-y^2/3)", "tanh(x - y)"]
    for root in c.groups:
        node = c.snapshot.nodes[root]
        assert node.op == GROUP_OP
        # a group's inputs are the sliders, x and y, never its own insides
        assert {snap.nodes[i].label for i in node.inputs} <= {"x", "y"}
        assert root not in c.hidden and node.outputs[0] not in c.hidden
    x, y = (n.id for n in snap.variables if n.role == "input")
    assert x not in c.hidden and y not in c.hidden
    # drawn: x, y, the two groups, their two outputs, + and f
    assert len(snap) - len(c.hidden) == 8


def test_a_group_says_what_it_holds_and_a_folded_box_its_constant(qtbot):
    controller, panel = _panel(qtbot, FOUR_TERMS, x=1.0, y=0.5)
    group = next(item for item in panel.items.values() if item.group)
    tip = panel.describe_node(group.node_id)
    assert "click to open it" in tip and "a group of" in tip
    controller.set_expression("x/4")
    controller.flush()
    div = next(f for f in panel.snapshot.functions if f.op == "Div")
    assert "<b>÷4</b>" in panel.describe_node(div.id)
    panel.set_step(1)
    assert "pop ÷4 (Div)" in panel.explanation.text()


def test_the_derivative_graph_opens_fitted_whole(qtbot):
    controller, panel = _panel(qtbot, "sin(x^2) * exp(x) + x^3", x=0.5)
    panel.derivative_check.setChecked(True)
    visible = panel.view.mapToScene(panel.view.viewport().rect()).boundingRect()
    assert visible.contains(panel.scene.itemsBoundingRect().adjusted(4, 4, -4, -4))
