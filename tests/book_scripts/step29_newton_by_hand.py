# Step 29: Newton's method with a second derivative written by hand (simple core).
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import numpy as np
from dezero.core_simple import Variable, setup_variable

setup_variable()


def f(x):
    return x**4 - 3 * x**2 + x


def second_derivative(x):
    return 12 * x**2 - 6


x = Variable(np.array(2.0))
for i in range(8):
    print(i, x)
    y = f(x)
    x.cleargrad()
    y.backward()
    x.data -= x.grad / second_derivative(x.data)
