"""One row per variable: slider, value, range and ∂f/∂ of it."""
