"""``main.py eval`` names the first operation whose result was not finite (DESIGN.md)."""

from __future__ import annotations

import pytest

from tests.test_cli import run


@pytest.mark.parametrize(
    ("expr", "x", "op"),
    [("log(x - 2)", "1", "log"), ("sqrt(x)", "-1", "sqrt"), ("1/x", "0", "div"),
     ("0*log(x)", "0", "log"), ("sqrt(x)", "0", "sqrt")],
)  # fmt: skip
def test_eval_notes_the_first_non_finite_operation_by_name(expr, x, op):
    proc = run("eval", expr, f"x={x}")
    assert proc.returncode == 0, proc.stderr
    notes = [line for line in proc.stderr.splitlines() if line.startswith("note: ")]
    origin = [line for line in notes if "first operation" in line]
    assert len(origin) == 1, proc.stderr
    assert f" is {op}" in origin[0]


def test_eval_of_a_finite_point_prints_no_note():
    proc = run("eval", "log(x - 2)", "x=3")
    assert proc.returncode == 0
    assert proc.stdout.splitlines() == ["f = 0", "df/dx = 1"]
    assert proc.stderr == ""


def test_eval_note_for_a_backward_only_nan_says_the_gradient_and_the_step():
    proc = run("eval", "sqrt(x)", "x=0")
    assert proc.stdout.splitlines() == ["f = 0", "df/dx = inf"]
    assert (
        "note: the first operation whose gradient was not finite is sqrt (backward step 1)"
        in proc.stderr
    )
