"""Layers: a piece of a network that owns Parameters (book step 44).

A ``Layer`` is called like a Function (``y = layer(x)``) but it keeps its parameters
between calls, so that an optimizer can update them. Any Parameter or Layer assigned
as an attribute (``self.W = Parameter(...)``, ``self.l1 = Linear(10)``) is found again
by ``params()``, in the order it was assigned.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator

import numpy as np

import engine.functions as F
from engine.core import Parameter, Variable


class Layer:
    """A callable that owns Parameters. Subclasses write ``forward``."""

    def __init__(self) -> None:
        # The names of the attributes holding a Parameter or a Layer, in the order they
        # were first set (a dict keeps it: the book uses a set, whose order varies).
        object.__setattr__(self, "_params", {})

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, (Parameter, Layer)):
            self._params[name] = None
        super().__setattr__(name, value)

    def __call__(self, *inputs):
        outputs = self.forward(*inputs)
        if not isinstance(outputs, tuple):
            outputs = (outputs,)
        # Held weakly, like a Function's outputs: a layer does not keep a graph alive.
        self.inputs = [weakref.ref(x) for x in inputs]
        self.outputs = [weakref.ref(y) for y in outputs]
        return outputs if len(outputs) > 1 else outputs[0]

    def forward(self, *inputs):
        raise NotImplementedError(f"{type(self).__name__}.forward")

    def params(self) -> Iterator[Parameter]:
        """Every Parameter of this layer and of the layers inside it."""
        for name in self._params:
            obj = self.__dict__[name]
            if isinstance(obj, Layer):
                yield from obj.params()
            elif obj is not None:
                yield obj

    def cleargrads(self) -> None:
        """Forget every parameter's gradient before the next backward."""
        for param in self.params():
            param.cleargrad()


class Linear(Layer):
    """``y = x @ W + b`` with W of shape (in_size, out_size) and b of out_size.

    ``in_size`` may be left out: W is then created on the first call, when the input's
    number of columns is known. W starts random, scaled by sqrt(1 / in_size) so that
    the outputs keep about the inputs' spread; b starts at zero.
    """

    def __init__(
        self,
        out_size: int,
        nobias: bool = False,
        dtype=np.float32,
        in_size: int | None = None,
    ) -> None:
        super().__init__()
        self.in_size = in_size
        self.out_size = out_size
        self.dtype = dtype

        self.W = Parameter(None, name="W")
        if self.in_size is not None:
            self._init_W()
        if nobias:
            self.b = None
        else:
            self.b = Parameter(np.zeros(out_size, dtype=dtype), name="b")

    def _init_W(self) -> None:
        n_in, n_out = self.in_size, self.out_size
        self.W.data = np.random.randn(n_in, n_out).astype(self.dtype) * np.sqrt(1 / n_in)

    def forward(self, x) -> Variable:
        if self.W.data is None:
            self.in_size = x.shape[1]
            self._init_W()
        return F.linear(x, self.W, self.b)


__all__ = ["Layer", "Linear"]
