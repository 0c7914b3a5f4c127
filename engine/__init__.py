"""A define-by-run autograd in the lineage of DeZero ("Deep Learning from Scratch 3").

    >>> import numpy as np
    >>> from engine import Variable
    >>> import engine.functions as F
    >>> x = Variable(np.array(2.0))
    >>> y = F.square(x) + 3 * x
    >>> y.backward()
    >>> x.grad
    variable(7.0)

This package never imports tutor/, gui/ or Qt: they depend on it, never the other way
round. engine/README.md gives the order to read its files in.
"""

from engine.core import (
    BackwardTracer,
    Config,
    Function,
    OpCount,
    Parameter,
    Variable,
    as_array,
    as_variable,
    count_ops,
    no_grad,
    using_config,
)

# Importing functions attaches the operators (+ - * / **) to Variable.
from engine import functions  # noqa: E402,F401  isort: skip

__all__ = [
    "BackwardTracer",
    "Config",
    "Function",
    "OpCount",
    "Parameter",
    "Variable",
    "as_array",
    "as_variable",
    "count_ops",
    "no_grad",
    "using_config",
]
