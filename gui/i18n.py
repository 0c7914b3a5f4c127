"""The interface language: English (the source text) or Korean, switched live.

Every visible string goes through Qt's ``tr()``; ``gui/translations/`` holds the Korean
translation (``autodiff_tutor_ko.ts``, compiled to ``autodiff_tutor_ko.qm`` by
``tools/update_translations.py``). At start the language is the one chosen last time
from View > Language, else the system locale's. Switching installs or removes the
translators; Qt then sends every widget a ``LanguageChange`` event, and widgets that
handle it (``changeEvent`` -> ``retranslateUi``) redraw their text at once.

Texts that are data rather than interface (the lessons) come in both languages from
``engine.lessons``; widgets pick them with ``current_language()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
CATALOG = "autodiff_tutor"
SETTINGS_KEY = "ui/language"

# Each language is named in itself: a learner who cannot read the current language
# must still find their own.
LANGUAGES: dict[str, str] = {"en": "English", "ko": "한국어"}


def system_language() -> str:
    """The supported language that matches the system locale ("en" if none does)."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def stored_language() -> str | None:
    """The language chosen from the menu last time, if any."""
    value = QSettings().value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


class Translations(QObject):
    """The translators installed in the application, and the current language.

    ``sigLanguageChanged(code)`` is emitted after a real change, once every widget has
    received its ``LanguageChange`` event.
    """

    sigLanguageChanged = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "en"

    def set_language(self, code: str, remember: bool = False) -> bool:
        """Switch the interface to ``code``; True if its translation loaded.

        With ``remember=True`` the choice is stored and used at the next start.
        """
        if code not in LANGUAGES:
            raise ValueError(f"unsupported language {code!r} (known: {', '.join(LANGUAGES)})")
        if remember:
            QSettings().setValue(SETTINGS_KEY, code)
        if code == self.language and (code == "en" or self._translators):
            return True
        # The language is set first: widgets ask current_language() when they handle
        # the LanguageChange events that (un)installing translators sends them.
        previous, self.language = self.language, code
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        ok = True
        if code != "en":
            ours = QTranslator(self)
            ok = ours.load(f"{CATALOG}_{code}", str(TRANSLATIONS_DIR))
            if ok:
                # Qt's own dialogs and buttons (Cancel, Open, ...) too, where Qt ships them.
                qt = QTranslator(self)
                qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
                if qt.load(f"qtbase_{code}", qt_dir):
                    self._app.installTranslator(qt)
                    self._translators.append(qt)
                self._app.installTranslator(ours)
                self._translators.append(ours)
        if not ok:
            self.language = "en"
        if self.language != previous:
            self.sigLanguageChanged.emit(self.language)
        return ok


_translations: Translations | None = None


def install(app: QCoreApplication, language: str | None = None) -> Translations:
    """Set up translations for ``app``: ``language``, else the stored choice, else the
    system's. Safe to call again (returns the same object)."""
    global _translations
    if _translations is None or _translations.parent() is not app:
        _translations = Translations(app)
    _translations.set_language(language or stored_language() or system_language())
    return _translations


def translations() -> Translations | None:
    """The installed ``Translations``, or None before ``install``."""
    return _translations


def current_language() -> str:
    """ "en" or "ko": the language the interface is showing."""
    return _translations.language if _translations is not None else "en"


def set_language(code: str, remember: bool = False) -> bool:
    """Switch the whole interface live (installs translations first if needed)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    t = _translations if _translations is not None and _translations.parent() is app else None
    if t is None:
        t = install(app, "en")
    return t.set_language(code, remember)


class LanguageMenu(QMenu):
    """View > Language: one checkable entry per language, each named in itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageMenu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self._actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self)
            action.setCheckable(True)
            action.setData(code)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _checked=False, c=code: self._choose(c))
            self._group.addAction(action)
            self.addAction(action)
            self._actions[code] = action
        self.retranslateUi()

    def _choose(self, code: str) -> None:
        set_language(code, remember=True)

    def retranslateUi(self) -> None:  # noqa: N802 - Qt's naming
        self.setTitle(self.tr("&Language"))
        self._actions[current_language()].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


__all__ = [
    "LANGUAGES",
    "LanguageMenu",
    "Translations",
    "current_language",
    "install",
    "set_language",
    "stored_language",
    "system_language",
    "translations",
]
