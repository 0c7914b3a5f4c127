"""The formula field, its buttons, and the value of f."""
