"""Running a built-in demo and keeping what it printed: the text and the numbers.

A demo is deterministic (the engine's switches are set exactly, the cycle collector
is paused), so a run with the same switches is kept and handed out again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from engine.core import Variable
from tutor.lessons.demos import DEMOS
from tutor.lessons.switches import check_switches, run_with_switches


def _value_of(obj: Any) -> float | int | None:
    """The number a printed object shows, if it shows exactly one."""
    if isinstance(obj, Variable):
        obj = obj.data
    if isinstance(obj, (bool, str)) or obj is None:
        return None
    if isinstance(obj, (int, np.integer)):
        return int(obj)  # a count: shown as 3, not 3.0
    if isinstance(obj, (float, np.generic, np.ndarray)):
        arr = np.asarray(obj)
        if arr.size == 1 and np.issubdtype(arr.dtype, np.number):
            return float(arr.reshape(-1)[0])
    return None


class Printer:
    """Stands in for ``print`` in a demo: keeps the text and the numbers printed."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.values: list[tuple[float | int | None, ...]] = []

    def __call__(self, *objects: Any, sep: str = " ") -> None:
        self.lines.append(sep.join(str(o) for o in objects))
        self.values.append(tuple(_value_of(o) for o in objects))


@dataclass(frozen=True)
class DemoRun:
    """The output of one run of a demo: ``lines`` of text, and per line the number
    each printed object shows (None for text and for arrays of several numbers)."""

    lines: tuple[str, ...]
    values: tuple[tuple[float | int | None, ...], ...]
    switches: frozenset[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def value(self, line: int, item: int = 0) -> float | int:
        """The number printed as object ``item`` of line ``line`` (both from 0)."""
        v = self.values[line][item]
        if v is None:
            raise ValueError(f"line {line} item {item} is not a number: {self.lines[line]!r}")
        return v


def run_demo(demo_id: str, switches: Iterable[str] = ()) -> DemoRun:
    """Run built-in demo ``demo_id`` with exactly ``switches`` on. KeyError if unknown."""
    if demo_id not in DEMOS:
        raise KeyError(f"no built-in demo {demo_id!r}")
    return _run(demo_id, check_switches(switches))


@lru_cache(maxsize=64)
def _run(demo_id: str, switches: frozenset[str]) -> DemoRun:
    printer = Printer()
    with np.errstate(all="ignore"):
        run_with_switches(DEMOS[demo_id], switches, printer)
    return DemoRun(tuple(printer.lines), tuple(printer.values), switches)


__all__ = ["DemoRun", "Printer", "run_demo"]
