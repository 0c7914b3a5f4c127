"""Qt's pattern for live language switching, in one place.

A widget sets every text it shows in ``retranslate()``: once when it is built (its
``__init__`` calls it) and again whenever the language changes, because Qt then sends
every widget a ``LanguageChange`` event. Nothing searches the screen for strings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """Mixin for a QWidget subclass: ``changeEvent(LanguageChange)`` calls ``retranslate``.

    List it before the Qt base class: ``class Panel(Retranslating, QWidget)``.
    """

    def retranslate(self) -> None:
        raise NotImplementedError(f"{type(self).__name__}.retranslate")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
