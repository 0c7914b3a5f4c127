"""Does memory stay flat under use? Growth of RSS and of gc-tracked objects.

    python benchmarks/bench_memory.py [--moves 10000] [--formulas 2000] [--runs 1000]
                                      [--repeat 3] [--trace] [--json]

Offscreen (no display needed). Each scenario runs in a fresh child process, ``--repeat``
times; the figures are the median and the range. A scenario first warms up (caches
filled, the undo stack at its limit where it matters), then counts, after a full
``gc.collect()``, the objects the garbage collector tracks and the resident memory
(RSS), does the work, and counts again:

* ``moves``    — one slider drag of ``--moves`` moves back and forth, each evaluated and
                 redrawn with the Graph tab in front (as ``bench_update.py`` moves it);
* ``formulas`` — ``--formulas`` formula changes, each its own undo step (the stack is
                 already full, so every new step pushes the oldest out);
* ``descent``  — ``--runs`` runs of Newton's method to convergence (the quartic preset),
                 each reset and run with the Map tab in front (after enough runs to
                 fill the undo stack).

The types that grew most are listed, and with ``--trace`` the lines that allocated the
most memory during the work (tracemalloc; slower). Target (issue 12): over 10,000
moves, at most 2 MB and 1,000 objects.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

TARGET_MB, TARGET_OBJECTS = 2.0, 1000  # over 10,000 moves


def rss_mb() -> float:
    """Resident memory now, in MB (Linux: /proc; elsewhere the peak, from getrusage)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def census() -> tuple[int, float, collections.Counter]:
    gc.collect()
    objects = gc.get_objects()
    types = collections.Counter(type(o).__qualname__ for o in objects)
    return len(objects), rss_mb(), types


# -- the scenarios (each in a child process) ---------------------------------------------


def _window(app, tab: str):
    from PySide6.QtCore import QStandardPaths

    from gui.main_window import MainWindow

    QStandardPaths.setTestModeEnabled(True)  # autosaves and settings in test folders
    window = MainWindow()
    window.show()
    tabs = window.side_tabs
    for i in range(tabs.count()):
        if tabs.widget(i).objectName() == tab:
            tabs.setCurrentIndex(i)
    for _ in range(5):
        app.processEvents()
    return window


def scenario_moves(app, n: int):
    from PySide6.QtWidgets import QSlider
    from window_timing import time_slider_drag

    window = _window(app, "graphPanel")
    slider = window.findChild(QSlider, "slider_y")
    slider.setSliderDown(True)  # one drag throughout: the undo stack has one entry
    time_slider_drag(app, window, slider, 500)

    def work():
        time_slider_drag(app, window, slider, n)

    return window, work


def scenario_formulas(app, n: int):
    window = _window(app, "graphPanel")
    controller = window.controller
    counter = iter(range(10**9))

    def changes(k: int) -> None:
        for _ in range(k):
            i = next(counter)
            controller.set_expression(f"sin(x) * x^{2 + i % 7} + {i % 50} * y")
            controller.flush()
            app.processEvents()

    changes(controller.undo_stack.undoLimit() + 100)  # the undo stack is full from here
    return window, lambda: changes(n)


def scenario_descent(app, n: int):
    window = _window(app, "mapDescentPanel")
    panel = window.map_descent_panel.optimizer_panel
    panel.apply_preset("quartic_newton")
    panel.timer.setInterval(0)  # frames as fast as they come: the same work, sooner

    def runs(k: int) -> None:
        for _ in range(k):
            panel.reset()
            panel.run()
            while panel.running:
                app.processEvents()
            window.controller.flush()
            app.processEvents()

    stack = window.controller.undo_stack
    while stack.count() < stack.undoLimit():  # the undo stack is full from here
        runs(10)
    return window, lambda: runs(n)


SCENARIOS = {"moves": scenario_moves, "formulas": scenario_formulas, "descent": scenario_descent}


def child(name: str, n: int, trace: bool) -> dict:
    from gui.app import create_app

    app = create_app(["bench"])
    window, work = SCENARIOS[name](app, n)
    objects0, rss0, types0 = census()
    if trace:
        import tracemalloc

        tracemalloc.start(8)
        snap0 = tracemalloc.take_snapshot()
    work()
    if trace:
        snap1 = tracemalloc.take_snapshot()
        tracemalloc.stop()
    objects1, rss1, types1 = census()
    grown = (types1 - types0).most_common(6)
    out = {
        "n": n,
        "objects": objects1 - objects0,
        "rss_mb": rss1 - rss0,
        "undo_steps": window.controller.undo_stack.count(),
        "grown_types": grown,
    }
    if trace:
        top = snap1.compare_to(snap0, "traceback")[:5]
        out["allocations"] = [
            f"{s.size_diff / 1e3:+.1f} kB  {s.count_diff:+d} blocks  "
            + " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in s.traceback[:4])
            for s in top
        ]
    window.close()
    return out


# -- the parent: run, repeat, summarise ----------------------------------------------------


def run_child(name: str, n: int, trace: bool) -> dict:
    cmd = [sys.executable, __file__, "--child", name, str(n)] + (["--trace"] if trace else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        raise RuntimeError(f"{name}: {proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def summary(runs: list[dict], key: str) -> str:
    values = [r[key] for r in runs]
    fmt = "{:+.2f}" if key == "rss_mb" else "{:+,d}"
    spread = ", ".join(fmt.format(v) for v in values)
    return f"{fmt.format(statistics.median(values))} (runs: {spread})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=10_000)
    parser.add_argument("--formulas", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", choices=sorted(SCENARIOS), action="append")
    parser.add_argument("--trace", action="store_true", help="tracemalloc the work")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", nargs=2, metavar=("SCENARIO", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child[0], int(args.child[1]), args.trace)))
        return 0

    sizes = {"moves": args.moves, "formulas": args.formulas, "descent": args.runs}
    labels = {
        "moves": "slider moves (one drag)",
        "formulas": "formula changes",
        "descent": "descent runs",
    }
    figures = {}
    for name in args.only or list(SCENARIOS):
        figures[name] = [run_child(name, sizes[name], args.trace) for _ in range(args.repeat)]
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"memory growth, median of {args.repeat} fresh processes (offscreen):")
    for name, runs in figures.items():
        print(f"  {sizes[name]:,} {labels[name]}:")
        print(f"    gc-tracked objects {summary(runs, 'objects')}")
        print(f"    RSS, MB            {summary(runs, 'rss_mb')}")
        print(f"    undo steps held    {runs[0]['undo_steps']}")
        grown = ", ".join(f"{t} +{c}" for t, c in runs[0]["grown_types"]) or "none"
        print(f"    grew most (run 1)  {grown}")
        for line in runs[0].get("allocations", []):
            print(f"    {line}")
    if "moves" in figures:
        runs = figures["moves"]
        scale = 10_000 / max(1, sizes["moves"])
        ok = (
            statistics.median(r["rss_mb"] for r in runs) * scale <= TARGET_MB
            and statistics.median(r["objects"] for r in runs) * scale <= TARGET_OBJECTS
        )
        print(
            f"target over 10,000 moves (<= {TARGET_MB:g} MB, <= {TARGET_OBJECTS:,} objects):",
            "met" if ok else "MISSED",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
