"""A small network learning to fit a curve: the model of the Train tab (book steps 42-46).

The data is the book's (step 42: ``np.random.seed(0); x = np.random.rand(100, 1);
y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)``) or a formula in ``x`` the learner
types, read by ``tutor.formula`` at the same 100 points. The network is an
``engine.models.MLP``; an optimizer from ``engine.optimizers`` moves its parameters.

``Training.step()`` is one iteration of the book's loop (forward, mean squared error,
``cleargrads``, ``backward``, ``update``) and returns the loss. ``Training.inspect()``
runs the same forward and backward once more at the current weights, without updating,
and describes it for the window: the engine's recorded graph, walked from the loss
through the creators, collapsed into one node per layer (x -> Linear -> sigmoid ->
Linear -> MSE), every parameter with its gradient, and the backward pass as the engine
ran it, layer by layer, each layer holding the Functions it ran.

No Qt here: the panel in gui/panels/train/ only draws what this module computes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np

import engine.functions as F
from engine import Parameter, Variable, no_grad
from engine.core import BackwardTracer
from engine.models import MLP
from engine.optimizers import SGD, Adam, MomentumSGD
from tutor.formula import ParseError, parse
from tutor.messages import Message

ACTIVATIONS = ("sigmoid", "tanh", "relu")
OPTIMIZERS = ("sgd", "momentum", "adam")
_ACTIVATION_FUNCTIONS = {"sigmoid": F.sigmoid, "tanh": F.tanh, "relu": F.relu}

N_POINTS = 100
MAX_HIDDEN_LAYERS = 4
MIN_WIDTH, MAX_WIDTH = 1, 64
MIN_LR, MAX_LR = 1e-4, 1.0
MAX_TARGET_CHARS = 200


class TargetError(ValueError):
    """The typed target formula cannot be used; ``args[0]`` is a Message saying why."""


# -- what to train: the settings saved in the session ---------------------------------


@dataclass(frozen=True)
class TrainSettings:
    """The network, the optimizer and the data: what the session remembers.

    ``hidden`` lists the widths of the hidden layers (``(10,)`` is the book's 1-10-1
    network); ``target`` is empty for the book's noisy sine, else a formula in ``x``.
    """

    hidden: tuple[int, ...] = (10,)
    activation: str = "sigmoid"
    optimizer: str = "sgd"
    lr: float = 0.2
    target: str = ""
    seed: int = 0

    @property
    def sizes(self) -> tuple[int, ...]:
        """Every layer's width, input and output included: ``(1, 10, 1)``."""
        return (1, *self.hidden, 1)

    @property
    def label(self) -> str:
        """The network as it is usually written: ``1-10-1``."""
        return "-".join(str(n) for n in self.sizes)

    def to_state(self) -> dict:
        """A JSON-ready dict for ``set_panel_state("train", ...)``."""
        return {
            "hidden": list(self.hidden),
            "activation": self.activation,
            "optimizer": self.optimizer,
            "lr": self.lr,
            "target": self.target,
        }

    @classmethod
    def from_state(cls, state: object) -> TrainSettings:
        """Settings from a saved state; anything missing or unusable gets its default."""
        default = cls()
        if not isinstance(state, dict):
            return default
        hidden = state.get("hidden")
        if not (
            isinstance(hidden, list)
            and 1 <= len(hidden) <= MAX_HIDDEN_LAYERS
            and all(_is_int(n) and MIN_WIDTH <= n <= MAX_WIDTH for n in hidden)
        ):
            hidden = default.hidden
        activation = state.get("activation")
        if activation not in ACTIVATIONS:
            activation = default.activation
        optimizer = state.get("optimizer")
        if optimizer not in OPTIMIZERS:
            optimizer = default.optimizer
        lr = state.get("lr")
        if not (_is_number(lr) and MIN_LR <= lr <= MAX_LR):
            lr = default.lr
        target = state.get("target")
        if not (isinstance(target, str) and len(target) <= MAX_TARGET_CHARS):
            target = default.target
        return cls(tuple(hidden), activation, optimizer, float(lr), target)


def _is_int(n: object) -> bool:
    return isinstance(n, int) and not isinstance(n, bool)


def _is_number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


# -- the data --------------------------------------------------------------------------


def book_data(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The book's data set of steps 42-45: 100 noisy points of sin(2πx) on [0, 1).

    Drawn from a generator of its own seeded like the book's ``np.random.seed(0)``, so
    the numbers are the book's and numpy's global generator is left alone.
    """
    rng = np.random.RandomState(seed)
    x = rng.rand(N_POINTS, 1)
    y = np.sin(2 * np.pi * x) + rng.rand(N_POINTS, 1)
    return x, y


def target_data(formula: str, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The book's 100 x values, and ``formula`` (in x, no noise) at each of them.

    Raises TargetError if the formula does not parse, names another variable than x,
    or is not finite at one of the points.
    """
    x, _ = book_data(seed)
    if len(formula) > MAX_TARGET_CHARS:
        raise TargetError(Message("the target is longer than {n} characters", n=MAX_TARGET_CHARS))
    try:
        expression = parse(formula, single=True)
    except ParseError as error:
        raise TargetError(error.args[0]) from None
    others = [name for name in expression.variables if name != "x"]
    if others:
        raise TargetError(
            Message("the target may use only x, not {names}", names=", ".join(others))
        )
    with no_grad(), np.errstate(all="ignore"):
        y = expression.build({"x": Variable(x)})
    y = np.broadcast_to(np.asarray(y.data, dtype=np.float64), x.shape).copy()
    if not np.all(np.isfinite(y)):
        raise TargetError(Message("the target is not finite at every x in [0, 1)"))
    return x, y


# -- what one step looks like, for the window ------------------------------------------


@dataclass
class ParamInfo:
    """One parameter after a backward pass: its value and its gradient (copies)."""

    name: str  # "l0.W"
    data: np.ndarray
    grad: np.ndarray

    @property
    def grad_norm(self) -> float:
        return float(np.sqrt(np.sum(self.grad.astype(np.float64) ** 2)))


@dataclass
class OpInfo:
    """One recorded Function of the forward pass."""

    name: str  # the class name, "Linear"
    symbol: str  # what the graph shows, "linear"
    forward_rule: str
    input_shapes: tuple[tuple[int, ...], ...]
    output_shape: tuple[int, ...]


@dataclass
class LayerNode:
    """One node of the layer-collapsed graph: a layer, an activation, the loss or data."""

    key: str  # "l0", "act0", "loss", "x", "t"
    kind: str  # "data", "linear", "activation", "loss"
    title: str  # "Linear l0", "sigmoid", "MSE", "x"
    output_shape: tuple[int, ...]
    ops: list[OpInfo] = field(default_factory=list)
    params: list[ParamInfo] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)  # keys of the nodes feeding this one


@dataclass
class BackwardOp:
    """One Function's backward, as the engine ran it."""

    name: str
    rules: tuple[str, ...]  # "gx0 = gy @ x1ᵀ", one per input
    gy_shape: tuple[int, ...]
    gy_norm: float
    # For each input: what it is ("x", "l0.W", "from sigmoid"), its gradient's shape
    # and norm (None for an input that takes no gradient).
    gxs: list[tuple[str, tuple[int, ...], float | None]]


@dataclass
class BackwardLayer:
    """The Functions of one layer in the order backward ran them."""

    key: str
    title: str
    ops: list[BackwardOp]


@dataclass
class StepView:
    """One forward and backward pass at the current weights, described by layer."""

    loss: float
    nodes: list[LayerNode]  # in forward order
    backward: list[BackwardLayer]  # in the order backward reached them

    def node(self, key: str) -> LayerNode:
        return next(n for n in self.nodes if n.key == key)

    @property
    def params(self) -> list[ParamInfo]:
        return [p for n in self.nodes for p in n.params]


class _Recorder(BackwardTracer):
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def on_backward(self, f, gys, gxs) -> None:
        self.events.append((f, gys, gxs))


def _norm(a: np.ndarray) -> float:
    return float(np.sqrt(np.sum(np.asarray(a, dtype=np.float64) ** 2)))


# -- training ----------------------------------------------------------------------------


class Training:
    """The book's training loop, one iteration at a time, for the given settings."""

    def __init__(self, settings: TrainSettings | None = None) -> None:
        self.settings = settings = settings or TrainSettings()
        if settings.target:
            self.x, self.y = target_data(settings.target, settings.seed)
        else:
            self.x, self.y = book_data(settings.seed)
        self.model = MLP(settings.hidden + (1,), _ACTIVATION_FUNCTIONS[settings.activation])
        self._init_weights(np.random.RandomState(settings.seed))
        self.optimizer = self._make_optimizer(settings.optimizer, settings.lr)
        self.iteration = 0
        self._losses = np.empty(1024)

    def _init_weights(self, rng: np.random.RandomState) -> None:
        # Linear's own start (random, scaled by sqrt(1 / in_size)), drawn from a seeded
        # generator so that Reset gives the same network every time.
        for layer, n_in in zip(self.model.layers, self.settings.sizes[:-1], strict=True):
            layer.in_size = n_in
            layer.W.data = (rng.randn(n_in, layer.out_size) * np.sqrt(1 / n_in)).astype(layer.dtype)

    def _make_optimizer(self, name: str, lr: float):
        if name == "sgd":
            optimizer = SGD(lr=lr)
        elif name == "momentum":
            optimizer = MomentumSGD(lr=lr)
        else:
            optimizer = Adam(alpha=lr)
        return optimizer.setup(self.model)

    # -- changes that keep the weights -------------------------------------------------

    def set_lr(self, lr: float) -> None:
        """A new learning rate from the next step on (the optimizer keeps its state)."""
        self.settings = replace(self.settings, lr=lr)
        if isinstance(self.optimizer, Adam):
            self.optimizer.alpha = lr
        else:
            self.optimizer.lr = lr

    def set_optimizer(self, name: str) -> None:
        """Carry on from the current weights with another optimizer (fresh state)."""
        self.settings = replace(self.settings, optimizer=name)
        self.optimizer = self._make_optimizer(name, self.settings.lr)

    # -- the loop --------------------------------------------------------------------

    def loss(self) -> Variable:
        """The forward pass: the mean squared error of the network's fit."""
        return F.mean_squared_error(self.model(self.x), self.y)

    def step(self) -> float:
        """One iteration of the book's loop; returns the loss before the update."""
        loss = self.loss()
        self.model.cleargrads()
        loss.backward()
        self.optimizer.update()
        value = float(loss.data)
        if self.iteration == len(self._losses):
            self._losses = np.concatenate([self._losses, np.empty(len(self._losses))])
        self._losses[self.iteration] = value
        self.iteration += 1
        return value

    @property
    def losses(self) -> np.ndarray:
        """The loss of every iteration so far (a view: copy it to keep it)."""
        return self._losses[: self.iteration]

    @property
    def diverged(self) -> bool:
        """True once the loss is no longer a finite number."""
        return self.iteration > 0 and not math.isfinite(self._losses[self.iteration - 1])

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The network's output at the points ``x`` (shape (n, 1)), nothing recorded."""
        with no_grad(), np.errstate(all="ignore"):
            return np.asarray(self.model(np.asarray(x, dtype=np.float64)).data)

    def parameters(self) -> list[tuple[str, Parameter]]:
        """``("l0.W", W), ("l0.b", b), ...`` in the order of the layers."""
        return [
            (f"l{i}.{name}", param)
            for i, layer in enumerate(self.model.layers)
            for name, param in (("W", layer.W), ("b", layer.b))
        ]

    # -- one step described by layer ------------------------------------------------------

    def inspect(self) -> StepView:
        """Forward and backward at the current weights (no update), described by layer.

        The graph is the engine's own: the Functions reached from the loss through
        their inputs' creators. A Function with a layer's Parameter among its inputs
        belongs to that layer; the loss's creator is the loss; the Functions between
        two layers are that layer's activation.
        """
        with np.errstate(all="ignore"):
            loss = self.loss()
            self.model.cleargrads()
            recorder = _Recorder()
            loss.backward(tracer=recorder)

        param_names = {id(p): name for name, p in self.parameters()}
        layer_of_param = {id(p): name.split(".")[0] for name, p in self.parameters()}

        # Every Function reached from the loss, in forward (generation) order.
        funcs, seen, todo = [], set(), [loss.creator]
        while todo:
            f = todo.pop()
            if f is None or id(f) in seen:
                continue
            seen.add(id(f))
            funcs.append(f)
            todo.extend(x.creator for x in f.inputs)
        funcs.sort(key=lambda f: f.generation)

        nodes: dict[str, LayerNode] = {}
        group_of: dict[int, str] = {}  # id(Function) -> node key
        data_key = {id(self.x): "x", id(self.y): "t"}
        n_activations = 0

        def source(x: Variable) -> str | None:
            """The node a non-parameter input comes from."""
            if x.creator is not None:
                return group_of[id(x.creator)]
            if id(x.data) in data_key:
                key = data_key[id(x.data)]
                if key not in nodes:
                    nodes[key] = LayerNode(key, "data", key, x.shape)
                return key
            return None

        for f in funcs:
            owners = [layer_of_param[id(x)] for x in f.inputs if id(x) in layer_of_param]
            if f is loss.creator:
                key, kind, title = "loss", "loss", f.symbol or type(f).__name__
            elif owners:
                key, kind, title = owners[0], "linear", f"Linear {owners[0]}"
            else:
                first = next((x for x in f.inputs if x.creator is not None), None)
                feeding = group_of.get(id(first.creator)) if first is not None else None
                if feeding is not None and nodes[feeding].kind == "activation":
                    key, kind, title = feeding, "activation", nodes[feeding].title
                else:
                    key, kind = f"act{n_activations}", "activation"
                    title = f.symbol or type(f).__name__
                    n_activations += 1
            node = nodes.get(key)
            if node is None:
                node = nodes[key] = LayerNode(key, kind, title, ())
            group_of[id(f)] = key
            output = f.outputs[0]()
            node.output_shape = output.shape if output is not None else ()
            node.ops.append(
                OpInfo(
                    type(f).__name__,
                    f.symbol or type(f).__name__,
                    f.forward_rule or "",
                    tuple(x.shape for x in f.inputs),
                    node.output_shape,
                )
            )
            for x in f.inputs:
                if id(x) in param_names:
                    node.params.append(
                        ParamInfo(param_names[id(x)], x.data.copy(), x.grad.data.copy())
                    )
                    continue
                src = source(x)
                if src is not None and src != key and src not in node.inputs:
                    node.inputs.append(src)

        backward: list[BackwardLayer] = []
        for f, gys, gxs in recorder.events:
            key = group_of[id(f)]
            labels = []
            for x, gx in zip(f.inputs, gxs, strict=True):
                if id(x) in param_names:
                    what = param_names[id(x)]
                elif x.creator is not None:
                    what = nodes[group_of[id(x.creator)]].title
                else:
                    what = data_key.get(id(x.data), "")
                if gx is None:
                    labels.append((what, x.shape, None))
                else:
                    labels.append((what, gx.shape, _norm(gx.data)))
            gy = gys[0]
            op = BackwardOp(
                type(f).__name__, tuple(f.backward_rules), gy.shape, _norm(gy.data), labels
            )
            if backward and backward[-1].key == key:
                backward[-1].ops.append(op)
            else:
                backward.append(BackwardLayer(key, nodes[key].title, [op]))

        order = [n for n in nodes.values() if n.kind == "data"]
        order += [n for n in nodes.values() if n.kind != "data"]
        return StepView(float(loss.data), order, backward)


__all__ = [
    "ACTIVATIONS",
    "OPTIMIZERS",
    "BackwardLayer",
    "BackwardOp",
    "LayerNode",
    "OpInfo",
    "ParamInfo",
    "StepView",
    "TargetError",
    "TrainSettings",
    "Training",
    "book_data",
    "target_data",
]
