# Step 36: a gradient used inside the next computation (double backprop).
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable

x = Variable(np.array(1.5))
y = x**3 + F.sin(x)
y.backward(create_graph=True)
gx = x.grad
x.cleargrad()
z = gx**2 + y * gx
z.backward()
print(gx)
print(x.grad)
