"""The sweep's curves are reused while only the swept variable's value moves — and
never when anything they depend on changes. Values are checked by hand."""

from __future__ import annotations

import numpy as np
import pytest

from tutor.evaluation import evaluate_expression
from tutor.formula import parse
from tutor.session import Sweep

SWEEP = Sweep(variable="x", min=-2.0, max=2.0, points=5)  # x = -2, -1, 0, 1, 2
XS = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])


def test_moving_the_swept_variable_keeps_the_curves_and_moves_the_point():
    expr = parse("x^2 * y")
    first = evaluate_expression(expr, {"x": 1.0, "y": 3.0}, SWEEP)
    moved = evaluate_expression(expr, {"x": 1.5, "y": 3.0}, SWEEP)
    # f = 3x², f' = 6x, f'' = 6 along x, whatever the point's x
    for result in (first, moved):
        assert result.f == pytest.approx(3 * XS**2)
        assert result.df == pytest.approx(6 * XS)
        assert result.d2f == pytest.approx(np.full(5, 6.0))
    assert moved.f is first.f  # reused, not recomputed
    assert moved.value == pytest.approx(3 * 1.5**2)
    assert moved.grads == pytest.approx({"x": 6 * 1.5, "y": 1.5**2})
    with pytest.raises(ValueError):
        moved.f[0] = 0.0  # shared: read-only


@pytest.mark.parametrize(
    "point, sweep",
    [
        ({"x": 1.0, "y": 2.0}, SWEEP),  # a held variable moved
        ({"x": 1.0, "y": 3.0}, Sweep(variable="x", min=-2.0, max=2.0, points=3)),
        ({"x": 1.0, "y": 3.0}, Sweep(variable="x", min=-1.0, max=3.0, points=5)),
    ],
)
def test_anything_the_curves_depend_on_recomputes_them(point, sweep):
    expr = parse("x^2 * y")
    evaluate_expression(expr, {"x": 1.0, "y": 3.0}, SWEEP)
    result = evaluate_expression(expr, point, sweep)
    xs = np.linspace(sweep.min, sweep.max, sweep.points)
    assert result.f == pytest.approx(point["y"] * xs**2)
    assert result.df == pytest.approx(2 * point["y"] * xs)


def test_a_new_formula_with_the_same_text_gets_its_own_curves():
    first = evaluate_expression(parse("x + y"), {"x": 0.0, "y": 1.0}, SWEEP)
    again = evaluate_expression(parse("x + y"), {"x": 0.0, "y": 1.0}, SWEEP)
    assert again.f is not first.f
    assert again.f == pytest.approx(XS + 1.0)
