"""Real mouse input on the window: a slider dragged by its handle is one undo step."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QSlider, QStyle, QStyleOptionSlider


def _handle_center(slider: QSlider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def test_dragging_a_slider_handle_updates_live_and_is_one_undo_step(qtbot, window):
    controller = window.controller
    slider = window.findChild(QSlider, "slider_y")
    start = _handle_center(slider)
    seen = []
    controller.sigResultChanged.connect(lambda r: seen.append(r.point["y"]))

    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for dx in range(6, 66, 6):
        QTest.mouseMove(slider, QPoint(start.x() + dx, start.y()))
        qtbot.wait(1)  # let the event loop run the coalesced evaluation, as a real drag does
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + 66, start.y()))
    controller.flush()

    y = controller.session.variables["y"].value
    assert y > 0.5
    assert len(set(seen)) > 3  # evaluated during the drag, not only on release
    assert seen[-1] == y  # and the final position is the one on screen
    x, f = window.plot_panel.curves["f"].getData()
    np.testing.assert_allclose(f, np.sin(x) * x**2 + y, rtol=1e-12, atol=1e-12)
    assert window.findChild(QLabel, "grad_y").text() == "∂f/∂y = 1"

    assert controller.undo_stack.count() == 1
    assert controller.undo_stack.undoText() == f"Change y to {y:.2f}"
    controller.undo_stack.undo()
    controller.flush()
    assert controller.session.variables["y"].value == 0.5
    assert slider.value() == 550
    x, f = window.plot_panel.curves["f"].getData()
    np.testing.assert_allclose(f, np.sin(x) * x**2 + 0.5, rtol=1e-12, atol=1e-12)


def test_two_drags_are_two_undo_steps(qtbot, window):
    slider = window.findChild(QSlider, "slider_x")
    for _ in range(2):
        start = _handle_center(slider)
        qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
        QTest.mouseMove(slider, QPoint(start.x() + 20, start.y()))
        qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=QPoint(start.x() + 20, start.y()))
    assert window.controller.undo_stack.count() == 2


def test_clicking_the_plot_moves_the_marker_and_the_readouts(qtbot, window):
    panel = window.plot_panel
    window.controller.flush()
    pos = panel.point_to_widget(-2.5, 0.0)
    qtbot.mouseClick(panel.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    window.controller.flush()
    x0 = window.controller.session.variables["x"].value
    assert x0 == pytest.approx(-2.5, abs=0.011)
    grad = float(window.findChild(QLabel, "grad_x").text().split("=")[1])
    assert grad == pytest.approx(math.cos(x0) * x0**2 + 2 * x0 * math.sin(x0), rel=1e-5)
    assert window.controller.undo_stack.undoText().startswith("Change x to")
