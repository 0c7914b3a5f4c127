"""Graph mechanics of a define-by-run autograd: Config, Variable, Function, backward.

This file follows "Deep Learning from Scratch 3" (DeZero) step by step and keeps its
words: a Variable remembers its *creator* (the Function that made it), a Function
remembers its *inputs* and (weakly) its *outputs*, and every node has a *generation*
so that ``backward`` can visit functions in the right order.

Every concrete operation (Add, Mul, Sin, ...) lives in ``engine/functions.py``; this file
only knows how to record them and how to run the recording backwards.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import weakref
from collections.abc import Iterator
from typing import Any

import numpy as np

# =============================================================================
# Config: switches that change how the engine records and differentiates
# =============================================================================


class Config:
    """Global switches, read on every call.

    ``enable_backprop``
        When False, functions compute values only and record nothing (see ``no_grad``).

    The three switches below exist for the tutor's lessons: each one brings back a bug
    that the book fixes, so a learner can *see* why the fix is needed. Each is read in
    one line that picks a small named piece; leave them alone in normal use.

    ``accumulate_grad``
        Book step 14. When False, ``backward`` uses ``last_grad_wins`` instead of
        ``sum_grads``: a reused variable's gradient is overwritten, so ``add(x, x)``
        gives ``x.grad == 1`` instead of 2.
    ``order_by_generation``
        Book step 16. When False, ``backward`` uses ``PlainStack`` instead of
        ``GenerationQueue`` (and may visit one function twice), so
        ``y = a**2 + a**2, a = x**2`` at x=2 gives 96 instead of 64.
    ``weak_outputs``
        Book step 17. When False, ``Function.__call__`` holds its outputs by strong
        reference, so every graph is a reference cycle and stays alive until the cycle
        collector runs.
    """

    enable_backprop = True
    accumulate_grad = True
    order_by_generation = True
    weak_outputs = True


@contextlib.contextmanager
def using_config(name: str, value: Any) -> Iterator[None]:
    """Set ``Config.<name>`` to ``value`` inside a ``with`` block, restoring it after."""
    if not hasattr(Config, name):
        raise AttributeError(f"Config has no switch named {name!r}")
    old_value = getattr(Config, name)
    setattr(Config, name, value)
    try:
        yield
    finally:
        setattr(Config, name, old_value)


def no_grad() -> contextlib.AbstractContextManager[None]:
    """``with no_grad():`` computes values without recording a graph."""
    return using_config("enable_backprop", False)


# =============================================================================
# Variable
# =============================================================================


class Variable:
    """A box around an ndarray that remembers where it came from.

    ``data`` is the value (an ``np.ndarray``, or None), ``grad`` the derivative of the
    final output with respect to it (a Variable, filled in by ``backward``), ``creator``
    the Function that produced it (None for the values you make yourself), and
    ``generation`` how far it is from those inputs.
    """

    # NumPy defers to Variable's reflected operators: ``np.array(2.0) + x`` calls
    # ``x.__radd__`` instead of letting NumPy try to add element by element.
    __array_priority__ = 200

    # Slots make each Variable smaller and quicker to build (no per-instance dict):
    # a graph has one per node.
    __slots__ = ("data", "name", "grad", "creator", "generation", "__weakref__")

    def __init__(self, data: np.ndarray | None, name: str | None = None) -> None:
        if data is not None and not isinstance(data, np.ndarray):
            raise TypeError(
                f"Variable expects a numpy.ndarray (or None), got {type(data).__name__}; "
                f"wrap numbers with np.array(...), e.g. Variable(np.array(1.0))"
            )
        self.data = data
        self.name = name
        self.grad: Variable | None = None
        self.creator: Function | None = None
        self.generation = 0

    # -- looking like an ndarray ------------------------------------------------

    @property
    def shape(self) -> tuple[int, ...]:
        return self.data.shape

    @property
    def ndim(self) -> int:
        return self.data.ndim

    @property
    def size(self) -> int:
        return self.data.size

    @property
    def dtype(self) -> np.dtype:
        return self.data.dtype

    def __len__(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        if self.data is None:
            return "variable(None)"
        # Continuation lines of a multi-line array line up under the first one:
        # 'variable(' is 9 characters wide.
        p = str(self.data).replace("\n", "\n" + " " * 9)
        return "variable(" + p + ")"

    # -- the graph ------------------------------------------------------------

    def set_creator(self, func: Function) -> None:
        self.creator = func
        self.generation = func.generation + 1

    def cleargrad(self) -> None:
        """Forget the gradient, so the next ``backward`` starts from zero."""
        self.grad = None

    def backward(
        self,
        retain_grad: bool = False,
        create_graph: bool = False,
        *,
        tracer: BackwardTracer | None = None,
    ) -> None:
        """Fill in ``grad`` of every variable this one was computed from.

        ``retain_grad``
            Keep the gradients of intermediate variables too (by default only the
            variables you made yourself keep theirs, which saves memory).
        ``create_graph``
            Record the backward pass itself as a graph, so that a gradient can be
            differentiated again: ``gx = x.grad; gx.backward()`` gives the second
            derivative.
        ``tracer``
            An observer told about every step (see ``BackwardTracer``); the tutor's
            step-through view is built on it.
        """
        if self.data is None:  # np.ones_like(None) would make a grad of dtype object
            raise TypeError(
                "backward() got a Variable whose data is None; give it a value first, "
                "e.g. x.data = np.array(1.0)"
            )
        if self.grad is None:
            self.grad = Variable(np.ones_like(self.data))
        if self.creator is None:
            return  # a variable nobody computed: d(self)/d(self) = 1 and nothing else

        funcs = GenerationQueue() if Config.order_by_generation else PlainStack()
        add_grad = sum_grads if Config.accumulate_grad else last_grad_wins
        retain_grad = retain_grad or funcs.keeps_every_grad  # see PlainStack

        funcs.add(self.creator)
        # Backward is made of ordinary Function calls; they are recorded only when a
        # graph of the backward pass is wanted (create_graph=True).
        with using_config("enable_backprop", create_graph):
            for f in funcs:
                if tracer is not None:
                    tracer.on_pop(f, funcs.pending())
                # f.outputs holds weak references: calling one gives the Variable.
                # Nearly every function has one output; spelling that case out
                # makes backward about a tenth faster (benchmarks/bench_engine.py, W1).
                outputs = f.outputs
                if len(outputs) == 1:
                    gys = [outputs[0]().grad]
                    gxs = f.backward(gys[0])
                else:
                    gys = [output().grad for output in outputs]
                    gxs = f.backward(*gys)
                if not isinstance(gxs, tuple):
                    gxs = (gxs,)
                if len(gxs) != len(f.inputs):
                    raise ValueError(
                        f"{type(f).__name__}.backward returned {len(gxs)} gradient(s) "
                        f"for {len(f.inputs)} input(s)"
                    )
                if tracer is not None:
                    tracer.on_backward(f, gys, gxs)

                # The lengths were checked above, with a clearer message; strict=True
                # would check again for every function and slow backward by a tenth
                # or more (W1).
                for x, gx in zip(f.inputs, gxs, strict=False):
                    before = x.grad
                    # The first gradient to arrive is taken as it is; the rule says
                    # what a second one does.
                    x.grad = gx if before is None else add_grad(before, gx)
                    if tracer is not None:
                        tracer.on_accumulate(f, x, before, gx, x.grad)
                    if x.creator is not None:
                        funcs.add(x.creator)

                if not retain_grad:
                    for y in f.outputs:
                        y().grad = None


# =============================================================================
# the order of backward: which function's turn it is
# =============================================================================


class GenerationQueue:
    """Functions waiting for their turn in backward, highest generation first (step 16).

    A function then runs only after every function that uses its outputs has passed
    its gradient down. The book sorts the whole list on every insertion, which is
    quadratic on wide graphs; a heap gives the same order in O(log n) per insertion.
    """

    keeps_every_grad = False

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, Function]] = []
        self._seen: set[Function] = set()
        self._ties = itertools.count()  # equal generations leave in the order they came

    def add(self, f: Function) -> None:
        if f not in self._seen:
            self._seen.add(f)
            heapq.heappush(self._heap, (-f.generation, next(self._ties), f))

    def __iter__(self) -> Iterator[Function]:
        """Take functions out, next first, until none is left (``add`` may come between)."""
        while self._heap:
            yield heapq.heappop(self._heap)[2]

    def pending(self) -> list[Function]:
        """The functions still waiting, next first (for a tracer)."""
        return [entry[2] for entry in sorted(self._heap)]


class PlainStack:
    """Teaching switch: the book before step 16, a plain stack (last in, first out).

    A function reached twice is visited twice, the first time before all of its
    gradient has arrived: ``y = a**2 + a**2, a = x**2`` at x = 2 gives 96, not 64.
    That engine kept every gradient (retain_grad came in step 18); keeping them here
    too is what lets the early visit's part be counted again.
    """

    keeps_every_grad = True

    def __init__(self) -> None:
        self._stack: list[Function] = []

    def add(self, f: Function) -> None:
        self._stack.append(f)

    def __iter__(self) -> Iterator[Function]:
        """Take functions out, last added first, until none is left."""
        while self._stack:
            yield self._stack.pop()

    def pending(self) -> list[Function]:
        """The functions still waiting, next first (for a tracer)."""
        return self._stack[::-1]


# =============================================================================
# what happens when a gradient arrives at a variable that already has one
# =============================================================================


def sum_grads(grad: Variable, gx: Variable) -> Variable:
    """Book step 14: a variable used in n places gets the sum of its n gradients."""
    if Config.enable_backprop:  # create_graph=True: the sum is part of the new graph
        return grad + gx
    # Nothing to record: adding the arrays directly skips a Function call that would
    # record nothing anyway, which makes backward of a wide graph (W3) about 8% faster.
    return Variable(as_array(grad.data + gx.data))


def last_grad_wins(grad: Variable, gx: Variable) -> Variable:
    """Teaching switch: the book before step 14. ``add(x, x)`` then gives 1, not 2."""
    return gx


# =============================================================================
# the tracer: an observer of backward, for the tutor's step-through
# =============================================================================


class BackwardTracer:
    """Receives the events of one backward pass, in order. Subclass and override.

    ``on_pop(f, pending)``: function ``f`` was taken from the queue; ``pending`` lists
    the functions still waiting, next first.
    ``on_backward(f, gys, gxs)``: ``f.backward`` turned output gradients into input ones.
    ``on_accumulate(f, x, before, gx, after)``: ``gx`` arrived at input ``x``, whose
    gradient went from ``before`` (None the first time) to ``after``.
    """

    def on_pop(self, f: Function, pending: list[Function]) -> None:
        pass

    def on_backward(self, f: Function, gys: list, gxs: tuple) -> None:
        pass

    def on_accumulate(self, f: Function, x: Variable, before, gx, after) -> None:
        pass


def as_variable(obj: Any) -> Variable:
    """Return ``obj`` if it is a Variable, else wrap it (numbers become 0-d arrays)."""
    if isinstance(obj, Variable):
        return obj
    return Variable(as_array(obj))


def as_array(x: Any) -> np.ndarray:
    """Turn numbers and NumPy scalars into 0-d arrays; leave ndarrays alone.

    NumPy returns ``np.float64`` (not an ndarray) from operations on 0-d arrays, and
    Python code passes plain floats; both are made ndarrays here so Variable can hold
    them.
    """
    if isinstance(x, np.ndarray):
        return x
    if isinstance(x, (float, int, complex, np.generic)):
        return np.array(x)
    if isinstance(x, Variable):
        raise TypeError("as_array got a Variable; use its .data")
    raise TypeError(f"expected a number, numpy.ndarray or Variable, got {type(x).__name__}")


# =============================================================================
# Function
# =============================================================================


class Function:
    """One recorded operation. Subclasses write ``forward`` and ``backward``.

    ``forward(*xs)`` receives plain ndarrays and returns one ndarray or a tuple of them.
    ``backward(*gys)`` receives the gradients of the outputs (Variables) and returns the
    gradients of the inputs (a Variable, or a tuple with one per input). Because
    ``backward`` is written with Variables and operators, it can itself be recorded:
    that is how second derivatives work.

    The class attributes below are what the tutor shows about an operation; the engine
    never reads them, and a Function that sets none (the book's own classes) works
    all the same: the tutor then labels it with its class name.

    ``symbol``
        The label of its box in the graph (``"sin"``, ``"×"``); ``{c}`` stands for the
        constant the function was built with (``"×{c}"`` shows as ``×2``).
    ``forward_rule``, ``backward_rules``
        What it computes, ``"y = sin(x)"``, and one local rule per input,
        ``("gx = gy · cos(x)",)``, written with ``gy`` (the gradient arriving), ``x``
        or ``x0, x1`` (the inputs), ``y`` (the output) and ``c``: the tutor's
        step-through puts the numbers in place of these names.
    ``kink``
        For a function with a corner at 0, where it has no derivative: the
        subgradient its ``backward`` uses there (``"0"`` for relu).
    ``formula_name``
        The name a learner types in a formula, for a one-argument function:
        ``"sin"`` makes ``sin(x)`` build ``Sin()(x)``.
    """

    symbol: str | None = None
    forward_rule: str | None = None
    backward_rules: tuple[str, ...] = ()
    kink: str | None = None
    formula_name: str | None = None

    # No per-instance __dict__ for the engine's own functions (each of them lists its
    # extra attributes in __slots__): a graph has one Function per node, so this saves
    # memory and garbage-collector work. Your own subclasses need not bother.
    __slots__ = ("generation", "inputs", "outputs", "__weakref__")

    def __call__(self, *inputs: Any) -> Any:
        # Every input becomes a Variable, and the function's generation is that of its
        # newest input. One and two inputs are nearly every node; writing them out
        # without comprehensions makes recording a node about 1.4 times as fast
        # (benchmarks/bench_engine.py, W1 forward).
        if len(inputs) == 1:
            (x0,) = inputs
            if not isinstance(x0, Variable):
                x0 = as_variable(x0)
            inputs = [x0]
            xs = (x0.data,)
            generation = x0.generation
        elif len(inputs) == 2:
            x0, x1 = inputs
            if not isinstance(x0, Variable):
                x0 = as_variable(x0)
            if not isinstance(x1, Variable):
                x1 = as_variable(x1)
            inputs = [x0, x1]
            xs = (x0.data, x1.data)
            generation = x0.generation if x0.generation > x1.generation else x1.generation
        else:
            inputs = [x if isinstance(x, Variable) else as_variable(x) for x in inputs]
            xs = tuple([x.data for x in inputs])
            generation = max([x.generation for x in inputs], default=0)
        try:
            ys = self.forward(*xs)
        except (TypeError, AttributeError):  # NumPy's message would not say why
            if any(x is None for x in xs):
                raise TypeError(
                    f"{type(self).__name__} got a Variable whose data is None; "
                    "give it a value first"
                ) from None
            raise
        if isinstance(ys, tuple):
            outputs = [Variable(as_array(y)) for y in ys]
        else:
            # NumPy gives np.float64 for 0-d arrays and Variable wants an ndarray.
            # Calling np.asarray here rather than as_array makes recording a scalar
            # node about a tenth faster (W1 forward).
            outputs = [Variable(ys if isinstance(ys, np.ndarray) else np.asarray(ys))]

        if Config.enable_backprop:
            self.generation = generation
            self.inputs = inputs
            # Variable -> creator -> outputs -> Variable would be a cycle. Holding the
            # outputs weakly breaks it, so a graph is freed by reference counting as
            # soon as nothing uses it (book step 17; the teaching switch brings the
            # cycle back).
            ref = weakref.ref if Config.weak_outputs else _StrongRef
            self.outputs = []
            for output in outputs:
                output.set_creator(self)
                self.outputs.append(ref(output))

        return outputs if len(outputs) > 1 else outputs[0]

    def forward(self, *xs: np.ndarray) -> Any:
        raise NotImplementedError(f"{type(self).__name__}.forward")

    def backward(self, *gys: Variable) -> Any:
        raise NotImplementedError(f"{type(self).__name__}.backward")


class _StrongRef:
    """Callable like a weak reference, but keeps its object alive (teaching switch)."""

    __slots__ = ("obj",)

    def __init__(self, obj: Variable) -> None:
        self.obj = obj

    def __call__(self) -> Variable:
        return self.obj
