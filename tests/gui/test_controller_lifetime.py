"""A controller freed by the cycle collector takes its undo history with it, safely."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# PySide frees a pushed QUndoCommand's Python object when the cycle collector clears a
# controller's reference cycle, and the stack used to delete the command a second time
# (a segfault in QUndoStack::clear). Run in a child process so a crash fails one test
# instead of killing the whole run.
SCRIPT = textwrap.dedent(
    """
    import gc, os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    from gui.controller import SessionController
    from gui.panels.plot.plot_panel import PlotPanel
    for _ in range(20):
        controller = SessionController()
        host = QWidget()
        plot = PlotPanel(controller, host)
        controller.begin_drag("x")
        for i in range(5):
            controller.set_value("x", 1 + i / 100)
        controller.end_drag()
        controller.set_value("y", 3.0)
        controller.set_expression("x*y")
        controller.undo_stack.undo()
        controller.flush()
        controller.cycle = (controller, host)  # only the cycle collector can free these
        del controller, host, plot
        gc.collect()
    print("ok")
    """
)


def test_a_controller_in_a_reference_cycle_is_collected_without_a_crash():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=str(ROOT), timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "ok"
