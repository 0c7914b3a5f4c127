"""Plots break at jumps and poles, and only there: hand-known cases."""

from __future__ import annotations

import math

import numpy as np
import pytest

from tutor.curve_breaks import curve_breaks, with_gaps
from tutor.evaluation import evaluate_expression
from tutor.formula import parse


class Sweep:
    def __init__(self, lo=-5.0, hi=5.0, points=2000):
        self.variable, self.min, self.max, self.points = "x", lo, hi, points


def breaks_at(text: str, curve: str, sweep: Sweep | None = None) -> list[tuple[float, float]]:
    """The x intervals of the broken segments of ``curve`` for formula ``text``."""
    r = evaluate_expression(parse(text), {"x": 1.0}, sweep or Sweep())
    return [(float(r.x[i]), float(r.x[i + 1])) for i in np.flatnonzero(r.breaks[curve])]


def crosses(intervals, where: float) -> bool:
    return any(a <= where <= b for a, b in intervals)


def near(intervals, where: float, within: float) -> bool:
    return all(abs(a - where) <= within and abs(b - where) <= within for a, b in intervals)


H = 10 / 1999  # the sample spacing of the default sweep


@pytest.mark.parametrize("curve", ["f", "df", "d2f"])
def test_one_over_x_breaks_at_its_pole_and_nowhere_else(curve):
    found = breaks_at("1/x", curve)
    assert crosses(found, 0.0)
    assert found and near(found, 0.0, 3 * H)


@pytest.mark.parametrize("curve", ["f", "df"])
def test_tan_breaks_at_every_pole_in_view(curve):
    found = breaks_at("tan(x)", curve)
    poles = [k * math.pi + math.pi / 2 for k in (-2, -1, 0, 1)]  # −4.71 −1.57 1.57 4.71
    for pole in poles:
        assert crosses(found, pole), pole
    assert all(any(abs(a - p) < 3 * H for p in poles) for a, _ in found)


@pytest.mark.parametrize("text, kink", [("relu(x)", 0.0), ("abs(x)", 0.0), ("3*abs(x - 1)", 1.0)])
def test_the_derivative_of_a_kink_breaks_and_f_does_not(text, kink):
    assert breaks_at(text, "f") == []  # f is continuous: one unbroken line
    found = breaks_at(text, "df")
    assert len(found) == 1 and found[0][0] <= kink <= found[0][1]


@pytest.mark.parametrize(
    "text",
    ["tanh(50x)", "sin(x)", "x^2", "exp(x)", "1/(x^2 + 1)", "sin(x)/x", "sqrt(x^2 + 1)"],
)
def test_smooth_curves_are_never_broken(text):
    for curve in ("f", "df", "d2f"):
        assert breaks_at(text, curve) == [], curve


def test_a_continuous_derivative_through_a_kink_stays_joined():
    # relu(x)^2 has relu inside, but f' = 2 relu(x) is continuous; f'' = 2·step jumps
    assert breaks_at("relu(x)^2", "df") == []
    found = breaks_at("relu(x)^2", "d2f")
    assert len(found) == 1 and crosses(found, 0.0)


def test_a_jump_too_steep_for_the_samples_breaks_like_a_step():
    # tanh(10⁴x) goes from −1 to 1 within 0.0005: between two samples, a jump
    found = breaks_at("tanh(10000x)", "f")
    assert len(found) == 1 and crosses(found, 0.0)


def test_one_over_x_squared_is_not_joined_across_its_top():
    found = breaks_at("1/x^2", "f")
    assert crosses(found, 0.0)


def test_a_step_known_only_from_samples():
    x = np.linspace(0, 10, 101)
    y = np.floor(x / 2.5)
    found = np.flatnonzero(curve_breaks(y))
    assert [float(x[i + 1]) for i in found] == [2.5, 5.0, 7.5, 10.0]


def test_gaps_are_nan_points_between_the_samples():
    x = np.array([0.0, 1.0, 2.0, 3.0])
    y = np.array([5.0, 6.0, -6.0, -5.0])
    gx, gy = with_gaps(x, y, np.array([False, True, False]))
    np.testing.assert_array_equal(gx, [0.0, 1.0, 1.5, 2.0, 3.0])
    assert np.isnan(gy[2]) and list(gy[[0, 1, 3, 4]]) == [5.0, 6.0, -6.0, -5.0]
