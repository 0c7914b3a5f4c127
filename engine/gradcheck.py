"""Numerical differentiation: the independent check on every gradient the engine gives.

The central difference ``(f(x + h) - f(x - h)) / 2h`` has an error of order h^2 from
truncation and of order (machine epsilon / h) from rounding; ``h = 1e-4`` balances the
two for smooth functions in double precision.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from engine.core import Variable, as_array, no_grad


def central_difference(
    g: Callable[[np.ndarray], np.ndarray], t: float | np.ndarray, eps: float | np.ndarray
) -> np.ndarray:
    """``(g(t + eps) - g(t - eps)) / 2 eps``: the slope of ``g`` at ``t`` from values only.

    ``g`` takes and returns ndarrays and is run without recording a graph. ``eps`` may
    be an array of step sizes when ``g`` works element by element: the tutor's
    gradient check tries every h of its slider in one pass.
    """
    with no_grad():
        return (g(t + eps) - g(t - eps)) / (2 * eps)


def numerical_diff(f: Callable[[Variable], Variable], x: Variable, eps: float = 1e-4) -> np.ndarray:
    """Central difference of ``f`` at ``x``, element by element of ``x``.

    For a scalar-valued ``f`` this is the gradient; for an elementwise ``f`` summed
    outputs are used, so the result has ``x``'s shape either way.
    """
    x_data = np.array(as_array(x.data if isinstance(x, Variable) else x), dtype=np.float64)
    grad = np.zeros_like(x_data)
    for i in np.ndindex(x_data.shape):

        def f_along_i(t: np.ndarray, i: tuple[int, ...] = i) -> np.ndarray:
            moved = x_data.copy()
            moved[i] = t
            return np.sum(f(Variable(moved)).data)

        grad[i] = central_difference(f_along_i, x_data[i], eps)
    return grad


def gradient_check(
    f: Callable[..., Variable],
    x: Variable | np.ndarray | float,
    *args,
    rtol: float = 1e-4,
    atol: float = 1e-5,
    eps: float = 1e-4,
    **kwargs,
) -> bool:
    """True when backprop's gradient of ``sum(f(x, *args))`` matches central differences.

    ``args`` and ``kwargs`` are passed to ``f`` unchanged (they are held constant).
    """
    x = x if isinstance(x, Variable) else Variable(np.array(as_array(x), dtype=np.float64))

    def g(v: Variable) -> Variable:
        return f(v, *args, **kwargs)

    num_grad = numerical_diff(g, x, eps)
    x.cleargrad()
    y = g(x)
    y.backward()
    # f may not depend on x at all: then backprop leaves x.grad empty, meaning zero.
    bp_grad = np.zeros_like(x.data) if x.grad is None else x.grad.data
    same_shape = bp_grad.shape == num_grad.shape
    return bool(same_shape and np.allclose(bp_grad, num_grad, rtol=rtol, atol=atol))
