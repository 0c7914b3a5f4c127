"""One gradient check for every test: backprop against central differences.

In the spirit of HIPS autograd's ``check_grads``: the engine's gradients (first order,
and with ``order=2`` the gradients of those gradients, recorded with
``create_graph=True``) are compared with central differences computed *here*, from
forward values only. Nothing in this file uses ``engine.gradcheck``, so a bug there cannot
hide a bug in the engine.

Every check is a directional one. With a random output weight ``u`` the scalar
``L(x) = sum(u * f(x))`` is differentiated along a random direction ``v``:
``<dL/dx, v>`` from backprop must equal ``(L(x + h v) - L(x - h v)) / 2h``. A wrong
element anywhere in the gradient shows up with probability one, and a 2,000-point input
costs two forward evaluations instead of four thousand.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from engine import Variable, no_grad

EPS = 1e-6
RTOL = 1e-6
ATOL = 1e-7


def _variables(args: Sequence[np.ndarray]) -> list[Variable]:
    return [Variable(np.array(a, dtype=np.float64)) for a in args]


def _forward_value(f: Callable[..., Variable], args: Sequence[np.ndarray]) -> np.ndarray:
    with no_grad():
        return np.asarray(f(*_variables(args)).data, dtype=np.float64)


def backprop_grads(
    f: Callable[..., Variable], args: Sequence[np.ndarray], u: np.ndarray
) -> list[np.ndarray]:
    """Vector-Jacobian product by backprop: the gradient of ``sum(u * f(*args))``.

    The seed ``u`` is put in the output's ``grad`` (what ``backward`` does with ones),
    so no engine operation is needed to form the scalar. An input the output does not
    depend on has ``grad`` None: its gradient is zero.
    """
    xs = _variables(args)
    y = f(*xs)
    y.grad = Variable(np.array(u, dtype=np.float64))
    y.backward()
    return [np.zeros_like(x.data) if x.grad is None else np.asarray(x.grad.data) for x in xs]


def _central_difference(
    value: Callable[[list[np.ndarray]], float], args: Sequence[np.ndarray], i: int, v: np.ndarray
) -> float:
    plus = [np.array(a, dtype=np.float64) for a in args]
    minus = [np.array(a, dtype=np.float64) for a in args]
    plus[i] = plus[i] + EPS * v
    minus[i] = minus[i] - EPS * v
    return (value(plus) - value(minus)) / (2 * EPS)


def _assert_close(analytic: float, numeric: float, what: str, rtol: float, atol: float) -> None:
    scale = max(1.0, abs(numeric))
    assert abs(analytic - numeric) <= rtol * scale + atol * scale, (
        f"{what}: backprop gives {analytic!r}, central differences {numeric!r}"
    )


def check_grads(
    f: Callable[..., Variable],
    *args: np.ndarray | float,
    order: int = 2,
    seed: int = 0,
    rtol: float = RTOL,
    atol: float = ATOL,
) -> None:
    """Assert that backprop's derivatives of ``f`` up to ``order`` (1 or 2) are right.

    ``f`` takes one Variable per element of ``args`` (ndarrays or numbers: the point) and
    returns a Variable. Gradients must also come back with the shape of their inputs.
    """
    args = [np.array(a, dtype=np.float64) for a in args]
    rng = np.random.default_rng(seed)
    y0 = _forward_value(f, args)
    u = rng.standard_normal(y0.shape)
    vs = [rng.standard_normal(a.shape) for a in args]

    grads = backprop_grads(f, args, u)
    for i, (a, g) in enumerate(zip(args, grads, strict=True)):
        assert g.shape == a.shape, f"gradient of argument {i} has shape {g.shape}, not {a.shape}"

    def loss(point: list[np.ndarray]) -> float:
        return float(np.sum(u * _forward_value(f, point)))

    for i, (g, v) in enumerate(zip(grads, vs, strict=True)):
        numeric = _central_difference(loss, args, i, v)
        _assert_close(float(np.sum(g * v)), numeric, f"d/d(arg {i})", rtol, atol)

    if order >= 2:
        _check_second_order(f, args, u, rng, rtol, atol)


def _check_second_order(f, args, u, rng, rtol, atol) -> None:
    """Differentiate ``h_i(x) = <dL/dx_i, w_i>`` by backprop through the recorded
    backward pass, and compare with central differences of ``h_i`` evaluated from
    first-order backprop."""
    for i in range(len(args)):
        w = rng.standard_normal(args[i].shape)

        def h(point: list[np.ndarray], i: int = i, w: np.ndarray = w) -> float:
            return float(np.sum(backprop_grads(f, point, u)[i] * w))

        xs = _variables(args)
        y = f(*xs)
        y.grad = Variable(np.array(u, dtype=np.float64))
        y.backward(create_graph=True)
        gx = xs[i].grad
        for x in xs:
            x.cleargrad()
        if gx is None:  # the output does not depend on x_i at all
            second = [np.zeros_like(a) for a in args]
        else:
            gx.grad = Variable(np.array(w, dtype=np.float64))
            gx.backward()
            second = [
                np.zeros_like(x.data) if x.grad is None else np.asarray(x.grad.data) for x in xs
            ]

        for j, v in enumerate(rng.standard_normal(a.shape) for a in args):
            assert second[j].shape == args[j].shape
            numeric = _central_difference(h, args, j, v)
            _assert_close(
                float(np.sum(second[j] * v)),
                numeric,
                f"d2/d(arg {i})d(arg {j})",
                rtol * 100,
                atol * 100,
            )


def nth_derivative(f: Callable[[Variable], Variable], x: float, n: int) -> float:
    """The n-th derivative of a scalar function at ``x``, by repeated backprop."""
    xv = Variable(np.array(float(x)))
    g = f(xv)
    for _ in range(n):
        xv.cleargrad()
        g.backward(create_graph=True)
        g = xv.grad
        if g is None:
            return 0.0
    return float(g.data)


# =============================================================================
# forward mode: jvp against central differences and against reverse mode
# =============================================================================


def check_jvp(
    f: Callable[..., Variable | tuple[Variable, ...]],
    *args: np.ndarray | float,
    seed: int = 0,
    rtol: float = RTOL,
    atol: float = ATOL,
) -> None:
    """Assert that forward mode's tangents of ``f`` are right, along a random direction.

    Three independent checks for each output ``y`` of ``f``, tangent direction ``v``:
    ``ẏ`` has ``y``'s shape; ``ẏ`` equals the central difference
    ``(f(x + h v) - f(x - h v)) / 2h`` element by element; and ``<u, ẏ>`` equals
    ``<backprop(u), v>``, the same number from reverse mode (a vector-Jacobian
    product instead of a Jacobian-vector product).
    """
    from engine.forward import jvp

    args = [np.array(a, dtype=np.float64) for a in args]
    rng = np.random.default_rng(seed)
    vs = [rng.standard_normal(a.shape) for a in args]

    def outputs(point: Sequence[np.ndarray]) -> list[np.ndarray]:
        with no_grad():
            ys = f(*_variables(point))
        ys = ys if isinstance(ys, tuple) else (ys,)
        return [np.asarray(y.data, dtype=np.float64) for y in ys]

    ys, ydots = jvp(f, args, vs)
    plus = outputs([a + EPS * v for a, v in zip(args, vs, strict=True)])
    minus = outputs([a - EPS * v for a, v in zip(args, vs, strict=True)])
    assert len(ys) == len(ydots) == len(plus)
    for k, (y, ydot, p, m) in enumerate(zip(ys, ydots, plus, minus, strict=True)):
        assert ydot.shape == y.shape, f"tangent {k} has shape {ydot.shape}, not {y.shape}"
        numeric = (p - m) / (2 * EPS)
        scale = np.maximum(1.0, np.abs(numeric))
        bad = np.abs(ydot.data - numeric) > (rtol + atol) * scale
        assert not bad.any(), (
            f"output {k}: forward mode gives {ydot.data[bad]!r}, "
            f"central differences {numeric[bad]!r}"
        )

        def kth(*xs, k=k):
            out = f(*xs)
            return out[k] if isinstance(out, tuple) else out

        u = rng.standard_normal(y.shape)
        grads = backprop_grads(kth, args, u)
        reverse = sum(float(np.sum(g * v)) for g, v in zip(grads, vs, strict=True))
        _assert_close(float(np.sum(u * ydot.data)), reverse, f"<u, J v> of output {k}", rtol, atol)
