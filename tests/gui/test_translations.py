"""The Korean translation is complete, compiled, used, and switchable while running."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QGroupBox, QMenu, QPushButton

from gui import i18n

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations as ut  # noqa: E402

TS = ut.TS_FILE
QM = ut.QM_FILE


@pytest.fixture(autouse=True)
def _english_afterwards(qapp, qt_test_paths):
    yield
    i18n.set_language("en")


def _our_contexts() -> set[str]:
    """Class names defined in gui/*.py: the contexts of our own tr() calls."""
    names = {context for context, _source in ut.messages(TS)}
    for path in (ROOT / "gui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    return names


def _qm_translator() -> QTranslator:
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} does not load"
    return translator


def test_every_message_in_the_ts_is_translated():
    messages = ut.messages(TS)
    assert len(messages) > 100
    unfinished = sorted(f"[{c}] {s!r}" for (c, s), t in messages.items() if t is None)
    assert not unfinished, "unfinished in the .ts:\n" + "\n".join(unfinished)


def test_the_ts_has_every_string_the_code_uses():
    if ut.tool("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    problems = ut.problems()
    assert not problems, "run tools/update_translations.py and translate:\n" + "\n".join(problems)


def test_the_qm_is_compiled_from_the_current_ts():
    translator = _qm_translator()
    stale = [
        (context, source)
        for (context, source), text in ut.messages(TS).items()
        if text is not None and translator.translate(context, source) != text
    ]
    assert not stale, f"{QM.name} is older than the .ts (rerun the tool): {stale[:5]}"


PLACEHOLDER = re.compile(r"\{(\w+)(?:[:!][^{}]*)?\}")


def test_placeholders_survive_translation():
    """A translation keeps every {field} of its source, or .format() would fail."""
    for (context, source), text in ut.messages(TS).items():
        if text is not None:
            wanted = set(PLACEHOLDER.findall(source))
            assert set(PLACEHOLDER.findall(text)) == wanted, (context, source, text)


class _Recorder(QTranslator):
    """Asked first for every lookup; remembers it and lets the real translators answer."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401
        self.seen.add((context, source))
        return ""

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def test_every_string_the_window_looks_up_has_a_korean_translation(qtbot, qapp):
    """Whatever the code asks ``tr()`` for at run time — also through helpers that
    lupdate cannot see — is in the Korean catalogue."""
    from gui.main_window import MainWindow
    from gui.panels.lessons.lesson_panel import LessonPanel

    assert i18n.set_language("ko")
    recorder = _Recorder()
    qapp.installTranslator(recorder)
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.show()
        panel = window.findChild(LessonPanel)
        for index in range(8):
            panel.set_lesson(index)
            panel.run_demo()
            for row, question in enumerate(panel.lesson.questions):
                panel.question_rows()[row].edit.setText("12345")
                panel.check(row)
                panel.reveal(row)
                panel.question_rows()[row].edit.setText("x")
                panel.check(row)
                assert question
            for sid in panel.lesson.switches:
                panel.switches.set(sid, True)
        panel.switches.all_off()
        window.controller.set_expression("x^2 * y")
        window.controller.set_value("x", 2.0)
        window.controller.flush()
        for menu in window.menuBar().findChildren(QMenu):
            menu.aboutToShow.emit()
        qtbot.wait(10)
    finally:
        qapp.removeTranslator(recorder)

    ours = _our_contexts()
    translator = _qm_translator()
    missing = sorted(
        f"[{context}] {source!r}"
        for context, source in recorder.seen
        if context in ours and source and not translator.translate(context, source)
    )
    assert not missing, "looked up at run time but not translated:\n" + "\n".join(missing)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_window_constructs_and_renders_in_both_languages(qtbot, qapp, language, tmp_path):
    from gui.main_window import MainWindow

    assert i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    file_menu = window.menuBar().actions()[0].text()
    assert file_menu == {"en": "&File", "ko": "파일(&F)"}[language]
    path = tmp_path / f"window-{language}.png"
    assert window.grab().save(str(path))
    assert path.stat().st_size > 20_000
    image = window.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 13) for y in range(0, image.height(), 13)
    }
    assert len(colours) > 20


def test_switching_language_while_running_retranslates_the_window(qtbot, qapp):
    from gui.main_window import MainWindow

    assert i18n.set_language("en")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()

    def texts():
        boxes = {b.objectName(): b.title() for b in window.findChildren(QGroupBox)}
        return (
            window.menuBar().actions()[0].text(),
            boxes.get("formulaBox"),
            window.side_tabs.tabText(window.side_tabs.indexOf(window.lesson_panel)),
            window.findChild(QPushButton, "loadPresetButton").text(),
        )

    assert texts() == ("&File", "Formula", "Lessons", "Load Example")
    language_menu = window.findChild(QMenu, "languageMenu")
    korean = next(a for a in language_menu.actions() if a.data() == "ko")
    korean.trigger()
    qtbot.waitUntil(lambda: texts() == ("파일(&F)", "수식", "레슨", "예제 불러오기"))
    assert i18n.current_language() == "ko"
    assert i18n.stored_language() == "ko"  # used at the next start
    assert korean.isChecked()

    english = next(a for a in language_menu.actions() if a.data() == "en")
    english.trigger()
    qtbot.waitUntil(lambda: texts() == ("&File", "Formula", "Lessons", "Load Example"))
    assert i18n.stored_language() == "en"


def test_texts_filled_from_a_template_follow_the_language(qtbot, qapp):
    """A text made from a template and a value ("f along x") is made again in the
    new language by its widget's retranslate(), with the same value."""
    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    title = window.plot_panel.title
    assert title.text() == "f along x"
    assert i18n.set_language("ko")
    assert title.text() == "x에 따른 f"
    assert i18n.set_language("en")
    assert title.text() == "f along x"


def test_the_languages_offered_are_english_and_every_compiled_catalogue(tmp_path):
    assert i18n.available_languages() == {"en": "English", "ko": "한국어"}
    if ut.tool("pyside6-lrelease") is None:
        pytest.skip("pyside6-lrelease is not installed")
    # A new language is one more .ts: compiled, it is offered, named in itself.
    ts = tmp_path / "autodiff_tutor_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
        "<context><name>FileActions</name><message><source>&amp;File</source>"
        "<translation>&amp;Datei</translation></message></context></TS>",
        encoding="utf-8",
    )
    ut.run_lrelease(ts, ts.with_suffix(".qm"))
    (tmp_path / "autodiff_tutor_ko.qm").write_bytes(QM.read_bytes())
    assert i18n.available_languages(tmp_path) == {
        "en": "English",
        "de": "Deutsch",
        "ko": "한국어",
    }
    assert ut.catalogues() == [TS]  # the tool updates every catalogue the folder has


def test_language_follows_the_system_locale(monkeypatch):
    class FakeLocale:
        def __init__(self, *ui_languages):
            self._ui = list(ui_languages)

        def uiLanguages(self):  # noqa: N802 - Qt's name
            return self._ui

        def language(self):
            return i18n.QLocale.Language.German

    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: FakeLocale("ko-KR")))
    assert i18n.system_language() == "ko"
    # the first preferred language we have wins
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: FakeLocale("de-DE", "ko")))
    assert i18n.system_language() == "ko"
    monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: FakeLocale("de-DE")))
    assert i18n.system_language() == "en"


def test_a_stored_choice_wins_over_the_system_locale(qapp):
    i18n.set_language("ko", remember=True)
    try:
        assert i18n.install(qapp).language == "ko"
    finally:
        i18n.set_language("en", remember=True)
    assert i18n.install(qapp).language == "en"


def test_unknown_language_is_refused(qapp):
    with pytest.raises(ValueError):
        i18n.set_language("xx")
    assert QCoreApplication.translate("LessonPanel", "Check") == "Check"


def test_a_parse_error_in_a_korean_window_is_a_korean_sentence(qtbot, qapp):
    """tutor's sentences (Message objects) are translated by the window, values and all."""
    from gui.main_window import MainWindow

    assert i18n.set_language("ko")
    window = MainWindow()
    qtbot.addWidget(window)
    window.controller.set_expression("2 3")
    text = window.expression_bar.message.text()
    assert "숫자 '2'와 '3'가 나란히 있습니다" in text, text
    assert "side by side" not in text
    assert i18n.set_language("en")
    assert "two numbers side by side: '2' and '3'" in window.expression_bar.message.text()
