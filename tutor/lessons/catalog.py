"""The catalogue: which lessons the tutor has, and a lesson's place in a session file.

The built-in lessons are folders under ``content/`` (read and checked the first time
they are asked for). A ``Catalogue`` holds them and any lesson a teacher opened from a
folder of their own; the session file's ``"lesson"`` object names a lesson by its id
and the teaching switches that were on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from tutor.lessons.loader import LESSON_FILE, LessonError, load_lesson
from tutor.lessons.model import Lesson
from tutor.messages import Message

CONTENT = Path(__file__).with_name("content")


@lru_cache(maxsize=1)
def builtin_lessons() -> tuple[Lesson, ...]:
    """The lessons that ship with the tutor, in book order (by ``number``)."""
    folders = sorted(p for p in CONTENT.iterdir() if (p / LESSON_FILE).is_file())
    lessons = sorted(
        (load_lesson(folder, builtin=True) for folder in folders),
        key=lambda lesson: (lesson.number is None, lesson.number or 0, lesson.id),
    )
    seen: dict[str, Lesson] = {}
    for lesson in lessons:
        if lesson.id in seen:
            raise LessonError(
                lesson.folder / LESSON_FILE,
                Message(
                    "the id '{id}' is also the id of {name}",
                    id=lesson.id,
                    name=seen[lesson.id].folder.name,
                ),
            )
        seen[lesson.id] = lesson
    return tuple(lessons)


class Catalogue:
    """The built-in lessons, then those opened from folders (in the order opened)."""

    def __init__(self, lessons: Iterable[Lesson] | None = None) -> None:
        self._lessons: list[Lesson] = list(builtin_lessons() if lessons is None else lessons)

    def __len__(self) -> int:
        return len(self._lessons)

    def __iter__(self) -> Iterator[Lesson]:
        return iter(self._lessons)

    def __getitem__(self, index: int) -> Lesson:
        return self._lessons[index]

    def get(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self._lessons if lesson.id == lesson_id), None)

    def index_of(self, lesson_id: str) -> int:
        """The position of lesson ``lesson_id`` (KeyError if there is none)."""
        for i, lesson in enumerate(self._lessons):
            if lesson.id == lesson_id:
                return i
        raise KeyError(f"no lesson {lesson_id!r}")

    def add(self, lesson: Lesson) -> int:
        """Add ``lesson``, or replace an opened one with the same id (a teacher opens
        the folder again after editing it). Returns its position.

        Raises ``LessonError`` if a built-in lesson has that id.
        """
        existing = self.get(lesson.id)
        if existing is None:
            self._lessons.append(lesson)
            return len(self._lessons) - 1
        if existing.builtin:
            path = lesson.folder / LESSON_FILE if lesson.folder else Path(LESSON_FILE)
            raise LessonError(
                path,
                Message(
                    "the id '{id}' belongs to a built-in lesson: give this one an id of its own",
                    id=lesson.id,
                ),
                None,
            )
        index = self._lessons.index(existing)
        self._lessons[index] = lesson
        return index

    def open_folder(self, folder: str | os.PathLike) -> int:
        """Read the lesson in ``folder`` and add it; its position. ``LessonError`` if not."""
        return self.add(load_lesson(folder))

    # -- the session file's "lesson" object ---------------------------------------------

    def panel_state(self, lesson_id: str, switches: Iterable[str] = ()) -> dict:
        """The session file's ``"lesson"`` object: the lesson, and switches it asks for.

        Switches the lesson does not offer are never written: a saved file turns on only
        what its lesson is about.
        """
        offered = set(self[self.index_of(lesson_id)].switches)
        state: dict[str, Any] = {"lesson": lesson_id}
        on = sorted(set(switches) & offered)
        if on:
            state["switches"] = on
        return state

    def read_panel_state(self, state: Any) -> tuple[str | None, frozenset[str]]:
        """Lesson id and switches from a session file's ``"lesson"`` object.

        Anything unknown or malformed is ignored (files come from anyone); switches count
        only if the lesson offers them.
        """
        if not isinstance(state, dict):
            return None, frozenset()
        lesson_id = state.get("lesson")
        lesson = self.get(lesson_id) if isinstance(lesson_id, str) else None
        if lesson is None:
            return None, frozenset()
        raw = state.get("switches", [])
        if not isinstance(raw, list):
            return lesson_id, frozenset()
        offered = set(lesson.switches)
        return lesson_id, frozenset(s for s in raw if isinstance(s, str) and s in offered)


def lesson(lesson_id: str) -> Lesson:
    """The built-in lesson with this id (KeyError if there is none)."""
    catalogue = Catalogue()
    return catalogue[catalogue.index_of(lesson_id)]


def panel_state(lesson_id: str, switches: Iterable[str] = ()) -> dict:
    """``Catalogue.panel_state`` for the built-in lessons."""
    return Catalogue().panel_state(lesson_id, switches)


def read_panel_state(state: Any) -> tuple[str | None, frozenset[str]]:
    """``Catalogue.read_panel_state`` for the built-in lessons."""
    return Catalogue().read_panel_state(state)


__all__ = [
    "CONTENT",
    "Catalogue",
    "builtin_lessons",
    "lesson",
    "panel_state",
    "read_panel_state",
]
