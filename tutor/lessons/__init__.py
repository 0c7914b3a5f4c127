"""Guided lessons that rebuild the engine's ideas one by one, following the book.

Lesson content is data: one folder per lesson under ``content/`` (lesson.toml, en.md,
ko.md; the format is in docs/lessons.md), read and checked by ``loader``. The book's
code that the lessons run is ordinary Python in ``demos``; ``switches`` brings back the
bugs the book fixes; ``checking`` computes answers and checks predictions; ``catalog``
lists the lessons. Nothing here imports Qt.
"""

from tutor.lessons import demos_modes  # noqa: F401  (registers the demo of lesson 13)
from tutor.lessons.catalog import (
    Catalogue,
    builtin_lessons,
    lesson,
    panel_state,
    read_panel_state,
)
from tutor.lessons.checking import answer, is_close, parse_prediction, parse_quantity
from tutor.lessons.demo_runs import DemoRun, run_demo
from tutor.lessons.demos import DEMOS, demo_source
from tutor.lessons.loader import LessonError, load_lesson
from tutor.lessons.model import VIEWS, DemoAnswer, FormulaAnswer, Lesson, Question
from tutor.lessons.switches import (
    SWITCHES,
    Switch,
    TeachingSwitches,
    engine_switches_on,
    run_with_switches,
)
from tutor.lessons.text import LANGUAGES, Text
from tutor.lessons.tracing import LiveFunctions, VisitOrder

__all__ = [
    "DEMOS",
    "LANGUAGES",
    "SWITCHES",
    "VIEWS",
    "Catalogue",
    "DemoAnswer",
    "DemoRun",
    "FormulaAnswer",
    "Lesson",
    "LessonError",
    "LiveFunctions",
    "Question",
    "Switch",
    "TeachingSwitches",
    "Text",
    "VisitOrder",
    "answer",
    "builtin_lessons",
    "demo_source",
    "engine_switches_on",
    "is_close",
    "lesson",
    "load_lesson",
    "panel_state",
    "parse_prediction",
    "parse_quantity",
    "read_panel_state",
    "run_demo",
    "run_with_switches",
]
