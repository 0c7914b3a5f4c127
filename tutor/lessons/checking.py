"""The engine's answer to a question, and whether a learner's prediction matches it.

An answer is never written down: it is computed when asked, either by running a
built-in demo and taking the number it prints (``DemoAnswer``) or by the tutor's own
evaluation of a formula at a point (``FormulaAnswer``: f, ∂f/∂x or ∂²f/∂x²), with the
question's teaching switches on and every other one off.
"""

from __future__ import annotations

import math
import re

from tutor.evaluation import evaluate_expression
from tutor.formula import parse
from tutor.lessons.demo_runs import run_demo
from tutor.lessons.model import DemoAnswer, FormulaAnswer, Question
from tutor.lessons.switches import run_with_switches
from tutor.session import Sweep

# f, df/dx, d2f/dx2 (also written d2f/dx^2); the name is any identifier.
_QUANTITY = re.compile(r"^(?:(f)|df/d(\w+)|d2f/d(\w+?)(?:\^?2))$")


def parse_quantity(text: str) -> tuple[int, str | None] | None:
    """``"f"`` -> (0, None), ``"df/dx"`` -> (1, "x"), ``"d2f/dx2"`` -> (2, "x"); else None.

    In ``d2f/d…2`` the last ``2`` (or ``^2``) is the power: ``d2f/dx22`` is the second
    derivative along ``x2``.
    """
    m = _QUANTITY.match(text.strip().replace(" ", ""))
    if m is None:
        return None
    if m.group(1):
        return 0, None
    if m.group(2):
        return 1, m.group(2)
    return 2, m.group(3)


def formula_value(source: FormulaAnswer) -> float:
    """``source.quantity`` of ``source.formula`` at ``source.point``, by the evaluation
    the window uses (one forward and backward pass; f″ with ``create_graph``)."""
    expr = parse(source.formula)
    point = dict(source.point)
    if source.order == 2:
        x = point[source.variable]
        result = evaluate_expression(expr, point, Sweep(source.variable, x - 1.0, x + 1.0, 2))
        return result.d2f_at_point
    result = evaluate_expression(expr, point, None)
    return result.value if source.order == 0 else result.grads[source.variable]


def answer(question: Question) -> float:
    """The engine's answer to ``question``, computed now (demo runs are kept)."""
    source = question.source
    if isinstance(source, DemoAnswer):
        run = run_demo(source.demo, question.switches)
        return run.value(source.line - 1, source.item - 1)
    return run_with_switches(formula_value, question.switches, source)


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_prediction(text: str) -> float | None:
    """The number a learner typed, or None if it is not one.

    Accepts what a learner is likely to type: ``64``, ``-2.0``, ``1e-3``, a fraction
    ``16/11``, a Unicode minus, a comma as decimal separator, or the engine's own
    ``variable(64.0)``.
    """
    t = text.strip().replace("−", "-").replace(" ", "")
    m = re.fullmatch(r"variable\((.*)\)", t)
    if m:
        t = m.group(1)
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    parts = t.split("/")
    if len(parts) > 2 or not all(_NUMBER.match(p) for p in parts):
        return None
    try:
        value = float(parts[0])
        if len(parts) == 2:
            value /= float(parts[1])
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def is_close(predicted: float, expected: float, question: Question) -> bool:
    """Whether a prediction counts as right, within the question's tolerance."""
    return math.isclose(predicted, expected, rel_tol=question.rel_tol, abs_tol=question.abs_tol)


__all__ = ["answer", "formula_value", "is_close", "parse_prediction", "parse_quantity"]
