# Step 28: gradient descent with the simple core, where gradients are ndarrays.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import numpy as np
from dezero.core_simple import Variable, setup_variable

setup_variable()


def himmelblau(x, y):
    return (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2


x = Variable(np.array(0.0))
y = Variable(np.array(0.0))
lr = 0.01
for i in range(301):
    z = himmelblau(x, y)
    x.cleargrad()
    y.cleargrad()
    z.backward()
    if i % 50 == 0:
        print(i, x, y, z)
    x.data -= lr * x.grad
    y.data -= lr * y.grad
print(x.grad, y.grad)
