"""A Graph tab of its own for a test: the panel over a fresh session and controller."""

from __future__ import annotations

from gui.controller import SessionController
from gui.panels.graph.graph_panel import GraphPanel
from tutor.session import Session


def graph_panel(qtbot, expression: str, values=None, size=(900, 620), points=None):
    """(controller, panel) for ``expression`` with the variables at ``values``, the
    panel shown at ``size``; ``points`` sets the sweep's points."""
    session = Session(expression)
    if points is not None:
        session.sweep.points = points
    for name, value in (values or {}).items():
        session.set_value(name, value)
    controller = SessionController(session)
    panel = GraphPanel(controller)
    qtbot.addWidget(panel)
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    return controller, panel
