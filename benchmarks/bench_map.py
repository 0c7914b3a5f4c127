"""The map and the optimizers: grid cost, slider moves with the map shown, descent speed.

    python benchmarks/bench_map.py [--moves 300] [--seconds 5] [--json]

Offscreen (no display needed). Three measurements:

1. ``evaluate_grid`` on a 200×200 grid: one vectorized forward and backward pass over
   40,000 points (Rosenbrock, and a busier expression), plus the contour lines.
2. A slider move with the map tab shown, in the real main window, until everything is
   redrawn and painted: moving one of the map's own variables (the marker and arrows
   move) and moving a variable the map holds fixed (the whole grid is recomputed).
3. Rosenbrock descent from the book's start (lr 0.001) while animating: the Run button
   of the optimizer panel, the window redrawn every frame, iterations per second of wall
   time; and the stepper alone, without drawing.

Targets (issue 8): grid ≤ 30 ms; slider move with the map shown ≤ 25 ms p95;
descent ≥ 2,000 iterations per second while animating.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

from window_timing import percentile, time_slider_drag

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROSENBROCK = "100*(x1 - x0^2)^2 + (1 - x0)^2"
BUSY = "sin(x) * y^2 + exp(-(x^2 + y^2) / 4) * cos(3*y) + log(1 + x^2) / (1 + tanh(y)^2)"


def summary(times_ms: list[float]) -> dict:
    return {
        "runs": len(times_ms),
        "median_ms": statistics.median(times_ms),
        "p95_ms": percentile(times_ms, 0.95),
        "max_ms": max(times_ms),
    }


def bench_grid(runs: int = 60) -> dict:
    import numpy as np

    from tutor.contours import color_values, contour_levels, contour_segments
    from tutor.formula import parse
    from tutor.grid import evaluate_grid

    out = {}
    for label, text, vx, vy, xr, yr in (
        ("rosenbrock", ROSENBROCK, "x0", "x1", (-2, 2), (-1, 3)),
        ("busy", BUSY, "x", "y", (-5, 5), (-5, 5)),
    ):
        expr = parse(text)
        times, contour_times = [], []
        for k in range(runs + 5):
            t0 = time.perf_counter()
            grid = evaluate_grid(expr, {}, vx, vy, xr, yr, n=200)
            t1 = time.perf_counter()
            values = color_values(grid.f, log=label == "rosenbrock")
            contour_segments(values, grid.xs, grid.ys, contour_levels(values))
            t2 = time.perf_counter()
            if k >= 5:
                times.append((t1 - t0) * 1000)
                contour_times.append((t2 - t1) * 1000)
        assert np.isfinite(grid.f).all()
        out[label] = {"grid": summary(times), "contours": summary(contour_times)}
    return out


def _window(session):
    from gui.main_window import MainWindow

    window = MainWindow(session)
    panel = window.map_descent_panel
    window.side_tabs.setCurrentWidget(panel)
    return window, panel


def bench_slider_moves(moves: int) -> dict:
    from PySide6.QtWidgets import QSlider

    from gui.app import create_app
    from tutor.session import Session

    app = create_app(["bench"])
    session = Session("sin(x) * y^2 + z * x + exp(-(x^2 + y^2) / 4)")
    window, panel = _window(session)
    window.show()
    for _ in range(5):
        app.processEvents()
    panel.map_panel.set_axes("x", "y")
    app.processEvents()
    out = {}
    for name, label in (("x", "map variable"), ("z", "held variable")):
        slider = window.findChild(QSlider, f"slider_{name}")
        grids_before = id(panel.map_panel.grid)
        times = time_slider_drag(app, window, slider, moves)
        out[label] = summary(times) | {
            "grid_recomputed": id(panel.map_panel.grid) != grids_before,
        }
    window.close()
    return out


def bench_descent(seconds: float) -> dict:
    from gui.app import create_app
    from tutor.descent import GradientDescent
    from tutor.formula import parse
    from tutor.session import Session

    # the stepper alone
    gd = GradientDescent(parse(ROSENBROCK), {"x0": 0.0, "x1": 2.0}, ("x0", "x1"), lr=0.001)
    t0 = time.perf_counter()
    gd.step(20_000)
    alone = 20_000 / (time.perf_counter() - t0)

    app = create_app(["bench"])
    window, panel = _window(Session())
    window.show()
    for _ in range(5):
        app.processEvents()
    opt = panel.optimizer_panel
    opt.apply_preset("rosenbrock")
    app.processEvents()
    frames = 0

    def count_frame() -> None:
        nonlocal frames
        frames += 1

    opt.sigStepped.connect(count_frame)
    opt.run()
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds and opt.running:
        app.processEvents()
    elapsed = time.perf_counter() - t0
    opt.stop()
    iterations = opt.stepper.iteration
    point = opt.stepper.point
    window.close()
    return {
        "steps_per_frame": opt.steps_spin.value(),
        "seconds": elapsed,
        "iterations": iterations,
        "iterations_per_s": iterations / elapsed,
        "frames_per_s": frames / elapsed,
        "point": point,
        "stepper_alone_iterations_per_s": alone,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = {
        "grid": bench_grid(),
        "slider": bench_slider_moves(args.moves),
        "descent": bench_descent(args.seconds),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print("200×200 grid, one forward + backward (contours separately):")
    for label, r in figures["grid"].items():
        g, c = r["grid"], r["contours"]
        print(
            f"  {label:11s} grid median {g['median_ms']:5.2f} ms  p95 {g['p95_ms']:5.2f} ms"
            f"   contours median {c['median_ms']:5.2f} ms  p95 {c['p95_ms']:5.2f} ms"
        )
    print(f"slider move with the map shown, main window offscreen ({args.moves} moves each):")
    for label, r in figures["slider"].items():
        print(
            f"  {label:14s} median {r['median_ms']:5.2f} ms  p95 {r['p95_ms']:5.2f} ms"
            f"  max {r['max_ms']:6.2f} ms  (grid recomputed: {r['grid_recomputed']})"
        )
    d = figures["descent"]
    print(
        f"Rosenbrock descent while animating: {d['iterations_per_s']:,.0f} iterations/s"
        f" ({d['iterations']:,} in {d['seconds']:.1f} s, {d['frames_per_s']:.0f} frames/s,"
        f" {d['steps_per_frame']} steps per frame; reached"
        f" ({d['point']['x0']:.4f}, {d['point']['x1']:.4f}))"
    )
    print(f"  the stepper alone: {d['stepper_alone_iterations_per_s']:,.0f} iterations/s")
    grid_ok = all(r["grid"]["median_ms"] <= 30 for r in figures["grid"].values())
    slider_ok = all(r["p95_ms"] <= 25 for r in figures["slider"].values())
    ok = grid_ok and slider_ok and d["iterations_per_s"] >= 2000
    print(
        "targets (grid <= 30 ms, slider p95 <= 25 ms, descent >= 2,000 it/s):",
        "met" if ok else "MISSED",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
