"""The book's steps 37-47 in the engine: tensor functions, losses, Variable methods.

Every function is checked against central differences (``check_grads``, first and
second derivatives), against values worked out by hand or printed in the book, and,
where PyTorch is importable, against PyTorch's autograd.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

import engine.functions as F
from engine import Config, Parameter, Variable, count_ops, using_config
from tests.engine.gradcheck_helpers import check_grads

RNG = np.random.default_rng(20240937)


def _distinct(shape) -> np.ndarray:
    """Random values at least 0.05 apart: no ties for max and min to split."""
    n = int(np.prod(shape))
    values = np.linspace(-2.0, 2.0, n) + RNG.uniform(-0.01, 0.01, n)
    return RNG.permutation(values).reshape(shape)


LABELS = np.array([2, 0, 1, 1, 3])

# (id, f, argument shapes or arrays). f takes Variables.
TENSOR_OPS = [
    ("transpose", F.transpose, [(2, 3)]),
    ("transpose_vector", F.transpose, [(4,)]),
    ("transpose_axes_201", lambda x: F.transpose(x, (2, 0, 1)), [(2, 3, 4)]),
    ("transpose_axes_negative", lambda x: F.transpose(x, (-1, 0, 1)), [(2, 3, 4)]),
    ("T", lambda x: x.T, [(3, 2)]),
    ("transpose_method_axes", lambda x: x.transpose(1, 0, 2), [(2, 3, 4)]),
    ("transpose_method_tuple", lambda x: x.transpose((0, 2, 1)), [(2, 3, 4)]),
    ("reshape_method", lambda x: x.reshape(3, 2), [(2, 3)]),
    ("reshape_method_tuple", lambda x: x.reshape((6,)), [(2, 3)]),
    ("reshape_minus_one", lambda x: x.reshape(-1, 2), [(2, 3)]),
    ("sum_method_axis", lambda x: x.sum(axis=1, keepdims=True), [(2, 3)]),
    ("sum_method", lambda x: x.sum(), [(2, 3)]),
    ("matmul", F.matmul, [(3, 2), (2, 4)]),
    ("matmul_column_row", F.matmul, [(5, 1), (1, 3)]),
    ("matmul_operator", lambda a, b: a @ b, [(2, 3), (3, 2)]),
    ("dot_method", lambda a, b: a.dot(b), [(2, 3), (3, 1)]),
    ("linear", F.linear, [(4, 3), (3, 2), (2,)]),
    ("linear_no_bias", lambda x, W: F.linear(x, W), [(4, 3), (3, 2)]),
    ("get_item_int", lambda x: F.get_item(x, 1), [(3, 4)]),
    ("get_item_slice", lambda x: x[1:3], [(4, 3)]),
    ("get_item_ellipsis", lambda x: x[..., 2], [(2, 2, 3)]),
    ("get_item_repeated_indices", lambda x: x[np.array([0, 0, 2])], [(3, 2)]),
    ("get_item_pairs", lambda x: x[np.arange(3), np.array([1, 0, 1])], [(3, 2)]),
    ("get_item_mask", lambda x: x[np.array([True, False, True])], [(3, 2)]),
    ("max_all", F.max, [(3, 4)]),
    ("max_axis0", lambda x: F.max(x, axis=0), [(3, 4)]),
    ("max_axis1_keepdims", lambda x: F.max(x, axis=1, keepdims=True), [(3, 4)]),
    ("max_axes01", lambda x: F.max(x, axis=(0, 1)), [(2, 3, 4)]),
    ("max_axis_negative", lambda x: F.max(x, axis=-1), [(2, 3, 4)]),
    ("max_method", lambda x: x.max(axis=0), [(3, 2)]),
    ("min_all", F.min, [(3, 4)]),
    ("min_axis1", lambda x: F.min(x, axis=1), [(3, 4)]),
    ("min_method_keepdims", lambda x: x.min(axis=0, keepdims=True), [(3, 2)]),
    ("mean_squared_error", F.mean_squared_error, [(10,), (10,)]),
    ("mean_squared_error_columns", F.mean_squared_error, [(6, 1), (6, 1)]),
    ("softmax", F.softmax, [(3, 4)]),
    ("softmax_axis0", lambda x: F.softmax(x, axis=0), [(3, 4)]),
    ("softmax_3d", F.softmax, [(2, 3, 4)]),
    ("softmax_cross_entropy", lambda x: F.softmax_cross_entropy(x, LABELS), [(5, 4)]),
    ("sigmoid_matrix", F.sigmoid, [(3, 4)]),
]


def _args(shapes):
    return [_distinct(s) for s in shapes]


@pytest.mark.parametrize(
    ("f", "shapes"), [pytest.param(f, s, id=name) for name, f, s in TENSOR_OPS]
)
def test_tensor_function_first_and_second_derivatives_match_central_differences(f, shapes):
    check_grads(f, *_args(shapes))


@pytest.mark.parametrize(
    ("f", "shapes"), [pytest.param(f, s, id=name) for name, f, s in TENSOR_OPS]
)
def test_tensor_function_under_a_square_has_right_second_derivative(f, shapes):
    # Linear in x (transpose, get_item, max on a fixed argmax): squaring the output
    # makes the gradient depend on x through the op's backward, so order 2 reaches it.
    check_grads(lambda *xs: F.square(f(*xs)), *_args(shapes))


# =============================================================================
# values worked out by hand, and the book's printed outputs
# =============================================================================


def test_sum_of_a_matrix_sum_gives_ones_everywhere_as_in_step_37():
    x = Variable(np.array([[1, 2, 3], [4, 5, 6]]))
    c = Variable(np.array([[10, 20, 30], [40, 50, 60]]))
    t = x + c
    y = F.sum(t)
    y.backward(retain_grad=True)
    assert y.grad.data == 1
    np.testing.assert_array_equal(t.grad.data, np.ones((2, 3)))
    np.testing.assert_array_equal(x.grad.data, np.ones((2, 3)))
    np.testing.assert_array_equal(c.grad.data, np.ones((2, 3)))


def test_reshape_and_transpose_gradients_keep_the_input_shape_as_in_step_38():
    x = Variable(np.array([[0, 1, 2], [3, 4, 5]]))
    y = F.reshape(x, (6,))
    y.backward(retain_grad=True)
    np.testing.assert_array_equal(x.grad.data, np.ones((2, 3)))
    x = Variable(np.array([[1, 2, 3], [4, 5, 6]]))
    y = F.transpose(x)
    assert y.shape == (3, 2)
    np.testing.assert_array_equal(y.data, [[1, 4], [2, 5], [3, 6]])
    y.backward()
    np.testing.assert_array_equal(x.grad.data, np.ones((2, 3)))


def test_transpose_backward_puts_every_gradient_back_at_its_element():
    x = Variable(np.arange(24.0).reshape(2, 3, 4))
    w = np.arange(24.0).reshape(4, 2, 3)
    F.sum(F.transpose(x, (2, 0, 1)) * w).backward()
    # y[k, i, j] = x[i, j, k], so dL/dx[i, j, k] = w[k, i, j]
    np.testing.assert_array_equal(x.grad.data, w.transpose(1, 2, 0))


def test_sum_over_an_axis_and_keepdims_as_in_step_39():
    x = Variable(np.array([[1, 2, 3], [4, 5, 6]]))
    y = F.sum(x, axis=0)
    y.backward()
    np.testing.assert_array_equal(y.data, [5, 7, 9])
    np.testing.assert_array_equal(x.grad.data, np.ones((2, 3)))
    assert Variable(np.random.randn(2, 3, 4, 5)).sum(keepdims=True).shape == (1, 1, 1, 1)


def test_broadcast_add_sums_the_gradient_back_to_the_short_input_as_in_step_40():
    x0 = Variable(np.array([1, 2, 3]))
    x1 = Variable(np.array([10]))
    y = x0 + x1
    np.testing.assert_array_equal(y.data, [11, 12, 13])
    y.backward()
    np.testing.assert_array_equal(x1.grad.data, [3])


def test_matmul_gradients_are_transposed_products_with_the_inputs_shapes():
    x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    W = Variable(np.array([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]]))
    y = F.matmul(x, W)
    np.testing.assert_array_equal(y.data, [[7.0, -1.0], [16.0, -1.0]])
    F.sum(y).backward()
    # dL/dx = ones(2, 2) @ Wᵀ: every row is the row sums of W; dL/dW = xᵀ @ ones(2, 2)
    np.testing.assert_array_equal(x.grad.data, [[1.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    np.testing.assert_array_equal(W.grad.data, [[5.0, 5.0], [7.0, 7.0], [9.0, 9.0]])
    assert x.grad.shape == x.shape and W.grad.shape == W.shape


def test_linear_is_matmul_plus_a_bias_whose_gradient_sums_over_the_batch():
    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    W = np.array([[1.0, -1.0, 0.5], [2.0, 0.0, 1.0]])
    b = Variable(np.array([0.5, 1.0, -1.0]))
    y = F.linear(x, W, b)
    assert type(y.creator) is F.Linear
    np.testing.assert_array_equal(y.data, x @ W + b.data)
    F.sum(y * np.array([1.0, 2.0, 3.0])).backward()
    np.testing.assert_array_equal(b.grad.data, [3.0, 6.0, 9.0])  # three rows
    assert type(F.linear(x, W).creator) is F.MatMul  # without b: just the product


def test_linear_with_integers_computes_the_books_example():
    x = Variable(np.array([[1, 2, 3], [4, 5, 6]]))
    y = F.linear(x, Variable(x.data.T), None)
    np.testing.assert_array_equal(y.data, [[14, 32], [32, 77]])


def test_get_item_backward_scatters_and_adds_at_repeated_indices():
    x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    y = F.get_item(x, 1)
    np.testing.assert_array_equal(y.data, [4.0, 5.0, 6.0])
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [[0.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
    x.cleargrad()
    y = x[np.array([0, 0, 1])]
    assert y.shape == (3, 3)
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [[2.0, 2.0, 2.0], [1.0, 1.0, 1.0]])


def test_get_item_accepts_what_numpy_does():
    data = np.arange(12).reshape((2, 2, 3))
    x = Variable(data)
    np.testing.assert_array_equal(F.get_item(x, 0).data, data[0])
    np.testing.assert_array_equal(x[0].data, data[0])
    np.testing.assert_array_equal(F.get_item(x, (0, 0, slice(0, 2, 1))).data, data[0, 0, 0:2])
    np.testing.assert_array_equal(F.get_item(x, (Ellipsis, 2)).data, data[..., 2])


def test_max_gives_the_gradient_to_the_largest_element_and_min_to_the_smallest():
    x = Variable(np.array([[1.0, 7.0, 3.0], [9.0, 5.0, 6.0]]))
    y = F.max(x, axis=1)
    np.testing.assert_array_equal(y.data, [7.0, 9.0])
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    x.cleargrad()
    y = F.min(x)
    assert y.data == 1.0
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [[1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])


def test_max_at_a_tie_gives_every_maximum_the_whole_gradient_as_the_book_does():
    x = Variable(np.array([1.0, 3.0, 3.0]))
    F.max(x).backward()
    np.testing.assert_array_equal(x.grad.data, [0.0, 1.0, 1.0])


def test_max_with_keepdims_and_a_tuple_of_axes_matches_numpy():
    data = _distinct((3, 4, 5))
    for axis, keepdims in ((None, False), (1, False), ((0, 2), True), (-1, True)):
        y = F.max(Variable(data), axis=axis, keepdims=keepdims)
        np.testing.assert_array_equal(y.data, data.max(axis=axis, keepdims=keepdims))


def test_mean_squared_error_is_the_mean_of_squared_differences():
    x0 = Variable(np.array([1.0, 2.0, 4.0]))
    x1 = Variable(np.array([1.0, 1.0, 1.0]))
    y = F.mean_squared_error(x0, x1)
    assert y.data == pytest.approx((0 + 1 + 9) / 3)
    y.backward()
    np.testing.assert_allclose(x0.grad.data, [0.0, 2 / 3, 2.0])
    np.testing.assert_allclose(x1.grad.data, [0.0, -2 / 3, -2.0])


def test_softmax_rows_are_probabilities_and_follow_the_exponentials():
    x = Variable(np.array([[0.0, np.log(2.0)], [1000.0, 1000.0]]))
    p = F.softmax(x)
    np.testing.assert_allclose(p.data, [[1 / 3, 2 / 3], [0.5, 0.5]], rtol=1e-15)
    np.testing.assert_allclose(p.data.sum(axis=1), 1.0)


def test_softmax_cross_entropy_is_minus_log_of_the_right_class_probability():
    x = Variable(np.array([[0.0, 0.0], [0.0, np.log(3.0)]]))
    t = np.array([1, 1])
    y = F.softmax_cross_entropy(x, t)
    assert y.data == pytest.approx((np.log(2.0) + np.log(4 / 3)) / 2, rel=1e-15)
    y.backward()
    # (softmax - onehot) / N
    np.testing.assert_allclose(x.grad.data, [[0.25, -0.25], [0.125, -0.125]], rtol=1e-15)


def test_softmax_cross_entropy_gives_labels_no_gradient():
    t = Variable(np.array([0, 1]))
    y = F.softmax_cross_entropy(Variable(np.zeros((2, 3))), t)
    y.backward()
    assert t.grad is None


def test_softmax_cross_entropy_keeps_float32_scores_float32():
    x = np.array([[-1, 0, 1, 2], [2, 0, 1, -1]], np.float32)
    t = np.array([3, 0]).astype(np.int32)
    y = F.softmax_cross_entropy(x, t)
    assert y.dtype == np.float32
    assert y.data == pytest.approx(0.4401897, rel=1e-6)  # (−log softmax)[3], [0] by hand


# =============================================================================
# Variable.data, Parameter, and gradients as arrays (the book before step 32)
# =============================================================================


def test_assigning_a_variable_to_data_raises_and_suggests_the_grads_array():
    x = Variable(np.array(2.0))
    (x * x).backward()
    with pytest.raises(TypeError, match=r"got Variable.*x\.grad\.data"):
        x.data -= 0.1 * x.grad
    assert x.data == 2.0  # untouched
    x.data -= 0.1 * x.grad.data
    assert x.data == pytest.approx(1.6)


@pytest.mark.parametrize("value", [1.0, 3, [1.0, 2.0], "a"])
def test_assigning_anything_but_an_array_to_data_raises_and_names_it(value):
    x = Variable(np.array(1.0))
    with pytest.raises(TypeError, match=type(value).__name__):
        x.data = value


def test_a_numpy_scalar_assigned_to_data_becomes_a_zero_d_array_and_none_is_allowed():
    x = Variable(np.array(1.0))
    x.data = x.data - 0.5 * np.array(1.0)  # numpy gives np.float64 here
    assert isinstance(x.data, np.ndarray) and x.data.shape == () and x.data == 0.5
    x.data = None
    assert x.data is None


def test_a_parameter_is_a_variable_and_what_it_computes_is_not_a_parameter():
    p = Parameter(np.array(2.0), name="p")
    assert isinstance(p, Variable) and p.name == "p"
    y = p * 3.0
    assert not isinstance(y, Parameter)
    y.backward()
    assert p.grad.data == 3.0


def test_with_grads_as_arrays_x_data_minus_lr_times_x_grad_works_as_in_step_28():
    with using_config("grads_as_variables", False):
        x0, x1 = Variable(np.array(0.0)), Variable(np.array(2.0))
        for _ in range(2):
            y = 100 * (x1 - x0**2) ** 2 + (x0 - 1) ** 2
            x0.cleargrad()
            x1.cleargrad()
            y.backward()
            assert isinstance(x0.grad, np.ndarray) and isinstance(x1.grad, np.ndarray)
            x0.data -= 0.001 * x0.grad
            x1.data -= 0.001 * x1.grad
    # Rosenbrock at (0, 2): grad = (2, 400); then at (0.002, 1.6): by hand
    g0 = -400 * 0.002 * (1.6 - 0.002**2) + 2 * (0.002 - 1)
    g1 = 200 * (1.6 - 0.002**2)
    assert x0.data == pytest.approx(0.002 - 0.001 * g0, rel=1e-14)
    assert x1.data == pytest.approx(1.6 - 0.001 * g1, rel=1e-14)


def test_with_grads_as_arrays_gradients_still_accumulate_and_create_graph_is_refused():
    with using_config("grads_as_variables", False):
        x = Variable(np.array(3.0))
        (x * x).backward()
        (x * x).backward()
        assert isinstance(x.grad, np.ndarray) and x.grad == 12.0
        with pytest.raises(ValueError, match="step 32"):
            (x * x).backward(create_graph=True)
    assert Config.grads_as_variables is True


# =============================================================================
# counting Function evaluations
# =============================================================================


def test_count_ops_counts_the_functions_of_a_forward_and_of_a_backward_pass():
    x = Variable(np.array(0.5))
    with count_ops() as forward:
        y = F.sin(x) * x
    assert forward.total == 2 and forward.by_op == {"Sin": 1, "Mul": 1}
    with count_ops() as backward:
        y.backward()
    # Mul.backward: gy·x1 and gy·x0; Sin.backward: cos(x), then gy·cos(x). The two
    # gradients of x are added as arrays, without a Function.
    assert backward.by_op == {"Mul": 3, "Cos": 1}
    x.cleargrad()
    y = F.sin(x) * x
    with count_ops() as recorded:
        y.backward(create_graph=True)
    assert recorded.by_op == {"Mul": 3, "Cos": 1, "Add": 1}  # now the sum is an op too


def test_count_ops_counts_unrecorded_calls_and_nests():
    x = Variable(np.ones(3))
    with count_ops() as outer:
        with count_ops() as inner, using_config("enable_backprop", False):
            F.exp(F.exp(x))
        F.sum(x)
    assert inner.total == 2
    assert outer.total == 3


# =============================================================================
# bad input: a clear error
# =============================================================================


@pytest.mark.parametrize(
    "op",
    [
        pytest.param(lambda v: F.transpose(v), id="transpose"),
        pytest.param(lambda v: F.matmul(v, Variable(np.ones((1, 1)))), id="matmul"),
        pytest.param(lambda v: F.get_item(v, 0), id="get_item"),
        pytest.param(lambda v: F.max(v), id="max"),
        pytest.param(lambda v: F.softmax(v), id="softmax"),
        pytest.param(lambda v: F.mean_squared_error(v, np.ones(2)), id="mean_squared_error"),
    ],
)
def test_tensor_function_on_none_data_raises_a_clear_type_error(op):
    with pytest.raises(TypeError, match="None"):
        op(Variable(None))


def test_matmul_of_shapes_that_do_not_fit_raises_value_error():
    with pytest.raises(ValueError):
        F.matmul(Variable(np.ones((2, 3))), Variable(np.ones((2, 3))))


# =============================================================================
# against PyTorch; skipped when torch is not installed
# =============================================================================


@pytest.fixture(scope="module")
def torch():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pytest.importorskip("torch")


def test_a_two_layer_network_loss_and_gradients_match_torch(torch):
    x = RNG.standard_normal((8, 3))
    t = RNG.integers(0, 4, 8)
    target = RNG.standard_normal((8, 4))
    W1, b1 = RNG.standard_normal((3, 5)), RNG.standard_normal(5)
    W2, b2 = RNG.standard_normal((5, 4)), RNG.standard_normal(4)

    ours = [Variable(a.copy()) for a in (W1, b1, W2, b2)]
    h = F.sigmoid(F.linear(x, ours[0], ours[1]))
    scores = F.linear(h, ours[2], ours[3])
    loss = (
        F.softmax_cross_entropy(scores, t)
        + F.mean_squared_error(F.softmax(scores), target)
        + F.sum(F.max(scores, axis=1)) * 0.1
        - F.min(scores.T[1:3]) * 0.2
    )
    loss.backward()

    theirs = [torch.tensor(a, requires_grad=True) for a in (W1, b1, W2, b2)]
    xt = torch.tensor(x)
    ht = torch.sigmoid(xt @ theirs[0] + theirs[1])
    st = ht @ theirs[2] + theirs[3]
    mse = ((torch.softmax(st, dim=1) - torch.tensor(target)) ** 2).sum() / len(target)
    losst = (
        torch.nn.functional.cross_entropy(st, torch.tensor(t))
        + mse
        + st.max(dim=1).values.sum() * 0.1
        - st.T[1:3].min() * 0.2
    )
    losst.backward()

    assert loss.data == pytest.approx(losst.item(), rel=1e-13)
    for mine, other in zip(ours, theirs, strict=True):
        np.testing.assert_allclose(mine.grad.data, other.grad.numpy(), rtol=1e-11, atol=1e-13)


def test_second_derivatives_through_matmul_softmax_and_get_item_match_torch(torch):
    x = RNG.standard_normal((4, 3))
    W = RNG.standard_normal((3, 3))
    t = np.array([0, 2, 1, 1])

    def loss(F_, xx, WW, tt):
        scores = F_["matmul"](xx, WW)
        return F_["ce"](scores, tt) + F_["sum"](F_["softmax"](scores)[np.arange(4), tt] ** 2)

    mine = {
        "matmul": F.matmul,
        "ce": F.softmax_cross_entropy,
        "sum": F.sum,
        "softmax": F.softmax,
    }
    theirs = {
        "matmul": torch.matmul,
        "ce": torch.nn.functional.cross_entropy,
        "sum": torch.sum,
        "softmax": lambda s: torch.softmax(s, dim=1),
    }
    Wv = Variable(W.copy())
    y = loss(mine, x, Wv, t)
    y.backward(create_graph=True)
    g = Wv.grad
    Wv.cleargrad()
    F.sum(g * g).backward()

    Wt = torch.tensor(W, requires_grad=True)
    yt = loss(theirs, torch.tensor(x), Wt, torch.tensor(t))
    (gt,) = torch.autograd.grad(yt, Wt, create_graph=True)
    (ggt,) = torch.autograd.grad((gt * gt).sum(), Wt)

    np.testing.assert_allclose(g.data, gt.detach().numpy(), rtol=1e-11, atol=1e-13)
    np.testing.assert_allclose(Wv.grad.data, ggt.numpy(), rtol=1e-10, atol=1e-12)
