# Step 46: SGD, MomentumSGD and Adam updating an MLP.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import numpy as np
from dezero import Variable, optimizers
from dezero.models import MLP

np.random.seed(6)
x = Variable(np.random.rand(60, 1))
y = Variable(np.sin(2 * np.pi * x.data) + np.random.rand(60, 1))

for make in (
    lambda: optimizers.SGD(0.2),
    lambda: optimizers.MomentumSGD(lr=0.1, momentum=0.8),
    lambda: optimizers.Adam(alpha=0.05),
):
    model = MLP((10, 1))
    optimizer = make().setup(model)
    for i in range(151):
        loss = F.mean_squared_error(y, model(x))
        model.cleargrads()
        loss.backward()
        optimizer.update()
        if i % 50 == 0:
            print(type(optimizer).__name__, i, loss)
