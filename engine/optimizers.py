"""Optimizers: how parameters move once their gradients are known (book step 46).

    optimizer = SGD(lr=0.2).setup(model)
    ...
    model.cleargrads()
    loss.backward()
    optimizer.update()    # every parameter with a gradient takes one step

Each optimizer writes ``update_one(param)``, the rule for one parameter, on plain arrays
(``param.data``, ``param.grad.data``): the step itself is not part of any graph.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from engine.core import Parameter


class Optimizer:
    """Updates the parameters of ``target`` (a Layer or Model) from their gradients."""

    def __init__(self) -> None:
        self.target = None
        self.hooks: list[Callable[[list[Parameter]], None]] = []

    def setup(self, target) -> Optimizer:
        """Choose what to optimize; returns the optimizer, so calls can be chained."""
        self.target = target
        return self

    def update(self) -> None:
        """One step for every parameter that has a gradient (hooks run first)."""
        params = [p for p in self.target.params() if p.grad is not None]
        for hook in self.hooks:
            hook(params)
        for param in params:
            self.update_one(param)

    def update_one(self, param: Parameter) -> None:
        raise NotImplementedError(f"{type(self).__name__}.update_one")

    def add_hook(self, f: Callable[[list[Parameter]], None]) -> None:
        """Run ``f(params)`` before each update (weight decay, gradient clipping, ...)."""
        self.hooks.append(f)


# =============================================================================
# hooks: run on the parameters (with gradients) before every update
# =============================================================================


class WeightDecay:
    """Add ``rate · W`` to each gradient: the gradient of an L2 penalty ``rate/2 · ‖W‖²``."""

    def __init__(self, rate: float) -> None:
        self.rate = rate

    def __call__(self, params: list[Parameter]) -> None:
        for param in params:
            param.grad.data += self.rate * param.data


class ClipGrad:
    """Scale all gradients down together when their joint norm exceeds ``max_norm``."""

    def __init__(self, max_norm: float) -> None:
        self.max_norm = max_norm

    def __call__(self, params: list[Parameter]) -> None:
        total_norm = math.sqrt(float(sum((p.grad.data**2).sum() for p in params)))
        rate = self.max_norm / (total_norm + 1e-6)
        if rate < 1:
            for param in params:
                param.grad.data *= rate


# =============================================================================
# the update rules
# =============================================================================


class SGD(Optimizer):
    """Stochastic gradient descent: ``W ← W − lr · ∂L/∂W``."""

    def __init__(self, lr: float = 0.01) -> None:
        super().__init__()
        self.lr = lr

    def update_one(self, param: Parameter) -> None:
        param.data -= self.lr * param.grad.data


class MomentumSGD(Optimizer):
    """SGD with a velocity: ``v ← momentum · v − lr · ∂L/∂W``, then ``W ← W + v``.

    Steps in a direction that keeps coming back add up; steps that flip sign cancel.
    """

    def __init__(self, lr: float = 0.01, momentum: float = 0.9) -> None:
        super().__init__()
        self.lr = lr
        self.momentum = momentum
        self.vs: dict[int, np.ndarray] = {}

    def update_one(self, param: Parameter) -> None:
        key = id(param)
        if key not in self.vs:
            self.vs[key] = np.zeros_like(param.data)
        v = self.vs[key]
        v *= self.momentum
        v -= self.lr * param.grad.data
        param.data += v


class Adam(Optimizer):
    """Adam: a running mean ``m`` of the gradients and ``v`` of their squares.

    The step is ``lr · m / (√v + eps)``, where ``lr`` (a property) is ``alpha`` with the
    bias correction of the first steps folded in.
    """

    def __init__(
        self, alpha: float = 0.001, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        super().__init__()
        self.t = 0
        self.alpha = alpha
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.ms: dict[int, np.ndarray] = {}
        self.vs: dict[int, np.ndarray] = {}

    def update(self, *args, **kwargs) -> None:
        self.t += 1
        super().update(*args, **kwargs)

    @property
    def lr(self) -> float:
        fix1 = 1.0 - math.pow(self.beta1, self.t)
        fix2 = 1.0 - math.pow(self.beta2, self.t)
        return self.alpha * math.sqrt(fix2) / fix1

    def update_one(self, param: Parameter) -> None:
        key = id(param)
        if key not in self.ms:
            self.ms[key] = np.zeros_like(param.data)
            self.vs[key] = np.zeros_like(param.data)
        m, v = self.ms[key], self.vs[key]
        grad = param.grad.data
        m += (1 - self.beta1) * (grad - m)
        v += (1 - self.beta2) * (grad * grad - v)
        param.data -= self.lr * m / (np.sqrt(v) + self.eps)


__all__ = ["SGD", "Adam", "ClipGrad", "MomentumSGD", "Optimizer", "WeightDecay"]
