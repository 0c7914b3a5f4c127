"""Where each node of a recorded graph goes: a layered layout, left to right.

Pure Python, no Qt, so it can be tested and timed on its own. The method is the
classic one of Sugiyama et al. (1981), kept small:

1. **Layers.** A Variable of generation g sits in column 2g, a Function of generation g
   in column 2g + 1, so values flow left to right in the order ``backward`` undoes
   them. Constants (the 2 in ``2x``) sit just left of the function that uses them
   instead of all piling up in column 0.
2. **Dummy nodes.** An edge that skips columns gets a chain of invisible points, one
   per column it crosses, so that ordering can route it around other nodes.
3. **Ordering.** Sweeps left-to-right and right-to-left sort each column by the
   barycenter (mean position) of its neighbours in the previous column; the order
   with the fewest crossings wins.
4. **Coordinates.** Each node is pulled towards the mean height of its neighbours,
   then pushed apart so that nothing overlaps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tutor.snapshot import GraphSnapshot, Node

Point = tuple[float, float]


@dataclass
class Layout:
    """Centers and sizes of the nodes, and a route (list of points) for every edge.

    ``routes[i]`` belongs to ``snapshot.edges[i]``: it starts at the right side of the
    source and ends at the left side of the target, through the dummy points.
    ``crossings`` counts edge crossings between neighbouring columns.
    """

    centers: dict[int, Point]
    sizes: dict[int, tuple[float, float]]
    columns: dict[int, int]
    routes: list[list[Point]]
    width: float
    height: float
    crossings: int
    vertical: bool = False


def node_columns(snap: GraphSnapshot, hidden: frozenset[int] = frozenset()) -> dict[int, int]:
    """Column of every node: 2·generation for Variables, 2·generation + 1 for Functions.

    Computed as the longest path from the inputs (which is what a generation is), so
    that it holds for any snapshot; constants move next to their first user.
    """
    col: dict[int, int] = {}
    consumers: dict[int, list[int]] = {}
    for n in snap.nodes:
        if n.kind == "function":
            placed = [
                col[i] for i in n.inputs if snap.nodes[i].role != "constant" and i not in hidden
            ]
            col[n.id] = (max(placed) if placed else 0) + 1
            for i in n.inputs:
                consumers.setdefault(i, []).append(n.id)
        elif n.creator is not None:
            col[n.id] = col[n.creator] + 1
        else:
            col[n.id] = 0
    for n in snap.nodes:
        if n.kind == "variable" and n.role == "constant" and n.id in consumers:
            col[n.id] = max(0, min(col[f] for f in consumers[n.id]) - 1)
    for i in hidden:
        col.pop(i, None)
    return col


def _count_crossings(pairs: list[tuple[int, int]]) -> int:
    """Crossings among edges given as (upper position, lower position) pairs.

    Sorted by the first position, every inversion in the second is one crossing;
    a Fenwick tree counts them in O(e log e).
    """
    if len(pairs) < 2:
        return 0
    pairs.sort()
    size = max(p[1] for p in pairs) + 2
    tree = [0] * (size + 1)
    seen = crossings = 0
    for _, b in pairs:
        # how many earlier edges end strictly below b
        i, le = b + 1, 0
        while i > 0:
            le += tree[i]
            i -= i & -i
        crossings += seen - le
        seen += 1
        i = b + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return crossings


def layered_layout(
    snap: GraphSnapshot,
    size_of: Callable[[Node], tuple[float, float]],
    *,
    column_gap: float = 48.0,
    row_gap: float = 14.0,
    sweeps: int | None = None,
    port_spacing: float = 10.0,
    hidden: frozenset[int] = frozenset(),
    vertical: bool = False,
) -> Layout:
    """Lay out ``snap`` left to right; ``size_of(node)`` gives each node's (width, height).

    ``hidden`` nodes (constants folded into their function's label) get no place, and
    the edges that leave them an empty route. ``sweeps`` defaults to 8 ordering sweeps
    for graphs up to 400 nodes and 4 above: the last sweeps of a large graph remove
    few crossings and cost as much as the first.

    ``vertical`` lays the graph out top to bottom instead (for a tall, narrow pane): the
    same method on the transposed sizes, with every point transposed at the end, so
    edges leave a node's bottom and arrive at the top.
    """
    if vertical:
        lay = layered_layout(
            snap, lambda n: size_of(n)[::-1], column_gap=column_gap, row_gap=row_gap,
            sweeps=sweeps, port_spacing=port_spacing, hidden=hidden,
        )  # fmt: skip
        return Layout(
            {i: (y, x) for i, (x, y) in lay.centers.items()},
            {i: (h, w) for i, (w, h) in lay.sizes.items()},
            lay.columns,
            [[(y, x) for x, y in route] for route in lay.routes],
            lay.height,
            lay.width,
            lay.crossings,
            vertical=True,
        )
    nodes = snap.nodes
    col = node_columns(snap, hidden)
    for i in hidden:  # no column, no layer: only its (empty) size is kept
        col[i] = 0
    shown_edges = [
        ei for ei, (u, v) in enumerate(snap.edges) if u not in hidden and v not in hidden
    ]
    sizes = {n.id: size_of(n) for n in nodes if n.id not in hidden}
    for i in hidden:
        sizes[i] = (0.0, 0.0)
    n_real = len(nodes)
    if sweeps is None:
        sweeps = 8 if n_real - len(hidden) <= 400 else 4

    # -- dummy nodes: ids n_real, n_real + 1, ... ------------------------------
    dummy_col: list[int] = []
    chains: list[list[int]] = [[] for _ in snap.edges]
    budget = 2 * n_real + 200  # wide graphs: leave the longest edges without dummies
    order_of_edges = sorted(
        shown_edges, key=lambda i: col[snap.edges[i][1]] - col[snap.edges[i][0]]
    )
    for ei in order_of_edges:
        u, v = snap.edges[ei]
        span = col[v] - col[u]
        if span <= 1 or span - 1 > budget:
            continue
        budget -= span - 1
        for c in range(col[u] + 1, col[v]):
            chains[ei].append(n_real + len(dummy_col))
            dummy_col.append(c)
    total = n_real + len(dummy_col)
    column_of = [col[i] for i in range(n_real)] + dummy_col

    # adjacency between neighbouring columns, with multiplicity (add(x, x) counts twice)
    preds: list[list[int]] = [[] for _ in range(total)]
    succs: list[list[int]] = [[] for _ in range(total)]
    for ei in shown_edges:
        u, v = snap.edges[ei]
        path = [u, *chains[ei], v]
        if column_of[v] - column_of[u] > 1 and not chains[ei]:
            continue  # no dummies: the edge takes no part in ordering
        for a, b in zip(path, path[1:], strict=False):
            succs[a].append(b)
            preds[b].append(a)

    n_cols = max(column_of) + 1 if total else 0
    layers: list[list[int]] = [[] for _ in range(n_cols)]
    # Initial order: ids are topological (inputs before users, subtree by subtree);
    # a dummy starts next to its edge's source.
    init_key = list(range(n_real))
    for ei, chain in enumerate(chains):
        init_key.extend([snap.edges[ei][0]] * len(chain))
    for node in sorted(range(total), key=lambda i: (init_key[i], i)):
        if node not in hidden:
            layers[column_of[node]].append(node)

    pos = [0] * total
    for layer in layers:
        for i, node in enumerate(layer):
            pos[node] = i

    def crossings_now() -> int:
        return sum(
            _count_crossings([(pos[a], pos[b]) for a in layers[c] for b in succs[a]])
            for c in range(n_cols - 1)
        )

    best_layers = [list(layer) for layer in layers]
    best = crossings_now()
    for sweep in range(sweeps):
        if best == 0:
            break
        down = sweep % 2 == 0
        cols = range(1, n_cols) if down else range(n_cols - 2, -1, -1)
        for c in cols:
            layer = layers[c]
            keys = {}
            for node in layer:
                nbrs = preds[node] if down else succs[node]
                keys[node] = sum(map(pos.__getitem__, nbrs)) / len(nbrs) if nbrs else pos[node]
            layer.sort(key=lambda node, keys=keys: keys[node])
            for i, node in enumerate(layer):
                pos[node] = i
        now = crossings_now()
        if now < best:
            best = now
            best_layers = [list(layer) for layer in layers]
    layers = best_layers
    for layer in layers:
        for i, node in enumerate(layer):
            pos[node] = i

    # -- coordinates ------------------------------------------------------------
    heights = [sizes[i][1] if i < n_real else 0.0 for i in range(total)]
    y = [0.0] * total
    for layer in layers:
        acc = 0.0
        for node in layer:
            y[node] = acc + heights[node] / 2
            acc += heights[node] + row_gap
        shift = acc / 2
        for node in layer:
            y[node] -= shift

    def separation(a: int, b: int) -> float:
        gap = row_gap if a < n_real and b < n_real else row_gap / 2
        return (heights[a] + heights[b]) / 2 + gap

    def place(layer: list[int], desired: list[float]) -> None:
        # Forward pass pushes down, backward pass pushes up; their mean keeps order and
        # spacing (both satisfy the constraints, which are linear) and splits the push.
        gaps = [separation(a, b) for a, b in zip(layer, layer[1:], strict=False)]
        fwd = list(desired)
        for k in range(1, len(fwd)):
            fwd[k] = max(fwd[k], fwd[k - 1] + gaps[k - 1])
        bwd = list(desired)
        for k in range(len(bwd) - 2, -1, -1):
            bwd[k] = min(bwd[k], bwd[k + 1] - gaps[k])
        for node, a, b in zip(layer, fwd, bwd, strict=True):
            y[node] = (a + b) / 2

    for it in range(6):
        mode = it % 3  # down, up, both
        cols = range(n_cols) if mode != 1 else range(n_cols - 1, -1, -1)
        for c in cols:
            layer = layers[c]
            desired = []
            for node in layer:
                if mode == 0:
                    nbrs = preds[node]
                elif mode == 1:
                    nbrs = succs[node]
                else:
                    nbrs = preds[node] + succs[node]
                desired.append(sum(map(y.__getitem__, nbrs)) / len(nbrs) if nbrs else y[node])
            place(layer, desired)

    # columns: x of each column's center, wide enough for its widest node
    col_width = [0.0] * n_cols
    for i in range(n_real):
        if i not in hidden:
            col_width[column_of[i]] = max(col_width[column_of[i]], sizes[i][0])
    col_x = []
    x = 0.0
    for c in range(n_cols):
        col_x.append(x + col_width[c] / 2)
        x += col_width[c] + column_gap
    width = x - column_gap if n_cols else 0.0

    placed = [i for i in range(total) if i not in hidden]
    top = min((y[i] - heights[i] / 2 for i in placed), default=0.0)
    bottom = max((y[i] + heights[i] / 2 for i in placed), default=0.0)
    centers = {i: (col_x[column_of[i]], y[i] - top) for i in placed if i < n_real}

    # -- routes -----------------------------------------------------------------
    # A function's inputs arrive at separate ports, in argument order, so the two
    # edges of add(x, x) do not lie on top of each other.
    routes: list[list[Point]] = []
    slots: dict[int, int] = {}  # edges into a function come in argument order
    for ei, (u, v) in enumerate(snap.edges):
        if u in hidden or v in hidden:
            routes.append([])
            continue
        ux, uy = centers[u]
        vx, vy = centers[v]
        start = (ux + sizes[u][0] / 2, uy)
        end_y = vy
        target = nodes[v]
        if target.kind == "function" and len(target.inputs) > 1:
            k = slots.get(v, 0)
            slots[v] = k + 1
            ports = sum(1 for i in target.inputs if i not in hidden)
            end_y = vy + (k - (ports - 1) / 2) * port_spacing if ports > 1 else vy
        end = (vx - sizes[v][0] / 2, end_y)
        mid = [(col_x[column_of[d]], y[d] - top) for d in chains[ei]]
        routes.append([start, *mid, end])

    columns = {i: c for i, c in col.items() if i not in hidden}
    return Layout(centers, sizes, columns, routes, width, bottom - top, best)
