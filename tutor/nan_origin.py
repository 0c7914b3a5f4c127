"""Where a NaN or an infinity first appeared: ``find_origin(trace)``.

A NaN spreads: once one operation gives ``nan``, everything computed from it is ``nan``
too, so the output says nothing about its cause. The cause is the *first* operation
whose result was not finite while everything it was given was. In the forward pass
that is the first Function, in recording order, with a non-finite output (``log`` of
a negative number); if the forward pass is finite, it is the first step of the
backward pass whose ``gx`` is not finite (the derivative of ``sqrt`` at 0). This is
what ``torch.autograd.detect_anomaly`` and ``jax_debug_nans`` answer for their users.

The explanation is a ``Message`` in the learner's words ("log got −1: log is undefined
for x ≤ 0"), translated by the window, printed in English by ``main.py eval``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from tutor.backward_trace import BackwardTrace, record_expression
from tutor.formula import Expression
from tutor.messages import Message
from tutor.numbers import array_summary
from tutor.snapshot import FunctionNode, GraphSnapshot


@dataclass(frozen=True)
class NanOrigin:
    """The first operation whose result was not finite.

    ``direction`` is ``"forward"`` (its value) or ``"backward"`` (its ``gx``);
    ``function`` the Function's node id; ``step`` the 1-based backward step that
    produced the non-finite ``gx`` (None in the forward pass); ``op`` the operation's
    function name (``log``, ``div``, ``sqrt``); ``why`` the explanation.
    """

    direction: str
    function: int
    step: int | None
    op: str
    why: Message

    def note(self) -> Message:
        """One sentence naming the operation and the pass, with the reason."""
        if self.direction == "forward":
            return Message(
                "the first operation whose result was not finite is {op}: {why}",
                op=self.op, why=self.why,
            )  # fmt: skip
        return Message(
            "the first operation whose gradient was not finite is {op} "
            "(backward step {step}): {why}",
            op=self.op, step=self.step, why=self.why,
        )  # fmt: skip


def op_name(f: FunctionNode) -> str:
    """The function name of an op, as a learner types it: ``div`` for Div and DivConst."""
    name = f.op
    if name.endswith("Const"):
        name = name[: -len("Const")]
    return {"PowVar": "pow"}.get(name, name).lower()


def _finite(a: np.ndarray | None) -> bool:
    return a is None or bool(np.all(np.isfinite(a)))


def _text(a) -> str:
    return array_summary(a)


def _forward_why(snap: GraphSnapshot, f: FunctionNode) -> Message:
    op = op_name(f)
    xs = [snap.nodes[i].data for i in f.inputs]
    x = xs[0] if xs else None
    if op == "log":
        return Message("log got {x}: log is undefined for x ≤ 0", x=_text(x))
    if op == "sqrt":
        return Message("sqrt got {x}: sqrt is undefined for x < 0", x=_text(x))
    if op == "div":
        divisor = xs[1] if len(xs) == 2 else np.asarray(f.params.get("c"))
        return Message(
            "div got {x} ÷ {d}: dividing by 0 has no finite result",
            x=_text(xs[0] if len(xs) == 2 else x), d=_text(divisor),
        )  # fmt: skip
    if op == "pow":
        c = f.params.get("c") if "c" in f.params else (xs[1] if len(xs) == 2 else None)
        if x is not None and np.any(np.asarray(x) == 0):
            return Message(
                "pow got 0 to the power {c}: 0 to a negative power is infinite",
                c=_text(np.asarray(c)),
            )
        return Message(
            "pow got {x} to the power {c}: a negative number to a fractional power "
            "is undefined",
            x=_text(x), c=_text(np.asarray(c)),
        )  # fmt: skip
    y = snap.nodes[f.outputs[0]].data if f.outputs else None
    return Message(
        "{op} got {x} and gave {y}: the result is too large or undefined",
        op=op, x=", ".join(_text(v) for v in xs), y=_text(y),
    )  # fmt: skip


def _backward_why(snap: GraphSnapshot, f: FunctionNode, gys, gxs) -> Message:
    op = op_name(f)
    x = snap.nodes[f.inputs[0]].data if f.inputs else None
    gx = next((g for g in gxs if not _finite(g)), None)
    if op == "sqrt":
        return Message(
            "the derivative of sqrt, 1/(2√x), is infinite at x = {x}", x=_text(x)
        )
    if op == "pow" and "c" in f.params:
        return Message(
            "the derivative of x^{c}, {c}·x^({c}−1), is not finite at x = {x}",
            c=_text(np.asarray(f.params["c"])), x=_text(x),
        )  # fmt: skip
    return Message(
        "the backward of {op} got gy = {gy} and gave gx = {gx} at x = {x}",
        op=op, gy=_text(gys[0] if gys else None), gx=_text(gx), x=_text(x),
    )  # fmt: skip


def find_origin(trace: BackwardTrace) -> NanOrigin | None:
    """The first operation, forward then backward, whose result was not finite.

    None when every value and every needed gradient is finite. Gradients nobody needs
    (a typed number's, see ``VariableNode.needs_grad``) are not looked at.
    """
    snap = trace.snapshot
    for f in snap.functions:  # ids are topological: recording order
        outs = [snap.nodes[o].data for o in f.outputs]
        if not all(_finite(y) for y in outs):
            return NanOrigin("forward", f.id, None, op_name(f), _forward_why(snap, f))
    for s in trace.steps:
        f = snap.nodes[s.function]
        needed = [
            gx
            for i, gx in zip(f.inputs, s.gxs, strict=False)
            if snap.nodes[i].needs_grad
        ]
        if not all(_finite(g) for g in needed):
            return NanOrigin(
                "backward", f.id, s.index, op_name(f), _backward_why(snap, f, s.gys, s.gxs)
            )
        for a in s.accumulations:
            if snap.nodes[a.var].needs_grad and not _finite(a.after):
                label = snap.nodes[a.var].label
                why = Message(
                    "adding up the gradient of {v} gave {g}", v=label, g=_text(a.after)
                )
                return NanOrigin("backward", f.id, s.index, op_name(f), why)
    return None


def origin_at(expr: Expression, point: Mapping[str, float]) -> NanOrigin | None:
    """``find_origin`` of ``expr``'s graph and backward pass at ``point``."""
    with np.errstate(all="ignore"):
        return find_origin(record_expression(expr, point))


__all__ = ["NanOrigin", "find_origin", "op_name", "origin_at"]
