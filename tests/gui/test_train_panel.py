"""The Train tab (pytest-qt, offscreen): Step, Run/Pause, Reset, the spec, undo, a11y."""

from __future__ import annotations

import gc
import json

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from gui.controller import SessionController
from gui.panels.train.train_panel import TrainPanel, lr_to_slider, slider_to_lr
from tests.gui.walk import a11y_problems, english_words
from tutor.session import Session
from tutor.training import book_data


@pytest.fixture(autouse=True)
def _isolated(qt_test_paths):
    gc.collect()
    yield
    gc.collect()


@pytest.fixture
def panel(qtbot):
    controller = SessionController(Session())
    p = TrainPanel(controller)
    qtbot.addWidget(p)
    p.resize(540, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def _book_first_loss_by_hand() -> float:
    """The MSE of the tab's starting 1-10-1 network, computed here with numpy alone."""
    rng = np.random.RandomState(0)
    W0 = (rng.randn(1, 10) * 1.0).astype(np.float32)
    W1 = (rng.randn(10, 1) * np.sqrt(1 / 10)).astype(np.float32)
    x, y = book_data()
    h = 1 / (1 + np.exp(-(x @ W0)))
    return float(np.mean((h @ W1 - y) ** 2))


def test_step_trains_once_and_changes_the_loss(panel, qtbot):
    first = panel.step_view.loss
    assert first == pytest.approx(_book_first_loss_by_hand(), rel=1e-6)
    qtbot.mouseClick(panel.step_button, Qt.MouseButton.LeftButton)
    assert panel.training.iteration == 1
    assert panel.training.losses[0] == pytest.approx(first)
    assert panel.step_view.loss < first  # one SGD step downhill
    assert "iteration 1" in panel.status.text()


def test_run_trains_without_blocking_and_pause_stops(panel, qtbot):
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert panel.running and panel.run_button.text() == "Pause"
    # Another timer of the window's own keeps firing while it trains: Run never blocks.
    # (How fast it trains is measured by benchmarks/bench_train.py, not asserted here.)
    ticks = []
    other = QTimer()
    other.timeout.connect(lambda: ticks.append(1))
    other.start(0)
    qtbot.waitUntil(lambda: panel.training.iteration >= 200, timeout=60_000)
    other.stop()
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert not panel.running and panel.run_button.text() == "Run"
    done = panel.training.iteration
    assert ticks  # control came back to Qt between the training's time slices
    assert panel.training.losses[-1] < 0.5 * panel.training.losses[0]
    QApplication.processEvents()
    assert panel.training.iteration == done  # paused: nothing more happens
    # what was drawn is the network as it is now
    xs, ys = panel.fit_curve.getData()
    np.testing.assert_allclose(ys, panel.training.predict(xs.reshape(-1, 1))[:, 0])


def test_reset_starts_the_same_network_again(panel, qtbot):
    first = panel.step_view.loss
    for _ in range(5):
        panel.step_button.click()
    panel.reset_button.click()
    assert panel.training.iteration == 0
    assert panel.step_view.loss == pytest.approx(first)


def test_the_spec_changes_the_network_and_undo_restores_it(panel, qtbot):
    controller = panel.controller
    panel.add_layer_button.click()
    assert controller.panel_state("train")["hidden"] == [10, 10]
    assert [p.shape for _, p in panel.training.parameters()][2] == (10, 10)
    assert panel.width_spins[1].isVisible()
    panel.width_spins[1].setValue(4)
    assert controller.panel_state("train")["hidden"] == [10, 4]
    assert [n.title for n in panel.step_view.nodes if n.kind == "linear"] == [
        "Linear l0",
        "Linear l1",
        "Linear l2",
    ]
    panel.activation_combo.setCurrentIndex(2)
    panel.activation_combo.activated.emit(2)
    assert controller.panel_state("train")["activation"] == "relu"
    assert panel.step_view.node("act0").ops[0].name == "ReLU"

    controller.undo_stack.undo()
    assert panel.settings.activation == "sigmoid"
    assert panel.activation_combo.currentText() == "sigmoid"
    controller.undo_stack.undo()
    assert panel.settings.hidden == (10, 10)
    controller.undo_stack.undo()
    assert panel.settings.hidden == (10,)
    assert not panel.width_spins[1].isVisible()
    assert [p.shape for _, p in panel.training.parameters()] == [(1, 10), (10,), (10, 1), (1,)]


def test_optimizer_and_learning_rate_go_through_the_controller(panel):
    controller = panel.controller
    for _ in range(3):
        panel.step_button.click()
    panel.optimizer_combo.setCurrentIndex(2)
    panel.optimizer_combo.activated.emit(2)
    assert controller.panel_state("train")["optimizer"] == "adam"
    assert type(panel.training.optimizer).__name__ == "Adam"
    assert panel.training.iteration == 3  # same weights, carried on
    panel.lr_slider.setValue(lr_to_slider(0.01))
    assert controller.panel_state("train")["lr"] == 0.01
    assert panel.training.optimizer.alpha == 0.01
    assert panel.lr_value.text() == "0.01"
    # the state is saved with the session
    saved = json.loads(controller.session.to_json())
    assert saved["train"]["optimizer"] == "adam" and saved["train"]["lr"] == 0.01
    controller.undo_stack.undo()
    assert panel.settings.lr == 0.2
    controller.undo_stack.undo()
    assert panel.settings.optimizer == "sgd"
    assert type(panel.training.optimizer).__name__ == "SGD"


def test_a_typed_target_replaces_the_data_and_a_bad_one_is_explained(panel, qtbot):
    panel.target_combo.setCurrentIndex(1)
    panel.target_combo.activated.emit(1)
    panel.target_edit.setText("x + y")
    panel.target_edit.returnPressed.emit()
    assert panel.target_message.isVisibleTo(panel)
    assert "only x" in panel.target_message.text()
    assert panel.settings.target == ""
    panel.target_edit.setText("x^2")
    panel.target_edit.returnPressed.emit()
    assert not panel.target_message.isVisibleTo(panel)
    assert panel.controller.panel_state("train")["target"] == "x^2"
    np.testing.assert_allclose(panel.training.y, panel.training.x**2)


def test_backward_steps_through_the_layers_and_opens_into_ops(panel):
    tree = panel.backward_tree
    assert tree.topLevelItemCount() == 4
    assert tree.topLevelItem(0).text(0).startswith("1. MSE")
    panel.next_button.click()
    assert panel.graph.current == "loss"
    panel.next_button.click()
    panel.next_button.click()
    assert panel.graph.current == "act0"
    item = tree.currentItem()
    assert item.isExpanded()
    op = item.child(0)
    assert op.text(0).startswith("Sigmoid.backward")
    assert op.isExpanded() and op.childCount() == 1  # sigmoid has one input, one rule
    panel.next_button.click()
    assert panel.graph.current == "l0" and not panel.next_button.isEnabled()
    linear = tree.currentItem().child(0)
    assert "gx1 = x0ᵀ @ gy" in linear.child(1).text(0)
    assert "(1, 10)" in linear.child(1).text(0)
    panel.previous_button.click()
    assert panel.graph.current == "act0"


def test_lr_slider_is_logarithmic():
    assert slider_to_lr(0) == 1e-4
    assert slider_to_lr(lr_to_slider(1.0)) == 1.0
    assert slider_to_lr(lr_to_slider(0.2)) == pytest.approx(0.2, rel=0.06)
    assert lr_to_slider(0.01) - lr_to_slider(0.001) == lr_to_slider(0.1) - lr_to_slider(0.01)


def test_panel_is_accessible_and_korean_has_no_english(panel):
    assert a11y_problems(panel) == []
    from gui.i18n import set_language

    try:
        assert set_language("ko")
        QApplication.processEvents()
        assert english_words(panel) == []
    finally:
        set_language("en")
        QApplication.processEvents()


def test_window_has_the_train_tab(window):
    panel = window.findChild(TrainPanel, "trainPanel")
    assert panel is not None
    window.side_tabs.setCurrentWidget(panel)
    assert window.side_tabs.tabText(window.side_tabs.currentIndex()) == "Train"
    assert a11y_problems(panel) == []
