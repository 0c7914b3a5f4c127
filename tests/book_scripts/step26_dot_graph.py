# Step 26: the graph in Graphviz's DOT language.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(__file__), ".."))
import numpy as np
from dezero import Variable
from dezero.utils import get_dot_graph

x0 = Variable(np.array(1.0))
x1 = Variable(np.array(2.0))
y = x0 * x1 + x0**2
y.backward()
x0.name, x1.name, y.name = "x0", "x1", "y"
dot = get_dot_graph(y, verbose=False)
print(dot.startswith("digraph g {"), dot.rstrip().endswith("}"))
print('label="x0"' in dot, 'label="x1"' in dot, 'label="y"' in dot)
print(get_dot_graph(y, verbose=True).count("() float64"))
