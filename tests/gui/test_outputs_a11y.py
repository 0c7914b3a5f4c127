"""The plot, variables, map/descent and gradient-check panels: every control reachable
with Tab and named for a screen reader, and no English left in the Korean window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTabWidget

from gui import i18n
from gui.main_window import MainWindow
from tests.gui.walk import a11y_problems, english_words

PANELS = ("plotPanel", "mapDescentPanel", "gradientCheckPanel")


@pytest.fixture
def _english_afterwards(qapp, qt_test_paths):
    yield
    i18n.set_language("en")


def _show_each_panel(window: MainWindow):
    """Yield every panel of this test, with its side tab (if any) on show."""
    tabs = window.findChild(QTabWidget, "sideTabs")
    for name in PANELS:
        for i in range(tabs.count()):
            if tabs.widget(i).objectName() == name:
                tabs.setCurrentIndex(i)
        panel = window.findChild(object, name) if name != "plotPanel" else window.plot_panel
        yield name, panel
    yield "variablesPanel", window.variables_panel


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_control_is_reachable_and_named(qtbot, qapp, _english_afterwards, language):
    assert i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.controller.set_expression("(1 - x0)^2 + 100*(x1 - x0^2)^2")
    window.controller.flush()
    for name, panel in _show_each_panel(window):
        assert panel is not None, name
        assert a11y_problems(panel) == [], name
        if language == "ko":
            assert english_words(panel) == [], name
