"""The work budget: recorded Functions × points bounds every evaluation over points.

Issue 12, case 1: a 6 KB session of 3,000 factors and 100,000 points (each within its
own limit) took 104 s and 11.8 GB. Now its sweep is refused, or run at the points that
fit with a notice that says so; the map's grid and the gradient check are bounded too.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.core import Variable
from tutor.budget import (
    STEP_BUDGET,
    WORK_BUDGET,
    WorkBudgetError,
    check_work,
    points_within_budget,
    recorded_functions,
    steps_within_budget,
    work,
)
from tutor.evaluation import evaluate_expression
from tutor.formula import parse
from tutor.gradient_check import central_differences
from tutor.grid import evaluate_grid
from tutor.messages import Message
from tutor.session import Session, Sweep

PRODUCT_3000 = "*".join(["x"] * 3000)  # 2,999 Mul


def functions_in_graph(y: Variable) -> int:
    """The Functions the engine recorded for ``y``, by walking its graph (the witness)."""
    seen, stack = set(), [y.creator] if y.creator is not None else []
    while stack:
        f = stack.pop()
        if f in seen:
            continue
        seen.add(f)
        stack.extend(x.creator for x in f.inputs if x.creator is not None)
    return len(seen)


@pytest.mark.parametrize(
    "text",
    [
        "x",
        "3",
        "-x",
        "+x",
        "--x",
        "x^2",  # a constant exponent is a number for Pow, not Functions of its own
        "x^(2*3 - 1)",
        "x^y",
        "2^x",
        "sin(x) * x^2 + y",
        "exp(-a^2) / (1 + b)",
        "2x + 3(x - 1)",
        "(x+1)(x-1)",
        PRODUCT_3000,
    ],
    ids=lambda text: text[:24],
)
def test_recorded_functions_counts_what_the_engine_records(text):
    expr = parse(text)
    y = expr.build({name: Variable(np.array(1.0)) for name in expr.variables})
    assert recorded_functions(expr) == functions_in_graph(y)


def test_the_work_is_the_product_of_functions_and_points():
    expr = parse(PRODUCT_3000)
    assert work(expr, 100_000) == 2999 * 100_000
    assert work(parse("x"), 2000) == 2000  # no Function: the arrays are made all the same
    assert points_within_budget(expr, 100_000) == WORK_BUDGET // 2999 == 1667
    assert points_within_budget(parse("x^2"), 100_000) == 100_000  # small: all of them


def test_check_work_refuses_with_the_figures_and_what_would_fit():
    with pytest.raises(WorkBudgetError) as caught:
        check_work(parse(PRODUCT_3000), 100_000, Message("the sweep"))
    text = str(caught.value)
    assert text == (
        "the sweep is too much work: 2,999 recorded operations × 100,000 points = "
        "299,900,000 node-points, more than the budget of 5,000,000; at most 1,667 "
        "points would fit"
    )
    check_work(parse(PRODUCT_3000), 1667, Message("the sweep"))  # exactly fits: no error


def test_a_single_point_of_the_longest_formula_is_inside_the_budget():
    # the parser takes 10,000 characters at most: one Function per character at most
    longest = parse("-" * 9999 + "x")
    assert recorded_functions(longest) == 9999
    assert work(longest, 1) < WORK_BUDGET
    assert points_within_budget(longest, 2000) >= 2  # its sweep can always be drawn


# -- the sweep (the window, the CSV export) ---------------------------------------------------


def big_session() -> Session:
    s = Session(PRODUCT_3000)
    s.set_range("x", -1.0, 1.0, 0.01)
    s.sweep = Sweep("x", -1.0, 1.0, 100_000)
    return s


def test_a_sweep_over_the_budget_is_refused_before_anything_runs():
    with pytest.raises(WorkBudgetError, match="the sweep is too much work"):
        big_session().evaluate()


def test_a_sweep_over_the_budget_can_run_at_the_points_that_fit_and_says_so():
    session = big_session()
    result = session.evaluate(fit_to_budget=True)
    assert len(result.x) == len(result.f) == len(result.df) == len(result.d2f) == 1667
    assert (result.x[0], result.x[-1]) == (-1.0, 1.0)
    assert str(result.notices[0]) == (
        "the plot uses 1,667 of the sweep's 100,000 points: 2,999 recorded operations × "
        "100,000 points would be more work than the budget of 5,000,000 node-points"
    )
    # the numbers are those of x^3000 (f, f' and f'' by hand), at x = 0.5 too
    x = result.x
    np.testing.assert_allclose(result.f, x**3000, rtol=1e-9, atol=1e-300)
    np.testing.assert_allclose(result.df, 3000 * x**2999, rtol=1e-9, atol=1e-300)
    np.testing.assert_allclose(result.d2f, 3000 * 2999 * x**2998, rtol=1e-9, atol=1e-300)
    assert session.sweep.points == 100_000  # the document keeps what it asked for


def test_a_sweep_within_the_budget_has_no_notice_and_all_its_points():
    s = Session("sin(x) * x^2 + y")
    s.sweep.points = 100_000
    result = s.evaluate()
    assert len(result.x) == 100_000 and result.notices == []


def test_the_point_and_its_second_derivative_come_out_as_before():
    # f = x^3 y at (2, 5): f = 40, f_x = 3x²y = 60, f_y = x³ = 8, f_xx = 6xy = 60
    result = evaluate_expression(parse("x^3 * y"), {"x": 2.0, "y": 5.0}, Sweep("x", 0, 4, 5))
    assert (result.value, result.grads, result.d2f_at_point) == (40.0, {"x": 60, "y": 8}, 60)
    along_y = evaluate_expression(parse("x^3 * y"), {"x": 2.0, "y": 5.0}, Sweep("y", 0, 4, 5))
    assert along_y.d2f_at_point == 0.0  # linear in y
    assert math.isnan(evaluate_expression(parse("x^3"), {"x": 2.0}, None).d2f_at_point)


# -- the map's grid, the gradient check, the optimizer ------------------------------------------


def test_a_grid_over_the_budget_is_refused_or_made_coarser_with_a_notice():
    expr = parse("*".join(["x", "y"] * 300))  # 599 Mul: 200×200 would be 23,960,000
    with pytest.raises(WorkBudgetError, match="the map's grid is too much work"):
        evaluate_grid(expr, {}, "x", "y", (0.5, 1.5), (0.5, 1.5), 200)
    grid = evaluate_grid(expr, {}, "x", "y", (0.5, 1.5), (0.5, 1.5), 200, fit_to_budget=True)
    n = math.isqrt(WORK_BUDGET // 599)
    assert n == 91 and grid.f.shape == (n, n) and len(grid.xs) == n
    assert 599 * n * n <= WORK_BUDGET < 599 * (n + 1) ** 2
    assert str(grid.notice).startswith("the map uses a 91×91 grid instead of 200×200")
    gx, gy = np.meshgrid(grid.xs, grid.ys)
    np.testing.assert_allclose(grid.f, (gx * gy) ** 300, rtol=1e-9)
    np.testing.assert_allclose(grid.dfdx, 300 * gx**299 * gy**300, rtol=1e-9)
    small = evaluate_grid(parse("x*y"), {}, "x", "y", (0, 1), (0, 1), 200)
    assert small.notice is None and small.f.shape == (200, 200)


def test_the_gradient_check_refuses_more_steps_than_the_budget_allows():
    expr = parse(PRODUCT_3000)
    hs = np.full(WORK_BUDGET // 2999 // 2 + 1, 1e-5)
    with pytest.raises(WorkBudgetError, match="the gradient check is too much work"):
        central_differences(expr, {"x": 1.0}, "x", hs)
    # 45 steps, as the panel has: f = x^3000 at 1, f' = 3000
    numeric = central_differences(expr, {"x": 1.0}, "x", np.array([1e-7] * 45))
    np.testing.assert_allclose(numeric, 3000.0, rtol=1e-5)


def test_an_optimizer_frame_of_a_long_formula_takes_fewer_steps():
    assert steps_within_budget(parse("x^2"), 200) == 200  # Pow: one Function a step
    assert steps_within_budget(parse(PRODUCT_3000), 200) == STEP_BUDGET // 2999 == 6
    assert steps_within_budget(parse("-" * 9999 + "x"), 50) == 2
    assert steps_within_budget(parse("x"), 10_000) == 10_000
