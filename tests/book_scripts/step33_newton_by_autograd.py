# Steps 33-34: Newton's method with the second derivative from double backprop.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import numpy as np
from dezero import Variable


def f(x):
    return x**4 - 3 * x**2 + x


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
