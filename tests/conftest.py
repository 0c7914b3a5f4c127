"""Test set-up shared by every test: Qt renders offscreen, never on a real display.

Engine-only runs must never import Qt (tests/test_engine_isolation.py checks the engine
itself), so the Qt fixtures here import it inside, when a test first asks for them.
"""

import os
import tempfile

import pytest

# Without a display Qt aborts the whole process; offscreen needs none. Set before any
# Qt import (pytest-qt imports Qt when the first test that uses qtbot runs). Its screen
# is 1920×1080 (offscreen's own default is 800×800): the window sizes itself to the
# screen, and the tests expect the full-size window of a desktop.
SCREEN_CONFIG = os.path.join(os.path.dirname(__file__), "offscreen_screen.json")
# A plain "offscreen" (as CI sets it) gets the same 1920x1080 screen: Qt's own default
# of 800x800 is smaller than any laptop, and the window's sizing tests assume a real one.
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREEN_CONFIG}"

# Qt's test mode keeps settings, recent files and autosaves under ~/.qttest. A home of
# this run's own keeps two test runs on one machine (or a run and the user's own app)
# from deleting each other's files.
os.environ["HOME"] = tempfile.mkdtemp(prefix="autodiff-tutor-tests-")

# Config as the engine starts, no teaching switch on: the book's behaviour.
CONFIG_DEFAULTS = {
    "enable_backprop": True,
    "accumulate_grad": True,
    "order_by_generation": True,
    "weak_outputs": True,
}


def _config_now() -> dict[str, bool]:
    from engine import Config

    return {name: getattr(Config, name) for name in CONFIG_DEFAULTS}


@pytest.fixture
def config_left_alone():
    """Fails a test that leaves a teaching switch on, and turns it off for the next test.

    Config is process-wide: one test's switch would otherwise change every later result.
    """
    from engine import Config

    assert _config_now() == CONFIG_DEFAULTS
    yield
    now = _config_now()
    for name, value in CONFIG_DEFAULTS.items():
        setattr(Config, name, value)
    assert now == CONFIG_DEFAULTS


@pytest.fixture
def qt_test_paths():
    """Settings, recent files and autosaves go to Qt's test folders, never the user's."""
    from PySide6.QtCore import QStandardPaths

    was_enabled = QStandardPaths.isTestModeEnabled()
    QStandardPaths.setTestModeEnabled(True)
    yield
    QStandardPaths.setTestModeEnabled(was_enabled)


@pytest.fixture
def window(qtbot, qt_test_paths):
    """The tutor's main window on the default example, shown and exposed."""
    from gui.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(autouse=True)
def fresh_window_geometry():
    """Each test's window opens at the first-run size: a window closed by an earlier test
    would otherwise come back at that test's size (gui/main_window.py remembers it)."""
    import sys

    if "PySide6.QtCore" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

        if QCoreApplication.instance() is not None:
            was = QStandardPaths.isTestModeEnabled()
            for mode in (False, True):
                QStandardPaths.setTestModeEnabled(mode)
                QSettings().remove("window")
            QStandardPaths.setTestModeEnabled(was)
    yield
