"""Sentences for the learner, kept translatable although this package knows nothing of Qt.

A ``Message`` is an English template with named fields and the values that fill them:

    >>> m = Message("'{name}' is not a function", name="foo")
    >>> str(m)
    "'foo' is not a function"

``str()`` gives the English sentence (the command line prints it). The window instead
looks the *template* up in its translation catalogue (context ``"Message"``) and fills
in the same values, so a Korean dialog shows a Korean sentence. A value may itself be a
Message; it is translated the same way before it is put in.

Errors carry a Message as their argument, ``SessionError(Message(...))``, so
``str(error)`` stays the English sentence and ``error.args[0]`` keeps what the window
needs to translate it (``message_of(error)``).

``tools/update_translations.py`` finds every ``Message("...")`` written with a literal
template under ``tutor/`` and adds it to the catalogue, so a new sentence is translated
like any other string of the interface.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Translate = Callable[[str], str]


class Message:
    """An English template (``str.format`` fields) and the values for its fields."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: Any) -> None:
        self.template = template
        self.values = values

    def format(self, translate: Translate | None = None) -> str:
        """The sentence, with ``translate`` applied to this template and nested ones."""
        values = {
            key: value.format(translate) if isinstance(value, Message) else value
            for key, value in self.values.items()
        }
        template = translate(self.template) if translate is not None else self.template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation that lost or garbled a field must not hide the message.
            return self.template.format(**values)

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.values) == (other.template, other.values)

    __hash__ = None  # values may be unhashable


def message_of(error: BaseException) -> Message | str:
    """The Message an error was raised with, or its plain text."""
    if error.args and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error)


__all__ = ["Message", "Translate", "message_of"]
