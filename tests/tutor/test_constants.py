"""A typed number is a constant: folded into its function's label, never given a grad.

What the engine records today: the formula wraps every typed number in a Variable, so
``1/x`` records Div(1, x), ``3*x`` Mul(3, x), ``x/4`` Div(x, 4) and ``x^4 - 2*x^2``
Mul(2, x²), and each backward computes a gradient for the constant too (Mul's
``gx0 = gy · x1``). The snapshot, the step-through text and the DOT export agree on
the same picture: ``1÷``, ``×3``, ``÷4``, ``×2``, with no node and no grad for the number.
Expected labels and numbers below are written out by hand at x = 2.
"""

from __future__ import annotations

import re

import pytest

from tutor.backward_trace import record_expression
from tutor.dot import to_dot
from tutor.formula import parse

_DOT_NODE = re.compile(r'\s+n(\d+) \[label="([^"]*)"')


def trace_of(text: str, x: float = 2.0):
    return record_expression(parse(text), {"x": x})


def dot_labels(trace) -> list[str]:
    return [m[2] for m in map(_DOT_NODE.match, to_dot(trace.snapshot).splitlines()) if m]


def shown(trace) -> list[str]:
    """What the view draws, in node order: function labels and variables' grads."""
    out = []
    for n in trace.snapshot.nodes:
        if n.kind == "function":
            out.append(n.label)
        elif n.folded_into is None:
            out.append(f"{n.label}:{'-' if n.shown_grad is None else float(n.shown_grad)}")
    return out


@pytest.mark.parametrize(
    ("text", "view", "dot", "steps"),
    [
        ("1/x", ["x:-0.25", "1÷", "f:1.0"],
         [r"x\nvalue 2\ngrad −0.25", "1÷", r"f\nvalue 0.5\ngrad 1"],
         [["gx1 = gy · (−x0 / x1²) = 1 · (−1 / 2²) = −0.25", "x.grad = −0.25"]]),
        ("3*x", ["x:3.0", "×3", "f:1.0"],
         [r"x\nvalue 2\ngrad 3", "×3", r"f\nvalue 6\ngrad 1"],
         [["gx1 = gy · x0 = 1 · 3 = 3", "x.grad = 3"]]),
        ("x/4", ["x:0.25", "÷4", "f:1.0"],
         [r"x\nvalue 2\ngrad 0.25", "÷4", r"f\nvalue 0.5\ngrad 1"],
         [["gx0 = gy / x1 = 1 / 4 = 0.25", "x.grad = 0.25"]]),
    ],
)  # fmt: skip
def test_a_typed_number_folds_into_its_function_in_view_text_and_dot(text, view, dot, steps):
    trace = trace_of(text)
    assert shown(trace) == view
    assert dot_labels(trace) == dot
    got = [trace.rule_lines(k) + trace.accumulation_lines(k) for k in range(1, len(trace) + 1)]
    assert got == steps


def test_the_2_of_x4_minus_2x2_is_folded_and_gets_no_gradient():
    trace = trace_of("x^4 - 2*x^2")
    # f′ = 4x³ − 4x = 32 − 8 = 24 at x = 2; the 2 has no card and no grad
    assert shown(trace) == [
        "x:24.0", "x⁴", "t1:1.0", "x²", "t2:-2.0", "×2", "t3:-1.0", "−", "f:1.0"
    ]  # fmt: skip
    assert not any("value 2\\ngrad" in label and "x" not in label for label in dot_labels(trace))
    assert "×2" in dot_labels(trace)
    lines = [line for k in range(1, len(trace) + 1) for line in trace.rule_lines(k)]
    assert "gx1 = gy · x0 = (−1) · 2 = −2" in lines  # t2's gradient, from the folded 2
    assert not any(line.startswith("gx0 = gy · x1") for line in lines)  # the 2's: not shown
    accs = [line for k in range(1, len(trace) + 1) for line in trace.accumulation_lines(k)]
    assert "(2).grad" not in " ".join(accs)
    assert accs[-1] == "x.grad = −8 + 32 = 24"


def test_a_value_made_only_of_constants_is_drawn_without_a_gradient():
    trace = trace_of("2*3 + x")
    snap = trace.snapshot
    t1 = next(n for n in snap.variables if n.label == "t1")
    assert float(t1.data) == 6.0 and t1.shown_grad is None and t1.grad is not None
    # neither 2 nor 3 is folded (they meet each other, not a variable): drawn, no grad
    consts = [n for n in snap.variables if n.role == "constant"]
    assert [n.label for n in consts] == ["2", "3"]
    assert all(n.folded_into is None and n.shown_grad is None for n in consts)
    assert r"2\nvalue 2" not in to_dot(snap) and "value 2" in to_dot(snap)
    assert not any("grad" in label for label in dot_labels(trace)[:2])


def test_named_constants_fold_under_their_own_name():
    assert shown(trace_of("pi*x")) == ["x:3.141592653589793", "×π", "f:1.0"]
    assert shown(trace_of("2 - x")) == ["x:-1.0", "2−", "f:1.0"]
    assert shown(trace_of("x + 1")) == ["x:1.0", "+1", "f:1.0"]


def test_a_constant_used_twice_is_drawn_once_without_a_gradient_not_folded():
    # the parser gives each typed 2 its own Variable, so reuse needs a named constant
    snap = trace_of("pi*x + pi").snapshot
    pis = [n for n in snap.variables if n.label == "pi"]
    assert all(n.shown_grad is None for n in pis)
