"""One evaluation of a formula: forward and backward at the point and over the sweep.

Everything on screen is drawn from the ``EvalResult`` that ``evaluate_expression``
returns: f and every partial derivative at the point (one backward pass), and f, f′
and f″ along the swept variable as arrays (one vectorized forward pass, two backward
passes, the first with ``create_graph=True``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from engine.core import Variable
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
) -> EvalResult:
    """Run ``expr`` forward and backward at ``point`` and over ``sweep``.

    At the point: f and ∂f/∂v for every variable the expression uses, in one backward
    pass. Over the sweep: f, f′ and f″ along one variable as arrays, in one vectorized
    forward pass and two backward passes (the first with ``create_graph=True`` so that
    f′ can itself be differentiated) — never a Python loop over points.
    """
    try:
        expr.check_single()  # one f here: a tuple of outputs is refused with a message
    except SeveralOutputsError as several:
        return EvalResult(error=several)
    result = EvalResult(expression=expr, error=error)
    used = list(expr.variables)
    result.point = {name: float(point.get(name, 1.0)) for name in used}

    with np.errstate(all="ignore"):
        # -- at the point: f and every partial derivative ------------------------
        inputs = {name: Variable(np.array(result.point[name]), name=name) for name in used}
        y = expr.build(inputs)
        y.backward()
        result.value = _to_float(y)
        for name in used:
            result.grads[name] = (
                _to_float(inputs[name].grad) if inputs[name].grad is not None else 0.0
            )
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
        xs = np.linspace(sweep.min, sweep.max, sweep.points)
        result.x = xs
        values = {
            name: Variable(np.array(result.point.get(name, point.get(name, 1.0))), name=name)
            for name in used
        }
        xv = Variable(xs.copy(), name=s)
        values[s] = xv
        y = expr.build(values) if used else expr.build({})
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
        result.f, result.df, result.d2f = f, df, d2f

        # f'' at the point itself, from a tiny scalar run (cheap; the graph is small)
        if s in used:
            p = {name: Variable(np.array(result.point[name])) for name in used}
            yp = expr.build(p)
            yp.backward(create_graph=True)
            g = p[s].grad
            p[s].cleargrad()
            if g is not None and g.creator is not None:
                g.backward()
                result.d2f_at_point = _to_float(p[s].grad) if p[s].grad is not None else 0.0
            else:
                result.d2f_at_point = 0.0
        else:
            result.d2f_at_point = 0.0

        for label, arr in (("f", f), ("f′", df), ("f″", d2f)):
            bad = int(np.count_nonzero(~np.isfinite(arr)))
            if bad:
                result.notices.append(
                    Message(
                        "{curve} is undefined or infinite at {bad} of {points} points along {name}",
                        curve=label,
                        bad=bad,
                        points=arr.size,
                        name=s,
                    )
                )
    return result


__all__ = ["EvalResult", "evaluate_expression"]
