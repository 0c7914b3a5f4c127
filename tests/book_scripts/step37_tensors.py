# Step 37: the same functions, element by element, on arrays.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

x = Variable(np.array([[0.5, 1.0, 1.5], [2.0, 2.5, 3.0]]))
c = Variable(np.array([[1.0, -1.0, 2.0], [-2.0, 3.0, -3.0]]))
t = F.sin(x) * c + F.exp(-x)
y = F.sum(t)
y.backward(retain_grad=True)
print(t)
print(y.grad)
print(t.grad)
print(x.grad)
print(c.grad)
