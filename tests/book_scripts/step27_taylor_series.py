# Step 27: a Function of your own, and a Taylor series built from many small nodes.
import math

import numpy as np
from dezero import Function, Variable


class Cos(Function):
    def forward(self, x):
        return np.cos(x)

    def backward(self, gy):
        x = self.inputs[0].data
        return gy * -np.sin(x)


def cos(x):
    return Cos()(x)


x = Variable(np.array(np.pi / 3))
y = cos(x)
y.backward()
print("--- cos ---")
print(y.data)
print(x.grad)


def my_exp(x, threshold=1e-6):
    y = 0
    for i in range(1000):
        t = x**i / math.factorial(i)
        y = y + t
        if abs(t.data) < threshold:
            break
    return y


x = Variable(np.array(0.75))
y = my_exp(x)
y.backward()
print("--- Taylor exp ---")
print(y.data)
print(x.grad)
