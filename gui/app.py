"""The QApplication: its name and icon, its look (gui/theme.py) and its language (gui/i18n.py).

``create_app()`` is used by ``main.py`` and by the benchmarks; tests get their
application from pytest-qt and call ``apply_style()`` only if they want the look.
``quit_on_signals(app, end_session)`` (``main.py`` calls it for the window) makes SIGTERM and
SIGINT close the app as File > Quit does.
"""

from __future__ import annotations

import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.theme import apply_style

APP_NAME = "Autodiff Tutor"
ORGANIZATION = "Autodiff Tutor"
# The desktop entry's name (packaging/linux/<APP_ID>.desktop): Wayland finds the icon by it.
APP_ID = "io.github.autodiff_tutor.AutodiffTutor"
ICON_DIR = Path(__file__).resolve().parent / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)  # gui/icons/autodiff-tutor-<N>.png (tools/render_icons.py)


def app_icon() -> QIcon:
    """The application icon, one PNG per size, so Qt never scales a large one down."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(ICON_DIR / f"autodiff-tutor-{size}.png"), QSize(size, size))
    return icon


def install_translators(app: QApplication, language: str | None = None):
    """The interface language (gui/i18n.py): ``language``, else the one chosen from
    View > Language last time, else the system locale's."""
    from gui import i18n

    return i18n.install(app, language)


_HARMLESS_OFFSCREEN_MESSAGES = ("This plugin does not support",)


def _quiet_offscreen_messages() -> None:
    """The offscreen platform warns about window features it lacks; nobody can act on it."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):
        if message.startswith(_HARMLESS_OFFSCREEN_MESSAGES):
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)


def create_app(
    argv: list[str] | None = None, theme: str | None = None, language: str | None = None
) -> QApplication:
    """Create (or return) the QApplication, styled and translated.

    ``theme`` ("system", "light", "dark") and ``language`` ("en", "ko") come from the
    command line; without them, the choices made in the View menu last time. A choice
    given here is used for this run only, not remembered.
    """
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    if QApplication.platformName() == "offscreen":
        _quiet_offscreen_messages()
    from gui import theme as themes
    from gui import zoom

    zoom.set_factor(zoom.stored_factor())
    apply_style(app)  # records the system palette before it is replaced
    themes.set_mode(theme or themes.stored_mode())
    install_translators(app, language)
    return app


QUIT_SIGNALS = ("SIGTERM", "SIGINT")  # a logout or `kill`; Ctrl+C in the terminal


def quit_on_signals(app: QApplication, end_session: Callable[[], object]) -> None:
    """SIGTERM and SIGINT call ``end_session`` (main.py passes
    ``gui.file_actions.end_session``, which closes every window as File > Quit does),
    then quit the app.

    Nobody can answer a question then, so nothing is asked: unsaved work stays in its
    autosave and the next launch offers it; a saved session leaves nothing behind, so
    the next launch offers no recovery.

    Python runs a signal handler only between bytecodes, and while Qt's event loop
    waits no Python runs. So the signal also writes a byte into a socket
    (``signal.set_wakeup_fd``) that a QSocketNotifier watches: the loop wakes, and the
    handler runs.
    """
    receiver, sender = socket.socketpair()
    receiver.setblocking(False)
    sender.setblocking(False)
    signal.set_wakeup_fd(sender.fileno())
    notifier = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        try:
            while receiver.recv(64):
                pass
        except BlockingIOError:
            pass

    notifier.activated.connect(drain)
    app._quit_on_signals = (receiver, sender, notifier)  # alive as long as the app

    def on_signal(_signum, _frame) -> None:
        # Not in the middle of whatever Python was doing: once the loop is back.
        QTimer.singleShot(0, lambda: (end_session(), app.quit()))

    for name in QUIT_SIGNALS:
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), on_signal)
