"""The lesson panel: guided lessons that follow the book, with "predict first" questions.

A thin view over ``tutor.lessons``: it shows one lesson at a time from a ``Catalogue``
(the built-in lessons and any a teacher opened from a folder): its Markdown text in the
interface language, the example to load, questions, the book's code run on the engine,
and teaching switches. It never reaches into the window: loading the example goes
through the ``open_session`` callable the window passes in, a link to a view is the
signal ``sigViewRequested``, and the panel's own state (lesson, switches) is written
with ``controller.set_panel_state("lesson", ...)``, so it is undoable and saved.

Teaching switches change the engine for the whole window (they are ``Config`` flags),
so while one is on a ``SwitchBanner`` says so, here and at the top of the window.
"""

from __future__ import annotations

import copy
import html
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import current_language, tr_message
from gui.panels.lessons.lesson_text import LessonText
from gui.widgets.retranslating import Retranslating
from tutor.lessons import (
    SWITCHES,
    Catalogue,
    DemoRun,
    Lesson,
    LessonError,
    Question,
    TeachingSwitches,
    answer,
    is_close,
    parse_prediction,
)
from tutor.numbers import as_book_prints
from tutor.session import Session

PANEL_KEY = "lesson"
MAX_CODE_LINES = 18


@dataclass
class _Answer:
    """What the learner did with one question (kept while they move between lessons)."""

    text: str = ""
    status: str = ""  # "", "right", "wrong", "invalid"
    predicted: float | None = None
    revealed: bool = False


# =============================================================================
# the banner: visible while any teaching switch is on
# =============================================================================


class SwitchBanner(Retranslating, QFrame):
    """A coloured strip that names the teaching switches that are on, with "Turn off"."""

    def __init__(
        self, switches: TeachingSwitches, parent: QWidget | None = None, auto_hide: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("switchBanner")
        self._auto_hide = auto_hide  # else whoever holds the banner shows and hides it
        self._switches = switches
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setObjectName("switchBannerText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.off_button = QPushButton(self)
        self.off_button.setObjectName("switchBannerOff")
        self.off_button.clicked.connect(switches.all_off)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.off_button, 0, Qt.AlignmentFlag.AlignVCenter)
        switches.listeners.append(self._refresh)
        self.destroyed.connect(lambda *_: _discard(switches.listeners, self._refresh))
        self.retranslate()

    def retranslate(self) -> None:
        self._refresh()

    def _refresh(self) -> None:
        on = self._switches.on
        names = _switch_names(on, current_language())
        self.label.setText(
            "⚠ <b>{}</b> {} — {}".format(
                self.tr("Teaching mode on:"),
                names,
                self.tr("results show a bug the book fixes."),
            )
        )
        self.off_button.setText(self.tr("Turn off"))
        if self._auto_hide:
            self.setVisible(bool(on))

    def give_way(self) -> None:
        """Stay hidden from now on: another banner names these switches."""
        self._auto_hide = False
        self.hide()


def _switch_names(switches, language: str) -> str:
    return ", ".join(SWITCHES[s].title.get(language) for s in sorted(switches))


def _discard(listeners: list, fn: Callable) -> None:
    if fn in listeners:
        listeners.remove(fn)


def install_switch_banner(
    window: QMainWindow, switches: TeachingSwitches, replaces: Iterable[SwitchBanner] = ()
) -> QToolBar:
    """Put a ``SwitchBanner`` across the top of ``window`` (shown only while a switch is on).

    The banners in ``replaces`` (a panel's own, for the same switches) stay hidden from
    then on: one banner is enough.
    """
    bar = QToolBar(window)
    bar.setObjectName("switchBannerBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)  # not something to hide from the menu
    # A tool bar shows and hides its widgets through their actions: hide the bar instead.
    banner = SwitchBanner(switches, bar, auto_hide=False)
    banner.label.setWordWrap(False)  # one line across the window
    banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    bar.addWidget(banner)
    for other in replaces:
        other.give_way()
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def follow() -> None:
        bar.setVisible(bool(switches.on))

    switches.listeners.append(follow)
    bar.destroyed.connect(lambda *_: _discard(switches.listeners, follow))
    follow()
    return bar


# =============================================================================
# one "predict first" question
# =============================================================================


class _QuestionRow(QFrame):
    """Prompt, an input for the prediction, Check and Reveal, and the feedback."""

    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("class", "questionRow")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 4)
        layout.setSpacing(4)
        self.prompt = QLabel(self)
        self.prompt.setObjectName(f"prompt_{index}")
        self.prompt.setWordWrap(True)
        self.prompt.setTextFormat(Qt.TextFormat.RichText)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"predict_{index}")
        self.edit.setClearButtonEnabled(True)
        self.check_button = QPushButton(self)
        self.check_button.setObjectName(f"check_{index}")
        self.check_button.setDefault(False)
        self.reveal_button = QPushButton(self)
        self.reveal_button.setObjectName(f"reveal_{index}")
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.edit, 1)
        row.addWidget(self.check_button)
        row.addWidget(self.reveal_button)
        self.feedback = QLabel(self)
        self.feedback.setObjectName(f"feedback_{index}")
        self.feedback.setWordWrap(True)
        self.feedback.setTextFormat(Qt.TextFormat.RichText)
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self._reserve_feedback_room()

    def _reserve_feedback_room(self) -> None:
        """Two lines kept for the feedback, shown or not: checking an answer must not
        push the next question's field away from under the pointer."""
        self.feedback.setMinimumHeight(2 * self.feedback.fontMetrics().lineSpacing() + 2)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._reserve_feedback_room()
        super().changeEvent(event)


# =============================================================================
# the panel
# =============================================================================


class LessonPanel(Retranslating, QWidget):
    """Guided lessons: explanation, example, predict-first questions, the book's code.

    ``controller`` is the window's ``SessionController``. ``open_session(session) ->
    bool``, if given, replaces the document when the example is loaded (the window's
    File actions: they offer to save unsaved work first); without it the panel asks
    itself and calls ``controller.replace_session``. ``catalogue`` holds the lessons
    (by default the built-in ones); File > Open Lesson adds to it (``open_lesson_folder``).

    ``sigViewRequested(view)`` asks the window to bring a view to the front ("graph",
    "plot", "map", ... — ``tutor.lessons.VIEWS``) when a link in the text is clicked.
    """

    sigLessonChanged = Signal(str)
    sigViewRequested = Signal(str)
    _built = False  # changeEvent waits for the whole panel

    def __init__(
        self,
        controller,
        parent: QWidget | None = None,
        open_session: Callable[[Session], bool] | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lessonPanel")
        self.controller = controller
        self.catalogue = catalogue if catalogue is not None else Catalogue()
        self._open_session = open_session
        self.switches = TeachingSwitches()
        self.last_message = ""  # the last error shown (tests and the status bar read it)
        self._index = 0
        self._answers: dict[tuple[str, str], _Answer] = {}
        self._expected: dict[tuple[str, str], float] = {}
        self._demo_shown: set[str] = set()
        self._rows: list[_QuestionRow] = []
        self._switch_boxes: dict[str, tuple[QCheckBox, QLabel]] = {}
        self._following = False  # following the document: nothing to write back
        self._last_folder: str | None = None
        self._build()

        self.switches.listeners.append(self._on_switches_changed)
        # Switches are process-wide engine flags: never leave them on behind a panel
        # that is gone.
        switches = self.switches
        self.destroyed.connect(lambda *_: (switches.listeners.clear(), switches.all_off()))
        controller.sigPanelStateChanged.connect(self._on_controller_panel_state_changed)

        lesson_id, on = self.catalogue.read_panel_state(controller.panel_state(PANEL_KEY))
        self._show_lesson(self.catalogue.index_of(lesson_id) if lesson_id else 0)
        self._follow_switches(on)
        self.retranslate()
        self._built = True

    # -- building ---------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        self.banner = SwitchBanner(self.switches, self)
        banner_box = QVBoxLayout()
        banner_box.setContentsMargins(8, 8, 8, 0)
        banner_box.addWidget(self.banner)
        outer.addLayout(banner_box)

        top = QHBoxLayout()
        top.setContentsMargins(8, 8, 8, 4)
        self.lesson_combo = QComboBox(self)
        self.lesson_combo.setObjectName("lessonCombo")
        self.lesson_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.lesson_combo.setMinimumContentsLength(16)
        self.lesson_combo.currentIndexChanged.connect(self._on_combo_index_changed)
        top.addWidget(self.lesson_combo, 1)
        outer.addLayout(top)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("lessonScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(self.scroll)
        content.setObjectName("lessonContent")
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(8, 4, 8, 10)
        self.content_layout.setSpacing(10)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)

        # title and the lesson's text (Markdown, with links to the views)
        self.title_label = QLabel(content)
        self.title_label.setObjectName("lessonTitle")
        self.title_label.setWordWrap(True)
        self.steps_label = QLabel(content)
        self.steps_label.setObjectName("lessonSteps")
        self.steps_label.setWordWrap(True)
        self.body_label = LessonText(content)
        self.body_label.setObjectName("lessonBody")
        self.body_label.linkActivated.connect(self._on_body_link_activated)
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title_label)
        title_box.addWidget(self.steps_label)
        self.content_layout.addLayout(title_box)
        self.content_layout.addWidget(self.body_label)

        # the example
        preset_box = QVBoxLayout()
        preset_box.setSpacing(4)
        self.load_button = QPushButton(content)
        self.load_button.setObjectName("loadPresetButton")
        self.load_button.clicked.connect(self.load_preset)
        self.preset_label = QLabel(content)
        self.preset_label.setObjectName("presetLabel")
        self.preset_label.setWordWrap(True)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.load_button)
        preset_row.addStretch(1)
        preset_box.addLayout(preset_row)
        preset_box.addWidget(self.preset_label)
        self.content_layout.addLayout(preset_box)

        # predict first
        self.predict_box = QGroupBox(content)
        self.predict_box.setObjectName("predictBox")
        self.predict_layout = QVBoxLayout(self.predict_box)
        self.predict_layout.setContentsMargins(10, 6, 10, 8)
        self.predict_layout.setSpacing(0)
        self.predict_intro = QLabel(self.predict_box)
        self.predict_intro.setObjectName("predictIntro")
        self.predict_intro.setWordWrap(True)
        self.predict_intro.setProperty("class", "muted")
        self.predict_layout.addWidget(self.predict_intro)
        self.content_layout.addWidget(self.predict_box)

        # the book's code, run on the engine
        self.code_box = QGroupBox(content)
        self.code_box.setObjectName("codeBox")
        code_layout = QVBoxLayout(self.code_box)
        code_layout.setContentsMargins(6, 6, 6, 8)
        code_layout.setSpacing(6)
        self.code_view = QPlainTextEdit(self.code_box)
        self.code_view.setObjectName("demoCode")
        self.code_view.setReadOnly(True)
        self.code_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.code_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.code_view.installEventFilter(self)
        run_row = QHBoxLayout()
        self.run_button = QPushButton(self.code_box)
        self.run_button.setObjectName("runDemoButton")
        self.run_button.clicked.connect(self.run_demo)
        self.run_hint = QLabel(self.code_box)
        self.run_hint.setObjectName("runHint")
        self.run_hint.setWordWrap(True)
        self.run_hint.setProperty("class", "muted")
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.run_hint, 1)
        # The output wraps (long numbers) and grows with its text: a label does both.
        self.output_view = QLabel(self.code_box)
        self.output_view.setObjectName("demoOutput")
        self._size_code_fonts()
        self.output_view.setTextFormat(Qt.TextFormat.PlainText)
        self.output_view.setWordWrap(True)
        self.output_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.output_view.setMargin(6)
        code_layout.addWidget(self.code_view)
        code_layout.addLayout(run_row)
        code_layout.addWidget(self.output_view)
        self.content_layout.addWidget(self.code_box)

        # teaching switches
        self.switch_box = QGroupBox(content)
        self.switch_box.setObjectName("switchBox")
        self.switch_layout = QVBoxLayout(self.switch_box)
        self.switch_layout.setContentsMargins(10, 6, 10, 8)
        self.switch_layout.setSpacing(2)
        for sid in SWITCHES:
            box = QCheckBox(self.switch_box)
            box.setObjectName(f"switch_{sid}")
            box.toggled.connect(lambda on, s=sid: self.switches.set(s, on))
            text = QLabel(self.switch_box)
            text.setObjectName(f"switchText_{sid}")
            text.setWordWrap(True)
            text.setProperty("class", "muted")
            text.setContentsMargins(24, 0, 0, 6)
            self.switch_layout.addWidget(box)
            self.switch_layout.addWidget(text)
            self._switch_boxes[sid] = (box, text)
        self.content_layout.addWidget(self.switch_box)
        self.content_layout.addStretch(1)

        # previous / next
        nav = QHBoxLayout()
        nav.setContentsMargins(8, 6, 8, 8)
        self.prev_button = QPushButton(self)
        self.prev_button.setObjectName("prevLessonButton")
        self.prev_button.clicked.connect(self.previous_lesson)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextLessonButton")
        self.next_button.clicked.connect(self.next_lesson)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("lessonPosition")
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position_label, 1)
        nav.addWidget(self.next_button)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setObjectName("lessonSeparator")
        outer.addWidget(line)
        outer.addLayout(nav)

    # -- public API ---------------------------------------------------------------

    @property
    def lesson(self) -> Lesson:
        return self.catalogue[self._index]

    @property
    def index(self) -> int:
        return self._index

    def set_lesson(self, lesson: int | str) -> None:
        """Show lesson ``lesson`` (an index from 0, or a lesson id)."""
        index = self.catalogue.index_of(lesson) if isinstance(lesson, str) else int(lesson)
        if not 0 <= index < len(self.catalogue):
            raise IndexError(f"no lesson {lesson!r}")
        if index == self._index:
            return
        self._go_to(index)

    def next_lesson(self) -> None:
        if self._index + 1 < len(self.catalogue):
            self.set_lesson(self._index + 1)

    def previous_lesson(self) -> None:
        if self._index > 0:
            self.set_lesson(self._index - 1)

    def load_preset(self) -> bool:
        """Replace the document with this lesson's example. True if loaded.

        The example is a new, untitled document, handed to ``open_session`` (which
        offers to save unsaved work first); without one, the panel asks itself.
        """
        session = Session.from_dict(copy.deepcopy(dict(self.lesson.preset)))
        session.set_panel_state(
            PANEL_KEY, self.catalogue.panel_state(self.lesson.id, self.switches.on)
        )
        if self._open_session is not None:
            return bool(self._open_session(session))
        if not self._confirm_replace():
            return False
        self.controller.replace_session(session)
        return True

    def open_lesson_folder(self, folder: str | os.PathLike | None = None) -> bool:
        """Open a teacher's lesson folder (asking for one if ``folder`` is None) and show it.

        A folder that does not check out is refused with one message naming the file
        and the problem; the panel keeps the lesson it had. True if opened.
        """
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, self.tr("Open Lesson Folder"), self._start_folder()
            )
            if not folder:
                return False
        folder = os.fspath(folder)
        try:
            index = self.catalogue.open_folder(folder)
        except LessonError as exc:
            self._error(
                self.tr("Cannot Open Lesson"),
                self.tr("The lesson in {folder} was not opened.\n\n{reason}").format(
                    folder=os.path.basename(os.path.normpath(folder)) or folder,
                    reason=tr_message(exc),
                ),
            )
            return False
        self._last_folder = folder
        # A new version of a lesson opened before: what was typed for the old one goes.
        lesson_id = self.catalogue[index].id
        for key in [k for k in self._answers if k[0] == lesson_id]:
            del self._answers[key]
        for key in [k for k in self._expected if k[0] == lesson_id]:
            del self._expected[key]
        self._demo_shown.discard(lesson_id)
        self._fill_combo()
        self._go_to(index)
        return True

    def _start_folder(self) -> str:
        if self._last_folder is not None:
            return os.path.dirname(os.path.normpath(self._last_folder))
        location = QStandardPaths.StandardLocation.DocumentsLocation
        return QStandardPaths.writableLocation(location)

    def _confirm_replace(self) -> bool:
        undo = getattr(self.controller, "undo_stack", None)
        if undo is None or undo.isClean():
            return True
        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Load the Lesson's Example"),
            self.tr(
                "The example replaces the current formula and variables. "
                "Unsaved changes will be lost."
            ),
            Button.Ok | Button.Cancel,
            Button.Ok,
        )
        return answer == Button.Ok

    def _error(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, title, text)

    def title(self) -> str:
        """The panel's tab title, in the interface language (also its windowTitle)."""
        return self.tr("Lessons")

    def check(self, row: int) -> None:
        """Check the prediction typed for question ``row``."""
        question = self.lesson.questions[row]
        answer = self._answer(question)
        answer.text = self._rows[row].edit.text()
        value = parse_prediction(answer.text)
        if value is None:
            answer.status, answer.predicted = "invalid", None
        else:
            answer.predicted = value
            expected = self.expected(question)
            answer.status = "right" if is_close(value, expected, question) else "wrong"
        self._render_row(row)

    def reveal(self, row: int) -> None:
        """Show the engine's answer to question ``row``."""
        self._answer(self.lesson.questions[row]).revealed = True
        self._render_row(row)

    def expected(self, question: Question) -> float:
        """The engine's answer to ``question`` of the current lesson (computed once)."""
        key = (self.lesson.id, question.id)
        if key not in self._expected:
            self._expected[key] = answer(question)
        return self._expected[key]

    def run_demo(self) -> None:
        """Run the book's code for this lesson with the switches that are on, and show it."""
        if self.lesson.demo is None:
            return
        self._demo_shown.add(self.lesson.id)
        self._render_demo()

    def question_rows(self) -> list[_QuestionRow]:
        return list(self._rows)

    # -- showing a lesson -----------------------------------------------------------

    def _go_to(self, index: int) -> None:
        """Show lesson ``index`` and record it in the document (one undoable step)."""
        self._show_lesson(index)
        # A switch belongs to its lesson: moving on turns off what the new one lacks.
        self._follow_switches(self.switches.on & set(self.lesson.switches))
        self._write_state(self.tr("Go to Lesson “{title}”").format(title=self._title_text()))
        self.sigLessonChanged.emit(self.lesson.id)

    def _fill_combo(self) -> None:
        language = current_language()
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.clear()
        for lesson in self.catalogue:
            self.lesson_combo.addItem(_numbered_title(lesson, language))
        self.lesson_combo.setCurrentIndex(self._index)
        self.lesson_combo.blockSignals(False)

    def _show_lesson(self, index: int) -> None:
        self._index = index
        if self.lesson_combo.count() != len(self.catalogue):
            self._fill_combo()
        self.lesson_combo.blockSignals(True)
        self.lesson_combo.setCurrentIndex(index)
        self.lesson_combo.blockSignals(False)
        self._rebuild_questions()
        for sid, (box, text) in self._switch_boxes.items():
            offered = sid in self.lesson.switches
            box.setVisible(offered)
            text.setVisible(offered)
        self.switch_box.setVisible(bool(self.lesson.switches))
        self.predict_box.setVisible(bool(self.lesson.questions))
        self.code_box.setVisible(self.lesson.demo is not None)
        # No trailing newline: it would be one more (empty) line to scroll to.
        self.code_view.setPlainText(self.lesson.code.rstrip("\n"))
        self._fit_code_height()
        self._render_lesson_texts()
        self._render_demo()
        self.scroll.verticalScrollBar().setValue(0)

    def _rebuild_questions(self) -> None:
        for row in self._rows:
            self.predict_layout.removeWidget(row)
            row.hide()
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        for i, question in enumerate(self.lesson.questions):
            row = _QuestionRow(i, self.predict_box)
            row.check_button.clicked.connect(lambda _=False, r=i: self.check(r))
            row.reveal_button.clicked.connect(lambda _=False, r=i: self.reveal(r))
            row.edit.returnPressed.connect(lambda r=i: self.check(r))
            row.edit.textEdited.connect(
                lambda text, q=question: setattr(self._answer(q), "text", text)
            )
            self.predict_layout.addWidget(row)
            row.show()  # at once, not when the layout's queued show arrives
            self._rows.append(row)

    def _fit_code_height(self) -> None:
        """Tall enough for the whole demo (up to a limit), plus a scroll bar if too wide."""
        view = self.code_view
        metrics = view.fontMetrics()
        lines = view.toPlainText().splitlines() or [""]
        shown = min(len(lines), MAX_CODE_LINES)
        height = shown * metrics.lineSpacing() + 2 * view.frameWidth()
        height += int(2 * view.document().documentMargin()) + 2
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        # The widget's own width: on a Resize event the viewport has not followed yet.
        room = view.width() - 2 * view.frameWidth()
        if len(lines) > MAX_CODE_LINES:
            room -= view.verticalScrollBar().sizeHint().width()
        if widest + 2 * view.document().documentMargin() + 2 > room:
            height += view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(height)

    def eventFilter(self, obj, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.code_view and event.type() == QEvent.Type.Resize:
            self._fit_code_height()
        return super().eventFilter(obj, event)

    def _title_text(self) -> str:
        return _numbered_title(self.lesson, current_language())

    def _render_lesson_texts(self) -> None:
        language = current_language()
        lesson = self.lesson
        self.title_label.setText(self._title_text())
        details = []
        if lesson.book_steps:
            if any(c in lesson.book_steps for c in "–-,"):
                details.append(self.tr("Book steps {steps}").format(steps=lesson.book_steps))
            else:
                details.append(self.tr("Book step {step}").format(step=lesson.book_steps))
        if not lesson.builtin and lesson.folder is not None:
            details.append(self.tr("Opened from {folder}").format(folder=lesson.folder.name))
        self.steps_label.setText(" · ".join(details))
        self.steps_label.setVisible(bool(details))
        self.body_label.set_markdown(lesson.text.get(language))
        self.preset_label.setText(self._preset_summary(lesson))
        for i, question in enumerate(lesson.questions):
            prompt = html.escape(question.prompt.get(language))
            if question.switches:
                names = html.escape(_switch_names(question.switches, language))
                prompt += '<br><span style="color:{};">{}</span>'.format(
                    theme.current().hint,
                    self.tr("Asked with the teaching switch: {names}").format(names=names),
                )
            row = self._rows[i]
            row.prompt.setText(f"<b>{i + 1}.</b> {prompt}")
            row.edit.setPlaceholderText(self.tr("your prediction"))
            row.edit.setAccessibleName(
                self.tr("Your prediction for question {number}").format(number=i + 1)
            )
            row.check_button.setText(self.tr("Check"))
            row.reveal_button.setText(self.tr("Reveal"))
            if row.edit.text() != self._answer(question).text:
                row.edit.setText(self._answer(question).text)
            self._render_row(i)
        for sid, (box, text) in self._switch_boxes.items():
            switch = SWITCHES[sid]
            box.setText(
                self.tr("{title} (book step {step})").format(
                    title=switch.title.get(language), step=switch.book_step
                )
            )
            text.setText(switch.description.get(language))
        self.position_label.setText(
            self.tr("Lesson {n} of {total}").format(n=self._index + 1, total=len(self.catalogue))
        )
        self.prev_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index + 1 < len(self.catalogue))

    def _preset_summary(self, lesson: Lesson) -> str:
        preset = lesson.preset
        point = ", ".join(f"{v['name']} = {v['value']:g}" for v in preset["variables"])
        if not point:
            return self.tr("Example: f = {expression}").format(expression=preset["expression"])
        return self.tr("Example: f = {expression} at {point}").format(
            expression=preset["expression"], point=point
        )

    def _render_row(self, row: int) -> None:
        question = self.lesson.questions[row]
        answer = self._answer(question)
        label = self._rows[row].feedback
        parts: list[str] = []
        status = answer.status
        if status == "invalid":
            parts.append(self.tr("Type a number, such as 2.5, -3 or 16/11."))
        elif status == "right":
            parts.append(
                self.tr("✓ Right! The engine gets {value}.").format(
                    value=as_book_prints(self.expected(question))
                )
            )
        elif status == "wrong":
            expected = self.expected(question)
            guess = as_book_prints(answer.predicted)
            if answer.predicted > expected:
                parts.append(self.tr("✗ Not quite: {guess} is too high.").format(guess=guess))
            else:
                parts.append(self.tr("✗ Not quite: {guess} is too low.").format(guess=guess))
            if not answer.revealed:
                parts.append(self.tr("Try again, or press Reveal."))
                if question.hint is not None:
                    hint = html.escape(question.hint.get(current_language()))
                    parts.append(self.tr("Hint: {hint}").format(hint=hint))
        if answer.revealed and status != "right":
            status = "revealed"
            parts.append(
                self.tr("The engine's answer: {value}").format(
                    value=as_book_prints(self.expected(question))
                )
            )
        label.setText("<br>".join(parts))
        label.setVisible(bool(parts))
        label.setProperty("feedback", status)
        label.style().unpolish(label)
        label.style().polish(label)

    def _render_demo(self) -> None:
        shown = self.lesson.id in self._demo_shown and self.lesson.demo is not None
        self.output_view.setVisible(shown)
        if shown:
            run = self._run()
            text = run.text
            if run.switches:
                names = _switch_names(run.switches, current_language())
                header = self.tr("teaching switches on: {names}").format(names=names)
                text = f"# {header}\n{text}"
            self.output_view.setText(text)
        self.run_button.setText(self.tr("Run again") if shown else self.tr("Run"))
        self.run_hint.setText(
            self.tr("Printed by the engine, just now.")
            if shown
            else self.tr("Predict first, then run the code to see what the engine prints.")
        )

    def _answer(self, question: Question) -> _Answer:
        return self._answers.setdefault((self.lesson.id, question.id), _Answer())

    def _run(self) -> DemoRun:
        """The demo's output with the lesson's switches that are on (runs are kept)."""
        return self.lesson.run_demo(self.switches.on & set(self.lesson.switches))

    # -- state in the session file ------------------------------------------------------

    def _write_state(self, label: str) -> None:
        if self._following:
            return
        state = self.catalogue.panel_state(self.lesson.id, self.switches.on)
        self.controller.set_panel_state(PANEL_KEY, state, label)

    def _follow_switches(self, switch_ids: Iterable[str]) -> None:
        """Make exactly ``switch_ids`` on without writing to the document."""
        following, self._following = self._following, True
        try:
            self.switches.set_all(switch_ids)
        finally:
            self._following = following

    # -- reacting ------------------------------------------------------------------------------

    def _on_combo_index_changed(self, index: int) -> None:
        if index >= 0:
            self.set_lesson(index)

    def _on_switches_changed(self) -> None:
        on = self.switches.on
        for sid, (box, _text) in self._switch_boxes.items():
            if box.isChecked() != (sid in on):
                box.blockSignals(True)
                box.setChecked(sid in on)
                box.blockSignals(False)
        self._write_state(self.tr("Change Teaching Switches"))
        self._render_demo()
        # The window's numbers come from the engine too: show them with the switch.
        self.controller.request_evaluate()

    def _on_controller_panel_state_changed(self, key: str) -> None:
        """The document's lesson state changed (opened, replaced, undone): follow it."""
        if key != PANEL_KEY:
            return
        state = self.controller.panel_state(PANEL_KEY)
        lesson_id, on = self.catalogue.read_panel_state(state)
        following, self._following = self._following, True
        try:
            if lesson_id is not None and self.catalogue.index_of(lesson_id) != self._index:
                self._show_lesson(self.catalogue.index_of(lesson_id))
                self.sigLessonChanged.emit(self.lesson.id)
            # A document that does not ask for a switch gets none.
            self.switches.set_all(on if lesson_id == self.lesson.id else ())
        finally:
            self._following = following

    def _on_body_link_activated(self, link: str) -> None:
        if link.startswith("view:"):
            self.sigViewRequested.emit(link[len("view:") :])
        elif link.startswith(("https://", "http://")):
            QDesktopServices.openUrl(QUrl(link))

    def _size_code_fonts(self) -> None:
        """The demo's code and output in monospace, a little smaller than the text (and
        growing with View > Zoom, which changes the panel's font)."""
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(7.5, self.font().pointSizeF() - 2))
        self.code_view.setFont(mono)
        self.output_view.setFont(mono)
        title = QFont(self.font())
        title.setPointSizeF(self.font().pointSizeF() * 1.5)
        self.title_label.setFont(title)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if not self._built:
            pass
        elif event.type() == QEvent.Type.PaletteChange:
            self._render_lesson_texts()  # colours written into the questions' HTML
        elif event.type() == QEvent.Type.FontChange:
            # once the new font has reached every widget (see ValueDisplay.changeEvent)
            QTimer.singleShot(0, self, self._size_code_fonts)
            QTimer.singleShot(0, self, self._fit_code_height)
        super().changeEvent(event)

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self._fill_combo()
        self.load_button.setText(self.tr("Load Example"))
        self.load_button.setToolTip(
            self.tr("Replace the formula and variables with this lesson's example")
        )
        self.predict_box.setTitle(self.tr("Predict First"))
        self.predict_intro.setText(
            self.tr("Work out each answer in your head or on paper, type it, then check.")
        )
        self.code_box.setTitle(self.tr("The Book's Code, on This Engine"))
        self.switch_box.setTitle(self.tr("Teaching Switches"))
        self.prev_button.setText(self.tr("◀ Previous"))
        self.next_button.setText(self.tr("Next ▶"))
        self._render_lesson_texts()
        self._render_demo()
        # Whoever shows the panel in a tab follows windowTitleChanged.
        self.setWindowTitle(self.title())


def _numbered_title(lesson: Lesson, language: str) -> str:
    title = lesson.title.get(language)
    return f"{lesson.number}. {title}" if lesson.number is not None else title


__all__ = ["LessonPanel", "SwitchBanner", "install_switch_banner"]
