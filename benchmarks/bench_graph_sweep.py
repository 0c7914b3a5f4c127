"""A slider move with the Graph tab in front: the graph at the point vs the graph of the sweep.

    python benchmarks/bench_graph_sweep.py [--moves 200] [--runs 3]

Offscreen. The example session (sin(x) * x^2 + y, 2,000 points, all three curves) in the
window, the Graph tab shown; the y slider is dragged (as in bench_update.py's
"y+graph" case) with the tab showing the graph at the point, then the graph of the
plot's sweep (recorded at 50 of the 2,000 points), alternately, ``--runs`` times. Prints
the median ms per move of each run, and the median and min–max over the runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

from window_timing import time_slider_drag

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from PySide6.QtWidgets import QSlider, QWidget

    from gui.app import create_app
    from gui.main_window import MainWindow
    from tutor.session import Session

    app = create_app(["bench"])
    session = Session()
    session.set_curves(["f", "df", "d2f"])
    window = MainWindow(session)
    window.show()
    graph = window.findChild(QWidget, "graphView")
    tabs = window.side_tabs
    for i in range(tabs.count()):
        if tabs.widget(i).isAncestorOf(graph):
            tabs.setCurrentIndex(i)
    for _ in range(5):
        app.processEvents()
    slider = window.findChild(QSlider, "slider_y")
    medians: dict[str, list[float]] = {"point": [], "sweep": []}
    for _ in range(args.runs):
        for mode in medians:
            window.controller.set_panel_state("graph", {"sweep": mode == "sweep"})
            for _ in range(5):
                app.processEvents()
            times = time_slider_drag(app, window, slider, args.moves)
            medians[mode].append(statistics.median(times))
    for mode, values in medians.items():
        runs = ", ".join(f"{v:.2f}" for v in values)
        print(
            f"graph {'of the sweep' if mode == 'sweep' else 'at the point'}: median "
            f"{statistics.median(values):.2f} ms per move (min–max {min(values):.2f}–"
            f"{max(values):.2f}; runs {runs})"
        )
    window.close()


if __name__ == "__main__":
    main()
