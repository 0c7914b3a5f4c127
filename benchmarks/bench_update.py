"""How long a slider move takes until everything is redrawn, and how soon the window paints.

    python benchmarks/bench_update.py [--moves 400] [--json]

Offscreen (no display needed). For each move: the slider's value changes (as a drag
does), the controller evaluates (forward and backward at the point, and f, f′, f″
over the 2,000-point sweep), every view updates from the result, and the event loop
paints every widget that changed (the plot's viewport paints are counted, to show
that painting really happened). Two cases:

* ``y`` — a variable the plot does *not* run along: all three curves change (worst case);
* ``x`` — the swept variable: the curves stay, the marker, tangent and readouts move.

Then the time from ``python main.py`` starting to the window's first paint event, and
the wall time of ``python main.py --screenshot`` (start to PNG written), in subprocesses.

Targets (DESIGN.md): median ≤ 8 ms, p95 ≤ 16 ms per move; first paint ≤ 1.5 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from window_timing import percentile, time_slider_drag

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST_PAINT_CHILD = r"""
import time, sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject, QTimer
import main
app, window = main.build_window([])

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
            app.removeEventFilter(self)
        return False

watcher = FirstPaint()
app.installEventFilter(watcher)
window.show()
app.exec()
"""


def bench_moves(moves: int) -> dict:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QSlider

    from gui.app import create_app
    from gui.main_window import MainWindow
    from tutor.session import Session

    app = create_app(["bench"])
    session = Session()  # sin(x) * x^2 + y, 2,000 points
    session.set_curves(["f", "df", "d2f"])
    window = MainWindow(session)
    window.show()
    for _ in range(5):
        app.processEvents()

    class PaintCounter(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 - Qt
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    counter = PaintCounter()
    window.plot_panel.plot_widget.viewport().installEventFilter(counter)
    out = {}
    # With the Graph tab in front (if the window has one), its view redraws on every move
    # too: the third case.
    from PySide6.QtWidgets import QWidget

    graph = window.findChild(QWidget, "graphView")
    cases = [("y", "y"), ("x", "x")] + ([("y", "y+graph")] if graph is not None else [])
    for name, key in cases:
        if key == "y+graph":
            tabs = window.side_tabs
            for i in range(tabs.count()):
                if tabs.widget(i).isAncestorOf(graph) or tabs.widget(i) is graph:
                    tabs.setCurrentIndex(i)
            for _ in range(5):
                app.processEvents()
        slider = window.findChild(QSlider, f"slider_{name}")
        counter.count = 0
        times = time_slider_drag(app, window, slider, moves)
        out[key] = {
            "moves": len(times),
            "median_ms": statistics.median(times),
            "p95_ms": percentile(times, 0.95),
            "max_ms": max(times),
            "plot_paints": counter.count,
        }
    # the same moves, evaluation only, to show where the time goes
    times = []
    for k in range(moves):
        session_value = -5 + (k % 1000) * 0.01
        t0 = time.perf_counter()
        window.controller.session.set_value("y", session_value)
        window.controller.session.evaluate()
        times.append((time.perf_counter() - t0) * 1000)
    out["evaluate_only"] = {
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
    }
    window.close()
    return out


def bench_first_paint(runs: int = 3) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    paints, shots = [], []
    for _ in range(runs):
        t0 = time.time()
        proc = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT_CHILD.format(root=str(ROOT))],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)
        paints.append(float(proc.stdout.split()[0]) - t0)
        with tempfile.TemporaryDirectory() as folder:
            t0 = time.time()
            subprocess.run(
                [sys.executable, str(ROOT / "main.py"), "--screenshot", f"{folder}/s.png"],
                check=True,
                env=env,
                timeout=60,
                capture_output=True,
            )
            shots.append(time.time() - t0)
    return {
        "first_paint_s": statistics.median(paints),
        "first_paint_runs_s": paints,
        "screenshot_s": statistics.median(shots),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=400)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = {"update": bench_moves(args.moves), "startup": bench_first_paint()}
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"slider move -> everything redrawn, offscreen ({args.moves} moves each):")
    labels = (
        ("y", "y (all curves change)"),
        ("x", "x (swept: marker moves)"),
        ("y+graph", "y, Graph tab in front"),
    )
    for name, label in labels:
        if name not in figures["update"]:
            continue
        r = figures["update"][name]
        print(
            f"  {label:26s} median {r['median_ms']:5.2f} ms   p95 {r['p95_ms']:5.2f} ms"
            f"   max {r['max_ms']:6.2f} ms   ({r['plot_paints']} plot paints)"
        )
    e = figures["update"]["evaluate_only"]
    print(f"  {'evaluate() alone':26s} median {e['median_ms']:5.2f} ms   p95 {e['p95_ms']:5.2f} ms")
    s = figures["startup"]
    runs = ", ".join(f"{t:.2f}" for t in s["first_paint_runs_s"])
    print(f"first paint of `python main.py`: {s['first_paint_s']:.2f} s (runs: {runs})")
    print(f"`python main.py --screenshot` start to PNG: {s['screenshot_s']:.2f} s")
    moves = [figures["update"][k] for k in ("y", "x", "y+graph") if k in figures["update"]]
    ok = all(r["median_ms"] <= 8 and r["p95_ms"] <= 16 for r in moves) and s["first_paint_s"] <= 1.5
    print(
        "targets (median <= 8 ms, p95 <= 16 ms, first paint <= 1.5 s):", "met" if ok else "MISSED"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
