"""The engine never imports Qt or pyqtgraph: the GUI depends on it, never the reverse.

Checked in a fresh interpreter, because in the test process a GUI test may already have
imported Qt.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ENGINE_MODULES = [
    "engine",
    "engine.core",
    "engine.functions",
    "engine.gradcheck",
    "engine.expression",
    "engine.graph",
    "engine.session",
]
GUI_LIBRARIES = ["PySide6", "shiboken6", "pyqtgraph"]

PROBE = """
import importlib, importlib.util, json, pkgutil, sys
import engine
# the modules named above, and any other module the package has grown since
names = list({modules!r})
names += sorted(m.name for m in pkgutil.iter_modules(engine.__path__, "engine.")
                if m.name not in names)
imported, missing = [], []
for name in names:
    if importlib.util.find_spec(name) is None:
        missing.append(name)
        continue
    importlib.import_module(name)
    imported.append(name)
gui = sorted(m for m in sys.modules if m.split(".")[0] in {gui!r})
print(json.dumps({{"imported": imported, "missing": missing, "gui": gui}}))
"""


def _probe() -> dict:
    code = PROBE.format(modules=ENGINE_MODULES, gui=GUI_LIBRARIES)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_every_engine_module_loads_no_gui_library():
    report = _probe()
    assert "engine" in report["imported"]
    assert "engine.functions" in report["imported"]
    assert "engine.gradcheck" in report["imported"]
    assert report["gui"] == [], f"engine modules pulled in {report['gui']}"


def test_probe_would_notice_a_gui_import():
    # The check above is only worth something if the probe can fail: here the list of
    # GUI libraries names one that importing engine does load.
    code = PROBE.format(modules=["engine"], gui=["numpy"])
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "numpy" in json.loads(result.stdout.strip().splitlines()[-1])["gui"]
