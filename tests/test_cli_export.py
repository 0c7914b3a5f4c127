"""`python main.py --export`: every format from the command line, without a display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.image_checks import assert_png_has_content, assert_svg_has_content
from tutor.export import export_bytes
from tutor.session import Session


def make_session(expression: str = "sin(x) * x^2 + y", **values: float) -> Session:
    s = Session(expression)
    for name, value in values.items():
        s.set_value(name, value)
    return s


ROOT = Path(__file__).resolve().parent.parent


def run_main(*args, cwd) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QT_QPA_PLATFORM")}
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)  # --export must not need a display
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def session_file(tmp_path) -> Path:
    path = tmp_path / "session.json"
    make_session(x=1.5, y=0.5).save(path)
    return path


def test_command_line_exports_png_and_svg_of_the_plot_without_a_display(session_file, qapp):
    out = session_file.parent
    for name in ("plot.png", "plot.svg"):
        done = run_main("--export", out / name, session_file, cwd=out)
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    assert_png_has_content((out / "plot.png").read_bytes())
    assert_svg_has_content((out / "plot.svg").read_bytes())


@pytest.mark.parametrize("suffix", [".csv", ".dot", ".py", ".ipynb", ".json"])
def test_command_line_exports_the_text_formats(suffix, session_file):
    out = session_file.parent / f"out{suffix}"
    done = run_main("--export", out, session_file, cwd=session_file.parent)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == export_bytes(Session.load(session_file), suffix) or suffix == ".py"


@pytest.mark.parametrize(
    "target, message",
    [
        ("out.txt", "unknown export format '.txt'"),
        ("out", "unknown export format"),
        ("missing/out.csv", "cannot write"),
        ("missing/out.png", "cannot write"),
        ("missing/out.svg", "cannot write"),
    ],
)
def test_command_line_export_errors_are_one_line_and_leave_no_file(target, message, session_file):
    folder = session_file.parent
    before = sorted(p.name for p in folder.iterdir())
    done = run_main("--export", folder / target, session_file, cwd=folder)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0]
    assert sorted(p.name for p in folder.iterdir()) == before


def test_command_line_export_of_a_bad_session_writes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "autodiff-tutor-session", "version": 99}')
    done = run_main("--export", tmp_path / "out.png", bad, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("error:") and "version 99" in done.stderr
    assert "version 1" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]
