"""The demo of lesson 13, "Why reverse mode?": both modes' cost, counted by the engine.

Registered with ``tutor.lessons.demos.demo`` like the book's demos; imported by
``tutor.lessons`` so that its id is known before any lesson is read.
"""

from __future__ import annotations

import numpy as np

from engine.core import Variable, count_ops
from engine.forward import jvp
from engine.functions import sin
from tutor.lessons.demos import demo


@demo("why-reverse-mode")
def _demo_why_reverse_mode(print):
    def f(*xs):
        y = sin(xs[0])
        for x in xs[1:]:
            y = y + sin(x)
        return y

    for n in (1, 10, 100):
        point = [np.array(0.5)] * n

        # forward mode: one pass per input, its tangent a one-hot vector u
        forward_passes = 0
        with count_ops() as forward_ops:
            for i in range(n):
                u = [np.array(1.0 if j == i else 0.0) for j in range(n)]
                jvp(f, point, u)
                forward_passes += 1

        # reverse mode: one backward pass for the one output
        backward_passes = 0
        with count_ops() as reverse_ops:
            xs = [Variable(p) for p in point]
            y = f(*xs)
            y.backward()
            backward_passes += 1

        print(n, forward_passes, forward_ops.total, backward_passes, reverse_ops.total)


__all__: list[str] = []
