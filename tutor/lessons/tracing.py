"""Two ways for a demo to watch the engine work, used in the book's code as shown.

``LiveFunctions`` counts the recorded Functions that are still alive (lesson 5: weak
references free a graph at once); ``VisitOrder`` records the order in which backward
takes functions from its queue (lesson 4: generations).
"""

from __future__ import annotations

import weakref

from engine.core import BackwardTracer, Function, Variable


class LiveFunctions:
    """Counts the recorded Functions of some graphs that are still alive.

    It holds them in a ``weakref.WeakSet``, so counting keeps nothing alive: a Function
    leaves the count the moment it is freed.
    """

    def __init__(self) -> None:
        self._functions: weakref.WeakSet[Function] = weakref.WeakSet()

    def add_graph(self, y: Variable) -> None:
        """Remember every Function that ``y`` was computed through."""
        stack = [y.creator] if y.creator is not None else []
        while stack:
            f = stack.pop()
            if f in self._functions:
                continue
            self._functions.add(f)
            stack.extend(x.creator for x in f.inputs if x.creator is not None)

    def __len__(self) -> int:
        return len(self._functions)


class VisitOrder(BackwardTracer):
    """Records the order in which backward takes functions from its queue."""

    def __init__(self) -> None:
        self.visits: list[tuple[str, int]] = []

    def on_pop(self, f: Function, pending: list[Function]) -> None:
        self.visits.append((type(f).__name__, f.generation))

    def __str__(self) -> str:
        return " → ".join(f"{name}({gen})" for name, gen in self.visits)


__all__ = ["LiveFunctions", "VisitOrder"]
