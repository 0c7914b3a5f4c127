"""A forward-mode pass, step by step: the twin of ``tutor.backward_trace``.

``record_forward(expr, point, direction)`` builds the formula once with
``engine.forward``'s ``TangentPropagator`` watching: every input carries a tangent (the
direction u, one number per variable), and each Function, right after its ``forward``,
turns its inputs' tangents into its output's tangent with its ``jvp`` rule. No backward
pass runs. The trace keeps one ``ForwardStep`` per Function, in the order they ran (the
generation order of the graph: inputs before users), with the node ids of the same
``GraphSnapshot`` that ``tutor.backward_trace`` steps through, so a view can draw either
trace over one graph.

The rule lines are mathematics (``ẏ = cos(x) · ẋ = cos(0.5) · 1 = 0.8776``); the
sentence around a step is a ``Message``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.core import Function, Variable, observing, using_config
from engine.forward import TangentPropagator
from tutor.backward_trace import with_spans
from tutor.formula import Expression
from tutor.messages import Message
from tutor.numbers import array_summary
from tutor.op_rules import plug_in, rule_values
from tutor.snapshot import GraphSnapshot, snapshot


@dataclass(frozen=True)
class ForwardStep:
    """One Function's turn in a forward-mode pass.

    ``function`` is its node id, ``inputs``/``outputs`` its variable ids (argument
    order), ``values`` and ``tangents`` one array per output, ``input_tangents`` one per
    input (zero arrays where nothing moves). ``skipped``: no input moved along the
    direction, so the engine did not run the rule (the tangent is 0).
    """

    index: int
    function: int
    generation: int
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    values: tuple[np.ndarray, ...]
    input_tangents: tuple[np.ndarray, ...]
    tangents: tuple[np.ndarray, ...]
    skipped: bool


@dataclass(frozen=True)
class ForwardState:
    """Where a forward step-through stands after ``step`` steps (0: only the seeds).

    ``tangents`` maps variable ids to their tangent so far (the inputs' and constants'
    from the start, each output's once its Function has run). ``current`` is the
    function of the last step, ``done`` every function run so far, ``queue`` the ones
    still to run, next first.
    """

    step: int
    tangents: dict[int, np.ndarray]
    current: int | None
    done: frozenset[int]
    queue: tuple[int, ...]


@dataclass(frozen=True, eq=False)
class ForwardTrace:
    """Every step of one forward-mode pass over ``snapshot``'s graph.

    ``direction`` is the tangent of each variable (name -> number); ``seeds`` the
    tangents of the graph's leaves by node id (inputs: the direction, constants: 0).
    """

    snapshot: GraphSnapshot
    direction: Mapping[str, float]
    seeds: Mapping[int, np.ndarray]
    steps: tuple[ForwardStep, ...]

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def output_tangent(self) -> np.ndarray:
        """ḟ: the directional derivative of f along ``direction``."""
        return self.state_at(len(self.steps)).tangents[self.snapshot.output]

    def queue_after(self, step: int) -> tuple[int, ...]:
        return tuple(s.function for s in self.steps[step:])

    def state_at(self, step: int) -> ForwardState:
        """Replay the first ``step`` steps (0 <= step <= len(self))."""
        if not 0 <= step <= len(self.steps):
            raise IndexError(f"step {step} is outside 0..{len(self.steps)}")
        tangents = dict(self.seeds)
        for s in self.steps[:step]:
            tangents.update(zip(s.outputs, s.tangents, strict=True))
        last = self.steps[step - 1] if step else None
        done = frozenset(s.function for s in self.steps[:step])
        return ForwardState(
            step, tangents, last.function if last else None, done, self.queue_after(step)
        )

    def rule_lines(self, step: int) -> list[str]:
        """The tangent rule of step ``step`` (1-based) with the numbers plugged in."""
        return tangent_rule_lines(self.snapshot, self.steps[step - 1])

    def step_message(self, step: int) -> Message:
        """The sentence for step ``step`` (1-based): which op ran, and what it did."""
        s = self.steps[step - 1]
        f = self.snapshot.nodes[s.function]
        out = self.snapshot.nodes[s.outputs[0]].label if s.outputs else "y"
        if s.skipped:
            return Message(
                "step {step} of {count}: {op} — no input of it moves in this direction, "
                "so the tangent of {out} is 0 and its rule is not run",
                step=step,
                count=len(self.steps),
                op=f.op,
                out=out,
            )
        return Message(
            "step {step} of {count}: {op} computes {out} and, in the same pass, its "
            "tangent from its inputs' tangents",
            step=step,
            count=len(self.steps),
            op=f.op,
            out=out,
        )


def tangent_rule_lines(snap: GraphSnapshot, s: ForwardStep) -> list[str]:
    """``ẏ = cos(x) · ẋ = cos(0.5) · 1 = 0.8776``: the rule, plugged in, and its result.

    The middle part is left out where it would show nothing new, or where the rule
    speaks of shapes (``reshape(ẋ, y.shape)``).
    """
    f = snap.nodes[s.function]
    op_class = _op_class(f.op)
    rule = getattr(op_class, "tangent_rule", None) or "ẏ = jvp(ẋ)"
    result = array_summary(s.tangents[0]) if s.tangents else "—"
    lhs, _, rhs = rule.partition(" = ")
    values = rule_values(
        [snap.nodes[i].data for i in s.inputs], s.values[0] if s.values else None, f.params
    )
    plugged = _plug_tangents(rhs, s.input_tangents)
    if plugged is not None:
        plugged = plug_in(plugged, values)
    text = f"{lhs} = {rhs}"
    if plugged is not None and plugged != result and plugged != rhs:
        text += f" = {plugged}"
    return [f"{text} = {result}"]


def _plug_tangents(expression: str, tangents: tuple[np.ndarray, ...]) -> str | None:
    """Replace ``ẋ``, ``ẋ0``, ``ẋ1`` with the tangents' text (negatives in brackets)."""
    if ".shape" in expression:
        return None
    out = expression
    for symbol in ("ẋ0", "ẋ1", "ẋ2", "ẋ"):
        if symbol not in out:
            continue
        index = 0 if symbol == "ẋ" else int(symbol[-1])
        if index >= len(tangents):
            return None
        text = array_summary(tangents[index])
        out = out.replace(symbol, f"({text})" if text.startswith("−") else text)
    return out


def _op_class(name: str) -> type[Function] | None:
    import engine.functions as F

    obj = getattr(F, name, None)
    return obj if isinstance(obj, type) and issubclass(obj, Function) else None


class _Recorder(TangentPropagator):
    """The engine's propagator, keeping what each Function received and produced."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[Function, list, list, list[Variable], bool]] = []

    def on_call(self, f: Function, inputs: list[Variable], outputs: list[Variable]) -> None:
        if self._in_rule:  # a Function inside a tangent rule: not a step of the pass
            return
        xdots = [self.tangent(x) for x in inputs]
        super().on_call(f, inputs, outputs)
        ydots = [self.tangent(y) for y in outputs]
        skipped = all(xdot is None for xdot in xdots)
        self.calls.append((f, xdots, ydots, list(outputs), skipped))


def _zeros(like: np.ndarray) -> np.ndarray:
    return np.zeros_like(like, dtype=np.result_type(like, 1.0))


def record_forward(
    expr: Expression, point: Mapping[str, float], direction: Mapping[str, float] | str
) -> ForwardTrace:
    """Build ``expr`` at ``point`` carrying tangents along ``direction``, step by step.

    ``direction`` is a variable name (tangent 1 on it, 0 on the others) or a mapping
    name -> tangent (missing names: 0). A formula with several outputs raises
    ``SeveralOutputsError``: the graph view shows one f.
    """
    expr.check_single()
    if isinstance(direction, str):
        direction = {name: 1.0 if name == direction else 0.0 for name in expr.variables}
    u = {name: float(direction.get(name, 0.0)) for name in expr.variables}
    inputs = {
        name: Variable(np.array(float(point.get(name, 1.0))), name=name) for name in expr.variables
    }
    recorder = _Recorder()
    for name, x in inputs.items():
        recorder.seed(x, Variable(np.array(u[name])))
    built: list[tuple[Any, Variable]] = []
    with np.errstate(all="ignore"), using_config("enable_backprop", True), observing(recorder):
        y = expr.build(inputs, on_node=lambda node, v: built.append((node, v)))
    snap = with_spans(snapshot(y, inputs.values()), built)
    ids = snap._ids

    seeds: dict[int, np.ndarray] = {}
    for node in snap.variables:
        if node.creator is None:
            seeds[node.id] = (
                np.asarray(u[node.name], dtype=np.float64)
                if node.role == "input" and node.name in u
                else _zeros(node.data)
            )
    steps = []
    for f, xdots, ydots, outs, skipped in recorder.calls:
        fid = ids.get(id(f))
        if fid is None:  # not part of f's graph (cannot happen for a formula)
            continue
        node = snap.nodes[fid]
        steps.append(
            ForwardStep(
                index=len(steps) + 1,
                function=fid,
                generation=f.generation,
                inputs=node.inputs,
                outputs=node.outputs,
                values=tuple(v.data for v in outs),
                input_tangents=tuple(
                    _zeros(snap.nodes[i].data) if xd is None else np.asarray(xd.data)
                    for i, xd in zip(node.inputs, xdots, strict=True)
                ),
                tangents=tuple(
                    _zeros(v.data) if yd is None else np.asarray(yd.data)
                    for v, yd in zip(outs, ydots, strict=True)
                ),
                skipped=skipped,
            )
        )
    return ForwardTrace(snap, u, seeds, tuple(steps))


__all__ = ["ForwardState", "ForwardStep", "ForwardTrace", "record_forward", "tangent_rule_lines"]
