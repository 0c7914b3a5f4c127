"""The interface language, switched live with Qt's own translation system.

Every visible string goes through ``tr()``. ``gui/translations/`` holds one catalogue per
language: ``autodiff_tutor_<code>.ts`` (the source translators edit) compiled to
``autodiff_tutor_<code>.qm`` (what is loaded) by ``tools/update_translations.py``. The
languages offered are English (the source text) and every compiled catalogue found
there: adding a language is adding one ``.ts`` file.

Switching installs the language's ``QTranslator`` (and Qt's own, for its standard
dialogs). Qt then sends every widget a ``LanguageChange`` event; each widget sets its
texts in one ``retranslate()`` method, called when it is built and again from
``changeEvent`` (see ``gui.widgets.retranslating.Retranslating``).

Texts that are data rather than interface (the lessons) come in each language from
``tutor.lessons``; widgets pick them with ``current_language()``. Sentences made by
``tutor`` (errors, notices) are ``tutor.messages.Message`` objects: ``tr_message``
translates them.
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

from tutor.messages import Message, message_of

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
CATALOG = "autodiff_tutor"
SOURCE_LANGUAGE = "en"
SETTINGS_KEY = "ui/language"


def _native_name(code: str) -> str:
    """A language named in itself, so a learner finds their own in any interface."""
    if code == SOURCE_LANGUAGE:
        return "English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def available_languages(folder: Path = TRANSLATIONS_DIR) -> dict[str, str]:
    """Code -> native name: English, then every compiled catalogue in ``folder``."""
    codes = sorted(path.stem.removeprefix(CATALOG + "_") for path in folder.glob(CATALOG + "_*.qm"))
    return {code: _native_name(code) for code in [SOURCE_LANGUAGE, *codes]}


LANGUAGES: dict[str, str] = available_languages()


def system_language() -> str:
    """The first of the system's preferred languages that we have (English if none)."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    code = QLocale.languageToCode(QLocale.system().language())
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def stored_language() -> str | None:
    """The language chosen from the menu last time, if any."""
    value = QSettings().value(SETTINGS_KEY)
    return value if isinstance(value, str) and value in LANGUAGES else None


class Translations(QObject):
    """The translators installed in the application, and the current language.

    ``sigLanguageChanged(code)`` is emitted after a real change, once every widget has
    handled its ``LanguageChange`` event.
    """

    sigLanguageChanged = Signal(str)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = SOURCE_LANGUAGE

    def set_language(self, code: str, remember: bool = False) -> bool:
        """Switch the interface to ``code``; True if its catalogue loaded.

        With ``remember=True`` the choice is stored and used at the next start.
        """
        if code not in LANGUAGES:
            known = ", ".join(LANGUAGES)
            raise ValueError(f"unsupported language {code!r} (known: {known})")
        if remember:
            QSettings().setValue(SETTINGS_KEY, code)
        if code == self.language:
            return True
        translators = []
        if code != SOURCE_LANGUAGE:
            ours = QTranslator(self)
            if not ours.load(f"{CATALOG}_{code}", str(TRANSLATIONS_DIR)):
                return False
            # Qt's own dialogs and buttons (Cancel, Open, ...) too, where Qt ships them.
            qt = QTranslator(self)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{code}", qt_dir):
                translators.append(qt)
            translators.append(ours)
        # The language is set first: widgets ask current_language() for data texts
        # (lessons) when they handle the LanguageChange events.
        self.language = code
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = translators
        for translator in translators:
            self._app.installTranslator(translator)
        # Qt posts LanguageChange; deliver it now, so the switch is done on return.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.sigLanguageChanged.emit(code)
        return True


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
    """The code of the language the interface is showing ("en", "ko", ...)."""
    return _translations.language if _translations is not None else SOURCE_LANGUAGE


def set_language(code: str, remember: bool = False) -> bool:
    """Switch the whole interface live (installs translations first if needed)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    t = _translations if _translations is not None and _translations.parent() is app else None
    if t is None:
        t = install(app, SOURCE_LANGUAGE)
    return t.set_language(code, remember)


def tr_message(message: Message | str | BaseException) -> str:
    """A sentence from ``tutor`` in the interface's language.

    ``tutor`` raises and returns ``Message`` objects (an English template and its
    values); the template is looked up in the context ``Message`` and the values are
    put into the translation. Plain strings pass through unchanged.
    """
    if isinstance(message, BaseException):
        message = message_of(message)
    if isinstance(message, Message):
        return message.format(lambda template: QCoreApplication.translate("Message", template))
    return str(message)


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
        self.retranslate()

    def _choose(self, code: str) -> None:
        set_language(code, remember=True)

    def retranslate(self) -> None:
        self.setTitle(self.tr("&Language"))
        self._actions[current_language()].setChecked(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


__all__ = [
    "LANGUAGES",
    "available_languages",
    "LanguageMenu",
    "Translations",
    "current_language",
    "install",
    "set_language",
    "stored_language",
    "system_language",
    "tr_message",
    "translations",
]
