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

    The switches below exist for the tutor's lessons: each one brings back a bug or a
    limit that the book fixes, so a learner can *see* why the fix is needed. Each is read in
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
    ``grads_as_variables``
        Book step 32. When False, ``backward`` leaves plain ndarrays in ``grad``, as the
        book's ``core_simple`` does (steps 1-31): ``x.data -= lr * x.grad`` then works,
        and ``create_graph`` cannot (see ``backward_with_array_grads``).
    """

    enable_backprop = True
    accumulate_grad = True
    order_by_generation = True
    weak_outputs = True
    grads_as_variables = True


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
    # a graph has one per node. The array lives in ``_data``; ``data`` (below) checks
    # what is assigned to it.
    __slots__ = ("_data", "name", "grad", "creator", "generation", "__weakref__")

    def __init__(self, data: np.ndarray | None, name: str | None = None) -> None:
        if data is not None and not isinstance(data, np.ndarray):
            raise TypeError(
                f"Variable expects a numpy.ndarray (or None), got {type(data).__name__}; "
                f"wrap numbers with np.array(...), e.g. Variable(np.array(1.0))"
            )
        self._data = data
        self.name = name
        self.grad: Variable | None = None
        self.creator: Function | None = None
        self.generation = 0

    @property
    def data(self) -> np.ndarray | None:
        """The value, an ndarray (or None). Assigning anything else raises TypeError
        (a NumPy scalar such as ``np.float64(2.0)`` is kept as a 0-d array)."""
        return self._data

    @data.setter
    def data(self, value: np.ndarray | None) -> None:
        # ``x.data -= lr * x.grad`` (the book's steps 28-29, written when grads were
        # arrays) would otherwise put a Variable here and fail much later. A NumPy
        # scalar, what arithmetic on 0-d arrays gives, becomes a 0-d array.
        if isinstance(value, np.generic):
            value = np.asarray(value)
        elif value is not None and not isinstance(value, np.ndarray):
            hint = (
                "; x.grad is a Variable too: use its array, e.g. x.data -= lr * x.grad.data"
                if isinstance(value, Variable)
                else "; wrap numbers with np.array(...)"
            )
            raise TypeError(
                f"Variable.data must be a numpy.ndarray (or None), got {type(value).__name__}{hint}"
            )
        self._data = value

    # -- looking like an ndarray ------------------------------------------------
    # The engine reads ``_data`` directly where it runs once per node: going through
    # the ``data`` property costs about 50 ns a read, a twentieth of a whole node.

    @property
    def shape(self) -> tuple[int, ...]:
        return self._data.shape

    @property
    def ndim(self) -> int:
        return self._data.ndim

    @property
    def size(self) -> int:
        return self._data.size

    @property
    def dtype(self) -> np.dtype:
        return self._data.dtype

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        if self._data is None:
            return "variable(None)"
        # Continuation lines of a multi-line array line up under the first one:
        # 'variable(' is 9 characters wide.
        p = str(self._data).replace("\n", "\n" + " " * 9)
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
        if self._data is None:  # np.ones_like(None) would make a grad of dtype object
            raise TypeError(
                "backward() got a Variable whose data is None; give it a value first, "
                "e.g. x.data = np.array(1.0)"
            )
        if not Config.grads_as_variables:
            return backward_with_array_grads(self, retain_grad, create_graph, tracer)
        if self.grad is None:
            self.grad = Variable(np.ones_like(self._data))
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
                    if gx is None:  # an input that takes no gradient (labels, indices)
                        continue
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


class Parameter(Variable):
    """A Variable that a Layer learns (book step 44): its weights W and biases b.

    It behaves exactly like a Variable; ``Layer.params()`` finds a layer's parameters
    by this type.
    """

    __slots__ = ()


# =============================================================================
# the order of backward: which function's turn it is
# =============================================================================


class GenerationQueue:
    """Functions waiting for their turn in backward, highest generation first (step 16).

    A function then runs only after every function that uses its outputs has passed
    its gradient down. Of equal generations the one added last leaves first, as from
    the book's sorted list (``funcs.sort(key=generation)``, then ``funcs.pop()``), so
    gradients add up in the book's order, to the last digit. The book sorts the whole
    list on every insertion, which is quadratic on wide graphs. Here every generation
    has a stack of its own, kept in a list indexed by generation: a function's inputs
    come from lower generations, so the highest one waiting only ever steps down, and
    adding or taking a function costs O(1).
    """

    keeps_every_grad = False

    def __init__(self) -> None:
        self._stacks: list[list[Function] | None] = []  # by generation
        self._top = -1  # no generation above this one has a function waiting
        self._seen: set[Function] = set()

    def add(self, f: Function) -> None:
        if f in self._seen:
            return
        self._seen.add(f)
        g = f.generation
        stacks = self._stacks
        if g >= len(stacks):
            stacks.extend([None] * (g + 1 - len(stacks)))
        stack = stacks[g]
        if stack is None:
            stacks[g] = [f]
        else:
            stack.append(f)
        if g > self._top:  # the first function, or one added from outside backward
            self._top = g

    def __iter__(self) -> Iterator[Function]:
        """Take functions out, next first, until none is left (``add`` may come between)."""
        stacks = self._stacks
        while self._top >= 0:
            stack = stacks[self._top]
            if stack:
                yield stack.pop()
            else:
                self._top -= 1

    def pending(self) -> list[Function]:
        """The functions still waiting, next first (for a tracer)."""
        stacks = self._stacks
        return [f for g in range(self._top, -1, -1) if stacks[g] for f in reversed(stacks[g])]


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
    return Variable(as_array(grad._data + gx._data))


def last_grad_wins(grad: Variable, gx: Variable) -> Variable:
    """Teaching switch: the book before step 14. ``add(x, x)`` then gives 1, not 2."""
    return gx


def backward_with_array_grads(
    y: Variable, retain_grad: bool, create_graph: bool, tracer: BackwardTracer | None
) -> None:
    """Teaching switch: the book before step 32, where every ``grad`` is an ndarray.

    The same backward runs with Variables; ndarrays found in ``grad`` beforehand (a
    gradient kept from an earlier call, a seed you set) are wrapped first, and every
    gradient is unwrapped after. A recorded backward pass (``create_graph``) would be
    lost in the unwrapping, which is why the book made grads Variables.
    """
    if create_graph:
        raise ValueError(
            "create_graph needs gradients that are Variables (book step 32); "
            "Config.grads_as_variables is False"
        )
    variables = variables_of(y)
    for v in variables:
        if isinstance(v.grad, np.ndarray):
            v.grad = Variable(v.grad)
    with using_config("grads_as_variables", True):
        y.backward(retain_grad, tracer=tracer)
    for v in variables:
        if isinstance(v.grad, Variable):
            v.grad = v.grad._data


def variables_of(y: Variable) -> list[Variable]:
    """Every Variable of the graph that ``y`` was computed from, ``y`` first."""
    found, seen, funcs = [y], {id(y)}, [y.creator]
    visited = set()
    while funcs:
        f = funcs.pop()
        if f is None or f in visited:
            continue
        visited.add(f)
        for x in f.inputs + [ref() for ref in f.outputs]:
            if x is not None and id(x) not in seen:
                seen.add(id(x))
                found.append(x)
                funcs.append(x.creator)
    return found


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


# =============================================================================
# observers of Function calls: forward mode and operation counts
# =============================================================================


class CallObserver:
    """Told about every Function call while it is in ``call_observers``.

    ``on_call(f, inputs, outputs)`` runs right after ``f.forward``, with ``f``'s input
    and output Variables (lists). Forward mode (engine/forward.py) computes tangents
    here, and ``count_ops`` counts; add and remove observers with ``observing``.
    """

    def on_call(self, f: Function, inputs: list[Variable], outputs: list[Variable]) -> None:
        pass


# Empty in normal use, so a call pays one truth test for this.
call_observers: list[CallObserver] = []


@contextlib.contextmanager
def observing(observer: CallObserver) -> Iterator[CallObserver]:
    """Tell ``observer`` about every Function call inside a ``with`` block."""
    call_observers.append(observer)
    try:
        yield observer
    finally:
        call_observers.remove(observer)


class OpCount(CallObserver):
    """How many Functions were evaluated: ``total``, and ``by_op`` per class name.

    Every call counts, recorded or not: those of a forward pass, those that a
    ``backward`` makes (``Sin.backward`` calls ``cos`` and ``mul``), and the tangent
    rules of forward mode. Gradients added up without ``create_graph`` are added as
    arrays, with no Function, and are not counted.
    """

    def __init__(self) -> None:
        self.total = 0
        self.by_op: dict[str, int] = {}

    def on_call(self, f: Function, inputs: list[Variable], outputs: list[Variable]) -> None:
        self.total += 1
        name = type(f).__name__
        self.by_op[name] = self.by_op.get(name, 0) + 1

    def __repr__(self) -> str:
        return f"OpCount(total={self.total}, by_op={self.by_op})"


def count_ops() -> contextlib.AbstractContextManager[OpCount]:
    """``with count_ops() as ops: y.backward()`` leaves the number of Function
    evaluations inside the block in ``ops.total`` (and per op in ``ops.by_op``)."""
    return observing(OpCount())


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
    ``tangent_rule``
        Its forward-mode rule (``jvp``), ``"ẏ = cos(x) · ẋ"``, in the names of the
        forward rule plus ``ẋ`` or ``ẋ0, ẋ1`` (the tangents arriving) and ``ẏ``.
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
    tangent_rule: str | None = None
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
            xs = (x0._data,)
            generation = x0.generation
        elif len(inputs) == 2:
            x0, x1 = inputs
            if not isinstance(x0, Variable):
                x0 = as_variable(x0)
            if not isinstance(x1, Variable):
                x1 = as_variable(x1)
            inputs = [x0, x1]
            xs = (x0._data, x1._data)
            generation = x0.generation if x0.generation > x1.generation else x1.generation
        else:
            inputs = [x if isinstance(x, Variable) else as_variable(x) for x in inputs]
            xs = tuple([x._data for x in inputs])
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

        if call_observers:  # forward mode and operation counts (see CallObserver)
            for observer in call_observers:
                observer.on_call(self, inputs, outputs)

        return outputs if len(outputs) > 1 else outputs[0]

    def forward(self, *xs: np.ndarray) -> Any:
        raise NotImplementedError(f"{type(self).__name__}.forward")

    def backward(self, *gys: Variable) -> Any:
        raise NotImplementedError(f"{type(self).__name__}.backward")

    def jvp(self, *xdots: Variable) -> Any:
        """Forward mode: the tangent of the output from the tangents of the inputs.

        ``xdots`` has one tangent (a Variable with its input's shape) per input; the
        result is the output's tangent, ``ẏ = Σ ∂y/∂xᵢ · ẋᵢ``. Like ``backward`` it reads
        ``self.inputs`` and ``self.outputs``. See engine/forward.py.
        """
        raise NotImplementedError(f"{type(self).__name__}.jvp (no tangent rule for forward mode)")


class _StrongRef:
    """Callable like a weak reference, but keeps its object alive (teaching switch)."""

    __slots__ = ("obj",)

    def __init__(self, obj: Variable) -> None:
        self.obj = obj

    def __call__(self) -> Variable:
        return self.obj
