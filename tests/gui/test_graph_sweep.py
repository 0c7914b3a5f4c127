"""The Graph tab's graph of the plot's sweep: shapes on edges, heat strips, state, a11y."""

from __future__ import annotations

import numpy as np

from gui.panels.graph.graph_panel import HeatStrip
from tests.gui.graph_panels import graph_panel


def _panel(qtbot, expression="x*y", sweep=True, points=2000):
    controller, panel = graph_panel(qtbot, expression, size=(900, 640), points=points)
    if sweep:
        panel.sweep_check.setChecked(True)  # as a click does
    return controller, panel


def _node(panel, label):
    return next(n for n in panel.snapshot.variables if n.label == label)


def test_the_choice_goes_through_the_controller_and_undoes(qtbot):
    controller, panel = _panel(qtbot, sweep=False)
    assert not panel._shapes and not panel.shape_labels
    panel.sweep_check.setChecked(True)
    assert controller.panel_state("graph") == {"sweep": True}
    assert _node(panel, "x").shape == (50,)
    controller.undo_stack.undo()
    assert not panel.sweep_check.isChecked()
    assert _node(panel, "x").shape == ()
    controller.set_panel_state("graph", {"sweep": True})  # e.g. a file that says so
    assert panel.sweep_check.isChecked() and panel._shapes


def test_shapes_on_every_edge_of_x_times_y(qtbot):
    _controller, panel = _panel(qtbot)
    snap = panel.snapshot
    texts = {}
    for ei, label in panel.shape_labels.items():
        u, v = snap.edges[ei]
        ends = tuple(snap.nodes[i].label if snap.nodes[i].kind == "variable" else "×"
                     for i in (u, v))  # fmt: skip
        texts[ends] = label.text
    assert texts == {("x", "×"): "(50,)", ("y", "×"): "()", ("×", "f"): "(50,)"}
    assert panel.items[_node(panel, "x").id].title == "x  (50,)"
    assert panel.items[_node(panel, "y").id].title == "y  ()"
    assert panel.count_label.text() == "x: 50 of 2,000 points · 4 nodes"  # a subsample


def test_a_graph_of_numbers_has_no_shapes(qtbot):
    _controller, panel = _panel(qtbot, sweep=False)
    assert panel.shape_labels == {}
    assert all("(" not in item.title for item in panel.items.values())
    assert not any(isinstance(i, HeatStrip) for i in panel.scene.items())


def test_array_cards_carry_heat_strips_with_numpys_min_and_max(qtbot):
    _controller, panel = _panel(qtbot, "sin(x) * x^2 + y")
    strips = [i for i in panel.scene.items() if isinstance(i, HeatStrip)]
    assert strips
    for node in panel.snapshot.variables:
        item = panel.items.get(node.id)
        if item is None:
            continue
        if node.shape == ():
            assert item.value_strip is None  # y: a number, written as before
            continue
        data = np.asarray(node.data)
        assert item.value_strip.vmin == np.min(data) and item.value_strip.vmax == np.max(data)
        grad = np.asarray(node.grad)
        assert item.grad_strip.vmin == np.min(grad) and item.grad_strip.vmax == np.max(grad)
    # x runs over the sweep's range: −5 … 5
    x = panel.items[_node(panel, "x").id]
    assert (x.value_strip.vmin, x.value_strip.vmax) == (-5.0, 5.0)
    # f = … + y: f's gradient is the seed, ones
    f = panel.items[panel.snapshot.output]
    assert (f.grad_strip.vmin, f.grad_strip.vmax) == (1.0, 1.0)


def test_stepping_shows_no_gradient_before_it_arrives_and_explains_sum_to(qtbot):
    _controller, panel = _panel(qtbot)
    panel.set_step(0)
    x = panel.items[_node(panel, "x").id]
    assert x.grad_strip.data is None
    panel.set_step(1)
    text = panel.explanation.text()
    assert "the gradient of y, shape (), is the sum of the (50,) gradient over axis 0" in text
    assert "shapes: x0 (50,), x1 () → y (50,)" in text
    assert x.grad_strip.data is not None and x.grad_strip.data.shape == (50,)


def test_the_panel_is_accessible_in_sweep_mode(qtbot):
    from tests.gui.walk import a11y_problems

    _controller, panel = _panel(qtbot)
    assert a11y_problems(panel) == []


def test_the_korean_sweep_graph_has_no_english_words_left(qtbot):
    from gui import i18n
    from tests.gui.walk import english_words

    assert i18n.set_language("ko")
    try:
        _controller, panel = _panel(qtbot)
        panel.set_step(1)
        # op and rule names are code (Mul, gx0), in every language, as elsewhere
        from tests.gui.walk import ALLOWED_LATIN

        assert english_words(panel, ALLOWED_LATIN | {"mul", "gx0", "gx1"}) == []
        assert "sum_to가 브로드캐스트를 되돌립니다" in panel.explanation.text()
        assert "축 0" in panel.explanation.text()
    finally:
        i18n.set_language("en")
