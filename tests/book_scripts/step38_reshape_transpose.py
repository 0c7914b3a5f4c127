# Step 38: reshape and transpose, as functions and as methods.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

x = Variable(np.arange(6.0).reshape(2, 3))
y = F.reshape(x, (3, 2))
print(y)
z = x.reshape(6) * np.arange(6.0)
F.sum(z).backward()
print(x.grad)

x = Variable(np.arange(6.0).reshape(2, 3))
for y in (F.transpose(x), x.T, x.transpose(), x.transpose(1, 0), x.reshape((3, 2)).T):
    print(y.shape)
y = F.sum(x.T * np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))
y.backward()
print(x.grad)

x = Variable(np.arange(24.0).reshape(2, 3, 4))
y = x.transpose(2, 0, 1)
print(y.shape)
F.sum(y * np.arange(24.0).reshape(4, 2, 3)).backward()
print(x.grad)
