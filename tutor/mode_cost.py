"""What the full gradient (or Jacobian) of a formula costs in each mode, measured.

Forward mode gets one *column* of the Jacobian per pass (the tangent 1 on one input, 0
on the others), so the full Jacobian of f: Rⁿ → Rᵐ takes n passes. Reverse mode gets
one *row* per backward pass (the output grad 1 on one output, 0 on the others): m
passes. ``measure(expr, point)`` runs both, for real, on the engine, and counts:

* ``passes``: forward passes with tangents (``engine.forward.jvp``'s propagator), or
  backward passes (each after its own forward build);
* ``primal``: Functions evaluated to compute the values (the forward build);
* ``rules``: tangent rules run (forward mode) or ``backward`` methods called (reverse);
* ``total``: every Function evaluation (``engine.core.count_ops``), those the rules and
  backward methods make inside themselves included.

Nothing is estimated: each count is an observer's tally of what ran.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from engine.core import BackwardTracer, Function, Variable, count_ops, observing, using_config
from engine.forward import TangentPropagator
from tutor.formula import Expression
from tutor.messages import Message


@dataclass(frozen=True)
class ModeCost:
    """The cost of one mode's full Jacobian: see the module's docstring."""

    mode: str  # "forward" or "reverse"
    passes: int
    primal: int
    rules: int
    total: int


@dataclass(frozen=True)
class CostComparison:
    inputs: int
    outputs: int
    forward: ModeCost
    reverse: ModeCost

    def summary(self) -> Message:
        """One sentence comparing the two (numbers only, nothing to format)."""
        return Message(
            "{inputs} inputs, {outputs} outputs: forward mode needs {fp} passes "
            "({fo} operations), reverse mode {rp} backward passes ({ro} operations)",
            inputs=self.inputs,
            outputs=self.outputs,
            fp=self.forward.passes,
            fo=self.forward.total,
            rp=self.reverse.passes,
            ro=self.reverse.total,
        )


class _RuleCounter(TangentPropagator):
    """The engine's propagator, counting the rules it runs (not the calls inside them)."""

    def __init__(self) -> None:
        super().__init__()
        self.primal = 0
        self.rules = 0

    def on_call(self, f: Function, inputs: list[Variable], outputs: list[Variable]) -> None:
        if self._in_rule:
            return
        self.primal += 1
        ran = any(self.tangent(x) is not None for x in inputs)
        super().on_call(f, inputs, outputs)
        self.rules += ran


class _BackwardCounter(BackwardTracer):
    def __init__(self) -> None:
        self.calls = 0

    def on_backward(self, f: Function, gys: list, gxs: tuple) -> None:
        self.calls += 1


def _inputs(expr: Expression, point: Mapping[str, float]) -> dict[str, Variable]:
    return {
        name: Variable(np.array(float(point.get(name, 1.0))), name=name) for name in expr.variables
    }


def _as_tuple(built) -> tuple[Variable, ...]:
    return built if isinstance(built, tuple) else (built,)


def measure_forward(expr: Expression, point: Mapping[str, float]) -> ModeCost:
    """n forward passes, tangent 1 on one input each time: the Jacobian's n columns."""
    primal = rules = total = 0
    names = list(expr.variables)
    with np.errstate(all="ignore"):
        for wrt in names:
            counter = _RuleCounter()
            xs = _inputs(expr, point)
            for name, x in xs.items():
                counter.seed(x, Variable(np.array(1.0 if name == wrt else 0.0)))
            with count_ops() as ops, using_config("enable_backprop", True), observing(counter):
                expr.build(xs)
            primal += counter.primal
            rules += counter.rules
            total += ops.total
    return ModeCost("forward", len(names), primal, rules, total)


def measure_reverse(expr: Expression, point: Mapping[str, float]) -> ModeCost:
    """m backward passes, one per output (each after its own forward build): the rows."""
    primal = rules = total = 0
    m = len(expr.outputs)
    with np.errstate(all="ignore"):
        for k in range(m):
            xs = _inputs(expr, point)
            with count_ops() as build_ops, using_config("enable_backprop", True):
                y = _as_tuple(expr.build(xs))[k]
            counter = _BackwardCounter()
            with count_ops() as back_ops:
                y.backward(tracer=counter)
            primal += build_ops.total
            rules += counter.calls
            total += build_ops.total + back_ops.total
    return ModeCost("reverse", m, primal, rules, total)


def compare(expr: Expression, point: Mapping[str, float]) -> CostComparison:
    """Both modes' cost of the full Jacobian of ``expr`` at ``point``."""
    return CostComparison(
        len(expr.variables),
        len(expr.outputs),
        measure_forward(expr, point),
        measure_reverse(expr, point),
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m tutor.mode_cost "(x*y, sin(x) + y^2)" x=0.5 y=2``: both modes' cost."""
    import sys

    from tutor.formula import ParseError, parse

    args = sys.argv[1:] if argv is None else argv
    if not args:
        print('usage: python -m tutor.mode_cost "EXPR" [name=value ...]', file=sys.stderr)
        return 2
    try:
        expr = parse(args[0])
        point = {}
        for item in args[1:]:
            name, _, value = item.partition("=")
            point[name] = float(value)
    except (ParseError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    c = compare(expr, point)
    print(f"{c.inputs} inputs, {c.outputs} outputs")
    for m in (c.forward, c.reverse):
        print(
            f"{m.mode:7}  passes {m.passes:4}  operations {m.total:6}  "
            f"(building {m.primal}, rules run {m.rules})"
        )
    return 0


__all__ = ["CostComparison", "ModeCost", "compare", "main", "measure_forward", "measure_reverse"]

if __name__ == "__main__":
    raise SystemExit(main())
