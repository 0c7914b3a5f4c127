"""Test set-up shared by every test: Qt renders offscreen, never on a real display."""

import os

# Without a display Qt aborts the whole process; offscreen needs none. Set before any
# Qt import (pytest-qt imports Qt when the first test that uses qtbot runs).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
