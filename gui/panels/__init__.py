"""The panels of the window, one folder each."""
