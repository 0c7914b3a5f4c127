"""Ctrl+Z in a field that still shows what the app put there is the app's Undo.

A QLineEdit takes Ctrl+Z and Ctrl+Y for its own text, always: with the focus in a
range field, Edit > Undo would never fire, and the field's own history (which may hold
a value that was just refused) would come back instead. ``undo_passes_through(field,
unchanged)`` lets the keys through to the window's Undo/Redo while ``unchanged()`` is
true: the field shows the document's value, so there is no typing of its own to undo.
While the learner has typed something, Ctrl+Z undoes that typing, as in any field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget


class _UndoPassesThrough(QObject):
    def __init__(self, field: QWidget, unchanged: Callable[[], bool]) -> None:
        super().__init__(field)
        self._unchanged = unchanged

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            # Left unaccepted, the override lets the window's Undo/Redo shortcut fire.
            return self._unchanged()
        return False


def undo_passes_through(field: QWidget, unchanged: Callable[[], bool]) -> None:
    """Make Ctrl+Z / Ctrl+Y in ``field`` the app's Undo/Redo while ``unchanged()``."""
    field.installEventFilter(_UndoPassesThrough(field, unchanged))


__all__ = ["undo_passes_through"]
