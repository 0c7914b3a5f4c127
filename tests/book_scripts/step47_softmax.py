# Step 47: get_item and its gradient, max and min, softmax and its cross entropy.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable, as_variable
from dezero.models import MLP

x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
y = F.get_item(x, 1)
y.backward()
print(y, x.grad)

x.cleargrad()
indices = np.array([0, 0, 1])
y = x[indices]
y.backward()
print(y)
print(x.grad)

x.cleargrad()
y = F.sum(x[:, 1:] * np.array([[1.0, 2.0]]))
y.backward()
print(x.grad)

x = Variable(np.array([[1.0, 7.0, 3.0], [9.0, 5.0, 6.0]]))
for f in (F.max, F.min):
    for axis in (None, 0, 1):
        x.cleargrad()
        y = f(x, axis=axis)
        F.sum(y * 2.0).backward()
        print(f.__name__, axis, y, x.grad)


def softmax1d(x):
    x = as_variable(x)
    y = F.exp(x)
    return y / F.sum(y)


np.random.seed(7)
model = MLP((10, 3))
x = np.array([[0.2, -0.4]])
y = model(x)
print(y)
print(softmax1d(y))

x = np.array([[0.2, -0.4], [0.3, 0.5], [1.3, -3.2], [2.1, 0.3]])
t = np.array([2, 0, 1, 0])
y = model(x)
print(F.softmax(y))
loss = F.softmax_cross_entropy(y, t)
loss.backward()
print(loss)
print(model.l0.W.grad)
print(model.l1.b.grad)
