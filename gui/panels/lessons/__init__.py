"""Guided lessons and the teaching-switch banner."""
