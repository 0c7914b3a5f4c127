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
    # _data rather than the data property: this runs for every binary op (see Variable).
    x0_shape = f.inputs[0]._data.shape
    x1_shape = f.inputs[1]._data.shape
    if x0_shape != x1_shape:
        if gx0._data.shape != x0_shape:
            gx0 = sum_to(gx0, x0_shape)
        if gx1._data.shape != x1_shape:
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
    tangent_rule = "ẏ = ẋ0 + ẋ1"

    def forward(self, x0, x1):
        return x0 + x1

    def backward(self, gy):
        return _unbroadcast(gy, gy, self)

    def jvp(self, x0dot, x1dot):
        return x0dot + x1dot


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
    tangent_rule = "ẏ = ẋ"

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x + self.c

    def backward(self, gy):
        return gy

    def jvp(self, xdot):
        return xdot


class Mul(Function):
    __slots__ = ()
    symbol = "×"
    forward_rule = "y = x0 · x1"
    backward_rules = ("gx0 = gy · x1", "gx1 = gy · x0")
    tangent_rule = "ẏ = ẋ0 · x1 + x0 · ẋ1"

    def forward(self, x0, x1):
        return x0 * x1

    def backward(self, gy):
        x0, x1 = self.inputs
        return _unbroadcast(gy * x1, gy * x0, self)

    def jvp(self, x0dot, x1dot):
        x0, x1 = self.inputs
        return x0dot * x1 + x0 * x1dot


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
    tangent_rule = "ẏ = c · ẋ"

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x * self.c

    def backward(self, gy):
        return gy * self.c

    def jvp(self, xdot):
        return xdot * self.c


class Neg(Function):
    __slots__ = ()
    symbol = "−x"
    forward_rule = "y = −x"
    backward_rules = ("gx = −gy",)
    tangent_rule = "ẏ = −ẋ"

    def forward(self, x):
        return -x

    def backward(self, gy):
        return -gy

    def jvp(self, xdot):
        return -xdot


def neg(x) -> Variable:
    return Neg()(x)


class Sub(Function):
    __slots__ = ()
    symbol = "−"
    forward_rule = "y = x0 − x1"
    backward_rules = ("gx0 = gy", "gx1 = −gy")
    tangent_rule = "ẏ = ẋ0 − ẋ1"

    def forward(self, x0, x1):
        return x0 - x1

    def backward(self, gy):
        return _unbroadcast(gy, -gy, self)

    def jvp(self, x0dot, x1dot):
        return x0dot - x1dot


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
    tangent_rule = "ẏ = (ẋ0 − y · ẋ1) / x1"

    def forward(self, x0, x1):
        return x0 / x1

    def backward(self, gy):
        x0, x1 = self.inputs
        y = self.outputs[0]()
        gx0 = gy / x1
        gx1 = gx0 * -y  # d(x0/x1)/dx1 = -x0/x1**2 = -(x0/x1) / x1: reuse y and gx0
        return _unbroadcast(gx0, gx1, self)

    def jvp(self, x0dot, x1dot):
        (_, x1) = self.inputs
        y = self.outputs[0]()
        return (x0dot - y * x1dot) / x1  # the quotient rule, with x0/x1 = y reused


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
    tangent_rule = "ẏ = ẋ / c"

    def __init__(self, c: float) -> None:
        self.c = c

    def forward(self, x):
        return x / self.c

    def backward(self, gy):
        return gy / self.c

    def jvp(self, xdot):
        return xdot / self.c


def rdiv(x0, x1) -> Variable:
    """``x1 / x0``: Python calls ``x0.__rtruediv__(x1)`` for ``1.0 / x``."""
    return Div()(x1, x0)


class Pow(Function):
    """``x ** c`` for a constant exponent ``c`` (a number): the book's step 20."""

    __slots__ = ("c",)
    symbol = "x^{c}"
    forward_rule = "y = x^c"
    backward_rules = ("gx = c · x^(c−1) · gy",)
    tangent_rule = "ẏ = c · x^(c−1) · ẋ"

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

    def jvp(self, xdot):
        (x,) = self.inputs
        c = self.c
        if np.ndim(c) == 0:
            if c == 0:
                return xdot * 0.0  # x**0 is the constant 1
            return c * (x if c == 2 else x ** (c - 1)) * xdot
        return c * x ** np.where(c == 0, 0.0, c - 1) * xdot


class PowVar(Function):
    """``x ** y`` where the exponent is itself a Variable: d/dy x**y = x**y * ln(x)."""

    __slots__ = ()
    symbol = "^"
    forward_rule = "y = x0^x1"
    backward_rules = ("gx0 = gy · x1 · x0^(x1−1)", "gx1 = gy · y · log(x0)")
    tangent_rule = "ẏ = x1 · x0^(x1−1) · ẋ0 + y · log(x0) · ẋ1"

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

    def jvp(self, x0dot, x1dot):
        x0, x1 = self.inputs
        y = self.outputs[0]()
        # A term whose tangent is zero is left out, not multiplied by 0: log(x0) is nan
        # for x0 < 0, where x**y still has a derivative in x.
        moves_base, moves_exponent = np.any(x0dot.data), np.any(x1dot.data)
        if moves_base and moves_exponent:
            return x1 * x0 ** (x1 - 1.0) * x0dot + y * log(x0) * x1dot
        if moves_exponent:
            return y * log(x0) * x1dot
        return x1 * x0 ** (x1 - 1.0) * x0dot


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
    tangent_rule = "ẏ = 2 · x · ẋ"
    formula_name = "square"

    def forward(self, x):
        return x**2

    def backward(self, gy):
        (x,) = self.inputs
        return 2.0 * x * gy

    def jvp(self, xdot):
        (x,) = self.inputs
        return 2.0 * x * xdot


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
    tangent_rule = "ẏ = y · ẋ"
    formula_name = "exp"

    def forward(self, x):
        return np.exp(x)

    def backward(self, gy):
        y = self.outputs[0]()  # exp' = exp: reuse the output instead of recomputing
        return gy * y

    def jvp(self, xdot):
        y = self.outputs[0]()
        return y * xdot


def exp(x) -> Variable:
    return Exp()(x)


class Log(Function):
    __slots__ = ()
    symbol = "log"
    forward_rule = "y = log(x)"
    backward_rules = ("gx = gy / x",)
    tangent_rule = "ẏ = ẋ / x"
    formula_name = "log"

    def forward(self, x):
        return np.log(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy / x

    def jvp(self, xdot):
        (x,) = self.inputs
        return xdot / x


def log(x) -> Variable:
    return Log()(x)


class Sin(Function):
    __slots__ = ()
    symbol = "sin"
    forward_rule = "y = sin(x)"
    backward_rules = ("gx = gy · cos(x)",)
    tangent_rule = "ẏ = cos(x) · ẋ"
    formula_name = "sin"

    def forward(self, x):
        return np.sin(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * cos(x)

    def jvp(self, xdot):
        (x,) = self.inputs
        return cos(x) * xdot


def sin(x) -> Variable:
    return Sin()(x)


class Cos(Function):
    __slots__ = ()
    symbol = "cos"
    forward_rule = "y = cos(x)"
    backward_rules = ("gx = gy · (−sin(x))",)
    tangent_rule = "ẏ = −sin(x) · ẋ"
    formula_name = "cos"

    def forward(self, x):
        return np.cos(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * -sin(x)

    def jvp(self, xdot):
        (x,) = self.inputs
        return -sin(x) * xdot


def cos(x) -> Variable:
    return Cos()(x)


class Tan(Function):
    __slots__ = ()
    symbol = "tan"
    forward_rule = "y = tan(x)"
    backward_rules = ("gx = gy · (1 + y²)",)
    tangent_rule = "ẏ = (1 + y²) · ẋ"
    formula_name = "tan"

    def forward(self, x):
        return np.tan(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * (1.0 + y * y)  # tan' = 1 + tan^2

    def jvp(self, xdot):
        y = self.outputs[0]()
        return (1.0 + y * y) * xdot


def tan(x) -> Variable:
    return Tan()(x)


class Tanh(Function):
    __slots__ = ()
    symbol = "tanh"
    forward_rule = "y = tanh(x)"
    backward_rules = ("gx = gy · (1 − y²)",)
    tangent_rule = "ẏ = (1 − y²) · ẋ"
    formula_name = "tanh"

    def forward(self, x):
        return np.tanh(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * (1.0 - y * y)  # tanh' = 1 - tanh^2

    def jvp(self, xdot):
        y = self.outputs[0]()
        return (1.0 - y * y) * xdot


def tanh(x) -> Variable:
    return Tanh()(x)


class Sqrt(Function):
    __slots__ = ()
    symbol = "√"
    forward_rule = "y = √x"
    backward_rules = ("gx = gy / (2 · y)",)
    tangent_rule = "ẏ = ẋ / (2 · y)"
    formula_name = "sqrt"

    def forward(self, x):
        return np.sqrt(x)

    def backward(self, gy):
        y = self.outputs[0]()
        return gy / (2.0 * y)  # (sqrt x)' = 1 / (2 sqrt x)

    def jvp(self, xdot):
        y = self.outputs[0]()
        return xdot / (2.0 * y)


def sqrt(x) -> Variable:
    return Sqrt()(x)


class Sigmoid(Function):
    __slots__ = ()
    symbol = "σ"
    forward_rule = "y = σ(x)"
    backward_rules = ("gx = gy · y · (1 − y)",)
    tangent_rule = "ẏ = y · (1 − y) · ẋ"
    formula_name = "sigmoid"

    def forward(self, x):
        # 0.5 * tanh(x/2) + 0.5 equals 1 / (1 + exp(-x)) but never overflows.
        return 0.5 * np.tanh(0.5 * x) + 0.5

    def backward(self, gy):
        y = self.outputs[0]()
        return gy * y * (1.0 - y)

    def jvp(self, xdot):
        y = self.outputs[0]()
        return y * (1.0 - y) * xdot


def sigmoid(x) -> Variable:
    return Sigmoid()(x)


class ReLU(Function):
    """max(x, 0). At x = 0 the derivative is undefined; the subgradient 0 is used."""

    __slots__ = ()
    symbol = "relu"
    forward_rule = "y = max(x, 0)"
    backward_rules = ("gx = gy · [x > 0]",)
    tangent_rule = "ẏ = [x > 0] · ẋ"
    kink = "0"
    formula_name = "relu"

    def forward(self, x):
        return np.maximum(x, 0.0)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * (x.data > 0)  # the mask is a constant: no gradient flows into it

    def jvp(self, xdot):
        (x,) = self.inputs
        return xdot * (x.data > 0)


def relu(x) -> Variable:
    return ReLU()(x)


class Abs(Function):
    """|x|. At x = 0 the derivative is undefined; the subgradient sign(0) = 0 is used."""

    __slots__ = ()
    symbol = "|x|"
    forward_rule = "y = |x|"
    backward_rules = ("gx = gy · sign(x)",)
    tangent_rule = "ẏ = sign(x) · ẋ"
    kink = "sign(0) = 0"
    formula_name = "abs"

    def forward(self, x):
        return np.abs(x)

    def backward(self, gy):
        (x,) = self.inputs
        return gy * np.sign(x.data)

    def jvp(self, xdot):
        (x,) = self.inputs
        return xdot * np.sign(x.data)


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
    tangent_rule = "ẏ = reshape(ẋ, y.shape)"

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape

    def forward(self, x):
        self.x_shape = x.shape
        return x.reshape(self.shape)

    def backward(self, gy):
        return reshape(gy, self.x_shape)

    def jvp(self, xdot):
        return reshape(xdot, self.shape)


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
    tangent_rule = "ẏ = sum(ẋ)"

    def __init__(self, axis=None, keepdims: bool = False) -> None:
        self.axis = axis
        self.keepdims = keepdims

    def forward(self, x):
        self.x_shape = x.shape
        return x.sum(axis=self.axis, keepdims=self.keepdims)

    def backward(self, gy):
        gy = _reshape_for_broadcast(gy, self.x_shape, self.axis, self.keepdims)
        return broadcast_to(gy, self.x_shape)

    def jvp(self, xdot):
        return sum(xdot, self.axis, self.keepdims)


def sum(x, axis=None, keepdims: bool = False) -> Variable:  # noqa: A001
    return Sum(axis, keepdims)(x)


class BroadcastTo(Function):
    __slots__ = ("shape", "x_shape")
    symbol = "broadcast"
    forward_rule = "y = broadcast_to(x)"
    backward_rules = ("gx = sum_to(gy, x.shape)",)
    tangent_rule = "ẏ = broadcast_to(ẋ, y.shape)"

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape

    def forward(self, x):
        self.x_shape = x.shape
        return np.broadcast_to(x, self.shape)

    def backward(self, gy):
        return sum_to(gy, self.x_shape)

    def jvp(self, xdot):
        return broadcast_to(xdot, self.shape)


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
    tangent_rule = "ẏ = sum_to(ẋ, y.shape)"

    def __init__(self, shape: tuple[int, ...]) -> None:
        self.shape = shape

    def forward(self, x):
        self.x_shape = x.shape
        return _sum_to_array(x, self.shape)

    def backward(self, gy):
        return broadcast_to(gy, self.x_shape)

    def jvp(self, xdot):
        return sum_to(xdot, self.shape)


def sum_to(x, shape: tuple[int, ...]) -> Variable:
    x = as_variable(x)
    if x.data is not None and x.shape == tuple(shape):
        return x  # nothing to do, and nothing to record
    return SumTo(tuple(shape))(x)


class Transpose(Function):
    """Swap the axes of ``x`` (all of them reversed, or in the order ``axes``)."""

    __slots__ = ("axes",)
    symbol = "ᵀ"
    forward_rule = "y = xᵀ"
    backward_rules = ("gx = gyᵀ",)
    tangent_rule = "ẏ = ẋᵀ"

    def __init__(self, axes: tuple[int, ...] | None = None) -> None:
        self.axes = axes

    def forward(self, x):
        return x.transpose(self.axes)

    def backward(self, gy):
        if self.axes is None:
            return transpose(gy)
        # Undo the permutation: axis axes[i] of x became axis i of y.
        inverse = tuple(np.argsort([a % len(self.axes) for a in self.axes]))
        return transpose(gy, inverse)

    def jvp(self, xdot):
        return transpose(xdot, self.axes)


def transpose(x, axes: tuple[int, ...] | None = None) -> Variable:
    return Transpose(axes)(x)


class GetItem(Function):
    """``x[slices]``: an element, a row, a slice, or fancy indexing (book step 47)."""

    __slots__ = ("slices",)
    symbol = "[ ]"
    forward_rule = "y = x[i]"
    backward_rules = ("gx = add_at(zeros(x.shape), i, gy)",)
    tangent_rule = "ẏ = ẋ[i]"

    def __init__(self, slices) -> None:
        self.slices = slices

    def forward(self, x):
        return x[self.slices]

    def backward(self, gy):
        (x,) = self.inputs
        return GetItemGrad(self.slices, x.shape)(gy)

    def jvp(self, xdot):
        return get_item(xdot, self.slices)


class GetItemGrad(Function):
    """The backward of ``x[slices]``: ``gy`` scattered into zeros of ``x``'s shape.

    An element picked twice (``x[[0, 0]]``) gets both gradients: ``np.add.at`` adds at
    repeated indices where ``gx[slices] += gy`` would keep only one.
    """

    __slots__ = ("slices", "in_shape")
    symbol = "add_at"
    forward_rule = "y = add_at(zeros, i, x)"
    backward_rules = ("gx = gy[i]",)
    tangent_rule = "ẏ = add_at(zeros, i, ẋ)"

    def __init__(self, slices, in_shape: tuple[int, ...]) -> None:
        self.slices = slices
        self.in_shape = in_shape

    def forward(self, gy):
        gx = np.zeros(self.in_shape, dtype=gy.dtype)
        np.add.at(gx, self.slices, gy)
        return gx

    def backward(self, ggx):
        return get_item(ggx, self.slices)

    def jvp(self, xdot):
        return GetItemGrad(self.slices, self.in_shape)(xdot)


def get_item(x, slices) -> Variable:
    return GetItem(slices)(x)


class Max(Function):
    """The largest element (along ``axis``). Where several elements tie for the
    maximum, each of them gets the whole gradient, as in the book."""

    __slots__ = ("axis", "keepdims")
    symbol = "max"
    forward_rule = "y = max(x)"
    backward_rules = ("gx = gy · [x = y]",)
    tangent_rule = "ẏ = sum(ẋ · [x = y])"

    def __init__(self, axis=None, keepdims: bool = False) -> None:
        self.axis = axis
        self.keepdims = keepdims

    def forward(self, x):
        return x.max(axis=self.axis, keepdims=self.keepdims)

    def _where_extreme(self) -> np.ndarray:
        """The mask [x = y], with y put back in x's shape so that the two compare."""
        (x,) = self.inputs
        y = self.outputs[0]()
        return x.data == y.data.reshape(self._kept_shape())

    def _kept_shape(self) -> tuple[int, ...]:
        """The output's shape as if keepdims had been True."""
        (x,) = self.inputs
        if self.axis is None:
            axes = set(range(x.ndim))
        else:
            axes = {int(a) % x.ndim for a in np.atleast_1d(self.axis)}
        return tuple(1 if i in axes else n for i, n in enumerate(x.shape))

    def backward(self, gy):
        (x,) = self.inputs
        gy = broadcast_to(reshape(gy, self._kept_shape()), x.shape)
        return gy * self._where_extreme()

    def jvp(self, xdot):
        return sum(xdot * self._where_extreme(), self.axis, self.keepdims)


class Min(Max):
    """The smallest element (along ``axis``); ties share the gradient as in Max."""

    __slots__ = ()
    symbol = "min"
    forward_rule = "y = min(x)"

    def forward(self, x):
        return x.min(axis=self.axis, keepdims=self.keepdims)


def max(x, axis=None, keepdims: bool = False) -> Variable:  # noqa: A001 - the book's name
    return Max(axis, keepdims)(x)


def min(x, axis=None, keepdims: bool = False) -> Variable:  # noqa: A001 - the book's name
    return Min(axis, keepdims)(x)


# =============================================================================
# tensor functions: matrix products and a neural network's layers
# =============================================================================


class MatMul(Function):
    """The matrix product ``x0 @ x1`` (NumPy's ``dot``), book step 41.

    Its backward transposes: for y = x0 x1 of shapes (N, D) (D, H) -> (N, H), the
    gradient gy @ x1ᵀ has x0's shape (N, D) and x0ᵀ @ gy has x1's shape (D, H).
    """

    __slots__ = ()
    symbol = "matmul"
    forward_rule = "y = x0 @ x1"
    backward_rules = ("gx0 = gy @ x1ᵀ", "gx1 = x0ᵀ @ gy")
    tangent_rule = "ẏ = ẋ0 @ x1 + x0 @ ẋ1"

    def forward(self, x0, x1):
        return x0.dot(x1)

    def backward(self, gy):
        x0, x1 = self.inputs
        return matmul(gy, x1.T), matmul(x0.T, gy)

    def jvp(self, x0dot, x1dot):
        x0, x1 = self.inputs
        return matmul(x0dot, x1) + matmul(x0, x1dot)


def matmul(x0, x1) -> Variable:
    return MatMul()(x0, x1)


class Linear(Function):
    """``x @ W + b`` in one node (book step 43): the affine map of a layer."""

    __slots__ = ()
    symbol = "linear"
    forward_rule = "y = x0 @ x1 + x2"
    backward_rules = ("gx0 = gy @ x1ᵀ", "gx1 = x0ᵀ @ gy", "gx2 = sum_to(gy, x2.shape)")
    tangent_rule = "ẏ = ẋ0 @ x1 + x0 @ ẋ1 + ẋ2"

    def forward(self, x, W, b):
        return x.dot(W) + b

    def backward(self, gy):
        x, W, b = self.inputs
        gb = sum_to(gy, b.shape)  # b was broadcast over the rows of the batch
        gx = matmul(gy, W.T)
        gW = matmul(x.T, gy)
        return gx, gW, gb

    def jvp(self, xdot, Wdot, bdot):
        x, W, _ = self.inputs
        return matmul(xdot, W) + matmul(x, Wdot) + bdot


def linear(x, W, b=None) -> Variable:
    """``x @ W + b``; without ``b``, just the matrix product."""
    if b is None:
        return matmul(x, W)
    return Linear()(x, W, b)


class MeanSquaredError(Function):
    """The mean over the first axis of the squared differences (book step 43)."""

    __slots__ = ()
    symbol = "MSE"
    forward_rule = "y = Σ (x0 − x1)² / N"
    backward_rules = ("gx0 = gy · 2 · (x0 − x1) / N", "gx1 = −gy · 2 · (x0 − x1) / N")
    tangent_rule = "ẏ = Σ 2 · (x0 − x1) · (ẋ0 − ẋ1) / N"

    def forward(self, x0, x1):
        diff = x0 - x1
        return (diff**2).sum() / len(diff)

    def backward(self, gy):
        x0, x1 = self.inputs
        diff = x0 - x1
        gy = broadcast_to(gy, diff.shape)
        gx0 = gy * diff * (2.0 / len(diff))
        return gx0, -gx0

    def jvp(self, x0dot, x1dot):
        x0, x1 = self.inputs
        diff = x0 - x1
        return sum(diff * (x0dot - x1dot)) * (2.0 / len(diff))


def mean_squared_error(x0, x1) -> Variable:
    return MeanSquaredError()(x0, x1)


class Softmax(Function):
    """Turn scores into probabilities along ``axis``: exp, then divide by the sum."""

    __slots__ = ("axis",)
    symbol = "softmax"
    forward_rule = "y = exp(x) / Σ exp(x)"
    backward_rules = ("gx = y · gy − y · Σ (y · gy)",)
    tangent_rule = "ẏ = y · ẋ − y · Σ (y · ẋ)"

    def __init__(self, axis=1) -> None:
        self.axis = axis

    def forward(self, x):
        y = np.exp(x - x.max(axis=self.axis, keepdims=True))  # the same, without overflow
        return y / y.sum(axis=self.axis, keepdims=True)

    def backward(self, gy):
        y = self.outputs[0]()
        gx = y * gy
        return gx - y * gx.sum(axis=self.axis, keepdims=True)

    def jvp(self, xdot):
        y = self.outputs[0]()
        ydot = y * xdot
        return ydot - y * ydot.sum(axis=self.axis, keepdims=True)


def softmax(x, axis=1) -> Variable:
    return Softmax(axis)(x)


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    """log(Σ exp(x)) along ``axis``, with the maximum taken out first (no overflow)."""
    m = x.max(axis=axis, keepdims=True)
    return m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))


class SoftmaxCrossEntropy(Function):
    """Softmax of the scores ``x0`` (N, classes), then the mean of −log p[label].

    ``x1`` holds the N class labels (integers): they take no gradient.
    """

    __slots__ = ()
    symbol = "softmax CE"
    forward_rule = "y = −Σ log softmax(x0)[x1] / N"
    backward_rules = (
        "gx0 = (softmax(x0) − onehot(x1)) · gy / N",
        "gx1 = none (x1 holds class labels)",
    )
    tangent_rule = "ẏ = Σ (softmax(x0) − onehot(x1)) · ẋ0 / N"

    def forward(self, x, t):
        n = x.shape[0]
        log_p = x - _logsumexp(x, axis=1)
        return -log_p[np.arange(n), t.ravel()].sum() / n

    def _softmax_minus_onehot(self) -> Variable:
        x, t = self.inputs
        n, classes = x.shape
        onehot = np.eye(classes, dtype=t.dtype)[t.data]
        return softmax(x) - onehot

    def backward(self, gy):
        x, _ = self.inputs
        gy = gy * (1 / len(x))
        return self._softmax_minus_onehot() * gy, None

    def jvp(self, xdot, tdot):
        x, _ = self.inputs
        return sum(self._softmax_minus_onehot() * xdot) * (1 / len(x))


def softmax_cross_entropy(x, t) -> Variable:
    return SoftmaxCrossEntropy()(x, t)


# =============================================================================
# operators and tensor methods of Variable (attached in this one place)
# =============================================================================


def _reshape_method(self: Variable, *shape) -> Variable:
    """``x.reshape(2, 3)`` or ``x.reshape((2, 3))``, as with NumPy."""
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        shape = shape[0]
    return reshape(self, tuple(shape))


def _transpose_method(self: Variable, *axes) -> Variable:
    """``x.transpose()``, ``x.transpose(1, 0)`` or ``x.transpose((1, 0))``."""
    if not axes:
        return transpose(self)
    if len(axes) == 1 and (axes[0] is None or isinstance(axes[0], (tuple, list))):
        axes = axes[0]
    return transpose(self, None if axes is None else tuple(axes))


def _sum_method(self: Variable, axis=None, keepdims: bool = False) -> Variable:
    return sum(self, axis, keepdims)


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
    Variable.__matmul__ = matmul
    Variable.__rmatmul__ = lambda self, other: matmul(other, self)
    Variable.__getitem__ = get_item
    # The book's tensor methods (steps 38, 39, 41, 47).
    Variable.reshape = _reshape_method
    Variable.transpose = _transpose_method
    Variable.T = property(transpose)
    Variable.sum = _sum_method
    Variable.dot = matmul
    Variable.max = max
    Variable.min = min


_install_operators()
