# Step 45: a Model of your own, layers inside layers, and the MLP class.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import dezero.functions as F
import dezero.layers as L
import numpy as np
from dezero import Model
from dezero.models import MLP

np.random.seed(5)
x = np.random.rand(50, 1)
y = np.sin(2 * np.pi * x) + np.random.rand(50, 1)


class TwoLayerNet(Model):
    def __init__(self, hidden_size, out_size):
        super().__init__()
        self.l1 = L.Linear(hidden_size)
        self.l2 = L.Linear(out_size)

    def forward(self, x):
        return self.l2(F.sigmoid(self.l1(x)))


for model in (TwoLayerNet(10, 1), MLP((10, 1)), MLP((5, 5, 1), activation=F.tanh)):
    for i in range(101):
        loss = F.mean_squared_error(y, model(x))
        model.cleargrads()
        loss.backward()
        for p in model.params():
            p.data -= 0.2 * p.grad.data
        if i % 25 == 0:
            print(type(model).__name__, i, loss)
    print(sum(p.data.size for p in model.params()))
