"""Tests of tutor/formula.py: grammar, messages, printing, and graphs it builds.

No Qt here. Gradients are checked three ways: against derivatives worked out by hand,
against central differences (``engine.gradcheck``), and, for random trees, against
central differences computed in this file.
"""

from __future__ import annotations

import doctest
import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

import engine.functions as F
from engine import Config, Variable
from engine.gradcheck import gradient_check, numerical_diff
from tutor.formula import (
    CONSTANTS,
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    BinaryOp,
    Call,
    Constant,
    Expression,
    MissingVariableError,
    Name,
    Number,
    ParseError,
    SeveralOutputsError,
    Tuple,
    UnaryOp,
    parse,
    pretty,
    to_text,
    walk,
)

FAST = settings(max_examples=200, deadline=None)

E, PI = math.e, math.pi


def value_and_grads(expr: Expression, point: dict[str, float]) -> tuple[float, dict]:
    """f and every df/dname at ``point``, by backprop."""
    xs = {name: Variable(np.array(float(v))) for name, v in point.items()}
    y = expr.build(xs)
    y.backward()
    grads = {n: 0.0 if x.grad is None else float(x.grad.data) for n, x in xs.items()}
    return float(y.data), grads


# =============================================================================
# valid input: canonical text, value, gradient
# =============================================================================

# (typed text, canonical text, point, f at the point, hand-computed gradient)
VALID = [
    ("2", "2", {}, 2.0, {}),
    ("2.5", "2.5", {}, 2.5, {}),
    (".5", "0.5", {}, 0.5, {}),
    ("1e-3", "0.001", {}, 0.001, {}),
    ("1.5E+2", "150", {}, 150.0, {}),
    ("1e16", "1e+16", {}, 1e16, {}),
    ("  x  ", "x", {"x": 3.0}, 3.0, {"x": 1.0}),
    ("x+1", "x+1", {"x": 3.0}, 4.0, {"x": 1.0}),
    ("2x", "2*x", {"x": 3.0}, 6.0, {"x": 2.0}),
    ("2 x", "2*x", {"x": 3.0}, 6.0, {"x": 2.0}),
    ("2pi", "2*pi", {}, 2 * PI, {}),
    ("2π", "2*pi", {}, 2 * PI, {}),
    ("2e", "2*e", {}, 2 * E, {}),
    ("2sin(x)", "2*sin(x)", {"x": 0.5}, 2 * math.sin(0.5), {"x": 2 * math.cos(0.5)}),
    ("3(x+1)", "3*(x+1)", {"x": 2.0}, 9.0, {"x": 3.0}),
    ("(x+1)(x-1)", "(x+1)*(x-1)", {"x": 2.0}, 3.0, {"x": 4.0}),
    ("(x+1)x", "(x+1)*x", {"x": 2.0}, 6.0, {"x": 5.0}),
    ("(x)(y+1)", "x*(y+1)", {"x": 2.0, "y": 3.0}, 8.0, {"x": 4.0, "y": 2.0}),
    ("sin(x)cos(x)", "sin(x)*cos(x)", {"x": 0.3}, math.sin(0.3) * math.cos(0.3),
     {"x": math.cos(0.6)}),
    ("1/2x", "1/2*x", {"x": 4.0}, 2.0, {"x": 0.5}),
    ("x^2y", "x^2*y", {"x": 3.0, "y": 2.0}, 18.0, {"x": 12.0, "y": 9.0}),
    ("-x^2", "-x^2", {"x": 3.0}, -9.0, {"x": -6.0}),
    ("(-x)^2", "(-x)^2", {"x": 3.0}, 9.0, {"x": 6.0}),
    ("2^3^2", "2^3^2", {}, 512.0, {}),
    ("(2^3)^2", "(2^3)^2", {}, 64.0, {}),
    ("2^-1", "2^-1", {}, 0.5, {}),
    ("x^-2", "x^-2", {"x": 2.0}, 0.25, {"x": -0.25}),
    ("2^-x^2", "2^-x^2", {"x": 1.0}, 0.5, {"x": -math.log(2)}),
    ("-2^2", "-2^2", {}, -4.0, {}),
    ("(-2)^2", "(-2)^2", {}, 4.0, {}),
    ("--x", "--x", {"x": 3.0}, 3.0, {"x": 1.0}),
    ("+x", "+x", {"x": 3.0}, 3.0, {"x": 1.0}),
    ("-+-x", "-+-x", {"x": 3.0}, 3.0, {"x": 1.0}),
    ("a*-b", "a*-b", {"a": 2.0, "b": 3.0}, -6.0, {"a": -3.0, "b": -2.0}),
    ("a - -b", "a--b", {"a": 2.0, "b": 3.0}, 5.0, {"a": 1.0, "b": 1.0}),
    ("-2*3", "-2*3", {}, -6.0, {}),
    ("-(2*3)", "-(2*3)", {}, -6.0, {}),
    ("-(x+y)", "-(x+y)", {"x": 1.0, "y": 2.0}, -3.0, {"x": -1.0, "y": -1.0}),
    ("a-(b-c)", "a-(b-c)", {"a": 1.0, "b": 2.0, "c": 3.0}, 2.0, {"a": 1.0, "b": -1.0, "c": 1.0}),
    ("(a-b)-c", "a-b-c", {"a": 1.0, "b": 2.0, "c": 3.0}, -4.0, {"a": 1.0, "b": -1.0, "c": -1.0}),
    ("a/(b*c)", "a/(b*c)", {"a": 6.0, "b": 2.0, "c": 3.0}, 1.0,
     {"a": 1 / 6, "b": -0.5, "c": -1 / 3}),
    ("x/y/z", "x/y/z", {"x": 8.0, "y": 2.0, "z": 4.0}, 1.0,
     {"x": 0.125, "y": -0.5, "z": -0.25}),
    ("x/(y/z)", "x/(y/z)", {"x": 8.0, "y": 2.0, "z": 4.0}, 16.0,
     {"x": 2.0, "y": -8.0, "z": 4.0}),
    ("(((x)))", "x", {"x": 1.0}, 1.0, {"x": 1.0}),
    ("x**2", "x^2", {"x": 3.0}, 9.0, {"x": 6.0}),
    ("x × y", "x*y", {"x": 2.0, "y": 3.0}, 6.0, {"x": 3.0, "y": 2.0}),
    ("x · y", "x*y", {"x": 2.0, "y": 3.0}, 6.0, {"x": 3.0, "y": 2.0}),
    ("x÷y", "x/y", {"x": 3.0, "y": 2.0}, 1.5, {"x": 0.5, "y": -0.75}),
    ("x − y", "x-y", {"x": 3.0, "y": 2.0}, 1.0, {"x": 1.0, "y": -1.0}),
    ("θ^2", "θ^2", {"θ": 3.0}, 9.0, {"θ": 6.0}),
    ("e^x", "e^x", {"x": 1.0}, E, {"x": E}),
    ("2^x", "2^x", {"x": 3.0}, 8.0, {"x": 8 * math.log(2)}),
    ("x^y", "x^y", {"x": 2.0, "y": 3.0}, 8.0, {"x": 12.0, "y": 8 * math.log(2)}),
    ("x^(1/2)", "x^(1/2)", {"x": 4.0}, 2.0, {"x": 0.25}),
    ("sin(x)*x^2 + 1/x", "sin(x)*x^2+1/x", {"x": 2.0},
     4 * math.sin(2) + 0.5, {"x": 4 * math.cos(2) + 4 * math.sin(2) - 0.25}),
    ("exp(log(x))", "exp(log(x))", {"x": 3.0}, 3.0, {"x": 1.0}),
    ("sqrt(x)", "sqrt(x)", {"x": 4.0}, 2.0, {"x": 0.25}),
    ("square(x)", "square(x)", {"x": 3.0}, 9.0, {"x": 6.0}),
    ("sigmoid(x)", "sigmoid(x)", {"x": 0.0}, 0.5, {"x": 0.25}),
    ("tanh(x)", "tanh(x)", {"x": 0.5}, math.tanh(0.5), {"x": 1 - math.tanh(0.5) ** 2}),
    ("tan(x)", "tan(x)", {"x": 0.5}, math.tan(0.5), {"x": 1 / math.cos(0.5) ** 2}),
    ("cos(x)", "cos(x)", {"x": 0.5}, math.cos(0.5), {"x": -math.sin(0.5)}),
    ("relu(x)", "relu(x)", {"x": -2.0}, 0.0, {"x": 0.0}),
    ("abs(x)", "abs(x)", {"x": -2.0}, 2.0, {"x": -1.0}),
    ("x*x", "x*x", {"x": 3.0}, 9.0, {"x": 6.0}),
    ("pi*r^2", "pi*r^2", {"r": 2.0}, 4 * PI, {"r": 4 * PI}),
    ("x1 + _t", "x1+_t", {"x1": 1.0, "_t": 2.0}, 3.0, {"x1": 1.0, "_t": 1.0}),
    ("2e3x", "2000*x", {"x": 1.0}, 2000.0, {"x": 2000.0}),
    ("2ex", "2*ex", {"ex": 1.0}, 2.0, {"ex": 2.0}),
    ("foo*(x)", "foo*x", {"foo": 2.0, "x": 3.0}, 6.0, {"foo": 3.0, "x": 2.0}),
    ("sin (x)", "sin(x)", {"x": 0.5}, math.sin(0.5), {"x": math.cos(0.5)}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "canonical", "point", "value", "grads"), VALID)
def test_valid_input_prints_canonically_and_reparses(text, canonical, point, value, grads):
    expr = parse(text)
    assert str(expr) == canonical
    assert parse(canonical).root == expr.root
    assert str(parse(canonical)) == canonical  # canonical text is a fixed point
    assert expr.variables == tuple(sorted(point))


@pytest.mark.parametrize(("text", "canonical", "point", "value", "grads"), VALID)
def test_value_and_gradient_match_hand_computed(text, canonical, point, value, grads):
    f, g = value_and_grads(parse(text), point)
    assert f == pytest.approx(value, rel=1e-12, abs=1e-12)
    assert g == pytest.approx(grads, rel=1e-12, abs=1e-12)


@pytest.mark.parametrize(("text", "canonical", "point", "value", "grads"), VALID)
def test_gradient_matches_central_differences(text, canonical, point, value, grads):
    expr = parse(text)
    for name in point:
        others = {n: Variable(np.array(v)) for n, v in point.items() if n != name}

        def f(v: Variable, name: str = name, others: dict = others) -> Variable:
            return expr.build({**others, name: v})

        at = Variable(np.array(point[name]))
        assert gradient_check(f, at), name
        assert float(numerical_diff(f, at)) == pytest.approx(grads[name], rel=1e-6, abs=1e-6)


def test_implicit_multiplication_has_the_precedence_of_times():
    assert parse("1/2x").root == parse("(1/2)*x").root
    assert parse("2x^2").root == parse("2*(x^2)").root
    assert parse("-2x").root == parse("(-2)*x").root
    assert parse("(x)(y)(z)").root == parse("x*y*z").root


def test_tree_shapes():
    x, two = Name("x"), Number(2.0)
    assert parse("-x^2").root == UnaryOp("-", BinaryOp("^", x, two))
    assert parse("(-x)^2").root == BinaryOp("^", UnaryOp("-", x), two)
    assert parse("2^3^2").root == BinaryOp("^", two, BinaryOp("^", Number(3.0), two))
    assert parse("2^-1").root == BinaryOp("^", two, UnaryOp("-", Number(1.0)))
    assert parse("sin(x)").root == Call("sin", (x,))
    assert parse("pi + e").root == BinaryOp("+", Constant("pi"), Constant("e"))
    assert parse("π").root == Constant("pi")


def test_spans_point_into_the_text():
    expr = parse("2*(x + 1) - sin(y)")
    root = expr.root
    assert root.span == (0, 18)
    product, call = root.left, root.right
    assert expr.source(product) == "2*(x + 1)"
    assert expr.source(product.right) == "(x + 1)"  # a group's span includes its parens
    assert expr.source(call) == "sin(y)"
    assert expr.source(call.args[0]) == "y"
    assert expr.node_at(3) == Name("x")
    assert expr.source(expr.node_at(4)) == "(x + 1)"  # a space belongs to its operation
    assert expr.source(expr.node_at(7)) == "1"
    assert expr.node_at(13) is call
    assert expr.node_at(100) is None
    negation = parse("-x^2")
    assert negation.source(negation.root.operand) == "x^2"


def test_nodes_are_immutable_and_compare_by_structure():
    a, b = parse("(x) + 2.0").root, parse("x+2").root
    assert a == b and hash(a) == hash(b) and a.span != b.span
    assert a != parse("2+x").root
    assert repr(b) == "BinaryOp('+', Name('x'), Number(2.0))"
    assert repr(parse("sin(x)").root) == "Call('sin', (Name('x'),))"
    with pytest.raises(AttributeError):
        a.op = "-"
    with pytest.raises(ValueError, match="finite value >= 0"):
        Number(-2.0)
    with pytest.raises(ValueError, match="unknown function"):
        Call("sinn", (Name("x"),))


def test_variables_are_sorted_and_exclude_constants_and_functions():
    assert parse("z + sin(y) * pi + e^x + y").variables == ("x", "y", "z")
    assert parse("2 + pi").variables == ()


def test_pretty_uses_proper_symbols():
    cases = {
        "x^2*sin(y)": "x² · sin(y)",
        "-x^2": "−x²",
        "(-x)^2": "(−x)²",
        "2^-1": "2⁻¹",
        "x^10": "x¹⁰",
        "pi*r^2": "π · r²",
        "(x+1)^2": "(x + 1)²",
        "x^y": "x^y",
        "x^2.5": "x^2.5",
        "x^(1/2)": "x^(1 / 2)",
        "a-b/c": "a − b / c",
        "e^-x": "e^−x",
    }
    for text, shown in cases.items():
        assert parse(text).pretty() == shown, text


# =============================================================================
# invalid input: exact position and message
# =============================================================================

ALL_FUNCTIONS = "abs, cos, exp, log, relu, sigmoid, sin, sqrt, square, tan, tanh"

INVALID = [
    ("", 0, "the expression is empty"),
    ("   ", 0, "the expression is empty"),
    # a name before '(' is a call: of an engine function, or an error at the name
    ("sinn(x)", 0, "'sinn' is not a function — did you mean sin(x)? To multiply, write sinn*(x)"),
    ("2*sqr(x)", 2, "'sqr' is not a function — did you mean sqrt(x)? To multiply, write sqr*(x)"),
    ("sine(x)", 0, "'sine' is not a function — did you mean sin(x)? To multiply, write sine*(x)"),
    ("ln(x)", 0, "'ln' is not a function — did you mean log(x)? To multiply, write ln*(x)"),
    ("ln x", 0, "'ln x' — did you mean log(x)?"),
    ("ln 2", 0, "'ln 2' — did you mean log(2)?"),
    (
        "foo(x)",
        0,
        "'foo' is not a function — to multiply, write foo*(x); the functions are " + ALL_FUNCTIONS,
    ),
    (
        "cosh(t)",
        0,
        "'cosh' is not a function — to multiply, write cosh*(t); the functions are "
        + ALL_FUNCTIONS,
    ),
    (
        "asin(x)",
        0,
        "'asin' is not a function — to multiply, write asin*(x); the functions are "
        + ALL_FUNCTIONS,
    ),
    ("cosh t", 0, "'cosh' is not a function; the functions are " + ALL_FUNCTIONS),
    ("x(y+1)", 0, "'x' is not a function — to multiply, write x*(y+1)"),
    ("2 + x (y)", 4, "'x' is not a function — to multiply, write x*(y)"),
    ("x(y)(z)", 0, "'x' is not a function — to multiply, write x*(y)"),
    ("ab(sin(x", 0, "'ab' is not a function — to multiply, write ab*(sin(x))"),
    ("ab()", 0, "'ab' is not a function — to multiply, write ab*(...)"),
    ("ab(" + "x+" * 20 + "x)", 0, "'ab' is not a function — to multiply, write ab*(...)"),
    ("pi(x)", 0, "'pi' is a constant, not a function — to multiply, write pi*(x)"),
    ("2e(x + 1)", 1, "'e' is a constant, not a function — to multiply, write e*(x + 1)"),
    ("(x+1", 0, "missing ')' for the '(' at column 1"),
    ("sin(x", 3, "missing ')' for the '(' at column 4"),
    ("2*(x+(1)", 2, "missing ')' for the '(' at column 3"),
    ("sin(x, y)", 0, "'sin' needs 1 argument, got 2"),
    ("1 + exp()", 4, "'exp' needs 1 argument, got 0"),
    ("x+", 2, "unexpected end of expression — expected a number or name after '+'"),
    ("x^", 2, "unexpected end of expression — expected a number or name after '^'"),
    ("sin(", 4, "unexpected end of expression — expected a number or name after '('"),
    ("x+*y", 2, "expected a number or name after '+', got '*'"),
    ("x ×÷ y", 3, "expected a number or name after '×', got '÷'"),
    ("()", 1, "expected a number or name after '(', got ')'"),
    ("sin(x,)", 6, "expected a number or name after ',', got ')'"),
    ("*x", 0, "expected a number or name before '*'"),
    ("sin x", 0, "'sin x' — write sin(x)"),
    ("2 sin 3", 2, "'sin 3' — write sin(3)"),
    ("sin", 0, "'sin' is a function — write it with parentheses, e.g. sin(x)"),
    ("sin^2(x)", 0, "'sin' is a function — write it with parentheses, e.g. sin(x)"),
    ("x $ y", 2, "unknown character '$'"),
    ("x = 2", 2, "unknown character '=' — write only the formula, e.g. x^2 + 1"),
    ("x²", 1, "unknown character '²' — write powers with ^, e.g. x^2"),
    ("√x", 0, "unknown character '√' — write sqrt(x)"),
    ("x.", 1, "a '.' must be part of a number, e.g. 0.5"),
    ("1e999", 0, "number '1e999' is too large"),
    ("2 3", 2, "two numbers side by side: '2' and '3' — put an operator between them"),
    ("2..3", 2, "two numbers side by side: '2.' and '.3' — put an operator between them"),
    ("1.2.3", 3, "two numbers side by side: '1.2' and '.3' — put an operator between them"),
    ("x y", 2, "missing operator between 'x' and 'y' — write x*y"),
    ("x 2", 2, "missing operator between 'x' and '2' — write x*2"),
    ("pi x", 3, "missing operator between 'pi' and 'x' — write pi*x"),
    ("(x)2", 3, "missing operator before '2' — write * to multiply"),
    ("x)", 1, "unmatched ')' — there is no '(' before it"),
    # several outputs: a tuple, and only as the whole formula
    ("x,y", 1, "',' outside parentheses — write several outputs as a tuple: (x,y)"),
    ("x, y + 1", 1, "',' outside parentheses — write several outputs as a tuple: (x, y + 1)"),
    ("((x,y))", 3, "',' inside a formula — a tuple of outputs (a, b) must be the whole formula"),
    ("2*(x,y)", 4, "',' inside a formula — a tuple of outputs (a, b) must be the whole formula"),
    ("-(x,y)", 3, "',' inside a formula — a tuple of outputs (a, b) must be the whole formula"),
    ("(x,(y,z))", 5, "',' inside a formula — a tuple of outputs (a, b) must be the whole formula"),
    (
        "(x,y)+1",
        5,
        "a tuple of outputs (a, b) must be the whole formula — nothing may follow its ')'",
    ),
    (
        "(x,y)(z)",
        5,
        "a tuple of outputs (a, b) must be the whole formula — nothing may follow its ')'",
    ),
    ("(x,)", 3, "expected a number or name after ',', got ')'"),
    ("(x, y", 0, "missing ')' for the '(' at column 1"),
    ("x + 'os'", 4, 'unknown character "\'"'),
    (
        "__import__('os').system('echo hi')",
        0,
        "'__import__' is not a function — to multiply, write __import__*('os'); "
        "the functions are " + ALL_FUNCTIONS,
    ),
]


@pytest.mark.parametrize(("text", "position", "message"), INVALID)
def test_invalid_input_reports_position_and_message(text, position, message):
    with pytest.raises(ParseError) as info:
        parse(text)
    assert (info.value.position, str(info.value)) == (position, message)
    assert info.value.column == position + 1
    assert isinstance(info.value, ValueError)


def test_errors_are_reported_in_text_order():
    # The tokenizer is lazy: the missing operator comes before the bad character.
    with pytest.raises(ParseError) as info:
        parse("x y $")
    assert info.value.position == 2


def test_parse_rejects_non_text():
    with pytest.raises(TypeError):
        parse(b"x")  # type: ignore[arg-type]


def test_reserved_names_cannot_be_variables():
    for name in [*FUNCTIONS, *CONSTANTS]:
        assert name not in parse(f"{name}(x)" if name in FUNCTIONS else name).variables


# =============================================================================
# limits and safety
# =============================================================================


def test_flat_chain_at_the_length_limit_parses_prints_and_builds():
    text = "x" + "+x" * ((MAX_LENGTH - 1) // 2)
    assert len(text) <= MAX_LENGTH
    expr = parse(text)
    assert str(expr) == text
    assert parse(str(expr)).root == expr.root
    assert expr.pretty().count("+") == text.count("+")
    x = Variable(np.array(1.5))
    y = expr.build({"x": x})
    y.backward()
    n = text.count("x")
    assert float(y.data) == 1.5 * n and float(x.grad.data) == n
    assert repr(expr.root).startswith("BinaryOp('+', BinaryOp('+', ")
    assert hash(expr.root) == hash(parse(text).root)


@pytest.mark.parametrize(
    ("text", "x", "value", "grad"),
    [
        ("-" * (MAX_LENGTH - 1) + "x", 2.0, -2.0, -1.0),  # an odd number of minus signs
        ("x" + "*x" * ((MAX_LENGTH - 1) // 2), 1.0, 1.0, (MAX_LENGTH + 1) // 2),
        ("x" + "^1" * ((MAX_LENGTH - 1) // 2), 3.0, 3.0, 1.0),
        ("x" + "-x" * ((MAX_LENGTH - 1) // 2), 1.0, -4998.0, -4998.0),
    ],
)
def test_long_chains_of_other_operators(text, x, value, grad):
    expr = parse(text)
    assert parse(str(expr)).root == expr.root
    xv = Variable(np.array(x))
    y = expr.build({"x": xv})
    y.backward()
    assert (float(y.data), float(xv.grad.data)) == (value, grad)


def test_right_leaning_power_chain_builds():
    text = "x" + "^x" * ((MAX_LENGTH - 1) // 2)
    expr = parse(text)
    assert str(expr) == text
    value = expr.evaluate({"x": 1.0})
    assert float(value) == 1.0


def test_length_limit():
    parse("x" * MAX_LENGTH)
    with pytest.raises(ParseError) as info:
        parse("x" * (MAX_LENGTH + 1))
    assert info.value.position == MAX_LENGTH
    assert "too long" in str(info.value)


@pytest.mark.parametrize(("open_", "close"), [("(", ")"), ("sin(", ")"), ("2(", ")")])
def test_nesting_limit(open_, close):
    deepest = open_ * MAX_DEPTH + "x" + close * MAX_DEPTH
    assert parse(deepest).variables == ("x",)
    too_deep = open_ * (MAX_DEPTH + 1) + "x" + close * (MAX_DEPTH + 1)
    with pytest.raises(ParseError) as info:
        parse(too_deep)
    assert info.value.position == too_deep.index("(", len(open_) * MAX_DEPTH)
    assert str(info.value) == f"parentheses nested deeper than {MAX_DEPTH} levels"


def test_nesting_limit_counts_depth_not_number_of_parentheses():
    parse("(x)+" * 1000 + "x")


def test_python_code_is_never_run(monkeypatch, capfd):
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a))
    for payload in [
        "__import__('os').system('echo hi')",
        "exec('print(1)')",
        "().__class__",
        "x.__class__",
        "lambda: 0",
        "[x for x in y]",
        "x; y",
        "x if y else z",
    ]:
        with pytest.raises(ParseError):
            parse(payload)
    assert calls == []
    assert capfd.readouterr() == ("", "")


def test_python_names_are_just_variables_and_calling_them_is_an_error():
    assert parse("eval*(x)").variables == ("eval", "x")
    with pytest.raises(ParseError) as info:
        parse("eval(x)")
    assert info.value.position == 0
    assert str(info.value).startswith("'eval' is not a function — to multiply, write eval*(x)")


@pytest.mark.parametrize("text", ["foo(x)", "cosh(t)", "asin(x)", "cosh t"])
def test_the_list_of_functions_in_a_message_names_every_function(text):
    with pytest.raises(ParseError) as info:
        parse(text)
    listed = str(info.value).split("the functions are ")[1].split("; ")[0]
    assert listed.split(", ") == list(FUNCTIONS)  # complete, in order, nothing cut off


def test_every_new_parse_error_carries_a_translatable_message():
    from tutor.messages import Message

    for text in ["foo(x)", "sine(x)", "x(y)", "pi(x)", "x,y", "2*(x,y)", "(x,y)+1", "ln x"]:
        with pytest.raises(ParseError) as info:
            parse(text)
        message = info.value.args[0]
        assert isinstance(message, Message), text
        assert str(message) == str(info.value)
    with pytest.raises(SeveralOutputsError) as info:
        parse("(x, y)", single=True)
    assert isinstance(info.value.args[0], Message)


def test_the_module_documentation_examples_run():
    import tutor.formula

    failed, attempted = doctest.testmod(tutor.formula)
    assert attempted > 5 and failed == 0


# =============================================================================
# several outputs: a tuple
# =============================================================================


def test_a_tuple_has_several_outputs_that_build_to_a_tuple_of_variables():
    expr = parse("(x*y, sin(x) + y^2)")
    assert isinstance(expr.root, Tuple) and len(expr.outputs) == 2
    assert expr.outputs[0] == BinaryOp("*", Name("x"), Name("y"))
    assert expr.variables == ("x", "y")
    assert str(expr) == "(x*y,sin(x)+y^2)"
    assert expr.pretty() == "(x · y, sin(x) + y²)"
    assert parse(str(expr)).root == expr.root
    assert [expr.source(o) for o in expr.outputs] == ["x*y", "sin(x) + y^2"]
    assert expr.root.span == (0, len(expr.text))
    x, y = Variable(np.array(2.0)), Variable(np.array(3.0))
    first, second = expr.build({"x": x, "y": y})
    assert float(first.data) == 6.0
    assert float(second.data) == pytest.approx(math.sin(2.0) + 9.0, rel=1e-15)
    second.backward()  # one output's gradient: d/dx = cos x, d/dy = 2y
    assert float(x.grad.data) == pytest.approx(math.cos(2.0), rel=1e-15)
    assert float(y.grad.data) == 6.0
    values = expr.evaluate({"x": 2.0, "y": 3.0})
    assert isinstance(values, tuple) and [float(v) for v in values] == [6.0, float(second.data)]


def test_a_tuple_shares_its_input_variables_and_lists_each_outputs_nodes_in_turn():
    expr = parse("(x, 2*x, x^2)")
    assert [expr.source(n) for n in expr.nodes] == ["x", "2", "x", "2*x", "x", "2", "x^2"]
    assert [expr.source(n) for n in expr.nodes if expr.is_folded(n)] == ["2"]
    x = Variable(np.array(3.0))
    a, b, c = expr.build({"x": x})
    assert a is x and float(b.data) == 6.0 and float(c.data) == 9.0
    assert isinstance(c.creator, F.Pow) and c.creator.c == 2.0


def test_where_one_f_is_expected_a_tuple_is_a_clear_error_at_its_parenthesis():
    with pytest.raises(SeveralOutputsError) as info:
        parse("  (x*y, sin(x) + y^2)", single=True)
    assert isinstance(info.value, ParseError) and info.value.position == 2
    assert str(info.value) == (
        "this formula has 2 outputs (a tuple), but one f is expected here — "
        "write a single formula, e.g. x*y"
    )
    assert parse("(x*y)", single=True).variables == ("x", "y")  # a group is one output


def test_a_session_and_an_evaluation_refuse_a_tuple_with_its_message_and_keep_the_last_f():
    from tutor.evaluation import evaluate_expression
    from tutor.session import Session, SessionError

    session = Session("x^2")
    assert session.set_expression("(x, y)") is False
    assert isinstance(session.error, SeveralOutputsError)
    assert str(session.expression) == "x^2" and "y" not in session.variables
    result = session.evaluate()
    assert result.value == 1.0 and isinstance(result.error, SeveralOutputsError)
    result = evaluate_expression(parse("(x, x^2)"), {"x": 2.0}, None)
    assert not result.ok and isinstance(result.error, SeveralOutputsError)
    with pytest.raises(SessionError, match="2 outputs"):
        Session.from_dict(
            {"format": "autodiff-tutor-session", "version": 1, "expression": "(x, y)",
             "variables": []}
        )  # fmt: skip


def test_a_tuple_node_is_only_ever_the_root():
    with pytest.raises(ValueError, match="at least 2"):
        Tuple((Name("x"),))
    inner = Tuple((Name("x"), Name("y")))
    with pytest.raises(ValueError, match="only be the root"):
        Expression.from_tree(BinaryOp("+", inner, Number(1.0)))
    assert repr(inner) == "Tuple((Name('x'), Name('y')))"
    assert inner == parse("(x,y)").root and inner != parse("(y,x)").root


def test_a_long_tuple_of_long_chains_parses_and_builds():
    item = "x" + "+x" * 99
    text = "(" + ", ".join([item] * 40) + ")"
    assert len(text) < MAX_LENGTH
    expr = parse(text)
    assert len(expr.outputs) == 40
    outputs = expr.build({"x": Variable(np.array(1.0))})
    assert [float(v.data) for v in outputs] == [100.0] * 40


# =============================================================================
# building engine graphs
# =============================================================================


def test_constant_exponent_uses_the_constant_power_op():
    x = Variable(np.array(2.0))
    for text, c in [("x^2", 2.0), ("x^(1/2)", 0.5), ("x^-1", -1.0), ("x^2^3", 8.0), ("x^pi", PI)]:
        y = parse(text).build({"x": x})
        assert isinstance(y.creator, F.Pow), text
        assert y.creator.c == c and isinstance(y.creator.c, float), text
        assert y.creator.inputs[0] is x
    for text in ["x^y", "2^x", "x^(y+1)"]:
        y = parse(text).build({"x": x, "y": Variable(np.array(3.0))})
        assert isinstance(y.creator, F.PowVar), text


def test_every_operation_becomes_an_engine_function():
    expr = parse("2*x - 3/x + -x + sin(x)")
    x = Variable(np.array(2.0))
    y = expr.build({"x": x})
    kinds = []
    seen, todo = set(), [y.creator]
    while todo:
        f = todo.pop()
        if f is None or f in seen:
            continue
        seen.add(f)
        kinds.append(type(f).__name__)
        todo.extend(v.creator for v in f.inputs)
    assert sorted(kinds) == sorted(["Mul", "Sub", "Div", "Add", "Neg", "Add", "Sin"])


def test_constants_stay_operands():
    x = Variable(np.array(5.0))
    y = parse("2*x").build({"x": x})
    two, x_in = y.creator.inputs
    assert x_in is x and two.creator is None and float(two.data) == 2.0
    assert float(parse("2 + 3").build({}).data) == 5.0
    assert isinstance(parse("2 + 3").build({}).creator, F.Add)
    assert parse("pi").build({}).name == "pi"


def test_engine_accepts_a_python_number_as_first_operand():
    x = Variable(np.array(3.0))
    assert float(F.add(2.0, x).data) == 5.0
    assert float(F.sub(2.0, x).data) == -1.0
    assert float(F.div(6.0, x).data) == 2.0
    assert float(F.pow(2.0, x).data) == 8.0


def test_unary_plus_records_nothing():
    x = Variable(np.array(1.0))
    assert parse("+x").build({"x": x}) is x
    assert parse("x").build({"x": x}) is x


def test_on_node_reports_each_recorded_node_in_build_order():
    expr = parse("2*x + x^(1+1)")
    x = Variable(np.array(3.0))
    reported = []
    y = expr.build({"x": x}, on_node=lambda node, v: reported.append((node, v)))
    nodes = [node for node, _ in reported]
    assert [expr.source(n) for n in nodes] == ["2", "x", "2*x", "x", "x^(1+1)", "2*x + x^(1+1)"]
    assert reported[-1][1] is y
    folded = [n for n in expr.nodes if expr.is_folded(n)]
    assert [expr.source(n) for n in folded] == ["1", "1", "(1+1)"]
    assert list(expr.nodes) == list(walk(expr.root))
    # Every Function in the graph is the creator of exactly one reported variable.
    creators = {id(v.creator) for _, v in reported if v.creator is not None}
    assert len(creators) == 3  # Mul, Pow, Add
    assert id(y.creator) in creators


def test_gradients_accumulate_over_repeated_variables():
    x = Variable(np.array(3.0))
    y = parse("x*x + x").build({"x": x})
    y.backward()
    assert float(x.grad.data) == 7.0


def test_missing_variable_is_a_clear_key_error():
    expr = parse("x + y")
    with pytest.raises(MissingVariableError) as info:
        expr.build({"x": Variable(np.array(1.0))})
    assert isinstance(info.value, KeyError)
    assert str(info.value) == "no value for variable 'y' (the expression uses x, y)"


def test_extra_values_are_ignored_and_numbers_are_accepted():
    assert float(parse("x + 1").evaluate({"x": 2, "unused": 5.0})) == 3.0


def test_vectorized_values_broadcast_against_constants():
    xs = np.linspace(-1.0, 1.0, 7)
    x = Variable(xs.copy())
    y = parse("3x^2 + 1").build({"x": x})
    np.testing.assert_allclose(y.data, 3 * xs**2 + 1)
    y.backward()
    np.testing.assert_allclose(x.grad.data, 6 * xs)


def test_evaluate_returns_an_array_and_records_nothing(monkeypatch):
    backprop_seen = []
    forward = F.Add.forward

    def spy(self, *xs):
        backprop_seen.append(Config.enable_backprop)
        return forward(self, *xs)

    monkeypatch.setattr(F.Add, "forward", spy)
    value = parse("x^2 + 1").evaluate({"x": Variable(np.array(2.0))})
    assert isinstance(value, np.ndarray) and float(value) == 5.0
    assert backprop_seen == [False] and Config.enable_backprop


def test_second_derivative_through_a_built_graph():
    x = Variable(np.array(2.0))
    y = parse("x^3 + sin(x)").build({"x": x})
    y.backward(create_graph=True)
    gx = x.grad
    x.cleargrad()
    gx.backward()
    assert float(x.grad.data) == pytest.approx(12.0 - math.sin(2.0))


def test_from_tree():
    tree = BinaryOp("*", Number(2.0), Name("x"))
    expr = Expression.from_tree(tree)
    assert expr.text == "2*x" and expr.variables == ("x",) and expr.root is tree


# =============================================================================
# properties
# =============================================================================

NAMES = ["x", "y", "θ", "x1", "_t", "sinn", "ex", "e2"]

numbers = st.one_of(
    st.integers(0, 20).map(float),
    st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
    st.sampled_from([0.5, 1e-7, 1e16, 1e20, 1.5e300, 5e-324]),
).map(Number)
leaves = st.one_of(
    numbers, st.sampled_from(NAMES).map(Name), st.sampled_from(["pi", "e"]).map(Constant)
)


def extend(children: st.SearchStrategy) -> st.SearchStrategy:
    return st.one_of(
        st.builds(UnaryOp, st.sampled_from(["-", "+"]), children),
        st.builds(BinaryOp, st.sampled_from(list("+-*/^")), children, children),
        st.builds(lambda f, a: Call(f, (a,)), st.sampled_from(FUNCTIONS), children),
    )


trees = st.recursive(leaves, extend, max_leaves=12)


@FAST
@given(trees)
def test_random_trees_round_trip_through_text(tree):
    text = to_text(tree)
    expr = parse(text)
    assert expr.root == tree, text
    assert to_text(expr.root) == text
    pretty(tree)  # never fails
    assert repr(tree) == repr(expr.root)


@FAST
@given(st.lists(trees, min_size=2, max_size=4))
def test_random_tuples_round_trip_through_text(items):
    tree = Tuple(tuple(items))
    text = to_text(tree)
    expr = parse(text)
    assert expr.root == tree, text
    assert expr.outputs == tuple(items)
    pretty(tree)


@FAST
@given(trees)
def test_spans_of_reparsed_trees_nest(tree):
    expr = parse(to_text(tree))
    for node in expr.nodes:
        assert 0 <= node.start < node.end <= len(expr.text)
        for child in node.children:
            assert node.start <= child.start and child.end <= node.end


def _parse_or_error(text: str) -> None:
    """Parse; only ParseError may escape, with a position inside the text."""
    try:
        expr = parse(text)
    except ParseError as error:
        assert 0 <= error.position <= len(text)
        assert str(error)
        return
    assert parse(str(expr)).root == expr.root
    expr.pretty()


@FAST
@given(st.text(max_size=40))
def test_random_text_only_raises_parse_error(text):
    _parse_or_error(text)


@FAST
@given(st.text(alphabet="0123456789.eE+-*/^()×·÷−, xyθpisn_$²", max_size=30))
def test_random_formula_like_text_only_raises_parse_error(text):
    _parse_or_error(text)


SEEDS = [
    "sin(x)*x^2 + 1/x",
    "2x(y+1)",
    "-x^2 + 2^-1",
    "exp(-(x-1)^2/2)",
    "(x+1)(x-1)θ",
    "1.5e-3 x + pi",
    "sqrt(abs(x)) ÷ 2 − y",
]
EDIT_CHARS = "0123456789.eE+-*/^()×·÷−, xy_θsin$"


@st.composite
def near_misses(draw) -> str:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace", "swap"]))
        ch = draw(st.sampled_from(EDIT_CHARS))
        if kind == "insert":
            text = text[:i] + ch + text[i:]
        elif kind == "delete":
            text = text[:i] + text[i + 1 :]
        elif kind == "replace":
            text = text[:i] + ch + text[i + 1 :]
        elif i + 1 < len(text):
            text = text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    return text


@FAST
@given(near_misses())
def test_near_misses_of_valid_text_only_raise_parse_error(text):
    _parse_or_error(text)


# Smooth-ish trees over two variables with small numbers, for gradient checks.
variables = st.sampled_from(["x", "y"]).map(Name)
grad_leaves = st.one_of(
    st.sampled_from([0.5, 1.0, 2.0, 3.0]).map(Number),
    variables,
    variables,  # twice: most trees should depend on x or y
    st.sampled_from(["pi", "e"]).map(Constant),
)
grad_trees = st.recursive(grad_leaves, extend, max_leaves=8)
coordinates = st.one_of(st.floats(-2.0, -1e-3), st.floats(1e-3, 2.0))


# Each function a learner can type, written again in NumPy for the independent evaluator.
NUMPY_TWINS = {
    "square": lambda t: t * t, "exp": np.exp, "log": np.log, "sin": np.sin,
    "cos": np.cos, "tan": np.tan, "tanh": np.tanh, "sqrt": np.sqrt,
    "sigmoid": lambda t: 1 / (1 + np.exp(-t)), "relu": lambda t: max(t, 0.0),
    "abs": abs,
}  # fmt: skip


def test_every_function_a_learner_can_type_has_a_numpy_twin_for_the_evaluator():
    assert sorted(NUMPY_TWINS) == list(FUNCTIONS)


def _reference(node, env: dict[str, float]) -> float:
    """An independent evaluator, recursive and plain Python/NumPy (small trees only)."""
    if isinstance(node, Number):
        return node.value
    if isinstance(node, Constant):
        return node.value
    if isinstance(node, Name):
        return env[node.name]
    if isinstance(node, UnaryOp):
        v = _reference(node.operand, env)
        return -v if node.op == "-" else v
    if isinstance(node, Call):
        v = np.float64(_reference(node.args[0], env))
        return float(NUMPY_TWINS[node.name](v))
    a = np.float64(_reference(node.left, env))
    b = np.float64(_reference(node.right, env))
    return float({"+": a + b, "-": a - b, "*": a * b, "/": a / b, "^": a**b}[node.op])


def _close(a: float, b: float, tol: float) -> bool:
    return abs(a - b) <= tol * (1.0 + abs(b))


@FAST
@given(grad_trees, coordinates, coordinates)
def test_built_value_matches_an_independent_evaluator(tree, x, y):
    expr = Expression.from_tree(tree)
    env = {"x": x, "y": y}
    with np.errstate(all="ignore"):
        expected = _reference(tree, env)
        got = float(expr.evaluate(env))
    assume(math.isfinite(expected) and abs(expected) < 1e12)
    assert _close(got, expected, 1e-9), (to_text(tree), got, expected)


@settings(FAST, suppress_health_check=[HealthCheck.filter_too_much])
@given(grad_trees, coordinates, coordinates)
def test_gradients_of_random_trees_match_central_differences(tree, x, y):
    if not Expression.from_tree(tree).variables:
        tree = BinaryOp("*", tree, Name("x"))  # something to differentiate
    expr = Expression.from_tree(tree)
    point = {"x": x, "y": y}
    with np.errstate(all="ignore"):
        f0, grads = value_and_grads(expr, point)
        assume(math.isfinite(f0) and abs(f0) < 1e6)
        for name in point:
            h = 1e-5

            def f(delta: float, name: str = name) -> float:
                return float(expr.evaluate({**point, name: point[name] + delta}))

            up, down = f(h), f(-h)
            central = (up - down) / (2 * h)
            # Skip kinks (relu, abs at 0) and near-singular points: there the one-sided
            # slopes disagree and no single derivative exists to compare with.
            forward, backward = (up - f0) / h, (f0 - down) / h
            assume(all(math.isfinite(v) for v in (central, forward, backward, grads[name])))
            assume(_close(forward, backward, 1e-3) and abs(central) < 1e6)
            assert _close(grads[name], central, 1e-4), (to_text(tree), name, grads, central)
            event(f"checked a nonzero derivative: {central != 0}")


@pytest.mark.parametrize("name", FUNCTIONS)
def test_calling_a_function_by_name_records_the_engine_function_of_that_formula_name(name):
    y = parse(f"{name}(x)").build({"x": Variable(np.array(0.5))})
    assert type(y.creator).formula_name == name
    assert type(y.creator).__module__ == "engine.functions"


def test_a_call_node_of_a_name_no_engine_function_has_is_refused():
    with pytest.raises(ValueError, match="unknown function 'sine'"):
        Call("sine", (Name("x"),))
