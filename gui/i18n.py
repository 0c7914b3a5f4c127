"""The interface language: English (the source text) or Korean, switched live.

Every visible string goes through Qt's ``tr()``; ``gui/translations/`` holds the Korean
translation (``autodiff_tutor_ko.ts``, compiled to ``autodiff_tutor_ko.qm`` by
``tools/update_translations.py``). At start the language is the one chosen last time
from View > Language, else the system locale's. Switching installs or removes the
translators; Qt then sends every widget a ``LanguageChange`` event, and widgets that
handle it (``changeEvent`` -> ``retranslateUi``) redraw their text at once.

Texts that are data rather than interface (the lessons) come in both languages from
``tutor.lessons``; widgets pick them with ``current_language()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
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
            app = self._app
            if hasattr(app, "topLevelWidgets"):
                for widget in app.topLevelWidgets():
                    retranslate_widgets(widget, previous, self.language)
            self.sigLanguageChanged.emit(self.language)
        return ok


_translations: Translations | None = None


# =============================================================================
# live switching for widgets that set their text once
# =============================================================================
# A widget that implements ``retranslateUi`` (and calls it on LanguageChange) redraws
# its own text. Most widgets simply call ``tr()`` when they are built. For those, the
# text on screen is looked up in the catalogue of the language being left (which
# (context, source) shows as this?) and replaced by the same message in the new
# language. Text filled in from a template (``tr("f along {name}").format(...)``) is
# matched against the template, and the same values are put into the new one.

_PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^{}]*)?\}")
_MIN_LITERAL = 3  # a template must have this much fixed text to be matched against


@dataclass
class _Catalogue:
    exact: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    templates: list[tuple[re.Pattern, str, str]] = field(default_factory=list)


_catalogues: dict[str, _Catalogue] = {}


def _template_pattern(shown: str) -> re.Pattern | None:
    """A regex that matches ``shown`` with its ``{fields}`` filled in, or None."""
    names = _PLACEHOLDER.findall(shown)
    literal = _PLACEHOLDER.sub("", shown)
    if not names or len(literal.strip()) < _MIN_LITERAL:
        return None
    out, seen, pos = [], set(), 0
    for m in _PLACEHOLDER.finditer(shown):
        out.append(re.escape(shown[pos : m.start()]))
        name = m.group(1)
        out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    out.append(re.escape(shown[pos:]))
    try:
        return re.compile("".join(out), re.DOTALL)
    except re.error:
        return None


def _catalogue(language: str) -> _Catalogue:
    """Shown text in ``language`` -> the (context, source) messages that show it."""
    if language not in _catalogues:
        import xml.etree.ElementTree as ET

        cat = _Catalogue()
        ts = TRANSLATIONS_DIR / f"{CATALOG}_ko.ts"
        if ts.exists():
            for context in ET.parse(ts).getroot().iter("context"):
                name = context.findtext("name") or ""
                for message in context.iter("message"):
                    source = message.findtext("source") or ""
                    if language == "en":
                        shown = source
                    else:
                        tr = message.find("translation")
                        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
                            continue
                        shown = tr.text or ""
                    if not shown:
                        continue
                    cat.exact.setdefault(shown, []).append((name, source))
                    pattern = _template_pattern(shown)
                    if pattern is not None:
                        cat.templates.append((pattern, name, source))
        _catalogues[language] = cat
    return _catalogues[language]


def _prefer(candidates: list, contexts: list[str], context_of) -> object:
    for context in contexts:  # the nearest enclosing class whose context has it
        for c in candidates:
            if context_of(c) == context:
                return c
    return candidates[0]


def _in_language(context: str, source: str, language: str) -> str:
    return source if language == "en" else QCoreApplication.translate(context, source)


def _translated(text: str, old: str, new: str, contexts: list[str]) -> str | None:
    """``text`` (shown in ``old``) in language ``new``, or None if it is not a message."""
    if not text:
        return None
    cat = _catalogue(old)
    candidates = cat.exact.get(text)
    if candidates:
        context, source = _prefer(candidates, contexts, lambda c: c[0])
        return _in_language(context, source, new)
    matches = [(p.fullmatch(text), ctx, src) for p, ctx, src in cat.templates]
    matches = [m for m in matches if m[0] is not None]
    if not matches:
        return None
    match, context, source = _prefer(matches, contexts, lambda m: m[1])
    values = match.groupdict()
    template = _in_language(context, source, new)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def _contexts(obj: QObject) -> list[str]:
    names = []
    while obj is not None:
        names.append(type(obj).__name__)
        obj = obj.parent()
    return names


def _handles_itself(obj: QObject) -> bool:
    while obj is not None:
        if callable(getattr(obj, "retranslateUi", None)):
            return True
        obj = obj.parent()
    return False


def retranslate_widgets(root: QObject, old: str, new: str) -> int:
    """Re-translate the fixed texts under ``root`` from ``old`` to ``new``.

    Covers labels, buttons, group boxes, tabs, menus, actions, placeholders and tool
    tips; skips anything inside an object with its own ``retranslateUi``. Returns how
    many texts changed.
    """
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGraphicsView,
        QGroupBox,
        QLabel,
        QLineEdit,
        QStatusBar,
        QTabWidget,
    )

    changed = 0

    def swap(getter, setter, obj) -> None:
        nonlocal changed
        text = getter()
        new_text = _translated(text, old, new, _contexts(obj))
        if new_text is not None and new_text != text:
            setter(new_text)
            changed += 1

    objects = [root, *root.findChildren(QObject)]
    for obj in objects:
        if _handles_itself(obj):
            continue
        if isinstance(obj, QAction):
            swap(obj.text, obj.setText, obj)
            swap(obj.toolTip, obj.setToolTip, obj)
            swap(obj.statusTip, obj.setStatusTip, obj)
            continue
        if not isinstance(obj, QWidget):
            continue
        if isinstance(obj, QMenu):
            swap(obj.title, obj.setTitle, obj)
        elif isinstance(obj, QLabel):
            swap(obj.text, obj.setText, obj)
        elif isinstance(obj, QAbstractButton):
            swap(obj.text, obj.setText, obj)
        elif isinstance(obj, QGroupBox):
            swap(obj.title, obj.setTitle, obj)
        elif isinstance(obj, QLineEdit):
            swap(obj.placeholderText, obj.setPlaceholderText, obj)
        elif isinstance(obj, QComboBox):
            for i in range(obj.count()):
                swap(
                    lambda o=obj, i=i: o.itemText(i),
                    lambda t, o=obj, i=i: o.setItemText(i, t),
                    obj,
                )
        if isinstance(obj, QTabWidget):
            for i in range(obj.count()):
                page = obj.widget(i)
                if page is not None and _handles_itself(page):
                    continue
                swap(lambda o=obj, i=i: o.tabText(i), lambda t, o=obj, i=i: o.setTabText(i, t), obj)
                swap(
                    lambda o=obj, i=i: o.tabToolTip(i),
                    lambda t, o=obj, i=i: o.setTabToolTip(i, t),
                    obj,
                )
        if isinstance(obj, QStatusBar):
            swap(obj.currentMessage, lambda t, o=obj: o.showMessage(t, 10000), obj)
        if isinstance(obj, QGraphicsView) and obj.scene() is not None:
            # pyqtgraph's labels (legend entries, titles) are items, not widgets.
            for item in obj.scene().items():
                text = getattr(item, "text", None)
                if isinstance(text, str) and callable(getattr(item, "setText", None)):
                    swap(lambda i=item: i.text, item.setText, obj)
        swap(obj.toolTip, obj.setToolTip, obj)
        swap(obj.statusTip, obj.setStatusTip, obj)
    return changed


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
    "retranslate_widgets",
    "set_language",
    "stored_language",
    "system_language",
    "tr_message",
    "translations",
]
