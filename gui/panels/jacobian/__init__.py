"""The Jacobian explorer (tutor/jacobian.py, tutor/mode_cost.py)."""
