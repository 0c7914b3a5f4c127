"""The Train tab's model: the book's data and loop, gradients, the layer-collapsed step."""

from __future__ import annotations

import numpy as np
import pytest

from engine import Variable
from tests.engine.gradcheck_helpers import check_grads
from tutor.training import (
    TargetError,
    Training,
    TrainSettings,
    book_data,
    target_data,
)

BOOK_STEP43_LOSS_AT_0 = 0.8473695850105871  # printed by the book's step 43, iteration 0


def _book_data_and_weights():
    """Step 43 exactly as the book writes it, with numpy's global generator."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)
    W1 = 0.01 * np.random.randn(1, 10)
    b1 = np.zeros(10)
    W2 = 0.01 * np.random.randn(10, 1)
    b2 = np.zeros(1)
    return x, y, [W1, b1, W2, b2]


def _numpy_step(x, y, params, lr):
    """One iteration of step 43 written out in numpy: loss, then the updated weights."""
    W1, b1, W2, b2 = params
    a = x @ W1 + b1
    h = 1 / (1 + np.exp(-a))
    p = h @ W2 + b2
    n = len(x)
    loss = np.sum((p - y) ** 2) / n
    gp = 2 * (p - y) / n
    gW2, gb2 = h.T @ gp, gp.sum(axis=0)
    gh = gp @ W2.T
    ga = gh * h * (1 - h)
    gW1, gb1 = x.T @ ga, ga.sum(axis=0)
    new = [W1 - lr * gW1, b1 - lr * gb1, W2 - lr * gW2, b2 - lr * gb2]
    return loss, new


def _with_weights(training: Training, arrays) -> Training:
    for (_, param), value in zip(training.parameters(), arrays, strict=True):
        param.data = np.array(value, dtype=np.float64)
    return training


def test_book_data_is_the_books_seeded_noisy_sine():
    x, y, _ = _book_data_and_weights()
    bx, by = book_data()
    np.testing.assert_array_equal(bx, x)
    np.testing.assert_array_equal(by, y)
    assert bx.shape == (100, 1)


def test_first_loss_is_the_books_with_the_books_initial_weights():
    x, y, params = _book_data_and_weights()
    loss, _ = _numpy_step(x, y, params, 0.2)
    assert loss == pytest.approx(BOOK_STEP43_LOSS_AT_0, rel=1e-12)
    training = _with_weights(Training(TrainSettings(lr=0.2)), params)
    assert training.step() == pytest.approx(BOOK_STEP43_LOSS_AT_0, rel=1e-12)


def test_steps_follow_the_books_loop_written_in_numpy():
    x, y, params = _book_data_and_weights()
    training = _with_weights(Training(TrainSettings(lr=0.2)), params)
    for _ in range(50):
        expected, params = _numpy_step(x, y, params, 0.2)
        assert training.step() == pytest.approx(expected, rel=1e-10)
    for (_, param), value in zip(training.parameters(), params, strict=True):
        np.testing.assert_allclose(param.data, value, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("optimizer,lr", [("sgd", 0.2), ("momentum", 0.05), ("adam", 0.01)])
def test_loss_falls_on_the_books_problem(optimizer, lr):
    training = Training(TrainSettings(optimizer=optimizer, lr=lr))
    first = training.step()
    for _ in range(1500):
        last = training.step()
    assert training.iteration == 1501
    assert len(training.losses) == 1501 and training.losses[0] == first
    # The noise is uniform on [0, 1): even the perfect fit keeps a loss of 1/12 about
    # the curve sin(2πx) + 0.5, so "falls" means well below the start, towards 1/12.
    assert last < 0.5 * first
    assert last > 1 / 12 * 0.8


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
def test_tiny_network_gradients_match_central_differences(activation):
    training = Training(TrainSettings(hidden=(3,), activation=activation, seed=3))
    rng = np.random.default_rng(1)
    _with_weights(
        training,
        [p.data + rng.normal(0, 0.3, p.shape) for _, p in training.parameters()],
    )
    view = training.inspect()
    shown = {p.name: p.grad for p in view.params}
    assert set(shown) == {"l0.W", "l0.b", "l1.W", "l1.b"}
    eps = 1e-6
    for name, param in training.parameters():
        numeric = np.zeros_like(param.data)
        for i in np.ndindex(param.shape):
            keep = param.data[i]
            param.data[i] = keep + eps
            plus = float(training.loss().data)
            param.data[i] = keep - eps
            minus = float(training.loss().data)
            param.data[i] = keep
            numeric[i] = (plus - minus) / (2 * eps)
        np.testing.assert_allclose(shown[name], numeric, rtol=1e-5, atol=1e-8, err_msg=name)


def test_tiny_network_loss_passes_the_shared_gradient_check():
    training = Training(TrainSettings(hidden=(3,), activation="tanh"))

    def loss(W0, b0, W1, b1):
        for layer, W, b in zip(training.model.layers, (W0, W1), (b0, b1), strict=True):
            layer.W, layer.b = W, b
        return training.loss()

    arrays = [np.array(p.data, dtype=np.float64) for _, p in training.parameters()]
    check_grads(loss, *arrays, order=2)


def test_inspect_collapses_the_step_by_layer():
    view = Training().inspect()
    assert [(n.key, n.kind) for n in view.nodes] == [
        ("x", "data"),
        ("t", "data"),
        ("l0", "linear"),
        ("act0", "activation"),
        ("l1", "linear"),
        ("loss", "loss"),
    ]
    assert view.node("l0").inputs == ["x"]
    assert view.node("act0").inputs == ["l0"]
    assert view.node("loss").inputs == ["l1", "t"]
    assert view.node("l0").output_shape == (100, 10)
    assert view.node("act0").ops[0].name == "Sigmoid"
    assert [p.name for p in view.node("l1").params] == ["l1.W", "l1.b"]
    assert [p.grad.shape for p in view.params] == [(1, 10), (10,), (10, 1), (1,)]
    # backward runs from the loss back to the first layer
    assert [b.key for b in view.backward] == ["loss", "l1", "act0", "l0"]
    linear0 = view.backward[-1].ops[0]
    assert [g[0] for g in linear0.gxs] == ["x", "l0.W", "l0.b"]
    assert linear0.gxs[1][1] == (1, 10)
    assert linear0.rules[1] == "gx1 = x0ᵀ @ gy"
    grad_W = view.node("l0").params[0]
    assert linear0.gxs[1][2] == pytest.approx(np.linalg.norm(grad_W.grad))
    assert grad_W.grad_norm == pytest.approx(np.linalg.norm(grad_W.grad))


def test_inspect_does_not_change_the_weights_and_gives_the_next_loss():
    training = Training()
    training.step()
    before = [p.data.copy() for _, p in training.parameters()]
    view = training.inspect()
    for b, (_, p) in zip(before, training.parameters(), strict=True):
        np.testing.assert_array_equal(b, p.data)
    assert training.step() == pytest.approx(view.loss, rel=1e-12)


def test_the_spec_builds_the_network_it_names():
    settings = TrainSettings(hidden=(5, 4), activation="relu")
    training = Training(settings)
    assert settings.label == "1-5-4-1"
    shapes = [p.shape for _, p in training.parameters()]
    assert shapes == [(1, 5), (5,), (5, 4), (4,), (4, 1), (1,)]
    titles = [n.title for n in training.inspect().nodes]
    assert titles == ["x", "t", "Linear l0", "relu", "Linear l1", "relu", "Linear l2", "MSE"]


def test_reset_is_the_same_network_every_time():
    a, b = Training(), Training()
    for (_, p), (_, q) in zip(a.parameters(), b.parameters(), strict=True):
        np.testing.assert_array_equal(p.data, q.data)
    assert a.step() == b.step()


def test_optimizer_and_lr_change_without_losing_the_weights():
    training = Training()
    for _ in range(10):
        training.step()
    weights = [p.data.copy() for _, p in training.parameters()]
    training.set_optimizer("adam")
    training.set_lr(0.01)
    assert training.optimizer.alpha == 0.01
    for w, (_, p) in zip(weights, training.parameters(), strict=True):
        np.testing.assert_array_equal(w, p.data)
    assert training.iteration == 10


def test_a_typed_target_is_read_by_the_formula_parser():
    x, y = target_data("x^2 - 1")
    np.testing.assert_allclose(y, x**2 - 1)
    _, constant = target_data("2")
    assert constant.shape == (100, 1) and np.all(constant == 2)
    with pytest.raises(TargetError, match="only x"):
        target_data("x + y")
    with pytest.raises(TargetError):
        target_data("sin(x")
    with pytest.raises(TargetError, match="finite"):
        target_data("log(x - 1)")
    with pytest.raises(TargetError):
        target_data("__import__('os')")


def test_settings_round_trip_and_bad_state_falls_back_to_defaults():
    s = TrainSettings(hidden=(8, 3), activation="tanh", optimizer="adam", lr=0.01, target="x")
    assert TrainSettings.from_state(s.to_state()) == s
    bad = {"hidden": [0, 1000], "activation": "gelu", "optimizer": 3, "lr": True, "target": 5}
    assert TrainSettings.from_state(bad) == TrainSettings()
    assert TrainSettings.from_state("nonsense") == TrainSettings()
    assert TrainSettings.from_state({"hidden": [True]}).hidden == (10,)


def test_prediction_has_one_value_per_point():
    training = Training()
    grid = np.linspace(0, 1, 7).reshape(-1, 1)
    p = training.predict(grid)
    assert p.shape == (7, 1)
    assert isinstance(training.loss(), Variable)


def test_the_settings_survive_a_session_file():
    from tutor.session import Session

    session = Session()
    settings = TrainSettings(hidden=(6, 3), activation="relu", optimizer="momentum", lr=0.05)
    session.set_panel_state("train", settings.to_state())
    reopened = Session.from_json(session.to_json())
    assert TrainSettings.from_state(reopened.panels["train"]) == settings
