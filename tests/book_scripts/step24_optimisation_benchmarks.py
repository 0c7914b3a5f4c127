# Step 24: gradients of the classic test functions for optimisers.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import numpy as np
from dezero import Variable


def booth(x, y):
    return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2


def three_hump_camel(x, y):
    return 2 * x**2 - 1.05 * x**4 + x**6 / 6 + x * y + y**2


def beale(x, y):
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


for f in (booth, three_hump_camel, beale):
    x = Variable(np.array(0.5))
    y = Variable(np.array(-1.5))
    z = f(x, y)
    z.backward()
    print(f.__name__, z, x.grad, y.grad)
