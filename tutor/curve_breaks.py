"""Where a sampled curve must not be drawn as one line: jumps and poles.

A plot joins its samples with straight lines. Across a pole (``1/x`` at 0, ``tan`` at
π/2) or a jump (``relu′`` and ``abs′`` at 0) that line is a lie: it shows values the
function never takes. This module finds the segments between two samples that cross
such a place, so the plot can leave a gap there (``with_gaps``: a NaN between the two
samples, drawn with ``connect="finite"``).

Two witnesses, and the curve itself has the last word:

* **The engine's knowledge.** While the sweep is built (``SweepWatch``), the inputs of
  the operations that misbehave are kept: a Function whose class has a ``kink`` (relu,
  abs: no derivative at 0, so f′ and f″ may jump there) and the poles (the divisor of
  ÷, the base of a negative power, tan where cos of its input is 0). A segment whose
  input changes sign is a candidate; it is broken if the curve's two samples there do
  not continue the lines coming from either side (``relu(x)²`` has a kink inside, but
  its f′ = 2·relu(x) is continuous and stays joined; ``sin(x)/x`` stays joined at 0).
* **The samples alone**, for what no single operation announces (a jump made of
  steep pieces, ``tanh(10⁴·x)``): a segment that rises or falls many times more than
  both its neighbours, or that crosses zero against the direction of both neighbours
  and out of line with them (the signature of a pole), is broken.

A smooth steep curve (``tanh(50·x)`` at 2,000 points over −5…5) changes by about as
much in each segment as in the next, and is never broken.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from engine.core import Variable
from tutor.formula import FORMULA_FUNCTIONS, BinaryOp, Call, Expression, Node
from tutor.op_rules import NONDIFFERENTIABLE_AT_ZERO

JUMP_RATIO = 5.0
"""A segment that changes the curve this many times more than both neighbours jumps."""

JUMP_SHARE = 0.02
"""... and by at least this share of the curve's typical span (2nd to 98th percentile)."""

MISMATCH_SHARE = 0.01
"""A candidate from the engine is broken when the samples on either side of it miss
the line extrapolated from the other side by this share of the span."""

# Operations with a pole, and what is zero there, from the input's values.
_POLE_CALLS = {"tan": np.cos}


class SweepWatch:
    """``on_node`` for ``Expression.build`` over a sweep: keeps the inputs of the
    operations with a kink or a pole (references, not copies)."""

    def __init__(self, expr: Expression) -> None:
        self.expr = expr
        self._data: dict[int, np.ndarray] = {}
        self._wanted = _watched_children(expr)

    def __call__(self, node: Node, variable: Variable) -> None:
        if id(node) in self._wanted:
            self._data[id(node)] = variable.data

    def candidates(self, size: int) -> tuple[np.ndarray, np.ndarray]:
        """(kink segments, pole segments): boolean masks over the ``size − 1`` segments."""
        kinks = np.zeros(max(size - 1, 0), dtype=bool)
        poles = np.zeros_like(kinks)
        if size < 2:
            return kinks, poles
        for node in self.expr.nodes:
            if isinstance(node, Call):
                arg = self._data.get(id(node.args[0]))
                if arg is None:
                    continue
                op = FORMULA_FUNCTIONS[node.name]
                if op.__name__ in NONDIFFERENTIABLE_AT_ZERO:
                    kinks |= sign_changes(arg, size)
                if node.name in _POLE_CALLS:
                    with np.errstate(all="ignore"):
                        poles |= sign_changes(_POLE_CALLS[node.name](arg), size)
            elif isinstance(node, BinaryOp):
                if node.op == "/":
                    divisor = self._data.get(id(node.right))
                    if divisor is not None:
                        poles |= sign_changes(divisor, size) | dips_to_zero(divisor, size)
                elif node.op == "^" and id(node.left) in self._data:
                    base = self._data[id(node.left)]
                    poles |= sign_changes(base, size) | dips_to_zero(base, size)
        return kinks, poles


def _watched_children(expr: Expression) -> set[int]:
    """The nodes whose values tell where a kink or pole is (by id)."""
    wanted: set[int] = set()
    for node in expr.nodes:
        if isinstance(node, Call):
            op = FORMULA_FUNCTIONS[node.name]
            if op.__name__ in NONDIFFERENTIABLE_AT_ZERO or node.name in _POLE_CALLS:
                wanted.add(id(node.args[0]))
        elif isinstance(node, BinaryOp) and node.op == "/":
            wanted.add(id(node.right))
        elif isinstance(node, BinaryOp) and node.op == "^" and expr.is_folded(node.right):
            exponent = float(np.asarray(Expression.from_tree(node.right).evaluate({})))
            if exponent < 0:  # x^-1: a pole where the base is 0
                wanted.add(id(node.left))
    return wanted


def sign_changes(values: np.ndarray, size: int) -> np.ndarray:
    """Segments (of ``size`` samples) where ``values`` changes sign or touches 0."""
    v = np.broadcast_to(np.asarray(values, dtype=np.float64), (size,))
    s = np.sign(v)
    return (s[:-1] != s[1:]) & np.isfinite(v[:-1]) & np.isfinite(v[1:])


def dips_to_zero(values: np.ndarray, size: int) -> np.ndarray:
    """Segments where |values| is lowest around them (``x²`` near 0, which has a pole
    in ``1/x²`` without changing sign): |v| falls into sample i and rises out of i+1."""
    out = np.zeros(size - 1, dtype=bool)
    if size < 4:
        return out
    a = np.abs(np.broadcast_to(np.asarray(values, dtype=np.float64), (size,)))
    out[1:-1] = (a[1:-2] <= a[:-3]) & (a[2:-1] <= a[3:])
    return out


def _span(y: np.ndarray) -> float:
    """The curve's typical span: 2nd to 98th percentile of its finite values (found by
    a partial sort, the slider's path is short)."""
    finite = y if np.isfinite(y).all() else y[np.isfinite(y)]
    n = finite.size
    if n < 2:
        return 0.0
    lo, hi = int(0.02 * (n - 1)), int(np.ceil(0.98 * (n - 1)))
    part = np.partition(finite, (lo, hi))
    return float(part[hi] - part[lo])


def _mismatch(y: np.ndarray) -> np.ndarray:
    """Per segment i (samples i, i+1): how far the samples miss the straight lines
    continued from the left (through i−1, i) and from the right (through i+1, i+2);
    the smaller of the two, inf where a side is missing."""
    n = y.size
    out = np.full(n - 1, np.inf)
    if n < 4:
        return out
    with np.errstate(all="ignore"):
        from_left = np.abs(y[2:] - (2 * y[1:-1] - y[:-2]))  # segments 1 .. n-2
        from_right = np.abs(y[:-2] - (2 * y[1:-1] - y[2:]))  # segments 0 .. n-3
    left = np.full(n - 1, np.inf)
    right = np.full(n - 1, np.inf)
    left[1:] = from_left
    right[:-1] = from_right
    out = np.fmin(left, right)
    return np.where(np.isnan(out), np.inf, out)


def curve_breaks(y: np.ndarray, candidates: np.ndarray | None = None) -> np.ndarray:
    """Boolean mask over the segments of ``y`` (one sample to the next) to leave out.

    ``candidates`` are the segments where the engine knows of a kink or pole; the
    samples decide everywhere else (see the module's docstring).
    """
    y = np.asarray(y, dtype=np.float64)
    n = y.size
    if n < 2:
        return np.zeros(0, dtype=bool)
    span = _span(y)
    scale = float(np.max(np.abs(y[np.isfinite(y)]), initial=0.0))
    tol = JUMP_SHARE * span + 1e-12 * (1.0 + scale)
    with np.errstate(all="ignore"):
        step = np.diff(y)
    d = np.abs(step)
    d = np.where(np.isfinite(d), d, np.nan)
    left = np.concatenate(([np.nan], d[:-1]))
    right = np.concatenate((d[1:], [np.nan]))
    neighbours = np.fmax(left, right)  # nan only where both are missing
    breaks = np.zeros(n - 1, dtype=bool)
    known = np.isfinite(neighbours) & np.isfinite(d)
    # a resolution-limited jump: far more change than on either side
    breaks[known] = (d[known] > JUMP_RATIO * neighbours[known]) & (d[known] > tol)
    # a pole's signature: crossing 0 against both neighbours, out of line with them
    with np.errstate(all="ignore"):
        crosses = (y[:-1] * y[1:]) < 0
        s = np.sign(step)
        s_left = np.concatenate(([np.nan], s[:-1]))
        s_right = np.concatenate((s[1:], [np.nan]))
        against = (s * s_left < 0) & (s * s_right < 0)  # False where a side is missing
    pole_like = crosses & against
    has_candidates = candidates is not None and bool(candidates.any())
    if pole_like.any() or has_candidates:  # most curves have neither: skip the rest
        mismatch = _mismatch(y)
        breaks |= pole_like & (mismatch > tol)
        if has_candidates:
            out_of_line = mismatch > max(MISMATCH_SHARE * span, 1e-12 * (1.0 + scale))
            breaks |= candidates & out_of_line & np.isfinite(d)
    # a segment cut off on both sides joins two samples that continue neither side:
    # the top of 1/x² drawn flat across its pole
    if n > 3:
        breaks[1:-1] |= breaks[:-2] & breaks[2:]
    return breaks


def sweep_breaks(
    watch: SweepWatch | None, curves: Mapping[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """The segments to leave out of each curve ``f``, ``df``, ``d2f`` of one sweep.

    f breaks at poles; its derivatives at poles and kinks (where f′ itself may jump).
    """
    size = next((c.size for c in curves.values()), 0)
    if watch is not None:
        kinks, poles = watch.candidates(size)
    else:
        kinks = poles = None
    out = {}
    for key, y in curves.items():
        if key == "f" or kinks is None:
            cand = poles
        else:
            cand = kinks | poles
        out[key] = curve_breaks(y, cand)
    return out


def with_gaps(
    x: np.ndarray, y: np.ndarray, breaks: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """``x``, ``y`` with a NaN point in the middle of every broken segment, so a plot
    that connects finite points (pyqtgraph ``connect="finite"``) leaves a gap there."""
    if breaks is None or not breaks.any():
        return x, y
    at = np.flatnonzero(breaks) + 1
    mid = 0.5 * (x[at - 1] + x[at])
    return np.insert(x, at, mid), np.insert(np.asarray(y, dtype=np.float64), at, np.nan)


__all__ = [
    "JUMP_RATIO",
    "JUMP_SHARE",
    "MISMATCH_SHARE",
    "SweepWatch",
    "curve_breaks",
    "sign_changes",
    "sweep_breaks",
    "with_gaps",
]
