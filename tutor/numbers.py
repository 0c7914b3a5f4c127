"""Every number that becomes text goes through here, so the same value reads the same
everywhere: in the window, in the step-through, on the command line and in exports.

Three families, by who reads the text:

* ``exact``: for machines and for checking by hand. The shortest text that reads back
  as the same float (``0.8414709848078965``), whole numbers plainly (``3``). Used by
  ``main.py eval``, exported scripts and the canonical text of a formula.
* ``short`` and ``readout``: for learners. A fixed number of significant digits, a real
  minus sign (−), ∞ for infinity, and never "−0".
* ``on_grid``: a slider value, with exactly the decimals its step needs.

All of them are *honest*: a number is never rounded into a neighbour that reads as
something else. A slider on a 0.01 grid at 0.9975 (where an optimizer left it) reads
``0.9975``, not ``1.00``; ``short(0.99996)`` is ``0.99996``, not ``1``. Where even more
digits would not help, the digits kept say how many there are (``2.000``, not ``2``).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

MINUS = "−"  # U+2212: the minus sign of typeset mathematics, as wide as +

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
"""``str.translate`` table: ``"-5".translate(SUPERSCRIPT) == "⁻⁵"``."""


def exact(value: float) -> str:
    """Shortest text that reads back as the same float; whole numbers without '.0'.

    ``exact(3.0) == "3"``, ``exact(0.1) == "0.1"``, ``exact(1e-05) == "1e-05"``.
    Non-finite values come out as Python writes them (``inf``, ``nan``).
    """
    value = float(value)
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


# Two readings closer than this (relative) are the same number to a learner: 0.1 + 0.2
# reads 0.3, although it is 0.30000000000000004.
_SAME = 1e-9


def _same(text: str, value: float) -> bool:
    return abs(float(text) - value) <= _SAME * max(abs(value), 1e-300)


def short(value: float, digits: int = 4) -> str:
    """``digits`` significant digits, a real minus sign, ∞ for infinity: ``−0.9589``.

    Honest: when rounding would make a value read as a rounder number than it is
    (0.99996 as ``1``), up to three more digits are shown (``0.99996``), or else the
    digits are kept with their trailing zeros (``2.000`` for 2.0000001).
    """
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "∞" if value > 0 else MINUS + "∞"
    value += 0.0  # no "-0"
    text = f"{value:.{digits}g}"
    if not _same(text, value) and _significant(text) < digits:
        for more in range(digits + 1, digits + 4):
            text = f"{value:.{more}g}"
            if _same(text, value) or _significant(text) >= more:
                break
        else:
            text = f"{value:#.{digits}g}"
    if text == "-0":
        text = "0"
    return text.replace("-", MINUS)


def _significant(text: str) -> int:
    """How many significant digits a %g text shows (``"1"``: 1, ``"0.9975"``: 4)."""
    mantissa = text.lstrip("-").split("e")[0].replace(".", "").lstrip("0")
    return len(mantissa)


def array_summary(a: Any, digits: int = 4) -> str:
    """An ndarray (or None) as short text: a number, a few numbers, or its shape."""
    if a is None:
        return "—"
    a = np.asarray(a)
    if a.size == 1:
        return short(float(a.reshape(-1)[0]), digits)
    if a.size <= 4:
        return "[" + ", ".join(short(float(v), digits) for v in a.reshape(-1)) + "]"
    return "array " + "×".join(str(n) for n in a.shape)


def readout(value: float, digits: int = 10) -> str:
    """A large readout (f, ∂f/∂x): up to ``digits`` significant digits, ASCII minus.

    NaN is returned as ``"nan"``: the caller says "undefined" in the learner's language.
    """
    value = float(value)
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "+∞" if value > 0 else MINUS + "∞"
    return f"{value + 0.0:.{digits}g}"


def step_decimals(step: float) -> int:
    """How many decimals a value on a grid of ``step`` needs (0.01 -> 2, 0.5 -> 1, 2 -> 0)."""
    if not math.isfinite(step) or step <= 0:
        return 2
    text = f"{step:.10f}".rstrip("0")
    return min(10, len(text.split(".")[1])) if "." in text else 0


def is_on_grid(value: float, step: float) -> bool:
    """True if ``value`` is (to rounding error) a whole number of ``step``s from 0."""
    if not (math.isfinite(value) and math.isfinite(step) and step > 0):
        return True
    n = round(value / step)
    return abs(value - n * step) <= 1e-9 * max(abs(value), step)


def on_grid(value: float, step: float, max_decimals: int = 10) -> str:
    """A slider value with the decimals of its step: ``on_grid(1.5, 0.01) == "1.50"``.

    A value off the grid (an optimizer's 0.9975 on a 0.01 slider) gets the decimals it
    needs to read as itself: ``"0.9975"``, never ``"1.00"``; at most ``max_decimals``
    (``on_grid(0.999999768, 0.01, 6) == "1.000000"``: six decimals say it is not 1.00).
    """
    decimals = step_decimals(step)
    if not math.isfinite(value):
        return f"{value}"
    if is_on_grid(value, step):
        return f"{value + 0.0:.{decimals}f}"
    most = max(decimals + 1, max_decimals)
    for more in range(decimals + 1, most + 1):
        text = f"{value + 0.0:.{more}f}"
        if abs(float(text) - value) <= 1e-9 * max(abs(value), 1e-300):
            return text
    return f"{value + 0.0:.{most}f}"


def times_ten_to(value: float, digits: int = 1) -> str:
    """Scientific notation as printed in a book: ``times_ten_to(1.8e-05) == "1.8 × 10⁻⁵"``."""
    mantissa, exponent = f"{value:.{digits}e}".split("e")
    return f"{mantissa} × 10" + str(int(exponent)).translate(SUPERSCRIPT)


def as_book_prints(value: float | int) -> str:
    """A number as the book's code prints it: ``64.0``; a count as ``3``; else 10 digits."""
    if isinstance(value, int):
        return str(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return f"{value:.1f}"
    return f"{value:.10g}"


__all__ = [
    "MINUS",
    "SUPERSCRIPT",
    "array_summary",
    "as_book_prints",
    "exact",
    "is_on_grid",
    "on_grid",
    "readout",
    "short",
    "step_decimals",
    "times_ten_to",
]
