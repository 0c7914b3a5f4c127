"""The File menu in the window: open, save, recent files, closing, autosave, recovery,
exports. Dialogs are monkeypatched: no test ever waits on a modal dialog."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

from gui import file_actions as fa_module
from gui.file_actions import autosave_dir, settings
from gui.main_window import MainWindow
from tutor.session import PANEL_KEYS, Session

ROOT = Path(__file__).resolve().parents[2]
Button = QMessageBox.StandardButton


@pytest.fixture(autouse=True)
def test_mode_folders(qt_test_paths):
    """Settings, recent files and autosaves go to Qt's test folders, empty each time."""
    shutil.rmtree(autosave_dir(), ignore_errors=True)
    settings().clear()
    yield
    shutil.rmtree(autosave_dir(), ignore_errors=True)
    settings().clear()


class Dialogs:
    """Answers for every dialog, recorded; patched onto QFileDialog and QMessageBox."""

    def __init__(self, monkeypatch):
        self.open_path = ""
        self.save_path = ""
        self.answer = Button.Discard
        self.warnings: list[str] = []
        self.questions: list[str] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)
        monkeypatch.setattr(QMessageBox, "warning", self._warning)
        monkeypatch.setattr(QMessageBox, "critical", self._warning)
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _open(self, *args, **kwargs):
        return str(self.open_path), ""

    def _save(self, *args, **kwargs):
        return str(self.save_path), ""

    def _warning(self, parent, title, text, *args, **kwargs):
        self.warnings.append(text)
        return Button.Ok

    def _question(self, parent, title, text, *args, **kwargs):
        self.questions.append(text)
        return self.answer


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    return Dialogs(monkeypatch)


def document(session: Session) -> dict:
    """The session file's content without other panels' state (a lesson may add its own)."""
    d = session.to_dict()
    for key in PANEL_KEYS:
        d.pop(key, None)
    return d


def edit(window: MainWindow) -> None:
    window.controller.set_expression("x^3 - y")
    window.controller.set_value("x", 2.5)
    window.controller.flush()


# -- open and save ------------------------------------------------------------------------


def test_the_file_menu_is_built_once_first_in_the_bar_with_one_action_of_each_name(window):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    actions = window.file_actions
    menus = window.menuBar().findChildren(QMenu, "fileMenu") + window.findChildren(
        QMenu, "fileMenu"
    )
    assert set(menus) == {actions.file_menu}
    assert window.menuBar().actions()[0].menu() is actions.file_menu
    menu_names = [a.objectName() for a in actions.file_menu.actions() if a.objectName()]
    assert menu_names == [
        "actionNew", "actionOpen", "actionOpenLesson", "actionSave", "actionSaveAs", "actionQuit"
    ]  # fmt: skip
    for name in set(menu_names) - {"actionOpenLesson"}:
        assert window.findChildren(QAction, name) == [getattr(actions, _ACTION[name])]
    assert window.findChildren(QAction, "actionOpenLesson") == [window.open_lesson_action]
    assert [a.menu() for a in actions.file_menu.actions() if a.menu()] == [
        actions.recent_menu,
        actions.export_menu,
    ]
    assert actions.export_menu.title() and actions.recent_menu.title()


_ACTION = {
    "actionNew": "new_action",
    "actionOpen": "open_action",
    "actionSave": "save_action",
    "actionSaveAs": "save_as_action",
    "actionQuit": "quit_action",
}


def test_save_as_then_open_round_trip_with_title_and_unsaved_mark(window, dialogs, tmp_path):
    edit(window)
    assert window.isWindowModified()
    dialogs.save_path = tmp_path / "homework"  # no suffix: .json is added
    window.file_actions.save_as_action.trigger()
    saved = tmp_path / "homework.json"
    assert saved.exists()
    assert window.windowTitle().startswith("homework.json")
    assert not window.isWindowModified()
    assert document(Session.load(saved)) == document(window.controller.session)

    window.controller.set_value("x", -1.0)
    assert window.isWindowModified()
    window.file_actions.save_action.trigger()  # Save: same file, no dialog
    assert Session.load(saved).variables["x"].value == -1.0
    assert not window.isWindowModified()

    window.file_actions.new_action.trigger()
    assert window.windowTitle().startswith("untitled")
    assert window.controller.session.expression_text == Session().expression_text

    dialogs.open_path = saved
    window.file_actions.open_action.trigger()
    assert document(window.controller.session) == document(Session.load(saved))
    assert window.findChild(QLineEdit, "expressionEdit").text() == "x^3 - y"
    assert window.windowTitle().startswith("homework.json")
    assert dialogs.warnings == []


def test_a_value_out_of_range_in_an_opened_file_is_clamped_with_a_notice(window, dialogs, tmp_path):
    data = json.loads(Session("x").to_json())
    data["variables"][0]["value"] = 42
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(data))
    dialogs.open_path = path
    assert window.file_actions.open_session()
    assert window.controller.session.variables["x"].value == 5.0
    assert "was set to 5" in window.statusBar().currentMessage()


def test_saving_into_an_unwritable_place_says_why_and_stays_unsaved(window, dialogs, tmp_path):
    edit(window)
    dialogs.save_path = tmp_path / "no" / "such" / "folder.json"
    assert not window.file_actions.save_as()
    assert len(dialogs.warnings) == 1 and "was not saved" in dialogs.warnings[0]
    assert window.isWindowModified()
    assert not (tmp_path / "no").exists()


def test_recent_files_remember_opened_and_saved_sessions(window, dialogs, tmp_path):
    paths = []
    for name in ("a.json", "b.json", "c.json"):
        path = tmp_path / name
        Session(f"{name[0]} * t").save(path)
        paths.append(path)
        assert window.file_actions.open_session(path)
    assert window.file_actions.recent_files() == [str(p) for p in reversed(paths)]
    menu = window.file_actions.recent_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:3] == ["&1 c.json", "&2 b.json", "&3 a.json"]

    menu.actions()[2].trigger()  # a.json
    assert window.controller.session.expression_text == "a * t"
    assert window.file_actions.recent_files()[0] == str(paths[0])

    paths[1].unlink()
    assert not window.file_actions.open_session(paths[1])
    assert "was not opened" in dialogs.warnings[-1]
    assert str(paths[1]) not in window.file_actions.recent_files()

    window.file_actions.clear_recent()
    assert window.file_actions.recent_files() == []


# -- unsaved changes -----------------------------------------------------------------------


@pytest.fixture
def asking(window):
    window.file_actions.interactive = True  # as on a real screen
    return window


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(asking, dialogs, qtbot):
    edit(asking)
    dialogs.answer = Button.Cancel
    assert not asking.close()
    assert asking.isVisible()
    assert len(dialogs.questions) == 1 and "untitled" in dialogs.questions[0]

    dialogs.answer = Button.Discard
    assert asking.close()
    assert len(dialogs.questions) == 2


def test_closing_and_choosing_save_saves_first(asking, dialogs, tmp_path):
    edit(asking)
    dialogs.answer = Button.Save
    dialogs.save_path = tmp_path / "kept.json"
    assert asking.close()
    assert Session.load(tmp_path / "kept.json").expression_text == "x^3 - y"


def test_closing_a_saved_session_asks_nothing(asking, dialogs):
    assert asking.close()
    assert dialogs.questions == []


def test_new_and_open_ask_before_dropping_changes(asking, dialogs, tmp_path):
    edit(asking)
    dialogs.answer = Button.Cancel
    assert not asking.file_actions.new_session()
    assert asking.controller.session.expression_text == "x^3 - y"
    other = tmp_path / "other.json"
    Session("z").save(other)
    assert not asking.file_actions.open_session(other)
    assert asking.controller.session.expression_text == "x^3 - y"
    dialogs.answer = Button.Discard
    assert asking.file_actions.open_session(other)
    assert asking.controller.session.expression_text == "z"


# -- autosave and recovery ---------------------------------------------------------------------


def test_autosave_is_debounced_and_lands_in_the_app_data_folder(window, qtbot, monkeypatch):
    writes = []
    real = fa_module.write_atomic
    monkeypatch.setattr(fa_module, "write_atomic", lambda p, d: (writes.append(p), real(p, d)))
    window.file_actions._autosave_timer.setInterval(100)
    for value in (0.5, 1.0, 1.5, 2.0):
        window.controller.set_value("x", value)
    qtbot.waitUntil(lambda: len(writes) == 1, timeout=3000)
    qtbot.wait(250)
    assert len(writes) == 1  # four changes, one write

    path = window.file_actions.autosave_path
    location = QStandardPaths.StandardLocation.AppDataLocation
    data_dir = Path(QStandardPaths.writableLocation(location))
    assert path.parent == data_dir / "autosave" and ".qttest" in str(path)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["format"] == "autodiff-tutor-autosave"
    assert document(Session.from_dict(record["session"])) == document(window.controller.session)

    window.controller.undo_stack.setClean()  # e.g. saved: nothing left to recover
    assert not path.exists()


def test_a_clean_close_removes_the_autosave(window):
    window.controller.set_value("x", 3.0)
    assert window.file_actions.autosave_now()
    path = window.file_actions.autosave_path
    assert path.exists()
    window.close()
    assert not path.exists()
    assert list(autosave_dir().iterdir()) == []


def _crashed_autosave(session: Session, original: str | None = None) -> Path:
    """What a crashed window leaves behind: an autosave whose lock is not held."""
    folder = autosave_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "session-crashed.json"
    record = {
        "format": "autodiff-tutor-autosave",
        "version": 1,
        "path": original,
        "saved": "2026-01-01T10:00:00+00:00",
        "session": session.to_dict(),
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def test_recovery_is_offered_and_restores_the_unsaved_work(window, dialogs, tmp_path):
    lost = Session("tanh(w) * 3")
    lost.set_value("w", 0.75)
    original = str(tmp_path / "lesson.json")
    left = _crashed_autosave(lost, original)
    dialogs.answer = Button.Yes
    assert window.file_actions.offer_recovery()
    assert len(dialogs.questions) == 1 and "lesson.json" in dialogs.questions[0]
    assert document(window.controller.session) == document(lost)
    assert window.file_path == original
    assert window.isWindowModified()  # restored work is not saved yet
    assert not left.exists()
    assert window.file_actions.autosave_path.exists()  # and it is protected again


def test_declining_recovery_discards_the_autosave(window, dialogs):
    before = document(window.controller.session)
    left = _crashed_autosave(Session("x + 1"))
    dialogs.answer = Button.No
    assert not window.file_actions.offer_recovery()
    assert document(window.controller.session) == before
    assert not left.exists()


def test_a_corrupt_autosave_is_reported_and_removed(window, dialogs):
    left = _crashed_autosave(Session("x"))
    left.write_text('{"format": "autodiff-tutor-autosave", "session": [1]}')
    assert not window.file_actions.offer_recovery()
    assert dialogs.questions == []
    assert "could not be read" in window.statusBar().currentMessage()
    assert not left.exists()


def test_a_live_windows_autosave_is_not_offered(qtbot, dialogs):
    first = MainWindow()
    qtbot.addWidget(first)
    first.controller.set_value("x", 2.0)
    assert first.file_actions.autosave_now()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.file_actions.orphaned_autosaves() == []
    assert not second.file_actions.offer_recovery()
    assert dialogs.questions == []
    assert first.file_actions.autosave_path.exists()


def test_after_a_real_crash_the_next_launch_offers_recovery(window, dialogs, tmp_path):
    app = QCoreApplication.instance()  # the crashing run uses the same data folder
    crash = textwrap.dedent(
        f"""
        import os
        from PySide6.QtCore import QCoreApplication, QStandardPaths
        from PySide6.QtWidgets import QApplication
        QStandardPaths.setTestModeEnabled(True)
        app = QApplication(["crashing"])
        app.setApplicationName({app.applicationName()!r})
        app.setOrganizationName({app.organizationName()!r})
        from gui.main_window import MainWindow
        w = MainWindow()
        w.controller.set_expression("x^5 + 1")
        w.controller.set_value("x", 0.25)
        assert w.file_actions.autosave_now()
        os._exit(3)  # a crash: no close, no cleanup
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", crash], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 3, done.stderr
    dialogs.answer = Button.Yes
    assert window.file_actions.offer_recovery()
    assert window.controller.session.expression_text == "x^5 + 1"
    assert window.controller.session.variables["x"].value == 0.25


# -- exports from the menu -------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, suffix",
    [
        ("plot-png", ".png"),
        ("plot-svg", ".svg"),
        ("csv", ".csv"),
        ("dot", ".dot"),
        ("py", ".py"),
        ("ipynb", ".ipynb"),
        ("json", ".json"),
    ],
)
def test_every_export_in_the_menu_writes_its_file(window, dialogs, tmp_path, key, suffix):
    edit(window)
    dialogs.save_path = tmp_path / "out"  # the suffix is added
    window.file_actions.export_actions[key].trigger()
    out = tmp_path / f"out{suffix}"
    assert out.exists() and out.stat().st_size > 0, dialogs.warnings
    assert dialogs.warnings == []
    if suffix == ".png":
        assert not QImage(str(out)).isNull()
    elif suffix == ".svg":
        ET.parse(out)
    elif suffix == ".json":
        assert document(Session.load(out)) == document(window.controller.session)


def test_graph_view_exports_when_the_window_has_one(window, dialogs, tmp_path):
    from PySide6.QtWidgets import QWidget

    view = window.findChild(QWidget, "graphView")
    if view is None:
        pytest.skip("the window has no graph view yet")
    window.file_actions._update_export_actions()
    assert window.file_actions.export_actions["graph-png"].isEnabled()
    for key, suffix in (("graph-png", ".png"), ("graph-svg", ".svg")):
        dialogs.save_path = tmp_path / f"graph{suffix}"
        window.file_actions.export_actions[key].trigger()
        assert (tmp_path / f"graph{suffix}").stat().st_size > 0
    ET.parse(tmp_path / "graph.svg")


@pytest.mark.parametrize("name", ["out.txt", "out.docx"])
def test_an_export_with_an_unknown_suffix_says_so_once_and_writes_nothing(
    window, dialogs, tmp_path, name
):
    dialogs.save_path = tmp_path / name
    window.file_actions.export_actions["csv"].trigger()
    assert len(dialogs.warnings) == 1
    assert "unknown export format" in dialogs.warnings[0] and "\n" not in dialogs.warnings[0]
    assert list(tmp_path.iterdir()) == []


def test_an_export_into_a_missing_folder_says_so_once_and_writes_nothing(window, dialogs, tmp_path):
    dialogs.save_path = tmp_path / "missing" / "plot.png"
    window.file_actions.export_actions["plot-png"].trigger()
    assert len(dialogs.warnings) == 1 and "cannot write" in dialogs.warnings[0]
    assert list(tmp_path.iterdir()) == []


def test_cancelled_dialogs_change_nothing(window, dialogs, tmp_path):
    edit(window)
    before = document(window.controller.session)
    dialogs.open_path = dialogs.save_path = ""  # the user pressed Cancel
    assert not window.file_actions.open_session()
    assert not window.file_actions.save_as()
    assert not window.file_actions.export_with_dialog(".csv")
    assert document(window.controller.session) == before
    assert window.isWindowModified()
    assert dialogs.warnings == []


def test_only_the_newest_autosave_is_offered_and_older_ones_wait(window, dialogs):
    older = _crashed_autosave(Session("x + 1"))
    os.utime(older, (1_000_000, 1_000_000))
    newer = older.with_name("session-newer.json")
    newer.write_text(older.read_text().replace("x + 1", "x + 2"), encoding="utf-8")
    dialogs.answer = Button.Yes
    assert window.file_actions.offer_recovery()
    assert window.controller.session.expression_text == "x + 2"
    assert not newer.exists()
    assert older.exists()  # not deleted unasked: offered at the next launch
    assert not Path(str(older) + ".lock").exists()


def test_a_file_named_on_the_command_line_titles_the_window_and_is_recent(window, tmp_path):
    path = tmp_path / "lesson.json"
    Session("x^2").save(path)
    window.file_actions.adopt_file(path)
    assert window.windowTitle().startswith("lesson.json")
    assert window.file_actions.recent_files()[0] == str(path.resolve())


# -- where the dialogs start, and when Open asks -------------------------------------------------


class FolderDialogs(Dialogs):
    """Dialogs that also record the folder each file dialog starts in."""

    def __init__(self, monkeypatch):
        super().__init__(monkeypatch)
        self.started_in: list[str] = []
        self.order: list[str] = []

    def _open(self, parent, caption, folder, *args, **kwargs):
        self.started_in.append(folder)
        self.order.append("choose file")
        return str(self.open_path), ""

    def _save(self, parent, caption, suggested, *args, **kwargs):
        self.started_in.append(str(Path(suggested).parent))
        return str(self.save_path), ""

    def _question(self, parent, title, text, *args, **kwargs):
        self.order.append("unsaved?")
        return super()._question(parent, title, text, *args, **kwargs)


@pytest.fixture
def folder_dialogs(monkeypatch) -> FolderDialogs:
    return FolderDialogs(monkeypatch)


def test_open_and_save_start_in_the_documents_folder_then_the_last_one_used(
    window, folder_dialogs, tmp_path
):
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    documents.mkdir(parents=True, exist_ok=True)
    folder_dialogs.open_path = ""
    window.file_actions.open_session()
    window.file_actions.save_as()
    assert folder_dialogs.started_in == [str(documents), str(documents)]
    assert Path(folder_dialogs.started_in[0]) != Path.cwd()

    elsewhere = tmp_path / "work"
    elsewhere.mkdir()
    Session("x^2").save(elsewhere / "a.json")
    folder_dialogs.open_path = elsewhere / "a.json"
    assert window.file_actions.open_session()
    window.file_actions.new_session()  # untitled again: the last folder used is next
    folder_dialogs.open_path = ""
    window.file_actions.open_session()
    assert folder_dialogs.started_in[-1] == str(elsewhere)


def test_without_a_documents_folder_the_dialogs_start_at_home_not_in_the_app(
    window, folder_dialogs, monkeypatch, tmp_path
):
    missing = tmp_path / "no-such-documents"
    real = QStandardPaths.writableLocation

    def location(kind):
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(missing)
        return real(kind)

    monkeypatch.setattr(fa_module.QStandardPaths, "writableLocation", location)
    folder_dialogs.open_path = ""
    window.file_actions.open_session()
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    assert folder_dialogs.started_in == [home]


def test_open_asks_about_unsaved_changes_only_after_a_valid_file_was_chosen(
    asking, folder_dialogs, tmp_path
):
    edit(asking)
    folder_dialogs.open_path = ""  # cancelled: nothing asked
    assert not asking.file_actions.open_session()
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    folder_dialogs.open_path = bad  # refused: said why, nothing asked
    assert not asking.file_actions.open_session()
    assert folder_dialogs.questions == [] and len(folder_dialogs.warnings) == 1
    good = tmp_path / "good.json"
    Session("z^2").save(good)
    folder_dialogs.open_path = good
    folder_dialogs.answer = Button.Discard
    assert asking.file_actions.open_session()
    assert folder_dialogs.order == ["choose file", "choose file", "choose file", "unsaved?"]
    assert asking.controller.session.expression_text == "z^2"


def test_the_recovery_question_comes_before_any_session_is_drawn(qtbot, dialogs, monkeypatch):
    import main
    from gui import app as app_module

    # The test's application as it is (no process-wide style or language change).
    monkeypatch.setattr(app_module, "create_app", lambda argv=None: QCoreApplication.instance())
    _crashed_autosave(Session("tanh(w) * 3"))
    seen = []

    class Xcb:  # as on a real screen: the window asks
        @staticmethod
        def platformName():
            return "xcb"

    monkeypatch.setattr(fa_module, "QGuiApplication", Xcb)
    monkeypatch.setattr(main, "uses_xcb", lambda: False)

    def question(parent, title, text, *args, **kwargs):
        seen.append((parent.isVisible(), parent.controller.session.expression_text))
        return Button.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    _app, window = main.build_window([])
    qtbot.addWidget(window)
    assert seen == [(False, "sin(x) * x^2 + y")]  # asked while nothing was shown
    assert window.controller.session.expression_text == "tanh(w) * 3"
    window.show()
    qtbot.waitExposed(window)
    QCoreApplication.processEvents()  # the scheduled offer finds it answered
    assert len(seen) == 1
    window.file_actions.interactive = False  # closing asks nothing in a test
    window.close()


# -- issue 12: failures are said once, nothing is lost, nothing hangs ---------------------------


def test_a_session_that_cannot_be_encoded_is_not_saved_and_says_why(window, dialogs, tmp_path):
    # a lone surrogate in a panel's state used to raise UnicodeEncodeError out of Save
    edit(window)
    window.controller.session.panels["lesson"] = {"id": "\ud800"}
    dialogs.save_path = tmp_path / "s.json"
    assert not window.file_actions.save_as()
    assert len(dialogs.warnings) == 1
    assert dialogs.warnings[0] == (
        "s.json was not saved: the session holds text that cannot be saved (not valid Unicode)"
    )
    assert window.statusBar().currentMessage() == dialogs.warnings[0]
    assert window.isWindowModified()
    assert list(tmp_path.iterdir()) == []


def _failing_autosave(monkeypatch, failures: list[bool]):
    real = fa_module.write_atomic

    def write(path, data):
        if failures and failures.pop(0):
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(fa_module, "write_atomic", write)


def test_an_autosave_failure_shows_a_dialog_once_and_the_status_bar_every_time(
    window, dialogs, monkeypatch
):
    actions = window.file_actions
    monkeypatch.setattr(actions, "interactive", True)  # a window someone sees
    _failing_autosave(monkeypatch, [True, True, False, True])
    window.controller.set_value("x", 2.0)
    assert not actions.autosave_now()
    expected = (
        "Autosave failed: your changes are not protected against a crash (No space left "
        "on device). Save them with File > Save As."
    )
    assert dialogs.warnings == [expected]
    assert window.statusBar().currentMessage() == expected
    window.controller.set_value("x", 2.5)
    assert not actions.autosave_now()
    assert dialogs.warnings == [expected]  # not again while it keeps failing
    assert window.statusBar().currentMessage() == expected
    window.controller.set_value("x", 3.0)
    assert actions.autosave_now()
    assert "Autosave works again" in window.statusBar().currentMessage()
    window.controller.set_value("x", 3.5)
    assert not actions.autosave_now()
    assert dialogs.warnings == [expected, expected]  # a new failure: said again
    monkeypatch.setattr(actions, "interactive", False)


def test_an_autosave_failure_in_a_headless_window_asks_nobody(window, dialogs, monkeypatch):
    _failing_autosave(monkeypatch, [True])
    window.controller.set_value("x", 2.0)
    assert not window.file_actions.autosave_now()  # never raised
    assert dialogs.warnings == []
    assert "Autosave failed" in window.statusBar().currentMessage()


def test_an_autosave_of_text_that_cannot_be_encoded_is_reported_not_silent(window, dialogs):
    window.controller.set_value("x", 2.0)
    window.controller.session.panels["lesson"] = {"id": "\udfff"}
    assert not window.file_actions.autosave_now()
    assert "Autosave failed" in window.statusBar().currentMessage()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_symlink_loop_under_open_recent_says_why_and_is_forgotten(window, dialogs, tmp_path):
    # the message was shown, then Path.resolve raised RuntimeError updating Open Recent
    good = tmp_path / "good.json"
    Session("x").save(good)
    loop = tmp_path / "loop.json"
    dialogs.open_path = good
    assert window.file_actions.open_session()
    (tmp_path / "other.json").symlink_to(loop)
    loop.symlink_to(tmp_path / "other.json")
    window.file_actions._store_recent([str(loop), str(good)])
    window.file_actions.recent_menu.aboutToShow.emit()
    entry = next(a for a in window.file_actions.recent_menu.actions() if "loop" in a.text())
    entry.trigger()  # an exception in the slot fails the test (pytest-qt)
    assert dialogs.warnings == [
        f"loop.json was not opened: cannot read '{loop}': its symbolic links lead round in a loop"
    ]
    assert window.file_actions.recent_files() == [str(good)]
    assert window.controller.session.expression_text == "x"


def test_at_start_only_the_newest_three_crashed_autosaves_are_kept(window, dialogs):
    first = _crashed_autosave(Session("x + 0"))
    paths = []
    for i in range(6):  # oldest first
        path = first.with_name(f"session-run{i}.json")
        path.write_text(first.read_text().replace("x + 0", f"x + {i}"), encoding="utf-8")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
        paths.append(path)
    os.utime(first, (999_999, 999_999))
    dialogs.answer = Button.No
    assert not window.file_actions.offer_recovery()
    assert len(dialogs.questions) == 1  # the newest, x + 5, was offered and answered
    # the newest three were kept, and the one answered removed; no lock files are left
    assert sorted(p.name for p in autosave_dir().iterdir()) == [
        "session-run3.json",
        "session-run4.json",
    ]


def test_a_session_over_the_work_budget_opens_at_fewer_points_and_exports_those(
    window, dialogs, tmp_path
):
    path = tmp_path / "work.json"
    big = Session("*".join(["x"] * 3000))
    big.set_range("x", -1.0, 1.0, 0.01)
    big.sweep.points = 100_000
    big.save(path)
    dialogs.open_path = path
    assert window.file_actions.open_session()
    notice = (
        "the plot uses 1,667 of the sweep's 100,000 points: 2,999 recorded operations × "
        "100,000 points would be more work than the budget of 5,000,000 node-points"
    )
    assert window.statusBar().currentMessage() == notice
    result = window.controller.result
    assert len(result.x) == 1667 and str(result.notices[0]) == notice
    assert window.controller.session.sweep.points == 100_000  # saved as it came

    dialogs.save_path = tmp_path / "sweep.csv"
    window.file_actions.export_actions["csv"].trigger()
    assert dialogs.warnings == []
    rows = (tmp_path / "sweep.csv").read_text().splitlines()
    assert len(rows) == 1 + 1667
    assert window.statusBar().currentMessage() == (
        "Exported sweep.csv at the 1,667 points the plot shows"
    )
    assert json.loads(window.controller.session.to_json())["sweep"]["points"] == 100_000


# -- SIGTERM and Ctrl+C: closed as File > Quit does -------------------------------------------

SIGNALLED = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QApplication
    QStandardPaths.setTestModeEnabled(True)
    app = QApplication(["signalled"])
    app.setApplicationName({name!r})
    app.setOrganizationName({org!r})
    from gui.app import quit_on_signals
    from gui.file_actions import end_session
    from gui.main_window import MainWindow
    w = MainWindow()
    quit_on_signals(app, end_session)
    w.show()
    w.controller.set_expression("x^5 + 1")
    w.controller.set_value("x", 0.25)
    if {saved!r}:
        assert w.file_actions._save_to(__import__("pathlib").Path({path!r}))
    print("ready", flush=True)
    rc = app.exec()
    print("exited", rc, flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signal_name", "saved"),
    [("SIGTERM", False), ("SIGTERM", True), ("SIGINT", False)],
)
def test_a_signal_closes_the_app_as_quit_does_keeping_only_unsaved_work(
    window, dialogs, tmp_path, signal_name, saved
):
    import signal

    app = QCoreApplication.instance()  # the signalled run uses the same data folder
    script = SIGNALLED.format(
        name=app.applicationName(),
        org=app.organizationName(),
        saved=saved,
        path=str(tmp_path / "saved.json"),
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        child.send_signal(getattr(signal, signal_name))  # a logout; Ctrl+C
        out, err = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 0, err
    assert out.strip() == "exited 0"  # a clean quit, not a kill
    assert "Traceback" not in err
    orphans = window.file_actions.orphaned_autosaves()
    try:
        assert len(orphans) == (0 if saved else 1)
    finally:
        for _path, lock in orphans:
            lock.unlock()
    if not saved:  # the unsaved change is offered at the next start, and restored
        dialogs.answer = Button.Yes
        assert window.file_actions.offer_recovery()
        assert window.controller.session.expression_text == "x^5 + 1"
        assert window.controller.session.variables["x"].value == 0.25


def test_the_script_exported_from_the_menu_runs_alone_and_prints_what_eval_prints(
    window, dialogs, tmp_path
):
    import subprocess
    import sys

    window.controller.set_expression("x^3 - 2*x")
    window.controller.set_value("x", 1.5)
    alone = tmp_path / "alone"
    alone.mkdir()
    dialogs.save_path = alone / "lesson"
    window.file_actions.export_actions["py"].trigger()
    assert dialogs.warnings == []
    assert sorted(p.name for p in alone.iterdir()) == ["autodiff_engine.py", "lesson.py"]
    # -I: no user site, no PYTHONPATH, no current folder; the folder holds only the export
    run = subprocess.run(
        [sys.executable, "-I", "lesson.py"], cwd=alone, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    # f(1.5) = 3.375 - 3 = 0.375, f'(x) = 3x^2 - 2 = 4.75 (by hand)
    values = dict(line.split(" = ") for line in lines if " = " in line)
    assert float(values["f"]) == pytest.approx(0.375, rel=1e-12)
    assert float(values["df/dx"]) == pytest.approx(4.75, rel=1e-12)
