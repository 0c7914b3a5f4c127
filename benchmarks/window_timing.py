"""Timing the real window: a slider dragged back and forth, and percentiles of the times.

Shared by ``bench_update.py`` and ``bench_map.py``, so that both measure a slider move
the same way. Imports no Qt itself: the benchmark has set the platform up first.
"""

from __future__ import annotations

import time

WARM_UP = 20  # moves made before timing starts: caches filled, first paints done
STRIDE = 7  # slider indices per move: a brisk drag, not a crawl


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0…1) of ``values``, interpolated between neighbours."""
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def time_slider_drag(app, window, slider, moves: int) -> list[float]:
    """Milliseconds per move, for ``moves`` moves of a drag back and forth across the range.

    Each move sets the slider's position as a drag does, evaluates, and lets the event
    loop redraw and paint everything that changed; the warm-up moves are not counted.
    """
    lo, hi = slider.minimum(), slider.maximum()
    positions, i, direction = [], slider.value(), STRIDE
    while len(positions) < moves + WARM_UP:
        if not lo + STRIDE <= i + direction <= hi - STRIDE:
            direction = -direction
        i += direction
        positions.append(i)
    times = []
    slider.setSliderDown(True)
    for n, pos in enumerate(positions):
        t0 = time.perf_counter()
        slider.setSliderPosition(pos)
        window.controller.flush()
        app.processEvents()
        if n >= WARM_UP:
            times.append((time.perf_counter() - t0) * 1000)
    slider.setSliderDown(False)
    app.processEvents()
    return times
