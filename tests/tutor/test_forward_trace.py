"""The forward-mode step-through: values, tangents and rule texts, checked by hand and
against central differences; node ids shared with the backward trace's snapshot."""

import math

import numpy as np
import pytest

from tutor.backward_trace import record_expression
from tutor.formula import SeveralOutputsError, parse
from tutor.forward_trace import record_forward


def central(expr, point, u, h=1e-6):
    plus = {k: point[k] + h * u.get(k, 0.0) for k in point}
    minus = {k: point[k] - h * u.get(k, 0.0) for k in point}
    return (float(expr.evaluate(plus)) - float(expr.evaluate(minus))) / (2 * h)


def test_sin_step_plugs_numbers_into_the_tangent_rule():
    trace = record_forward(parse("sin(x)"), {"x": 1.0}, "x")
    assert len(trace) == 1
    step = trace.steps[0]
    assert float(step.values[0]) == pytest.approx(math.sin(1.0))
    assert float(step.tangents[0]) == pytest.approx(math.cos(1.0))
    # cos(1) = 0.5403: the issue's own example
    assert trace.rule_lines(1) == ["ẏ = cos(x) · ẋ = cos(1) · 1 = 0.5403"]


def test_steps_run_in_generation_order_with_hand_computed_tangents():
    # f = sin(x)·x² + y at x = 0.5 along x: ḟ = cos(x)x² + 2x sin(x)
    expr = parse("sin(x)*x^2 + y")
    trace = record_forward(expr, {"x": 0.5, "y": 2.0}, "x")
    ops = [trace.snapshot.nodes[s.function].op for s in trace.steps]
    assert ops == ["Sin", "Pow", "Mul", "Add"]
    gens = [s.generation for s in trace.steps]
    assert gens == sorted(gens)
    expected = math.cos(0.5) * 0.25 + 2 * 0.5 * math.sin(0.5)
    assert float(trace.output_tangent) == pytest.approx(expected, rel=1e-12)
    assert trace.rule_lines(3) == ["ẏ = ẋ0 · x1 + x0 · ẋ1 = 0.8776 · 0.25 + 0.4794 · 1 = 0.6988"]
    assert trace.rule_lines(4) == ["ẏ = ẋ0 + ẋ1 = 0.6988 + 0 = 0.6988"]


def test_a_tangent_vector_gives_the_directional_derivative():
    expr = parse("x/y - 3*x + exp(-x*y)")
    point = {"x": 0.7, "y": -1.3}
    u = {"x": 0.6, "y": -2.0}
    trace = record_forward(expr, point, u)
    assert float(trace.output_tangent) == pytest.approx(central(expr, point, u), rel=1e-7)


def test_states_replay_the_tangents_step_by_step():
    expr = parse("x*y + x")
    trace = record_forward(expr, {"x": 2.0, "y": 3.0}, {"x": 1.0, "y": 10.0})
    snap = trace.snapshot
    x = next(n.id for n in snap.variables if n.name == "x")
    y = next(n.id for n in snap.variables if n.name == "y")
    s0 = trace.state_at(0)
    assert s0.current is None and s0.done == frozenset()
    assert float(s0.tangents[x]) == 1.0 and float(s0.tangents[y]) == 10.0
    assert snap.output not in s0.tangents
    s1 = trace.state_at(1)  # x*y: ẋ·y + x·ẏ = 3 + 20
    assert float(s1.tangents[trace.steps[0].outputs[0]]) == 23.0
    assert s1.queue == (trace.steps[1].function,)
    assert float(trace.state_at(2).tangents[snap.output]) == 24.0
    with pytest.raises(IndexError):
        trace.state_at(3)


def test_same_node_ids_as_the_backward_trace():
    expr = parse("sin(x)*x^2 + y")
    point = {"x": 0.5, "y": 2.0}
    fwd = record_forward(expr, point, "y").snapshot
    back = record_expression(expr, point).snapshot
    assert fwd.structure_key() == back.structure_key()
    assert fwd.output == back.output
    assert fwd.spans == back.spans


def test_constants_have_zero_tangent_and_a_skipped_rule_is_said_so():
    expr = parse("x + sin(2)")
    trace = record_forward(expr, {"x": 1.0}, "x")
    sin_step = next(s for s in trace.steps if trace.snapshot.nodes[s.function].op == "Sin")
    assert sin_step.skipped and float(sin_step.tangents[0]) == 0.0
    assert "is not run" in str(trace.step_message(sin_step.index))
    assert float(trace.output_tangent) == 1.0


def test_messages_are_translatable_templates():
    trace = record_forward(parse("x*x"), {"x": 3.0}, "x")
    msg = trace.step_message(1)
    assert msg.template.startswith("step {step} of {count}")
    assert str(msg).startswith("step 1 of 1: Mul")
    assert np.isclose(float(trace.output_tangent), 6.0)


def test_a_tuple_formula_is_refused_with_the_several_outputs_message():
    with pytest.raises(SeveralOutputsError):
        record_forward(parse("(x, y)"), {}, "x")
