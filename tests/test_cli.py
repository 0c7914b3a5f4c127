"""``main.py`` on the command line: eval, --screenshot, errors — run as real processes."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"


def run(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    base = dict(os.environ)
    base.setdefault("QT_QPA_PLATFORM", "offscreen")
    if env is not None:
        base = env
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=base,
        cwd=str(ROOT),
    )


def _values(stdout: str) -> dict[str, float]:
    out = {}
    for line in stdout.splitlines():
        key, _, value = line.partition(" = ")
        out[key] = float(value)
    return out


def test_eval_prints_f_then_every_partial_in_sorted_order():
    proc = run("eval", "x^2*y", "x=3", "y=2")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["f = 18", "df/dx = 12", "df/dy = 9"]
    assert proc.stderr == ""


def test_eval_prints_at_least_ten_significant_digits():
    proc = run("eval", "sin(b) * exp(a)", "b=1", "a=0.5")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [line.split(" = ")[0] for line in lines] == ["f", "df/da", "df/db"]
    values = _values(proc.stdout)
    assert values["f"] == math.sin(1) * math.exp(0.5)  # repr round-trips exactly
    assert values["df/da"] == pytest.approx(math.sin(1) * math.exp(0.5), rel=1e-15)
    assert values["df/db"] == pytest.approx(math.cos(1) * math.exp(0.5), rel=1e-15)
    assert len(lines[0].split(" = ")[1].replace(".", "").lstrip("0")) >= 10


def test_eval_never_imports_qt():
    code = (
        "import sys, main; rc = main.main(['eval', 'x*y', 'x=1', 'y=2']);"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))];"
        "print(bad); sys.exit(rc)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT), timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    "args",
    [
        ("eval",),
        ("eval", "x^2 +", "x=1"),
        ("eval", "x*y", "x=1"),
        ("eval", "x", "x=abc"),
        ("eval", "x", "x"),
        ("eval", "x", "x=nan"),
        ("--bogus",),
        ("--screenshot",),
        ("--screenshot", "out.txt"),
        ("--export", "only-one-arg"),
        ("a.json", "b.json"),
    ],
)
def test_bad_arguments_exit_2_with_one_error_line(args):
    proc = run(*args)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:"), proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_a_plain_launch_without_a_display_says_so():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    proc = run(env=env)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("error: no display found")
    assert "QT_QPA_PLATFORM=offscreen" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_screenshot_writes_a_png_even_without_a_display(tmp_path):
    out = tmp_path / "shot.png"
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    proc = run("--screenshot", str(out), env=env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    assert [p.name for p in tmp_path.iterdir()] == ["shot.png"]  # no temp files left


def test_screenshot_of_a_session_file(tmp_path):
    session = {
        "format": "autodiff-tutor-session",
        "version": 1,
        "expression": "tanh(w)",
        "variables": [{"name": "w", "value": 0.25, "min": -3, "max": 3, "step": 0.05}],
    }
    path = tmp_path / "s.json"
    path.write_text(json.dumps(session))
    out = tmp_path / "s.png"
    proc = run("--screenshot", str(out), str(path))
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_a_bad_session_file_is_refused_without_a_partial_output(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    out = tmp_path / "shot.png"
    proc = run("--screenshot", str(out), str(bad))
    assert proc.returncode == 2
    assert proc.stderr.startswith("error:") and "not valid JSON" in proc.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_screenshot_into_a_missing_folder_fails_cleanly(tmp_path):
    out = tmp_path / "nowhere" / "shot.png"
    proc = run("--screenshot", str(out))
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: cannot write")


# -- issue 12: names eval does not know, and session files that are too much work or not files


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("eval", "pi*x", "x=1", "pi=3"), "error: pi is a constant, not a variable"),
        (("eval", "x^2", "x=1", "e=2"), "error: e is a constant, not a variable"),
        (("eval", "x^2", "x=1", "q=2"), "error: q is not a variable of the formula (its "
                                        "variables: x)"),
        (("eval", "sin(x)", "x=1", "sin=2"), "error: sin is not a variable of the formula"),
        (("eval", "3", "x=1"), "error: x is not a variable of the formula (its variables: "
                               "none)"),
    ],
)  # fmt: skip
def test_eval_refuses_names_that_are_not_variables_of_the_formula(args, expected):
    proc = run(*args)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()]
    assert proc.stderr.startswith(expected), proc.stderr
    assert proc.stdout == ""


def test_eval_with_exactly_the_formulas_variables_still_works():
    proc = run("eval", "pi*x + e", "x=2")
    assert proc.returncode == 0, proc.stderr
    assert _values(proc.stdout) == {"f": 2 * math.pi + math.e, "df/dx": math.pi}


def _oversized_work(tmp_path: Path) -> Path:
    """Issue 12's 6 KB file: 3,000 factors and 100,000 points, each within its limit."""
    path = tmp_path / "work.json"
    session = {
        "format": "autodiff-tutor-session",
        "version": 1,
        "expression": "*".join(["x"] * 3000),
        "variables": [{"name": "x", "value": 1.0, "min": -1, "max": 1, "step": 0.01}],
        "sweep": {"variable": "x", "min": -1, "max": 1, "points": 100_000},
    }
    path.write_text(json.dumps(session))
    return path


@pytest.mark.parametrize("suffix", [".csv", ".png", ".svg"])
def test_exporting_a_sweep_that_is_too_much_work_is_refused_at_once(tmp_path, suffix):
    session = _oversized_work(tmp_path)
    out = tmp_path / f"out{suffix}"
    proc = run("--export", str(out), str(session), timeout=30)  # it ran 104 s before
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr
    assert lines[0].startswith(f"error: {out}: the sweep is too much work: 2,999 recorded")
    assert "at most 1,667 points would fit" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["work.json"]  # no partial file


def test_an_export_that_does_not_run_the_sweep_is_not_refused(tmp_path):
    session = _oversized_work(tmp_path)
    proc = run("--export", str(tmp_path / "out.json"), str(session), timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "out.json").read_text())["sweep"]["points"] == 100_000


def _fifo(tmp_path: Path) -> Path:
    os.mkfifo(tmp_path / "f.json")
    return tmp_path / "f.json"


def _loop(tmp_path: Path) -> Path:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    return tmp_path / "a.json"


def _dev_zero(tmp_path: Path) -> Path:
    (tmp_path / "z.json").symlink_to("/dev/zero")
    return tmp_path / "z.json"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file types")
@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_fifo, "is a named pipe (FIFO), not a session file"),
        (_loop, "its symbolic links lead round in a loop"),
        (_dev_zero, "is a character device, not a session file"),
        (lambda tmp_path: tmp_path, "is a folder, not a session file"),
    ],
    ids=["fifo", "symlink loop", "/dev/zero", "folder"],
)
def test_a_session_path_that_is_not_a_file_is_refused_without_waiting(tmp_path, make, expected):
    # `mkfifo f.json; python main.py --export o.csv f.json` waited for a writer for ever
    folder = tmp_path / "in"
    folder.mkdir()
    path = make(folder)
    out = tmp_path / "o.csv"
    proc = run("--export", str(out), str(path), timeout=30)
    assert proc.returncode == 2
    assert proc.stderr.startswith("error:") and expected in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()
