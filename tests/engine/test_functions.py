"""Every operation in engine.functions: values, first and second derivatives.

Derivatives are checked three independent ways: against central differences
(``check_grads``), against hand-written formulas, and, where PyTorch is importable,
against PyTorch's autograd.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import engine.functions as F
from engine import Function, Variable
from engine.gradcheck import gradient_check, numerical_diff
from tests.engine.gradcheck_helpers import backprop_grads, check_grads, nth_derivative

# When a Hypothesis test fails, its pytest plugin imports libcst to write a patch file,
# which warns through mypy_extensions; with warnings as errors that would replace the
# real failure report with an INTERNALERROR.
pytestmark = pytest.mark.filterwarnings(
    "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning"
)

RNG = np.random.default_rng(20240607)
N_SWEEP = 2000  # the points of a slider sweep


def _uniform(low: float, high: float, shape=()) -> np.ndarray:
    return RNG.uniform(low, high, size=shape)


def _away_from_zero(shape=()) -> np.ndarray:
    """Values with 0.3 <= |x| <= 2 and either sign: clear of the kinks of relu and abs."""
    return _uniform(0.3, 2.0, shape) * RNG.choice([-1.0, 1.0], size=shape)


SWEEP = np.linspace(-3.0, 3.0, N_SWEEP)
POSITIVE_SWEEP = np.linspace(0.2, 3.0, N_SWEEP)


# =============================================================================
# check_grads over every function: first and second derivatives
# =============================================================================

# (id, f, points): f takes Variables; each point is a tuple of arguments.
BINARY = [
    ("add", F.add),
    ("sub", F.sub),
    ("rsub", F.rsub),
    ("mul", F.mul),
    ("div", F.div),
    ("rdiv", F.rdiv),
]

BINARY_POINTS = [
    ("scalars", (1.3, -0.7)),
    ("vectors", (_away_from_zero(5), _away_from_zero(5))),
    ("scalar_with_sweep", (np.array(0.8), _uniform(0.5, 2.0, N_SWEEP))),
    ("sweep_with_scalar", (_uniform(0.5, 2.0, N_SWEEP), np.array(-1.1))),
    ("column_with_row", (_away_from_zero((3, 1)), _away_from_zero(4))),
    ("row_with_matrix", (_away_from_zero(3), _away_from_zero((2, 3)))),
]

UNARY = [
    ("neg", F.neg, _uniform(-2, 2, 5)),
    ("square", F.square, _uniform(-2, 2, 5)),
    ("exp", F.exp, _uniform(-2, 2, 5)),
    ("log", F.log, _uniform(0.3, 3, 5)),
    ("sin", F.sin, _uniform(-3, 3, 5)),
    ("cos", F.cos, _uniform(-3, 3, 5)),
    ("tan", F.tan, _uniform(-1.2, 1.2, 5)),
    ("tanh", F.tanh, _uniform(-2, 2, 5)),
    ("sqrt", F.sqrt, _uniform(0.3, 3, 5)),
    ("sigmoid", F.sigmoid, _uniform(-4, 4, 5)),
    ("relu", F.relu, _away_from_zero(5)),
    ("abs", F.abs, _away_from_zero(5)),
    ("pow_0.5", lambda x: F.pow(x, 0.5), _uniform(0.3, 3, 5)),
    ("pow_-1", lambda x: F.pow(x, -1), _away_from_zero(5)),
    ("pow_3", lambda x: F.pow(x, 3), _uniform(-2, 2, 5)),
    ("pow_2", lambda x: x**2, _uniform(-2, 2, 5)),
    ("pow_0", lambda x: x**0, _away_from_zero(5)),
    ("pow_-2.5", lambda x: x**-2.5, _uniform(0.5, 2, 5)),
]

SHAPES = [
    ("sum_all", lambda x: F.sum(x), (2, 3)),
    ("sum_axis0", lambda x: F.sum(x, axis=0), (2, 3)),
    ("sum_axis1", lambda x: F.sum(x, axis=1), (2, 3)),
    ("sum_axis-1", lambda x: F.sum(x, axis=-1), (2, 3)),
    ("sum_axes01", lambda x: F.sum(x, axis=(0, 1)), (2, 3)),
    ("sum_all_keepdims", lambda x: F.sum(x, keepdims=True), (2, 3)),
    ("sum_axis0_keepdims", lambda x: F.sum(x, axis=0, keepdims=True), (2, 3)),
    ("sum_axis1_keepdims", lambda x: F.sum(x, axis=1, keepdims=True), (2, 3)),
    ("sum_of_scalar", lambda x: F.sum(x), ()),
    ("sum_of_sweep", lambda x: F.sum(x), (N_SWEEP,)),
    ("sum_to_row", lambda x: F.sum_to(x, (1, 3)), (2, 3)),
    ("sum_to_vector", lambda x: F.sum_to(x, (3,)), (2, 3)),
    ("sum_to_column", lambda x: F.sum_to(x, (2, 1)), (2, 3)),
    ("sum_to_scalar", lambda x: F.sum_to(x, ()), (2, 3)),
    ("sum_to_same_shape", lambda x: F.sum_to(x, (2, 3)), (2, 3)),
    ("broadcast_scalar_to_vector", lambda x: F.broadcast_to(x, (4,)), ()),
    ("broadcast_row_to_matrix", lambda x: F.broadcast_to(x, (2, 3)), (3,)),
    ("broadcast_column_to_matrix", lambda x: F.broadcast_to(x, (2, 3)), (2, 1)),
    ("reshape_to_vector", lambda x: F.reshape(x, (6,)), (2, 3)),
    ("reshape_transposed_shape", lambda x: F.reshape(x, (3, 2)), (2, 3)),
    ("reshape_to_scalar", lambda x: F.reshape(x, ()), (1,)),
    ("reshape_same_shape", lambda x: F.reshape(x, (2, 3)), (2, 3)),
]


@pytest.mark.parametrize(
    ("f", "args"),
    [
        pytest.param(f, args, id=f"{name}-{where}")
        for name, f in BINARY
        for where, args in BINARY_POINTS
    ],
)
def test_binary_function_first_and_second_derivatives_match_central_differences(f, args):
    check_grads(f, *args)


NUMBER_OPERANDS = [
    ("plus_number", lambda x: x + 2.5),
    ("number_plus", lambda x: 2.5 + x),
    ("times_number", lambda x: x * -3.0),
    ("number_times", lambda x: -3.0 * x),
    ("times_int", lambda x: x * 3),
    ("times_numpy_float", lambda x: np.float64(0.5) * x),
    ("minus_number", lambda x: x - 1.5),
    ("number_minus", lambda x: 1.5 - x),
    ("over_number", lambda x: x / 4.0),
    ("number_over", lambda x: 4.0 / x),
    ("number_to_the", lambda x: 2.0**x),
    ("chain_of_numbers", lambda x: ((x * 1.0001 + 0.5) * 2 + 1) * x),
]


@pytest.mark.parametrize(
    ("f", "x"),
    [
        pytest.param(f, x, id=f"{name}-{where}")
        for name, f in NUMBER_OPERANDS
        for where, x in (("scalar", 1.3), ("sweep", _away_from_zero(N_SWEEP)))
    ],
)
def test_operators_with_a_number_have_right_first_and_second_derivatives(f, x):
    check_grads(f, x)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param((1.3, -0.6), id="scalars"),
        pytest.param((_uniform(0.3, 2, 5), _uniform(-2, 2, 5)), id="vectors"),
        pytest.param((_uniform(0.3, 2, N_SWEEP), np.array(1.7)), id="sweep_to_scalar_power"),
        pytest.param((np.array(1.9), _uniform(-2, 2, N_SWEEP)), id="scalar_to_sweep_power"),
    ],
)
def test_pow_with_variable_exponent_derivatives_match_central_differences(args):
    check_grads(F.pow, *args)


@pytest.mark.parametrize(("f", "x"), [pytest.param(f, x, id=name) for name, f, x in UNARY])
def test_unary_function_derivatives_match_central_differences_on_vectors(f, x):
    check_grads(f, x)


@pytest.mark.parametrize(("f", "x"), [pytest.param(f, x, id=name) for name, f, x in UNARY])
def test_unary_function_derivatives_match_central_differences_on_scalars(f, x):
    check_grads(f, x[0])


@pytest.mark.parametrize(("f", "shape"), [pytest.param(f, s, id=n) for n, f, s in SHAPES])
def test_shape_function_derivatives_match_central_differences(f, shape):
    check_grads(f, RNG.standard_normal(shape))


@pytest.mark.parametrize(("f", "shape"), [pytest.param(f, s, id=n) for n, f, s in SHAPES])
def test_shape_function_under_a_square_has_right_second_derivative(f, shape):
    # A shape function is linear, so on its own its second derivative is zero and its
    # backward-of-backward is never exercised. Squaring its output makes the gradient
    # depend on x through that backward, so the second-order check reaches it.
    check_grads(lambda x: F.square(f(x)), RNG.standard_normal(shape))


# =============================================================================
# hand-written derivatives
# =============================================================================


def _sec(x):
    return 1.0 / np.cos(x)


def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


HAND = [
    # (id, f, f', f'', domain)
    ("neg", F.neg, lambda x: -np.ones_like(x), lambda x: np.zeros_like(x), (-2, 2)),
    ("square", F.square, lambda x: 2 * x, lambda x: 2 + 0 * x, (-2, 2)),
    ("exp", F.exp, np.exp, np.exp, (-2, 2)),
    ("log", F.log, lambda x: 1 / x, lambda x: -1 / x**2, (0.3, 3)),
    ("sin", F.sin, np.cos, lambda x: -np.sin(x), (-3, 3)),
    ("cos", F.cos, lambda x: -np.sin(x), lambda x: -np.cos(x), (-3, 3)),
    ("tan", F.tan, lambda x: _sec(x) ** 2, lambda x: 2 * np.tan(x) * _sec(x) ** 2, (-1.2, 1.2)),
    (
        "tanh",
        F.tanh,
        lambda x: 1 - np.tanh(x) ** 2,
        lambda x: -2 * np.tanh(x) * (1 - np.tanh(x) ** 2),
        (-2, 2),
    ),
    ("sqrt", F.sqrt, lambda x: 0.5 / np.sqrt(x), lambda x: -0.25 * x**-1.5, (0.3, 3)),
    (
        "sigmoid",
        F.sigmoid,
        lambda x: _sig(x) * (1 - _sig(x)),
        lambda x: _sig(x) * (1 - _sig(x)) * (1 - 2 * _sig(x)),
        (-4, 4),
    ),
    ("relu", F.relu, lambda x: (x > 0) * 1.0, lambda x: 0 * x, (-2, 2)),
    ("abs", F.abs, np.sign, lambda x: 0 * x, (-2, 2)),
    ("pow_0.5", lambda x: x**0.5, lambda x: 0.5 * x**-0.5, lambda x: -0.25 * x**-1.5, (0.3, 3)),
    ("pow_-1", lambda x: x**-1, lambda x: -(x**-2), lambda x: 2 * x**-3, (0.3, 3)),
    ("pow_3", lambda x: x**3, lambda x: 3 * x**2, lambda x: 6 * x, (-2, 2)),
]


@pytest.mark.parametrize(
    ("f", "df", "d2f", "domain"),
    [pytest.param(f, df, d2f, dom, id=name) for name, f, df, d2f, dom in HAND],
)
def test_unary_function_derivatives_equal_hand_written_formulas(f, df, d2f, domain):
    xs = np.linspace(*domain, 41)
    xs = xs[np.abs(xs) > 1e-9]  # no kink at exactly 0 for relu and abs
    x = Variable(xs.copy())
    y = f(x)
    y.backward(create_graph=True)
    gx = x.grad
    np.testing.assert_allclose(gx.data, df(xs), rtol=1e-12, atol=1e-12)
    x.cleargrad()
    gx.backward()
    second = np.zeros_like(xs) if x.grad is None else x.grad.data
    np.testing.assert_allclose(second, d2f(xs), rtol=1e-12, atol=1e-12)


def test_pow_with_variable_exponent_gradient_is_power_times_log_of_base():
    x = Variable(np.array(2.5))
    y = Variable(np.array(1.5))
    z = x**y
    z.backward(create_graph=True)
    assert z.data == pytest.approx(2.5**1.5)
    assert x.grad.data == pytest.approx(1.5 * 2.5**0.5)
    assert y.grad.data == pytest.approx(2.5**1.5 * math.log(2.5))
    gy = y.grad
    y.cleargrad()
    x.cleargrad()
    gy.backward()
    assert y.grad.data == pytest.approx(2.5**1.5 * math.log(2.5) ** 2)
    # d/dx (x**y ln x) = y x**(y-1) ln x + x**(y-1)
    assert x.grad.data == pytest.approx(1.5 * 2.5**0.5 * math.log(2.5) + 2.5**0.5)


def _pow_grads(x0, y0, create_graph: bool = False):
    x, y = Variable(np.array(x0)), Variable(np.array(y0))
    with np.errstate(all="ignore"):  # 0 ** -1 is inf: the forward pass itself says so
        z = x**y
        z.backward(create_graph=create_graph)
    return x, y, z


@pytest.mark.parametrize("y0", [0.5, 1.0, 2.0, 3.0, 7.5])
def test_zero_to_a_positive_power_does_not_change_with_the_exponent(y0):
    # 0**y = 0 for every y > 0: f(0, y) is flat along y, so ∂f/∂y = 0 (not 0 · log 0)
    x, y, z = _pow_grads(0.0, y0)
    assert z.data == 0.0
    assert y.grad.data == 0.0
    assert x.grad.data == (math.inf if y0 < 1 else (1.0 if y0 == 1 else 0.0))  # y·0^(y−1)
    h = 1e-6  # the witness: central difference along y, from values only
    assert (0.0 ** (y0 + h) - 0.0 ** (y0 - h)) / (2 * h) == 0.0


def test_zero_to_the_zero_has_zero_derivatives_as_in_pytorch():
    # 0**0 = 1 (NumPy, PyTorch); both partials are taken as 0 there, PyTorch's convention
    # (the rules read 0 · 0^-1 and 1 · log 0)
    x, y, z = _pow_grads(0.0, 0.0)
    assert (z.data, x.grad.data, y.grad.data) == (1.0, 0.0, 0.0)
    x, y, z = _pow_grads(-0.0, 2.0)
    assert y.grad.data == 0.0


def test_zero_base_with_an_array_of_exponents_gets_each_rule():
    x = Variable(np.array(0.0))
    y = Variable(np.array([0.0, 1.0, 2.0, 3.0]))
    (x**y).backward()
    np.testing.assert_array_equal(y.grad.data, [0.0, 0.0, 0.0, 0.0])
    assert x.grad.shape == () and x.grad.data == 0.0 + 1.0 + 0.0 + 0.0  # Σ y·0^(y−1)


def test_second_derivatives_of_zero_to_a_power_are_the_limits():
    # f(x, 2) = x²: ∂²f/∂x² = 2. f(0, y) = 0 for y > 0: ∂²f/∂y² = 0. ∂f/∂y = x² ln x,
    # whose ∂/∂x = 2x ln x + x → 0 at x = 0.
    x, y, _z = _pow_grads(0.0, 2.0, create_graph=True)
    gx, gy = x.grad, y.grad
    x.cleargrad()
    y.cleargrad()
    gx.backward()
    assert (x.grad.data, y.grad.data) == (2.0, 0.0)
    x.cleargrad()
    y.cleargrad()
    gy.backward()
    assert (x.grad.data, y.grad.data) == (0.0, 0.0)


POWER_POINTS = [
    (x0, y0) for x0 in (0.0, -0.0, 2.0, 0.5, -2.0) for y0 in (2.0, 0.0, -1.0, 0.5, 3.0, -2.0, 1.0)
]


@pytest.mark.parametrize(("x0", "y0"), POWER_POINTS)
def test_power_values_and_first_derivatives_match_torch_everywhere(torch, x0, y0):
    # zero bases, zero exponents, negative bases (NaN where the power is not real) and
    # negative exponents (infinities): the same numbers as PyTorch's autograd
    x, y, z = _pow_grads(x0, y0)
    xt = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    yt = torch.tensor(y0, dtype=torch.float64, requires_grad=True)
    (xt**yt).backward()
    ours = [float(z.data), float(x.grad.data), float(y.grad.data)]
    theirs = [float((xt**yt).item()), xt.grad.item(), yt.grad.item()]
    np.testing.assert_allclose(ours, theirs, rtol=1e-14, equal_nan=True)


def test_number_to_the_power_of_variable_has_log_base_gradient():
    x = Variable(np.array(3.0))
    y = 2.0**x
    y.backward()
    assert y.data == pytest.approx(8.0)
    assert x.grad.data == pytest.approx(8.0 * math.log(2.0))


def test_pow_with_constant_exponent_never_takes_log_of_a_negative_base():
    x = Variable(np.array([-2.0, -0.5, 3.0]))
    y = x**3
    y.backward()  # a log of the base would warn, and warnings are errors here
    np.testing.assert_allclose(x.grad.data, 3 * x.data**2)


def test_pow_with_constant_ndarray_exponent_never_takes_log_of_a_negative_base():
    x = Variable(np.array([-2.0, 3.0]))
    y = x ** np.array([2.0, 3.0])
    y.backward()
    np.testing.assert_allclose(x.grad.data, [-4.0, 27.0])


def test_scalar_to_an_array_of_constant_exponents_gets_the_summed_gradient():
    check_grads(lambda x: F.pow(x, np.array([0.0, 1.0, 2.0, 3.5])), 1.7)
    x = Variable(np.array(2.0))
    y = x ** np.array([1.0, 2.0, 3.0])
    y.backward()
    assert x.grad.shape == ()
    assert x.grad.data == pytest.approx(1 + 4 + 12)


def test_array_of_exponents_containing_zero_has_a_finite_gradient_at_zero():
    x = Variable(np.array(0.0))
    y = x ** np.array([0.0, 1.0, 2.0])
    y.backward()
    assert x.grad.data == 1.0  # 0 + 1 + 2*0


def test_derivative_of_x_to_the_zero_is_zero_at_zero():
    x = Variable(np.array(0.0))
    y = x**0
    y.backward()
    assert x.grad.data == 0.0


def test_second_derivative_of_x_to_the_one_is_zero_at_zero():
    assert nth_derivative(lambda x: x**1, 0.0, 2) == 0.0


def test_third_derivative_of_x_squared_is_zero_at_zero():
    assert nth_derivative(lambda x: x**2, 0.0, 3) == 0.0


def test_relu_and_abs_use_subgradient_zero_at_the_kink():
    x = Variable(np.array([0.0, 0.0]))
    y = F.relu(x) + F.abs(x)
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [0.0, 0.0])


def test_sigmoid_saturates_without_overflow_warnings():
    x = Variable(np.array([-1000.0, 0.0, 1000.0]))
    y = F.sigmoid(x)
    y.backward()
    np.testing.assert_allclose(y.data, [0.0, 0.5, 1.0])
    np.testing.assert_allclose(x.grad.data, [0.0, 0.25, 0.0])


def test_log_and_sqrt_outside_their_domain_give_nan_and_warn():
    x = Variable(np.array(-1.0))
    with pytest.warns(RuntimeWarning):
        y = F.log(x)
    assert np.isnan(y.data)
    with np.errstate(invalid="ignore"):
        assert np.isnan(F.sqrt(x).data)


# =============================================================================
# higher derivatives
# =============================================================================


@pytest.mark.parametrize("x", [-2.0, -0.3, 0.0, 0.7, 1.9])
def test_third_derivative_of_sin_is_minus_cos(x):
    assert nth_derivative(F.sin, x, 3) == pytest.approx(-math.cos(x), abs=1e-12)


@pytest.mark.parametrize("x", [-1.0, 0.5, 2.0])
def test_fourth_derivative_of_sin_is_sin(x):
    assert nth_derivative(F.sin, x, 4) == pytest.approx(math.sin(x), abs=1e-12)


def test_third_derivative_of_a_polynomial_and_of_exp():
    assert nth_derivative(lambda x: x**4 - 2 * x**2, 1.5, 3) == pytest.approx(24 * 1.5)
    assert nth_derivative(lambda x: x**4 - 2 * x**2, 1.5, 5) == 0.0
    assert nth_derivative(F.exp, 0.4, 3) == pytest.approx(math.exp(0.4))


def test_third_derivative_of_tanh_matches_central_differences_of_the_second():
    def d2(x):
        return nth_derivative(F.tanh, x, 2)

    h = 1e-5
    numeric = (d2(0.3 + h) - d2(0.3 - h)) / (2 * h)
    assert nth_derivative(F.tanh, 0.3, 3) == pytest.approx(numeric, rel=1e-7)


# =============================================================================
# broadcasting: a scalar Variable with a 2,000-point sweep
# =============================================================================

SCALAR = 1.7


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        pytest.param(lambda a, x: a + x, lambda a, x: float(x.size), id="add"),
        pytest.param(lambda a, x: x + a, lambda a, x: float(x.size), id="radd"),
        pytest.param(lambda a, x: x - a, lambda a, x: -float(x.size), id="sub"),
        pytest.param(lambda a, x: a - x, lambda a, x: float(x.size), id="rsub"),
        pytest.param(lambda a, x: a * x, lambda a, x: x.sum(), id="mul"),
        pytest.param(lambda a, x: x / a, lambda a, x: -(x / a**2).sum(), id="div"),
        pytest.param(lambda a, x: a / x, lambda a, x: (1 / x).sum(), id="rdiv"),
        pytest.param(lambda a, x: x**a, lambda a, x: (x**a * np.log(x)).sum(), id="pow"),
        pytest.param(
            lambda a, x: F.sin(a * x) * a,
            lambda a, x: (x * np.cos(a * x) * a).sum() + np.sin(a * x).sum(),
            id="sin_of_product",
        ),
    ],
)
def test_scalar_variable_with_sweep_gets_scalar_gradient_equal_to_the_sum(f, expected):
    a = Variable(np.array(SCALAR))
    x = Variable(POSITIVE_SWEEP.copy())
    y = f(a, x)
    assert y.shape == (N_SWEEP,)
    y.backward()
    assert a.grad.shape == ()
    assert a.grad.data == pytest.approx(expected(SCALAR, POSITIVE_SWEEP), rel=1e-12)
    assert x.grad.shape == (N_SWEEP,)


def test_number_constant_with_sweep_gradient_has_sweep_shape():
    x = Variable(SWEEP.copy())
    y = 3.0 * x + 1.0
    y.backward()
    np.testing.assert_array_equal(x.grad.data, np.full(N_SWEEP, 3.0))


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_broadcast_gradients_come_back_in_each_input_shape(data):
    shape = data.draw(hnp.array_shapes(min_dims=0, max_dims=3, max_side=4))
    other = data.draw(hnp.broadcastable_shapes(shape, min_dims=0, max_dims=3, max_side=4))
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1)))
    a = rng.uniform(0.5, 2.0, shape)
    b = rng.uniform(0.5, 2.0, other)
    check_grads(lambda p, q: p * q / (p + q) - q**p, a, b, order=1)


# =============================================================================
# Hypothesis: random polynomials at random points
# =============================================================================

coefficients = st.lists(
    st.floats(-3, 3, allow_nan=False, allow_infinity=False), min_size=1, max_size=6
)
points = st.floats(-2, 2, allow_nan=False, allow_infinity=False)


def _horner(cs, x):
    """c0 + c1 x + c2 x^2 + ... built from engine operators."""
    y = cs[-1] + 0 * x
    for c in reversed(cs[:-1]):
        y = y * x + c
    return y


def _powers(cs, x):
    """The same polynomial as a sum of powers, so pow is exercised too."""
    y = cs[0] + 0 * x
    for k, c in enumerate(cs[1:], start=1):
        y = y + c * x**k
    return y


@settings(max_examples=60, deadline=None)
@given(cs=coefficients, x0=points)
def test_polynomial_derivatives_match_exact_derivative_polynomials(cs, x0):
    p = np.polynomial.Polynomial(cs)
    for build in (_horner, _powers):
        x = Variable(np.array(x0))
        y = build(cs, x)
        y.backward(create_graph=True)
        assert y.data == pytest.approx(p(x0), rel=1e-12, abs=1e-12)
        gx = x.grad
        assert gx.data == pytest.approx(p.deriv(1)(x0), rel=1e-10, abs=1e-10)
        x.cleargrad()
        gx.backward()
        second = 0.0 if x.grad is None else float(x.grad.data)
        assert second == pytest.approx(p.deriv(2)(x0), rel=1e-10, abs=1e-10)


@settings(max_examples=40, deadline=None)
@given(x0=st.floats(0.2, 2.5), y0=st.floats(-2, 2))
def test_composite_expression_gradients_match_central_differences_at_random_points(x0, y0):
    def f(x, y):
        return F.sin(x * y) * F.exp(-y / x) + F.tanh(x - y) * F.sqrt(x) - F.log(x) / (1 + y * y)

    check_grads(f, x0, y0)


# =============================================================================
# engine.gradcheck, itself checked against values known by hand
# =============================================================================


def test_numerical_diff_of_square_at_three_is_six():
    assert numerical_diff(F.square, Variable(np.array(3.0))) == pytest.approx(6.0, abs=1e-8)


def test_numerical_diff_is_elementwise_for_elementwise_functions():
    xs = np.array([-1.0, 0.0, 0.5, 2.0])
    np.testing.assert_allclose(numerical_diff(F.sin, Variable(xs)), np.cos(xs), atol=1e-8)


def test_numerical_diff_of_a_sum_is_the_gradient_and_leaves_x_unchanged():
    xs = np.array([[1.0, 2.0], [3.0, 4.0]])
    x = Variable(xs.copy())
    g = numerical_diff(lambda v: F.sum(v * v * v), x)
    np.testing.assert_allclose(g, 3 * xs**2, rtol=1e-7)
    np.testing.assert_array_equal(x.data, xs)
    assert g.shape == xs.shape


def test_numerical_diff_accepts_a_smaller_step():
    g = numerical_diff(F.exp, Variable(np.array(0.0)), eps=1e-6)
    assert g == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize(
    "x", [pytest.param(2.0, id="float"), pytest.param(np.array([0.5, 1.5]), id="ndarray")]
)
def test_gradient_check_accepts_numbers_and_arrays(x):
    assert gradient_check(lambda v: F.sin(v) * v**2, x)


def test_gradient_check_passes_extra_arguments_through_unchanged():
    assert gradient_check(lambda v, c, k=1.0: F.exp(c * v) * k, np.array([0.1, 0.2]), 3.0, k=2.0)


class _WrongSquare(Function):
    """A deliberately broken op: claims d(x^2)/dx = x."""

    def forward(self, x):
        return x**2

    def backward(self, gy):
        return gy * self.inputs[0]


def test_gradient_check_rejects_a_wrong_backward():
    assert not gradient_check(lambda v: _WrongSquare()(v), np.array([1.0, 2.0]))
    assert not check_grads_passes(lambda v: _WrongSquare()(v), np.array([1.0, 2.0]))


def check_grads_passes(f, *args) -> bool:
    try:
        check_grads(f, *args, order=1)
    except AssertionError:
        return False
    return True


class _FrozenSquare(Function):
    """Right first derivative, but computed from x.data, so nothing records it."""

    def forward(self, x):
        return x**2

    def backward(self, gy):
        return gy * (2.0 * self.inputs[0].data)


def test_check_grads_catches_a_backward_that_is_right_only_to_first_order():
    x = np.array([0.5, -1.5])
    check_grads(lambda v: _FrozenSquare()(v) * v, x, order=1)
    with pytest.raises(AssertionError, match="d2/d"):
        check_grads(lambda v: _FrozenSquare()(v) * v, x, order=2)


def test_gradient_check_of_a_function_that_ignores_x_compares_zero_gradients():
    assert gradient_check(lambda v: Variable(np.array(5.0)), np.array([1.0, 2.0]))


def test_backprop_grads_helper_treats_an_unused_input_as_zero_gradient():
    grads = backprop_grads(lambda x, y: F.sin(x), [np.array(1.0), np.array(2.0)], np.array(1.0))
    assert grads[0] == pytest.approx(math.cos(1.0))
    assert grads[1] == 0.0


# =============================================================================
# against PyTorch (micrograd style); skipped when torch is not installed
# =============================================================================


@pytest.fixture(scope="module")
def torch():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch's own import-time notices are not ours
        return pytest.importorskip("torch")


def _expression(F_, x, a):
    """The same expression for both libraries; ``F_`` provides the functions."""
    s = F_.sin(x) * x**2 + F_.exp(-x * x / 4) / (1 + x * x) + F_.tanh(a * x)
    s = s - F_.sqrt(x * x + 1) + F_.sigmoid(x - a) * F_.log(x * x + a) + F_.relu(x - 0.5)
    return s + F_.abs(x) ** 1.5 - 2.0 / (a + F_.cos(x) ** 2) + (x - a) ** 3


class _TorchFunctions:
    def __init__(self, torch) -> None:
        self.sin, self.cos, self.exp, self.log = torch.sin, torch.cos, torch.exp, torch.log
        self.tanh, self.sqrt, self.sigmoid = torch.tanh, torch.sqrt, torch.sigmoid
        self.relu, self.abs = torch.relu, torch.abs


def test_values_and_gradients_match_torch_on_a_sweep_with_a_scalar_parameter(torch):
    xs = np.linspace(-3, 3, N_SWEEP) + 1e-3  # no point exactly on a kink
    a0 = 1.3

    x = Variable(xs.copy())
    a = Variable(np.array(a0))
    y = _expression(F, x, a)
    F.sum(y).backward()

    xt = torch.tensor(xs, dtype=torch.float64, requires_grad=True)
    at = torch.tensor(a0, dtype=torch.float64, requires_grad=True)
    yt = _expression(_TorchFunctions(torch), xt, at)
    yt.sum().backward()

    np.testing.assert_allclose(y.data, yt.detach().numpy(), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(x.grad.data, xt.grad.numpy(), rtol=1e-10, atol=1e-12)
    assert a.grad.shape == ()
    assert a.grad.data == pytest.approx(at.grad.item(), rel=1e-10)


def test_second_derivatives_match_torch(torch):
    x0, y0 = 0.8, -1.4

    def f(F_, x, y):
        return F_.sin(x * y) * F_.exp(x) + x**3 / (1 + y * y) + F_.tanh(y) * F_.sqrt(x)

    x = Variable(np.array(x0))
    y = Variable(np.array(y0))
    z = f(F, x, y)
    z.backward(create_graph=True)
    gx, gy = x.grad, y.grad
    x.cleargrad()
    y.cleargrad()
    gx.backward()
    dxx, dxy = x.grad.data, y.grad.data

    xt = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    yt = torch.tensor(y0, dtype=torch.float64, requires_grad=True)
    zt = f(_TorchFunctions(torch), xt, yt)
    gxt, gyt = torch.autograd.grad(zt, (xt, yt), create_graph=True)
    dxxt, dxyt = torch.autograd.grad(gxt, (xt, yt))

    assert z.data == pytest.approx(zt.item(), rel=1e-13)
    assert gx.data == pytest.approx(gxt.item(), rel=1e-12)
    assert gy.data == pytest.approx(gyt.item(), rel=1e-12)
    assert dxx == pytest.approx(dxxt.item(), rel=1e-11)
    assert dxy == pytest.approx(dxyt.item(), rel=1e-11)


def test_sum_and_broadcast_gradients_match_torch(torch):
    m = RNG.standard_normal((3, 4))
    row = RNG.standard_normal(4)

    x = Variable(m.copy())
    r = Variable(row.copy())
    y = F.sum(F.sum(x * r, axis=1, keepdims=True) ** 2 + F.sum(F.exp(x), axis=0)) / 7.0
    y.backward()

    xt = torch.tensor(m, requires_grad=True)
    rt = torch.tensor(row, requires_grad=True)
    yt = ((xt * rt).sum(dim=1, keepdim=True) ** 2 + torch.exp(xt).sum(dim=0)).sum() / 7.0
    yt.backward()

    assert y.data == pytest.approx(yt.item(), rel=1e-13)
    np.testing.assert_allclose(x.grad.data, xt.grad.numpy(), rtol=1e-12)
    np.testing.assert_allclose(r.grad.data, rt.grad.numpy(), rtol=1e-12)


# =============================================================================
# what each op says about itself (read by the tutor)
# =============================================================================

OPS = sorted(
    (obj for obj in vars(F).values()
     if isinstance(obj, type) and issubclass(obj, Function) and obj is not Function),
    key=lambda op: op.__name__,
)  # fmt: skip


def _n_inputs(op: type[Function]) -> int:
    import inspect

    return len(inspect.signature(op.forward).parameters) - 1  # minus self


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.__name__)
def test_every_op_names_its_symbol_forward_and_one_backward_rule_per_input(op):
    n = _n_inputs(op)
    assert op.symbol and op.forward_rule.startswith("y = ")
    assert len(op.backward_rules) == n
    names = ["gx"] if n == 1 else [f"gx{i}" for i in range(n)]
    assert [rule.split(" = ")[0] for rule in op.backward_rules] == names


@pytest.mark.parametrize(
    "op", [op for op in OPS if op.formula_name], ids=lambda op: op.formula_name
)
def test_a_formula_name_is_the_name_of_the_wrapper_that_records_that_op(op):
    assert _n_inputs(op) == 1
    y = getattr(F, op.formula_name)(Variable(np.array(0.5)))
    assert type(y.creator) is op


def test_only_abs_and_relu_have_a_kink_and_name_the_subgradient_they_use():
    assert {op.__name__: op.kink for op in OPS if op.kink} == {
        "Abs": "sign(0) = 0",
        "ReLU": "0",
    }
    x = Variable(np.array(0.0))
    F.abs(x).backward()
    assert x.grad.data == 0.0  # sign(0)
    x.cleargrad()
    F.relu(x).backward()
    assert x.grad.data == 0.0


def test_a_function_of_your_own_describes_nothing_and_works_all_the_same():
    class Half(Function):  # the book's style: forward and backward only
        def forward(self, x):
            return x / 2

        def backward(self, gy):
            return gy / 2

    assert Half.symbol is None and Half.backward_rules == () and Half.formula_name is None
    x = Variable(np.array(3.0))
    Half()(x).backward()
    assert x.grad.data == 0.5
