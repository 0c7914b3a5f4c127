# Step 43: a two-layer network written with F.linear, F.sigmoid, F.mean_squared_error.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

np.random.seed(2)
x = np.random.rand(60, 1)
y = np.cos(3 * x) + 0.5 * np.random.rand(60, 1)

I, H, O = 1, 8, 1
W1 = Variable(0.1 * np.random.randn(I, H))
b1 = Variable(np.zeros(H))
W2 = Variable(0.1 * np.random.randn(H, O))
b2 = Variable(np.zeros(O))


def predict(x):
    y = F.linear(x, W1, b1)
    y = F.sigmoid(y)
    return F.linear(y, W2, b2)


lr = 0.3
for i in range(301):
    loss = F.mean_squared_error(y, predict(x))
    for p in (W1, b1, W2, b2):
        p.cleargrad()
    loss.backward()
    for p in (W1, b1, W2, b2):
        p.data -= lr * p.grad.data
    if i % 50 == 0:
        print(i, loss)
print(predict(np.array([[0.0], [0.5], [1.0]])))
