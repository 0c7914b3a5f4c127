"""The lesson panel, driven like a learner would (pytest-qt, offscreen)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMessageBox, QPushButton

from engine import Config
from gui import i18n
from gui.controller import SessionController
from gui.panels.lessons.lesson_panel import LessonPanel, SwitchBanner
from tutor.lessons import builtin_lessons
from tutor.session import Session

HANGUL = re.compile("[\uac00-\ud7a3]")
LESSONS = builtin_lessons()
LESSONS_BY_ID = {lesson.id: lesson for lesson in LESSONS}


@pytest.fixture(autouse=True)
def _isolated(qapp, qt_test_paths, config_left_alone):
    i18n.install(qapp, "en")
    yield
    i18n.set_language("en")


class Dialogs:
    """Stands in for QMessageBox: records what was asked or shown, never waits."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.warnings: list[str] = []
        self.answer = QMessageBox.StandardButton.Ok

    def question(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return self.answer

    def warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    recorder = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    monkeypatch.setattr(QMessageBox, "warning", recorder.warning)
    return recorder


@pytest.fixture
def panel(qtbot):
    controller = SessionController()
    widget = LessonPanel(controller)
    qtbot.addWidget(widget)
    widget.resize(420, 900)
    widget.show()
    yield widget
    widget.switches.all_off()


def _child(panel, cls, name):
    found = panel.findChild(cls, name)
    assert found is not None, name
    return found


def _predict(qtbot, panel, row: int, text: str) -> str:
    edit = _child(panel, QLineEdit, f"predict_{row}")
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.mouseClick(_child(panel, QPushButton, f"check_{row}"), Qt.MouseButton.LeftButton)
    return _child(panel, QLabel, f"feedback_{row}").text()


def test_walk_through_a_lesson_load_predict_wrong_then_right_reveal_next(qtbot, panel):
    panel.set_lesson("reuse")
    controller = panel.controller

    qtbot.mouseClick(_child(panel, QPushButton, "loadPresetButton"), Qt.MouseButton.LeftButton)
    assert controller.session.expression_text == "x + x"
    assert controller.result.grads == {"x": 2.0}
    assert controller.session.panels["lesson"] == {"lesson": "reuse"}

    feedback = _predict(qtbot, panel, 0, "1")
    assert "Not quite" in feedback and "too low" in feedback
    assert "The engine's answer" not in feedback  # not revealed by a wrong guess

    feedback = _predict(qtbot, panel, 0, "2")
    assert "Right" in feedback and "2.0" in feedback

    qtbot.mouseClick(_child(panel, QPushButton, "reveal_1"), Qt.MouseButton.LeftButton)
    assert "The engine's answer: 3.0" in _child(panel, QLabel, "feedback_1").text()

    qtbot.mouseClick(_child(panel, QPushButton, "nextLessonButton"), Qt.MouseButton.LeftButton)
    assert panel.lesson.id == "generations"
    assert panel.lesson_combo.currentIndex() == 3
    assert "Generations" in _child(panel, QLabel, "lessonTitle").text()
    assert controller.session.panels["lesson"] == {"lesson": "generations"}

    # Coming back, the learner's answers are still there.
    qtbot.mouseClick(_child(panel, QPushButton, "prevLessonButton"), Qt.MouseButton.LeftButton)
    assert _child(panel, QLineEdit, "predict_0").text() == "2"
    assert "Right" in _child(panel, QLabel, "feedback_0").text()


def test_enter_checks_and_nonsense_asks_for_a_number(qtbot, panel):
    edit = _child(panel, QLineEdit, "predict_0")
    qtbot.keyClicks(edit, "four")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "Type a number" in _child(panel, QLabel, "feedback_0").text()
    edit.clear()
    qtbot.keyClicks(edit, "4")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert "Right" in _child(panel, QLabel, "feedback_0").text()


def test_a_wrong_prediction_gets_the_lessons_hint(qtbot, panel):
    panel.set_lesson("generations")
    feedback = _predict(qtbot, panel, 1, "32")
    assert "Hint" in feedback and "8x³" in feedback


def test_every_lesson_shows_its_questions_and_code(qtbot, panel):
    for lesson in LESSONS:
        panel.set_lesson(lesson.id)
        rows = [r for r in panel.question_rows() if r.isVisibleTo(panel)]
        assert len(rows) == len(lesson.questions)
        assert panel.code_view.toPlainText().strip() == lesson.code.strip()
        assert not panel.output_view.isVisibleTo(panel)  # predict first, then run


def test_run_shows_what_the_engine_prints(qtbot, panel):
    panel.set_lesson("several-inputs")
    qtbot.mouseClick(_child(panel, QPushButton, "runDemoButton"), Qt.MouseButton.LeftButton)
    assert panel.output_view.isVisibleTo(panel)
    assert panel.output_view.text() == "variable(13.0)\nvariable(4.0)\nvariable(6.0)"


def test_engine_switch_shows_the_bug_in_the_window_with_a_banner(qtbot, panel):
    panel.set_lesson("reuse")
    panel.load_preset()
    controller = panel.controller
    banner = panel.findChild(SwitchBanner)
    assert not banner.isVisibleTo(panel)

    _child(panel, QCheckBox, "switch_overwrite_grad").setChecked(True)
    controller.flush()
    assert Config.accumulate_grad is False
    assert controller.result.grads["x"] == 1.0  # the window shows the bug
    assert banner.isVisibleTo(panel)
    assert "Overwrite gradients" in banner.label.text()
    state = controller.session.panels["lesson"]
    assert state == {"lesson": "reuse", "switches": ["overwrite_grad"]}

    qtbot.mouseClick(banner.off_button, Qt.MouseButton.LeftButton)
    controller.flush()
    assert Config.accumulate_grad is True
    assert controller.result.grads["x"] == 2.0
    assert not banner.isVisibleTo(panel)
    assert not _child(panel, QCheckBox, "switch_overwrite_grad").isChecked()
    assert controller.session.panels["lesson"] == {"lesson": "reuse"}


def test_no_cleargrad_switch_changes_the_books_code_output(qtbot, panel):
    panel.set_lesson("reuse")
    panel.run_demo()
    assert panel.output_view.text().splitlines() == ["variable(2.0)", "variable(3.0)"]
    _child(panel, QCheckBox, "switch_no_cleargrad").setChecked(True)
    assert panel.output_view.text().splitlines()[-2:] == ["variable(2.0)", "variable(5.0)"]
    assert "No cleargrad" in panel.output_view.text().splitlines()[0]


def test_strong_references_switch_makes_the_live_count_climb(qtbot, panel):
    panel.set_lesson("memory")
    panel.run_demo()
    assert panel.output_view.text().splitlines()[4] == "4 3"
    _child(panel, QCheckBox, "switch_strong_refs").setChecked(True)
    assert Config.weak_outputs is False
    assert panel.output_view.text().splitlines()[1:6] == ["0 3", "1 6", "2 9", "3 12", "4 15"]


def test_a_switch_is_turned_off_by_moving_to_a_lesson_without_it(qtbot, panel):
    panel.set_lesson("generations")
    _child(panel, QCheckBox, "switch_plain_stack").setChecked(True)
    assert Config.order_by_generation is False
    panel.next_lesson()
    assert Config.order_by_generation is True
    assert panel.switches.on == frozenset()
    assert not _child(panel, QCheckBox, "switch_plain_stack").isVisibleTo(panel)


def test_opening_a_document_restores_its_lesson_and_only_the_switches_it_asks_for(qtbot, panel):
    controller = panel.controller
    data = dict(LESSONS_BY_ID["generations"].preset)
    data["lesson"] = {"lesson": "generations", "switches": ["plain_stack", "strong_refs"]}
    controller.replace_session(Session.from_dict(data))
    assert panel.lesson.id == "generations"
    assert panel.switches.on == {"plain_stack"}  # strong_refs is not this lesson's
    assert Config.order_by_generation is False

    controller.replace_session(Session())  # File > New: no lesson, no switch
    assert panel.switches.on == frozenset()
    assert Config.order_by_generation is True
    assert "lesson" not in controller.session.to_dict()  # following is not a change
    assert controller.undo_stack.isClean()


def test_loading_a_preset_asks_before_discarding_unsaved_changes(qtbot, panel, dialogs):
    controller = panel.controller
    assert panel.load_preset() is True  # nothing to lose: not asked
    assert dialogs.asked == []
    controller.set_expression("x^3")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert panel.load_preset() is False
    assert len(dialogs.asked) == 1 and controller.session.expression_text == "x^3"

    dialogs.answer = QMessageBox.StandardButton.Ok
    assert panel.load_preset() is True
    assert controller.session.expression_text == LESSONS[0].preset["expression"]


def test_panel_follows_the_interface_language_live(qtbot, panel):
    assert i18n.set_language("ko")
    qtbot.waitUntil(lambda: HANGUL.search(_child(panel, QLabel, "lessonTitle").text()) is not None)
    assert _child(panel, QPushButton, "loadPresetButton").text() == "예제 불러오기"
    assert HANGUL.search(_child(panel, QLabel, "lessonBody").text())
    assert HANGUL.search(panel.lesson_combo.itemText(0))

    # Feedback is re-rendered in the new language too.
    _predict(qtbot, panel, 0, "4")
    assert "맞았습니다" in _child(panel, QLabel, "feedback_0").text()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: "Variables" in _child(panel, QLabel, "lessonTitle").text())
    assert "Right" in _child(panel, QLabel, "feedback_0").text()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_panel_renders_in_both_languages(qtbot, panel, language, tmp_path):
    assert i18n.set_language(language)
    qtbot.wait(10)
    panel.set_lesson("generations")
    panel.run_demo()
    image = panel.grab().toImage()
    assert image.width() > 300 and image.height() > 300
    path = tmp_path / f"lessons-{language}.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 5000
    # Not a blank picture: many distinct colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
    assert len(colours) > 10


def test_the_window_has_the_lessons_tab_a_banner_and_a_language_menu(qtbot):
    from PySide6.QtWidgets import QMenu, QToolBar

    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = window.findChild(LessonPanel)
    assert window.side_tabs.indexOf(panel) >= 0
    bar = window.findChild(QToolBar, "switchBannerBar")
    assert not bar.isVisibleTo(window)
    try:
        panel.set_lesson("generations")
        panel.switches.set("plain_stack", True)
        assert bar.isVisibleTo(window)
        assert "Plain stack" in bar.findChild(SwitchBanner).label.text()
    finally:
        panel.switches.all_off()
    assert not bar.isVisibleTo(window)
    menu = window.findChild(QMenu, "languageMenu")
    assert [a.text() for a in menu.actions()] == ["English", "한국어"]


def test_loading_an_example_makes_an_untitled_document(qtbot, tmp_path):
    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.set_file_path(str(tmp_path / "homework.json"))
    panel = window.findChild(LessonPanel)
    panel.set_lesson("operators")
    assert panel.load_preset()
    assert window.controller.session.expression_text == "a*b + c"
    assert window.file_path is None  # Save must not overwrite homework.json


def test_a_link_in_the_text_brings_its_view_to_the_front(qtbot):
    from gui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = window.lesson_panel
    window.side_tabs.setCurrentWidget(panel)
    panel.set_lesson("rosenbrock")
    assert 'href="view:map"' in panel.body_label.text()
    with qtbot.waitSignal(panel.sigViewRequested) as requested:
        panel.body_label.linkActivated.emit("view:map")
    assert requested.args == ["map"]
    assert window.side_tabs.currentWidget() is window.map_descent_panel
    panel.body_label.linkActivated.emit("view:graph")
    assert window.side_tabs.currentWidget() is window.graph_panel
    assert window.show_view("nowhere") is False


# -- the panel's state is the document's: undoable, saved ------------------------------------


def test_moving_between_lessons_and_switches_are_undoable_changes(qtbot):
    controller = SessionController(Session.from_dict(LESSONS_BY_ID["several-inputs"].preset))
    panel = LessonPanel(controller)
    qtbot.addWidget(panel)
    stack = controller.undo_stack
    assert panel.lesson.id == "several-inputs" and stack.isClean()

    panel.set_lesson("reuse")
    assert not stack.isClean()  # the file would remember the lesson: unsaved
    assert controller.session.panels["lesson"] == {"lesson": "reuse"}
    assert stack.undoText() == "Go to Lesson “3. Reusing a variable”"
    controller.set_value("x", 1.5)  # another change between the panel's two
    panel.switches.set("overwrite_grad", True)
    state = {"lesson": "reuse", "switches": ["overwrite_grad"]}
    assert controller.session.panels["lesson"] == state
    assert stack.undoText() == "Change Teaching Switches"

    stack.undo()  # the switch goes off with its command
    assert panel.switches.on == frozenset() and Config.accumulate_grad is True
    stack.undo()
    stack.undo()  # and the lesson goes back
    assert panel.lesson.id == "several-inputs" and stack.isClean()
    assert _child(panel, QLabel, "lessonTitle").text() == "2. Several inputs and outputs"
    stack.redo()
    assert panel.lesson.id == "reuse"
    assert panel.lesson_combo.currentIndex() == 2
    panel.switches.all_off()


def test_the_example_goes_through_the_open_session_it_was_given(qtbot):
    controller = SessionController()
    opened = []
    widget = LessonPanel(controller, open_session=lambda s: opened.append(s) or True)
    qtbot.addWidget(widget)
    widget.set_lesson("higher-order")
    assert widget.load_preset() is True
    (session,) = opened
    assert session.expression_text == "x^4 - 2x^2" and "d2f" in session.curves
    assert session.panels["lesson"] == {"lesson": "higher-order"}
    assert controller.session.expression_text != "x^4 - 2x^2"  # the caller decides


# -- the lesson's text is Markdown -------------------------------------------------------------


def _plain(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_lessons_text_is_rendered_from_markdown(qtbot, panel, language):
    assert i18n.set_language(language)
    panel.set_lesson("reuse")
    shown = _child(panel, QLabel, "lessonBody").text()
    text = _plain(shown)
    assert "**" not in text and "`" not in text and "](view:" not in text
    assert 'href="view:graph"' in shown
    assert "font-weight:700" in shown  # **accumulate** is bold
    assert ("accumulate" in text) == (language == "en")
    assert bool(HANGUL.search(text)) == (language == "ko")
    assert "x.cleargrad()" in text


# -- File > Open Lesson: a teacher's folder ---------------------------------------------------


def _teachers_lesson(folder) -> None:
    """The example lesson of docs/lessons.md, written to ``folder``."""
    from tests.tutor.test_lesson_files import doc_example_files

    folder.mkdir()
    for name, text in doc_example_files().items():
        (folder / name).write_text(text, encoding="utf-8")


def test_file_open_lesson_adds_the_teachers_lesson_and_shows_it(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    from gui.main_window import MainWindow

    folder = tmp_path / "chain-rule"
    _teachers_lesson(folder)
    asked = []

    def choose(parent, caption, start, *args, **kwargs):
        asked.append(caption)
        return str(folder)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    panel = window.lesson_panel
    window.side_tabs.setCurrentWidget(window.graph_panel)
    window.open_lesson_action.trigger()

    assert asked == ["Open Lesson Folder"]
    assert window.side_tabs.currentWidget() is panel
    assert panel.lesson.id == "chain-rule"
    assert panel.lesson_combo.count() == len(LESSONS) + 1
    assert panel.lesson_combo.currentText() == "9. The chain rule, once more"
    assert "Opened from chain-rule" in _child(panel, QLabel, "lessonSteps").text()
    assert window.controller.session.panels["lesson"] == {"lesson": "chain-rule"}
    feedback = _predict(qtbot, panel, 1, "1.0806")  # f′(1) = 2·cos(1)
    assert "Right" in feedback
    assert _child(panel, QCheckBox, "switch_overwrite_grad").isVisibleTo(panel)
    qtbot.mouseClick(_child(panel, QPushButton, "loadPresetButton"), Qt.MouseButton.LeftButton)
    assert window.controller.session.expression_text == "sin(x^2)"
    assert window.file_path is None


def test_a_broken_lesson_folder_is_refused_and_the_panel_keeps_its_lesson(
    qtbot, panel, dialogs, tmp_path
):
    folder = tmp_path / "chain-rule"
    _teachers_lesson(folder)
    (folder / "ko.md").unlink()
    panel.set_lesson("reuse")
    assert panel.open_lesson_folder(folder) is False
    (message,) = dialogs.warnings
    assert "chain-rule/ko.md: is missing" in message
    assert panel.last_message == message
    assert panel.lesson.id == "reuse"
    assert panel.lesson_combo.count() == len(LESSONS)
    assert panel.controller.session.panels["lesson"] == {"lesson": "reuse"}


def test_a_cancelled_folder_dialog_opens_nothing(qtbot, panel, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    assert panel.open_lesson_folder() is False
    assert panel.lesson_combo.count() == len(LESSONS)


def test_opening_an_edited_lesson_again_shows_the_new_version(qtbot, panel, tmp_path):
    folder = tmp_path / "chain-rule"
    _teachers_lesson(folder)
    assert panel.open_lesson_folder(folder)
    _predict(qtbot, panel, 0, "0.84")
    toml = folder / "lesson.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace("value = 1.0, min", "value = 2.0, min"),
        encoding="utf-8",
    )
    assert panel.open_lesson_folder(folder)
    assert panel.lesson_combo.count() == len(LESSONS) + 1  # replaced, not added
    assert "x = 2" in _child(panel, QLabel, "presetLabel").text()
    assert _child(panel, QLineEdit, "predict_0").text() == ""  # the old answer is gone
    import math

    feedback = _predict(qtbot, panel, 0, f"{math.sin(4.0):.6f}")  # f = sin(2²)
    assert "Right" in feedback


def test_a_heading_in_the_text_is_a_heading_alone_and_smaller_than_the_title(qtbot):
    from gui.panels.lessons.lesson_text import LessonText

    label = LessonText()
    qtbot.addWidget(label)
    label.set_markdown("First.\n\nSecond paragraph.\n\n## Where to look\n\n- [Plot](view:plot)\n")
    shown = label.text()
    assert shown.count("<h2") == 1
    assert re.search(r"<p [^>]*>Second paragraph\.</p>", shown)
    assert "x-large" not in shown
    assert label.markdown().startswith("First.")


def test_a_session_names_an_opened_lesson_only_once_its_folder_is_open(qtbot, panel, tmp_path):
    folder = tmp_path / "chain-rule"
    _teachers_lesson(folder)
    controller = panel.controller
    data = {**LESSONS_BY_ID["reuse"].preset, "lesson": {"lesson": "chain-rule"}}
    controller.replace_session(Session.from_dict(data))
    assert panel.lesson.id == LESSONS[0].id  # not known yet: ignored
    assert panel.open_lesson_folder(folder)
    panel.set_lesson(0)
    controller.replace_session(Session.from_dict(data))
    assert panel.lesson.id == "chain-rule"
