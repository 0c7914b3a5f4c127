"""The Jacobian, VJPs and JVPs against central differences and vᵀJ / J·u."""

import math

import numpy as np
import pytest

from tutor import jacobian as J
from tutor.formula import parse


def central_jacobian(expr, point, h=1e-6):
    names = list(expr.variables)
    cols = []
    for n in names:
        plus = dict(point, **{n: point[n] + h})
        minus = dict(point, **{n: point[n] - h})
        fp = np.atleast_1d(np.array(expr.evaluate(plus), dtype=float))
        fm = np.atleast_1d(np.array(expr.evaluate(minus), dtype=float))
        cols.append((fp - fm) / (2 * h))
    return np.stack(cols, axis=1)


CASES = [
    ("(x*y, sin(x) + y^2)", {"x": 0.5, "y": 2.0}),
    ("(x*y*z, exp(x) - z/y)", {"x": 0.3, "y": -1.5, "z": 2.2}),
    ("(x^2 + y, log(x) * cos(y))", {"x": 1.7, "y": 0.4}),
]


@pytest.mark.parametrize("text,point", CASES)
def test_jacobian_matches_central_differences(text, point):
    expr = parse(text)
    assert J.jacobian(expr, point) == pytest.approx(central_jacobian(expr, point), rel=1e-6)


def test_jacobian_by_hand():
    jac = J.jacobian(parse("(x*y, sin(x) + y^2)"), {"x": 0.5, "y": 2.0})
    assert jac == pytest.approx(np.array([[2.0, 0.5], [math.cos(0.5), 4.0]]), rel=1e-14)


@pytest.mark.parametrize("text,point", CASES)
def test_vjp_and_jvp_are_products_with_the_full_jacobian(text, point):
    expr = parse(text)
    jac = central_jacobian(expr, point)
    m, n = jac.shape
    v = [0.7, -1.3][:m]
    u = [1.5, -0.25, 2.0][:n]
    assert J.vjp(expr, point, v).result == pytest.approx(np.array(v) @ jac, rel=1e-6)
    assert J.jvp(expr, point, u).result == pytest.approx(jac @ np.array(u), rel=1e-6)
    assert J.vjp(expr, point, v).fills is None and J.jvp(expr, point, u).fills is None


def test_one_hot_vectors_fill_one_row_or_column():
    expr = parse("(x*y, sin(x) + y^2)")
    point = {"x": 0.5, "y": 2.0}
    jac = central_jacobian(expr, point)
    row = J.vjp(expr, point, [0.0, 1.0])
    assert row.fills == ("row", 1)
    assert row.result == pytest.approx(jac[1], rel=1e-6)
    col = J.jvp(expr, point, [1.0, 0.0])
    assert col.fills == ("column", 0)
    assert col.result == pytest.approx(jac[:, 0], rel=1e-6)
    assert J.one_hot_index([0, 2]) is None and J.one_hot_index([0, 0]) is None


def test_single_output_is_the_gradient_as_a_row():
    expr = parse("x*y + sin(x)")
    jac = J.jacobian(expr, {"x": 1.0, "y": 3.0})
    assert jac.shape == (1, 2)
    assert jac[0] == pytest.approx([3.0 + math.cos(1.0), 1.0])
    assert J.vjp(expr, {"x": 1.0, "y": 3.0}, [2.0]).result == pytest.approx(2 * jac[0])
    assert J.output_labels(expr) == ["f"]


def test_labels_and_texts():
    expr = parse("(x*y, sin(x) + y^2)")
    assert J.output_labels(expr) == ["f₁", "f₂"]
    assert J.output_texts(expr) == ["x*y", "sin(x) + y^2"]
    assert J.entry_label("f₁", "y") == "∂f₁/∂y"
    assert J.values(expr, {"x": 0.5, "y": 2.0}) == pytest.approx((1.0, math.sin(0.5) + 4))
