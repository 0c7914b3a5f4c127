"""engine.layers, engine.models, engine.optimizers: the book's steps 44-46."""

from __future__ import annotations

import math
import warnings
import weakref

import numpy as np
import pytest

import engine.functions as F
from engine import Parameter, Variable
from engine.layers import Layer, Linear
from engine.models import MLP, Model
from engine.optimizers import SGD, Adam, ClipGrad, MomentumSGD, WeightDecay
from tests.engine.gradcheck_helpers import check_grads

# =============================================================================
# Layer and Linear
# =============================================================================


def test_a_layer_finds_its_parameters_and_those_of_its_layers_in_order():
    outer = Layer()
    outer.p1 = Parameter(np.array(1.0))
    outer.v = Variable(np.array(9.0))  # a Variable is not a parameter
    outer.note = "not a parameter either"
    inner = Layer()
    inner.p2 = Parameter(np.array(2.0))
    outer.inner = inner
    outer.p3 = Parameter(np.array(3.0))
    assert [float(p.data) for p in outer.params()] == [1.0, 2.0, 3.0]


def test_cleargrads_forgets_every_parameters_gradient():
    layer = Layer()
    layer.a = Parameter(np.array(2.0))
    layer.b = Parameter(np.array(3.0))
    (layer.a * layer.b).backward()
    assert layer.a.grad.data == 3.0
    layer.cleargrads()
    assert [p.grad for p in layer.params()] == [None, None]


def test_linear_creates_its_weights_on_the_first_call_from_the_input_width():
    layer = Linear(4)
    assert layer.W.data is None and layer.b.data.shape == (4,)
    np.random.seed(11)
    expected = np.random.randn(3, 4).astype(np.float32) * np.sqrt(1 / 3)
    np.random.seed(11)
    x = np.arange(6.0).reshape(2, 3)
    y = layer(x)
    np.testing.assert_array_equal(layer.W.data, expected)
    assert layer.in_size == 3
    np.testing.assert_allclose(y.data, x @ expected)  # b starts at zero
    assert layer.b.dtype == np.float32


def test_linear_with_in_size_creates_its_weights_at_once_and_nobias_has_no_b():
    layer = Linear(2, nobias=True, in_size=5, dtype=np.float64)
    assert layer.W.shape == (5, 2) and layer.W.dtype == np.float64
    assert layer.b is None
    assert list(layer.params()) == [layer.W]
    x = np.ones((3, 5))
    np.testing.assert_allclose(layer(x).data, x @ layer.W.data)


def test_a_layer_call_remembers_its_inputs_and_outputs_weakly():
    layer = Linear(2, in_size=2)
    x = Variable(np.ones((1, 2)))
    y = layer(x)
    assert layer.inputs[0]() is x and layer.outputs[0]() is y
    ref = weakref.ref(y)
    del y
    assert ref() is None


def test_linear_layer_gradients_match_central_differences():
    layer = Linear(3, in_size=2, dtype=np.float64)
    x = np.array([[0.5, -1.0], [2.0, 0.3], [-0.7, 0.1], [1.1, 1.2]])

    def loss(W, b):
        layer.W, layer.b = Parameter(W.data), Parameter(b.data)
        return F.sum(F.sigmoid(F.linear(x, W, b)) ** 2)

    check_grads(loss, layer.W.data.copy(), np.array([0.1, -0.2, 0.3]))


# =============================================================================
# Model and MLP
# =============================================================================


class TwoLayerNet(Model):
    def __init__(self, hidden: int, out: int) -> None:
        super().__init__()
        self.l1 = Linear(hidden)
        self.l2 = Linear(out)

    def forward(self, x):
        return self.l2(F.sigmoid(self.l1(x)))


def test_a_model_of_your_own_collects_the_parameters_of_its_layers():
    model = TwoLayerNet(5, 1)
    model(np.ones((2, 3)))
    shapes = [p.shape for p in model.params()]
    assert shapes == [(3, 5), (5,), (5, 1), (1,)]


def test_mlp_is_linear_layers_with_the_activation_between_them():
    np.random.seed(0)
    model = MLP((4, 3, 2), activation=F.tanh)
    assert [type(layer) for layer in model.layers] == [Linear] * 3
    assert model.l0 is model.layers[0] and model.l2 is model.layers[2]
    x = np.array([[0.5, -0.25]])
    y = model(x)
    W0, b0 = model.l0.W.data, model.l0.b.data
    W1, b1 = model.l1.W.data, model.l1.b.data
    W2, b2 = model.l2.W.data, model.l2.b.data
    by_hand = np.tanh(np.tanh(x @ W0 + b0) @ W1 + b1) @ W2 + b2
    np.testing.assert_allclose(y.data, by_hand, rtol=1e-6)
    assert sum(p.data.size for p in model.params()) == (2 * 4 + 4) + (4 * 3 + 3) + (3 * 2 + 2)


def test_training_an_mlp_on_the_books_sine_data_lowers_the_loss():
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)
    model = MLP((10, 1))
    optimizer = SGD(0.2).setup(model)
    losses = []
    for _ in range(300):
        loss = F.mean_squared_error(y, model(x))
        model.cleargrads()
        loss.backward()
        optimizer.update()
        losses.append(float(loss.data))
    assert losses[-1] < 0.5 * losses[0]
    assert all(b <= a + 1e-12 for a, b in zip(losses[50:], losses[51:], strict=False))


# =============================================================================
# optimizers: one step worked out by hand
# =============================================================================


def _one_parameter(value: float, grad: float):
    layer = Layer()
    layer.p = Parameter(np.array([value]))
    layer.p.grad = Variable(np.array([grad]))
    return layer


def test_sgd_steps_against_the_gradient():
    layer = _one_parameter(1.0, 4.0)
    SGD(lr=0.1).setup(layer).update()
    assert layer.p.data[0] == pytest.approx(1.0 - 0.1 * 4.0)


def test_momentum_sgd_builds_up_a_velocity():
    layer = _one_parameter(1.0, 4.0)
    opt = MomentumSGD(lr=0.1, momentum=0.5).setup(layer)
    opt.update()  # v = -0.4, p = 0.6
    opt.update()  # v = 0.5 * -0.4 - 0.4 = -0.6, p = 0.0
    assert layer.p.data[0] == pytest.approx(0.0, abs=1e-15)


def test_adam_follows_kingma_and_bas_update():
    layer = _one_parameter(1.0, 0.0)
    alpha, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    opt = Adam(alpha, b1, b2, eps).setup(layer)
    p, m, v = 1.0, 0.0, 0.0
    for t, g in enumerate([4.0, -2.0, 1.0], start=1):
        layer.p.grad = Variable(np.array([g]))
        opt.update()
        # Kingma & Ba (2015), section 2: the bias correction folded into the step size
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        step = alpha * math.sqrt(1 - b2**t) / (1 - b1**t)
        p -= step * m / (math.sqrt(v) + eps)
        assert layer.p.data[0] == pytest.approx(p, rel=1e-14)
    assert opt.t == 3


def test_an_optimizer_skips_parameters_without_gradient_and_runs_hooks_first():
    layer = _one_parameter(1.0, 4.0)
    layer.q = Parameter(np.array([5.0]))  # no grad
    seen = []
    opt = SGD(lr=1.0).setup(layer)
    opt.add_hook(lambda params: seen.append([float(p.data[0]) for p in params]))
    opt.update()
    assert seen == [[1.0]]
    assert layer.q.data[0] == 5.0 and layer.p.data[0] == -3.0


def test_weight_decay_is_sgd_on_the_loss_plus_half_rate_times_the_squared_weights():
    rate, x, t = 0.4, np.random.default_rng(0).random((10, 2)), np.zeros(10, dtype=int)
    results = []
    for with_hook in (True, False):
        layer = Linear(3, nobias=True, in_size=2, dtype=np.float64)
        layer.W.data = np.ones((2, 3))
        opt = SGD(lr=0.1).setup(layer)
        loss = F.softmax_cross_entropy(layer(x), t)
        if with_hook:
            opt.add_hook(WeightDecay(rate))
        else:
            loss = loss + rate / 2 * F.sum(layer.W**2)
        loss.backward()
        opt.update()
        results.append(layer.W.data)
    np.testing.assert_allclose(results[0], results[1], rtol=1e-14)


def test_clip_grad_scales_all_gradients_to_the_norm_limit_together():
    layer = Layer()
    layer.a = Parameter(np.array([3.0]))
    layer.b = Parameter(np.array([0.0, 4.0]))
    layer.a.grad = Variable(np.array([3.0]))
    layer.b.grad = Variable(np.array([0.0, 4.0]))  # joint norm 5
    ClipGrad(1.0)(list(layer.params()))
    assert layer.a.grad.data[0] == pytest.approx(0.6, rel=1e-6)
    assert layer.b.grad.data[1] == pytest.approx(0.8, rel=1e-6)
    ClipGrad(10.0)(list(layer.params()))  # under the limit: unchanged
    assert layer.a.grad.data[0] == pytest.approx(0.6, rel=1e-6)


# =============================================================================
# against PyTorch
# =============================================================================


@pytest.fixture(scope="module")
def torch():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pytest.importorskip("torch")


@pytest.mark.parametrize("which", ["sgd", "momentum"])
def test_training_follows_torchs_optimizer_step_for_step(torch, which):
    rng = np.random.default_rng(3)
    x = rng.random((30, 1))
    y = np.sin(2 * np.pi * x)
    np.random.seed(1)
    model = MLP((6, 1))
    model(x)  # create the weights
    weights = [p.data.astype(np.float64) for p in model.params()]
    for p, w in zip(model.params(), weights, strict=True):
        p.data = w.copy()
    if which == "sgd":
        ours = SGD(lr=0.1).setup(model)
    else:
        ours = MomentumSGD(lr=0.1, momentum=0.9).setup(model)

    W0, b0, W1, b1 = (torch.tensor(w, requires_grad=True) for w in weights)
    params = [W0, b0, W1, b1]
    if which == "sgd":
        theirs = torch.optim.SGD(params, lr=0.1)
    else:
        theirs = torch.optim.SGD(params, lr=0.1, momentum=0.9)
    xt, yt = torch.tensor(x), torch.tensor(y)

    for _ in range(25):
        loss = F.mean_squared_error(y, model(x))
        model.cleargrads()
        loss.backward()
        ours.update()
        losst = ((yt - (torch.sigmoid(xt @ W0 + b0) @ W1 + b1)) ** 2).sum() / len(yt)
        theirs.zero_grad()
        losst.backward()
        theirs.step()
        assert loss.data == pytest.approx(losst.item(), rel=1e-12)
    for p, t in zip(model.params(), params, strict=True):
        np.testing.assert_allclose(p.data, t.detach().numpy(), rtol=1e-11, atol=1e-14)
