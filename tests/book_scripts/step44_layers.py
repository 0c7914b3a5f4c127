# Step 44: Parameter and Layer; L.Linear finds its input size on the first call.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import dezero.layers as L
import numpy as np
from dezero import Parameter, Variable

x = Variable(np.array(1.0))
p = Parameter(np.array(2.0))
y = x * p
print(isinstance(p, Parameter), isinstance(x, Parameter), isinstance(y, Parameter))

layer = L.Layer()
layer.p1 = Parameter(np.array(1.0))
layer.p2 = Parameter(np.array(2.0))
layer.p3 = Variable(np.array(3.0))
layer.p4 = "test"
print(sorted(float(p.data) for p in layer.params()))

np.random.seed(3)
x = np.random.rand(40, 2)
y = np.sin(x[:, :1] * 3) * x[:, 1:]
l1 = L.Linear(6)
l2 = L.Linear(1)
print(l1.W.data)
for i in range(201):
    loss = F.mean_squared_error(y, l2(F.sigmoid(l1(x))))
    l1.cleargrads()
    l2.cleargrads()
    loss.backward()
    for layer in (l1, l2):
        for p in layer.params():
            p.data -= 0.5 * p.grad.data
    if i % 50 == 0:
        print(i, loss)
print(l1.W.shape, l1.b.shape, l2.W.shape, l1.W.dtype, l1.b.dtype)
