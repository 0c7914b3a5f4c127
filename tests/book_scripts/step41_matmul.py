# Step 41: the matrix product and the shapes of its gradients.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

np.random.seed(4)
x = Variable(np.random.randn(3, 2))
W = Variable(np.random.randn(2, 4))
y = F.matmul(x, W)
z = F.sum(y * y)
z.backward()
print(y.shape, x.grad.shape, W.grad.shape)
print(z)
print(x.grad)
print(W.grad)

a = Variable(np.array([[1.0, 2.0]]))
b = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
c = F.matmul(a, b)
F.sum(c).backward()
print(c, a.grad)
