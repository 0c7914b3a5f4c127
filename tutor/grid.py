"""f over a grid of two variables, for the map: one vectorized pass of the engine.

``evaluate_grid`` computes f and both partial derivatives at every point of an n×n grid
in *one* vectorized forward and backward pass. Each grid point depends only on its own
(x, y), so backpropagating ones through the whole grid gives, element by element, ∂f/∂x
and ∂f/∂y at every point — no Python loop over points.

An n×n grid is n² points of work for every recorded Function, bounded by the work
budget (``tutor.budget``): over it the grid is refused, or (``fit_to_budget=True``, as
the map asks) made coarser until it fits, with a notice saying so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from engine.core import Variable
from tutor.budget import (
    WORK_BUDGET,
    WorkBudgetError,
    over_budget,
    points_within_budget,
    recorded_functions,
)
from tutor.formula import Expression
from tutor.messages import Message

DEFAULT_GRID = 200
MAX_GRID = 1000

# =============================================================================
# the grid
# =============================================================================


@dataclass
class Grid:
    """f and its two partial derivatives over a rectangle, row-major.

    ``f[i, j]`` is f at ``(xs[j], ys[i])``: rows run along y, columns along x (the
    layout of ``np.meshgrid(xs, ys)``). Domain edges give NaN or inf, never warnings.
    """

    var_x: str
    var_y: str
    xs: np.ndarray
    ys: np.ndarray
    f: np.ndarray
    dfdx: np.ndarray
    dfdy: np.ndarray
    notice: Message | None = None  # why the grid is coarser than asked for, if it is

    def largest_gradient(self, stride: int = 4) -> float:
        """The largest finite |∇f| over the grid, read at every ``stride``-th point of
        each axis (a reference length for the map's arrows: the exact maximum is not
        needed, and 1/16 of a 200×200 grid is quick); 0 if none is finite."""
        gx, gy = self.dfdx[::stride, ::stride], self.dfdy[::stride, ::stride]
        with np.errstate(all="ignore"):
            sq = gx * gx + gy * gy
        finite = sq[np.isfinite(sq)]
        return math.sqrt(float(finite.max())) if finite.size else 0.0

    def finite_range(self) -> tuple[float, float] | None:
        """(min, max) of the finite values of f, or None if there are none."""
        finite = self.f[np.isfinite(self.f)]
        if finite.size == 0:
            return None
        return float(finite.min()), float(finite.max())


ARROW_DECADES = 6.0
"""The map's arrows span this many powers of ten of |∇f|, longest to shortest."""


def arrow_length(norm: float, largest: float, longest: float, shortest: float) -> float:
    """On-screen length of a gradient arrow, log-scaled in |∇f|.

    ``largest`` (the largest |∇f| on the map) gets ``longest``; every power of ten
    less takes 1/ARROW_DECADES of the way down to ``shortest``, which is also the
    floor: |∇f| = 0.002 near Rosenbrock's minimum is a stub, 1,000 on its slopes a
    long arrow, so "the gradient shrinks near the minimum" shows.
    """
    if not (math.isfinite(norm) and norm > 0):
        return 0.0
    if not (math.isfinite(largest) and largest > 0) or norm >= largest:
        return longest
    decades = math.log10(largest / norm)
    share = max(0.0, 1.0 - decades / ARROW_DECADES)
    return shortest + (longest - shortest) * share


def evaluate_grid(
    expr: Expression,
    point: Mapping[str, float],
    var_x: str,
    var_y: str,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    n: int = DEFAULT_GRID,
    *,
    fit_to_budget: bool = False,
) -> Grid:
    """f, ∂f/∂var_x and ∂f/∂var_y over an n×n grid, in one forward and one backward pass.

    Variables other than ``var_x`` and ``var_y`` are held at their values in ``point``
    (1.0 if missing). A grid variable the expression does not use simply has a zero
    partial derivative. A grid over the work budget raises WorkBudgetError, or with
    ``fit_to_budget`` gets the largest n that fits and a ``notice``.
    """
    if var_x == var_y:
        raise ValueError(f"the map needs two different variables, got {var_x!r} twice")
    n = int(n)
    if not 2 <= n <= MAX_GRID:
        raise ValueError(f"grid size must be between 2 and {MAX_GRID}, got {n}")
    notice = None
    fit = max(2, math.isqrt(points_within_budget(expr, n * n)))
    if fit < n:
        if not fit_to_budget:
            raise WorkBudgetError(over_budget(expr, n * n, Message("the map's grid")))
        notice = Message(
            "the map uses a {fit}×{fit} grid instead of {n}×{n}: {functions:,} recorded "
            "operations × {points:,} points would be more work than the budget of "
            "{budget:,} node-points",
            fit=fit,
            n=n,
            functions=recorded_functions(expr),
            points=n * n,
            budget=WORK_BUDGET,
        )
        n = fit
    xs = np.linspace(float(x_range[0]), float(x_range[1]), n)
    ys = np.linspace(float(y_range[0]), float(y_range[1]), n)
    shape = (n, n)
    # Full grids, not (1, n) and (n, 1) views: broadcasting would be cheaper forward,
    # but backward would sum each input's gradient over the axis it was broadcast
    # along, and we want one partial derivative per point.
    gx, gy = np.meshgrid(xs, ys)
    X = Variable(gx, name=var_x)
    Y = Variable(gy, name=var_y)
    inputs = {
        name: Variable(np.array(float(point.get(name, 1.0))), name=name) for name in expr.variables
    }
    inputs[var_x], inputs[var_y] = X, Y

    with np.errstate(all="ignore"):
        out = expr.build(inputs)
        f = np.broadcast_to(np.asarray(out.data, dtype=np.float64), shape).copy()
        used = set(expr.variables)
        if var_x in used or var_y in used:
            out.backward()
    dfdx = _grad_or_zeros(X, shape)
    dfdy = _grad_or_zeros(Y, shape)
    return Grid(var_x, var_y, xs, ys, f, dfdx, dfdy, notice)


def _grad_or_zeros(v: Variable, shape: tuple[int, ...]) -> np.ndarray:
    if v.grad is None:
        return np.zeros(shape)
    return np.broadcast_to(np.asarray(v.grad.data, dtype=np.float64), shape).copy()


__all__ = ["ARROW_DECADES", "arrow_length", "DEFAULT_GRID", "MAX_GRID", "Grid", "evaluate_grid"]
