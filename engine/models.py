"""Models: a whole network as one Layer (book step 45).

A ``Model`` is a Layer meant to hold other layers; ``MLP`` is the multi-layer
perceptron of the book's steps 43-46: Linear layers with an activation between them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import engine.functions as F
from engine.core import Variable
from engine.layers import Layer, Linear


class Model(Layer):
    """A Layer that holds a network. Subclass it and write ``forward``."""


class MLP(Model):
    """Fully connected layers of the given output sizes, ``activation`` between them.

    ``MLP((10, 1))`` is Linear(10) -> sigmoid -> Linear(1): the network of step 43.
    The layers are ``l0, l1, ...`` (also in ``layers``); their input sizes are taken
    from the data on the first call.
    """

    def __init__(
        self,
        fc_output_sizes: Sequence[int],
        activation: Callable[[Variable], Variable] = F.sigmoid,
    ) -> None:
        super().__init__()
        self.activation = activation
        self.layers: list[Linear] = []
        for i, out_size in enumerate(fc_output_sizes):
            layer = Linear(out_size)
            setattr(self, f"l{i}", layer)
            self.layers.append(layer)

    def forward(self, x) -> Variable:
        for layer in self.layers[:-1]:
            x = self.activation(layer(x))
        return self.layers[-1](x)


__all__ = ["MLP", "Model"]
