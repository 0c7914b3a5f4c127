# Step 42: linear regression by gradient descent on a seeded toy data set.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

np.random.seed(1)
x = np.random.rand(50, 1)
y = 3 - 4 * x + 0.3 * np.random.randn(50, 1)
x, y = Variable(x), Variable(y)

W = Variable(np.zeros((1, 1)))
b = Variable(np.zeros(1))


def predict(x):
    return F.matmul(x, W) + b


def mse(x0, x1):
    diff = x0 - x1
    return F.sum(diff**2) / len(diff)


lr = 0.2
for i in range(60):
    y_pred = predict(x)
    loss = mse(y, y_pred)
    W.cleargrad()
    b.cleargrad()
    loss.backward()
    W.data -= lr * W.grad.data
    b.data -= lr * b.grad.data
    if i % 10 == 0:
        print(i, loss)
print(W, b)
print(F.mean_squared_error(y, predict(x)))
