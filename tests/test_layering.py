"""Three floors, one way down: gui -> tutor -> engine.

``engine/`` (the book's autograd) imports neither ``tutor`` nor ``gui`` nor any Qt
library; ``tutor/`` (the application's model) imports neither ``gui`` nor Qt. Checked in
a fresh interpreter per package, because in the test process a GUI test may already
have imported Qt, and by walking every module the package has, so a new file is covered
the day it is added.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

QT = ["PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy"]
FORBIDDEN = {
    "engine": ["tutor", "gui", *QT],
    "tutor": ["gui", *QT],
}

PROBE = """
import importlib, json, pkgutil, sys
package = importlib.import_module({package!r})
names = [{package!r}]
for info in pkgutil.walk_packages(package.__path__, {package!r} + "."):
    names.append(info.name)
for name in names:
    importlib.import_module(name)
loaded = sorted(m for m in sys.modules if m.split(".")[0] in {forbidden!r})
print(json.dumps({{"imported": names, "loaded": loaded}}))
"""


def probe(package: str, forbidden: list[str]) -> dict:
    code = PROBE.format(package=package, forbidden=forbidden)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_importing_every_module_of_a_floor_loads_nothing_from_the_floors_above(package):
    report = probe(package, FORBIDDEN[package])
    assert len(report["imported"]) > 3  # the walk found the package's modules
    assert report["loaded"] == [], f"{package} pulled in {report['loaded']}"


def test_the_probe_would_notice_an_upward_import():
    # Worth something only if it can fail: importing the tutor does load the engine.
    report = probe("tutor", ["engine"])
    assert "engine" in report["loaded"]
