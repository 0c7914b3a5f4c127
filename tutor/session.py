"""The tutor's document: an expression, its variables and their slider ranges, and views.

A ``Session`` is plain data; ``evaluate()`` hands it to ``tutor.evaluation``, which runs
the engine forward and backward at the current point and, vectorized, over a sweep of
one variable, and returns one ``EvalResult``.

Sessions are saved as versioned JSON (``to_json`` / ``from_json``). Files may come from
anyone, so loading validates every field and raises ``SessionError`` with one clear
message; nothing from a file is ever executed (the expression is only *parsed*).
"""

from __future__ import annotations

import errno
import json
import math
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tutor.evaluation import EvalResult, evaluate_expression
from tutor.files import FileTooLargeError, NotAFileError, read_file, write_atomic
from tutor.formula import Expression, Name, ParseError, parse
from tutor.messages import Message, message_of
from tutor.numbers import step_decimals

FORMAT_TAG = "autodiff-tutor-session"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_VARIABLES = 64
MAX_NAME_LENGTH = 64
MAX_ABS_BOUND = 1e12  # slider ends; beyond this a slider step cannot be represented
MAX_SLIDER_STEPS = 10_000_000  # (max - min) / step: a QSlider counts in 32-bit ints
MIN_POINTS, MAX_POINTS = 2, 100_000
DEFAULT_POINTS = 2000
CURVES = ("f", "df", "d2f", "tangent")
DEFAULT_CURVES = ("f", "df")
# State of other panels, stored under keys of their own and validated by their owners.
PANEL_KEYS = ("lesson", "graph", "map", "train", "jacobian")
MAX_PANEL_STATE_CHARS = 100_000

DEFAULT_EXPRESSION = "sin(x) * x^2 + y"


class SessionError(ValueError):
    """A session file or value was rejected; the message says why, in one line."""


@dataclass
class VariableSpec:
    """One slider: the variable's value and the range and step the slider moves in."""

    name: str
    value: float = 1.0
    min: float = -5.0
    max: float = 5.0
    step: float = 0.01

    def clamped(self, value: float) -> float:
        return min(max(value, self.min), self.max)


def snap_to_step(spec: VariableSpec, value: float) -> float:
    """The grid point ``min + k·step`` nearest ``value``, clamped into the range.

    The result is rounded to the step's decimals, so a slider at index 650 of
    −5…5 step 0.01 gives exactly 1.5, not 1.4999999999999998.
    """
    if not math.isfinite(value):
        return spec.value
    k = round((value - spec.min) / spec.step)
    snapped = spec.min + k * spec.step
    snapped = round(snapped, step_decimals(spec.step) + 2)
    return spec.clamped(snapped)


@dataclass
class Sweep:
    """Which variable the plot runs along, over what range and how many points."""

    variable: str | None = None
    min: float = -5.0
    max: float = 5.0
    points: int = DEFAULT_POINTS


@dataclass(frozen=True)
class SessionState:
    """An immutable copy of a session's document, made by ``Session.snapshot()``.

    Two states compare equal when the document is the same (the parsed expression is
    derived from the text and is not compared).
    """

    expression_text: str
    expression: Expression | None = field(compare=False)
    error: ParseError | None = field(compare=False)
    variables: tuple[VariableSpec, ...]
    sweep: Sweep
    curves: tuple[str, ...]
    # The panels' own state (lesson, map, ...) as canonical JSON text: immutable and
    # comparable, so undo restores it with the rest of the document.
    panels: str = "{}"


def _is_number(v: Any) -> bool:
    # bool is an int subclass; ``true`` in a file is not a number.
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _finite_number(obj: Mapping, key: str, where: Message | str) -> float:
    if key not in obj:
        raise SessionError(Message("{where}: missing '{key}'", where=where, key=key))
    v = obj[key]
    if not _is_number(v):
        raise SessionError(
            Message(
                "{where}: '{key}' must be a number, got {value}",
                where=where,
                key=key,
                value=_json_type(v),
            )
        )
    try:
        v = float(v)
    except OverflowError:  # an integer beyond the largest float
        v = math.inf
    if not math.isfinite(v):
        raise SessionError(
            Message("{where}: '{key}' must be a finite number, got {v}", where=where, key=key, v=v)
        )
    return v


def _json_type(v: Any) -> Message | str:
    """What a JSON value is, in words: "text", "a list", ... (null and true/false as written)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, str):
        return Message("text")
    if isinstance(v, list):
        return Message("a list")
    if isinstance(v, dict):
        return Message("an object")
    if isinstance(v, (int, float)):
        return Message("a number")
    return type(v).__name__


def validate_name(name: Any, where: Message | str | None = None) -> str:
    """Raise SessionError unless ``name`` can be a variable: a short identifier that
    the expression language reads as a variable (not ``pi``, ``e`` or ``sin``)."""
    where = where if where is not None else Message("variable")
    if not isinstance(name, str) or not name.isidentifier():
        shown = repr(name) if isinstance(name, str) else _json_type(name)
        raise SessionError(
            Message("{where}: {shown} is not a valid variable name", where=where, shown=shown)
        )
    if len(name) > MAX_NAME_LENGTH:
        raise SessionError(
            Message(
                "{where}: the name is too long ({count} characters; at most {limit})",
                where=where,
                count=len(name),
                limit=MAX_NAME_LENGTH,
            )
        )
    try:
        reads_as = parse(name).variables
    except ParseError:
        reads_as = ()
    if reads_as != (name,):
        raise SessionError(
            Message(
                "{where}: '{name}' is a reserved name (a function or a constant)",
                where=where,
                name=name,
            )
        )
    return name


def _required(data: Mapping, key: str, where: Message | str | None = None) -> Any:
    if key not in data:
        where = where if where is not None else Message("the file")
        raise SessionError(Message("{where} has no '{key}'", where=where, key=key))
    return data[key]


def validate_range(name: str, lo: float, hi: float, step: float) -> None:
    """Raise SessionError unless ``lo < hi``, ``step > 0`` and the slider can hold them."""
    for label, v in (("min", lo), ("max", hi), ("step", step)):
        if not math.isfinite(v):
            raise SessionError(
                Message(
                    "variable '{name}': {label} must be finite, got {v}",
                    name=name,
                    label=label,
                    v=v,
                )
            )
    if abs(lo) > MAX_ABS_BOUND or abs(hi) > MAX_ABS_BOUND:
        raise SessionError(
            Message(
                "variable '{name}': range {lo:g}…{hi:g} is too large "
                "(slider ends must lie within ±{bound:g})",
                name=name,
                lo=lo,
                hi=hi,
                bound=MAX_ABS_BOUND,
            )
        )
    if not lo < hi:
        raise SessionError(
            Message(
                "variable '{name}': min ({lo:g}) must be less than max ({hi:g})",
                name=name,
                lo=lo,
                hi=hi,
            )
        )
    if not step > 0:
        raise SessionError(
            Message("variable '{name}': step must be positive, got {step:g}", name=name, step=step)
        )
    if (hi - lo) / step > MAX_SLIDER_STEPS:
        raise SessionError(
            Message(
                "variable '{name}': step {step:g} is too fine for the range {lo:g}…{hi:g} "
                "(at most {limit:,} steps)",
                name=name,
                step=step,
                lo=lo,
                hi=hi,
                limit=MAX_SLIDER_STEPS,
            )
        )


class Session:
    """The document. Mutate it through its methods; ``evaluate()`` computes the result."""

    def __init__(self, expression: str = DEFAULT_EXPRESSION) -> None:
        self.expression_text = ""
        self.variables: dict[str, VariableSpec] = {}
        self.sweep = Sweep()
        self.curves: list[str] = list(DEFAULT_CURVES)
        self.panels: dict[str, dict] = {}
        self._expression: Expression | None = None
        self._error: ParseError | None = None
        self.set_expression(expression)

    # -- the expression -------------------------------------------------------

    @property
    def expression(self) -> Expression | None:
        """The last expression that parsed (kept while the text has an error)."""
        return self._expression

    @property
    def error(self) -> ParseError | None:
        """Why the current text does not parse, or None."""
        return self._error

    def set_expression(self, text: str) -> bool:
        """Set the text. Returns True if it parsed; variables it names get sliders."""
        self.expression_text = text
        try:
            expr = parse(text, single=True)  # one f: a tuple is refused, with a message
            _check_variable_count(expr, self.variables)
        except ParseError as exc:
            self._error = exc
            return False
        self._error = None
        self._expression = expr
        for name in expr.variables:
            if name not in self.variables:
                self.variables[name] = VariableSpec(name)
        self._fix_sweep()
        return True

    def used_variables(self) -> list[str]:
        """Names the current expression uses, sorted."""
        return list(self._expression.variables) if self._expression else []

    # -- variables ------------------------------------------------------------

    def add_variable(self, spec: VariableSpec) -> None:
        validate_name(spec.name)
        if spec.name not in self.variables and len(self.variables) >= MAX_VARIABLES:
            raise SessionError(Message("too many variables (at most {limit})", limit=MAX_VARIABLES))
        validate_range(spec.name, spec.min, spec.max, spec.step)
        spec.value = spec.clamped(spec.value)
        self.variables[spec.name] = spec
        self._fix_sweep()

    def remove_variable(self, name: str) -> None:
        self.variables.pop(name, None)
        self._fix_sweep()

    def set_value(self, name: str, value: float) -> float:
        """Move a slider; the value is clamped into its range. Returns the value set."""
        spec = self.variables[name]
        if not math.isfinite(value):
            raise SessionError(
                Message(
                    "variable '{name}': value must be finite, got {value}", name=name, value=value
                )
            )
        spec.value = spec.clamped(float(value))
        return spec.value

    def set_range(self, name: str, lo: float, hi: float, step: float) -> None:
        """Change a slider's range and step (the value is clamped into the new range).

        The sweep follows the range of its variable.
        """
        validate_range(name, lo, hi, step)
        spec = self.variables[name]
        spec.min, spec.max, spec.step = float(lo), float(hi), float(step)
        spec.value = spec.clamped(spec.value)
        if self.sweep.variable == name:
            self.sweep.min, self.sweep.max = spec.min, spec.max

    def set_sweep_variable(self, name: str) -> None:
        spec = self.variables[name]
        self.sweep.variable = name
        self.sweep.min, self.sweep.max = spec.min, spec.max

    def set_curves(self, curves: Iterable[str]) -> None:
        curves = list(dict.fromkeys(curves))
        for c in curves:
            if c not in CURVES:
                raise SessionError(
                    Message("unknown curve '{c}' (known: {value})", c=c, value=", ".join(CURVES))
                )
        self.curves = curves

    def _fix_sweep(self) -> None:
        """Point the sweep at a variable the expression uses, if it does not already."""
        used = self.used_variables()
        if self.sweep.variable in used:
            return
        if self.sweep.variable in self.variables and not used:
            return
        candidates = used or sorted(self.variables)
        if candidates:
            self.set_sweep_variable(candidates[0])
        else:
            self.sweep.variable = None

    # -- undo support ---------------------------------------------------------

    def snapshot(self) -> SessionState:
        """A copy of the document, panels' state included, for undo; see ``restore``."""
        return SessionState(
            expression_text=self.expression_text,
            expression=self._expression,
            error=self._error,
            variables=tuple(replace(s) for s in self.variables.values()),
            sweep=replace(self.sweep),
            curves=tuple(self.curves),
            panels=json.dumps(self.panels, sort_keys=True, ensure_ascii=False),
        )

    def restore(self, state: SessionState) -> None:
        """Put the document back exactly as it was when ``state`` was taken."""
        self.expression_text = state.expression_text
        self._expression = state.expression
        self._error = state.error
        self.variables = {s.name: replace(s) for s in state.variables}
        self.sweep = replace(state.sweep)
        self.curves = list(state.curves)
        self.panels = json.loads(state.panels)

    def set_panel_state(self, key: str, state: Mapping[str, Any]) -> None:
        """Store one panel's state (saved in the file under ``key``)."""
        if key not in PANEL_KEYS:
            raise SessionError(
                Message(
                    "unknown panel {key!r} (known: {value})", key=key, value=", ".join(PANEL_KEYS)
                )
            )
        text = json.dumps(dict(state), sort_keys=True, allow_nan=False)
        if len(text) > MAX_PANEL_STATE_CHARS:
            raise SessionError(Message("'{key}' is too large", key=key))
        self.panels[key] = json.loads(text)  # a plain copy, nothing shared with the caller

    # -- evaluation -----------------------------------------------------------

    def point(self) -> dict[str, float]:
        return {name: spec.value for name, spec in self.variables.items()}

    def evaluate(self, sweep: bool = True, *, fit_to_budget: bool = False) -> EvalResult:
        """Forward and backward at the point, and (vectorized) over the sweep.

        A sweep over the work budget raises WorkBudgetError, or with ``fit_to_budget``
        runs at fewer points and says so (see ``tutor.evaluation``)."""
        expr = self._expression
        if expr is None:
            return EvalResult(error=self._error)
        return evaluate_expression(
            expr,
            self.point(),
            self.sweep if sweep else None,
            error=self._error,
            fit_to_budget=fit_to_budget,
        )

    # -- files ----------------------------------------------------------------

    def to_dict(self) -> dict:
        d: dict[str, Any] = {
            "format": FORMAT_TAG,
            "version": FORMAT_VERSION,
            # A text that does not parse cannot be loaded back: keep the last one that did.
            "expression": (
                self._expression.text
                if self._error is not None and self._expression is not None
                else self.expression_text
            ),
            "variables": [
                {"name": s.name, "value": s.value, "min": s.min, "max": s.max, "step": s.step}
                for s in self.variables.values()
            ],
            "sweep": {
                "variable": self.sweep.variable,
                "min": self.sweep.min,
                "max": self.sweep.max,
                "points": self.sweep.points,
            },
            "curves": list(self.curves),
        }
        for key in PANEL_KEYS:
            if key in self.panels:
                d[key] = self.panels[key]
        return d

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"

    @classmethod
    def from_dict(cls, data: Any, notices: list[Message | str] | None = None) -> Session:
        """Build a session from parsed JSON, validating every field.

        Raises SessionError on the first problem. Values outside their range are
        clamped, and a line saying so is appended to ``notices``.
        """
        notices = notices if notices is not None else []
        if not isinstance(data, dict):
            raise SessionError(
                Message(
                    "not a session file: the top level is {value}, not an object",
                    value=_json_type(data),
                )
            )
        if data.get("format") != FORMAT_TAG:
            raise SessionError(
                Message("not a session file: 'format' must be \"{tag}\"", tag=FORMAT_TAG)
            )
        version = _required(data, "version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise SessionError(
                Message("'version' must be a whole number, got {value}", value=_json_type(version))
            )
        if version > FORMAT_VERSION:
            raise SessionError(
                Message(
                    "this file is version {version}, newer than this app reads (version {ours}); "
                    "please update Autodiff Tutor",
                    version=version,
                    ours=FORMAT_VERSION,
                )
            )
        if version < 1:
            raise SessionError(Message("unknown session version {version}", version=version))

        text = _required(data, "expression")
        if not isinstance(text, str):
            raise SessionError(
                Message("'expression' must be text, got {value}", value=_json_type(text))
            )
        try:
            expr = parse(text, single=True)
        except ParseError as exc:
            reason = message_of(exc)
            raise SessionError(
                Message("the expression does not parse: {reason}", reason=reason)
            ) from None

        raw_vars = _required(data, "variables")
        if not isinstance(raw_vars, list):
            raise SessionError(
                Message("'variables' must be a list, got {value}", value=_json_type(raw_vars))
            )
        if len(raw_vars) > MAX_VARIABLES:
            raise SessionError(
                Message(
                    "too many variables ({count}; at most {limit})",
                    count=len(raw_vars),
                    limit=MAX_VARIABLES,
                )
            )
        specs: dict[str, VariableSpec] = {}
        for i, raw in enumerate(raw_vars):
            where = Message("variable #{number}", number=i + 1)
            if not isinstance(raw, dict):
                raise SessionError(
                    Message(
                        "{where} must be an object, got {value}", where=where, value=_json_type(raw)
                    )
                )
            name = validate_name(_required(raw, "name", where), where)
            if name in specs:
                raise SessionError(Message("variable '{name}' is listed twice", name=name))
            where = Message("variable '{name}'", name=name)
            value = _finite_number(raw, "value", where)
            lo = _finite_number(raw, "min", where)
            hi = _finite_number(raw, "max", where)
            step = _finite_number(raw, "step", where)
            validate_range(name, lo, hi, step)
            spec = VariableSpec(name, value, lo, hi, step)
            if not lo <= value <= hi:
                spec.value = spec.clamped(value)
                notices.append(
                    Message(
                        "variable '{name}': value {value:g} was outside {lo:g}…{hi:g} "
                        "and was set to {new:g}",
                        name=name,
                        value=value,
                        lo=lo,
                        hi=hi,
                        new=spec.value,
                    )
                )
            specs[name] = spec

        session = cls.__new__(cls)
        session.expression_text = ""
        session.variables = specs
        session.sweep = Sweep()
        session.curves = list(DEFAULT_CURVES)
        session.panels = {}
        session._expression = None
        session._error = None
        session.expression_text = text
        session._expression = expr
        for name in expr.variables:
            if name not in session.variables:
                session.variables[name] = VariableSpec(name)
        if len(session.variables) > MAX_VARIABLES:
            raise SessionError(
                Message(
                    "too many variables ({count}, counting those the expression uses; "
                    "at most {limit})",
                    count=len(session.variables),
                    limit=MAX_VARIABLES,
                )
            )

        raw_sweep = data.get("sweep")
        if raw_sweep is not None:
            if not isinstance(raw_sweep, dict):
                raise SessionError(
                    Message("'sweep' must be an object, got {value}", value=_json_type(raw_sweep))
                )
            var = raw_sweep.get("variable")
            if var is not None and (not isinstance(var, str) or var not in session.variables):
                raise SessionError(Message("'sweep': 'variable' must name one of the variables"))
            lo = _finite_number(raw_sweep, "min", "'sweep'")
            hi = _finite_number(raw_sweep, "max", "'sweep'")
            if abs(lo) > MAX_ABS_BOUND or abs(hi) > MAX_ABS_BOUND:
                raise SessionError(
                    Message(
                        "'sweep': range {lo:g}…{hi:g} is too large "
                        "(its ends must lie within ±{bound:g})",
                        lo=lo,
                        hi=hi,
                        bound=MAX_ABS_BOUND,
                    )
                )
            if not lo < hi:
                raise SessionError(
                    Message("'sweep': min ({lo:g}) must be less than max ({hi:g})", lo=lo, hi=hi)
                )
            points = raw_sweep.get("points", DEFAULT_POINTS)
            if not isinstance(points, int) or isinstance(points, bool):
                raise SessionError(Message("'sweep': 'points' must be a whole number"))
            if not MIN_POINTS <= points <= MAX_POINTS:
                raise SessionError(
                    Message(
                        "'sweep': 'points' must be between {low} and {high:,}",
                        low=MIN_POINTS,
                        high=MAX_POINTS,
                    )
                )
            session.sweep = Sweep(var, lo, hi, points)
        if session.sweep.variable is None:
            session._fix_sweep()  # a sweep the file names is kept as it is

        raw_curves = data.get("curves")
        if raw_curves is not None:
            if not isinstance(raw_curves, list) or not all(isinstance(c, str) for c in raw_curves):
                raise SessionError(Message("'curves' must be a list of curve names"))
            session.set_curves(raw_curves)

        for key in PANEL_KEYS:
            if key in data:
                state = data[key]
                if not isinstance(state, dict):
                    raise SessionError(
                        Message(
                            "'{key}' must be an object, got {value}",
                            key=key,
                            value=_json_type(state),
                        )
                    )
                try:
                    size = len(json.dumps(state))
                except RecursionError:
                    size = MAX_PANEL_STATE_CHARS + 1
                if size > MAX_PANEL_STATE_CHARS:
                    raise SessionError(Message("'{key}' is too large", key=key))
                session.panels[key] = state
        return session

    @classmethod
    def from_json(cls, text: str | bytes, notices: list[Message | str] | None = None) -> Session:
        if len(text) > MAX_FILE_BYTES:
            raise SessionError(
                Message(
                    "the file is too large ({size:.1f} MB; at most 10 MB)", size=len(text) / 1e6
                )
            )
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8-sig")  # a byte-order mark (Notepad) is fine
            except UnicodeDecodeError:
                raise SessionError(Message("the file is not UTF-8 text")) from None
        text = text.removeprefix("\ufeff")
        if not text.strip():
            raise SessionError(Message("the file is empty"))
        try:
            data = json.loads(text, parse_constant=_reject_constant)
        except RecursionError:
            raise SessionError(Message("the file is nested too deeply to be a session")) from None
        except json.JSONDecodeError as exc:
            raise SessionError(
                Message(
                    "not valid JSON (line {lineno}, column {colno}: {msg})",
                    lineno=exc.lineno,
                    colno=exc.colno,
                    msg=exc.msg,
                )
            ) from None
        except SessionError:  # NaN or Infinity (see _reject_constant)
            raise
        except ValueError:  # Python refuses integers of more than 4,300 digits
            raise SessionError(
                Message("not a session file: a number in it has far too many digits")
            ) from None
        where = _lone_surrogate(data) if _SURROGATE_ESCAPE.search(text) else None
        if where is not None:
            raise SessionError(
                Message(
                    "{where} holds text that is not valid Unicode (a lone surrogate "
                    "such as \\ud800), which could not be saved again",
                    where=where,
                )
            )
        return cls.from_dict(data, notices)

    @classmethod
    def load(cls, path: str | os.PathLike, notices: list[Message | str] | None = None) -> Session:
        """Read and validate a session file. Raises SessionError (OSError is wrapped).

        Only a regular file of at most 10 MB is read; a folder, a named pipe, a device
        or a loop of symbolic links is refused with a message that says which.
        """
        shown = os.fspath(path)
        try:
            raw = read_file(path, MAX_FILE_BYTES)
        except NotAFileError as exc:
            raise SessionError(
                Message("{path!r} is {kind}, not a session file", path=shown, kind=exc.kind)
            ) from None
        except FileTooLargeError as exc:
            raise SessionError(
                Message("the file is too large ({size:.1f} MB; at most 10 MB)", size=exc.size / 1e6)
            ) from None
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                reason = Message("its symbolic links lead round in a loop")
            else:
                reason = exc.strerror or str(exc)
            raise SessionError(
                Message("cannot read {path!r}: {reason}", path=shown, reason=reason)
            ) from None
        return cls.from_json(raw, notices)

    def save(self, path: str | os.PathLike) -> None:
        """Write the session atomically: a temporary file, then a rename over ``path``.

        Raises OSError if the file cannot be written, SessionError if the session holds
        text that UTF-8 cannot encode (nothing is written then)."""
        write_atomic(path, self.to_json_bytes())

    def to_json_bytes(self) -> bytes:
        """``to_json()`` encoded as UTF-8; SessionError if some text cannot be encoded
        (a lone surrogate: loading refuses those, but a session built in code may
        hold one)."""
        try:
            return self.to_json().encode("utf-8")
        except UnicodeEncodeError:
            raise SessionError(
                Message("the session holds text that cannot be saved (not valid Unicode)")
            ) from None


def _check_variable_count(expr: Expression, existing: Mapping[str, Any]) -> None:
    """Raise ParseError at the first name that would make more than MAX_VARIABLES
    sliders (a session with more could be saved but never opened again)."""
    names = set(existing)
    for node in expr.nodes:
        if isinstance(node, Name) and node.name not in names:
            names.add(node.name)
            if len(names) > MAX_VARIABLES:
                message = Message("too many variables (at most {limit})", limit=MAX_VARIABLES)
                raise ParseError(message, node.start)


def example_session() -> Session:
    """What a first launch and File > New show: f = sin(x)·x² + y, its derivative and
    the tangent at the point."""
    session = Session()
    if "y" in session.variables:
        session.set_value("y", 0.5)
    session.set_curves(["f", "df", "tangent"])
    return session


# json.loads turns the escape "\ud800" into a lone surrogate: a str, but not Unicode
# text, and UTF-8 cannot encode it. A pair of escapes ("\ud83d\ude00") becomes one
# character, so any surrogate left in a str is a lone one.
_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")  # how one is written in JSON


def _has_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _lone_surrogate(data: Any) -> Message | str | None:
    """Where in parsed JSON the first string (key or value) with a lone surrogate is:
    "'expression'", "'lesson'", ... (the top-level key under which it sits), or None."""
    stack: list[tuple[Any, Message | str]] = [(data, Message("the file"))]
    while stack:  # by hand, not by recursion: the file may be nested deeply
        value, where = stack.pop()
        if isinstance(value, str):
            if _has_surrogate(value):
                return where
        elif isinstance(value, list):
            stack.extend((item, where) for item in value)
        elif isinstance(value, dict):
            for key, item in value.items():
                inner = f"'{key}'" if value is data and not _has_surrogate(key) else where
                if _has_surrogate(key):
                    return where
                stack.append((item, inner))
    return None


def _reject_constant(name: str) -> Any:
    raise SessionError(
        Message("the file contains {name}, which is not a number a session can hold", name=name)
    )


__all__ = [
    "snap_to_step",
    "CURVES",
    "DEFAULT_CURVES",
    "DEFAULT_EXPRESSION",
    "Session",
    "SessionError",
    "SessionState",
    "Sweep",
    "VariableSpec",
    "example_session",
    "validate_name",
    "validate_range",
]
