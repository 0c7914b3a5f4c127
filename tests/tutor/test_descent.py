"""The map's grid and the optimizers (engine/optimize.py), without Qt."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine import Variable
from tutor.descent import (
    CONVERGED,
    FLAT,
    GROWING,
    NOT_FINITE,
    OUT_OF_RANGE,
    PRESETS,
    RUNAWAY,
    GradientDescent,
    Newton,
    preset,
)
from tutor.formula import parse
from tutor.grid import evaluate_grid

ROSENBROCK = "100*(x1 - x0^2)^2 + (1 - x0)^2"

# =============================================================================
# evaluate_grid against hand formulas
# =============================================================================

GRID_CASES = [
    # text, var_x, var_y, held point, f, df/dx, df/dy (numpy, in x, y, and held z)
    (
        ROSENBROCK,
        "x0",
        "x1",
        {},
        lambda x, y: 100 * (y - x**2) ** 2 + (1 - x) ** 2,
        lambda x, y: -400 * x * (y - x**2) - 2 * (1 - x),
        lambda x, y: 200 * (y - x**2),
    ),
    (
        "sin(x) * y^2 + z",
        "x",
        "y",
        {"z": 0.5},
        lambda x, y: np.sin(x) * y**2 + 0.5,
        lambda x, y: np.cos(x) * y**2,
        lambda x, y: 2 * np.sin(x) * y,
    ),
    (
        "exp(-(x^2 + y^2)) * z",
        "y",
        "x",
        {"z": 3.0},  # axes swapped on purpose
        lambda y, x: 3 * np.exp(-(x**2 + y**2)),
        lambda y, x: -6 * y * np.exp(-(x**2 + y**2)),
        lambda y, x: -6 * x * np.exp(-(x**2 + y**2)),
    ),
    (
        "x^2 - y^2",
        "x",
        "y",
        {},
        lambda x, y: x**2 - y**2,
        lambda x, y: 2 * x + 0 * y,
        lambda x, y: -2 * y + 0 * x,
    ),
]


@pytest.mark.parametrize("text,vx,vy,point,f,fx,fy", GRID_CASES)
def test_grid_matches_hand_formulas(text, vx, vy, point, f, fx, fy):
    grid = evaluate_grid(parse(text), point, vx, vy, (-2, 2), (-1, 3), n=41)
    X, Y = np.meshgrid(grid.xs, grid.ys)
    assert grid.f.shape == grid.dfdx.shape == grid.dfdy.shape == (41, 41)
    np.testing.assert_allclose(grid.xs, np.linspace(-2, 2, 41))
    np.testing.assert_allclose(grid.ys, np.linspace(-1, 3, 41))
    np.testing.assert_allclose(grid.f, f(X, Y), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(grid.dfdx, fx(X, Y), rtol=1e-12, atol=1e-10)
    np.testing.assert_allclose(grid.dfdy, fy(X, Y), rtol=1e-12, atol=1e-10)


def test_grid_is_row_major_rows_along_y():
    grid = evaluate_grid(parse("x + 10*y"), {}, "x", "y", (0, 1), (0, 1), n=3)
    assert grid.f[0, 2] == pytest.approx(1.0)  # x = 1, y = 0
    assert grid.f[2, 0] == pytest.approx(10.0)  # x = 0, y = 1


def test_grid_default_is_200_by_200():
    grid = evaluate_grid(parse(ROSENBROCK), {}, "x0", "x1", (-2, 2), (-1, 3))
    assert grid.f.shape == (200, 200)


def test_grid_variable_the_expression_does_not_use_has_zero_partial():
    grid = evaluate_grid(parse("x^2"), {}, "x", "y", (-1, 1), (-1, 1), n=5)
    X, _ = np.meshgrid(grid.xs, grid.ys)
    np.testing.assert_allclose(grid.f, X**2)
    np.testing.assert_array_equal(grid.dfdy, np.zeros((5, 5)))


def test_grid_of_a_constant_is_filled():
    grid = evaluate_grid(parse("2 + 3"), {}, "x", "y", (-1, 1), (-1, 1), n=4)
    np.testing.assert_array_equal(grid.f, np.full((4, 4), 5.0))
    np.testing.assert_array_equal(grid.dfdx, np.zeros((4, 4)))


def test_grid_domain_edges_give_nan_not_warnings():
    # pyproject makes warnings errors: log of negatives and 1/0 must stay quiet
    grid = evaluate_grid(parse("log(x) + 1/y"), {}, "x", "y", (-1, 1), (-1, 1), n=3)
    assert np.isnan(grid.f[0, 0])  # log(-1)
    assert np.isinf(grid.f[1, 2])  # 1/0 with log(1) = 0
    assert grid.finite_range() is not None


def test_grid_rejects_the_same_variable_twice():
    with pytest.raises(ValueError, match="two different variables"):
        evaluate_grid(parse("x*y"), {}, "x", "x", (0, 1), (0, 1))


# =============================================================================
# gradient descent
# =============================================================================


def _book_rosenbrock_descent(iters: int) -> tuple[float, float]:
    """The book's step 28, written out with the engine."""

    def rosenbrock(x0, x1):
        return 100 * (x1 - x0**2) ** 2 + (1 - x0) ** 2

    x0, x1 = Variable(np.array(0.0)), Variable(np.array(2.0))
    for _ in range(iters):
        y = rosenbrock(x0, x1)
        x0.cleargrad()
        x1.cleargrad()
        y.backward()
        x0.data = x0.data - 0.001 * x0.grad.data
        x1.data = x1.data - 0.001 * x1.grad.data
    return float(x0.data), float(x1.data)


def test_descent_on_rosenbrock_takes_the_books_steps():
    gd = GradientDescent(parse(ROSENBROCK), {"x0": 0.0, "x1": 2.0}, ("x0", "x1"), lr=0.001)
    assert gd.step(1000) == 1000
    assert tuple(gd.point.values()) == pytest.approx(_book_rosenbrock_descent(1000), abs=1e-12)
    assert gd.iteration == 1000
    assert gd.history.shape == (1001, 2)
    assert tuple(gd.history[0]) == (0.0, 2.0)
    assert gd.values[0] == pytest.approx(401.0)  # 100 * (2 - 0)^2 + 1
    assert gd.values[-1] == pytest.approx(gd.value)


def test_descent_on_rosenbrock_reaches_one_one_like_the_book():
    gd = GradientDescent(parse(ROSENBROCK), {"x0": 0.0, "x1": 2.0}, ("x0", "x1"), lr=0.001)
    gd.step(50_000)
    # The step shrinks below rounding before 50,000: the run stops as converged.
    assert not gd.diverged
    x0, x1 = gd.point["x0"], gd.point["x1"]
    assert abs(x0 - 1) < 1e-2 and abs(x1 - 1) < 1e-2
    assert gd.value < 1e-6
    assert np.all(np.diff(gd.values) <= 1e-12)  # never uphill at this learning rate


def test_descent_with_a_divergent_learning_rate_stops_with_a_message():
    gd = GradientDescent(parse(ROSENBROCK), {"x0": 0.0, "x1": 2.0}, ("x0", "x1"), lr=0.01)
    taken = gd.step(10_000)
    assert taken < 100
    assert gd.diverged and gd.stop.reason in (GROWING, RUNAWAY, NOT_FINITE)
    assert "Diverged" in gd.message and "learning rate" in gd.message
    # the current point and every recorded one are finite: nothing garbage escapes
    assert np.all(np.isfinite(gd.history)) and np.all(np.isfinite(gd.values))
    assert math.isfinite(gd.value)
    assert gd.step(10) == 0  # a stopped run stays stopped


def test_descent_climbing_step_after_step_stops_as_diverged():
    # lr 1.1 on x^2: x -> -1.2 x, so f grows by 1.44 each step, slowly at first
    gd = GradientDescent(parse("x^2"), {"x": 0.001}, ("x",), lr=1.1)
    gd.step(1000)
    assert gd.stop.reason == GROWING and gd.diverged
    assert gd.iteration == 10
    assert "went up at each of the last 10 steps" in gd.message


def test_descent_overshooting_out_of_its_range_counts_as_diverged():
    gd = GradientDescent(
        parse(ROSENBROCK),
        {"x0": 0.0, "x1": 2.0},
        ("x0", "x1"),
        lr=0.01,
        bounds={"x0": (-2, 2), "x1": (-1, 3)},
    )
    gd.step(100)
    assert gd.stop.reason == GROWING and gd.diverged
    assert "range of" in gd.message


def test_descent_overflowing_to_infinity_stops_as_not_finite():
    # exp grows so fast that f overflows long before the point runs away
    gd = GradientDescent(parse("exp(x^2)"), {"x": 3.0}, ("x",), lr=1.0)
    gd.step(100)
    assert gd.diverged
    assert gd.stop.reason == NOT_FINITE
    assert math.isfinite(gd.value)


def test_descent_on_a_parabola_converges():
    gd = GradientDescent(parse("(x - 3)^2"), {"x": 0.0}, ("x",), lr=0.5)
    gd.step(10)
    assert gd.point["x"] == 3.0
    assert gd.stop.reason == CONVERGED and not gd.diverged


def test_descent_holds_other_variables_fixed():
    gd = GradientDescent(
        parse("(x - a)^2 + (y - a)^2"), {"x": 0, "y": 0}, ("x", "y"), lr=0.25, fixed={"a": 2.0}
    )
    gd.step(200)
    assert gd.point == pytest.approx({"x": 2.0, "y": 2.0})


def test_descent_leaving_the_bounds_stops():
    gd = GradientDescent(
        parse("x^2 - y^2"),
        {"x": 1.5, "y": 0.05},
        ("x", "y"),
        lr=0.05,
        bounds={"x": (-2, 2), "y": (-2, 2)},
    )
    gd.step(1000)
    assert gd.stop.reason == OUT_OF_RANGE
    assert gd.stop.detail["variable"] == "y"
    assert abs(gd.point["y"]) <= 2
    assert abs(gd.point["x"]) < 0.05  # slid down to the saddle's ridge first


def test_descent_reset_goes_back_to_the_start():
    gd = GradientDescent(parse("x^2"), {"x": 1.0}, ("x",), lr=2.0)
    gd.step(100)
    assert gd.diverged
    gd.reset()
    assert gd.iteration == 0 and gd.stop is None and gd.point == {"x": 1.0}
    assert gd.history.shape == (1, 1)


def test_descent_starting_where_f_is_undefined_cannot_start():
    gd = GradientDescent(parse("log(x)"), {"x": -1.0}, ("x",), lr=0.1)
    assert gd.stopped and gd.stop.reason == NOT_FINITE
    assert gd.step(5) == 0
    assert "Cannot start" in gd.message


def test_descent_rejects_a_nonpositive_learning_rate():
    with pytest.raises(ValueError, match="learning rate"):
        GradientDescent(parse("x^2"), {"x": 1.0}, ("x",), lr=0.0)


# =============================================================================
# Newton's method
# =============================================================================


def test_newton_on_the_books_quartic_reaches_one_in_few_steps():
    nt = Newton(parse("x^4 - 2*x^2"), {"x": 2.0}, "x")
    nt.step(7)
    errors = np.abs(nt.history[:, 0] - 1.0)
    assert errors.min() < 1e-6
    assert int(np.argmax(errors < 1e-6)) <= 7  # the step count that first got there
    # f'' = 12x^2 - 4 came from create_graph: check the first step by hand
    assert nt.history[1, 0] == pytest.approx(2 - 24 / 44)


def test_newton_second_derivative_matches_hand_formula():
    nt = Newton(parse("x^4 - 2*x^2"), {"x": 2.0}, "x")
    assert nt.d2f == pytest.approx(12 * 4 - 4)
    assert nt.gradient[0] == pytest.approx(4 * 8 - 4 * 2)


def test_newton_on_a_line_stops_because_f2_is_zero():
    nt = Newton(parse("3*x + 1"), {"x": 2.0}, "x")
    assert nt.step(5) == 0
    assert nt.stop.reason == FLAT
    assert "f″ = 0" in nt.message


def test_newton_holds_other_variables_fixed():
    nt = Newton(parse("(x - a)^2 * b"), {"x": 0.0}, "x", fixed={"a": 1.5, "b": 2.0})
    nt.step(3)
    assert nt.point["x"] == pytest.approx(1.5)


# =============================================================================
# presets
# =============================================================================


@pytest.mark.parametrize("p", PRESETS, ids=lambda p: p.key)
def test_presets_parse_and_start_inside_their_ranges(p):
    expr = parse(p.expression)
    assert set(expr.variables) == set(p.variables)
    for start, lo, hi in p.variables.values():
        assert lo <= start <= hi
    if p.map_vars:
        assert set(p.map_vars) <= set(p.variables)


def test_rosenbrock_preset_is_the_books():
    p = preset("rosenbrock")
    assert p.variables["x0"][0] == 0.0 and p.variables["x1"][0] == 2.0
    assert p.lr == 0.001 and p.method == "gd"
    with pytest.raises(KeyError):
        preset("nope")
