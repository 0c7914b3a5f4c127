"""Session files: save -> load is exact, and every bad file is refused with its reason.

Loading never executes anything from a file, and a refused file leaves the open
session exactly as it was (the window tests at the end check that through File > Open).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tutor.session import (
    CURVES,
    FORMAT_VERSION,
    MAX_ABS_BOUND,
    MAX_POINTS,
    MAX_SLIDER_STEPS,
    MIN_POINTS,
    Session,
    SessionError,
    VariableSpec,
)

# -- save -> load round trip -----------------------------------------------------------

EXPRESSIONS = [
    "sin(x) * x^2 + y",
    "x",
    "3",
    "exp(-a^2) / (1 + b)",
    "θ^3 - 2θ",
    "relu(x - y) + abs(z) * sigmoid(w)",
    "2^10 + pi - e",
    "log(x) + sqrt(y) + tanh(t)",
]
NAMES = ["x", "y", "z", "a", "b", "t", "w", "k", "θ", "speed_2", "Δ"]


@st.composite
def variable_specs(draw, name: str) -> VariableSpec:
    lo = draw(st.floats(-1e6, 1e6, allow_nan=False))
    width = draw(st.floats(1e-3, 1e6))
    hi = lo + width
    if not lo < hi or abs(hi) > MAX_ABS_BOUND:
        hi = lo + 1.0
    step = draw(st.floats((hi - lo) / MAX_SLIDER_STEPS * 1.01, hi - lo))
    value = draw(st.floats(lo, hi))
    return VariableSpec(name, value, lo, hi, step)


@st.composite
def sessions(draw) -> Session:
    s = Session(draw(st.sampled_from(EXPRESSIONS)))
    for name in draw(st.lists(st.sampled_from(NAMES), max_size=5, unique=True)):
        s.add_variable(draw(variable_specs(name)))
    for name in list(s.variables):
        spec = s.variables[name]
        s.set_range(name, spec.min, spec.max, spec.step)  # as if edited: sweep follows
    if s.variables:
        s.set_sweep_variable(draw(st.sampled_from(sorted(s.variables))))
        lo = draw(st.floats(-1e6, 1e6))
        s.sweep.min, s.sweep.max = lo, lo + draw(st.floats(1e-3, 1e6))
        s.sweep.points = draw(st.integers(MIN_POINTS, MAX_POINTS))
    s.set_curves(draw(st.permutations(CURVES))[: draw(st.integers(0, len(CURVES)))])
    if draw(st.booleans()):
        s.panels["lesson"] = {"id": draw(st.text(max_size=20)), "step": draw(st.integers(0, 9))}
    if draw(st.booleans()):
        s.set_expression(draw(st.sampled_from(["sin(", "2 3", "x +* y", ")"])))  # typing
    return s


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_save_then_load_gives_the_identical_session(session):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.json"
        session.save(path)
        loaded = Session.load(path)
        assert loaded.to_dict() == session.to_dict()
        assert loaded.to_json() == path.read_text(encoding="utf-8")
        assert os.listdir(folder) == ["s.json"]  # no temporary file left behind
    if session.error is None:
        assert loaded.expression_text == session.expression_text
        a, b = loaded.evaluate(), session.evaluate()
        assert (a.value == b.value) or (math.isnan(a.value) and math.isnan(b.value))
        assert a.sweep_variable == b.sweep_variable


def test_a_session_whose_text_does_not_parse_saves_the_last_text_that_did(tmp_path):
    s = Session("x^2 + y")
    s.set_expression("x^2 + ")
    s.save(tmp_path / "s.json")
    assert Session.load(tmp_path / "s.json").expression_text == "x^2 + y"


def test_saving_replaces_the_file_atomically(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    Session("x").save(path)
    before = path.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "full")))
    with pytest.raises(OSError):
        Session("y").save(path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["s.json"]


# -- the catalogue of bad files ------------------------------------------------------------

GOOD = json.loads(Session("sin(x) * x^2 + y").to_json())


def with_(**changes) -> str:
    d = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if value is ...:
            del d[key]
        else:
            d[key] = value
    return json.dumps(d)


def with_variable(**changes) -> str:
    var = {"name": "x", "value": 1.0, "min": -5.0, "max": 5.0, "step": 0.01}
    for key, value in changes.items():
        if value is ...:
            del var[key]
        else:
            var[key] = value
    return with_(variables=[var])


SENTINEL = Path(tempfile.gettempdir()) / "autodiff-tutor-pwned"

BAD_FILES = {
    "empty": ("", "empty"),
    "only whitespace": ("  \n\t ", "empty"),
    "truncated": (with_()[: len(with_()) // 2], "not valid JSON"),
    "not json": ("format = autodiff-tutor-session", "not valid JSON"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\xff", "not UTF-8"),
    "json list": ("[1, 2, 3]", "top level is a list"),
    "json string": ('"autodiff-tutor-session"', "top level is text"),
    "wrong format tag": (with_(format="something-else"), "'format' must be"),
    "no format tag": (with_(format=...), "'format' must be"),
    "newer version": (with_(version=FORMAT_VERSION + 1), "version 2, newer than this app reads"),
    "version true": (with_(version=True), "'version' must be a whole number"),
    "version text": (with_(version="1"), "'version' must be a whole number"),
    "version float": (with_(version=1.0), "'version' must be a whole number"),
    "version zero": (with_(version=0), "unknown session version 0"),
    "missing version": (with_(version=...), "no 'version'"),
    "missing expression": (with_(expression=...), "no 'expression'"),
    "missing variables": (with_(variables=...), "no 'variables'"),
    "missing value": (with_variable(value=...), "missing 'value'"),
    "missing name": (with_variable(name=...), "no 'name'"),
    "expression not text": (with_(expression=42), "'expression' must be text"),
    "variables not a list": (with_(variables={"x": 1}), "'variables' must be a list"),
    "variable not an object": (with_(variables=[1.0]), "must be an object"),
    "true as a number": (with_variable(value=True), "'value' must be a number, got true/false"),
    "null as a number": (with_variable(min=None), "'min' must be a number, got null"),
    "text as a number": (with_variable(step="0.1"), "'step' must be a number, got text"),
    "NaN literal": (with_().replace('"value": 1.0', '"value": NaN', 1), "contains NaN"),
    "Infinity literal": (with_().replace('"max": 5.0', '"max": Infinity', 1), "Infinity"),
    "-Infinity literal": (with_().replace('"min": -5.0', '"min": -Infinity', 1), "-Infinity"),
    "1e999 overflows": (with_().replace('"value": 1.0', '"value": 1e999', 1), "finite"),
    "huge integer": (with_().replace('"value": 1.0', '"value": 1' + "0" * 400, 1), "finite"),
    "5000-digit integer": (with_().replace('"value": 1.0', '"value": 1' + "0" * 5000, 1), "digits"),
    "min > max": (with_variable(min=5.0, max=-5.0), "min (5) must be less than max (-5)"),
    "min == max": (with_variable(min=1.0, max=1.0), "must be less than max"),
    "zero step": (with_variable(step=0), "step must be positive"),
    "negative step": (with_variable(step=-0.1), "step must be positive"),
    "1e308 range": (with_variable(min=-1e308, max=1e308), "too large"),
    "step too fine": (with_variable(step=1e-12), "too fine"),
    "duplicate names": (
        with_(variables=[GOOD["variables"][0], GOOD["variables"][0]]),
        "listed twice",
    ),
    "bad name": (with_variable(name="x y"), "not a valid variable name"),
    "reserved name": (with_variable(name="pi"), "reserved"),
    "function name": (with_variable(name="sin"), "reserved"),
    "long name": (with_variable(name="x" * 1000), "too long"),
    "10,000 variables": (
        with_(
            variables=[
                {"name": f"v{i}", "value": 0.0, "min": -1.0, "max": 1.0, "step": 0.1}
                for i in range(10_000)
            ]
        ),
        "too many variables (10000",
    ),
    "expression uses too many variables": (
        with_(expression="+".join(f"v{i}" for i in range(100))),
        "too many variables",
    ),
    "expression does not parse": (with_(expression="sin(x"), "the expression does not parse"),
    "__import__ expression": (
        with_(expression=f"__import__('os').system('touch {SENTINEL}')"),
        "the expression does not parse",
    ),
    "__import__ with double quotes": (
        with_(expression=f'__import__("os").system("touch {SENTINEL}")'),
        "the expression does not parse",
    ),
    "open() expression": (with_(expression='open("/etc/passwd")'), "the expression does not parse"),
    "lambda expression": (with_(expression="lambda: 0"), "the expression does not parse"),
    "long expression": (with_(expression="x+" * 6000 + "x"), "too long"),
    "deeply nested JSON": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "sweep not an object": (with_(sweep=[1, 2]), "'sweep' must be an object"),
    "sweep of unknown variable": (
        with_(sweep={"variable": "q", "min": 0, "max": 1}),
        "must name one of the variables",
    ),
    "sweep min > max": (with_(sweep={"variable": "x", "min": 1, "max": 0}), "'sweep': min"),
    "sweep 1e308": (with_(sweep={"variable": "x", "min": -1e308, "max": 1}), "too large"),
    "sweep points true": (
        with_(sweep={"variable": "x", "min": 0, "max": 1, "points": True}),
        "'points' must be a whole number",
    ),
    "sweep 10^9 points": (
        with_(sweep={"variable": "x", "min": 0, "max": 1, "points": 10**9}),
        "'points' must be between",
    ),
    "unknown curve": (with_(curves=["f", "df", "d3f"]), "unknown curve 'd3f'"),
    "curves not a list": (with_(curves="f"), "'curves' must be a list"),
    "panel not an object": (with_(lesson=[1]), "'lesson' must be an object"),
    "panel too large": (with_(graph={"notes": "x" * 200_000}), "'graph' is too large"),
    # "\ud800" is valid JSON but not Unicode text: it opened, then every save failed
    "lone surrogate in the expression": (
        with_(expression="x + y\ud800"),
        "'expression' holds text that is not valid Unicode",
    ),
    "lone surrogate in a panel": (with_(lesson={"id": "\udc00"}), "'lesson' holds text"),
    "lone surrogate in a name": (with_variable(name="x\ud83d"), "'variables' holds text"),
    "lone surrogate in an unknown key": (with_(notes=["ok", "\udfff"]), "'notes' holds text"),
    "lone surrogate as a key": (with_(graph={"\ud800": 1}), "'graph' holds text"),
}


@pytest.fixture(autouse=True)
def no_sentinel():
    SENTINEL.unlink(missing_ok=True)
    yield
    assert not SENTINEL.exists(), "something from a session file was executed"


@pytest.mark.parametrize("key", list(BAD_FILES))
def test_bad_file_is_refused_with_its_reason(key, tmp_path):
    content, expected = BAD_FILES[key]
    path = tmp_path / "bad.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(SessionError) as info:
        Session.load(path)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message and len(message) < 300  # one clear line
    assert not SENTINEL.exists()


def test_the_catalogue_holds_at_least_forty_hostile_files():
    assert len(BAD_FILES) + len(SPECIAL_PATHS) >= 40


def test_a_surrogate_pair_is_one_character_and_loads():
    text = with_(lesson={"id": "\ud83d\ude00"})  # written as two escapes: 😀
    assert '"\\ud83d\\ude00"' in text
    assert Session.from_json(text).panels["lesson"]["id"] == "😀"


def test_a_session_holding_a_lone_surrogate_is_not_saved_and_says_why(tmp_path):
    s = Session("x")
    s.panels["lesson"] = {"id": "\ud800"}  # only code can put one there now
    with pytest.raises(SessionError, match="cannot be saved"):
        s.save(tmp_path / "s.json")
    assert list(tmp_path.iterdir()) == []


# -- paths that are not files: refused before a byte is read, without waiting ----------------


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "f.json"
    os.mkfifo(path)
    return path


def _symlink_loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.json"
    path.mkdir()
    return path


def _link_to(target: str):
    def make(tmp_path: Path) -> Path:
        path = tmp_path / "device.json"
        path.symlink_to(target)
        return path

    return make


def _socket(tmp_path: Path) -> Path:
    import socket

    path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    _SOCKETS.append(server)
    return path


_SOCKETS: list = []

# name: (makes the path in a folder, what the refusal says)
SPECIAL_PATHS = {
    "named pipe (FIFO)": (_fifo, "is a named pipe (FIFO), not a session file"),
    "symlink loop": (_symlink_loop, "its symbolic links lead round in a loop"),
    "folder": (_folder, "is a folder, not a session file"),
    "/dev/zero, which never ends": (_link_to("/dev/zero"), "is a character device"),
    "/dev/null": (_link_to("/dev/null"), "is a character device"),
    "socket": (_socket, "is a socket, not a session file"),
}

needs_posix = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file types")


@pytest.fixture
def no_hang():
    """Fail, instead of waiting for ever, if a read blocks (the FIFO did)."""
    import signal

    def hung(*_args):
        raise TimeoutError("the read blocked")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)
    while _SOCKETS:
        _SOCKETS.pop().close()


@needs_posix
@pytest.mark.parametrize("key", list(SPECIAL_PATHS))
def test_a_path_that_is_not_a_file_is_refused_without_reading(key, tmp_path, no_hang):
    make, expected = SPECIAL_PATHS[key]
    path = make(tmp_path)
    with pytest.raises(SessionError) as info:
        Session.load(path)
    message = str(info.value)
    assert expected in message, message
    assert "\n" not in message and len(message) < 300


def test_newer_version_names_both_versions():
    with pytest.raises(SessionError) as info:
        Session.from_json(with_(version=7))
    assert "version 7" in str(info.value) and f"version {FORMAT_VERSION}" in str(info.value)


def test_a_50_megabyte_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.write(with_().encode()[:-1] + b', "pad": "')
        fh.write(b"x" * (50 * 1024 * 1024))
        fh.write(b'"}')
    assert path.stat().st_size > 50e6
    with pytest.raises(SessionError, match=r"too large \(52\.\d MB; at most 10 MB\)"):
        Session.load(path)


def test_unreadable_paths_are_refused_with_the_reason(tmp_path):
    with pytest.raises(SessionError, match="cannot read .*No such file"):
        Session.load(tmp_path / "missing.json")
    with pytest.raises(SessionError, match="is a folder, not a session file"):
        Session.load(tmp_path)


def test_value_outside_its_range_is_clamped_with_a_notice():
    notices: list = []
    s = Session.from_json(with_variable(value=99.0), notices)
    assert s.variables["x"].value == 5.0
    assert [str(n) for n in notices] == ["variable 'x': value 99 was outside -5…5 and was set to 5"]


def test_a_refusal_carries_its_sentence_for_translation():
    from tutor.messages import message_of

    with pytest.raises(SessionError) as caught:
        Session.from_json(with_variable(min=5.0, max=-5.0))
    message = message_of(caught.value)
    assert message.template == "variable '{name}': min ({lo:g}) must be less than max ({hi:g})"
    assert message.values == {"name": "x", "lo": 5.0, "hi": -5.0}
    # another language's template, with the same fields, gets the same values
    korean = message.format(lambda t: "변수 '{name}': min({lo:g})은 max({hi:g})보다 작아야 합니다")
    assert korean == "변수 'x': min(5)은 max(-5)보다 작아야 합니다"
    assert str(caught.value) == "variable 'x': min (5) must be less than max (-5)"


def test_optional_parts_get_their_defaults_and_unknown_keys_are_dropped():
    d = {"format": "autodiff-tutor-session", "version": 1, "expression": "x*y", "variables": []}
    d["future_feature"] = {"anything": [1, 2]}
    s = Session.from_json(json.dumps(d))
    assert sorted(s.variables) == ["x", "y"]
    assert s.variables["x"] == VariableSpec("x", 1.0, -5.0, 5.0, 0.01)
    assert (s.sweep.variable, s.sweep.min, s.sweep.max, s.sweep.points) == ("x", -5, 5, 2000)
    assert s.curves == ["f", "df"]
    assert "future_feature" not in s.to_json()


def test_a_byte_order_mark_is_accepted():
    assert Session.from_json(b"\xef\xbb\xbf" + with_().encode()).expression_text == (
        "sin(x) * x^2 + y"
    )


def test_a_listed_but_unused_variable_and_its_sweep_are_kept():
    s = Session("x")
    s.add_variable(VariableSpec("k", 2.0, 0.0, 4.0, 0.5))
    s.set_sweep_variable("k")
    again = Session.from_json(s.to_json())
    assert again.sweep.variable == "k" and again.variables["k"].value == 2.0


def test_typing_an_expression_with_too_many_variables_is_an_error_not_an_unloadable_file():
    s = Session("x")
    assert not s.set_expression("+".join(f"v{i}" for i in range(100)))
    assert "too many variables" in str(s.error)
    assert list(s.variables) == ["x"]
    Session.from_json(s.to_json())  # still loads


def test_add_variable_refuses_reserved_names():
    s = Session("x")
    for name in ("pi", "e", "sin", "1x"):
        with pytest.raises(SessionError):
            s.add_variable(VariableSpec(name))


def test_saved_files_get_the_usual_permissions_and_keep_existing_ones(tmp_path):
    fresh = tmp_path / "fresh.json"
    Session("x").save(fresh)
    mask = os.umask(0o022)
    os.umask(mask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~mask  # not mkstemp's private 0600
    fresh.chmod(0o640)
    Session("y").save(fresh)
    assert fresh.stat().st_mode & 0o777 == 0o640


def test_saving_through_a_symlink_writes_its_target(tmp_path):
    target = tmp_path / "real.json"
    Session("x").save(target)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    Session("y").save(link)
    assert link.is_symlink()
    assert Session.load(target).expression_text == "y"


# -- in the window: File > Open refuses a bad file and keeps the open session ---------------


def _on_screen(window) -> tuple:
    from PySide6.QtWidgets import QLineEdit, QSlider

    c = window.controller
    c.flush()
    sliders = {s.objectName(): s.value() for s in window.findChildren(QSlider)}
    return (
        window.findChild(QLineEdit, "expressionEdit").text(),
        sliders,
        c.session.to_json(),
        c.result.value,
        c.undo_stack.count(),
        window.windowTitle(),
        window.isWindowModified(),
    )


WINDOW_CASES = [
    "empty",
    "truncated",
    "not json",
    "json list",
    "wrong format tag",
    "newer version",
    "missing expression",
    "missing value",
    "true as a number",
    "NaN literal",
    "Infinity literal",
    "min > max",
    "1e308 range",
    "10,000 variables",
    "__import__ expression",
    "50 MB",
    "lone surrogate in the expression",
    "lone surrogate in a panel",
]


@pytest.mark.parametrize("key", WINDOW_CASES)
def test_opening_a_bad_file_in_the_window_says_why_and_changes_nothing(
    key, window, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    bad = tmp_path / "bad.json"
    if key == "50 MB":
        expected = "too large"
        with bad.open("wb") as fh:
            fh.write(b'{"pad": "' + b"x" * (50 * 1024 * 1024) + b'"}')
    else:
        content, expected = BAD_FILES[key]
        bad.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    window.controller.set_expression("x^3 - 2x + y")
    window.controller.set_value("x", 1.25)
    before = _on_screen(window)

    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    window.file_actions.open_action.trigger()

    assert len(shown) == 1  # one clear message
    assert "bad.json was not opened" in shown[0] and expected in shown[0]
    assert "\n" not in shown[0]
    assert _on_screen(window) == before
    assert not SENTINEL.exists()


@needs_posix
@pytest.mark.parametrize("key", [*SPECIAL_PATHS, "replaced by a folder after the dialog"])
def test_opening_a_path_that_is_not_a_file_in_the_window_says_why_and_changes_nothing(
    key, window, tmp_path, monkeypatch, no_hang
):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    if key == "replaced by a folder after the dialog":
        path = tmp_path / "session.json"
        Session("x").save(path)
        expected = "is a folder, not a session file"

        def choose(*_args, **_kwargs):  # the user picked a file; it is gone by the read
            path.unlink()
            path.mkdir()
            return str(path), ""
    else:
        make, expected = SPECIAL_PATHS[key]
        path = make(tmp_path)

        def choose(*_args, **_kwargs):
            return str(path), ""

    window.controller.set_expression("x^3 - 2x + y")
    window.controller.set_value("x", 1.25)
    before = _on_screen(window)
    recent_before = window.file_actions.recent_files()
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text)
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    window.file_actions.open_action.trigger()  # an exception here fails the test

    assert len(shown) == 1 and f"{path.name} was not opened" in shown[0], shown
    assert expected in shown[0] and "\n" not in shown[0]
    assert _on_screen(window) == before
    assert window.file_actions.recent_files() == recent_before
