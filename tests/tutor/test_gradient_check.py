"""tutor/gradient_check.py: the gradient-check panel's numbers, without Qt."""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine.gradcheck import central_difference
from tutor.formula import parse
from tutor.gradient_check import central_differences, relative_error


def test_relative_error_is_relative_with_an_absolute_floor_and_nan_when_not_finite():
    assert relative_error(2.0, 2.0) == 0.0
    assert relative_error(4.0, 5.0) == pytest.approx(0.2)
    # relative even for small derivatives: 1e-3 against 1.001e-3 is 0.1 %, not 1e-6
    assert relative_error(1e-3, 1.001e-3) == pytest.approx(1e-3 / 1.001, rel=1e-9)
    assert relative_error(0.0, 3e-12) == pytest.approx(3e-12 / 1e-8)  # below the floor
    assert math.isnan(relative_error(float("nan"), 1.0))
    assert math.isnan(relative_error(1.0, float("inf")))


def test_two_values_both_below_the_floor_are_both_zero():
    from tutor.gradient_check import both_near_zero, zero_floor

    assert both_near_zero(0.0, 4e-10)  # a true 0 and a difference quotient's noise
    assert not both_near_zero(0.0, 1e-6)
    assert not both_near_zero(2e-8, 0.0)
    assert both_near_zero(2e-8, 0.0, zero_floor(100.0))  # f ≈ 100 rounds 100× coarser
    assert not both_near_zero(math.nan, 0.0)


def test_rosenbrock_at_its_minimum_has_both_derivatives_near_zero():
    from tutor.gradient_check import both_near_zero

    expr = parse("(1 - x0)^2 + 100*(x1 - x0^2)^2")
    point = {"x0": 1.0, "x1": 1.0}
    for name in ("x0", "x1"):
        # at h = 1e-6 the truncation error, f‴·h²/6 ≈ 4e-10, is what is left
        (numeric,) = central_differences(expr, point, name, np.array([1e-6]))
        assert abs(numeric) < 1e-8
        assert both_near_zero(0.0, float(numeric))  # ∂f = 0 there, by hand


def test_central_difference_of_x_cubed_has_the_truncation_error_h_squared():
    # ((2+h)³ − (2−h)³) / 2h = 3·2² + h² exactly: 12.000001 at h = 1e-3
    (value,) = central_differences(parse("x^3"), {"x": 2.0}, "x", np.array([1e-3]))
    assert value == pytest.approx(12.000001, rel=1e-12)


def test_every_h_at_once_matches_one_h_at_a_time_and_holds_the_others_still():
    expr = parse("sin(x) * y^2")
    hs = np.array([1e-1, 1e-3, 1e-5])
    many = central_differences(expr, {"x": 0.5, "y": 3.0}, "x", hs)
    for h, value in zip(hs, many, strict=True):
        by_hand = (math.sin(0.5 + h) - math.sin(0.5 - h)) / (2 * h) * 9.0
        # the two round differently: about machine epsilon / h apart
        assert value == pytest.approx(by_hand, rel=1e-14 / h)
    assert many[-1] == pytest.approx(math.cos(0.5) * 9.0, rel=1e-9)


def test_a_variable_f_does_not_use_gets_a_zero_difference_for_every_h():
    expr = parse("x^2")
    out = central_differences(expr, {"x": 1.0}, "x", np.array([1e-2, 1e-4]))
    assert out.shape == (2,)
    expr = parse("x^2 + 0*y")
    np.testing.assert_array_equal(
        central_differences(expr, {"x": 1.0, "y": 4.0}, "y", np.array([1e-2, 1e-4])), [0, 0]
    )


def test_engine_central_difference_takes_an_array_of_steps():
    hs = np.array([0.5, 0.25])
    out = central_difference(np.square, 3.0, hs)
    np.testing.assert_allclose(out, [6.0, 6.0])  # exact for a parabola
