"""Every operation the engine knows: a Function subclass plus a lowercase wrapper.

Each class writes ``forward`` with plain ndarrays and ``backward`` with Variables (``gy``
in, ``gx`` out). Writing backward with Variables is what makes higher derivatives work:
with ``create_graph=True`` the backward pass is itself recorded and can be
differentiated again.

Binary operations broadcast like NumPy (a scalar with a 2,000-point vector). Their
backward sums the gradient back down to each input's shape with ``sum_to``, so a scalar
input always gets a scalar gradient.

Each class also says what the tutor shows about it (``symbol``, ``forward_rule``,
``backward_rules``, ``kink``, ``formula_name``; see ``Function``), so a new operation is
one class, one wrapper and one test case (the recipe is in engine/README.md).

The operators of Variable (``+ - * / **``, unary ``-``) are attached at the bottom of
this file, in one place.
"""

from __future__ import annotations

import numpy as np

from engine.core import Function, Variable, as_variable

# =============================================================================
# shape helpers on plain ndarrays
# =============================================================================


def _sum_to_array(x: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    """Sum ``x`` over the axes that broadcasting added or stretched, down to ``shape``."""
    ndim = len(shape)
    lead = x.ndim - ndim
    lead_axes = tuple(range(lead))
    stretched = tuple(i + lead for i, size in enumerate(shape) if size == 1)
    y = x.sum(lead_axes + stretched, keepdims=True)
    if lead > 0:
        y = y.squeeze(lead_axes)
    return y


def _reshape_for_broadcast(gy: Variable, x_shape: tuple, axis, keepdims: bool) -> Variable:
    """Put back the axes that ``sum(axis)`` removed, so ``gy`` broadcasts to ``x_shape``."""
    ndim = len(x_shape)
    if axis is None:
        axes = None
    elif not isinstance(axis, tuple):
        axes = (axis,)
    else:
        axes = axis
    if not (ndim == 0 or axes is None or keepdims):
        actual_axes = sorted(a if a >= 0 else a + ndim for a in axes)
        shape = list(gy.shape)
        for a in actual_axes:
            shape.insert(a, 1)
        return reshape(gy, tuple(shape))
    return gy


def _unbroadcast(gx0: Variable, gx1: Variable, f: Function) -> tuple[Variable, Variable]:
    """Bring the gradients of a broadcasting binary op back to its inputs' shapes.

    If the forward pass broadcast a scalar over a vector, the scalar's gradient is the
    sum of the vector's gradients: every element used it once.
    """
    x0_shape = f.inputs[0].data.shape
    x1_shape = f.inputs[1].data.shape
    if x0_shape != x1_shape:
        if gx0.data.shape != x0_shape:
            gx0 = sum_to(gx0, x0_shape)
        if gx1.data.shape != x1_shape:
            gx1 = sum_to(gx1, x1_shape)
    return gx0, gx1


# =============================================================================
# basic functions: arithmetic
# =============================================================================


# Plain Python and NumPy numbers (not arrays, not Variables). ``x * 2.0`` keeps the
# 2.0 as an attribute of a MulConst instead of wrapping it in a Variable.
NUMBER_TYPES = (int, float, np.integer, np.floating)


class Add(Function):
    __slots__ = ()
    symbol = "+"
    forward_rule = "y = x0 + x1"
    backward_rules = ("gx0 = gy", "gx1 = gy")

    def forward(self, x0, x1):
        return x0 + x1

    def backward(self, gy):
        return _unbroadcast(gy, gy, self)


def add(x0, x1) -> Variable:
    if isinstance(x1, NUMBER_TYPES):
        return AddConst(x1)(x0)
    if isinstance(x0, NUMBER_TYPES):
        return AddConst(x0)(x1)
    return Add()(x0, x1)


class AddConst(Function):
    """``x + c`` for a plain number ``c``, kept as an attribute like Pow's exponent.

    A number you typed needs no Variable of its own and no gradient, so this is
    cheaper to record and to run backward than ``Add`` with a wrapped constant.
    """

    __slots__ = ("c",)
    symbol = "+{c}"
    forward_rule = "y = x + c"
    backward_rules = ("gx = gy",)

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x + self.c

    def backward(self, gy):
        return gy


class Mul(Function):
    __slots__ = ()
    symbol = "×"
    forward_rule = "y = x0 · x1"
    backward_rules = ("gx0 = gy · x1", "gx1 = gy · x0")

    def forward(self, x0, x1):
        return x0 * x1

    def backward(self, gy):
        x0, x1 = self.inputs
        return _unbroadcast(gy * x1, gy * x0, self)


def mul(x0, x1) -> Variable:
    if isinstance(x1, NUMBER_TYPES):
        return MulConst(x1)(x0)
    if isinstance(x0, NUMBER_TYPES):
        return MulConst(x0)(x1)
    return Mul()(x0, x1)


class MulConst(Function):
    """``x * c`` for a plain number ``c`` (see AddConst): d/dx (c·x) = c."""

    __slots__ = ("c",)
    symbol = "×{c}"
    forward_rule = "y = c · x"
    backward_rules = ("gx = gy · c",)

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x * self.c

    def backward(self, gy):
        return gy * self.c


class Neg(Function):
    __slots__ = ()
    symbol = "−x"
    forward_rule = "y = −x"
    backward_rules = ("gx = −gy",)

    def forward(self, x):
        return -x

    def backward(self, gy):
        return -gy


def neg(x) -> Variable:
    return Neg()(x)


class Sub(Function):
    __slots__ = ()
    symbol = "−"
    forward_rule = "y = x0 − x1"
    backward_rules = ("gx0 = gy", "gx1 = −gy")

    def forward(self, x0, x1):
        return x0 - x1

    def backward(self, gy):
        return _unbroadcast(gy, -gy, self)


def sub(x0, x1) -> Variable:
    return Sub()(x0, x1)


def rsub(x0, x1) -> Variable:
    """``x1 - x0``: Python calls ``x0.__rsub__(x1)`` for ``2.0 - x``."""
    return Sub()(x1, x0)


class Div(Function):
    __slots__ = ()
    symbol = "÷"
    forward_rule = "y = x0 / x1"
    backward_rules = ("gx0 = gy / x1", "gx1 = gy · (−x0 / x1²)")

    def forward(self, x0, x1):
        return x0 / x1

    def backward(self, gy):
        x0, x1 = self.inputs
        y = self.outputs[0]()
        gx0 = gy / x1
        gx1 = gx0 * -y  # d(x0/x1)/dx1 = -x0/x1**2 = -(x0/x1) / x1: reuse y and gx0
        return _unbroadcast(gx0, gx1, self)


def div(x0, x1) -> Variable:
    if isinstance(x1, NUMBER_TYPES):
        return DivConst(x1)(x0)
    return Div()(x0, x1)


class DivConst(Function):
    """``x / c`` for a plain number ``c`` (see AddConst): d/dx (x/c) = 1/c."""

    __slots__ = ("c",)
    symbol = "÷{c}"
    forward_rule = "y = x / c"
    backward_rules = ("gx = gy / c",)

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x / self.c

    def backward(self, gy):
        return gy / self.c


def rdiv(x0, x1) -> Variable:
    """``x1 / x0``: Python calls ``x0.__rtruediv__(x1)`` for ``1.0 / x``."""
    return Div()(x1, x0)


class Pow(Function):
    """``x ** c`` for a constant exponent ``c`` (a number): the book's step 20."""

    __slots__ = ("c",)
    symbol = "x^{c}"
    forward_rule = "y = x^c"
    backward_rules = ("gx = c · x^(c−1) · gy",)

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x**self.c

    def backward(self, gy):
        (x,) = self.inputs
        c = self.c
        if np.ndim(c) == 0:
            if c == 0:
                return gy * 0.0  # x**0 is the constant 1 (and 0 * x**-1 is nan at 0)
            x_c1 = x if c == 2 else x ** (c - 1)  # x**1 is x: one op fewer for squares
            gx = c * x_c1 * gy
        else:  # an array of exponents: the same rule, element by element
            gx = c * x ** np.where(c == 0, 0.0, c - 1) * gy
        if gx.shape != x.shape:  # an array of exponents broadcast a scalar x
            gx = sum_to(gx, x.shape)
        return gx


class PowVar(Function):
    """``x ** y`` where the exponent is itself a Variable: d/dy x**y = x**y * ln(x)."""

    __slots__ = ()
    symbol = "^"
    forward_rule = "y = x0^x1"
    backward_rules = ("gx0 = gy · x1 · x0^(x1−1)", "gx1 = gy · y · log(x0)")

    def forward(self, x0, x1):
        return x0**x1

    def backward(self, gy):
        x0, x1 = self.inputs
        y = self.outputs[0]()
        # Two places where the rules read 0 · ∞ but the limit is 0 (PyTorch agrees):
        # x1 · x0^(x1−1) where x1 = 0 (x0^0 is the constant 1), and y · log(x0) at
        # x0 = 0 where x1 >= 0 (0^x1 stays 0, or 1, while x1 moves). There a harmless
        # exponent or base stands in (x0^0, log 1), and a constant mask makes the
        # gradient 0 and keeps its own derivatives 0 as well.
        exponent_zero = x1.data == 0
        if exponent_zero.any():
            gx0 = gy * x1 * x0 ** (x1 - 1.0 + exponent_zero) * ~exponent_zero
        else:
            gx0 = gy * x1 * x0 ** (x1 - 1.0)
        base_zero = (x0.data == 0) & (x1.data >= 0)
        if base_zero.any():
            gx1 = gy * y * log(x0 + base_zero) * ~base_zero
        else:
            gx1 = gy * y * log(x0)
        return _unbroadcast(gx0, gx1, self)


def pow(x, c) -> Variable:  # noqa: A001 - the book's name, shadowing builtins.pow here only
    """``x ** c``. A number ``c`` uses the constant-power rule (no log of the base
    appears in the gradient); a Variable ``c`` uses the general rule."""
    if isinstance(c, Variable):
        return PowVar()(x, c)
    return Pow(c)(x)


def rpow(x, c) -> Variable:
    """``c ** x``: Python calls ``x.__rpow__(c)`` for ``2.0 ** x``."""
    return PowVar()(c, x)


class Square(Function):
    __slots__ = ()
    symbol = "x²"
    forward_rule = "y = x²"
    backward_rules = ("gx = 2 · x · gy",)
    formula_name = "square"

    def forward(self, x):
        return x**2

    def backward(self, gy):
        (x,) = self.inputs
        return 2.0 * x * gy


def square(x) -> Variable:
    return Square()(x)


# =============================================================================
# basic functions: elementary
# =============================================================================


class Exp(Function):
    __slots__ = ()
    symbol = "exp"
    forward_rule = "y = exp(x)"
    backward_rules = ("gx = gy · y",)
    formula_name = "exp"

    def forward(self, x):
        return np.exp(x)

    def backward(self, gy):
        y = self.outputs[0]()  # exp' = exp: reuse the output instead of recomputing
        return gy * y


def exp(x) -> Variable:
    return Exp()(x)


class Log(Function):
    __slots__ = ()
    symbol = "log"
    forward_rule = "y = log(x)"
    backward_rules = ("gx = gy / x",)
    formula_name = "log"

    def forward(self, x):
        return np.log(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy / x


def log(x) -> Variable:
    return Log()(x)


class Sin(Function):
    __slots__ = ()
    symbol = "sin"
    forward_rule = "y = sin(x)"
    backward_rules = ("gx = gy · cos(x)",)
    formula_name = "sin"

    def forward(self, x):
        return np.sin(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * cos(x)


def sin(x) -> Variable:
    return Sin()(x)


class Cos(Function):
    __slots__ = ()
    symbol = "cos"
    forward_rule = "y = cos(x)"
    backward_rules = ("gx = gy · (−sin(x))",)
    formula_name = "cos"

    def forward(self, x):
        return np.cos(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * -sin(x)


def cos(x) -> Variable:
    return Cos()(x)


class Tan(Function):
    __slots__ = ()
    symbol = "tan"
    forward_rule = "y = tan(x)"
    backward_rules = ("gx = gy · (1 + y²)",)
    formula_name = "tan"

    def forward(self, x):
        return np.tan(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * (1.0 + y * y)  # tan' = 1 + tan^2


def tan(x) -> Variable:
    return Tan()(x)


class Tanh(Function):
    __slots__ = ()
    symbol = "tanh"
    forward_rule = "y = tanh(x)"
    backward_rules = ("gx = gy · (1 − y²)",)
    formula_name = "tanh"

    def forward(self, x):
        return np.tanh(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * (1.0 - y * y)  # tanh' = 1 - tanh^2


def tanh(x) -> Variable:
    return Tanh()(x)


class Sqrt(Function):
    __slots__ = ()
    symbol = "√"
    forward_rule = "y = √x"
    backward_rules = ("gx = gy / (2 · y)",)
    formula_name = "sqrt"

    def forward(self, x):
        return np.sqrt(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy / (2.0 * y)  # (sqrt x)' = 1 / (2 sqrt x)


def sqrt(x) -> Variable:
    return Sqrt()(x)


class Sigmoid(Function):
    __slots__ = ()
    symbol = "σ"
    forward_rule = "y = σ(x)"
    backward_rules = ("gx = gy · y · (1 − y)",)
    formula_name = "sigmoid"

    def forward(self, x):
        # 0.5 * tanh(x/2) + 0.5 equals 1 / (1 + exp(-x)) but never overflows.
        return 0.5 * np.tanh(0.5 * x) + 0.5

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * y * (1.0 - y)


def sigmoid(x) -> Variable:
    return Sigmoid()(x)


class ReLU(Function):
    """max(x, 0). At x = 0 the derivative is undefined; the subgradient 0 is used."""

    __slots__ = ()
    symbol = "relu"
    forward_rule = "y = max(x, 0)"
    backward_rules = ("gx = gy · [x > 0]",)
    kink = "0"
    formula_name = "relu"

    def forward(self, x):
        return np.maximum(x, 0.0)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * (x.data > 0)  # the mask is a constant: no gradient flows into it


def relu(x) -> Variable:
    return ReLU()(x)


class Abs(Function):
    """|x|. At x = 0 the derivative is undefined; the subgradient sign(0) = 0 is used."""

    __slots__ = ()
    symbol = "|x|"
    forward_rule = "y = |x|"
    backward_rules = ("gx = gy · sign(x)",)
    kink = "sign(0) = 0"
    formula_name = "abs"

    def forward(self, x):
        return np.abs(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * np.sign(x.data)


def abs(x) -> Variable:  # noqa: A001 - the expression language calls it abs
    return Abs()(x)


# =============================================================================
# tensor functions: shapes and sums
# =============================================================================


class Reshape(Function):
    __slots__ = ("shape", "x_shape")
    symbol = "reshape"
    forward_rule = "y = reshape(x)"
    backward_rules = ("gx = reshape(gy, x.shape)",)

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape

    def forward(self, x):
        self.x_shape = x.shape
        return x.reshape(self.shape)

    def backward(self, gy):
        return reshape(gy, self.x_shape)


def reshape(x, shape: tuple[int, ...]) -> Variable:
    x = as_variable(x)
    if x.data is not None and x.shape == tuple(shape):
        return x  # nothing to do, and nothing to record
    return Reshape(tuple(shape))(x)


class Sum(Function):
    __slots__ = ("axis", "keepdims", "x_shape")
    symbol = "Σ"
    forward_rule = "y = sum(x)"
    backward_rules = ("gx = broadcast_to(gy, x.shape)",)

    def __init__(self, axis=None, keepdims: bool = False) -> None:
        self.axis = axis
        self.keepdims = keepdims

    def forward(self, x):
        self.x_shape = x.shape
        return x.sum(axis=self.axis, keepdims=self.keepdims)

    def backward(self, gy):
        gy = _reshape_for_broadcast(gy, self.x_shape, self.axis, self.keepdims)
        return broadcast_to(gy, self.x_shape)


def sum(x, axis=None, keepdims: bool = False) -> Variable:  # noqa: A001
    return Sum(axis, keepdims)(x)


class BroadcastTo(Function):
    __slots__ = ("shape", "x_shape")
    symbol = "broadcast"
    forward_rule = "y = broadcast_to(x)"
    backward_rules = ("gx = sum_to(gy, x.shape)",)

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape

    def forward(self, x):
        self.x_shape = x.shape
        return np.broadcast_to(x, self.shape)

    def backward(self, gy):
        return sum_to(gy, self.x_shape)


def broadcast_to(x, shape: tuple[int, ...]) -> Variable:
    x = as_variable(x)
    if x.data is not None and x.shape == tuple(shape):
        return x  # nothing to do, and nothing to record
    return BroadcastTo(tuple(shape))(x)


class SumTo(Function):
    __slots__ = ("shape", "x_shape")
    symbol = "sum_to"
    forward_rule = "y = sum_to(x)"
    backward_rules = ("gx = broadcast_to(gy, x.shape)",)

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape

    def forward(self, x):
        self.x_shape = x.shape
        return _sum_to_array(x, self.shape)

    def backward(self, gy):
        return broadcast_to(gy, self.x_shape)


def sum_to(x, shape: tuple[int, ...]) -> Variable:
    x = as_variable(x)
    if x.data is not None and x.shape == tuple(shape):
        return x  # nothing to do, and nothing to record
    return SumTo(tuple(shape))(x)


# =============================================================================
# operators on Variable (attached in this one place)
# =============================================================================


def _install_operators() -> None:
    Variable.__add__ = add
    Variable.__radd__ = add
    Variable.__mul__ = mul
    Variable.__rmul__ = mul
    Variable.__neg__ = neg
    Variable.__pos__ = lambda self: self
    Variable.__sub__ = sub
    Variable.__rsub__ = rsub
    Variable.__truediv__ = div
    Variable.__rtruediv__ = rdiv
    Variable.__pow__ = pow
    Variable.__rpow__ = rpow


_install_operators()
