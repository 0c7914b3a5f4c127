"""The whole window for a keyboard or screen-reader user, and all of it in Korean.

Each side tab is shown in turn and the whole window walked (tests/gui/walk.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.gui.walk import (
    _WORD,
    ALLOWED_LATIN,
    _strip_markup,
    a11y_problems,
    describe,
    english_words,
    interactive_widgets,
    visible_texts,
    widget_problems,
)

# Latin words that are code in the lessons' Korean text: the engine's functions and the
# book's attribute names, written as the learner types them.
CODE_WORDS = {"square", "ndarray", "creator", "no_grad", "cube", "goldstein", "matyas"}


def _each_tab(window):
    tabs = window.side_tabs
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        window.controller.flush()
        yield tabs.widget(i)


def _problems_in_every_tab(window) -> list[str]:
    found: list[str] = []
    for _panel in _each_tab(window):
        for widget in interactive_widgets(window):
            found.extend(p for p in widget_problems(widget) if p not in found)
    return found


def test_the_per_widget_check_agrees_with_the_walk(window):
    walked = set(a11y_problems(window))
    ours = {p for w in interactive_widgets(window) for p in widget_problems(w)}
    assert ours == walked


def test_every_control_in_every_tab_is_reachable_and_named(window):
    assert _problems_in_every_tab(window) == []


def test_a11y_walk_of_the_window_finds_a_nameless_button(window):
    """The walk itself: a button with only an icon and no name is reported."""
    from PySide6.QtWidgets import QToolButton

    button = QToolButton(window.lesson_panel)
    button.setObjectName("iconOnly")
    button.show()
    window.side_tabs.setCurrentWidget(window.lesson_panel)
    problems = a11y_problems(window)
    assert any("'iconOnly'" in p and "accessible name" in p for p in problems)
    assert any("'iconOnly'" in p and "tooltip" in p for p in problems)


def _focus_chain(window) -> list[QWidget]:
    start = window.expression_bar.edit
    chain, widget = [], start
    for _ in range(1000):
        if widget.isVisible() and widget.isEnabled():
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus:
                chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return chain


def test_tab_goes_through_the_formula_column_then_the_plot_then_the_side_tabs(window):
    def area(widget):
        if window.left_scroll.isAncestorOf(widget):
            return 0
        if window.plot_panel.isAncestorOf(widget):
            return 1
        if window.side_tabs.isAncestorOf(widget):
            return 2
        return None

    chain = [w for w in _focus_chain(window) if area(w) is not None]
    areas = [area(w) for w in chain]
    assert areas == sorted(areas), [w.objectName() for w in chain]
    assert areas[0] == 0 and 1 in areas and 2 in areas
    names = [w.objectName() for w in chain]
    assert names[0] == "expressionEdit"
    # the palette in reading order, then the variables
    assert names.index("paletteButton_7") < names.index("paletteButton_8")
    assert names.index("paletteButton_sin") < names.index("slider_x")


def test_tab_really_moves_focus_from_the_formula_to_the_palette(qtbot, window):
    window.activateWindow()
    edit = window.expression_bar.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    focused = window.focusWidget()
    assert focused is not edit
    assert window.left_scroll.isAncestorOf(focused)
    assert focused.objectName().startswith("palette")


# -- Korean, whole ---------------------------------------------------------------------------------


@pytest.fixture
def korean(qapp):
    from gui import i18n

    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def _english_in_every_tab(window) -> list[str]:
    """walk.english_words over every side tab in turn."""
    found: list[str] = []
    allowed = ALLOWED_LATIN | CODE_WORDS
    for _panel in _each_tab(window):
        for widget, text in visible_texts(window):
            words = [w for w in _WORD.findall(_strip_markup(text)) if w.lower() not in allowed]
            problem = f"{describe(widget)}: {' '.join(words)!r} in {text[:60]!r}"
            if words and problem not in found:
                found.append(problem)
    return found


def test_english_in_every_tab_covers_the_walk(korean, window):
    walked = set(english_words(window, ALLOWED_LATIN | CODE_WORDS))
    assert walked <= set(_english_in_every_tab(window))  # the walk sees the tab in front


def test_korean_window_shows_no_english_anywhere(korean, window):
    assert window.side_tabs.tabText(0) == "그래프"
    assert _english_in_every_tab(window) == []
