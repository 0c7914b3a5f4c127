# Step 23: the dezero package; operators on Variables.
import os
import sys

if "__file__" in globals():
    sys.path.append(os.path.join(os.path.dirname(__file__), ".."))

import numpy as np
from dezero import Variable

x = Variable(np.array(3.0))
y = (2 * x - 1) ** 3 + x / 4 - 5
y.backward()
print(y)
print(x.grad)

a = Variable(np.array(0.5))
b = 1 - a * a + 3 / (a + 1)
b.backward()
print(b, a.grad)
