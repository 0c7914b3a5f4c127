"""Autodiff Tutor: start the app, or use one of its headless verbs.

    python main.py [SESSION.json]                 open the app (optionally a saved session)
    python main.py --screenshot OUT.png [SESSION] render the main window offscreen to a PNG
    python main.py --export OUT SESSION.json      headless export; format from OUT's suffix
    python main.py eval "EXPR" x=1 y=2            print f and every partial derivative
    python main.py eval --mode forward "EXPR" ... the same, by forward mode (one pass per name)
    python main.py book SCRIPT.py [ARGS]          run a script written for the book

Every command-line error is one line on stderr starting with ``error:`` and exit code 2:
no traceback, and no partial output file. ``eval`` never imports Qt.
"""

from __future__ import annotations

import math
import os
import sys
import time

_STARTED = time.perf_counter()

USAGE = """\
usage: python main.py [--theme system|light|dark] [--language en|ko] [SESSION.json]
       python main.py --screenshot OUT.png [--theme ...] [--language ...] [SESSION.json]
       python main.py --export OUT SESSION.json
       python main.py eval [--mode reverse|forward] "EXPR" [NAME=VALUE ...]
       python main.py book SCRIPT.py [ARGS ...]"""

EXIT_USAGE = 2


class UsageError(Exception):
    """A command-line problem: reported as ``error: <message>``, exit 2."""


# -- eval (headless, no Qt) ---------------------------------------------------------------


def parse_assignments(args: list[str]) -> dict[str, float]:
    values: dict[str, float] = {}
    for arg in args:
        name, sep, text = arg.partition("=")
        name, text = name.strip(), text.strip()
        if not sep or not name:
            raise UsageError(f"expected NAME=VALUE, got {arg!r}")
        if not name.isidentifier():
            raise UsageError(f"{name!r} is not a valid variable name")
        if name in values:
            raise UsageError(f"{name} is given twice")
        try:
            value = float(text.replace("−", "-"))
        except ValueError:
            raise UsageError(f"{name}={text!r}: the value must be a number") from None
        if not math.isfinite(value):
            raise UsageError(f"{name}={text}: the value must be a finite number")
        values[name] = value
    return values


def check_names(expr, values: dict[str, float]) -> None:
    """Every name given must be a variable of the formula: ``pi=3`` cannot change π, and
    ``q=2`` for ``x^2`` is a typo the user should hear about."""
    from tutor.formula import CONSTANTS

    for name in values:
        if name in CONSTANTS:
            raise UsageError(f"{name} is a constant, not a variable: it cannot be given a value")
        if name not in expr.variables:
            known = ", ".join(expr.variables) if expr.variables else "none"
            raise UsageError(f"{name} is not a variable of the formula (its variables: {known})")


def forward_mode_lines(expr, values: dict[str, float]) -> list[str]:
    """eval's lines computed by forward mode: one jvp per variable, tangent 1 on it."""
    import numpy as np

    from engine.forward import jvp
    from tutor.numbers import exact

    names = sorted(values)
    used = list(expr.variables)

    def f(*xs):
        return expr.build(dict(zip(names, xs, strict=True)))

    point = [np.array(values[name]) for name in names]
    value, grads = None, {}
    with np.errstate(all="ignore"):
        for i, name in enumerate(names):
            if name in used:
                tangents = [np.array(1.0 if j == i else 0.0) for j in range(len(names))]
                (y,), (ydot,) = jvp(f, point, tangents)
                value = float(y.data)
                grads[name] = float(ydot.data) + 0.0  # + 0.0: no "-0", as eval prints
        if value is None:  # a formula of no variable: one pass for its value
            (y,), _ = jvp(f, point, [np.zeros(())] * len(names))
            value = float(y.data)
    lines = [f"f = {exact(value + 0.0)}"]
    lines.extend(f"df/d{name} = {exact(grads.get(name, 0.0))}" for name in names)
    return lines


def run_eval(args: list[str]) -> int:
    from tutor.evaluation import evaluate_expression
    from tutor.formula import ParseError, SeveralOutputsError, parse
    from tutor.numbers import exact

    mode = "reverse"
    if args and args[0] in ("--mode", "-m"):
        if len(args) < 2 or args[1] not in ("reverse", "forward"):
            raise UsageError("--mode is reverse (the default) or forward")
        mode, args = args[1], args[2:]
    if not args:
        raise UsageError('eval needs an expression, e.g. eval "x^2*y" x=3 y=2')
    text, assignments = args[0], args[1:]
    try:
        expr = parse(text, single=True)
    except SeveralOutputsError as exc:  # it parses: it is just not one f
        raise UsageError(str(exc)) from None
    except ParseError as exc:
        where = "" if "column" in str(exc) else f" at column {exc.position + 1}"
        raise UsageError(f"the expression does not parse{where}: {exc}") from None
    values = parse_assignments(assignments)
    check_names(expr, values)
    missing = [name for name in expr.variables if name not in values]
    if missing:
        hint = " ".join(f"{name}=…" for name in missing)
        raise UsageError(f"no value for {', '.join(missing)} (add {hint})")
    if mode == "forward":
        print("\n".join(forward_mode_lines(expr, values)))
        return 0
    result = evaluate_expression(expr, values, None)
    lines = [f"f = {exact(result.value)}"]
    for name in sorted(values):  # exactly the formula's variables (check_names)
        lines.append(f"df/d{name} = {exact(result.grads.get(name, 0.0))}")
    print("\n".join(lines))
    for notice in result.notices:  # log(-1), 1/0: the numbers stand, with a word why
        print(f"note: {notice}", file=sys.stderr)
    finite = [result.value, *result.grads.values()]
    if not all(math.isfinite(v) for v in finite):
        origin = nan_origin_note(expr, values)
        if origin:
            print(f"note: {origin}", file=sys.stderr)
    return 0


def nan_origin_note(expr, values) -> str:
    """Which operation made f or a derivative non-finite, in a sentence ('' if none)."""
    from tutor.nan_origin import origin_at

    origin = origin_at(expr, values)
    return str(origin.note()) if origin is not None else ""


# -- book (headless, no Qt) -----------------------------------------------------------------


def run_book(args: list[str]) -> int:
    """Run a script written for the book, with ``import dezero`` resolving to the engine."""
    if not args:
        raise UsageError("book needs a script: book SCRIPT.py [ARGS ...]")
    if not os.path.isfile(args[0]):
        raise UsageError(f"{args[0]}: no such script")
    from tutor.book_runner import run_script

    return run_script(args[0], args[1:])


# -- sessions from the command line --------------------------------------------------------


def load_session(path: str):
    from tutor.session import Session, SessionError

    try:
        return Session.load(path)
    except SessionError as exc:
        raise UsageError(f"{path}: {exc}") from None


# -- export (implemented in tutor/export.py and gui/export_images.py) ------------------------

# Exports that run the formula over the sweep (the table, the plot's picture).
SWEEP_SUFFIXES = (".csv", ".png", ".svg")


def check_export_work(session, out_path: str) -> None:
    """Refuse, before any work, an export whose sweep exceeds the work budget."""
    from tutor.budget import WorkBudgetError, check_work
    from tutor.messages import Message

    suffix = os.path.splitext(out_path)[1].lower()
    if suffix not in SWEEP_SUFFIXES or session.expression is None:
        return
    if session.sweep.variable is None:
        return
    try:
        check_work(session.expression, session.sweep.points, Message("the sweep"))
    except WorkBudgetError as exc:
        raise UsageError(f"{out_path}: {exc} (lower 'points' in the session's 'sweep')") from None


def run_export(args: list[str]) -> int:
    if len(args) != 2:
        raise UsageError("--export needs OUT and SESSION.json: --export OUT SESSION.json")
    out_path, session_path = args
    from tutor.export import export_session

    session = load_session(session_path)
    check_export_work(session, out_path)
    try:
        if os.path.splitext(out_path)[1].lower() in (".png", ".svg"):
            # Pictures of the plot need Qt: drawn offscreen, so no display is needed.
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            from gui.export_images import export_session_image

            export_session_image(out_path, session)
        else:
            export_session(out_path, session)
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    return 0


# -- the GUI ---------------------------------------------------------------------------------


def interface_languages() -> tuple[str, ...]:
    """English and every compiled catalogue in gui/translations/ (as gui/i18n.py finds
    them), without importing Qt."""
    import glob

    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gui", "translations")
    found = glob.glob(os.path.join(folder, "autodiff_tutor_*.qm"))
    codes = sorted(os.path.basename(p)[len("autodiff_tutor_") : -len(".qm")] for p in found)
    return ("en", *codes)


LOOK_OPTIONS = {"--theme": ("system", "light", "dark"), "--language": None}


def take_look_options(args: list[str]) -> tuple[list[str], dict[str, str]]:
    """``--theme MODE`` and ``--language CODE`` (or ``--theme=MODE``) out of ``args``:
    the other arguments, and ``{"theme": ..., "language": ...}`` for what was given."""
    rest: list[str] = []
    chosen: dict[str, str] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        option, sep, value = arg.partition("=")
        if option in LOOK_OPTIONS:
            if not sep:
                if i + 1 >= len(args):
                    raise UsageError(f"{option} needs a value")
                value = args[i + 1]
                i += 1
            key = option.removeprefix("--")
            if key in chosen:
                raise UsageError(f"{option} is given twice")
            allowed = LOOK_OPTIONS[option]
            if allowed is None:
                allowed = interface_languages()
            if value not in allowed:
                raise UsageError(f"{option} is one of {', '.join(allowed)}, not {value!r}")
            chosen[key] = value
        else:
            rest.append(arg)
        i += 1
    return rest, chosen


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_screenshot(args: list[str]) -> int:
    args, look = take_look_options(args)
    if not args or len(args) > 2:
        raise UsageError("--screenshot needs OUT.png and at most one SESSION.json")
    out_path = args[0]
    if not out_path.lower().endswith(".png"):
        raise UsageError(f"{out_path}: the screenshot is a PNG image; the name must end in .png")
    folder = os.path.dirname(os.path.abspath(out_path))
    if not os.path.isdir(folder):
        raise UsageError(f"cannot write {out_path!r}: the folder does not exist")
    session = load_session(args[1]) if len(args) == 2 else None
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from gui.app import create_app
    from gui.main_window import DEFAULT_SIZE, MainWindow
    from tutor.files import write_atomic

    app = create_app([sys.argv[0]], **look)
    window = MainWindow(session)
    if len(args) == 2:
        window.set_file_path(os.path.abspath(args[1]))
    # The same picture on every machine: the desktop's first window, not the last one's.
    window.resize(DEFAULT_SIZE)
    window._share_width(DEFAULT_SIZE.width())
    window.show()
    for _ in range(3):  # layouts and deferred updates post events of their own
        app.processEvents()
    window.controller.flush()
    app.processEvents()
    image = window.grab().toImage()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = image.save(buffer, "PNG")
    buffer.close()
    window.close()
    if not ok:
        raise UsageError("could not encode the screenshot as PNG")
    try:
        write_atomic(out_path, bytes(data))
    except OSError as exc:
        raise UsageError(f"cannot write {out_path!r}: {exc.strerror or exc}") from None
    return 0


# Qt's X11 platform plugin (libqxcb.so) needs system libraries that a bare Linux often
# lacks; without them Qt prints a long message and aborts. Each soname, with the package
# that provides it on Debian/Ubuntu and on Fedora.
XCB_PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}


def xcb_plugin_path() -> str | None:
    """PySide6's xcb platform plugin, found without importing Qt (None if absent)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "Qt", "plugins", "platforms", "libqxcb.so")
        if os.path.exists(path):
            return path
    return None


def missing_libraries(library: str) -> list[str]:
    """The shared libraries ``library`` needs that the system cannot find ([] if none).

    Loading it is the test (the dynamic loader resolves exactly what Qt will); ``ldd``
    then names every missing library, not just the first the loader stopped at.
    """
    import ctypes
    import re
    import subprocess

    try:
        ctypes.CDLL(library)
    except OSError as exc:
        first = re.match(r"\s*([^:\s]+\.so[.\d]*):", str(exc))
        missing = [first.group(1)] if first else []
    else:
        return []
    try:
        listing = subprocess.run(
            ["ldd", library], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        listing = ""
    for name in re.findall(r"^\s*(\S+) => not found", listing, re.MULTILINE):
        if name not in missing:
            missing.append(name)
    return missing or [os.path.basename(library)]


def uses_xcb() -> bool:
    """True if Qt is going to use its X11 (xcb) platform here."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return sys.platform.startswith("linux") and not os.environ.get("WAYLAND_DISPLAY")


def xcb_problem(plugin: str | None = None) -> str | None:
    """One line saying which packages to install, if Qt's xcb plugin cannot load."""
    plugin = plugin or xcb_plugin_path()
    if plugin is None:
        return None  # a Qt without the plugin: let Qt say what it has
    missing = missing_libraries(plugin)
    if not missing:
        return None
    debian = list(dict.fromkeys(XCB_PACKAGES[m][0] for m in missing if m in XCB_PACKAGES))
    fedora = list(dict.fromkeys(XCB_PACKAGES[m][1] for m in missing if m in XCB_PACKAGES))
    unknown = [m for m in missing if m not in XCB_PACKAGES]
    line = f"Qt's X11 platform (xcb) cannot start: missing {', '.join(missing)}"
    if debian:
        line += (
            f"; to install: sudo apt install {' '.join(debian)} (Debian/Ubuntu)"
            f" or sudo dnf install {' '.join(fedora)} (Fedora)"
        )
    if unknown:
        line += f"; find the package that provides {', '.join(unknown)}"
    return line


def build_window(args: list[str]):
    """Create the app and the window for a plain launch (used by the benchmarks too).

    ``--theme`` and ``--language`` choose the look and the language for this run.

    Before anything is drawn: a missing system library for Qt's xcb platform is one
    line on stderr (instead of Qt's abort), and unsaved work from a crash is offered
    back, so the window shows that session first instead of the example.
    """
    args, look = take_look_options(args)
    for arg in args:
        if arg.startswith("-") and arg != "-":
            raise UsageError(f"unknown option {arg!r} (see --help)")
    if len(args) > 1:
        raise UsageError(f"expected at most one session file, got {len(args)} arguments")
    session = load_session(args[0]) if args else None
    if not has_display():
        raise UsageError(
            "no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
            "set QT_QPA_PLATFORM=offscreen or use --screenshot"
        )
    if uses_xcb():
        problem = xcb_problem()
        if problem:
            raise UsageError(problem)
    from gui.app import create_app
    from gui.main_window import MainWindow

    app = create_app([sys.argv[0]], **look)
    window = MainWindow(session)
    if args:
        window.file_actions.adopt_file(args[0])
    if window.file_actions.interactive:
        window.file_actions.offer_recovery()  # the window is not shown yet
    return app, window


def run_gui(args: list[str]) -> int:
    app, window = build_window(args)
    from gui.app import quit_on_signals
    from gui.file_actions import end_session

    quit_on_signals(app, end_session)  # SIGTERM, Ctrl+C: close as File > Quit does
    window.show()
    return app.exec()  # Qt's event loop (QApplication.exec), not Python's exec


# -- dispatch ----------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in ("-h", "--help"):
            print(USAGE)
            return 0
        if args and args[0] == "eval":
            return run_eval(args[1:])
        if args and args[0] == "book":
            return run_book(args[1:])
        if args and args[0] == "--screenshot":
            return run_screenshot(args[1:])
        if args and args[0] == "--export":
            return run_export(args[1:])
        return run_gui(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback on the command line
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
