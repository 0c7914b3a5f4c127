"""Slider → repaint in a real X window: the app under Xvfb on Qt's xcb platform.

    python benchmarks/bench_real_window.py [--display 99] [--runs 3] [--moves 300]
                                           [--profile] [--json]

Starts its own Xvfb (1920×1080, 24 bit) on ``:DISPLAY`` (needs the ``Xvfb`` program:
``sudo apt install xvfb``), then, for each run, a fresh ``python`` that opens the window
as ``python main.py`` does (xcb, a throw-away HOME so no settings leak), brings the
Graph tab to the front and drags a slider through ``--moves`` moves. A move is timed
from ``setSliderPosition`` to the end of the paints it caused: the controller
evaluates, every visible view updates, and the event loop is run until no paint is
pending (``processEvents``: Qt paints a window's changed widgets in its backing store
and flushes it to the X server there). Two variables: ``y`` (not swept: all three
curves are recomputed over 2,000 points) and ``x`` (swept: the marker and tangent
move). Each run prints median, p95 and max; the summary gives the spread over runs.

``--profile`` runs one more drag of ``y`` under cProfile and prints where the time goes.

Targets (issue 13): median ≤ 8 ms, p95 ≤ 16 ms, no move above 50 ms, on a quiet machine.
Quote the load (``uptime``) with the figures: on a shared machine they move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1920x1080x24"

CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QSlider
import main
from window_timing import percentile, time_slider_drag
from tutor.session import Session

session = Session()  # sin(x) * x^2 + y over 2,000 points
session.set_curves(["f", "df", "d2f"])
app, window = main.build_window([])
window.controller.replace_session(session)
window.controller.undo_stack.setClean()
window.show()
window.side_tabs.setCurrentWidget(window.graph_panel)
for _ in range(20):
    app.processEvents()
    time.sleep(0.01)

class Paints(QObject):
    count = 0
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False

paints = Paints()
app.installEventFilter(paints)
out = {{"platform": app.platformName(), "screen": window.screen().size().toTuple(),
        "window": window.size().toTuple(), "tab": window.side_tabs.currentWidget().objectName()}}
for name in ("y", "x"):
    slider = window.findChild(QSlider, "slider_" + name)
    before = paints.count
    if {profile!r} and name == "y":
        import cProfile, pstats, io
        prof = cProfile.Profile()
        prof.enable()
        times = time_slider_drag(app, window, slider, {moves})
        prof.disable()
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        out["profile"] = s.getvalue()
    else:
        times = time_slider_drag(app, window, slider, {moves})
    out[name] = {{"median": percentile(times, 0.5), "p95": percentile(times, 0.95),
                 "max": max(times), "moves": len(times), "paints": paints.count - before}}
window.controller.undo_stack.setClean()
window.close()
print("RESULT " + json.dumps(out))
"""


def start_xvfb(display: int) -> subprocess.Popen:
    if shutil.which("Xvfb") is None:
        sys.exit("error: Xvfb is not installed (Debian/Ubuntu: sudo apt install xvfb)")
    socket = Path(f"/tmp/.X11-unix/X{display}")
    if socket.exists():
        sys.exit(f"error: display :{display} is in use; choose another with --display")
    server = subprocess.Popen(
        ["Xvfb", f":{display}", "-screen", "0", SCREEN, "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if socket.exists():
            return server
        if server.poll() is not None:
            sys.exit(f"error: Xvfb :{display} exited at once")
        time.sleep(0.05)
    server.terminate()
    sys.exit(f"error: Xvfb :{display} did not start")


def one_run(display: int, moves: int, profile: bool) -> dict:
    home = tempfile.mkdtemp(prefix="bench-real-window-")
    env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb", HOME=home)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("QT_SCALE_FACTOR", None)
    code = CHILD.format(
        root=str(ROOT), bench=str(ROOT / "benchmarks"), moves=moves, profile=profile
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600
    )
    shutil.rmtree(home, ignore_errors=True)
    for line in done.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise SystemExit(f"error: the window's run failed:\n{done.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", type=int, default=99)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    server = start_xvfb(args.display)
    try:
        load_before = os.getloadavg()
        runs = [one_run(args.display, args.moves, False) for _ in range(args.runs)]
        profile = one_run(args.display, 150, True)["profile"] if args.profile else None
        load_after = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=10)

    summary = {"load_before": load_before, "load_after": load_after, "runs": runs}
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    first = runs[0]
    print(
        f"platform {first['platform']}, screen {first['screen']}, window {first['window']},"
        f" tab in front: {first['tab']}; {args.moves} moves per run, {args.runs} runs"
    )
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    for name, what in (("y", "y (not swept: 3 curves recomputed)"), ("x", "x (swept)")):
        print(f"slider {what}:")
        for i, run in enumerate(runs, 1):
            r = run[name]
            print(
                f"  run {i}: median {r['median']:.2f} ms, p95 {r['p95']:.2f} ms,"
                f" max {r['max']:.1f} ms ({r['paints']} paint events)"
            )
        for key in ("median", "p95", "max"):
            values = [run[name][key] for run in runs]
            print(
                f"  {key:6}: median of runs {statistics.median(values):.2f} ms"
                f" (range {min(values):.2f}–{max(values):.2f})"
            )
    if profile:
        print("\nprofile of one drag of y (tottime):")
        print(profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
