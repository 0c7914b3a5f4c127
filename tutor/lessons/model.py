"""What a lesson is, once its folder has been read: plain, immutable data.

A ``Lesson`` comes from a folder of data files (see ``loader.py`` and docs/lessons.md):
its texts in every language, the example it loads into the window, its "predict first"
questions and the teaching switches it offers. A question never holds its answer: it
says where the engine finds it, either in what a built-in demo prints
(``DemoAnswer``) or in a formula evaluated at a point (``FormulaAnswer``), and
``checking.answer`` computes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tutor.lessons.demo_runs import DemoRun, run_demo
from tutor.lessons.demos import demo_source
from tutor.lessons.text import LANGUAGES, Text

# The views a lesson's text may point to with a link ``[Graph view](view:graph)``.
VIEWS = ("graph", "plot", "map", "gradient-check", "formula", "variables", "train", "jacobian")


@dataclass(frozen=True)
class DemoAnswer:
    """The answer is a number a built-in demo prints: item ``item`` of line ``line``.

    Both count from 1, as a teacher reads the printed output: the first number on the
    second line is ``line = 2, item = 1``.
    """

    demo: str
    line: int
    item: int = 1


@dataclass(frozen=True)
class FormulaAnswer:
    """The answer is ``quantity`` of ``formula`` at ``point``, computed by the tutor's
    evaluation: f itself (``order`` 0), ∂f/∂variable (1) or ∂²f/∂variable² (2)."""

    formula: str
    point: tuple[tuple[str, float], ...]
    order: int
    variable: str | None = None

    @property
    def quantity(self) -> str:
        """The quantity as written in lesson.toml: ``f``, ``df/dx`` or ``d2f/dx2``."""
        if self.order == 0:
            return "f"
        return f"df/d{self.variable}" if self.order == 1 else f"d2f/d{self.variable}2"


@dataclass(frozen=True)
class Question:
    """A "predict first" question: the learner types a number before seeing it.

    The engine's answer comes from ``source`` with ``switches`` on (and every other
    teaching switch off). A prediction is right within ``rel_tol`` (relative) or
    ``abs_tol`` (absolute) of it.
    """

    id: str
    prompt: Text
    source: DemoAnswer | FormulaAnswer
    switches: frozenset[str] = frozenset()
    hint: Text | None = None
    rel_tol: float = 1e-3
    abs_tol: float = 1e-9


@dataclass(frozen=True)
class Lesson:
    """One lesson: explain, load the example, predict, run the book's code, look.

    ``text`` is Markdown, one per language. ``preset`` is the example as a session
    file's dict (copy it before use). ``demo`` names a built-in demo (tutor/lessons/
    demos.py) or is None. ``folder`` is where the lesson was read from; ``builtin``
    is True for the lessons that ship with the tutor.
    """

    id: str
    title: Text
    text: Text
    preset: Mapping = field(repr=False)
    questions: tuple[Question, ...] = ()
    number: int | None = None
    book_steps: str = ""
    demo: str | None = None
    switches: tuple[str, ...] = ()  # teaching switches this lesson offers
    folder: Path | None = None
    builtin: bool = False

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(f"lesson {self.id!r} has no question {question_id!r}")

    def run_demo(self, switches: Iterable[str] = ()) -> DemoRun:
        """Run this lesson's demo with ``switches`` on; returns what it printed."""
        if self.demo is None:
            raise ValueError(f"lesson {self.id!r} has no demo")
        return run_demo(self.demo, switches)

    @property
    def code(self) -> str:
        """The demo's code as the learner reads it ('' if the lesson has no demo)."""
        return demo_source(self.demo) if self.demo is not None else ""


__all__ = [
    "LANGUAGES",
    "VIEWS",
    "DemoAnswer",
    "FormulaAnswer",
    "Lesson",
    "Question",
    "Text",
]
