# Step 39: sum over all elements, over an axis, and with keepdims.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
for axis in (None, 0, 1):
    x.cleargrad()
    y = F.sum(x * x, axis=axis)
    y.backward()
    print(axis, y, x.grad)

x.cleargrad()
y = x.sum(axis=1, keepdims=True)
print(y, y.shape)
(y * np.array([[2.0], [3.0]])).backward()
print(x.grad)

x = Variable(np.ones((2, 3, 4, 5)))
print(x.sum(keepdims=True).shape, x.sum(axis=(1, 2)).shape)
