"""Semantic zoom: a large graph seen whole, with subexpressions collapsed into groups.

Pure Python, no Qt. Seen from far away, a 100-node graph is a field of boxes too small
to read. Instead of shrinking the text, ``collapse`` replaces whole subexpressions of
the formula by one group box each, labelled with the subexpression's own text
(``sin(x*2) * exp(-y^2/3)``); the card after it holds the subexpression's value and
gradient, as before. A group is a Function of the recorded graph (its *root*) with
everything that only it uses: in a graph recorded from a formula, every subexpression
makes its own Functions, and only the inputs (the sliders) are shared.

The result is a ``GraphSnapshot`` with the same node ids, so the step-through and the
view keep speaking of the same nodes: members of a group are listed in ``hidden``, and
the root's FunctionNode is replaced by one whose inputs are the group's inputs and whose
label is the formula text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from tutor.snapshot import FunctionNode, GraphSnapshot

GROUP_OP = "Group"


@dataclass(frozen=True)
class Collapsed:
    """A view of ``snapshot`` with some subexpressions collapsed.

    ``snapshot`` is the graph to lay out (same ids; group roots relabelled and
    rewired), ``hidden`` the ids that are not drawn (the groups' insides and the
    constants folded into labels), ``group_of`` maps every hidden Function to the root
    of its group, and ``groups`` lists the roots.
    """

    snapshot: GraphSnapshot
    hidden: frozenset[int]
    group_of: Mapping[int, int]
    groups: tuple[int, ...]


def _subtrees(snap: GraphSnapshot) -> dict[int, list[int]]:
    """For every Function, the Functions of its subexpression (itself included), when
    no other Function outside uses any of its intermediate values."""
    users: dict[int, int] = {}
    for n in snap.functions:
        for i in n.inputs:
            users[i] = users.get(i, 0) + 1
    members: dict[int, list[int]] = {}
    for f in snap.functions:  # ids are topological: children come first
        own = [f.id]
        ok = True
        for i in f.inputs:
            v = snap.nodes[i]
            if v.creator is None:
                continue  # an input or a constant: shared, not part of the group
            if users.get(i, 0) != 1 or v.creator not in members:
                ok = False
                break
            own.extend(members[v.creator])
        if ok:
            members[f.id] = own
    return members


def _leaves(snap: GraphSnapshot, group: list[int]) -> tuple[int, ...]:
    """The inputs of a group, in order of first use, each once."""
    inside = set(group)
    seen: dict[int, None] = {}
    for fid in sorted(group):
        for i in snap.nodes[fid].inputs:
            v = snap.nodes[i]
            if v.creator is None or v.creator not in inside:
                if v.folded_into is None:
                    seen.setdefault(i, None)
    return tuple(seen)


def _text_of(snap: GraphSnapshot, root: int, text: str) -> str:
    spans = snap.spans.get(root, ())
    if not spans or not text:
        return snap.nodes[root].label or snap.nodes[root].symbol
    start, end = spans[0]
    return text[start:end].strip()


def collapse(
    snap: GraphSnapshot,
    text: str,
    max_visible: int,
    *,
    expanded: frozenset[int] = frozenset(),
) -> Collapsed:
    """Collapse subexpressions until about ``max_visible`` nodes are drawn.

    Groups are the largest subexpressions of at most ``size`` Functions, with ``size``
    the smallest that brings the count under ``max_visible``; ``expanded`` roots are
    never collapsed (the learner clicked them open). ``text`` is the formula the
    snapshot's spans refer to; a group is labelled with its part of it.
    """
    folded = frozenset(n.id for n in snap.variables if n.folded_into is not None)
    drawn = len(snap) - len(folded)
    none = Collapsed(snap, folded, {}, ())
    if drawn <= max_visible or not snap.spans:
        return none
    members = _subtrees(snap)
    output_creator = snap.nodes[snap.output].creator
    best = none
    size = 2
    while size <= len(snap):
        chosen: list[int] = []
        covered: set[int] = set()
        # largest first: a group that fits swallows the smaller ones inside it
        for root in sorted(members, key=lambda r: -len(members[r])):
            group = members[root]
            if (
                len(group) < 2
                or len(group) > size
                or root in covered
                or root == output_creator
                or any(g in expanded for g in group)
            ):
                continue
            chosen.append(root)
            covered.update(group)
        result = _build(snap, text, members, chosen, folded)
        best = result
        if len(snap) - len(result.hidden) <= max_visible:
            break
        size = max(size + 1, int(size * 1.5))
    return best


def _build(
    snap: GraphSnapshot,
    text: str,
    members: Mapping[int, list[int]],
    roots: list[int],
    folded: frozenset[int],
) -> Collapsed:
    nodes = list(snap.nodes)
    hidden = set(folded)
    group_of: dict[int, int] = {}
    edges: list[tuple[int, int]] = []
    replaced: dict[int, tuple[int, ...]] = {}
    for root in roots:
        group = members[root]
        leaves = _leaves(snap, group)
        for fid in group:
            group_of[fid] = root
            if fid != root:
                hidden.add(fid)
                hidden.update(snap.nodes[fid].outputs)
        f: FunctionNode = snap.nodes[root]
        nodes[root] = replace(
            f, op=GROUP_OP, label=_text_of(snap, root, text), inputs=leaves, folded=()
        )
        replaced[root] = leaves
    for u, v in snap.edges:
        if v in replaced:
            continue  # the group's own inputs are listed below
        edges.append((u, v))
    for root, leaves in replaced.items():
        edges.extend((i, root) for i in leaves)
    view = GraphSnapshot(tuple(nodes), tuple(edges), snap.output, snap._ids, snap.spans)
    return Collapsed(view, frozenset(hidden), group_of, tuple(roots))


__all__ = ["GROUP_OP", "Collapsed", "collapse"]
