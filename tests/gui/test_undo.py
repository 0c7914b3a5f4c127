"""Undo / redo: every change to the document is one labelled step, and undoing or
redoing a sequence restores each earlier state exactly — in the session and on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QSlider

from gui.main_window import MainWindow
from tests.gui.conftest import Clock
from tutor.session import PANEL_KEYS


def state(window: MainWindow) -> dict:
    """The whole document, as it would be saved (other panels' own state aside)."""
    d = window.controller.session.to_dict()
    for key in PANEL_KEYS:
        d.pop(key, None)
    d["text"] = window.controller.session.expression_text  # also a text that does not parse
    return d


def undo_text(window: MainWindow) -> str:
    return window.undo_action.text().replace("&", "")


def redo_text(window: MainWindow) -> str:
    return window.redo_action.text().replace("&", "")


def drag(window: MainWindow, name: str, values: list[float]) -> None:
    """A slider drag as the variable row does it: press, several moves, release."""
    c = window.controller
    c.begin_drag(name)
    for v in values:
        c.set_value(name, v)
    c.end_drag()


STEPS = [
    ("Edit expression to x^2 * y + k", lambda w: w.controller.set_expression("x^2 * y + k")),
    ("Change x to 2.50", lambda w: drag(w, "x", [1.2, 1.7, 2.1, 2.5])),
    ("Change range of y", lambda w: w.controller.set_range("y", -2.0, 3.0, 0.5)),
    ("Add variable speed", lambda w: w.controller.add_variable("speed")),
    ("Plot along y", lambda w: w.controller.set_sweep_variable("y")),
    ("Change plotted curves", lambda w: w.controller.set_curves(["f", "d2f"])),
    ("Change y to -1.5", lambda w: w.controller.set_value("y", -1.5)),  # step 0.5
    ("Remove variable speed", lambda w: w.controller.remove_variable("speed")),
    ("Edit expression to x^2 * (", lambda w: w.controller.set_expression("x^2 * (")),
]


def test_every_change_is_one_labelled_step_and_undo_redo_restore_exact_states(window):
    stack = window.controller.undo_stack
    states = [state(window)]
    for label, change in STEPS:
        before = stack.count()
        change(window)
        assert stack.count() == before + 1, label  # one step, even for a whole drag
        assert undo_text(window) == f"Undo {label}"
        states.append(state(window))
    assert len({repr(s) for s in states}) == len(states)  # every step changed something

    for i in range(len(STEPS), 0, -1):  # undo all the way back
        assert undo_text(window) == f"Undo {STEPS[i - 1][0]}"
        window.undo_action.trigger()
        assert state(window) == states[i - 1]
        assert redo_text(window) == f"Redo {STEPS[i - 1][0]}"
    assert not window.undo_action.isEnabled()
    assert not window.isWindowModified()  # back where the file started

    for i in range(1, len(STEPS) + 1):  # and redo all the way forward
        window.redo_action.trigger()
        assert state(window) == states[i]
    assert not window.redo_action.isEnabled()


def test_undo_in_the_middle_then_a_new_change_drops_the_redo_branch(window, clock):
    c = window.controller
    start = (c.session.variables["x"].value, c.session.variables["y"].value)
    c.set_value("x", 2.0)
    clock.pause(2.0)  # two separate changes, not one quick run
    c.set_value("x", 3.0)
    window.undo_action.trigger()
    assert c.session.variables["x"].value == 2.0
    c.set_value("y", -1.0)
    assert not window.redo_action.isEnabled()
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert (c.session.variables["x"].value, c.session.variables["y"].value) == start


def test_the_screen_follows_undo_and_redo(window, qtbot):
    c = window.controller
    edit = window.findChild(QLineEdit, "expressionEdit")
    c.set_expression("x^3")
    c.set_value("x", 2.0)
    c.flush()
    assert edit.text() == "x^3"
    window.undo_action.trigger()  # x back to 1
    window.undo_action.trigger()  # the expression back
    c.flush()
    assert edit.text() == "sin(x) * x^2 + y"
    assert window.findChild(QSlider, "slider_y") is not None  # y is back with its row
    window.redo_action.trigger()
    c.flush()
    assert edit.text() == "x^3"
    assert c.result.value == 1.0


def test_typing_into_the_expression_field_is_one_step(window, qtbot):
    edit = window.findChild(QLineEdit, "expressionEdit")
    before = state(window)
    count = window.controller.undo_stack.count()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "cos(t) + 2")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.controller.session.expression_text == "cos(t) + 2"
    assert window.controller.undo_stack.count() == count + 1
    assert undo_text(window) == "Undo Edit expression to cos(t) + 2"
    window.undo_action.trigger()
    assert state(window) == before  # and the t that typing added is gone again
    assert edit.text() == "sin(x) * x^2 + y"


def test_a_slider_drag_with_the_mouse_is_one_step(window, qtbot):
    slider = window.findChild(QSlider, "slider_x")
    count = window.controller.undo_stack.count()
    before = state(window)
    slider.sliderPressed.emit()
    for position in (slider.value() + 10, slider.value() + 50, slider.value() + 120):
        slider.setValue(position)
    slider.sliderReleased.emit()
    assert window.controller.undo_stack.count() == count + 1
    assert undo_text(window).startswith("Undo Change x to ")
    window.undo_action.trigger()
    assert state(window) == before


def press(qtbot, widget, key: Qt.Key, times: int, clock: Clock, gap: float = 0.3) -> None:
    """Key presses ``gap`` seconds apart, as a held key repeats."""
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)
        clock.pause(gap)


def test_arrow_key_presses_on_a_slider_are_one_step(window, qtbot, clock):
    slider = window.findChild(QSlider, "slider_x")
    count = window.controller.undo_stack.count()
    before = state(window)
    press(qtbot, slider, Qt.Key.Key_Right, 5, clock)  # 1.5 s in all, each 0.3 s after the last
    assert window.controller.session.variables["x"].value == 1.05
    assert window.controller.undo_stack.count() == count + 1
    assert undo_text(window) == "Undo Change x to 1.05"
    window.undo_action.trigger()
    assert window.controller.session.variables["x"].value == 1.0
    assert slider.value() == 600  # the handle is back too: 1.0 on −5…5 in steps of 0.01
    assert state(window) == before


def test_page_keys_and_spin_box_arrows_are_one_step_each_run(window, qtbot, clock):
    c = window.controller
    count = c.undo_stack.count()
    press(qtbot, window.findChild(QSlider, "slider_y"), Qt.Key.Key_PageUp, 3, clock)
    assert c.session.variables["y"].value == 0.8
    press(qtbot, window.findChild(QDoubleSpinBox, "value_y"), Qt.Key.Key_Up, 4, clock)
    assert c.session.variables["y"].value == pytest.approx(0.84)
    assert c.undo_stack.count() == count + 1  # same variable, no pause: still one run
    window.undo_action.trigger()
    assert c.session.variables["y"].value == 0.5


def test_a_change_after_a_pause_is_a_new_step(window, qtbot, clock):
    slider = window.findChild(QSlider, "slider_x")
    count = window.controller.undo_stack.count()
    press(qtbot, slider, Qt.Key.Key_Right, 2, clock, gap=0.0)
    clock.pause(1.5)
    press(qtbot, slider, Qt.Key.Key_Right, 1, clock)
    assert window.controller.undo_stack.count() == count + 2
    window.undo_action.trigger()
    assert window.controller.session.variables["x"].value == 1.02
    window.undo_action.trigger()
    assert window.controller.session.variables["x"].value == 1.0


def test_key_presses_never_merge_across_another_change(window, qtbot, clock):
    c = window.controller
    x = window.findChild(QSlider, "slider_x")
    count = c.undo_stack.count()
    press(qtbot, x, Qt.Key.Key_Right, 1, clock, gap=0.0)
    press(qtbot, window.findChild(QSlider, "slider_y"), Qt.Key.Key_Right, 1, clock, gap=0.0)
    press(qtbot, x, Qt.Key.Key_Right, 1, clock, gap=0.0)  # another variable in between
    c.set_curves(["f"])
    press(qtbot, x, Qt.Key.Key_Right, 1, clock, gap=0.0)  # another kind of change
    drag(window, "x", [1.5, 2.0])
    press(qtbot, x, Qt.Key.Key_Right, 1, clock, gap=0.0)  # right after a drag
    window.undo_action.trigger()
    press(qtbot, x, Qt.Key.Key_Right, 1, clock, gap=0.0)  # right after an undo
    assert c.undo_stack.count() == count + 7
    assert [c.undo_stack.text(i) for i in range(count, count + 7)] == [
        "Change x to 1.01",
        "Change y to 0.51",
        "Change x to 1.02",
        "Change plotted curves",
        "Change x to 1.03",
        "Change x to 2.00",  # the drag
        "Change x to 2.01",  # the press after the undone one
    ]


def test_undo_after_saving_shows_the_unsaved_mark_again(window, tmp_path):
    window.controller.set_value("x", 4.0)
    window.controller.session.save(tmp_path / "s.json")
    window.controller.undo_stack.setClean()
    assert not window.isWindowModified()
    window.undo_action.trigger()
    assert window.isWindowModified()
    window.redo_action.trigger()
    assert not window.isWindowModified()


def test_opening_a_file_starts_a_fresh_history(window, tmp_path):
    from tutor.session import Session

    window.controller.set_value("x", 4.0)
    path = tmp_path / "s.json"
    Session("z * 2").save(path)
    assert window.file_actions.open_session(path)
    assert not window.undo_action.isEnabled()
    assert window.controller.session.expression_text == "z * 2"


def test_a_panels_own_state_is_one_undoable_change_that_marks_the_file_unsaved(qtbot):
    from gui.controller import SessionController
    from tutor.session import Session

    controller = SessionController(Session("x * y"))
    assert controller.undo_stack.isClean()
    changed: list[str] = []
    controller.sigPanelStateChanged.connect(changed.append)

    controller.set_panel_state("map", {"x": "y", "y": "x"}, "Swap map axes")
    assert changed == ["map"]  # every view of the map follows the change
    assert controller.session.panels["map"] == {"x": "y", "y": "x"}
    assert not controller.undo_stack.isClean()  # the title gets its '*', autosave runs
    assert controller.undo_stack.undoText() == "Swap map axes"

    controller.undo_stack.undo()
    assert "map" not in controller.session.panels
    assert changed == ["map", "map"]  # and is told about the undo, and reloads
    controller.undo_stack.redo()
    assert controller.session.panels["map"] == {"x": "y", "y": "x"}
    assert controller.session.to_dict()["map"] == {"x": "y", "y": "x"}  # and it is saved


def test_undoing_a_loaded_preset_brings_back_the_panels_state_too(qtbot):
    from gui.controller import SessionController
    from tutor.session import Session

    controller = SessionController(Session("x * y"))
    controller.set_panel_state("map", {"optimizer": {"lr": 0.01}})

    def load(session):
        session.set_expression("x^2 + y^2")
        session.set_panel_state("map", {"optimizer": {"lr": 0.5}})

    controller.edit("Load preset", load)
    controller.undo_stack.undo()
    assert controller.session.expression_text == "x * y"
    assert controller.session.panels["map"] == {"optimizer": {"lr": 0.01}}


def test_a_map_setting_changed_in_the_window_marks_the_file_unsaved_and_is_autosaved(window):
    import json

    window.side_tabs.setCurrentWidget(window.map_descent_panel)
    assert not window.isWindowModified()
    window.map_descent_panel.map_panel.grid_spin.setValue(80)
    assert window.isWindowModified()  # the title's '*'
    assert undo_text(window) == "Undo Map grid 80 × 80"
    assert window.file_actions.autosave_now()
    record = json.loads(window.file_actions.autosave_path.read_text(encoding="utf-8"))
    assert record["session"]["map"]["grid"] == 80
    window.undo_action.trigger()
    assert not window.isWindowModified()
    assert window.map_descent_panel.map_panel.grid_spin.value() == 200
