"""Forward mode (engine/forward.py): every Function's tangent rule, and jvp itself.

Tangents are checked against central differences and against reverse mode (the same
directional derivative as a vector-Jacobian product) by ``check_jvp``, on scalars and
arrays, for functions of one and of several outputs.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.functions as F
from engine import Function, Variable, count_ops, no_grad
from engine.forward import jvp
from tests.engine.gradcheck_helpers import backprop_grads, check_jvp

pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

RNG = np.random.default_rng(20240616)


def _uniform(low, high, shape=()):
    return RNG.uniform(low, high, size=shape)


def _signed(shape=()):
    return _uniform(0.3, 2.0, shape) * RNG.choice([-1.0, 1.0], size=shape)


def _distinct(shape):
    n = int(np.prod(shape))
    return RNG.permutation(np.linspace(-2, 2, n)).reshape(shape)


# (id, f, arguments): every Function class of engine.functions is reached by one
# of these (checked below), on a scalar and on an array where it works elementwise.
CASES = [
    ("add", F.add, (_signed(4), _signed(4))),
    ("add_broadcast", F.add, (np.array(0.7), _signed((2, 3)))),
    ("add_const", lambda x: x + 2.5, (_signed(3),)),
    ("mul", F.mul, (_signed(()), _signed(()))),
    ("mul_broadcast", F.mul, (_signed((3, 1)), _signed(4))),
    ("mul_const", lambda x: -3.0 * x, (_signed(()),)),
    ("neg", F.neg, (_signed(3),)),
    ("sub", F.sub, (_signed(3), _signed(3))),
    ("rsub", lambda x: 2.0 - x, (_signed(()),)),
    ("div", F.div, (_signed(5), _signed(5))),
    ("rdiv", lambda x: 1.0 / x, (_signed(4),)),
    ("div_const", lambda x: x / 4.0, (_signed(()),)),
    ("pow_3", lambda x: x**3, (_signed(4),)),
    ("pow_2", lambda x: x**2, (_signed(()),)),
    ("pow_half", lambda x: x**0.5, (_uniform(0.3, 3, 4),)),
    ("pow_0", lambda x: x**0, (_signed(3),)),
    ("pow_array", lambda x: x ** np.array([0.0, 1.0, 2.5]), (_uniform(0.5, 2.0, 3),)),
    ("pow_var", F.pow, (_uniform(0.3, 2, 4), _signed(4))),
    ("rpow", lambda x: 2.0**x, (_signed(()),)),
    ("square", F.square, (_signed(4),)),
    ("exp", F.exp, (_signed(()),)),
    ("log", F.log, (_uniform(0.3, 3, 4),)),
    ("sin", F.sin, (_signed(4),)),
    ("cos", F.cos, (_signed(()),)),
    ("tan", F.tan, (_uniform(-1.2, 1.2, 4),)),
    ("tanh", F.tanh, (_signed(4),)),
    ("sqrt", F.sqrt, (_uniform(0.3, 3, ()),)),
    ("sigmoid", F.sigmoid, (_signed(4),)),
    ("relu", F.relu, (_signed(5),)),
    ("abs", F.abs, (_signed(5),)),
    ("reshape", lambda x: F.reshape(x, (3, 2)), (_signed((2, 3)),)),
    ("sum_axis", lambda x: F.sum(x, axis=1, keepdims=True), (_signed((2, 3)),)),
    ("sum_all", F.sum, (_signed((2, 3)),)),
    ("broadcast_to", lambda x: F.broadcast_to(x, (2, 3)), (_signed(3),)),
    ("sum_to", lambda x: F.sum_to(x, (1, 3)), (_signed((2, 3)),)),
    ("transpose", lambda x: F.transpose(x, (1, 2, 0)), (_signed((2, 3, 4)),)),
    ("get_item", lambda x: x[np.array([0, 0, 2])], (_signed((3, 2)),)),
    ("get_item_grad", lambda x: F.GetItemGrad(np.array([0, 0, 2]), (3, 2))(x), (_signed((3, 2)),)),
    ("max", lambda x: F.max(x, axis=0), (_distinct((3, 4)),)),
    ("min", lambda x: F.min(x, axis=1, keepdims=True), (_distinct((3, 4)),)),
    ("matmul", F.matmul, (_signed((3, 2)), _signed((2, 4)))),
    ("linear", F.linear, (_signed((4, 3)), _signed((3, 2)), _signed(2))),
    ("mean_squared_error", F.mean_squared_error, (_signed(6), _signed(6))),
    ("softmax", F.softmax, (_signed((3, 4)),)),
    (
        "softmax_cross_entropy",
        lambda x: F.softmax_cross_entropy(x, np.array([1, 0, 3])),
        (_signed((3, 4)),),
    ),
    (
        "composite",
        lambda x, y: F.sin(x * y) * F.exp(-y / x) + F.tanh(x - y) * F.sqrt(x) - F.log(x),
        (_uniform(0.5, 2, ()), _signed(())),
    ),
]


@pytest.mark.parametrize(("f", "args"), [pytest.param(f, a, id=n) for n, f, a in CASES])
def test_tangent_matches_central_differences_and_reverse_mode(f, args):
    check_jvp(f, *args)


# Cases above on vectors that work element by element: the same on one element.
ELEMENTWISE = {
    "add", "add_const", "neg", "sub", "div", "rdiv", "pow_3", "pow_half", "pow_0", "pow_var",
    "square", "log", "sin", "tanh", "sigmoid", "relu", "abs",
}  # fmt: skip


@pytest.mark.parametrize(
    ("f", "args"), [pytest.param(f, a, id=n) for n, f, a in CASES if n in ELEMENTWISE]
)
def test_tangent_of_an_elementwise_function_on_scalars_too(f, args):
    check_jvp(f, *(a[0] for a in args))


OPS = sorted(
    (obj for obj in vars(F).values()
     if isinstance(obj, type) and issubclass(obj, Function) and obj is not Function),
    key=lambda op: op.__name__,
)  # fmt: skip


def test_every_function_class_is_reached_by_a_case_above():
    reached = set()
    for _, f, args in CASES:
        y = f(*(Variable(np.array(a, dtype=np.float64)) for a in args))
        funcs = [y.creator]
        while funcs:
            g = funcs.pop()
            if g is not None and type(g) not in reached:
                reached.add(type(g))
                funcs.extend(x.creator for x in g.inputs)
            elif g is not None:
                funcs.extend(x.creator for x in g.inputs)
    assert set(OPS) - reached == set()


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.__name__)
def test_every_op_has_a_tangent_rule_in_words_and_a_jvp_beside_its_backward(op):
    assert op.tangent_rule and op.tangent_rule.startswith("ẏ = ")
    assert op.jvp is not Function.jvp
    n_inputs = len(inspect.signature(op.forward).parameters) - 1
    assert len(inspect.signature(op.jvp).parameters) - 1 == n_inputs
    dots = ["ẋ"] if n_inputs == 1 else [f"ẋ{i}" for i in range(n_inputs)]
    if op is not F.SoftmaxCrossEntropy:  # its labels have no tangent
        assert all(d in op.tangent_rule for d in dots), op.tangent_rule


# =============================================================================
# jvp itself
# =============================================================================


def test_jvp_of_sin_is_cos_times_the_tangent():
    (y,), (ydot,) = jvp(F.sin, [np.array(0.5)], [np.array(2.0)])
    assert y.data == pytest.approx(math.sin(0.5))
    assert ydot.data == pytest.approx(2.0 * math.cos(0.5), rel=1e-15)


def test_one_jvp_per_input_gives_the_gradient_that_one_backward_gives():
    def f(x, y, z):
        return F.sin(x * y) + z**2 / y

    point = [np.array(0.3), np.array(1.7), np.array(-0.8)]
    grads = backprop_grads(f, point, np.array(1.0))
    for i in range(3):
        tangents = [np.array(1.0 if j == i else 0.0) for j in range(3)]
        _, (ydot,) = jvp(f, point, tangents)
        assert ydot.data == pytest.approx(grads[i], rel=1e-14)


def test_jvp_of_several_outputs_fills_one_column_of_the_jacobian():
    def f(x, y):
        return x * y, F.sin(x) + y**2

    (a, b), (adot, bdot) = jvp(f, [np.array(2.0), np.array(3.0)], [np.array(1.0), np.array(0.0)])
    assert (a.data, b.data) == (6.0, pytest.approx(math.sin(2.0) + 9.0))
    assert adot.data == 3.0  # ∂(xy)/∂x = y
    assert bdot.data == pytest.approx(math.cos(2.0))
    _, (adot, bdot) = jvp(f, [np.array(2.0), np.array(3.0)], [np.array(0.0), np.array(1.0)])
    assert (adot.data, bdot.data) == (2.0, 6.0)
    check_jvp(f, 0.4, -1.3)


def test_jvp_on_arrays_is_elementwise_for_elementwise_functions():
    xs = np.linspace(-2, 2, 7)
    _, (ydot,) = jvp(lambda x: F.tanh(x) * x, [xs], [np.ones_like(xs)])
    np.testing.assert_allclose(
        ydot.data, np.tanh(xs) + xs * (1 - np.tanh(xs) ** 2), rtol=1e-14, atol=1e-15
    )


def test_an_output_that_does_not_depend_on_the_inputs_has_tangent_zero():
    (y,), (ydot,) = jvp(lambda x: Variable(np.array([1.0, 2.0])) * 3.0, [np.array(1.0)],
                        [np.array(1.0)])  # fmt: skip
    np.testing.assert_array_equal(ydot.data, [0.0, 0.0])
    assert ydot.shape == y.shape


def test_a_constant_part_of_a_formula_costs_no_tangent_rule():
    c = Variable(np.array(2.0))

    def f(x):
        return F.exp(F.sin(c) * F.cos(c)) + x  # only the last add depends on x

    with count_ops() as primal:
        f(Variable(np.array(1.0)))
    with count_ops() as forward:
        _, (ydot,) = jvp(f, [np.array(1.0)], [np.array(1.0)])
    assert ydot.data == 1.0
    assert primal.by_op == {"Sin": 1, "Cos": 1, "Mul": 1, "Exp": 1, "Add": 1}
    # Only the last Add has an input with a tangent: its rule ẋ0 + ẋ1 is one more Add.
    assert forward.by_op == {"Sin": 1, "Cos": 1, "Mul": 1, "Exp": 1, "Add": 2}


def test_forward_mode_runs_no_backward():
    calls = []

    class Spy(F.Sin):
        __slots__ = ()

        def backward(self, gy):
            calls.append("backward")
            return super().backward(gy)

    _, (ydot,) = jvp(lambda x: Spy()(x), [np.array(0.2)], [np.array(1.0)])
    assert ydot.data == pytest.approx(math.cos(0.2))
    assert calls == []


def test_jvp_works_through_a_no_grad_region():
    def f(x):
        with no_grad():
            y = F.sin(x)
        return y * 2.0

    _, (ydot,) = jvp(f, [np.array(0.3)], [np.array(1.0)])
    assert ydot.data == pytest.approx(2 * math.cos(0.3))


def test_jvp_checks_that_each_tangent_has_its_inputs_shape():
    with pytest.raises(ValueError, match="shape"):
        jvp(F.sin, [np.ones(3)], [np.ones(2)])
    with pytest.raises(ValueError, match="tangent"):
        jvp(F.sin, [np.ones(3)], [])


def test_a_function_of_your_own_without_jvp_says_so():
    class Half(Function):
        def forward(self, x):
            return x / 2

        def backward(self, gy):
            return gy / 2

    with pytest.raises(NotImplementedError, match="Half.jvp"):
        jvp(lambda x: Half()(x), [np.array(1.0)], [np.array(1.0)])


def test_pow_with_a_negative_base_has_a_finite_tangent_along_the_base():
    # d/dx x**y at x = -2, y = 2 is y x**(y-1) = -4; the log(x) term belongs to ∂/∂y only.
    _, (ydot,) = jvp(F.pow, [np.array(-2.0), np.array(2.0)], [np.array(1.0), np.array(0.0)])
    assert ydot.data == -4.0


# =============================================================================
# the cost of each mode, measured: one pass per input against one per output
# =============================================================================


def _pass_costs(n_inputs: int) -> tuple[int, int]:
    """Function evaluations for the whole gradient of a sum of n products, both ways."""

    def f(*xs):
        y = xs[0] * xs[0]
        for x in xs[1:]:
            y = y + F.sin(x) * x
        return y

    point = [np.array(0.1 * (i + 1)) for i in range(n_inputs)]
    with count_ops() as forward_mode:
        for i in range(n_inputs):
            tangents = [np.array(1.0 if j == i else 0.0) for j in range(n_inputs)]
            jvp(f, point, tangents)
    with count_ops() as reverse_mode:
        xs = [Variable(p) for p in point]
        f(*xs).backward()
    return forward_mode.total, reverse_mode.total


def test_forward_mode_cost_grows_with_the_inputs_and_reverse_mode_cost_does_not_per_input():
    small_forward, small_reverse = _pass_costs(2)
    big_forward, big_reverse = _pass_costs(20)
    # reverse: one forward pass plus one backward pass, both linear in the graph size
    assert big_reverse / small_reverse < 20
    # forward: one full pass (primal and tangents) per input: quadratic overall
    assert big_forward / small_forward > 50
    assert big_forward > 5 * big_reverse


# =============================================================================
# Hypothesis: random points and directions on composite functions
# =============================================================================


@settings(max_examples=40, deadline=None)
@given(
    x0=st.floats(0.2, 2.5),
    y0=st.floats(-2, 2),
    seed=st.integers(0, 2**32 - 1),
)
def test_forward_mode_agrees_with_reverse_mode_at_random_points(x0, y0, seed):
    def f(x, y):
        return (
            F.sin(x * y) * F.exp(-y / x) + F.tanh(x - y) * F.sqrt(x),
            F.sigmoid(x**3 - y) / (1 + y * y),
        )

    check_jvp(f, x0, y0, seed=seed)


@settings(max_examples=25, deadline=None)
@given(n=st.integers(1, 5), d=st.integers(1, 4), h=st.integers(1, 4), seed=st.integers(0, 999))
def test_forward_mode_through_a_small_network_agrees_with_reverse_mode(n, d, h, seed):
    rng = np.random.default_rng(seed)
    t = rng.integers(0, h, n)

    def loss(x, W, b):
        return F.softmax_cross_entropy(F.linear(F.tanh(x), W, b), t)

    check_jvp(loss, rng.standard_normal((n, d)), rng.standard_normal((d, h)),
              rng.standard_normal(h), seed=seed)  # fmt: skip


# =============================================================================
# the command line: python main.py eval --mode forward
# =============================================================================

EVAL_CASES = [
    ("sin(x)*y^2 + x/y", ["x=1", "y=2"]),
    ("exp(-x*x/4)/(1+x*x) + tanh(a*x) - sqrt(x*x+1)*a + sigmoid(x)", ["a=1.3", "x=0.7"]),
    ("log(x) * cos(y) - tan(x*y) + abs(x - y)^1.5 + relu(y - 0.2)", ["x=0.8", "y=0.3"]),
    ("x^y + 2^x - 1/x", ["x=1.7", "y=-0.6"]),
    ("(x+1)(x-1)x + square(x) - 3", ["x=-2.5"]),
    ("x^y", ["x=-2", "y=2"]),
    ("pi * r^2", ["r=0.5"]),
]


def _eval_lines(capsys, *argv: str) -> list[tuple[str, float]]:
    import main

    assert main.main(["eval", *argv]) == 0
    pairs = []
    for line in capsys.readouterr().out.splitlines():
        name, _, value = line.partition(" = ")
        pairs.append((name, float(value)))
    return pairs


@pytest.mark.parametrize(("expr", "values"), EVAL_CASES)
def test_eval_in_forward_mode_prints_the_same_lines_as_reverse_mode(capsys, expr, values):
    reverse = _eval_lines(capsys, expr, *values)
    forward = _eval_lines(capsys, "--mode", "forward", expr, *values)
    assert [name for name, _ in forward] == [name for name, _ in reverse]
    for (name, r), (_, f) in zip(reverse, forward, strict=True):
        if math.isnan(r):
            assert math.isnan(f), name
        else:
            assert f == pytest.approx(r, rel=1e-12, abs=1e-300), name


def test_eval_mode_reverse_is_the_default_and_a_wrong_mode_is_an_error(capsys):
    import main

    assert _eval_lines(capsys, "--mode", "reverse", "x*x", "x=3") == [("f", 9.0), ("df/dx", 6.0)]
    assert main.main(["eval", "--mode", "sideways", "x", "x=1"]) == 2
    assert capsys.readouterr().err.startswith("error: --mode")


def test_eval_in_forward_mode_runs_one_jvp_per_variable_and_no_backward(capsys, monkeypatch):
    import engine.forward
    import main

    passes = []
    real_jvp = engine.forward.jvp

    def counting_jvp(fn, inputs, tangents):
        passes.append([float(t) for t in tangents])
        return real_jvp(fn, inputs, tangents)

    def no_backward(self, *args, **kwargs):
        raise AssertionError("forward mode ran a backward pass")

    monkeypatch.setattr(engine.forward, "jvp", counting_jvp)
    monkeypatch.setattr(Variable, "backward", no_backward)
    assert main.main(["eval", "--mode", "forward", "x*y + z", "x=1", "y=2", "z=3"]) == 0
    assert capsys.readouterr().out.splitlines() == ["f = 5", "df/dx = 2", "df/dy = 1", "df/dz = 1"]
    assert passes == [[1, 0, 0], [0, 1, 0], [0, 0, 1]]  # one pass per variable, f from any


def test_eval_in_forward_mode_of_a_formula_without_variables_prints_its_value(capsys):
    assert _eval_lines(capsys, "--mode", "forward", "2^10 - pi") == [("f", 1024 - math.pi)]
