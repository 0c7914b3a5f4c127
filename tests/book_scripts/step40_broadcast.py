# Step 40: broadcast_to and sum_to, and broadcasting inside + - * /.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

x = Variable(np.array([1.0, 2.0, 3.0]))
y = F.broadcast_to(x, (2, 3))
print(y)
y.backward()
print(x.grad)

x = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
y = F.sum_to(x, (1, 3))
print(y)
y = F.sum_to(x, (2, 1))
print(y)

x0 = Variable(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
x1 = Variable(np.array([10.0]))
x2 = Variable(np.array([[2.0], [4.0]]))
y = (x0 + x1) * x2 - x1
print(y)
y.backward()
print(x0.grad, x1.grad, x2.grad)
