"""Autodiff Tutor: start the app, or use one of its headless verbs.

    python main.py [SESSION.json]                 open the app (optionally a saved session)
    python main.py --screenshot OUT.png [SESSION] render the main window offscreen to a PNG
    python main.py --export OUT SESSION.json      headless export; format from OUT's suffix
    python main.py eval "EXPR" x=1 y=2            print f and every partial derivative

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
usage: python main.py [SESSION.json]
       python main.py --screenshot OUT.png [SESSION.json]
       python main.py --export OUT SESSION.json
       python main.py eval "EXPR" [NAME=VALUE ...]"""

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


def run_eval(args: list[str]) -> int:
    from tutor.evaluation import evaluate_expression
    from tutor.formula import ParseError, parse
    from tutor.numbers import exact

    if not args:
        raise UsageError('eval needs an expression, e.g. eval "x^2*y" x=3 y=2')
    text, assignments = args[0], args[1:]
    try:
        expr = parse(text)
    except ParseError as exc:
        where = "" if "column" in str(exc) else f" at column {exc.position + 1}"
        raise UsageError(f"the expression does not parse{where}: {exc}") from None
    values = parse_assignments(assignments)
    check_names(expr, values)
    missing = [name for name in expr.variables if name not in values]
    if missing:
        hint = " ".join(f"{name}=…" for name in missing)
        raise UsageError(f"no value for {', '.join(missing)} (add {hint})")
    result = evaluate_expression(expr, values, None)
    lines = [f"f = {exact(result.value)}"]
    for name in sorted(values):  # exactly the formula's variables (check_names)
        lines.append(f"df/d{name} = {exact(result.grads.get(name, 0.0))}")
    print("\n".join(lines))
    for notice in result.notices:  # log(-1), 1/0: the numbers stand, with a word why
        print(f"note: {notice}", file=sys.stderr)
    return 0


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


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_screenshot(args: list[str]) -> int:
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
    from gui.main_window import MainWindow
    from tutor.files import write_atomic

    app = create_app([sys.argv[0]])
    window = MainWindow(session)
    if len(args) == 2:
        window.set_file_path(os.path.abspath(args[1]))
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


def build_window(args: list[str]):
    """Create the app and the window for a plain launch (used by the benchmarks too)."""
    if len(args) > 1:
        raise UsageError(f"expected at most one session file, got {len(args)} arguments")
    session = load_session(args[0]) if args else None
    if not has_display():
        raise UsageError(
            "no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
            "set QT_QPA_PLATFORM=offscreen or use --screenshot"
        )
    from gui.app import create_app
    from gui.main_window import MainWindow

    app = create_app([sys.argv[0]])
    window = MainWindow(session)
    if args:
        window.file_actions.adopt_file(args[0])
    return app, window


def run_gui(args: list[str]) -> int:
    app, window = build_window(args)
    from gui.app import quit_on_signals

    quit_on_signals(app)  # SIGTERM, Ctrl+C: close as File > Quit does, work kept
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
        if args and args[0] == "--screenshot":
            return run_screenshot(args[1:])
        if args and args[0] == "--export":
            return run_export(args[1:])
        for arg in args:
            if arg.startswith("-") and arg != "-":
                raise UsageError(f"unknown option {arg!r} (see --help)")
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
