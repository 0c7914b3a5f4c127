"""The gradient check's numbers: central differences of a formula and relative errors.

The central difference ``(f(v + h) − f(v − h)) / 2h`` is the independent witness to
backprop: it uses values of f only (``engine.gradcheck.central_difference``). The
gradient-check panel shows it for every h of its slider; this module computes those
numbers without Qt.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from engine.core import Variable
from engine.gradcheck import central_difference
from tutor.budget import check_work
from tutor.formula import Expression
from tutor.messages import Message


def central_differences(
    expr: Expression, point: Mapping[str, float], name: str, hs: np.ndarray
) -> np.ndarray:
    """(f(v + h) − f(v − h)) / 2h for variable ``name`` and every h in ``hs``.

    ``name`` takes all the values v ± h at once, so f is evaluated in two vectorized
    passes; the other variables stay at ``point``. Raises WorkBudgetError if those
    2·len(hs) points are more work than the budget (``tutor.budget``).
    """
    hs = np.asarray(hs, dtype=np.float64)
    check_work(expr, 2 * hs.size, Message("the gradient check"))
    others = {n: Variable(np.array(float(v))) for n, v in point.items() if n != name}

    def f_along(values: np.ndarray) -> np.ndarray:
        out = np.asarray(expr.build({**others, name: Variable(values)}).data, dtype=np.float64)
        return np.broadcast_to(out, values.shape)  # f may not depend on name at all

    with np.errstate(all="ignore"):
        return central_difference(f_along, float(point[name]), hs)


ZERO_FLOOR = 1e-8
"""Below this, a derivative is zero to a central difference: its rounding error alone,
about ε·|f| / h (ε = 2.2e−16), reaches 1e−11 at h = 1e−5 and 1e−8 at h = 1e−8."""


def zero_floor(f_value: float = 1.0) -> float:
    """The absolute floor for a formula whose value at the point is ``f_value``: the
    rounding error of f(v ± h) grows with |f|."""
    scale = abs(f_value) if math.isfinite(f_value) else 1.0
    return ZERO_FLOOR * max(1.0, scale)


def relative_error(a: float, b: float, floor: float = ZERO_FLOOR) -> float:
    """|a − b| / max(|a|, |b|, floor): a relative error with an absolute floor; nan
    when either is not finite.

    Between two values both below ``floor`` (``both_near_zero``) it says nothing
    useful — a true 0 next to a difference quotient of 3e−12 — and the panel says
    "both ≈ 0" instead of a number.
    """
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.nan
    return abs(a - b) / max(abs(a), abs(b), floor)


def both_near_zero(a: float, b: float, floor: float = ZERO_FLOOR) -> bool:
    """True if ``a`` and ``b`` are both zero as far as a central difference can tell."""
    return math.isfinite(a) and math.isfinite(b) and max(abs(a), abs(b)) <= floor


__all__ = ["ZERO_FLOOR", "both_near_zero", "central_differences", "relative_error", "zero_floor"]
