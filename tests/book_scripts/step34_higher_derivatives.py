# Steps 34-35: derivatives of sin and tanh up to the fourth, over an array.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

for f in (F.sin, F.cos, F.tanh):
    x = Variable(np.linspace(-2, 2, 5))
    y = f(x)
    y.backward(create_graph=True)
    for order in range(1, 5):
        gx = x.grad
        print(f.__name__, order, gx.data)
        x.cleargrad()
        gx.backward(create_graph=True)
