"""tutor/snapshot.py, backward_trace.py, op_rules.py and dot.py: snapshots, backward traces,
the ops' rules and DOT, without Qt."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.functions as F
from engine import Config, Function, Variable, using_config
from tutor.backward_trace import (
    AccumulateEvent,
    BackwardEvent,
    PopEvent,
    grad_sum_text,
    record_backward,
    record_derivative,
    record_derivative_graph,
    record_expression,
)
from tutor.dot import to_dot
from tutor.formula import parse
from tutor.numbers import short as format_number
from tutor.op_rules import NONDIFFERENTIABLE_AT_ZERO, plug_in
from tutor.snapshot import snapshot


def var(value, name=None):
    return Variable(np.array(float(value)), name=name)


def ops_in_order(trace):
    return [trace.snapshot.nodes[s.function].op for s in trace.steps]


# -- the book's examples, step by step --------------------------------------------


def test_reused_variable_accumulates_gradient_in_one_step():
    x = var(3.0, "x")
    trace = record_backward(F.add(x, x))
    assert ops_in_order(trace) == ["Add"]
    (step,) = trace.steps
    xid = trace.snapshot.id_of(x)
    assert [a.var for a in step.accumulations] == [xid, xid]
    first, second = step.accumulations
    assert first.before is None and float(first.after) == 1.0
    assert float(second.before) == 1.0 and float(second.gx) == 1.0
    assert float(second.after) == 2.0
    assert trace.accumulation_lines(1) == ["x.grad = 1 + 1 = 2"]
    assert float(x.grad.data) == 2.0


def test_diamond_visits_add_then_both_squares_then_square_of_x_once():
    # y = a² + a², a = x² at x = 2 (book step 16): x.grad = 64
    x = var(2.0, "x")
    a = F.square(x)
    y = F.add(F.square(a), F.square(a))
    trace = record_backward(y)
    snap = trace.snapshot
    assert ops_in_order(trace) == ["Add", "Square", "Square", "Square"]
    assert [s.generation for s in trace.steps] == [2, 1, 1, 0]
    # the two Squares of a take a as input, the last one takes x
    aid, xid = snap.id_of(a), snap.id_of(x)
    assert [snap.nodes[s.function].inputs for s in trace.steps[1:]] == [(aid,), (aid,), (xid,)]
    # when the first Square of a is popped, the other one waits
    assert trace.steps[1].pending == (trace.steps[2].function,)
    assert [float(g) for g in trace.steps[1].gys] == [1.0]
    assert [float(g) for g in trace.steps[1].gxs] == [8.0]
    a_after = [float(acc.after) for s in trace.steps for acc in s.accumulations if acc.var == aid]
    assert a_after == [8.0, 16.0]
    assert trace.accumulation_lines(3) == ["t1.grad = 8 + 8 = 16"]
    assert trace.rule_lines(4) == ["gx = 2 · x · gy = 2 · 2 · 16 = 64"]
    assert float(trace.replay()[xid]) == 64.0
    assert float(x.grad.data) == 64.0
    assert float(snap.nodes[xid].grad) == 64.0


def test_sum_of_squares_gives_book_gradients():
    x, y = var(2.0, "x"), var(3.0, "y")
    z = F.add(F.square(x), F.square(y))
    trace = record_backward(z)
    grads = trace.replay()
    assert float(grads[trace.snapshot.id_of(x)]) == 4.0
    assert float(grads[trace.snapshot.id_of(y)]) == 6.0
    assert ops_in_order(trace) == ["Add", "Square", "Square"]


def test_events_are_pop_backward_then_accumulations():
    x = var(0.5, "x")
    trace = record_backward(F.sin(x))
    kinds = [type(e) for e in trace.events]
    assert kinds == [PopEvent, BackwardEvent, AccumulateEvent]
    pop, back, acc = trace.events
    assert pop.pending == () and pop.generation == 0
    assert float(back.gys[0]) == 1.0
    assert float(back.gxs[0]) == pytest.approx(np.cos(0.5))
    assert acc.before is None and float(acc.after) == pytest.approx(np.cos(0.5))


def test_local_rule_plugs_in_numbers():
    x = var(0.5, "x")
    trace = record_backward(F.sin(x))
    assert trace.rule_lines(1) == ["gx = gy · cos(x) = 1 · cos(0.5) = 0.8776"]


def test_local_rule_parenthesizes_negative_numbers():
    x = var(-3.0, "x")
    trace = record_backward(x**3)
    # 3 · (−3)² · 1 = 27
    assert trace.rule_lines(1) == ["gx = c · x^(c−1) · gy = 3 · (−3)^(3−1) · 1 = 27"]


def test_grad_sum_text_shows_each_contribution():
    assert grad_sum_text("x", [np.array(4.0), np.array(4.0)]) == "x.grad = 4 + 4 = 8"
    assert grad_sum_text("x", [np.array(5.4), np.array(-1.08)]) == "x.grad = 5.4 − 1.08 = 4.32"
    assert grad_sum_text("2", [np.array(1.0)]) == "(2).grad = 1"


def test_format_number_uses_real_minus_and_infinity():
    assert format_number(-0.5) == "−0.5"
    assert format_number(float("inf")) == "∞"
    assert format_number(-0.0) == "0"
    assert format_number(float("nan")) == "nan"


# -- states: stepping back and forth ------------------------------------------------


def test_state_at_zero_has_only_the_seed_and_the_output_creator_queued():
    x = var(2.0, "x")
    y = F.add(F.square(x), F.square(x))
    trace = record_backward(y)
    s0 = trace.state_at(0)
    assert s0.current is None and not s0.done
    assert list(s0.grads) == [trace.snapshot.output]
    assert s0.queue == (trace.steps[0].function,)
    s1 = trace.state_at(1)
    assert s1.current == trace.steps[0].function
    assert set(s1.queue) == {trace.steps[1].function, trace.steps[2].function}
    assert trace.state_at(len(trace)).queue == ()


def test_stepping_back_then_forward_gives_the_same_state():
    expr = parse("sin(x) * x^2 + y*x - exp(y)/x")
    trace = record_expression(expr, {"x": 0.7, "y": -1.2})
    states = list(trace.iter_states())
    assert len(states) == len(trace) + 1
    for k in range(len(trace), -1, -1):  # step back all the way...
        again = trace.state_at(k)
        assert again.current == states[k].current
        assert again.done == states[k].done
        assert again.queue == states[k].queue
        assert again.grads.keys() == states[k].grads.keys()
        for vid, g in again.grads.items():
            np.testing.assert_array_equal(g, states[k].grads[vid])
    with pytest.raises(IndexError):
        trace.state_at(len(trace) + 1)


# -- replay reproduces backward() ----------------------------------------------------

_UNARY = ["sin", "cos", "exp", "tanh", "square", "sigmoid", "abs", "relu"]


@st.composite
def expressions(draw, depth=0):
    if depth > 3 or draw(st.integers(0, 3)) == 0:
        return draw(st.sampled_from(["x", "y", "z", "x", "2", "0.5"]))
    kind = draw(st.sampled_from(["unary", "binary", "binary", "power"]))
    if kind == "unary":
        return f"{draw(st.sampled_from(_UNARY))}({draw(expressions(depth + 1))})"
    if kind == "power":
        return f"({draw(expressions(depth + 1))})^{draw(st.sampled_from(['2', '3', '-1']))}"
    op = draw(st.sampled_from(["+", "-", "*", "/"]))
    return f"({draw(expressions(depth + 1))}) {op} ({draw(expressions(depth + 1))})"


@settings(max_examples=60, deadline=None)
@given(
    text=expressions(),
    point=st.tuples(*[st.floats(-2, 2, allow_nan=False).filter(lambda v: abs(v) > 0.1)] * 3),
)
def test_replaying_a_trace_reproduces_backward_grads(text, point):
    expr = parse(text)
    values = dict(zip(("x", "y", "z"), point, strict=True))
    with np.errstate(all="ignore"):
        # plain backward() on a fresh build: the reference
        inputs = {n: Variable(np.array(values[n]), name=n) for n in expr.variables}
        y = expr.build(inputs)
        y.backward()
        trace = record_expression(expr, values)
    replayed = trace.replay()
    snap = trace.snapshot
    for node in snap.variables:
        if node.role == "input":
            expected = inputs[node.name].grad
            got = replayed.get(node.id)
            if expected is None:
                assert got is None
            else:
                np.testing.assert_array_equal(got, expected.data)
        # every retained gradient in the snapshot is what the replay gives
        if node.grad is not None:
            np.testing.assert_array_equal(replayed[node.id], node.grad)


def test_trace_records_the_overwrite_of_the_book_before_step_14():
    x = var(3.0, "x")
    with using_config("accumulate_grad", False):
        trace = record_backward(F.add(x, x))
    assert not trace.accumulate
    assert float(trace.replay()[trace.snapshot.id_of(x)]) == 1.0
    assert Config.accumulate_grad


# -- snapshot ------------------------------------------------------------------------


def test_snapshot_lists_nodes_in_topological_order_with_roles_and_generations():
    x = var(2.0, "x")
    y = F.mul(F.sin(x), var(3.0))
    snap = snapshot(y, inputs=[x])
    assert len(snap) == len(snap.variables) + len(snap.functions) == 6
    assert [n.id for n in snap.nodes] == list(range(6))
    for src, dst in snap.edges:
        assert src < dst  # inputs before their users
    roles = sorted(n.role for n in snap.variables)
    assert roles == ["constant", "input", "intermediate", "output"]
    assert snap.nodes[snap.output].label == "f"
    mul = next(f for f in snap.functions if f.op == "Mul")
    assert mul.symbol == "×" and mul.generation == 1
    assert snap.nodes[snap.output].generation == 2


def test_reused_input_gives_one_edge_per_argument():
    x = var(1.0, "x")
    snap = snapshot(F.add(x, x))
    assert snap.edges.count((snap.id_of(x), 1)) == 2


def test_structure_key_ignores_values_but_not_wiring():
    a = snapshot(F.sin(var(1, "x")))
    b = snapshot(F.sin(var(2, "x")))
    c = snapshot(F.cos(var(2, "x")))
    assert a.structure_key() == b.structure_key()
    assert a.structure_key() != c.structure_key()


def test_expression_spans_map_nodes_to_text_and_back():
    expr = parse("sin(x) * x^2 + y")
    snap = record_expression(expr, {"x": 0.5, "y": 2.0}).snapshot
    by_op = {f.op: f for f in snap.functions}
    texts = {op: [expr.text[a:b] for a, b in snap.spans[f.id]] for op, f in by_op.items()}
    assert texts == {"Sin": ["sin(x)"], "Pow": ["x^2"], "Mul": ["sin(x) * x^2"],
                     "Add": ["sin(x) * x^2 + y"]}  # fmt: skip
    x = next(v for v in snap.variables if v.label == "x")
    assert [expr.text[a:b] for a, b in snap.spans[x.id]] == ["x", "x"]
    assert snap.node_at(expr.text.index("sin") + 1) == by_op["Sin"].id
    assert snap.node_at(expr.text.index("^")) == by_op["Pow"].id
    assert snap.node_at(expr.text.index("+")) == by_op["Add"].id
    assert snap.nodes[snap.node_at(len(expr.text) - 1)].label == "y"


def test_derivative_graph_is_bigger_than_the_function_graph():
    x = var(0.5, "x")
    y = F.sin(F.square(x))
    forward = snapshot(y, [x])
    deriv = record_derivative_graph(y, x, [x])
    assert len(deriv) > len(forward)
    assert float(deriv.nodes[deriv.output].data) == pytest.approx(np.cos(0.25) * 2 * 0.5)


def test_derivative_graph_of_a_constant_is_a_single_zero():
    x, c = var(0.5, "x"), var(2.0)
    snap = record_derivative_graph(F.sin(c), x, [x])
    assert len(snap) == 1 and float(snap.nodes[0].data) == 0.0


# -- DOT -------------------------------------------------------------------------------

_DOT_NODE = re.compile(r'^  n(\d+) \[label="((?:[^"\\]|\\.)*)", shape=box, style=[^\]]*\];$')
_DOT_EDGE = re.compile(r"^  n(\d+) -> n(\d+);$")


def test_dot_has_one_statement_per_node_and_edge_with_values_and_grads():
    x = var(2.0, "x")
    y = F.add(F.square(x), F.square(x))
    trace = record_backward(y)
    snap = trace.snapshot
    text = to_dot(snap)
    lines = text.splitlines()
    assert lines[0] == 'digraph "autodiff" {' and lines[-1] == "}"
    nodes = {int(m[1]): m[2] for m in map(_DOT_NODE.match, lines) if m}
    edges = [(int(m[1]), int(m[2])) for m in map(_DOT_EDGE.match, lines) if m]
    assert len(nodes) == len(snap) and sorted(edges) == sorted(snap.edges)
    assert nodes[snap.id_of(x)] == r"x\nvalue 2\ngrad 8"
    assert nodes[snap.output] == r"f\nvalue 8\ngrad 1"
    assert nodes[1] == "x²"
    assert text.count("{") == text.count("}") == 1


def test_dot_escapes_quotes_backslashes_and_newlines_in_labels():
    x = Variable(np.array(1.0), name='a"b\\c\nd')
    text = to_dot(snapshot(F.sin(x)))
    assert r'label="a\"b\\c\nd\nvalue 1' in text
    # every quote in every line is either escaped or delimits a string
    for line in text.splitlines():
        unescaped = re.sub(r"\\.", "", line)
        assert unescaped.count('"') % 2 == 0


def test_trace_of_the_book_before_step_16_visits_square_of_x_twice():
    # Without generations (book step 16) a plain stack pops the Square of x as soon as
    # the first Square of a has passed its part down: x.grad becomes 96, not 64.
    x = var(2.0, "x")
    a = F.square(x)
    y = F.add(F.square(a), F.square(a))
    with using_config("order_by_generation", False):
        trace = record_backward(y)
    xid = trace.snapshot.id_of(x)
    square_of_x = trace.snapshot.nodes[xid + 1].id
    assert [s.function for s in trace.steps].count(square_of_x) == 2
    assert float(trace.replay()[xid]) == 96.0 == float(x.grad.data)


def test_every_variable_of_the_expression_is_an_input_wherever_it_appears():
    snap = record_expression(parse("sin(x) * x^2 + y + pi"), {"x": 0.5, "y": 2.0}).snapshot
    roles = {v.label: v.role for v in snap.variables if v.creator is None}
    assert roles == {"x": "input", "y": "input", "pi": "constant"}


def test_tracing_the_derivative_graph_gives_second_derivatives():
    # f = x³ y: ∂f/∂x = 3x² y; its backward gives ∂²f/∂x² = 6xy and ∂²f/∂x∂y = 3x²
    trace = record_derivative(parse("x^3 * y"), {"x": 2.0, "y": 5.0}, "x")
    snap = trace.snapshot
    assert snap.nodes[snap.output].label == "∂f/∂x"
    assert float(snap.nodes[snap.output].data) == 60.0
    grads = {v.label: float(v.grad) for v in snap.variables if v.role == "input"}
    assert grads == {"x": 60.0, "y": 12.0}
    assert len(snap) > len(record_expression(parse("x^3 * y"), {"x": 2.0, "y": 5.0}).snapshot)


def test_numbers_kept_as_attributes_are_labelled_and_explained():
    # x/4, x*2 and x+1 with plain numbers record DivConst, MulConst and AddConst
    x = Variable(np.array(0.5), name="x")
    y = F.sin(x) / 4.0 + x * 2.0 + 1.0
    symbols = [n.symbol for n in snapshot(y).nodes if hasattr(n, "symbol")]
    assert {"÷4", "×2", "+1"} <= set(symbols)
    trace = record_backward(y)
    lines = [line for k in range(1, len(trace) + 1) for line in trace.rule_lines(k)]
    assert "gx = gy / c = 1 / 4 = 0.25" in lines
    assert "gx = gy · c = 1 · 2 = 2" in lines
    assert x.grad.data == pytest.approx(np.cos(0.5) / 4 + 2)


# -- the ops' rules, read from their classes ---------------------------------------------


@pytest.mark.parametrize(
    ("expression", "values", "plugged"),
    [
        ("gy · cos(x)", {"gy": -1.0, "x": -0.5}, "(−1) · cos(−0.5)"),
        ("−gy", {"gy": -2.0}, "−(−2)"),
        ("gy · (−x0 / x1²)", {"gy": 1.0, "x0": -4.0, "x1": -2.0}, "1 · (−(−4) / (−2)²)"),
        ("c · x^(c−1) · gy", {"c": -1.0, "x": 2.0, "gy": 1.0}, "(−1) · 2^(−1−1) · 1"),
        ("gy · (1 + y²)", {"gy": 1.0, "y": 1e-5}, "1 · (1 + (1e−05)²)"),
        ("gy · [x > 0]", {"gy": 1.0, "x": -3.0}, "1 · [−3 > 0]"),
        ("gy · y · log(x0)", {"gy": 1.0, "y": 8.0, "x0": 2.0}, "1 · 8 · log(2)"),
    ],
)
def test_plugging_in_puts_numbers_for_symbols_and_brackets_negatives_where_needed(
    expression, values, plugged
):
    values = {k: np.array(v) for k, v in values.items()}
    assert plug_in(expression, values) == plugged


def test_plugging_in_gives_nothing_for_a_bare_symbol_a_shape_or_a_missing_value():
    assert plug_in("gy", {"gy": np.array(1.0)}) is None
    assert plug_in("broadcast_to(gy, x.shape)", {"gy": np.array(1.0), "x": np.ones(3)}) is None
    assert plug_in("gy · cos(x)", {"gy": np.array(1.0)}) is None


def test_a_function_of_your_own_gets_its_class_name_and_a_generic_rule():
    class Half(Function):  # the book's style: no symbol, no rules
        def forward(self, x):
            return x / 2

        def backward(self, gy):
            return gy / 2

    class Mean2(Function):
        def forward(self, x0, x1):
            return (x0 + x1) / 2

        def backward(self, gy):
            return gy / 2, gy / 2

    x = var(3.0, "x")
    y = Mean2()(Half()(x), x)
    snap = snapshot(y)
    half, mean = snap.functions
    assert (half.symbol, half.rule.forward) == ("half", "y = half(x)")
    assert (mean.symbol, mean.rule.forward) == ("mean2", "y = mean2(x0, x1)")
    trace = record_backward(y)
    assert trace.rule_lines(1) == ["gx0 = backward(gy)[0] = 0.5", "gx1 = backward(gy)[1] = 0.5"]
    assert trace.rule_lines(2) == ["gx = backward(gy) = 0.25"]
    assert float(x.grad.data) == 0.75


def test_the_kinks_the_gradient_check_warns_about_are_those_of_abs_and_relu():
    assert NONDIFFERENTIABLE_AT_ZERO == {"Abs", "ReLU"}


def test_every_step_of_a_formula_shows_its_rule_with_the_numbers_that_reproduce_gx():
    # sin(x)·y at x = 0.5, y = −2: the Mul gets gy = 1; gx0 = y = −2, gx1 = sin(0.5)
    trace = record_expression(parse("sin(x) * y"), {"x": 0.5, "y": -2.0})
    assert trace.rule_lines(1) == [
        "gx0 = gy · x1 = 1 · (−2) = −2",
        "gx1 = gy · x0 = 1 · 0.4794 = 0.4794",
    ]
    assert trace.rule_lines(2) == ["gx = gy · cos(x) = (−2) · cos(0.5) = −1.755"]
