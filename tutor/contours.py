"""Contour lines of a grid, by marching squares vectorized over cells (numpy only).

``contour_segments`` returns every segment of every level as one array of endpoint
pairs, ready for a single pyqtgraph ``PlotDataItem(connect="pairs")``: one item and one
``setData`` per redraw, however many levels, instead of one IsocurveItem (and one
Python pass over the grid) per level.

``contour_levels`` chooses levels spread evenly over the finite values, optionally in
a log scale for landscapes like Rosenbrock's whose interesting part is a valley far
below the rest.
"""

from __future__ import annotations

import numpy as np


def color_values(f: np.ndarray, log: bool) -> np.ndarray:
    """What the heat map shows: f itself, or log10(f − min + δ) for a log scale.

    δ is a small fraction of the range (``LOG_FLOOR``), so the minimum maps to a finite
    value and the scale spans about four decades: enough to show the valley floor
    without spending the colours on rounding noise. Non-finite values stay NaN.
    """
    with np.errstate(all="ignore"):
        out = np.where(np.isfinite(f), f, np.nan).astype(np.float64)
        if not log:
            return out
        finite = out[np.isfinite(out)]
        if finite.size == 0:
            return out
        lo, hi = float(finite.min()), float(finite.max())
        return np.log10(out - log_offset(lo, hi))


LOG_FLOOR = 1e-4


def log_offset(lo: float, hi: float) -> float:
    """What a log colour scale subtracts from f: a little below the minimum ``lo``."""
    return lo - max((hi - lo) * LOG_FLOOR, np.finfo(float).tiny)


def wants_log_scale(f: np.ndarray) -> bool:
    """True when most of the grid sits in the bottom tenth of the range (a deep valley)."""
    finite = f[np.isfinite(f)]
    if finite.size < 4:
        return False
    lo, hi = float(finite.min()), float(finite.max())
    if not hi > lo:
        return False
    return float(np.median(finite)) - lo < 0.1 * (hi - lo)


def contour_levels(values: np.ndarray, count: int = 14) -> np.ndarray:
    """``count`` levels evenly spaced strictly inside the range of the finite values."""
    finite = values[np.isfinite(values)]
    if finite.size == 0:
        return np.empty(0)
    lo, hi = float(finite.min()), float(finite.max())
    if not hi > lo:
        return np.empty(0)
    return np.linspace(lo, hi, count + 2)[1:-1]


# Marching squares tables. Corners of a cell as (row, column) offsets: 0 bottom-left,
# 1 bottom-right, 2 top-right, 3 top-left. Edges as pairs of corners: bottom, right,
# top, left. A cell's case sets bit k when corner k is above the level.
_CORNERS = np.array([(0, 0), (0, 1), (1, 1), (1, 0)])
_EDGES = np.array([(0, 1), (1, 2), (3, 2), (0, 3)])
_B, _R, _T, _L = range(4)


def _case_table() -> tuple[np.ndarray, np.ndarray]:
    """For each of the 16 cases, the two edges its one segment joins (-1: none)."""
    first = np.full(16, -1)
    second = np.full(16, -1)
    for case in range(1, 15):
        above = [(case >> k) & 1 for k in range(4)]
        crossed = [e for e, (a, b) in enumerate(_EDGES) if above[a] != above[b]]
        if len(crossed) == 2:
            first[case], second[case] = crossed
    return first, second


_FIRST, _SECOND = _case_table()


def contour_segments(
    z: np.ndarray, xs: np.ndarray, ys: np.ndarray, levels: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Endpoints of the contour segments of ``z`` (rows along ``ys``) at ``levels``.

    Returns ``(x, y)``, each of length 2·(number of segments): points 2k and 2k+1 are
    the ends of segment k. Cells with a non-finite corner are skipped.

    All levels are handled together: one ``searchsorted`` tells, for every grid point,
    how many levels lie below it, so a cell is crossed by exactly the levels between
    its lowest and highest corner's counts. Only those (cell, level) pairs are visited,
    with no pass over the whole grid per level.
    """
    z = np.asarray(z, dtype=np.float64)
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    levels = np.sort(np.asarray(levels, dtype=np.float64))
    if levels.size == 0 or z.shape[0] < 2 or z.shape[1] < 2:
        return np.empty(0), np.empty(0)
    finite = np.isfinite(z)
    zc = np.where(finite, z, 0.0)
    below = np.searchsorted(levels, zc, side="left").astype(np.int32)  # levels < z
    c0, c1, c2, c3 = below[:-1, :-1], below[:-1, 1:], below[1:, 1:], below[1:, :-1]
    lo = np.minimum(np.minimum(c0, c1), np.minimum(c2, c3))
    hi = np.maximum(np.maximum(c0, c1), np.maximum(c2, c3))
    valid = finite[:-1, :-1] & finite[:-1, 1:] & finite[1:, 1:] & finite[1:, :-1]
    i, j = np.nonzero(valid & (hi > lo))
    if i.size == 0:
        return np.empty(0), np.empty(0)
    # one row per (cell, level) pair: the levels m with lo <= m < hi
    first, reps = lo[i, j], hi[i, j] - lo[i, j]
    i, j = np.repeat(i, reps), np.repeat(j, reps)
    starts = np.cumsum(reps) - reps
    m = np.repeat(first - starts, reps) + np.arange(int(reps.sum()))
    level = levels[m]
    case = (
        (m < below[i, j]).astype(np.int8)
        | ((m < below[i, j + 1]) << 1)
        | ((m < below[i + 1, j + 1]) << 2)
        | ((m < below[i + 1, j]) << 3)
    )

    def edge_points(i: np.ndarray, j: np.ndarray, edge: np.ndarray, level: np.ndarray):
        a = _CORNERS[_EDGES[edge, 0]]
        b = _CORNERS[_EDGES[edge, 1]]
        ia, ja = i + a[:, 0], j + a[:, 1]
        ib, jb = i + b[:, 0], j + b[:, 1]
        za, zb = zc[ia, ja], zc[ib, jb]
        t = (level - za) / (zb - za)  # za and zb straddle the level: never 0/0
        return xs[ja] + t * (xs[jb] - xs[ja]), ys[ia] + t * (ys[ib] - ys[ia])

    e1, e2 = _FIRST[case], _SECOND[case]
    # Saddle cells (cases 5 and 10) cross all four edges. The cell's center decides
    # which corners join: on corner 0's side, the two lines cut off corners 1 and 3;
    # otherwise corners 0 and 2.
    saddle = (case == 5) | (case == 10)
    if saddle.any():
        si, sj, sl = i[saddle], j[saddle], level[saddle]
        center = 0.25 * (zc[si, sj] + zc[si, sj + 1] + zc[si + 1, sj + 1] + zc[si + 1, sj])
        joined = (center > sl) == (case[saddle] == 5)
        keep = ~saddle
        i = np.concatenate([i[keep], si, si])
        j = np.concatenate([j[keep], sj, sj])
        level = np.concatenate([level[keep], sl, sl])
        e1 = np.concatenate([e1[keep], np.full(si.size, _B), np.where(joined, _T, _R)])
        e2 = np.concatenate([e2[keep], np.where(joined, _R, _L), np.where(joined, _L, _T)])
    with np.errstate(all="ignore"):
        px, py = edge_points(i, j, e1, level)
        qx, qy = edge_points(i, j, e2, level)
    return np.column_stack([px, qx]).reshape(-1), np.column_stack([py, qy]).reshape(-1)
