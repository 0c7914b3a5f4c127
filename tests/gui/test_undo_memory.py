"""Undo history and memory: 10,000 slider moves left +70,000 Python objects and +17 MB,
although the undo stack merged them into one step.

PySide keeps the Python object of every command Qt deletes inside push() (merged into
the one on top) for as long as the stack lives. The controller merges moves itself, and
empties a command Qt deleted all the same (a drag back to where it started).
"""

from __future__ import annotations

import gc

from gui.controller import SessionController, _StateCommand
from tutor.session import Session, SessionState


def alive(kind: type) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is kind)


def test_a_long_slider_drag_leaves_memory_flat(qtbot):
    controller = SessionController(Session("sin(x) * x^2 + y"))
    controller.begin_drag("y")
    for i in range(200):  # warm up
        controller.set_value("y", -5 + (i % 1000) * 0.01)
        controller.flush()
    commands, states, objects = alive(_StateCommand), alive(SessionState), len(gc.get_objects())
    for i in range(2000):
        controller.set_value("y", -4.99 + (i % 500) * 0.01)  # never back to 1, its start
        controller.flush()
    controller.end_drag()
    assert controller.undo_stack.count() == 1  # one drag, one step
    assert alive(_StateCommand) == commands and alive(SessionState) == states
    assert len(gc.get_objects()) - objects < 200  # it was +14,000 over 2,000 moves
    assert controller.undo_stack.undoText().startswith("Change y to ")


def test_commands_qt_has_deleted_hold_no_document(qtbot):
    controller = SessionController(Session("x"))
    limit = controller.undo_stack.undoLimit()
    for i in range(limit + 200):  # every change its own step: the oldest are pushed out
        controller.set_expression(f"x + {i}")
    controller.flush()
    assert controller.undo_stack.count() == limit
    # two states per step on the stack, no more: the ones past the limit are let go
    assert alive(SessionState) <= 2 * limit + 2


def test_a_drag_back_to_its_start_leaves_nothing_to_undo(qtbot):
    controller = SessionController(Session("x"))
    controller.begin_drag("x")
    for value in (1.5, 2.0, 1.0):  # 1.0 is where it started
        controller.set_value("x", value)
    controller.end_drag()
    assert controller.undo_stack.count() == 0
    controller.set_value("x", 3.0)
    assert controller.undo_stack.count() == 1
