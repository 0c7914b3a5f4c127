"""The recorded graph as plain data: ``snapshot(y)``.

A define-by-run engine records a graph as it computes: every Variable remembers its
``creator``, every Function its ``inputs`` and ``outputs``, and both carry a
``generation``. ``snapshot(y)`` copies that graph into plain, immutable data (nodes with
ids, edges, values, gradients, op symbols) that a view can draw and a test can check
without touching the engine's objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from engine.core import Function, Variable
from tutor.numbers import SUPERSCRIPT, array_summary
from tutor.op_rules import OpRule, op_rule


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
    needs_grad: bool = True
    folded_into: int | None = None

    kind = "variable"

    @property
    def shown_grad(self) -> np.ndarray | None:
        """The gradient a learner is shown: None for a value no input depends on
        (a typed number, ``pi``, ``2*3``), whose gradient nobody needs."""
        return self.grad if self.needs_grad else None

    @property
    def shape(self) -> tuple[int, ...]:
        """The shape of its value (``()`` for a number)."""
        return np.shape(self.data) if self.data is not None else ()


@dataclass(frozen=True, eq=False)
class FunctionNode:
    """A Function in a snapshot: its op (class name), symbol, generation and wiring.

    ``inputs`` lists variable ids in argument order (``add(x, x)`` lists x twice);
    ``params`` holds the constants an op was built with (``c`` of ``x ** c``);
    ``rule`` what its class says it computes (``symbol`` is the rule's symbol with
    the constant put in: ``×2``, ``x³``).

    ``folded`` lists the constant inputs (typed numbers, ``pi``) written into the
    function's ``label`` instead of drawn as nodes of their own: ``x / 4`` is one box
    ``÷4``, ``1 / x`` one box ``1÷``. ``label`` is ``symbol`` when nothing is folded.
    """

    id: int
    op: str
    symbol: str
    generation: int
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    params: Mapping[str, Any]
    rule: OpRule
    label: str = ""
    folded: tuple[int, ...] = ()
    needs_grad: bool = True

    kind = "function"


Node = VariableNode | FunctionNode

_PARAM_NAMES = ("c", "axis", "keepdims", "shape")


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

    @property
    def has_arrays(self) -> bool:
        """Whether any value in the graph is an array (not a single number).

        Only such a graph is drawn with shapes on its edges and heat maps on its cards:
        a graph of numbers would only gain ``()`` everywhere.
        """
        return any(np.ndim(v.data) > 0 for v in self.variables if v.data is not None)

    def edge_shape(self, edge: tuple[int, int]) -> tuple[int, ...]:
        """The shape of what flows along ``edge``: its Variable end's value."""
        src, dst = edge
        v = self.nodes[src] if self.nodes[src].kind == "variable" else self.nodes[dst]
        return v.shape

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


def shape_text(shape: tuple[int, ...]) -> str:
    """A shape as numpy writes it: ``()``, ``(2000,)``, ``(3, 1)``."""
    return str(tuple(int(n) for n in shape))


def _symbol_with_constant(symbol: str, c: Any) -> str:
    """``×{c}`` with c = 2 gives ``×2``; a small whole power is written ``x³``."""
    if "{c}" not in symbol:
        return symbol
    if "^{c}" in symbol and _is_small_integer(c):
        return symbol.replace("^{c}", str(int(c)).translate(SUPERSCRIPT))  # x², x⁻¹
    return symbol.replace("{c}", array_summary(np.asarray(c)))


def walk_functions(output: Variable) -> list[Function]:
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
            label = array_summary(v.data)
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

    for f in walk_functions(output):
        input_ids = tuple(add_variable(x) for x in f.inputs)
        fid = len(nodes)
        ids[id(f)] = fid
        op = type(f).__name__
        params = {name: getattr(f, name) for name in _PARAM_NAMES if hasattr(f, name)}
        rule = op_rule(type(f), len(f.inputs))
        symbol = _symbol_with_constant(rule.symbol, params.get("c"))
        # outputs first get placeholders so their ids follow the function's
        outs = [ref() for ref in f.outputs]
        nodes.append(FunctionNode(fid, op, symbol, f.generation, input_ids, (), params, rule))
        output_ids = tuple(add_variable(y) for y in outs if y is not None)
        nodes[fid] = FunctionNode(
            fid, op, symbol, f.generation, input_ids, output_ids, params, rule
        )
        edges.extend((i, fid) for i in input_ids)
        edges.extend((fid, o) for o in output_ids)
    out_id = add_variable(output)
    return GraphSnapshot(tuple(_mark_constants(nodes)), tuple(edges), out_id, ids)


# Binary ops a constant operand folds into: (text with the constant on the left,
# text with it on the right). ``1 / x`` reads ``1÷``, ``x / 4`` reads ``÷4``.
_FOLDABLE = {
    "Add": ("+{c}", "+{c}"),  # commutative: the constant reads last
    "Sub": ("{c}−", "−{c}"),
    "Mul": ("×{c}", "×{c}"),
    "Div": ("{c}÷", "÷{c}"),
    "PowVar": ("{c}^", "^{c}"),
}


def _mark_constants(nodes: list[Node]) -> list[Node]:
    """Which values need a gradient, and which constants fold into their function.

    A Variable needs a gradient when it depends on an input (a slider); a typed number
    does not, although Mul's backward computes one for it (``gx0 = gy · x1``). A
    constant used by exactly one binary arithmetic op whose other operand needs a
    gradient is written into that op's label (``÷4``) and drawn no more.
    """
    needs: dict[int, bool] = {}
    users: dict[int, int] = {}
    for n in nodes:
        if n.kind == "function":
            needs[n.id] = any(needs[i] for i in n.inputs)
            for i in n.inputs:
                users[i] = users.get(i, 0) + 1
        elif n.creator is not None:
            needs[n.id] = needs.get(n.creator, False)
        else:
            needs[n.id] = n.role == "input" or n.role == "output"
    # outputs are added after their creator: fix them up in a second pass
    for n in nodes:
        if n.kind == "variable" and n.creator is not None:
            needs[n.id] = needs[n.creator] or n.role == "output"  # its grad is the seed
    out: list[Node] = list(nodes)
    folded_into: dict[int, int] = {}
    for n in nodes:
        if n.kind != "function":
            continue
        label, folded = n.symbol, ()
        texts = _FOLDABLE.get(n.op)
        if texts is not None and len(n.inputs) == 2 and needs[n.id]:
            pairs = ((n.inputs[0], n.inputs[1]), (n.inputs[1], n.inputs[0]))
            for side, (i, other) in enumerate(pairs):
                c = nodes[i]
                if (
                    c.kind == "variable"
                    and c.role == "constant"
                    and c.creator is None
                    and users.get(i) == 1
                    and needs[other]
                ):
                    text = c.name if c.name else array_summary(c.data)
                    label, folded = texts[side].format(c=_pretty_name(text)), (i,)
                    folded_into[i] = n.id
                    break
        out[n.id] = replace(n, label=label, folded=folded, needs_grad=needs[n.id])
    for n in nodes:
        if n.kind == "variable":
            out[n.id] = replace(n, needs_grad=needs[n.id], folded_into=folded_into.get(n.id))
    return out


def _pretty_name(text: str) -> str:
    return {"pi": "π"}.get(text, text)


__all__ = ["FunctionNode", "GraphSnapshot", "Node", "VariableNode", "shape_text", "snapshot",
           "walk_functions"]
