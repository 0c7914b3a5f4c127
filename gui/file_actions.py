"""The File menu: sessions on disk, recent files, autosave and crash recovery, exports.

``FileActions(window, controller)`` installs itself into the main window: it builds the
File menu, the only code that does (New, Open, Open Recent, Save, Save As, Export,
Quit), and asks before closing (or replacing) a session with unsaved changes. The
document's path is the window's ``file_path`` (``set_file_path`` also updates the
title, "name.json* — Autodiff Tutor", which follows the undo stack's clean state).

Autosave: every change restarts a short timer; when it fires, the session goes to a
file of this window's own in the user's data folder (``QStandardPaths``), guarded by a
``QLockFile``. A clean close deletes it; after a crash it stays, its lock goes stale,
and the next launch offers to restore it (and removes all but the newest three such
files). An autosave that fails says so in the status bar, with a dialog the first time
in a row. When the desktop session ends (SIGTERM, Ctrl+C: ``end_session``) windows
close without asking, and unsaved work stays in its autosave for the next launch.

Headless runs (the offscreen platform: tests, ``--screenshot``) have nobody to answer a
question, so they neither ask nor offer recovery (``interactive``), and they autosave
only into the test-mode folders (``QStandardPaths.setTestModeEnabled``) — never into
the user's own.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import os
import uuid
import weakref
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QDateTime,
    QEvent,
    QLocale,
    QLockFile,
    QObject,
    QSettings,
    QStandardPaths,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QWidget

from gui.controller import SessionController
from gui.i18n import tr_message
from tutor.evaluation import budget_notice, sweep_points
from tutor.export import IMAGE_SUFFIXES, ExportError, export_session
from tutor.files import read_file, write_atomic
from tutor.session import MAX_FILE_BYTES, Session, SessionError, example_session

AUTOSAVE_DELAY_MS = 2000
AUTOSAVE_FORMAT = "autodiff-tutor-autosave"
KEPT_CRASHED_AUTOSAVES = 3  # at start, older autosaves of crashed runs are removed
MAX_RECENT_FILES = 8
LAST_FOLDER_KEY = "lastFolder"
SESSION_SUFFIX = ".json"
# Exports that run the sweep: from the window they use the points the plot shows.
SWEEP_EXPORTS = (".csv",)


def app_data_dir() -> Path:
    """The user's data folder for the app (a test folder in QStandardPaths test mode)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def autosave_dir() -> Path:
    return app_data_dir() / "autosave"


def settings() -> QSettings:
    """The app's settings file, in the config folder QStandardPaths names.

    An explicit INI path (instead of QSettings' platform default) keeps tests in the
    test-mode folders too.
    """
    location = QStandardPaths.StandardLocation.AppConfigLocation
    folder = Path(QStandardPaths.writableLocation(location))
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


# File > Export: (key, suffix, what), what being "session", "plot" or "graph"; None is a
# separator. The labels are in FileActions.retranslate.
EXPORTS = (
    ("plot-png", ".png", "plot"),
    ("plot-svg", ".svg", "plot"),
    ("graph-png", ".png", "graph"),
    ("graph-svg", ".svg", "graph"),
    None,
    ("csv", ".csv", "session"),
    ("dot", ".dot", "session"),
    None,
    ("py", ".py", "session"),
    ("ipynb", ".ipynb", "session"),
    ("json", ".json", "session"),
)


class FileActions(QObject):
    """Owns the document's file: its path, saving, opening, autosave, and exports."""

    def __init__(
        self,
        window: QMainWindow,
        controller: SessionController,
        *,
        interactive: bool | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        if interactive is None:
            interactive = QGuiApplication.platformName() != "offscreen"
        self.interactive = interactive
        self.last_message = ""
        self.recovery_offered = False
        self._autosave_failing = False  # the last autosave failed (and was reported)
        self._ending = False  # closing because the desktop session ends: never ask
        _LIVE_FILE_ACTIONS.add(self)

        self._autosave_path: Path | None = None
        self._autosave_lock: QLockFile | None = None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self.autosave_now)

        # The clean state is cached from the signal: the stack also emits while it is
        # being destroyed, when it can no longer be asked.
        stack = controller.undo_stack
        self._modified = not stack.isClean()
        stack.indexChanged.connect(self._on_document_changed)
        stack.cleanChanged.connect(self._on_clean_changed)

        self._build_actions()
        self._build_menu()
        window.installEventFilter(self)

    # -- actions and menus ----------------------------------------------------

    def _build_actions(self) -> None:
        def action(slot: Callable, shortcut=None, name: str = "") -> QAction:
            a = QAction(self.window)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
            a.setObjectName(name)
            a.triggered.connect(lambda _checked=False: slot())
            return a

        Std = QKeySequence.StandardKey
        self.new_action = action(self.new_session, Std.New, "actionNew")
        self.open_action = action(self.open_session, Std.Open, "actionOpen")
        self.save_action = action(self.save, Std.Save, "actionSave")
        self.save_as_action = action(self.save_as, Std.SaveAs, "actionSaveAs")
        # Ctrl+Q (Cmd+Q on macOS): the standard Quit key is empty on some desktops.
        self.quit_action = action(self.window.close, "Ctrl+Q", "actionQuit")

        self.recent_menu = QMenu(self.window)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

        self.export_menu = QMenu(self.window)
        self.export_menu.setObjectName("exportMenu")
        self.export_actions: dict[str, QAction] = {}
        for entry in EXPORTS:
            if entry is None:
                self.export_menu.addSeparator()
                continue
            key, suffix, what = entry
            a = QAction(self.window)
            a.setObjectName(f"actionExport_{key.replace('-', '_')}")
            a.triggered.connect(
                lambda _checked=False, s=suffix, w=what: self.export_with_dialog(s, w)
            )
            self.export_menu.addAction(a)
            self.export_actions[key] = a
        self.export_menu.aboutToShow.connect(self._update_export_actions)

    def retranslate(self) -> None:
        """Every text of the File menu, in the current language (the window calls this)."""
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.save_as_action.setText(self.tr("Save &As…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.export_menu.setTitle(self.tr("&Export"))
        labels = {
            "plot-png": self.tr("Plot as &PNG Image…"),
            "plot-svg": self.tr("Plot as S&VG Drawing…"),
            "graph-png": self.tr("Graph View as P&NG Image…"),
            "graph-svg": self.tr("Graph View as SV&G Drawing…"),
            "csv": self.tr("Sweep as &CSV Table…"),
            "dot": self.tr("Computational Graph as &DOT…"),
            "py": self.tr("P&ython Script…"),
            "ipynb": self.tr("&Jupyter Notebook…"),
            "json": self.tr("Session as &JSON…"),
        }
        for key, a in self.export_actions.items():
            a.setText(labels[key])
        self._fill_recent_menu()

    def _build_menu(self) -> None:
        """The File menu, first in the window's menu bar (objectName ``fileMenu``)."""
        bar = self.window.menuBar()
        menu = QMenu(self.window)
        menu.setObjectName("fileMenu")
        first = bar.actions()[0] if bar.actions() else None
        bar.insertMenu(first, menu)
        self.file_menu = menu
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()
        menu.addMenu(self.export_menu)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        self.retranslate()
        self._update_export_actions()

    def _update_export_actions(self) -> None:
        has_graph = self._view("graphView") is not None
        has_plot = self._view("plotWidget") is not None
        for key, a in self.export_actions.items():
            if key.startswith("graph-"):
                a.setEnabled(has_graph)
            elif key.startswith("plot-"):
                a.setEnabled(has_plot)

    def _view(self, name: str) -> QWidget | None:
        return self.window.findChild(QWidget, name)

    # -- the document's path --------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The file the session was opened from or saved to (None: untitled)."""
        file_path = self.window.file_path
        return Path(file_path) if file_path else None

    def _set_path(self, path: Path | None) -> None:
        self.window.set_file_path(str(path) if path is not None else None)  # and the title
        self.window.setWindowFilePath(str(path) if path is not None else "")

    def display_name(self) -> str:
        return self.window.display_name()

    def is_modified(self) -> bool:
        """True if the session has changes not saved to its file."""
        return self._modified

    # -- New / Open / Save ------------------------------------------------------

    def maybe_save(self) -> bool:
        """If there are unsaved changes, ask to save them. False means: cancel."""
        if not self.is_modified() or not self.interactive:
            return True
        Button = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            self.tr("Unsaved Changes"),
            self.tr("Save the changes to {name} before closing it?").format(
                name=self.display_name()
            ),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def adopt_file(self, path: str | os.PathLike) -> None:
        """The open session came from ``path`` (named on the command line): title it so
        and list it under Open Recent."""
        path = _resolved(path)
        self._set_path(path)
        self._remember_recent(path)

    def new_session(self) -> bool:
        if not self.maybe_save():
            return False
        self._set_document(example_session(), None)
        return True

    def open_document(self, session: Session) -> bool:
        """Make ``session`` the document, new and untitled (a lesson's example), after
        offering to save unsaved changes. True if it replaced the open one."""
        if not self.maybe_save():
            return False
        self._set_document(session, None)
        return True

    def open_session(self, path: str | os.PathLike | None = None) -> bool:
        """Open a session file (asking for one if ``path`` is None). True if opened.

        A file that does not validate is refused with one message; the open session
        stays exactly as it was. Unsaved changes are asked about only once a valid file
        was chosen: cancelling the file dialog, or a refused file, asks nothing.
        """
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.window, self.tr("Open Session"), self._start_folder(), self._filter()
            )
            if not path:
                return False
        path = Path(path)
        notices: list = []
        try:
            session = Session.load(path, notices)
        except SessionError as exc:
            self._error(
                self.tr("Cannot Open Session"),
                self.tr("{name} was not opened: {reason}").format(
                    name=path.name, reason=tr_message(exc)
                ),
            )
            if not os.path.isfile(path):  # gone, or never a file: not worth offering
                self._forget_recent(path)
            return False
        if not self.maybe_save():
            return False
        self._set_document(session, path)
        self._remember_recent(path)
        if session.expression is not None:
            notice = budget_notice(session.expression, session.sweep)
            if notice is not None:
                notices.insert(0, notice)
        if notices:
            self._notice("; ".join(tr_message(n) for n in notices))
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        suggested = (
            str(self.path)
            if self.path is not None
            else str(Path(self._start_folder()) / (self.tr("untitled") + SESSION_SUFFIX))
        )
        path, _filter = QFileDialog.getSaveFileName(
            self.window, self.tr("Save Session As"), suggested, self._filter()
        )
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(SESSION_SUFFIX)
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.controller.session.save(path)
        except (OSError, ValueError) as exc:  # SessionError is a ValueError
            text = self.tr("{name} was not saved: {reason}").format(
                name=path.name, reason=_reason(exc)
            )
            self._error(self.tr("Cannot Save Session"), text)
            self._notice(text)
            return False
        self.controller.undo_stack.setClean()
        self._set_path(path)
        self._remember_recent(path)
        self._remove_autosave()
        self._notice(self.tr("Saved {name}").format(name=path.name))
        return True

    def _set_document(self, session: Session, path: Path | None) -> None:
        self.controller.replace_session(session)
        self._set_path(path)
        self._remove_autosave()

    def _filter(self) -> str:
        return self.tr("Autodiff Tutor sessions (*.json);;All files (*)")

    def _start_folder(self) -> str:
        """Where Open and Save As start: the session's own folder, else the folder last
        opened from or saved to, else the user's documents folder (else home) — never
        the folder the app happens to run in."""
        candidates = []
        if self.path is not None:
            candidates.append(self.path.parent)
        last = settings().value(LAST_FOLDER_KEY, "")
        if isinstance(last, str) and last:
            candidates.append(Path(last))
        for location in (
            QStandardPaths.StandardLocation.DocumentsLocation,
            QStandardPaths.StandardLocation.HomeLocation,
        ):
            folder = QStandardPaths.writableLocation(location)
            if folder:
                candidates.append(Path(folder))
        for folder in candidates:
            if folder.is_dir():
                return str(folder)
        return str(Path.home())

    # -- recent files -----------------------------------------------------------

    def recent_files(self) -> list[str]:
        raw = settings().value("recentFiles", "[]")
        try:
            files = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            files = []
        return [f for f in files if isinstance(f, str)][:MAX_RECENT_FILES]

    def _store_recent(self, files: list[str]) -> None:
        s = settings()
        s.setValue("recentFiles", json.dumps(files[:MAX_RECENT_FILES]))
        s.sync()

    def _remember_recent(self, path: Path) -> None:
        p = str(_resolved(path))
        self._store_recent([p] + [f for f in self.recent_files() if f != p])
        settings().setValue(LAST_FOLDER_KEY, str(Path(p).parent))  # the next dialog's start

    def _forget_recent(self, path: Path) -> None:
        p = str(_resolved(path))
        self._store_recent([f for f in self.recent_files() if f != p])

    def clear_recent(self) -> None:
        self._store_recent([])

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for i, f in enumerate(files, start=1):
            a = menu.addAction(f"&{i} {Path(f).name}")
            a.setToolTip(f)
            a.setStatusTip(f)
            a.triggered.connect(lambda _checked=False, f=f: self.open_session(f))
        if files:
            menu.addSeparator()
        clear = menu.addAction(self.tr("&Clear Recent Files"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(self.clear_recent)
        menu.setEnabled(True)

    # -- exports ----------------------------------------------------------------

    def export_with_dialog(self, suffix: str, what: str = "session") -> bool:
        """Ask where, then export (``what``: "session", "plot" or "graph")."""
        stem = self.path.stem if self.path is not None else self.tr("untitled")
        if what == "graph":
            stem += "-graph"
        folder = self._export_folder()
        path, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export"),
            str(Path(folder) / (stem + suffix)),
            self.tr("{suffix} files (*{suffix});;All files (*)").format(suffix=suffix),
        )
        if not path:
            return False
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(suffix)
        settings().setValue("exportFolder", str(path.parent))
        return self.export_to(path, what)

    def export_to(self, path: str | os.PathLike, what: str = "session") -> bool:
        """Export in the format ``path``'s suffix names. Errors: one message, no file."""
        path = Path(path)
        try:
            fitted = self._export(path, what)
        except (ExportError, OSError, ValueError) as exc:  # WorkBudgetError is a ValueError
            reason = self.tr("Not exported: {reason}").format(reason=_reason(exc))
            self._error(self.tr("Export Failed"), reason)
            return False
        done = self.tr("Exported {name}").format(name=path.name)
        if fitted is not None:
            done = self.tr("Exported {name} at the {points} points the plot shows").format(
                name=path.name, points=f"{fitted:,}"
            )
        self._notice(done)
        return True

    def _export(self, path: Path, what: str) -> int | None:
        """Write the export; the number of sweep points if fewer than the session's."""
        suffix = path.suffix.lower()
        self.controller.flush()  # export what the views show now
        if suffix in IMAGE_SUFFIXES:
            from gui.export_images import export_image

            view = self._view("graphView" if what == "graph" else "plotWidget")
            if view is None:
                raise ExportError(self.tr("there is no view to export"))
            export_image(view, path)
            return None
        session = self.controller.session
        fitted = None
        if suffix in SWEEP_EXPORTS and session.expression is not None:
            # Over the work budget the plot shows fewer points: the table has the same.
            points = sweep_points(session.expression, session.sweep)
            if points < session.sweep.points:
                session = copy.copy(session)
                session.sweep = dataclasses.replace(session.sweep, points=points)
                fitted = points
        # A .py export writes the engine it needs beside the script.
        export_session(path, session)
        return fitted

    def _export_folder(self) -> str:
        folder = settings().value("exportFolder", "")
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
        return self._start_folder()

    # -- autosave and recovery ----------------------------------------------------

    @property
    def autosave_enabled(self) -> bool:
        return self.interactive or QStandardPaths.isTestModeEnabled()

    @property
    def autosave_path(self) -> Path | None:
        """This window's autosave file (None until the first autosave)."""
        return self._autosave_path

    def _on_clean_changed(self, clean: bool) -> None:
        self._modified = not clean
        self._on_document_changed()

    def _on_document_changed(self, *_args) -> None:
        if not self.autosave_enabled:
            return
        if self.is_modified():
            self._autosave_timer.start()
        else:
            self._autosave_timer.stop()
            self._remove_autosave()

    def autosave_now(self) -> bool:
        """Write the session to this window's autosave file now. True if written.

        A failure is reported (``_report_autosave_failure``), never raised: the
        learner keeps working, and learns that the work is not protected."""
        self._autosave_timer.stop()
        if not self.autosave_enabled or not self.is_modified():
            return False
        try:
            if self._autosave_path is None:
                self._autosave_path = self._claim_autosave_file()
            record = {
                "format": AUTOSAVE_FORMAT,
                "version": 1,
                "path": str(self.path) if self.path is not None else None,
                "saved": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
                "session": self.controller.session.to_dict(),
            }
            data = json.dumps(record, ensure_ascii=False, allow_nan=False, indent=1)
            write_atomic(self._autosave_path, data.encode("utf-8"))
        except (OSError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
            self._report_autosave_failure(exc)
            return False
        if self._autosave_failing:
            self._autosave_failing = False
            self._notice(self.tr("Autosave works again: your changes are protected."))
        return True

    def _report_autosave_failure(self, exc: BaseException) -> None:
        """The status bar says so every time; a dialog the first time in a row (only in
        a window someone sees: headless runs have nobody to press OK)."""
        text = self.tr(
            "Autosave failed: your changes are not protected against a crash ({reason}). "
            "Save them with File > Save As."
        ).format(reason=_reason(exc))
        first = not self._autosave_failing
        self._autosave_failing = True
        self.last_message = text
        self.window.statusBar().showMessage(text)  # stays until something replaces it
        if first and self.interactive and not self._ending:
            QMessageBox.warning(self.window, self.tr("Autosave Failed"), text)

    def _claim_autosave_file(self) -> Path:
        folder = autosave_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"session-{uuid.uuid4().hex}.json"
        lock = QLockFile(str(path) + ".lock")
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        if not lock.tryLock(0):
            raise OSError("cannot lock the autosave file")
        self._autosave_lock = lock
        return path

    def _remove_autosave(self) -> None:
        self._autosave_timer.stop()
        if self._autosave_path is not None:
            try:
                self._autosave_path.unlink(missing_ok=True)
            except OSError:
                pass
            self._autosave_path = None
        if self._autosave_lock is not None:
            self._autosave_lock.unlock()
            self._autosave_lock = None

    def _keep_autosave(self) -> None:
        """Leave the autosave file for the next launch to offer, and let go of its lock
        (a lock nobody holds is what marks it as left behind)."""
        self._autosave_timer.stop()
        self._autosave_path = None
        if self._autosave_lock is not None:
            self._autosave_lock.unlock()
            self._autosave_lock = None

    def orphaned_autosaves(self) -> list[tuple[Path, QLockFile]]:
        """Autosave files left by windows that did not close (newest first), locked."""
        folder = autosave_dir()
        if not folder.is_dir():
            return []
        found = []
        for path in folder.glob("session-*.json"):
            if path == self._autosave_path:
                continue
            lock = QLockFile(str(path) + ".lock")
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # no live process holds it: its window crashed
                found.append((_modified_time(path), path, lock))
        found.sort(key=lambda item: item[0], reverse=True)
        return [(path, lock) for _time, path, lock in found]

    def offer_recovery(self) -> bool:
        """If an earlier run left unsaved work, offer to restore it. True if restored.

        Of the autosaves that runs which did not close left behind, the newest three
        are kept and older ones removed. The newest readable one is offered; once
        answered (either way) it is removed. The others stay for the next launch.
        """
        self.recovery_offered = True
        orphans = self.orphaned_autosaves()
        for path, lock in orphans[KEPT_CRASHED_AUTOSAVES:]:
            _unlink(path)
            lock.unlock()  # and the lock file goes with it
        orphans = orphans[:KEPT_CRASHED_AUTOSAVES]
        restored = False
        try:
            for path, _lock in orphans:
                try:
                    session, original, saved = self._read_autosave(path)
                except SessionError as exc:
                    _unlink(path)
                    self._notice(
                        self.tr("An autosaved session could not be read: {reason}").format(
                            reason=exc
                        )
                    )
                    continue
                name = Path(original).name if original else self.tr("Untitled")
                Button = QMessageBox.StandardButton
                answer = QMessageBox.question(
                    self.window,
                    self.tr("Restore Unsaved Work?"),
                    self.tr(
                        "Autodiff Tutor did not close properly. Restore the unsaved changes "
                        "to {name} from {time}?"
                    ).format(name=name, time=_local_time(saved)),
                    Button.Yes | Button.No,
                    Button.Yes,
                )
                _unlink(path)
                if answer == Button.Yes:
                    self._set_document(session, Path(original) if original else None)
                    self.controller.undo_stack.resetClean()  # restored work is unsaved
                    self._set_path(self.path)  # the title shows the unsaved mark
                    self.autosave_now()
                    restored = True
                break
        finally:
            for _path, lock in orphans:
                lock.unlock()
        return restored

    def offer_recovery_unless_offered(self) -> bool:
        """``offer_recovery()``, unless it already ran for this window."""
        return False if self.recovery_offered else self.offer_recovery()

    @staticmethod
    def _read_autosave(path: Path) -> tuple[Session, str | None, str]:
        try:
            record = json.loads(read_file(path, MAX_FILE_BYTES * 2).decode("utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            raise SessionError(str(exc)) from None
        if not isinstance(record, dict) or record.get("format") != AUTOSAVE_FORMAT:
            raise SessionError("not an autosave file")
        original = record.get("path")
        saved = record.get("saved")
        session = Session.from_dict(record.get("session"))
        return (
            session,
            original if isinstance(original, str) else None,
            saved if isinstance(saved, str) else "?",
        )

    # -- closing ------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if obj is self.window and event.type() == QEvent.Type.Close:
            if self._ending:
                # Nobody to ask: unsaved changes stay in the autosave, for recovery.
                if self.is_modified() and self.autosave_now():
                    self._keep_autosave()
                else:
                    self._remove_autosave()
                return super().eventFilter(obj, event)
            if not self.maybe_save():
                event.ignore()
                return True
            self._remove_autosave()
        return super().eventFilter(obj, event)

    def close_for_session_end(self) -> None:
        """Close the window as File > Quit does, but without asking (see end_session)."""
        self._ending = True
        self.window.close()

    # -- messages -----------------------------------------------------------------

    def _error(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self.window, title, text)

    def _notice(self, text: str) -> None:
        self.last_message = text
        self.window.statusBar().showMessage(text, 8000)


_LIVE_FILE_ACTIONS: weakref.WeakSet[FileActions] = weakref.WeakSet()


def end_session() -> None:
    """The desktop session ends (SIGTERM at a logout, Ctrl+C in a terminal): close every
    window as File > Quit does, without asking. A window with unsaved changes leaves
    them in its autosave, which the next launch offers to restore; a saved one leaves
    nothing behind."""
    for actions in list(_LIVE_FILE_ACTIONS):
        if shiboken6.isValid(actions) and shiboken6.isValid(actions.window):
            actions.close_for_session_end()


def _resolved(path: str | os.PathLike) -> Path:
    """The absolute path with symbolic links followed as far as they go. Never raises:
    ``Path.resolve`` does (RuntimeError) on a loop of symbolic links."""
    return Path(os.path.realpath(os.path.abspath(path)))


def _reason(exc: BaseException) -> str:
    """Why something failed, in one line of the interface's language."""
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return tr_message(exc)


def _modified_time(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _local_time(iso: str) -> str:
    """An ISO time stamp as the user's locale writes a date and time (short form)."""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def install_file_actions(
    window: QMainWindow, controller: SessionController, **kwargs
) -> FileActions:
    """Install the File menu into ``window``; offers crash recovery once events run,
    unless it was offered already (``main.py`` does it before the window is shown, so
    that no other session is drawn first)."""
    actions = FileActions(window, controller, **kwargs)
    if actions.interactive:
        QTimer.singleShot(0, actions.offer_recovery_unless_offered)
    return actions


__all__ = [
    "FileActions",
    "app_data_dir",
    "autosave_dir",
    "end_session",
    "install_file_actions",
    "settings",
]
