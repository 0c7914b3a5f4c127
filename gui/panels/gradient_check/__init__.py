"""Backprop beside central differences."""
