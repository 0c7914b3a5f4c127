"""The graph view's costs: layout of large graphs, a slider move, a step of the pass.

    python benchmarks/bench_graph.py [--moves 300] [--json]

Offscreen. Three measurements:

* **layout** — ``layered_layout`` of recorded graphs of about 100, 300, 500 and 1,000
  nodes drawn (layers, barycenter sweeps, coordinates, routes; constants folded into
  their function's label are hidden, as in the view), median and min–max of 3 runs,
  with the machine's load average printed first (the budget is 100 ms for 1,000);
* **update** — a slider move with the Graph panel visible: the controller's result
  arrives, the panel traces the backward pass again (``record_expression``), keeps its
  items (same structure) and updates their texts; then the viewport is repainted.
  Reported separately, for the default formula (10 nodes) and a 22-node one;
* **step** — one step forward of the step-through on a ~500-node graph (replay,
  states of every item, edge labels), and a full repaint after it.

Budget (DESIGN.md): the whole redraw after a slider move is 8 ms median, so the graph
should take about 1–2 ms of it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TWENTY_NODES = "sin(x) * exp(-y^2) + tanh(x * y) - log(1 + x^2)"


def wide_expression(terms: int) -> str:
    """Every term reuses x and y: a wide graph with many long edges."""
    return " + ".join(
        f"sin(x * {i % 7 + 1}) * exp(-y^2 / {i % 5 + 2}) - tanh(x - y*{i % 3 + 1})"
        for i in range(terms)
    )


def ms(seconds: float) -> float:
    return round(seconds * 1e3, 3)


def bench_layout() -> list[dict]:
    from gui.panels.graph.layered_layout import layered_layout
    from tutor.backward_trace import record_expression
    from tutor.formula import parse

    def size(node):
        return (80.0, 52.0) if node.kind == "variable" else (36.0, 30.0)

    rows = []
    for terms in (4, 11, 19, 38, 43):  # 43 terms: about 1,000 nodes drawn
        snap = record_expression(parse(wide_expression(terms)), {"x": 0.3, "y": 0.7}).snapshot
        # as the view lays it out: constants folded into their function's label are hidden
        hidden = frozenset(n.id for n in snap.variables if n.folded_into is not None)
        times = []
        for _ in range(3):
            start = time.perf_counter()
            layout = layered_layout(snap, size, hidden=hidden)
            times.append(time.perf_counter() - start)
        rows.append(
            {
                "nodes": len(snap),
                "drawn": len(snap) - len(hidden),
                "edges": len(snap.edges),
                "crossings": layout.crossings,
                "layout_ms": ms(statistics.median(times)),
                "min_ms": ms(min(times)),
                "max_ms": ms(max(times)),
            }  # fmt: skip
        )
    return rows


def bench_updates(moves: int) -> list[dict]:
    from gui.app import create_app
    from gui.controller import SessionController
    from gui.panels.graph.graph_panel import GraphPanel
    from tutor.session import Session

    app = create_app(["bench"])
    rows = []
    for text in ("sin(x) * x^2 + y", TWENTY_NODES):
        controller = SessionController(Session(text))
        panel = GraphPanel(controller)
        panel.resize(900, 620)
        panel.show()
        for _ in range(3):
            app.processEvents()
        session = controller.session
        updates, paints = [], []
        for i in range(moves):
            session.set_value("x", -2.0 + 4.0 * (i % 200) / 200)
            result = session.evaluate(sweep=False)
            start = time.perf_counter()
            panel._on_controller_result_changed(result)  # what sigResultChanged calls
            mid = time.perf_counter()
            panel.view.viewport().repaint()
            end = time.perf_counter()
            updates.append(mid - start)
            paints.append(end - mid)
        rows.append(
            {
                "formula": text,
                "nodes": len(panel.snapshot),
                "update_median_ms": ms(statistics.median(updates)),
                "update_p95_ms": ms(sorted(updates)[int(0.95 * len(updates))]),
                "repaint_median_ms": ms(statistics.median(paints)),
            }  # fmt: skip
        )
        panel.close()
        panel.deleteLater()
        app.processEvents()
    return rows


def bench_steps() -> dict:
    from gui.app import create_app
    from gui.controller import SessionController
    from gui.panels.graph.graph_panel import GraphPanel
    from tutor.session import Session

    app = create_app(["bench"])
    controller = SessionController(Session(wide_expression(19)))
    start = time.perf_counter()
    panel = GraphPanel(controller)
    panel.resize(900, 620)
    panel.show()
    app.processEvents()
    first_show = time.perf_counter() - start
    panel.reset()
    steps, paints = [], []
    for _ in range(len(panel.trace)):
        t0 = time.perf_counter()
        panel.step_forward()
        t1 = time.perf_counter()
        panel.view.viewport().repaint()
        steps.append(t1 - t0)
        paints.append(time.perf_counter() - t1)
    return {
        "nodes": len(panel.snapshot),
        "first_show_ms": ms(first_show),
        "step_median_ms": ms(statistics.median(steps)),
        "repaint_median_ms": ms(statistics.median(paints)),
    }


def load_average() -> str:
    try:
        return "load average " + " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    load = load_average()
    report = {"layout": bench_layout(), "update": bench_updates(args.moves), "step": bench_steps()}
    report["load"] = load
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"before the run: {load}")
    for row in report["layout"]:
        print(f"layout  {row['nodes']:5d} nodes ({row['drawn']:5d} drawn) {row['edges']:5d} edges:"
              f" median {row['layout_ms']:7.1f} ms (min {row['min_ms']:.1f} – max"
              f" {row['max_ms']:.1f}, 3 runs)  ({row['crossings']} crossings)")  # fmt: skip
    for row in report["update"]:
        print(f"update  {row['nodes']:5d} nodes: median {row['update_median_ms']:.3f} ms, "
              f"p95 {row['update_p95_ms']:.3f} ms, repaint {row['repaint_median_ms']:.3f} ms"
              f"   {row['formula']}")  # fmt: skip
    s = report["step"]
    print(
        f"step    {s['nodes']:5d} nodes: median {s['step_median_ms']:.3f} ms, "
        f"repaint {s['repaint_median_ms']:.3f} ms, first show {s['first_show_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
