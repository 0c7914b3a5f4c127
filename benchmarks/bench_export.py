"""How long a plot export takes (PNG and SVG), and a script/notebook export.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_export.py [--runs N]

Prints median and range (min–max) over N runs (default 5) of ``image_bytes`` on the
plot of the default session (sin(x)·x² + y, f and f′ over 2,000 points), of the whole
headless ``export_session_image`` (``main.py --export OUT.png``: building the panel
too), and of ``export_session`` to .py (the script and the engine beside it). The
budget is 0.5 s per picture.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def report(label: str, times: list[float]) -> None:
    ms = [t * 1000 for t in times]
    print(
        f"{label:38s} median {statistics.median(ms):7.1f} ms   "
        f"range {min(ms):7.1f}–{max(ms):7.1f} ms   ({len(ms)} runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs

    from gui.app import create_app
    from gui.controller import SessionController
    from gui.export_images import CLI_PLOT_SIZE, export_session_image, image_bytes
    from gui.panels.plot.plot_panel import PlotPanel
    from tutor.export import export_session
    from tutor.session import Session

    app = create_app(["bench"])
    session = Session("sin(x) * x^2 + y")
    controller = SessionController(session)
    panel = PlotPanel(controller)
    panel.resize(CLI_PLOT_SIZE)
    panel.show()
    controller.evaluate_now()
    app.processEvents()
    image_bytes(panel.plot_widget, ".png")  # warm up: fonts, exporters
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (1 and 5 min)")
    report("plot → PNG (image_bytes)", timed(lambda: image_bytes(panel.plot_widget, ".png"), runs))
    report("plot → SVG (image_bytes)", timed(lambda: image_bytes(panel.plot_widget, ".svg"), runs))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        report(
            "main.py --export OUT.png (headless)",
            timed(lambda: export_session_image(out / "plot.png", session), runs),
        )
        report(
            "main.py --export OUT.svg (headless)",
            timed(lambda: export_session_image(out / "plot.svg", session), runs),
        )
        report("script + engine (.py)", timed(lambda: export_session(out / "s.py", session), runs))
        report("notebook (.ipynb)", timed(lambda: export_session(out / "s.ipynb", session), runs))
    panel.close()


if __name__ == "__main__":
    main()
