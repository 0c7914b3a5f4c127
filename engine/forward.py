"""Forward-mode differentiation over the same Functions: ``jvp``.

Reverse mode (``backward``) starts from an output and gives the derivative of that one
output with respect to *every* input: one pass per output. Forward mode starts from the
inputs: each input ``x`` carries a *tangent* ``ẋ``, the direction it moves in, and every
Function, right after its ``forward``, turns its inputs' tangents into its output's
tangent with its ``jvp`` rule (``Sin``: ``ẏ = cos(x) · ẋ``, beside ``gx = gy · cos(x)``).
At the end each output's tangent is its directional derivative along the inputs'
tangents: one pass per input direction, and no backward pass at all.

    >>> import numpy as np
    >>> import engine.functions as F
    >>> (y,), (ydot,) = jvp(lambda x: F.sin(x) * x, [np.array(0.5)], [np.array(1.0)])
    >>> float(ydot.data)  # d/dx (x sin x) = sin x + x cos x at 0.5
    0.9182168195493894

A full gradient of f(x1, ..., xn) takes n such passes (tangent 1 on one input, 0 on the
others) where reverse mode takes one; for one input and many outputs it is the other way
round. ``count_ops`` (engine/core.py) measures what each pass costs.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence

import numpy as np

from engine.core import CallObserver, Config, Function, Variable, no_grad, observing, using_config


class TangentPropagator(CallObserver):
    """Gives every Variable computed while it observes the tangent of its value.

    A Variable that was never given a tangent (a constant, a number in the formula)
    has tangent zero; a Function whose inputs all have tangent zero is skipped (its
    output's tangent is zero too), so constant parts of a formula cost nothing.
    """

    def __init__(self) -> None:
        # id(Variable) -> (the Variable, its tangent). Holding the Variable keeps it
        # alive, so its id cannot be reused by another one during the pass.
        self._tangents: dict[int, tuple[Variable, Variable]] = {}
        self._in_rule = False  # the tangent rules call Functions of their own

    def seed(self, x: Variable, xdot: Variable) -> None:
        self._tangents[id(x)] = (x, xdot)

    def tangent(self, x: Variable) -> Variable | None:
        """The tangent of ``x``, or None if it is zero."""
        entry = self._tangents.get(id(x))
        return None if entry is None else entry[1]

    def on_call(self, f: Function, inputs: list[Variable], outputs: list[Variable]) -> None:
        if self._in_rule:
            return
        xdots = [self.tangent(x) for x in inputs]
        if all(xdot is None for xdot in xdots):
            return
        # A zero tangent is written out only where a rule needs all of them.
        xdots = [
            Variable(np.zeros_like(x.data, dtype=np.result_type(x.data, 1.0)))
            if xdot is None
            else xdot
            for x, xdot in zip(inputs, xdots, strict=True)
        ]
        if not Config.enable_backprop:
            # Under no_grad nothing was recorded, but a tangent rule reads the inputs
            # and outputs as backward does: hand them over for this one call.
            f.inputs = inputs
            f.outputs = [weakref.ref(y) for y in outputs]
        self._in_rule = True
        try:
            with no_grad():  # the tangents' arithmetic is not part of the graph
                ydots = f.jvp(*xdots)
        finally:
            self._in_rule = False
        if not isinstance(ydots, tuple):
            ydots = (ydots,)
        for y, ydot in zip(outputs, ydots, strict=True):
            self._tangents[id(y)] = (y, ydot)


def jvp(
    fn: Callable[..., Variable | tuple[Variable, ...]],
    inputs: Sequence[np.ndarray],
    tangents: Sequence[np.ndarray],
) -> tuple[tuple[Variable, ...], tuple[Variable, ...]]:
    """Run ``fn`` once, forward, carrying tangents: ``(outputs, output_tangents)``.

    ``fn`` takes one Variable per element of ``inputs`` (ndarrays) and returns a Variable
    or a tuple of them. ``tangents`` has one ndarray per input, of the same shape: the
    direction u. The output tangents are the directional derivatives J·u, computed in
    this one forward pass; both results are tuples with one entry per output.

    The graph is recorded as usual (each tangent rule reads its Function's ``inputs``
    and ``outputs``, as ``backward`` does), but no backward pass is run.
    """
    if len(inputs) != len(tangents):
        raise ValueError(f"jvp got {len(inputs)} input(s) but {len(tangents)} tangent(s)")
    xs, propagator = [], TangentPropagator()
    for i, (value, direction) in enumerate(zip(inputs, tangents, strict=True)):
        x = Variable(np.asarray(value))
        xdot = np.asarray(direction, dtype=np.result_type(x.data, 1.0))
        if xdot.shape != x.shape:
            raise ValueError(
                f"tangent {i} has shape {xdot.shape}, but input {i} has shape {x.shape}"
            )
        propagator.seed(x, Variable(xdot))
        xs.append(x)

    with using_config("enable_backprop", True), observing(propagator):
        ys = fn(*xs)

    outputs = ys if isinstance(ys, tuple) else (ys,)
    output_tangents = []
    for y in outputs:
        ydot = propagator.tangent(y)
        if ydot is None:  # y does not depend on the inputs
            ydot = Variable(np.zeros_like(y.data, dtype=np.result_type(y.data, 1.0)))
        output_tangents.append(ydot)
    return tuple(outputs), tuple(output_tangents)


__all__ = ["TangentPropagator", "jvp"]
