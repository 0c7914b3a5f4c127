"""The graph of the plot's sweep: shapes on its edges, and sum_to explained in words.

Expected shapes and axes are worked out by hand from numpy's broadcasting rules (shapes
line up on the right; a missing or length-1 axis is stretched), not read from the code.
"""

from __future__ import annotations

import numpy as np

from engine import Variable
from tutor.backward_trace import (
    SWEEP_GRAPH_POINTS,
    broadcast_notes,
    record_backward,
    record_sweep,
    summed_axes,
    sweep_graph_points,
)
from tutor.dot import to_dot
from tutor.formula import parse
from tutor.session import Sweep


def _by_label(snap):
    return {n.label: n for n in snap.variables}


def test_x_times_y_with_x_swept_has_hand_known_shapes_on_every_edge():
    trace = record_sweep(parse("x*y"), {"x": 1.0, "y": 3.0}, Sweep("x", -2.0, 2.0, 2000))
    snap = trace.snapshot
    v = _by_label(snap)
    n = SWEEP_GRAPH_POINTS  # 2,000 points are recorded at 50
    assert v["x"].shape == (n,) and v["y"].shape == () and v["f"].shape == (n,)
    mul = snap.functions[0]
    shapes = {(snap.nodes[a].label if snap.nodes[a].kind == "variable" else "×",
               snap.nodes[b].label if snap.nodes[b].kind == "variable" else "×"):
              snap.edge_shape((a, b)) for a, b in snap.edges}  # fmt: skip
    assert shapes == {("x", "×"): (n,), ("y", "×"): (), ("×", "f"): (n,)}
    assert mul.op == "Mul" and snap.has_arrays
    # the points: evenly spread over the sweep's range, ends included
    assert np.allclose(v["x"].data, np.linspace(-2, 2, n))
    # backward: ∂(x·y)/∂x_i = y = 3 at every point; ∂/∂y = Σ x_i = 0 (symmetric range)
    assert np.allclose(v["x"].grad, 3.0) and v["x"].grad.shape == (n,)
    assert v["y"].grad.shape == () and abs(float(v["y"].grad)) < 1e-12


def test_a_small_sweep_is_recorded_at_its_own_points():
    sweep = Sweep("x", 0.0, 1.0, 11)
    assert np.allclose(sweep_graph_points(sweep), np.arange(11) / 10)
    assert len(sweep_graph_points(Sweep("x", 0.0, 1.0, 100_000))) == SWEEP_GRAPH_POINTS


def test_the_step_through_says_y_is_summed_over_axis_0():
    trace = record_sweep(parse("x*y"), {"x": 1.0, "y": 3.0}, Sweep("x", 0.0, 1.0, 20))
    (note,) = trace.broadcast_notes(1)
    assert str(note) == (
        "the gradient of y, shape (), is the sum of the (20,) gradient over axis 0 — "
        "sum_to undoes the broadcast"
    )
    lines = trace.rule_lines(1)
    assert lines[1].startswith("gx1 = sum_to(gy · x0, ()) = ")
    # Σ x_i for 20 points from 0 to 1 is 10; the line ends with that number
    assert lines[1].endswith(" = 10")
    assert lines[0].startswith("gx0 = gy · x1 = (20,) ")  # shape and range, not "array 20"


def test_a_2d_broadcast_names_axis_1_for_a_column_and_axis_0_for_a_row():
    a = Variable(np.arange(3.0).reshape(3, 1), name="a")
    b = Variable(np.arange(4.0).reshape(1, 4), name="b")
    trace = record_backward(a + b)
    f = trace.snapshot.functions[0]
    notes = [str(m) for m in broadcast_notes(trace.snapshot, f)]
    assert notes == [
        "the gradient of a, shape (3, 1), is the sum of the (3, 4) gradient over axis 1 — "
        "sum_to undoes the broadcast",
        "the gradient of b, shape (1, 4), is the sum of the (3, 4) gradient over axis 0 — "
        "sum_to undoes the broadcast",
    ]
    v = _by_label(trace.snapshot)
    # a's gradient sums 4 ones per row, b's 3 ones per column
    assert np.array_equal(v["a"].grad, np.full((3, 1), 4.0))
    assert np.array_equal(v["b"].grad, np.full((1, 4), 3.0))


def test_summed_axes_by_hand():
    assert summed_axes((), (5,)) == (0,)
    assert summed_axes((3, 1), (3, 4)) == (1,)
    assert summed_axes((4,), (3, 4)) == (0,)
    assert summed_axes((1, 1), (3, 4)) == (0, 1)
    assert summed_axes((3,), (1, 3)) == ()  # only a length-1 axis gained: nothing summed
    assert summed_axes((5,), (5,)) == ()
    assert summed_axes((2, 3), (3, 2)) == ()  # not a broadcast at all


def test_two_axes_are_named_together():
    c = Variable(np.array(2.0), name="c")
    m = Variable(np.ones((2, 3)), name="m")
    trace = record_backward(m * c)
    (note,) = broadcast_notes(trace.snapshot, trace.snapshot.functions[0])
    assert "over axes 0 and 1" in str(note)
    assert float(_by_label(trace.snapshot)["c"].grad) == 6.0  # six ones summed


def test_a_scalar_graph_has_no_shapes_and_no_notes():
    trace = record_sweep(parse("x*y"), {"x": 1.0, "y": 3.0}, Sweep("y", 0.0, 1.0, 20))
    assert trace.snapshot.has_arrays  # y swept: now x is the one broadcast
    (note,) = trace.broadcast_notes(1)
    assert "gradient of x, shape ()" in str(note)
    from tutor.backward_trace import record_expression

    scalar = record_expression(parse("x*y"), {"x": 1.0, "y": 3.0})
    assert not scalar.snapshot.has_arrays
    assert trace.broadcast_notes(1) and not scalar.broadcast_notes(1)
    assert "()" not in to_dot(scalar.snapshot)  # no clutter on a graph of numbers


def test_the_dot_export_shows_shapes_on_edges_and_names():
    trace = record_sweep(parse("x*y"), {"x": 1.0, "y": 3.0}, Sweep("x", 0.0, 1.0, 7))
    dot = to_dot(trace.snapshot)
    assert dot.count('[label="(7,)"') == 2  # x -> ×, × -> f
    assert dot.count('[label="()"') == 1  # y -> ×
    assert 'label="x  (7,)\\n' in dot and 'label="y  ()\\n' in dot
