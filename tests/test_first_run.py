"""A first run on a bare Linux: when Qt's X11 (xcb) platform plugin cannot load for a
missing system library, ``python main.py`` says in one line which package to install,
instead of Qt's long message and an abort (exit 134)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def broken_plugin(tmp_path_factory) -> Path:
    """A shared library that needs one that is not on the system: built with a C
    compiler, linked against a stand-in library that is then deleted."""
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None or not sys.platform.startswith("linux"):
        pytest.skip("needs a C compiler on Linux")
    folder = tmp_path_factory.mktemp("plugin")
    (folder / "gone.c").write_text("int gone(void) { return 1; }\n")
    (folder / "plugin.c").write_text("int gone(void);\nint plugin(void) { return gone(); }\n")
    subprocess.run(
        [cc, "-shared", "-fPIC", "-Wl,-soname,libtutor-gone-for-test.so.3",
         "-o", str(folder / "libtutor-gone-for-test.so.3"), str(folder / "gone.c")],
        check=True,
    )  # fmt: skip
    subprocess.run(
        [cc, "-shared", "-fPIC", "-o", str(folder / "libqxcb.so"), str(folder / "plugin.c"),
         str(folder / "libtutor-gone-for-test.so.3")],
        check=True,
    )  # fmt: skip
    (folder / "libtutor-gone-for-test.so.3").unlink()
    return folder / "libqxcb.so"


def test_the_real_plugin_loads_on_this_machine():
    plugin = main.xcb_plugin_path()
    assert plugin is not None and plugin.endswith("platforms/libqxcb.so")
    assert main.missing_libraries(plugin) == []
    assert main.xcb_problem(plugin) is None


def test_a_missing_library_is_found_by_loading_the_plugin(broken_plugin):
    assert main.missing_libraries(str(broken_plugin)) == ["libtutor-gone-for-test.so.3"]
    line = main.xcb_problem(str(broken_plugin))
    assert line == (
        "Qt's X11 platform (xcb) cannot start: missing libtutor-gone-for-test.so.3; "
        "find the package that provides libtutor-gone-for-test.so.3"
    )


def test_known_libraries_are_named_with_their_debian_and_fedora_packages(monkeypatch):
    monkeypatch.setattr(
        main, "missing_libraries", lambda _p: ["libxcb-cursor.so.0", "libxkbcommon-x11.so.0"]
    )
    assert main.xcb_problem("/any/libqxcb.so") == (
        "Qt's X11 platform (xcb) cannot start: missing libxcb-cursor.so.0, "
        "libxkbcommon-x11.so.0; to install: sudo apt install libxcb-cursor0 "
        "libxkbcommon-x11-0 (Debian/Ubuntu) or sudo dnf install xcb-util-cursor "
        "libxkbcommon-x11 (Fedora)"
    )


def test_main_prints_one_line_and_exits_2_before_qt_starts(broken_plugin):
    code = (
        "import sys, main\n"
        f"main.xcb_plugin_path = lambda: {str(broken_plugin)!r}\n"
        "status = main.main([])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'Qt was started'\n"
        "sys.exit(status)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":987"}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: Qt's X11 platform (xcb) cannot start: missing ")


@pytest.mark.parametrize(
    ("platform", "wayland", "expected"),
    [("", "", True), ("xcb", "", True), ("offscreen", "", False), ("", "wayland-0", False),
     ("xcb:nograb", "", True)],
)  # fmt: skip
def test_the_probe_runs_only_where_qt_would_use_xcb(monkeypatch, platform, wayland, expected):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", platform)
    if not platform:
        monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", wayland)
    assert main.uses_xcb() is expected
