"""The map of f over two variables, and optimizers walking on it."""
