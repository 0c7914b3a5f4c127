"""Which operation first made a NaN or an infinity, forward or backward.

Expectations are worked out by hand: at x = 1, ``log(x - 2)`` is log(−1), undefined;
``sqrt(x)`` at 0 is 0, but its derivative 1/(2√0) is infinite, so only the backward
pass goes wrong; in ``0 * log(x)`` at 0 the product is nan but log(0) = −∞ came first.
"""

from __future__ import annotations

import numpy as np
import pytest

from tutor.backward_trace import record_expression
from tutor.formula import parse
from tutor.nan_origin import find_origin, origin_at


def origin(text: str, **point: float):
    return origin_at(parse(text), point)


def traced(text: str, **point: float):
    with np.errstate(all="ignore"):
        return record_expression(parse(text), point)


def test_log_of_a_negative_number_is_the_forward_origin_and_says_why():
    o = origin("log(x - 2)", x=1.0)
    assert (o.direction, o.op, o.step) == ("forward", "log", None)
    assert str(o.why) == "log got −1: log is undefined for x ≤ 0"


def test_sqrt_of_minus_one_is_undefined_in_the_forward_pass():
    o = origin("sqrt(x)", x=-1.0)
    assert (o.direction, o.op) == ("forward", "sqrt")
    assert str(o.why) == "sqrt got −1: sqrt is undefined for x < 0"


def test_one_over_zero_is_an_infinite_division():
    o = origin("1/x", x=0.0)
    assert (o.direction, o.op) == ("forward", "div")
    assert str(o.why) == "div got 1 ÷ 0: dividing by 0 has no finite result"


def test_zero_times_log_of_zero_blames_log_not_the_product_that_became_nan():
    o = origin("0*log(x)", x=0.0)
    assert (o.direction, o.op) == ("forward", "log")
    trace = traced("0*log(x)", x=0.0)
    f = trace.snapshot.nodes[o.function]
    assert f.op == "Log"
    assert np.isneginf(trace.snapshot.nodes[f.outputs[0]].data)


def test_sqrt_at_zero_goes_wrong_only_in_the_backward_pass():
    o = origin("sqrt(x)", x=0.0)
    assert (o.direction, o.op, o.step) == ("backward", "sqrt", 1)
    assert str(o.why) == "the derivative of sqrt, 1/(2√x), is infinite at x = 0"


def test_a_backward_nan_deep_in_the_pass_names_its_step():
    # f = sqrt(x)·0 + x: f = 0 is finite; the steps are +, ×0, then sqrt (step 3),
    # whose gx = 0 / (2·0) = nan.
    text = "sqrt(x)*0 + x"
    o = origin(text, x=0.0)
    trace = traced(text, x=0.0)
    assert [trace.snapshot.nodes[s.function].op for s in trace.steps] == ["Add", "Mul", "Sqrt"]
    assert (o.direction, o.op, o.step) == ("backward", "sqrt", 3)


def test_finite_values_and_gradients_have_no_origin():
    assert origin("sin(x) * x^2 + y", x=1.0, y=0.5) is None
    assert origin("log(x)", x=2.0) is None


def test_a_constants_gradient_is_not_looked_at():
    # x / 1e-200 at x = 1: f = 1e200 and ∂f/∂x = 1e200 are finite. Div's backward also
    # computes the constant's gradient, −x / c² = −1e400 = −inf, which nobody needs.
    trace = traced("x / 1e-200", x=1.0)
    const = [n for n in trace.snapshot.variables if n.role == "constant"][0]
    assert np.isneginf(const.grad)
    assert find_origin(trace) is None


@pytest.mark.parametrize(
    ("text", "x", "op"),
    [("x^-1", 0.0, "pow"), ("exp(x)", 1000.0, "exp"), ("x/0", 1.0, "div")],
)
def test_other_operations_are_named_by_their_function_name(text, x, op):
    o = origin(text, x=x)
    assert (o.direction, o.op) == ("forward", op)


def test_the_note_names_the_operation_and_the_pass():
    assert str(origin("log(x - 2)", x=1.0).note()) == (
        "the first operation whose result was not finite is log: "
        "log got −1: log is undefined for x ≤ 0"
    )
    assert str(origin("sqrt(x)", x=0.0).note()).startswith(
        "the first operation whose gradient was not finite is sqrt (backward step 1)"
    )
