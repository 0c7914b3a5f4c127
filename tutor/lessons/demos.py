"""The book's code for the built-in lessons: ordinary Python, run on the real engine.

Each demo is a function whose body is what the learner reads (``demo_source`` shows it
without the ``def`` line) and what runs, exactly as written. ``print`` is a parameter so
the output can be shown in the window. Nothing here writes an expected answer: a
lesson's question names a demo by id and which printed number it asks for, and the
number comes from running the code.

A lesson folder names a demo by its id (``demo = "reuse"`` in lesson.toml); it can never
bring code of its own. Add a demo here with ``@demo("its-id")``.
"""

from __future__ import annotations

import ast
import gc
import inspect
import textwrap
from collections.abc import Callable

import numpy as np

import engine.functions as F
from engine.core import Variable, as_array, no_grad
from engine.functions import add, exp, square
from tutor.lessons.tracing import LiveFunctions, VisitOrder

DEMOS: dict[str, Callable] = {}


def demo(demo_id: str) -> Callable[[Callable], Callable]:
    """Register the decorated function as the built-in demo ``demo_id``."""

    def register(fn: Callable) -> Callable:
        if demo_id in DEMOS:
            raise ValueError(f"two demos with the id {demo_id!r}")
        DEMOS[demo_id] = fn
        return fn

    return register


@demo("variables-functions")
def _demo_variables_functions(print):
    def numerical_diff(f, x, eps=1e-4):
        # x.data - eps is a NumPy scalar, not an
        # ndarray: as_array makes it one again
        x0 = Variable(as_array(x.data - eps))
        x1 = Variable(as_array(x.data + eps))
        return (f(x1).data - f(x0).data) / (2 * eps)

    def f(x):
        return square(exp(square(x)))

    x = Variable(np.array(2.0))
    print(numerical_diff(square, x))

    x = Variable(np.array(0.5))
    print(numerical_diff(f, x))
    y = f(x)
    y.backward()
    print(x.grad)


@demo("several-inputs")
def _demo_several_inputs(print):
    x = Variable(np.array(2.0))
    y = Variable(np.array(3.0))
    z = add(square(x), square(y))
    z.backward()
    print(z)
    print(x.grad)
    print(y.grad)


@demo("reuse")
def _demo_reuse(print, cleargrad=True):
    x = Variable(np.array(3.0))
    y = add(x, x)
    y.backward()
    print(x.grad)

    if cleargrad:  # skipped by "no cleargrad"
        x.cleargrad()
    y = add(add(x, x), x)
    y.backward()
    print(x.grad)


@demo("generations")
def _demo_generations(print):
    x = Variable(np.array(2.0))
    a = square(x)
    y = add(square(a), square(a))
    print(x.generation, a.generation, y.generation)

    order = VisitOrder()  # backward's visit order
    y.backward(tracer=order)
    print(y.data)
    print(x.grad)
    print(order)


@demo("memory")
def _demo_memory(print):
    # counts live functions, keeping none alive
    counter = LiveFunctions()
    for i in range(5):
        x = Variable(np.ones(1000))
        y = square(square(square(x)))
        counter.add_graph(y)
        print(i, len(counter))
    del x, y
    print("after del:", len(counter))
    gc.collect()
    print("after gc.collect():", len(counter))

    x0 = Variable(np.array(1.0))
    x1 = Variable(np.array(1.0))
    t = add(x0, x1)
    y = add(x0, t)
    y.backward()
    print(y.grad, t.grad)
    print(x0.grad, x1.grad)

    t = add(x0, x1)
    y = add(x0, t)
    y.backward(retain_grad=True)
    print(y.grad, t.grad)

    with no_grad():
        x = Variable(np.ones(1000))
        y = square(square(square(x)))
    print(y.creator)


@demo("operators")
def _demo_operators(print):
    a = Variable(np.array(3.0))
    b = Variable(np.array(2.0))
    c = Variable(np.array(1.0))
    y = a * b + c
    y.backward()
    print(y)
    print(a.grad, b.grad)

    x = Variable(np.array(2.0))
    print(2.0 * x + 1.0)
    print(np.array([2.0]) + x)
    print(2.0 - x, x - 1.0)
    print(x / 2, 3.0 / x)
    y = x**3
    y.backward()
    print(y, x.grad)


@demo("higher-order")
def _demo_higher_order(print):
    def f(x):
        return x**4 - 2 * x**2

    x = Variable(np.array(2.0))
    y = f(x)
    y.backward(create_graph=True)
    print(x.grad)
    gx = x.grad
    x.cleargrad()
    gx.backward()
    print(x.grad)

    # Newton's method: x <- x - f'(x) / f''(x)
    x = Variable(np.array(2.0))
    for i in range(8):
        print(i, x)
        y = f(x)
        x.cleargrad()
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        gx.backward()
        gx2 = x.grad
        x.data -= gx.data / gx2.data


@demo("rosenbrock")
def _demo_rosenbrock(print):
    def rosenbrock(x0, x1):
        return 100 * (x1 - x0**2) ** 2 + (1 - x0) ** 2

    x0 = Variable(np.array(0.0))
    x1 = Variable(np.array(2.0))
    lr = 0.001
    iters = 1000
    for i in range(iters):
        if i < 2 or i % 250 == 0:
            print(i, x0, x1)
        y = rosenbrock(x0, x1)
        x0.cleargrad()
        x1.cleargrad()
        y.backward()
        if i == 0:
            print("grad:", x0.grad, x1.grad)
        x0.data -= lr * x0.grad.data
        x1.data -= lr * x1.grad.data
    print(iters, x0, x1)


@demo("broadcast")
def _demo_broadcast(print):
    x0 = Variable(np.array([1.0, 2.0, 3.0]))
    x1 = Variable(np.array([10.0]))
    y = x0 + x1  # x1 is broadcast to the shape of x0
    print(y)
    y.backward()
    print(x1.grad)  # summed back to x1's shape by sum_to

    x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    y = F.sum_to(x, (1, 3))
    print(y)
    print(y.data[0, 1])

    x = Variable(np.ones((100, 1)))
    c = Variable(np.array(1.0))
    y = F.sum(x + c)
    y.backward()
    print(c.grad)


@demo("matmul")
def _demo_matmul(print):
    x = Variable(np.random.randn(2, 3))
    W = Variable(np.random.randn(3, 4))
    y = F.matmul(x, W)
    y.backward()
    print(*x.grad.shape)
    print(*W.grad.shape)

    x = Variable(np.array([[1.0, 2.0]]))
    W = Variable(np.array([[3.0], [4.0]]))
    y = F.matmul(x, W)
    print(y)
    y.backward()
    print(x.grad)
    print(W.grad)
    print(W.grad.data[1, 0])


@demo("linear-regression")
def _demo_linear_regression(print):
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = 5 + 2 * x + np.random.rand(100, 1)
    W = Variable(np.zeros((1, 1)))
    b = Variable(np.zeros(1))

    def predict(x):
        return F.matmul(x, W) + b

    def mean_squared_error(x0, x1):
        diff = x0 - x1
        return F.sum(diff ** 2) / len(diff)

    lr = 0.1
    iters = 100
    for i in range(iters):
        y_pred = predict(x)
        loss = mean_squared_error(y, y_pred)
        W.cleargrad()
        b.cleargrad()
        loss.backward()
        W.data -= lr * W.grad.data
        b.data -= lr * b.grad.data
        if i == 0:
            print(i, loss)
    print(iters, W.data[0, 0], b.data[0], loss)


@demo("neural-network")
def _demo_neural_network(print):
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)

    I, H, O = 1, 10, 1
    W1 = Variable(0.01 * np.random.randn(I, H))
    b1 = Variable(np.zeros(H))
    W2 = Variable(0.01 * np.random.randn(H, O))
    b2 = Variable(np.zeros(O))
    print(W1.size + b1.size + W2.size + b2.size)

    def predict(x):
        y = F.linear(x, W1, b1)
        y = F.sigmoid(y)
        y = F.linear(y, W2, b2)
        return y

    lr = 0.2
    iters = 3000  # the book runs ten thousand
    for i in range(iters):
        y_pred = predict(x)
        loss = F.mean_squared_error(y, y_pred)
        W1.cleargrad()
        b1.cleargrad()
        W2.cleargrad()
        b2.cleargrad()
        loss.backward()
        if i == 0:
            print(*W2.grad.shape)
        W1.data -= lr * W1.grad.data
        b1.data -= lr * b1.grad.data
        W2.data -= lr * W2.grad.data
        b2.data -= lr * b2.grad.data
        if i % 1000 == 0:
            print(i, loss)


def demo_source(demo_id: str) -> str:
    """The body of demo ``demo_id``, dedented: the code the learner reads."""
    source = textwrap.dedent(inspect.getsource(DEMOS[demo_id]))
    tree = ast.parse(source).body[0]
    lines = source.splitlines()
    start = tree.body[0].lineno - 1
    while start > 1 and lines[start - 1].strip().startswith("#"):
        start -= 1  # a comment above the first statement belongs to the code
    return textwrap.dedent("\n".join(lines[start:])).rstrip() + "\n"


__all__ = ["DEMOS", "demo", "demo_source"]
