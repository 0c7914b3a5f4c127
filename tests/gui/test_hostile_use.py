"""Issue 12 in the window: what a user does is applied, and a long formula cannot hang it.

The formula field: text put there by ``setText`` was not applied by Enter. The map: a
long formula's grid is made coarser to fit the work budget, and the readout says so.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from gui.controller import SessionController
from gui.panels.descent.map_panel import MapPanel
from tutor.budget import WORK_BUDGET
from tutor.session import Session


def test_enter_applies_text_put_into_the_formula_field_by_set_text(window, qtbot):
    edit = window.findChild(QLineEdit, "expressionEdit")
    edit.setText("cos(t) * 2")  # emits no textEdited: nothing changed yet
    assert window.controller.session.expression_text == "sin(x) * x^2 + y"
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.controller.session.expression_text == "cos(t) * 2"
    window.controller.flush()
    assert window.controller.result.value == pytest.approx(2 * math.cos(1.0))  # t = 1
    assert window.controller.undo_stack.undoText() == "Edit expression to cos(t) * 2"
    window.controller.undo_stack.undo()
    assert edit.text() == "sin(x) * x^2 + y"


def test_enter_on_text_already_applied_adds_no_step(window, qtbot):
    edit = window.findChild(QLineEdit, "expressionEdit")
    count = window.controller.undo_stack.count()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.controller.undo_stack.count() == count


def test_the_map_of_a_long_formula_is_coarser_and_its_readout_says_so(qtbot):
    text = "*".join(["x", "y"] * 300)  # 599 Functions
    session = Session(text)
    session.set_range("x", 0.5, 1.5, 0.01)
    session.set_range("y", 0.5, 1.5, 0.01)
    panel = MapPanel(SessionController(session))
    qtbot.addWidget(panel)
    panel.resize(520, 520)
    panel.show()
    qtbot.waitExposed(panel)
    n = math.isqrt(WORK_BUDGET // 599)
    assert panel.grid_spin.value() == 200 and panel.grid.f.shape == (n, n)
    assert f"the map uses a {n}×{n} grid instead of 200×200" in panel.readout.text()
    gx, gy = np.meshgrid(panel.grid.xs, panel.grid.ys)
    np.testing.assert_allclose(panel.grid.f, (gx * gy) ** 300, rtol=1e-9)
