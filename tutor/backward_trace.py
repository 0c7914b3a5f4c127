"""A backward pass, event by event, for stepping through it.

``record_backward(y)`` runs ``y.backward()`` with a tracer and keeps every event of the
pass, in order: which function was popped from the queue (and what was still waiting),
the ``gy`` it received, the ``gx`` it produced, and how each ``gx`` was added into its
input's ``grad``. Replaying those events gives exactly the gradients ``backward()``
computed, so a learner can step through the pass forwards and backwards.

Every string made here is mathematics (``gx = gy · cos(x)``); the sentences are
``tutor.messages`` Messages (``broadcast_notes``: where a gradient is summed back to an
input's shape), translated by the GUI.

``record_sweep`` records the graph of the plot's sweep: the swept variable an array of
points, the others numbers that broadcast, so shapes (and ``sum_to``) show in backward.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.core import BackwardTracer, Config, Function, Variable
from tutor.messages import Message
from tutor.numbers import array_summary, short
from tutor.op_rules import plug_in, rule_values
from tutor.snapshot import FunctionNode, GraphSnapshot, shape_text, snapshot, walk_functions

if TYPE_CHECKING:
    from tutor.evaluation import SweepRange
    from tutor.formula import Expression

# The graph of the plot's sweep is recorded at no more points than this (evenly spread
# over the sweep's range): enough to see shapes and a heat map, cheap on every move.
SWEEP_GRAPH_POINTS = 50

# Ops whose input and output differ in shape by design, not by broadcasting.
_RESHAPING_OPS = frozenset(
    {"Reshape", "Transpose", "Sum", "SumTo", "MatMul", "GetItem", "Max", "Min", "Linear"}
)


def value_text(a: Any) -> str:
    """A value as short text: a number or a few (as ``array_summary``), or for a larger
    array its shape and range, ``(50,) −0.9589…0.9996``."""
    if a is None:
        return "—"
    a = np.asarray(a)
    if a.size <= 4:
        return array_summary(a)
    with np.errstate(all="ignore"):
        lo, hi = np.nanmin(a), np.nanmax(a)  # all-NaN gives nan (with a warning)
    return f"{shape_text(a.shape)} {short(float(lo), 4)}…{short(float(hi), 4)}"


def summed_axes(input_shape: tuple[int, ...], output_shape: tuple[int, ...]) -> tuple[int, ...]:
    """The axes of ``output_shape`` that ``sum_to(g, input_shape)`` sums over, or ``()``
    when ``input_shape`` was not broadcast to ``output_shape``.

    Numpy lines shapes up on the right: an input with fewer axes gained the leading
    ones, and an axis of length 1 was stretched. Both are summed back; an axis that was
    1 on both sides changes nothing and is not named.
    """
    input_shape, output_shape = tuple(input_shape), tuple(output_shape)
    if input_shape == output_shape or len(input_shape) > len(output_shape):
        return ()
    try:
        if np.broadcast_shapes(input_shape, output_shape) != output_shape:
            return ()
    except ValueError:
        return ()
    lead = len(output_shape) - len(input_shape)
    axes = [a for a in range(lead) if output_shape[a] != 1]
    axes += [
        i + lead
        for i, n in enumerate(input_shape)
        if n == 1 and output_shape[i + lead] != 1
    ]
    return tuple(axes)


def axes_message(axes: Sequence[int]) -> Message:
    """``axis 1`` or ``axes 0 and 1``."""
    if len(axes) == 1:
        return Message("axis {axis}", axis=axes[0])
    return Message(
        "axes {axes} and {last}", axes=", ".join(str(a) for a in axes[:-1]), last=axes[-1]
    )


def broadcast_notes(snap: GraphSnapshot, f: FunctionNode) -> list[Message]:
    """Where ``f``'s forward broadcast an input, how its backward undoes it, in words.

    One Message per input that needs a gradient and whose shape differs from the
    output's by broadcasting: its gradient is the output-shaped gradient summed over
    the stretched axes (what ``sum_to`` does).
    """
    if f.op in _RESHAPING_OPS or not f.outputs:
        return []
    out_shape = snap.nodes[f.outputs[0]].shape
    notes: list[Message] = []
    seen: set[int] = set()
    for i in f.inputs:
        x = snap.nodes[i]
        if i in seen or not x.needs_grad:
            continue
        seen.add(i)
        axes = summed_axes(x.shape, out_shape)
        if axes:
            notes.append(
                Message(
                    "the gradient of {name}, shape {shape}, is the sum of the {out_shape} "
                    "gradient over {axes} — sum_to undoes the broadcast",
                    name=x.label,
                    shape=shape_text(x.shape),
                    out_shape=shape_text(out_shape),
                    axes=axes_message(axes),
                )
            )
    return notes


@dataclass(frozen=True)
class Accumulation:
    """``gx`` arrived at variable ``var``: its grad went from ``before`` to ``after``.

    ``before`` is None the first time (then ``after`` is ``gx`` itself).
    """

    var: int
    before: np.ndarray | None
    gx: np.ndarray | None
    after: np.ndarray | None


@dataclass(frozen=True)
class BackwardStep:
    """One function's turn in a backward pass: popped, differentiated, accumulated.

    ``pending`` lists the functions still in the queue after the pop, next first.
    ``gys`` has one gradient per output, ``gxs`` one per input (in argument order).
    """

    index: int
    function: int
    generation: int
    pending: tuple[int, ...]
    gys: tuple[np.ndarray | None, ...]
    gxs: tuple[np.ndarray | None, ...]
    accumulations: tuple[Accumulation, ...]


@dataclass(frozen=True)
class PopEvent:
    function: int
    generation: int
    pending: tuple[int, ...]


@dataclass(frozen=True)
class BackwardEvent:
    function: int
    gys: tuple[np.ndarray | None, ...]
    gxs: tuple[np.ndarray | None, ...]


@dataclass(frozen=True)
class AccumulateEvent:
    function: int
    var: int
    before: np.ndarray | None
    gx: np.ndarray | None
    after: np.ndarray | None


@dataclass(frozen=True)
class TraceState:
    """Where a step-through stands after ``step`` steps (0: nothing popped yet).

    ``grads`` maps variable ids to their gradient so far (absent: not reached yet);
    ``contributions`` lists, per variable, the gx that have arrived, in order.
    ``current`` is the function of the last step (None at step 0); ``done`` every
    function processed so far; ``queue`` the functions waiting now, next first.
    """

    step: int
    grads: dict[int, np.ndarray]
    contributions: dict[int, list[np.ndarray]]
    current: int | None
    done: frozenset[int]
    queue: tuple[int, ...]


@dataclass(frozen=True, eq=False)
class BackwardTrace:
    """Every event of one backward pass over ``snapshot``'s graph, grouped in steps.

    ``snapshot`` carries the final gradients. The pass starts with the output's grad
    set to ``seed`` (ones) and the output's creator in the queue.
    """

    snapshot: GraphSnapshot
    seed: np.ndarray
    steps: tuple[BackwardStep, ...]
    accumulate: bool = True

    def __len__(self) -> int:
        return len(self.steps)

    @property
    def events(self) -> list[PopEvent | BackwardEvent | AccumulateEvent]:
        """The flat, ordered events, as the tracer saw them."""
        out: list[PopEvent | BackwardEvent | AccumulateEvent] = []
        for s in self.steps:
            out.append(PopEvent(s.function, s.generation, s.pending))
            out.append(BackwardEvent(s.function, s.gys, s.gxs))
            out.extend(
                AccumulateEvent(s.function, a.var, a.before, a.gx, a.after) for a in s.accumulations
            )
        return out

    def iter_states(self) -> Iterator[TraceState]:
        """States after 0, 1, ..., len(steps) steps, replaying the accumulations."""
        grads: dict[int, np.ndarray] = {self.snapshot.output: self.seed}
        contributions: dict[int, list[np.ndarray]] = {self.snapshot.output: [self.seed]}
        done: set[int] = set()
        yield TraceState(
            0, dict(grads), _copy_lists(contributions), None, frozenset(), self.queue_after(0)
        )
        for s in self.steps:
            self._apply(s, grads, contributions)
            done.add(s.function)
            yield TraceState(
                s.index,
                dict(grads),
                _copy_lists(contributions),
                s.function,
                frozenset(done),
                self.queue_after(s.index),
            )

    def queue_after(self, step: int) -> tuple[int, ...]:
        """The functions waiting once ``step`` steps are done, next first."""
        if step >= len(self.steps):
            return ()
        nxt = self.steps[step]
        return (nxt.function, *nxt.pending)

    def state_at(self, step: int) -> TraceState:
        """Replay the first ``step`` steps (0 <= step <= len(self))."""
        if not 0 <= step <= len(self.steps):
            raise IndexError(f"step {step} is outside 0..{len(self.steps)}")
        grads: dict[int, np.ndarray] = {self.snapshot.output: self.seed}
        contributions: dict[int, list[np.ndarray]] = {self.snapshot.output: [self.seed]}
        done: set[int] = set()
        for s in self.steps[:step]:
            self._apply(s, grads, contributions)
            done.add(s.function)
        last = self.steps[step - 1] if step else None
        return TraceState(
            step,
            grads,
            contributions,
            last.function if last else None,
            frozenset(done),
            self.queue_after(step),
        )

    def replay(self) -> dict[int, np.ndarray]:
        """The gradients after the whole pass, recomputed from the events alone."""
        return self.state_at(len(self.steps)).grads

    def _apply(
        self,
        s: BackwardStep,
        grads: dict[int, np.ndarray],
        contributions: dict[int, list[np.ndarray]],
    ) -> None:
        for a in s.accumulations:
            before = grads.get(a.var)
            if before is None or not self.accumulate:
                grads[a.var] = a.gx
                contributions[a.var] = [a.gx]
            else:
                with np.errstate(all="ignore"):  # inf - inf is nan here as in the engine
                    grads[a.var] = np.asarray(before + a.gx)  # what the engine's Add does
                contributions[a.var].append(a.gx)

    # -- text a learner reads -----------------------------------------------

    def rule_lines(self, step: int) -> list[str]:
        """The local rule of step ``step`` (1-based) with the numbers plugged in."""
        s = self.steps[step - 1]
        f = self.snapshot.nodes[s.function]
        return local_rule_lines(self.snapshot, f, s.gys, s.gxs)

    def accumulation_lines(self, step: int) -> list[str]:
        """``x.grad = 4 + 4 = 8``: how step ``step`` (1-based) changed each input's grad.

        A variable fed twice by the same function (``add(x, x)``) gets one line showing
        all of its contributions so far.
        """
        state = self.state_at(step)
        s = self.steps[step - 1]
        lines: list[str] = []
        seen: set[int] = set()
        for a in s.accumulations:
            if a.var in seen or not self.snapshot.nodes[a.var].needs_grad:
                continue  # a typed number's gradient is computed, but needed by nobody
            seen.add(a.var)
            label = self.snapshot.nodes[a.var].label
            lines.append(grad_sum_text(label, state.contributions[a.var]))
        return lines

    def broadcast_notes(self, step: int) -> list[Message]:
        """What step ``step`` (1-based) sums back to a broadcast input's shape, in words."""
        s = self.steps[step - 1]
        return broadcast_notes(self.snapshot, self.snapshot.nodes[s.function])


def _copy_lists(d: dict[int, list]) -> dict[int, list]:
    return {k: list(v) for k, v in d.items()}


def grad_sum_text(label: str, contributions: Sequence[np.ndarray]) -> str:
    """``x.grad = 4 + 4 = 8`` (or ``x.grad = 4`` for a single contribution)."""
    if not label.isidentifier():
        label = f"({label})"  # a constant: (2).grad
    if not contributions:
        return f"{label}.grad = —"
    parts = [value_text(c) for c in contributions]
    if len(parts) == 1:
        return f"{label}.grad = {parts[0]}"
    total = contributions[0]
    with np.errstate(all="ignore"):
        for c in contributions[1:]:
            total = total + c
    terms = parts[0] + "".join(f" − {p[1:]}" if p.startswith("−") else f" + {p}" for p in parts[1:])
    return f"{label}.grad = {terms} = {value_text(total)}"


def local_rule_lines(
    snap: GraphSnapshot,
    f: FunctionNode,
    gys: Sequence[np.ndarray | None],
    gxs: Sequence[np.ndarray | None],
) -> list[str]:
    """``gx = gy · cos(x) = 1 · cos(0.5) = 0.8776``: one line per input of ``f`` that
    needs a gradient (none for the 4 of ``x / 4``).

    The middle part is the rule of ``f``'s class with the numbers in place of its
    symbols; it is left out where it would show nothing new, and for arrays (a list of
    shapes says nothing). An input that was broadcast gets its rule wrapped in the
    ``sum_to`` its backward applies: ``gx1 = sum_to(gy · x0, ())``.
    """
    rule = f.rule
    values = rule_values(
        [snap.nodes[i].data for i in f.inputs],
        snap.nodes[f.outputs[0]].data if f.outputs else None,
        f.params,
    )
    values["gy"] = gys[0] if gys else None
    arrays = any(np.size(v) > 4 for v in values.values() if v is not None)
    out_shape = snap.nodes[f.outputs[0]].shape if f.outputs else ()
    lines = []
    for k, (text, gx) in enumerate(zip(rule.rules, gxs, strict=False)):
        if k < len(f.inputs) and not snap.nodes[f.inputs[k]].needs_grad:
            continue  # the gradient of a constant (the 2 of 2·x): nobody needs it
        result = value_text(gx)
        lhs, _, rhs = text.partition(" = ")
        if (
            k < len(f.inputs)
            and f.op not in _RESHAPING_OPS
            and summed_axes(snap.nodes[f.inputs[k]].shape, out_shape)
        ):
            text = f"{lhs} = sum_to({rhs}, {shape_text(snap.nodes[f.inputs[k]].shape)})"
        plugged = None if rule.generic or arrays else plug_in(rhs, values)
        if plugged is not None and plugged != result:
            text += f" = {plugged}"
        lines.append(f"{text} = {result}")
    return lines


class _Recorder(BackwardTracer):
    """Collects raw tracer callbacks; ids are resolved once the pass is over."""

    def __init__(self) -> None:
        self.pops: list[tuple[Function, int, list[Function]]] = []
        self.backwards: list[tuple[list, tuple]] = []
        self.accs: list[list[tuple[Variable, Any, Any, Any]]] = []

    def on_pop(self, f: Function, pending: list[Function]) -> None:
        self.pops.append((f, f.generation, pending))
        self.accs.append([])

    def on_backward(self, f: Function, gys: list, gxs: tuple) -> None:
        self.backwards.append((gys, gxs))

    def on_accumulate(self, f: Function, x: Variable, before, gx, after) -> None:
        self.accs[-1].append((x, before, gx, after))


def _data(v: Variable | None) -> np.ndarray | None:
    return None if v is None else v.data


def record_backward(
    output: Variable,
    *,
    inputs: Iterable[Variable] | None = None,
    create_graph: bool = False,
) -> BackwardTrace:
    """Run ``output.backward(retain_grad=True)`` and keep every event of the pass.

    The gradients of every variable in the graph are cleared first, so the trace starts
    from nothing, as a fresh ``backward()`` does; afterwards they hold the result of
    this pass (intermediate gradients included). ``inputs`` is passed to ``snapshot``.
    """
    for f in walk_functions(output):
        for x in f.inputs:
            x.cleargrad()
        for ref in f.outputs:
            y = ref()
            if y is not None:
                y.cleargrad()
    output.cleargrad()
    recorder = _Recorder()
    accumulate = Config.accumulate_grad
    output.backward(retain_grad=True, create_graph=create_graph, tracer=recorder)
    snap = snapshot(output, inputs)
    ids = snap._ids

    steps = []
    for k, ((f, gen, pending), (gys, gxs), accs) in enumerate(
        zip(recorder.pops, recorder.backwards, recorder.accs, strict=True), start=1
    ):
        steps.append(
            BackwardStep(
                index=k,
                function=ids[id(f)],
                generation=gen,
                pending=tuple(ids[id(p)] for p in pending),
                gys=tuple(_data(g) for g in gys),
                gxs=tuple(_data(g) for g in gxs),
                accumulations=tuple(
                    Accumulation(ids[id(x)], _data(before), _data(gx), _data(after))
                    for x, before, gx, after in accs
                ),
            )
        )
    seed = output.grad.data if output.grad is not None else np.ones_like(output.data)
    return BackwardTrace(
        snap,
        seed,
        tuple(steps),
        accumulate=accumulate,
    )


def record_expression(expr: Expression, point: Mapping[str, float]) -> BackwardTrace:
    """Build ``expr`` at ``point`` (name -> number), trace its backward pass, keep spans.

    The returned trace's snapshot maps its nodes to spans of ``expr.text``, so a view
    can highlight the part of the formula a node came from, and the other way round.
    """
    inputs = {
        name: Variable(np.array(float(point.get(name, 1.0))), name=name) for name in expr.variables
    }
    return _record_built(expr, inputs)


def sweep_graph_points(sweep: SweepRange, limit: int = SWEEP_GRAPH_POINTS) -> np.ndarray:
    """The points the graph of the sweep is recorded at: the sweep's own, or ``limit``
    of them evenly spread over its range (first and last included)."""
    return np.linspace(sweep.min, sweep.max, max(2, min(int(sweep.points), limit)))


def record_sweep(
    expr: Expression,
    point: Mapping[str, float],
    sweep: SweepRange,
    limit: int = SWEEP_GRAPH_POINTS,
) -> BackwardTrace:
    """The graph the engine records when the plot evaluates ``expr`` over ``sweep``,
    and its backward pass (seeded with ones, as the plot's is).

    The swept variable is an array of ``sweep_graph_points(sweep, limit)``; the other
    variables are numbers at ``point`` (shape ``()``), which broadcast against it, so
    their gradients are summed back by ``sum_to``. Spans are kept as in
    ``record_expression``.
    """
    inputs = {
        name: Variable(np.array(float(point.get(name, 1.0))), name=name) for name in expr.variables
    }
    if sweep.variable in inputs:
        inputs[sweep.variable] = Variable(sweep_graph_points(sweep, limit), name=sweep.variable)
    return _record_built(expr, inputs)


def with_spans(snap: GraphSnapshot, built: list[tuple[Any, Variable]]) -> GraphSnapshot:
    """``snap`` with its nodes mapped to the spans of the formula's text they came from
    (``built``: each formula node and the Variable it built), so a view can highlight
    either way. Shared by the backward and the forward trace."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for node, v in built:
        span = (node.start, node.end)
        if not node.children:  # a number, constant or name: the Variable itself
            nid = snap.id_of(v)
            if nid is not None:
                spans.setdefault(nid, []).append(span)
        elif v.creator is not None and snap.id_of(v.creator) not in spans:
            # an operator: its Function and output. Unary + records nothing and hands
            # on its operand, which keeps the operand's (smaller) span.
            fid = snap.id_of(v.creator)
            if fid is not None:
                spans[fid] = [span]
                for out in snap.nodes[fid].outputs:
                    spans.setdefault(out, []).append(span)
    frozen = {nid: tuple(s) for nid, s in spans.items()}
    return GraphSnapshot(snap.nodes, snap.edges, snap.output, snap._ids, frozen)


def _record_built(expr: Expression, inputs: dict[str, Variable]) -> BackwardTrace:
    built: list[tuple[Any, Variable]] = []
    y = expr.build(inputs, on_node=lambda node, v: built.append((node, v)))
    trace = record_backward(y, inputs=inputs.values())
    snap = with_spans(trace.snapshot, built)
    return BackwardTrace(snap, trace.seed, trace.steps, accumulate=trace.accumulate)


def record_derivative(expr: Expression, point: Mapping[str, float], wrt: str) -> BackwardTrace:
    """The graph that ``create_graph=True`` records for ∂f/∂``wrt``, and its backward pass.

    Builds ``expr`` at ``point``, runs ``backward(create_graph=True)``, and traces the
    backward pass *of the derivative's graph*: the grads it ends with are second
    derivatives (∂²f/∂wrt∂v). Its output is labelled ``∂f/∂wrt``.
    """
    inputs = {
        name: Variable(np.array(float(point.get(name, 1.0))), name=name) for name in expr.variables
    }
    y = expr.build(inputs)
    y.backward(create_graph=True)
    gx = inputs[wrt].grad if wrt in inputs else None
    if gx is None:  # f does not depend on wrt: the derivative is the constant 0
        gx = Variable(np.zeros_like(y.data))
    gx.name = f"∂f/∂{wrt}"
    return record_backward(gx, inputs=inputs.values())


def record_derivative_graph(
    output: Variable, wrt: Variable, inputs: Iterable[Variable] | None = None
) -> GraphSnapshot:
    """The graph that ``backward(create_graph=True)`` records for ∂output/∂wrt.

    This is the graph a second derivative is taken on; comparing its size with the
    forward graph's shows how expressions swell under differentiation. Gradients of
    the graph's variables are cleared first and left holding this pass's results.
    """
    for f in walk_functions(output):
        for x in f.inputs:
            x.cleargrad()
    output.cleargrad()
    output.backward(create_graph=True)
    gx = wrt.grad
    if gx is None:  # output does not depend on wrt: the derivative is the constant 0
        gx = Variable(np.zeros_like(wrt.data))
    return snapshot(gx, inputs)


__all__ = [
    "Accumulation",
    "AccumulateEvent",
    "BackwardEvent",
    "BackwardStep",
    "BackwardTrace",
    "PopEvent",
    "SWEEP_GRAPH_POINTS",
    "TraceState",
    "axes_message",
    "broadcast_notes",
    "grad_sum_text",
    "local_rule_lines",
    "record_backward",
    "record_derivative",
    "record_derivative_graph",
    "record_expression",
    "record_sweep",
    "summed_axes",
    "sweep_graph_points",
    "value_text",
    "with_spans",
]
