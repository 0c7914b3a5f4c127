"""The recorded graph in Graphviz's language, values and gradients in the labels, as the
book does in step 26."""

from __future__ import annotations

from tutor.backward_trace import value_text
from tutor.numbers import array_summary
from tutor.snapshot import GraphSnapshot, Node, shape_text


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


def _dot_label(n: Node, shapes: bool = False) -> str:
    if n.kind == "function":
        return n.label or n.symbol
    text = value_text if shapes else array_summary
    lines = [n.label] if n.role != "constant" else []
    if shapes:  # x (50,): the shape beside the name, as on the edges
        lines = [f"{lines[0]}  {shape_text(n.shape)}" if lines else shape_text(n.shape)]
    lines.append(f"value {text(n.data)}")
    if n.shown_grad is not None:  # a typed number's gradient is needed by nobody
        lines.append(f"grad {text(n.shown_grad)}")
    return "\n".join(lines)


def to_dot(snap: GraphSnapshot, *, name: str = "autodiff") -> str:
    """The graph in Graphviz DOT, left to right, values and grads in the labels.

    Variables are rounded boxes (inputs blue, the output orange), Functions plain boxes
    labelled with their op. A constant folded into its function's label (``÷4``) gets
    no node of its own, as in the window. In a graph of arrays every edge is labelled
    with the shape that flows along it (``(2000,)``, ``()``) and every variable with its
    shape; a graph of numbers is left without. Render it with ``dot -Tpng graph.dot -o
    graph.png``.
    """
    lines = [
        f'digraph "{dot_escape(name)}" {{',
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [color="#666666"];',
    ]
    hidden = {n.id for n in snap.variables if n.folded_into is not None}
    shapes = snap.has_arrays
    for n in snap.nodes:
        if n.id in hidden:
            continue
        label = dot_escape(_dot_label(n, shapes))
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
        if src in hidden:
            continue
        if shapes:
            shape = dot_escape(shape_text(snap.edge_shape((src, dst))))
            lines.append(f'  n{src} -> n{dst} [label="{shape}", fontsize=9];')
        else:
            lines.append(f"  n{src} -> n{dst};")
    lines.append("}")
    return "\n".join(lines) + "\n"


__all__ = ["dot_escape", "to_dot"]
