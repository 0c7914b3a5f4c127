"""Text in several languages: every lesson's words come in each of ``LANGUAGES``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

# Every lesson has its text in each of these languages; English is the fallback.
LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class Text:
    """The same text in several languages (``Text({"en": ..., "ko": ...})``)."""

    by_language: Mapping[str, str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_language", MappingProxyType(dict(self.by_language)))

    def get(self, language: str) -> str:
        """The text in ``language``, or in English if there is none in it."""
        return self.by_language.get(language) or self.by_language.get("en", "")


__all__ = ["LANGUAGES", "Text"]
