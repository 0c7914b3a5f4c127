"""One evaluation of a formula: forward and backward at the point and over the sweep.

Everything on screen is drawn from the ``EvalResult`` that ``evaluate_expression``
returns: f and every partial derivative at the point (one backward pass), and f, f′
and f″ along the swept variable as arrays (one vectorized forward pass, two backward
passes, the first with ``create_graph=True``), with the places where each curve jumps
or has a pole (``breaks``, from ``tutor.curve_breaks``).

A sweep is bounded by the work budget (``tutor.budget``): recorded Functions × points.
Over it, the evaluation is refused with a ``WorkBudgetError``, or, when the caller asks
(the window does), run at the points that fit, with a notice saying so.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from engine.core import Variable
from tutor.budget import (
    WORK_BUDGET,
    WorkBudgetError,
    over_budget,
    points_within_budget,
    recorded_functions,
)
from tutor.curve_breaks import SweepWatch, sweep_breaks
from tutor.formula import Expression, ParseError, SeveralOutputsError
from tutor.messages import Message


class SweepRange(Protocol):
    """Which variable to sweep, over what range, in how many points (a session's
    ``Sweep`` is one)."""

    variable: str | None
    min: float
    max: float
    points: int


@dataclass
class EvalResult:
    """Everything the views draw, from one evaluation. Arrays are float64.

    ``error`` is set (and everything else left empty) when the expression does not
    parse. Domain problems (log(-1), 1/0) are not errors: they give NaN or inf values,
    and ``notices`` says where.
    """

    expression: Expression | None = None
    error: ParseError | None = None
    point: dict[str, float] = field(default_factory=dict)
    value: float = math.nan
    grads: dict[str, float] = field(default_factory=dict)
    d2f_at_point: float = math.nan  # second derivative along the swept variable
    sweep_variable: str | None = None
    x: np.ndarray = field(default_factory=lambda: np.empty(0))
    f: np.ndarray = field(default_factory=lambda: np.empty(0))
    df: np.ndarray = field(default_factory=lambda: np.empty(0))
    d2f: np.ndarray = field(default_factory=lambda: np.empty(0))
    # per curve ("f", "df", "d2f"): the segments between samples not to draw, where the
    # curve jumps or has a pole (tutor.curve_breaks)
    breaks: dict[str, np.ndarray] = field(default_factory=dict)
    notices: list[Message] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None and self.expression is not None


def _to_float(v: Variable | None) -> float:
    if v is None:
        return 0.0
    if not np.size(v.data):
        return math.nan
    # + 0.0 turns -0.0 (from e.g. 2 * (1 - x) * -1 at x = 1) into 0.0: "∂f/∂x = -0" reads
    # like a mistake to a learner, and the two are equal anyway.
    return float(np.asarray(v.data, dtype=np.float64).reshape(-1)[0]) + 0.0


def evaluate_expression(
    expr: Expression,
    point: Mapping[str, float],
    sweep: SweepRange | None,
    error: ParseError | None = None,
    *,
    fit_to_budget: bool = False,
) -> EvalResult:
    """Run ``expr`` forward and backward at ``point`` and over ``sweep``.

    At the point: f and ∂f/∂v for every variable the expression uses, in one backward
    pass. Over the sweep: f, f′ and f″ along one variable as arrays, in one vectorized
    forward pass and two backward passes (the first with ``create_graph=True`` so that
    f′ can itself be differentiated) — never a Python loop over points.

    A sweep that is more work than ``tutor.budget.WORK_BUDGET`` raises WorkBudgetError
    before anything runs; with ``fit_to_budget=True`` it runs at the points that fit
    instead, and the first notice says so.
    """
    try:
        expr.check_single()  # one f here: a tuple of outputs is refused with a message
    except SeveralOutputsError as several:
        return EvalResult(error=several)
    result = EvalResult(expression=expr, error=error)
    used = list(expr.variables)
    result.point = {name: float(point.get(name, 1.0)) for name in used}
    points = _sweep_points(expr, sweep, fit_to_budget, result.notices)

    swept = sweep.variable if sweep is not None else None
    with np.errstate(all="ignore"):
        # -- at the point: f, every partial derivative, and f'' along the sweep ---
        inputs = {name: Variable(np.array(result.point[name]), name=name) for name in used}
        y = expr.build(inputs)
        # The backward pass is recorded only when f'' is wanted (one scalar run for both).
        y.backward(create_graph=swept in used)
        result.value = _to_float(y)
        for name in used:
            result.grads[name] = (
                _to_float(inputs[name].grad) if inputs[name].grad is not None else 0.0
            )
        if swept is not None:
            result.d2f_at_point = _second_derivative(inputs, swept) if swept in used else 0.0
        if not math.isfinite(result.value):
            result.notices.append(
                Message("f is not finite at this point ({value})", value=result.value)
            )
        for name, g in result.grads.items():
            if not math.isfinite(g):
                result.notices.append(
                    Message("∂f/∂{name} is not finite at this point ({value})", name=name, value=g)
                )

        if sweep is None or sweep.variable is None:
            return result

        # -- along the sweep: f, f', f'' as arrays --------------------------------
        s = sweep.variable
        result.sweep_variable = s
        held = tuple((name, result.point[name]) for name in used if name != s)
        key = (s, float(sweep.min), float(sweep.max), points, held)
        curves = _last_sweep.get(expr, key)
        if curves is None:
            curves = _sweep_curves(expr, used, s, sweep, points, dict(held))
            _last_sweep.put(expr, key, curves)
        result.x, result.f, result.df, result.d2f, result.breaks = curves[:5]
        result.notices.extend(curves[5])
    return result


def _second_derivative(inputs: Mapping[str, Variable], name: str) -> float:
    """∂²f/∂name², once ``backward(create_graph=True)`` has run: backward again from the
    recorded gradient (other variables' gradients are read before, as this adds to them)."""
    g = inputs[name].grad
    inputs[name].cleargrad()
    if g is None or g.creator is None:  # f' is a constant: f'' = 0
        return 0.0
    g.backward()
    return _to_float(inputs[name].grad) if inputs[name].grad is not None else 0.0


class _LastSweep:
    """The curves of the last sweep, kept while only the swept variable's own value
    changes: f, f′ and f″ along x do not depend on where the point sits on x, so a
    drag of that slider recomputes the point only. Holds the Expression it was made
    for, so a new formula (even with the same text) never meets old curves."""

    def __init__(self) -> None:
        self._expr: Expression | None = None
        self._key: tuple | None = None
        self._curves: tuple | None = None

    def get(self, expr: Expression, key: tuple) -> tuple | None:
        return self._curves if expr is self._expr and key == self._key else None

    def put(self, expr: Expression, key: tuple, curves: tuple) -> None:
        self._expr, self._key, self._curves = expr, key, curves


_last_sweep = _LastSweep()


def _sweep_curves(
    expr: Expression,
    used: list[str],
    s: str,
    sweep: SweepRange,
    points: int,
    held: Mapping[str, float],
) -> tuple:
    """f, f′, f″ along ``s`` (one vectorized forward pass and two backward passes),
    where each curve must break, and the notices about non-finite points."""
    xs = np.linspace(sweep.min, sweep.max, points)
    xs.flags.writeable = False  # shared by every result that reuses these curves
    values = {name: Variable(np.array(held[name]), name=name) for name in used if name != s}
    xv = Variable(xs.copy(), name=s)
    values[s] = xv
    watch = SweepWatch(expr)
    y = expr.build(values, on_node=watch) if used else expr.build({})
    f = np.broadcast_to(np.asarray(y.data, dtype=np.float64), xs.shape).copy()
    if s in used:
        # With grad = ones, x.grad[i] = Σ_j ∂f_j/∂x_i = f'(x_i): each point only
        # depends on its own x_i.
        y.backward(create_graph=True)
        gx = xv.grad
        df = np.broadcast_to(np.asarray(gx.data, dtype=np.float64), xs.shape).copy()
        xv.cleargrad()
        if gx.creator is not None:
            gx.backward()
        d2f = (
            np.broadcast_to(np.asarray(xv.grad.data, dtype=np.float64), xs.shape).copy()
            if xv.grad is not None
            else np.zeros_like(xs)
        )
    else:
        df = np.zeros_like(xs)
        d2f = np.zeros_like(xs)
    breaks = sweep_breaks(watch, {"f": f, "df": df, "d2f": d2f})
    notices = []
    for label, arr in (("f", f), ("f′", df), ("f″", d2f)):
        arr.flags.writeable = False
        bad = int(np.count_nonzero(~np.isfinite(arr)))
        if bad:
            notices.append(
                Message(
                    "{curve} is undefined or infinite at {bad} of {points} points along {name}",
                    curve=label,
                    bad=bad,
                    points=arr.size,
                    name=s,
                )
            )
    return xs, f, df, d2f, breaks, notices


def sweep_points(expr: Expression, sweep: SweepRange) -> int:
    """How many points of ``sweep`` an evaluation that fits the budget runs at."""
    # a curve needs two points (and the budget allows hundreds for the longest formula)
    return max(2, min(sweep.points, points_within_budget(expr, sweep.points)))


def budget_notice(expr: Expression, sweep: SweepRange | None) -> Message | None:
    """What the window says when it draws ``sweep`` at fewer points (None: it does not)."""
    if sweep is None or sweep.variable is None or sweep_points(expr, sweep) >= sweep.points:
        return None
    return Message(
        "the plot uses {points:,} of the sweep's {requested:,} points: {functions:,} "
        "recorded operations × {requested:,} points would be more work than the budget "
        "of {budget:,} node-points",
        points=sweep_points(expr, sweep),
        requested=sweep.points,
        functions=recorded_functions(expr),
        budget=WORK_BUDGET,
    )


def _sweep_points(
    expr: Expression, sweep: SweepRange | None, fit: bool, notices: list[Message]
) -> int:
    """How many points the sweep runs at: its own, or (``fit``) those the budget allows."""
    if sweep is None or sweep.variable is None:
        return 0
    notice = budget_notice(expr, sweep)
    if notice is None:
        return sweep.points
    if not fit:
        raise WorkBudgetError(over_budget(expr, sweep.points, Message("the sweep")))
    notices.append(notice)
    return sweep_points(expr, sweep)


__all__ = ["EvalResult", "budget_notice", "evaluate_expression", "sweep_points"]
