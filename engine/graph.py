"""The recorded graph as plain data: a snapshot, a backward trace, and DOT text.

A define-by-run engine records a graph as it computes: every Variable remembers its
``creator``, every Function its ``inputs`` and ``outputs``, and both carry a
``generation``. ``snapshot(y)`` copies that graph into plain, immutable data (nodes with
ids, edges, values, gradients, op symbols) that a view can draw and a test can check
without touching the engine's objects.

``record_backward(y)`` runs ``y.backward()`` with a tracer and keeps every event of the
pass, in order: which function was popped from the queue (and what was still waiting),
the ``gy`` it received, the ``gx`` it produced, and how each ``gx`` was added into its
input's ``grad``. Replaying those events gives exactly the gradients ``backward()``
computed, so a learner can step through the pass forwards and backwards.

``to_dot(snapshot)`` writes the graph in Graphviz's language, values and gradients in the
labels, as the book does in step 26.

This module never imports Qt. Every string it makes is mathematics (``gx = gy · cos(x)``);
sentences around them belong to the GUI, where they can be translated.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from engine.core import BackwardTracer, Config, Function, Variable

if TYPE_CHECKING:
    from engine.expression import Expression

# =============================================================================
# local rules: what each op's backward computes, for the step-through text
# =============================================================================


@dataclass(frozen=True)
class OpRule:
    """How one op is drawn and what its ``backward`` computes.

    ``symbol`` labels the Function's box (``{c}`` stands for the op's constant).
    ``rules`` has one entry per input: the
    symbolic rule (``gx = gy · cos(x)``) and the same right-hand side with placeholders
    for the numbers (``{gy} · cos({x})``), or None when plugging in adds nothing.
    Placeholders: ``x`` (or ``x0``, ``x1``) the inputs, ``y`` the output, ``gy`` the
    gradient arriving, ``c`` a constant exponent; ``{x!p}`` puts a negative number in
    parentheses.
    """

    symbol: str
    forward: str
    rules: tuple[tuple[str, str | None], ...]
    kink: str | None = None  # where the op is not differentiable, and the subgradient used


OP_RULES: dict[str, OpRule] = {
    "Add": OpRule("+", "y = x0 + x1", (("gx0 = gy", None), ("gx1 = gy", None))),
    "Sub": OpRule("−", "y = x0 − x1", (("gx0 = gy", None), ("gx1 = −gy", "−{gy!p}"))),
    "AddConst": OpRule("+{c}", "y = x + c", (("gx = gy", None),)),
    "MulConst": OpRule("×{c}", "y = c · x", (("gx = gy · c", "{gy!p} · {c!p}"),)),
    "DivConst": OpRule("÷{c}", "y = x / c", (("gx = gy / c", "{gy!p} / {c!p}"),)),
    "Mul": OpRule(
        "×",
        "y = x0 · x1",
        (("gx0 = gy · x1", "{gy!p} · {x1!p}"), ("gx1 = gy · x0", "{gy!p} · {x0!p}")),
    ),
    "Div": OpRule(
        "÷",
        "y = x0 / x1",
        (
            ("gx0 = gy / x1", "{gy!p} / {x1!p}"),
            ("gx1 = gy · (−x0 / x1²)", "{gy!p} · (−{x0!p} / {x1!p}²)"),
        ),
    ),
    "Neg": OpRule("−x", "y = −x", (("gx = −gy", "−{gy!p}"),)),
    "Pow": OpRule("x^{c}", "y = x^c", (("gx = c · x^(c−1) · gy", "{c} · {x!p}^{cm1!p} · {gy!p}"),)),
    "PowVar": OpRule(
        "^",
        "y = x0^x1",
        (
            ("gx0 = gy · x1 · x0^(x1−1)", "{gy!p} · {x1!p} · {x0!p}^{x1m1!p}"),
            ("gx1 = gy · y · log(x0)", "{gy!p} · {y!p} · log({x0})"),
        ),
    ),
    "Square": OpRule("x²", "y = x²", (("gx = 2 · x · gy", "2 · {x!p} · {gy!p}"),)),
    "Exp": OpRule("exp", "y = exp(x)", (("gx = gy · y", "{gy!p} · {y!p}"),)),
    "Log": OpRule("log", "y = log(x)", (("gx = gy / x", "{gy!p} / {x!p}"),)),
    "Sin": OpRule("sin", "y = sin(x)", (("gx = gy · cos(x)", "{gy!p} · cos({x})"),)),
    "Cos": OpRule("cos", "y = cos(x)", (("gx = gy · (−sin(x))", "{gy!p} · (−sin({x}))"),)),
    "Tan": OpRule("tan", "y = tan(x)", (("gx = gy · (1 + y²)", "{gy!p} · (1 + {y!p}²)"),)),
    "Tanh": OpRule("tanh", "y = tanh(x)", (("gx = gy · (1 − y²)", "{gy!p} · (1 − {y!p}²)"),)),
    "Sqrt": OpRule("√", "y = √x", (("gx = gy / (2 · y)", "{gy!p} / (2 · {y!p})"),)),
    "Sigmoid": OpRule(
        "σ", "y = σ(x)", (("gx = gy · y · (1 − y)", "{gy!p} · {y!p} · (1 − {y!p})"),)
    ),
    "ReLU": OpRule(
        "relu",
        "y = max(x, 0)",
        (("gx = gy · [x > 0]", "{gy!p} · [{x} > 0]"),),
        kink="relu′(0) is undefined; the subgradient 0 is used",
    ),
    "Abs": OpRule(
        "|x|",
        "y = |x|",
        (("gx = gy · sign(x)", "{gy!p} · sign({x})"),),
        kink="|x|′ at 0 is undefined; the subgradient sign(0) = 0 is used",
    ),
    "Sum": OpRule("Σ", "y = sum(x)", (("gx = broadcast_to(gy, x.shape)", None),)),
    "SumTo": OpRule("sum_to", "y = sum_to(x)", (("gx = broadcast_to(gy, x.shape)", None),)),
    "BroadcastTo": OpRule(
        "broadcast", "y = broadcast_to(x)", (("gx = sum_to(gy, x.shape)", None),)
    ),
    "Reshape": OpRule("reshape", "y = reshape(x)", (("gx = reshape(gy, x.shape)", None),)),
}

# Ops whose derivative is undefined at x = 0 (the kink), for the gradient check.
NONDIFFERENTIABLE_AT_ZERO = frozenset(op for op, rule in OP_RULES.items() if rule.kink)


def op_rule(op: str) -> OpRule:
    """The rule for an op's class name; a user-defined Function gets a generic one."""
    rule = OP_RULES.get(op)
    if rule is None:
        rule = OpRule(op.lower(), f"y = {op.lower()}(x)", (("gx = backward(gy)", None),))
    return rule


# =============================================================================
# numbers as a learner reads them
# =============================================================================


def format_number(v: float) -> str:
    """Four significant digits, a real minus sign, ∞ for infinity."""
    if v != v:
        return "nan"
    if v in (float("inf"), float("-inf")):
        return "∞" if v > 0 else "−∞"
    text = f"{v:.4g}"
    if text == "-0":
        text = "0"
    return text.replace("-", "−")


def format_value(a: Any) -> str:
    """An ndarray (or None) as short text: a number, a few numbers, or its shape."""
    if a is None:
        return "—"
    a = np.asarray(a)
    if a.size == 1:
        return format_number(float(a.reshape(-1)[0]))
    if a.size <= 4:
        return "[" + ", ".join(format_number(float(v)) for v in a.reshape(-1)) + "]"
    return "array " + "×".join(str(n) for n in a.shape)


class _RuleFormatter(string.Formatter):
    """``{x}`` formats a value; ``{x!p}`` also puts a negative number in parentheses."""

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        if conversion == "p":
            text = format_value(value)
            return f"({text})" if text.startswith("−") else text
        if conversion is None:
            return format_value(value)
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> str:
        return value if isinstance(value, str) else format(value, format_spec)


_formatter = _RuleFormatter()


# =============================================================================
# snapshot
# =============================================================================


@dataclass(frozen=True, eq=False)
class VariableNode:
    """A Variable in a snapshot.

    ``role`` is ``"input"`` (a named Variable nobody computed: a slider's value),
    ``"constant"`` (an unnamed one, like the 2 in ``2x``), ``"output"`` (the Variable
    the snapshot was taken from) or ``"intermediate"``. ``label`` is what a learner
    calls it: the name, ``f`` for the output, the value for a constant, or ``t1``,
    ``t2``... for intermediates.
    """

    id: int
    label: str
    name: str | None
    role: str
    data: np.ndarray | None
    grad: np.ndarray | None
    generation: int
    creator: int | None

    kind = "variable"


@dataclass(frozen=True, eq=False)
class FunctionNode:
    """A Function in a snapshot: its op (class name), symbol, generation and wiring.

    ``inputs`` lists variable ids in argument order (``add(x, x)`` lists x twice);
    ``params`` holds the constants an op was built with (``c`` of ``x ** c``).
    """

    id: int
    op: str
    symbol: str
    generation: int
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    params: Mapping[str, Any] = field(default_factory=dict)

    kind = "function"


Node = VariableNode | FunctionNode

_PARAM_NAMES = ("c", "axis", "keepdims", "shape")
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _is_small_integer(c: Any) -> bool:
    try:
        return float(c).is_integer() and abs(float(c)) < 100
    except (TypeError, ValueError):
        return False


@dataclass(frozen=True, eq=False)
class GraphSnapshot:
    """A recorded graph as plain data. ``nodes[i].id == i``; ids are topological.

    ``edges`` run the way values flow: Variable -> Function for each input (once per
    argument, so ``add(x, x)`` has two edges from x) and Function -> Variable for each
    output. ``output`` is the id of the Variable the snapshot was taken from.
    """

    nodes: tuple[Node, ...]
    edges: tuple[tuple[int, int], ...]
    output: int
    _ids: Mapping[int, int] = field(default_factory=dict, repr=False)
    spans: Mapping[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    @property
    def variables(self) -> list[VariableNode]:
        return [n for n in self.nodes if n.kind == "variable"]

    @property
    def functions(self) -> list[FunctionNode]:
        return [n for n in self.nodes if n.kind == "function"]

    def __len__(self) -> int:
        return len(self.nodes)

    def id_of(self, obj: Variable | Function) -> int | None:
        """The node id of an engine object. Valid only while the recorded graph is alive."""
        return self._ids.get(id(obj))

    def structure_key(self) -> tuple:
        """Equal for two snapshots with the same nodes and wiring (values may differ).

        A view compares keys to decide whether it can keep its items and only update
        their texts.
        """
        parts: list[Any] = []
        for n in self.nodes:
            if n.kind == "function":
                parts.append((n.op, n.inputs, n.outputs, repr(sorted(n.params.items()))))
            else:
                label = n.label if n.role != "constant" else ""
                parts.append((n.role, label, n.data.shape if n.data is not None else None))
        return tuple(parts)

    def with_grads(self, grads: Mapping[int, np.ndarray | None]) -> GraphSnapshot:
        """A copy whose variables carry ``grads`` (by id) instead of their own."""
        nodes = tuple(
            n
            if n.kind == "function"
            else VariableNode(
                n.id, n.label, n.name, n.role, n.data, grads.get(n.id), n.generation, n.creator
            )
            for n in self.nodes
        )
        return GraphSnapshot(nodes, self.edges, self.output, self._ids, self.spans)

    def node_at(self, index: int) -> int | None:
        """The node whose span is the smallest containing text position ``index``.

        A Function wins over the Variable it produced (they share a span). A cursor
        right after the last character of a name still counts as on it.
        """
        for i in (index, index - 1):  # the character after the cursor, then before
            best: tuple[int, int, int] | None = None
            for nid, spans in self.spans.items():
                for start, end in spans:
                    if start <= i < end:
                        kind = 0 if self.nodes[nid].kind == "function" else 1
                        rank = (end - start, kind, nid)
                        if best is None or rank < best:
                            best = rank
            if best is not None:
                return best[2]
        return None


def _walk(output: Variable) -> list[Function]:
    """Every Function ``output`` depends on, inputs before users (iterative post-order)."""
    order: list[Function] = []
    if output.creator is None:
        return order
    seen = {id(output.creator)}
    stack: list[tuple[Function, int]] = [(output.creator, 0)]
    while stack:
        f, i = stack[-1]
        if i < len(f.inputs):
            stack[-1] = (f, i + 1)
            creator = f.inputs[i].creator
            if creator is not None and id(creator) not in seen:
                seen.add(id(creator))
                stack.append((creator, 0))
        else:
            stack.pop()
            order.append(f)
    return order


def snapshot(output: Variable, inputs: Iterable[Variable] | None = None) -> GraphSnapshot:
    """Copy the graph that computed ``output`` into a ``GraphSnapshot``.

    ``inputs`` are the Variables the learner sets (the sliders); other Variables
    nobody computed are constants. Without it, every named one counts as an input.

    Values and gradients are taken as they are now (a gradient that ``backward``
    released, or that was never computed, is None). Arrays are not copied: the engine
    never changes an array in place.
    """
    slider_ids = None if inputs is None else {id(v) for v in inputs}

    def role_of(v: Variable) -> str:
        if v is output:
            return "output"
        if v.creator is not None:
            return "intermediate"
        if slider_ids is None:
            return "input" if v.name else "constant"
        return "input" if id(v) in slider_ids else "constant"

    ids: dict[int, int] = {}
    nodes: list[Node] = []
    edges: list[tuple[int, int]] = []
    temp_count = 0

    def add_variable(v: Variable) -> int:
        nonlocal temp_count
        key = id(v)
        if key in ids:
            return ids[key]
        role = role_of(v)
        if v.name:
            label = v.name
        elif role == "output":
            label = "f"
        elif role == "constant":
            label = format_value(v.data)
        else:
            temp_count += 1
            label = f"t{temp_count}"
        node_id = len(nodes)
        ids[key] = node_id
        creator = ids.get(id(v.creator)) if v.creator is not None else None
        grad = v.grad.data if v.grad is not None else None
        nodes.append(
            VariableNode(node_id, label, v.name, role, v.data, grad, v.generation, creator)
        )
        return node_id

    for f in _walk(output):
        input_ids = tuple(add_variable(x) for x in f.inputs)
        fid = len(nodes)
        ids[id(f)] = fid
        op = type(f).__name__
        params = {name: getattr(f, name) for name in _PARAM_NAMES if hasattr(f, name)}
        symbol = op_rule(op).symbol
        if "{c}" in symbol:
            c = params.get("c")
            if op == "Pow" and _is_small_integer(c):
                symbol = "x" + str(int(c)).translate(_SUPERSCRIPT)  # x², x³, x⁻¹
            else:
                symbol = symbol.replace("{c}", format_value(np.asarray(c)))
        # outputs first get placeholders so their ids follow the function's
        outs = [ref() for ref in f.outputs]
        nodes.append(FunctionNode(fid, op, symbol, f.generation, input_ids, (), params))
        output_ids = tuple(add_variable(y) for y in outs if y is not None)
        nodes[fid] = FunctionNode(fid, op, symbol, f.generation, input_ids, output_ids, params)
        edges.extend((i, fid) for i in input_ids)
        edges.extend((fid, o) for o in output_ids)
    out_id = add_variable(output)
    return GraphSnapshot(tuple(nodes), tuple(edges), out_id, ids)


# =============================================================================
# backward trace
# =============================================================================


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
            if a.var in seen:
                continue
            seen.add(a.var)
            label = self.snapshot.nodes[a.var].label
            lines.append(grad_sum_text(label, state.contributions[a.var]))
        return lines


def _copy_lists(d: dict[int, list]) -> dict[int, list]:
    return {k: list(v) for k, v in d.items()}


def grad_sum_text(label: str, contributions: Sequence[np.ndarray]) -> str:
    """``x.grad = 4 + 4 = 8`` (or ``x.grad = 4`` for a single contribution)."""
    if not label.isidentifier():
        label = f"({label})"  # a constant: (2).grad
    if not contributions:
        return f"{label}.grad = —"
    parts = [format_value(c) for c in contributions]
    if len(parts) == 1:
        return f"{label}.grad = {parts[0]}"
    total = contributions[0]
    with np.errstate(all="ignore"):
        for c in contributions[1:]:
            total = total + c
    terms = parts[0] + "".join(f" − {p[1:]}" if p.startswith("−") else f" + {p}" for p in parts[1:])
    return f"{label}.grad = {terms} = {format_value(total)}"


def local_rule_lines(
    snap: GraphSnapshot,
    f: FunctionNode,
    gys: Sequence[np.ndarray | None],
    gxs: Sequence[np.ndarray | None],
) -> list[str]:
    """``gx = gy · cos(x) = 1 · cos(0.5) = 0.8776``: one line per input of ``f``."""
    rule = op_rule(f.op)
    values: dict[str, Any] = {}
    xs = [snap.nodes[i].data for i in f.inputs]
    if len(xs) == 1:
        values["x"] = xs[0]
    for i, x in enumerate(xs):
        values[f"x{i}"] = x
    if f.outputs:
        values["y"] = snap.nodes[f.outputs[0]].data
    values["gy"] = gys[0] if gys else None
    if "c" in f.params:
        c = f.params["c"]
        values["c"] = np.asarray(c)
        values["cm1"] = np.asarray(c) - 1
    if len(xs) == 2 and xs[1] is not None:
        values["x1m1"] = np.asarray(xs[1]) - 1.0
    lines = []
    # a user-defined op may have more inputs than the generic rule has lines
    for (symbolic, numeric), gx in zip(rule.rules, gxs, strict=False):
        result = format_value(gx)
        text = symbolic
        if numeric is not None:
            try:
                plugged = _formatter.format(numeric, **values)
            except (KeyError, IndexError, ValueError):
                plugged = ""  # a user-defined op with a rule this table cannot fill
            if plugged and plugged != result:
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
    for f in _walk(output):
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
    built: list[tuple[Any, Variable]] = []
    y = expr.build(inputs, on_node=lambda node, v: built.append((node, v)))
    trace = record_backward(y, inputs=inputs.values())
    snap = trace.snapshot
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
    snap = GraphSnapshot(snap.nodes, snap.edges, snap.output, snap._ids, frozen)
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
    for f in _walk(output):
        for x in f.inputs:
            x.cleargrad()
    output.cleargrad()
    output.backward(create_graph=True)
    gx = wrt.grad
    if gx is None:  # output does not depend on wrt: the derivative is the constant 0
        gx = Variable(np.zeros_like(wrt.data))
    return snapshot(gx, inputs)


# =============================================================================
# DOT
# =============================================================================


def dot_escape(text: str) -> str:
    """Escape text for a double-quoted Graphviz string (backslash, quote, newline)."""
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch if ch >= " " else " " for ch in out)


_DOT_COLORS = {
    "input": "#cfe3ff",
    "constant": "#eeeeee",
    "intermediate": "#ffffff",
    "output": "#ffe0b0",
}


def _dot_label(n: Node) -> str:
    if n.kind == "function":
        return n.symbol
    lines = [n.label] if n.role != "constant" else []
    lines.append(f"value {format_value(n.data)}")
    if n.grad is not None:
        lines.append(f"grad {format_value(n.grad)}")
    return "\n".join(lines)


def to_dot(snap: GraphSnapshot, *, name: str = "autodiff") -> str:
    """The graph in Graphviz DOT, left to right, values and grads in the labels.

    Variables are rounded boxes (inputs blue, the output orange), Functions plain boxes
    labelled with their op. Render it with ``dot -Tpng graph.dot -o graph.png``.
    """
    lines = [
        f'digraph "{dot_escape(name)}" {{',
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [color="#666666"];',
    ]
    for n in snap.nodes:
        label = dot_escape(_dot_label(n))
        if n.kind == "function":
            lines.append(
                f'  n{n.id} [label="{label}", shape=box, style=filled, fillcolor="#d8f0d8"];'
            )
        else:
            color = _DOT_COLORS[n.role]
            lines.append(
                f'  n{n.id} [label="{label}", shape=box, style="rounded,filled", '
                f'fillcolor="{color}"];'
            )
    for src, dst in snap.edges:
        lines.append(f"  n{src} -> n{dst};")
    lines.append("}")
    return "\n".join(lines) + "\n"


__all__ = [
    "NONDIFFERENTIABLE_AT_ZERO",
    "OP_RULES",
    "Accumulation",
    "AccumulateEvent",
    "BackwardEvent",
    "BackwardStep",
    "BackwardTrace",
    "FunctionNode",
    "GraphSnapshot",
    "OpRule",
    "PopEvent",
    "TraceState",
    "VariableNode",
    "dot_escape",
    "format_number",
    "format_value",
    "grad_sum_text",
    "local_rule_lines",
    "op_rule",
    "record_backward",
    "record_derivative",
    "record_derivative_graph",
    "record_expression",
    "snapshot",
    "to_dot",
]
