"""What the tutor shows about an engine op, read from the op's own Function class.

Every Function in ``engine/functions.py`` carries its box's ``symbol``, its
``forward_rule``, one ``backward_rules`` entry per input and, where it has a corner at
0, a ``kink`` (see ``engine.core.Function``). This module reads those attributes, gives
a Function that sets none of them (the book's own classes) a generic label and rule,
and plugs numbers into a rule for the step-through view
(``gx = gy · cos(x)`` -> ``1 · cos(0.5)``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

import engine.functions as F
from engine.core import Function
from tutor.numbers import array_summary


@dataclass(frozen=True)
class OpRule:
    """How one op is drawn and what its ``backward`` computes, as its class says.

    ``symbol`` labels the Function's box (``{c}`` stands for the op's constant),
    ``forward`` is ``y = sin(x)``, ``rules`` has one local rule per input
    (``gx = gy · cos(x)``), and ``kink`` the subgradient used at a corner at 0 (None
    for a smooth op). ``generic`` marks rules the tutor made up for a Function that
    describes nothing: there are no numbers to plug into those.
    """

    symbol: str
    forward: str
    rules: tuple[str, ...]
    kink: str | None = None
    generic: bool = False


@functools.cache  # a snapshot asks once per recorded function, on every slider move
def op_rule(op: type[Function], n_inputs: int = 1) -> OpRule:
    """The rule of Function class ``op``, with ``n_inputs`` inputs where it says nothing."""
    name = op.__name__.lower()
    args = ("x",) if n_inputs == 1 else tuple(f"x{i}" for i in range(n_inputs))
    rules = tuple(op.backward_rules)
    generic = not rules
    if generic:
        if n_inputs == 1:
            rules = ("gx = backward(gy)",)
        else:
            rules = tuple(f"g{x} = backward(gy)[{i}]" for i, x in enumerate(args))
    return OpRule(
        symbol=op.symbol or name,
        forward=op.forward_rule or f"y = {name}({', '.join(args)})",
        rules=rules,
        kink=op.kink,
        generic=generic,
    )


# Ops whose derivative is undefined at x = 0 (the kink), by class name.
NONDIFFERENTIABLE_AT_ZERO = frozenset(
    obj.__name__
    for obj in vars(F).values()
    if isinstance(obj, type) and issubclass(obj, Function) and obj.kink is not None
)


# -- plugging numbers into a rule ----------------------------------------------------

# The names a rule is written with (see engine.core.Function): a name is a symbol only
# when no letter, digit or _ touches it, so the x of exp(x) counts but that of exp
# does not.
_SYMBOL = re.compile(r"(?<![A-Za-z0-9_.])(gy|x0|x1|x|y|c)(?![A-Za-z0-9_])")
_POWER = "^²³"
_OPERATORS = "·×/÷+−-*^"
_PLAIN_NUMBER = re.compile(r"[0-9.]+|∞|nan")


def rule_values(inputs: list[Any], output: Any, params: Mapping[str, Any]) -> dict[str, Any]:
    """The numbers a rule's symbols stand for: ``x`` (a lone input), ``x0``, ``x1``, ...,
    ``y`` (the output) and ``c`` (a function's constant), for ``plug_in``."""
    values: dict[str, Any] = {}
    if len(inputs) == 1:
        values["x"] = inputs[0]
    for i, x in enumerate(inputs):
        values[f"x{i}"] = x
    if output is not None:
        values["y"] = output
    if "c" in params:
        values["c"] = np.asarray(params["c"])
    return values


def plug_in(expression: str, values: Mapping[str, Any]) -> str | None:
    """``expression`` with every symbol replaced by its value's text, or None.

    None when plugging in shows nothing new: the expression is a single symbol (its
    value is the result), it speaks of shapes (``x.shape``), or a value is missing.
    A negative number gets parentheses after an operator (``−(−1)``), first before
    one (``(−1) · cos(0.5)``) and before a power (``(−3)^2``); so does any number but
    a plain one before a power (``(1e−05)²``).
    """
    if _SYMBOL.fullmatch(expression):
        return None
    pieces: list[str] = []
    end = 0
    for match in _SYMBOL.finditer(expression):
        start, stop = match.span()
        if expression[stop : stop + 1] == ".":
            return None
        value = values.get(match.group())
        if value is None:
            return None
        text = array_summary(value)
        before = expression[:start].rstrip()[-1:]
        after = expression[stop:].lstrip()[:1]
        if after and after in _POWER:
            wrap = not _PLAIN_NUMBER.fullmatch(text)
        elif before:
            wrap = text.startswith("−") and before in _OPERATORS
        else:  # first: a bare minus would seem to negate the whole product
            wrap = text.startswith("−") and bool(after) and after in _OPERATORS
        pieces += [expression[end:start], f"({text})" if wrap else text]
        end = stop
    pieces.append(expression[end:])
    return "".join(pieces)


__all__ = ["NONDIFFERENTIABLE_AT_ZERO", "OpRule", "op_rule", "plug_in"]
