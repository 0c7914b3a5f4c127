"""Typing a formula as a learner does: key by key, with Enter, pauses and the palette.

What is checked: text that parses and names only known variables is applied at once
(the plot follows it); a new variable appears only on Enter, on leaving the field or
after a pause; half-typed words (s, si, cosh) never become variables; variables the app
made for a formula leave with it, and one undo brings them back; errors are shown in
full with a caret under their column; palette clicks keep parentheses balanced.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolButton, QWidget

from gui import controller as controller_module
from gui import theme
from gui.panels.formula.button_palette import FUNCTION_BUTTONS


def _edit(window) -> QLineEdit:
    return window.findChild(QLineEdit, "expressionEdit")


def _empty_field(qtbot, window) -> QLineEdit:
    edit = _edit(window)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    return edit


def _type_keys(qtbot, edit, text, watch=None) -> list:
    """Type ``text`` one key at a time; after each key record ``watch()``."""
    seen = []
    for ch in text:
        qtbot.keyClick(edit, ch)
        if watch is not None:
            seen.append(watch())
    return seen


def _variables(window) -> set[str]:
    return set(window.controller.session.variables)


# -- a new variable only on Enter, focus-out or a pause ---------------------------------------


def test_typing_sin_x_key_by_key_never_creates_s_or_si(qtbot, window):
    edit = _empty_field(qtbot, window)
    seen = _type_keys(qtbot, edit, "sin(x) * x", watch=lambda: _variables(window))
    assert all(names == {"x", "y"} for names in seen), seen
    window.controller.flush()
    # x exists, so the plot already follows the text, without Enter
    assert window.controller.session.expression_text == "sin(x) * x"
    x, f = window.plot_panel.curves["f"].getData()
    np.testing.assert_allclose(f, np.sin(x) * x, rtol=1e-12, atol=1e-12)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _variables(window) == {"x", "y"}


def test_cosh_t_is_an_error_not_a_variable_even_after_enter_and_a_pause(qtbot, window):
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "cosh(t)")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.wait(controller_module.TYPING_PAUSE_MS + 200)
    assert _variables(window) == {"x", "y"}
    assert edit.text() == "cosh(t)"  # the field keeps what was typed
    message = window.expression_bar.message.text()
    assert message.startswith("column 1: 'cosh' is not a function — to multiply, write cosh*(t)")
    assert window.expression_bar.is_invalid


def test_a_new_variable_waits_for_enter_and_one_undo_takes_the_whole_edit_back(qtbot, window):
    before_text = window.controller.session.expression_text
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "x + t")
    assert "t" not in _variables(window)
    assert window.controller.pending_expression == "x + t"
    assert "t" in window.expression_bar.message.text()  # says what Enter will add
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "t" in _variables(window)
    assert window.controller.session.expression_text == "x + t"
    window.undo_action.trigger()
    assert window.controller.session.expression_text == before_text
    assert "t" not in _variables(window) and edit.text() == before_text


def test_a_pause_on_text_that_parses_creates_the_variable(qtbot, window):
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "x*k")
    assert "k" not in _variables(window)
    qtbot.waitUntil(lambda: "k" in _variables(window), timeout=3000)
    assert window.controller.session.expression_text == "x*k"
    assert window.controller.pending_expression is None


def test_leaving_the_field_creates_the_variable(qtbot, window):
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "x*w")
    slider = window.findChild(QWidget, "slider_x")
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    assert "w" in _variables(window)


def test_enter_applies_a_text_set_without_typing(qtbot, window):
    edit = _edit(window)
    edit.setFocus()
    edit.setText("q^2")  # no textEdited: the controller has not seen it
    assert window.controller.session.expression_text != "q^2"
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.controller.session.expression_text == "q^2"
    assert "q" in _variables(window)
    window.controller.flush()
    assert window.controller.result.value == 1.0  # q = 1


def test_variables_the_app_made_go_when_the_formula_stops_using_them(qtbot, window):
    c = window.controller
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "x + t")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "x + u")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _variables(window) == {"x", "y", "u"}  # t went; x and y were there before
    window.undo_action.trigger()  # one step: the text, and t with it
    assert c.session.expression_text == "x + t" and _variables(window) == {"x", "y", "t"}
    window.redo_action.trigger()
    assert _variables(window) == {"x", "y", "u"}


def test_a_variable_the_learner_touched_stays(qtbot, window):
    c = window.controller
    c.commit_expression("x + t")
    c.set_value("t", 2.5)  # moved: the learner's now
    c.commit_expression("x")
    assert "t" in _variables(window) and c.session.variables["t"].value == 2.5
    c.commit_expression("x + v")
    c.set_range("v", -1.0, 1.0, 0.1)
    c.commit_expression("x")
    assert "v" in _variables(window)


def test_an_error_keeps_the_variables_until_the_formula_parses_again(qtbot, window):
    c = window.controller
    c.commit_expression("x + t")
    edit = _edit(window)
    edit.setFocus()
    edit.end(False)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # "x + " does not parse
    assert "t" in _variables(window)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # "x" parses: t is not used any more
    assert "t" not in _variables(window)


# -- the error in full, with a caret under its column -----------------------------------------


LONG = "2 + foo(x)"


def test_the_error_is_shown_in_full_under_the_field_with_a_caret_at_its_column(qtbot, window):
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, LONG)
    bar = window.expression_bar
    message = bar.message
    assert message.text() == (
        "column 5: 'foo' is not a function — to multiply, write foo*(x); the functions "
        "are abs, cos, exp, log, relu, sigmoid, sin, sqrt, square, tan, tanh"
    )
    qtbot.waitUntil(lambda: message.height() >= message.heightForWidth(message.width()))
    assert edit.text() == LONG
    assert edit.error_position() == 4
    assert "foo" in edit.accessibleDescription()

    # The caret is painted in the error colour under 'f', not elsewhere.
    edit.setCursorPosition(0)
    image = edit.grab().toImage()
    x = edit.error_caret_x()
    fm = edit.fontMetrics()
    assert abs(x - (edit.error_caret_x() or 0)) < 1
    error = QColor(theme.current().error)

    def reddish(px: int) -> bool:
        for py in range(image.height() // 2, image.height()):
            c = image.pixelColor(px, py)
            if abs(c.red() - error.red()) + abs(c.green() - error.green()) < 60 and (
                c.red() > c.green() + 60
            ):
                return True
        return False

    assert reddish(round(x))
    left_of_text = round(x - 3 * fm.horizontalAdvance("x"))
    assert not reddish(left_of_text)


def test_the_message_has_room_reserved_so_the_palette_does_not_jump(qtbot, window):
    palette = window.palette
    top = palette.mapTo(window, palette.rect().topLeft()).y()
    edit = _empty_field(qtbot, window)
    _type_keys(qtbot, edit, "sin(")  # a one-line error
    QApplication.processEvents()
    assert palette.mapTo(window, palette.rect().topLeft()).y() == top
    _type_keys(qtbot, edit, "x)")
    QApplication.processEvents()
    assert palette.mapTo(window, palette.rect().topLeft()).y() == top
    _type_keys(qtbot, edit, " + foo(x)")  # the longest message: all the functions
    QApplication.processEvents()
    assert window.expression_bar.message.text().endswith("tan, tanh")
    assert palette.mapTo(window, palette.rect().topLeft()).y() == top


# -- the palette --------------------------------------------------------------------------------


def _click(qtbot, window, key):
    name = f"paletteVar_{key}" if key in ("x", "y") else f"paletteButton_{key}"
    button = window.findChild(QToolButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_function_button_inserts_a_pair_with_the_cursor_inside(qtbot, window):
    _click(qtbot, window, "clear")
    _click(qtbot, window, "sin")
    edit = _edit(window)
    assert edit.text() == "sin()" and edit.cursorPosition() == 4
    _click(qtbot, window, "x")
    assert edit.text() == "sin(x)"
    _click(qtbot, window, "rparen")  # steps over the ')' that is there
    assert edit.text() == "sin(x)" and edit.cursorPosition() == 6
    _click(qtbot, window, "rparen")  # nothing open: no unmatched ')'
    assert edit.text() == "sin(x)"
    _click(qtbot, window, "times")
    _click(qtbot, window, "lparen")
    assert edit.text() == "sin(x) * ()" and edit.cursorPosition() == len("sin(x) * (")
    _click(qtbot, window, "backspace")  # an empty pair goes whole
    assert edit.text() == "sin(x) * "


def test_backspace_keeps_the_parentheses_balanced(qtbot, window):
    window.controller.commit_expression("2 * sin(x + 1)")
    edit = _edit(window)
    edit.end(False)
    _click(qtbot, window, "backspace")  # before a ')': the cursor steps inside
    assert edit.text() == "2 * sin(x + 1)" and edit.cursorPosition() == len("2 * sin(x + 1")
    edit.setCursorPosition(len("2 * sin("))
    _click(qtbot, window, "backspace")  # sin( goes with its ')': the call is unwrapped
    assert edit.text() == "2 * x + 1"
    assert window.controller.session.expression_text == "2 * x + 1"


def test_a_function_button_wraps_the_selection_and_lparen_too(qtbot, window):
    c = window.controller
    c.commit_expression("x + 1")
    edit = _edit(window)
    edit.setSelection(0, 5)
    _click(qtbot, window, "lparen")
    assert edit.text() == "(x + 1)" and edit.selectedText() == "x + 1"
    _click(qtbot, window, "exp")
    assert edit.text() == "(exp(x + 1))"
    assert c.session.expression_text == "(exp(x + 1))"


@pytest.mark.parametrize("seed", range(5))
def test_clicks_alone_keep_the_parentheses_balanced(qtbot, window, seed):
    rng = random.Random(seed)
    keys = [*FUNCTION_BUTTONS, "lparen", "rparen", "x", "y", "plus", "times", "2", "backspace"]
    _click(qtbot, window, "clear")
    edit = _edit(window)
    for _ in range(40):
        _click(qtbot, window, rng.choice(keys))
        text = edit.text()
        assert text.count("(") == text.count(")"), text
        depth = 0
        for ch in text:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            assert depth >= 0, text


def test_tab_reaches_every_palette_button_in_reading_order(qtbot, window):
    palette = window.palette
    chain = palette.tab_chain()
    buttons = [b for b in palette.findChildren(QToolButton) if b.isVisible()]
    assert set(chain) >= set(buttons) and len(chain) == len(set(chain))
    # reading order: top to bottom, left to right within a row
    rows = [(b.mapTo(window, b.rect().center()).y(), b.mapTo(window, b.rect().center()).x())
            for b in chain]  # fmt: skip
    for (y0, x0), (y1, x1) in zip(rows, rows[1:], strict=False):
        assert y1 > y0 + 2 or (abs(y1 - y0) <= 2 and x1 > x0), (y0, x0, y1, x1)

    window.activateWindow()
    edit = _edit(window)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    reached = []
    for _ in range(len(chain)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == chain

    for button in chain:
        assert button.accessibleName(), button.objectName()
        assert button.toolTip(), button.objectName()
        assert button.focusPolicy() == Qt.FocusPolicy.TabFocus  # a click leaves the focus


def test_space_on_a_focused_button_presses_it_and_tooltips_name_the_key(qtbot, window):
    window.controller.commit_expression("x")
    edit = _edit(window)
    edit.end(False)
    times = window.findChild(QToolButton, "paletteButton_times")
    times.setFocus()
    qtbot.keyClick(times, Qt.Key.Key_Space)
    assert edit.text() == "x * "
    assert "key *" in times.toolTip()
    assert "sin(" in window.findChild(QToolButton, "paletteButton_sin").toolTip()


# -- fields: messages in place, frames that clear, Ctrl+Z ---------------------------------------


def test_a_range_error_shows_in_place_and_clears_as_soon_as_the_text_is_valid(qtbot, window):
    row = window.variables_panel.row("x")
    height = row.height()
    message = window.findChild(QLabel, "rangeMessage_x")
    max_edit = row.range_edits["max"]
    max_edit.setFocus()
    max_edit.selectAll()
    qtbot.keyClicks(max_edit, "-9")
    qtbot.keyClick(max_edit, Qt.Key.Key_Return)
    assert max_edit.property("invalid") is True
    assert message.isVisible() and "must be less than max" in message.text()
    QApplication.processEvents()
    assert row.height() == height  # the line was kept for it: nothing moved
    qtbot.keyClick(max_edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(max_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(max_edit, "9")  # "9" > min: fine, before any Enter
    assert max_edit.property("invalid") is False and message.text() == ""
    assert window.controller.session.variables["x"].max == 5.0  # applied only on Enter
    qtbot.keyClick(max_edit, Qt.Key.Key_Return)
    assert window.controller.session.variables["x"].max == 9.0


def test_a_not_a_number_frame_clears_once_the_field_holds_a_number(qtbot, window):
    row = window.variables_panel.row("y")
    step = row.range_edits["step"]
    step.setFocus()
    step.selectAll()
    qtbot.keyClicks(step, "abc")
    qtbot.keyClick(step, Qt.Key.Key_Return)
    assert step.property("invalid") is True
    assert row.range_message.text() == "not a number"
    step.selectAll()
    qtbot.keyClicks(step, "0.5")
    assert step.property("invalid") is False and row.range_message.text() == ""


def test_ctrl_z_in_an_unchanged_range_field_is_the_apps_undo(qtbot, window):
    c = window.controller
    c.set_value("x", 2.0)
    row = window.variables_panel.row("x")
    min_edit = row.range_edits["min"]
    window.activateWindow()
    min_edit.setFocus()
    qtbot.waitUntil(min_edit.hasFocus)
    qtbot.keyClick(min_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.session.variables["x"].value == 1.0  # Edit > Undo ran

    # With typing of its own, Ctrl+Z undoes that typing and leaves the document alone.
    c.set_value("x", 3.0)
    qtbot.keyClicks(min_edit, "7")
    assert min_edit.text() == "-57"
    qtbot.keyClick(min_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert min_edit.text() == "-5" and c.session.variables["x"].value == 3.0


def test_after_a_refused_then_accepted_range_ctrl_z_undoes_the_range(qtbot, window):
    c = window.controller
    row = window.variables_panel.row("x")
    max_edit = row.range_edits["max"]
    window.activateWindow()
    max_edit.setFocus()
    qtbot.waitUntil(max_edit.hasFocus)
    max_edit.selectAll()
    qtbot.keyClicks(max_edit, "-9")
    qtbot.keyClick(max_edit, Qt.Key.Key_Return)  # refused
    max_edit.selectAll()
    qtbot.keyClicks(max_edit, "8")
    qtbot.keyClick(max_edit, Qt.Key.Key_Return)  # accepted
    assert c.session.variables["x"].max == 8.0
    qtbot.keyClick(max_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.session.variables["x"].max == 5.0 and max_edit.text() == "5"


def test_the_new_variable_field_explains_in_place_and_clears_when_the_name_is_valid(qtbot, window):
    keypad = window.findChild(QToolButton, "paletteButton_7")
    top = keypad.mapTo(window, keypad.rect().topLeft()).y()
    _click(qtbot, window, "newVariable")
    name_edit = window.findChild(QLineEdit, "newVariableEdit")
    message = window.findChild(QLabel, "newVariableMessage")
    assert message.isVisible() and message.text() == ""
    qtbot.keyClicks(name_edit, "exp")
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert name_edit.property("invalid") is True
    assert message.text() == "'exp' is a reserved name"
    QApplication.processEvents()
    assert keypad.mapTo(window, keypad.rect().topLeft()).y() == top  # nothing moved
    qtbot.keyClicks(name_edit, "o")  # "expo": a fine name
    assert name_edit.property("invalid") is False and message.text() == ""
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert "expo" in _variables(window) and message.text() == ""
    assert not name_edit.isVisible()


def test_ctrl_z_in_the_empty_new_variable_field_is_the_apps_undo(qtbot, window):
    c = window.controller
    c.set_value("y", 2.0)
    window.activateWindow()
    _click(qtbot, window, "newVariable")
    name_edit = window.findChild(QLineEdit, "newVariableEdit")
    qtbot.waitUntil(name_edit.hasFocus)
    qtbot.keyClick(name_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert c.session.variables["y"].value == 0.5


def test_tab_runs_down_the_variable_rows_in_the_order_they_are_shown(qtbot, window):
    window.controller.commit_expression("x + y + a")  # a is made last, shown first
    panel = window.variables_panel
    assert list(panel.rows) == ["a", "x", "y"]
    chain = [w for name in panel.rows for w in panel.rows[name].tab_chain() if w.isVisible()]
    # Qt's rule for a group of radio buttons: Tab stops at the checked one, arrows move
    # within the group.
    swept = panel.rows["x"].sweep_button
    chain = [w for w in chain if w is swept or w.objectName().split("_")[0] != "sweep"]
    window.activateWindow()
    chain[0].setFocus()
    qtbot.waitUntil(chain[0].hasFocus)
    reached = [chain[0]]
    for _ in range(len(chain) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        reached.append(focus.parentWidget() if focus not in chain else focus)  # spin's edit
    assert reached == chain
    for widget in chain:
        assert widget.accessibleName(), widget.objectName()
