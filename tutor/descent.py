"""Walking downhill: gradient descent and Newton's method, on the engine.

- ``GradientDescent`` and ``Newton`` take one step per engine run at a scalar point,
  exactly like the book's step 28 (Rosenbrock) and step 29/33 (Newton with f″ from
  ``create_graph``). They are deterministic, keep the history of visited points, and
  stop — with a reason, never an exception — when the run diverges or converges.

No Qt here: the map and optimizer panels in ``gui/`` draw what these compute.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from engine.core import Variable
from tutor.formula import Expression
from tutor.messages import Message

# =============================================================================
# steppers
# =============================================================================

# Why a run stopped; ``describe_stop`` turns a Stop into a sentence.
NOT_FINITE = "not_finite"  # f or a derivative became inf or NaN
RUNAWAY = "runaway"  # the point grew without bound
GROWING = "growing"  # descent: f went up step after step (the learning rate is too large)
CONVERGED = "converged"  # the step became negligibly small
FLAT = "flat"  # Newton: f″ = 0, the step is undefined
OUT_OF_RANGE = "out_of_range"  # the point left the given bounds (the sliders' ranges)

RUNAWAY_LIMIT = 1e6  # |coordinate| beyond this (or 1000× the start) counts as runaway
GROWTH_STEPS = 10  # descent whose f rises this many steps in a row has diverged
CONVERGED_TOL = 1e-12  # relative step size below which a run has converged


@dataclass
class Stop:
    """Why a run cannot go on: ``reason`` is one of the constants above."""

    reason: str
    iteration: int
    detail: dict = field(default_factory=dict)

    @property
    def diverged(self) -> bool:
        return self.reason in (NOT_FINITE, RUNAWAY, GROWING)


class Stepper:
    """Common state of an optimizer walking f from a start point.

    ``variables`` are the coordinates being optimized (in order); every other variable
    the expression uses is held at its value in ``fixed``. ``history`` holds every
    visited point (``iteration + 1`` rows, the start first) and ``values`` f at each;
    both are views into buffers that grow by doubling, so appending is cheap.
    """

    name = "stepper"
    # Descent never goes uphill with a small enough learning rate, so f rising step
    # after step means divergence. Newton may rightly climb (towards a maximum).
    watches_growth = False

    def __init__(
        self,
        expr: Expression,
        start: Mapping[str, float],
        variables: Sequence[str],
        fixed: Mapping[str, float] | None = None,
        bounds: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        variables = tuple(variables)
        if not variables:
            raise ValueError("nothing to optimize: no variables given")
        if len(set(variables)) != len(variables):
            raise ValueError(f"variables must be different, got {variables}")
        self.expr = expr
        self.variables = variables
        self.fixed = {
            name: float((fixed or {}).get(name, start.get(name, 1.0)))
            for name in expr.variables
            if name not in variables
        }
        self.start = np.array([float(start.get(name, 1.0)) for name in variables])
        self._limit = max(RUNAWAY_LIMIT, 1000.0 * float(np.max(np.abs(self.start))))
        bounds = bounds or {}
        # Plain floats from here on: with one or two coordinates, numpy calls would
        # cost more than the arithmetic (the engine run is what each step is about).
        self._bounds = [
            (
                float(bounds.get(v, (-math.inf, math.inf))[0]),
                float(bounds.get(v, (-math.inf, math.inf))[1]),
            )
            for v in variables
        ]
        self.reset()

    # -- state ------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the start, forgetting the history."""
        self.iteration = 0
        self.stop: Stop | None = None
        self._rises = 0  # how many steps in a row f went up
        self._hist = np.empty((64, len(self.variables)))
        self._vals = np.empty(64)
        self._count = 0
        self._p: list[float] = self.start.tolist()
        with np.errstate(all="ignore"):
            self._evaluate_here()
        if not (math.isfinite(self._f) and all(map(math.isfinite, self._g))):
            self._halt(NOT_FINITE, what="start")
        self._record()

    @property
    def point(self) -> dict[str, float]:
        """The current point, by variable name."""
        return dict(zip(self.variables, self._p, strict=True))

    @property
    def value(self) -> float:
        """f at the current point."""
        return self._f

    @property
    def gradient(self) -> np.ndarray:
        """∇f at the current point (one entry per optimized variable)."""
        return np.array(self._g)

    @property
    def history(self) -> np.ndarray:
        """Every visited point, the start first: shape (iteration + 1, len(variables))."""
        return self._hist[: self._count]

    @property
    def values(self) -> np.ndarray:
        """f at every visited point."""
        return self._vals[: self._count]

    @property
    def stopped(self) -> bool:
        return self.stop is not None

    @property
    def diverged(self) -> bool:
        return self.stop is not None and self.stop.diverged

    @property
    def message(self) -> str:
        """Why the run stopped, in English ('' while it can go on); ``describe_stop``
        gives the sentence for translation."""
        return str(describe_stop(self.stop)) if self.stop else ""

    # -- stepping -------------------------------------------------------------

    def step(self, n: int = 1) -> int:
        """Take up to ``n`` steps; returns how many were taken (fewer if it stopped)."""
        taken = 0
        isfinite = math.isfinite
        with np.errstate(all="ignore"):
            while taken < n and self.stop is None:
                new = self._next_point()
                if new is None:  # the stepper set self.stop
                    break
                problem = self._check(new)
                if problem is not None and problem[0] != OUT_OF_RANGE:
                    self._halt(problem[0], **problem[1])
                    break
                old, old_f, old_g = self._p, self._f, self._g
                self._p = new
                self._evaluate_here()
                if not (isfinite(self._f) and all(map(isfinite, self._g))):
                    bad = "f" if not isfinite(self._f) else "gradient"
                    # keep the last good point as the current one
                    self._p, self._f, self._g = old, old_f, old_g
                    self._halt(NOT_FINITE, what=bad)
                    break
                if problem is not None:  # out of range: stay, and say whether uphill
                    uphill = self.watches_growth and self._f > old_f
                    self._p, self._f, self._g = old, old_f, old_g
                    self._halt(GROWING if uphill else OUT_OF_RANGE, **problem[1])
                    break
                self.iteration += 1
                taken += 1
                self._record()
                self._rises = self._rises + 1 if self._f > old_f else 0
                if self.watches_growth and self._rises >= GROWTH_STEPS:
                    self._halt(GROWING, steps=self._rises)
                    break
                size = max(abs(a - b) for a, b in zip(new, old, strict=True))
                if size <= CONVERGED_TOL * (1.0 + max(map(abs, new))):
                    self._halt(CONVERGED)
        return taken

    def _check(self, new: list[float]) -> tuple[str, dict] | None:
        """Why ``new`` must not be taken (reason, detail), or None if it is fine."""
        for name, x, (lo, hi) in zip(self.variables, new, self._bounds, strict=True):
            if not math.isfinite(x):
                return NOT_FINITE, {"what": "point"}
            if abs(x) > self._limit:
                return RUNAWAY, {"limit": self._limit}
            if not lo <= x <= hi:
                return OUT_OF_RANGE, {"variable": name}
        return None

    def _next_point(self) -> list[float] | None:
        raise NotImplementedError

    def _halt(self, reason: str, **detail) -> None:
        detail.setdefault("variables", self.variables)
        detail.setdefault("point", self.point)
        self.stop = Stop(reason, self.iteration, detail)

    def _record(self) -> None:
        if self._count == len(self._vals):
            self._hist = np.concatenate([self._hist, np.empty_like(self._hist)])
            self._vals = np.concatenate([self._vals, np.empty_like(self._vals)])
        self._hist[self._count] = self._p
        self._vals[self._count] = self._f
        self._count += 1

    def _inputs(self) -> dict[str, Variable]:
        inputs = {name: Variable(np.array(v), name=name) for name, v in self.fixed.items()}
        for name, v in zip(self.variables, self._p, strict=True):
            inputs[name] = Variable(np.array(v), name=name)
        return inputs

    def _evaluate_here(self) -> None:
        """f and ∇f at the current point: one engine forward and backward pass.

        Callers silence numpy's floating-point warnings around it (``np.errstate``).
        """
        inputs = self._inputs()
        y = self.expr.build(inputs)
        y.backward()
        self._f = _scalar(y)
        self._g = [_scalar(inputs[name].grad) for name in self.variables]


def _scalar(v: Variable | None) -> float:
    if v is None:  # f does not depend on this variable
        return 0.0
    a = v.data
    if isinstance(a, np.ndarray) and a.ndim == 0:
        return float(a)
    a = np.asarray(a, dtype=np.float64)
    return float(a.reshape(-1)[0]) if a.size else math.nan


class GradientDescent(Stepper):
    """x ← x − lr · ∇f(x): the book's step 28, on any expression."""

    name = "gradient descent"
    watches_growth = True

    def __init__(
        self,
        expr: Expression,
        start: Mapping[str, float],
        variables: Sequence[str],
        lr: float = 0.001,
        fixed: Mapping[str, float] | None = None,
        bounds: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        lr = float(lr)
        if not (math.isfinite(lr) and lr > 0):
            raise ValueError(f"the learning rate must be a positive number, got {lr}")
        self.lr = lr
        super().__init__(expr, start, variables, fixed, bounds)

    def _next_point(self) -> list[float]:
        lr = self.lr
        return [p - lr * g for p, g in zip(self._p, self._g, strict=True)]


class Newton(Stepper):
    """x ← x − f′(x) / f″(x) along one variable, with f″ from ``create_graph``.

    The book's step 33: backward once with ``create_graph=True`` so that the gradient
    is itself a graph, then backward through that gradient for the second derivative.
    Newton looks for a point where f′ = 0, so where f″ < 0 it heads for a maximum.
    """

    name = "Newton's method"

    def __init__(
        self,
        expr: Expression,
        start: Mapping[str, float],
        variable: str,
        fixed: Mapping[str, float] | None = None,
        bounds: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        self.d2f = math.nan
        super().__init__(expr, start, (variable,), fixed, bounds)

    def _evaluate_here(self) -> None:
        name = self.variables[0]
        inputs = self._inputs()
        x = inputs[name]
        y = self.expr.build(inputs)
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        if gx is not None and gx.creator is not None:
            gx.backward()
            self.d2f = _scalar(x.grad)
        else:  # f′ does not depend on x (f is linear or constant in it)
            self.d2f = 0.0
        self._f = _scalar(y)
        self._g = [_scalar(gx)]

    def _next_point(self) -> list[float] | None:
        g, h = self._g[0], self.d2f
        if g == 0.0:
            self._halt(CONVERGED)
            return None
        if not math.isfinite(h):
            self._halt(NOT_FINITE, what="second derivative")
            return None
        if h == 0.0:
            self._halt(FLAT)
            return None
        return [self._p[0] - g / h]


TRAIL_DISPLAY_POINTS = 3000  # a longer trail is thinned for drawing (start kept whole)


def thin_trail(n: int, keep: int = TRAIL_DISPLAY_POINTS) -> slice | np.ndarray:
    """Indices of a trail of ``n`` visited points to draw: all of the first few hundred
    (where the steps are large), evenly spaced ones after that, and always the last."""
    if n <= keep:
        return slice(0, n)
    head = keep // 4
    rest = np.linspace(head, n - 1, keep - head).astype(np.intp)
    return np.concatenate([np.arange(head), rest])


def describe_stop(stop: Stop) -> Message:
    """Why a run stopped, in one sentence (``str()`` of it is the English)."""
    n = stop.iteration
    detail = stop.detail
    if stop.reason == CONVERGED:
        return Message("Converged after {n} steps: the step became negligibly small.", n=n)
    if stop.reason == FLAT:
        return Message("Stopped at step {n}: f″ = 0 here, so Newton's step is undefined.", n=n)
    if stop.reason == OUT_OF_RANGE:
        return Message(
            "Stopped at step {n}: the next step leaves the slider range of {name}.",
            n=n,
            name=detail["variable"],
        )
    if stop.reason == GROWING and "steps" in detail:
        return Message(
            "Diverged at step {n}: f went up at each of the last {k} steps. "
            "Try a smaller learning rate.",
            n=n,
            k=detail["steps"],
        )
    if stop.reason == GROWING:
        return Message(
            "Diverged at step {n}: f went up and the next step leaves the slider range of "
            "{name}. Try a smaller learning rate.",
            n=n,
            name=detail["variable"],
        )
    if stop.reason == RUNAWAY:
        return Message(
            "Diverged at step {n}: the point ran away beyond ±{limit:g}. "
            "Try a smaller learning rate.",
            n=n,
            limit=detail["limit"],
        )
    if stop.reason == NOT_FINITE and detail.get("what") == "start":
        return Message("Cannot start here: f or its derivative is not finite at this point.")
    return Message(
        "Diverged at step {n}: values became infinite or undefined. Try a smaller learning rate.",
        n=n,
    )


# =============================================================================
# presets
# =============================================================================


@dataclass(frozen=True)
class Preset:
    """A ready-made landscape: expression, slider ranges, start point and optimizer.

    ``variables`` maps a name to (start, min, max). ``map_vars`` are the map's axes
    (None for one variable). ``method`` is "gd" or "newton".
    """

    key: str
    expression: str
    variables: dict[str, tuple[float, float, float]]
    method: str
    lr: float = 0.001
    steps_per_frame: int = 50
    map_vars: tuple[str, str] | None = None
    log_color: bool = False


PRESETS: tuple[Preset, ...] = (
    # The book's step 28: from (0, 2) with lr 0.001, descent creeps along the curved
    # valley towards the minimum at (1, 1).
    Preset(
        "rosenbrock",
        "100*(x1 - x0^2)^2 + (1 - x0)^2",
        {"x0": (0.0, -2.0, 2.0), "x1": (2.0, -1.0, 3.0)},
        "gd",
        lr=0.001,
        steps_per_frame=200,
        map_vars=("x0", "x1"),
        log_color=True,
    ),
    # The book's step 29 / 33: Newton's method reaches the minimum at 1 in a few steps.
    Preset("quartic_newton", "x^4 - 2*x^2", {"x": (2.0, -2.5, 2.5)}, "newton", steps_per_frame=1),
    # A saddle: descent from near the ridge slides off along y.
    Preset(
        "saddle",
        "x^2 - y^2",
        {"x": (1.5, -2.0, 2.0), "y": (0.05, -2.0, 2.0)},
        "gd",
        lr=0.02,
        steps_per_frame=1,
        map_vars=("x", "y"),
    ),
)


def preset(key: str) -> Preset:
    for p in PRESETS:
        if p.key == key:
            return p
    raise KeyError(f"no preset named {key!r}")


__all__ = [
    "CONVERGED",
    "FLAT",
    "GROWING",
    "NOT_FINITE",
    "OUT_OF_RANGE",
    "PRESETS",
    "RUNAWAY",
    "GradientDescent",
    "Newton",
    "Preset",
    "Stepper",
    "Stop",
    "describe_stop",
    "preset",
    "thin_trail",
]
