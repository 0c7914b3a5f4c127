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


def relative_error(a: float, b: float) -> float:
    """|a − b| / max(|a|, |b|, 1); nan when either is not finite.

    The floor of 1 makes it the absolute error for derivatives smaller than 1, so a
    true 0 next to a difference quotient of 3e−12 reads as 3e−12, not as 100 %.
    """
    if not (math.isfinite(a) and math.isfinite(b)):
        return math.nan
    return abs(a - b) / max(abs(a), abs(b), 1.0)


__all__ = ["central_differences", "relative_error"]
