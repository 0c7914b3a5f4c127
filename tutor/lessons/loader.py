"""Reading a lesson folder into a ``Lesson``, or refusing it with one clear message.

A folder holds ``lesson.toml`` (the metadata, example and questions) and one Markdown
file per language (``en.md``, ``ko.md``); docs/lessons.md describes the format for
teachers. A folder may come from anyone, so it is data only: TOML is read with
``tomllib``, formulas with ``tutor.formula.parse``, demos are named by the id of a
built-in one, and nothing in the folder is ever executed. Every answer is computed
here once, so a question whose answer does not exist (a demo line that is not printed,
a formula that is not finite there) is refused at once, not when a learner asks.

Any problem raises ``LessonError``: the file, the line when it can be told, and what is
wrong, in one sentence.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

# isort: split
# (tomllib is standard from Python 3.11; ruff's py310 target calls it third-party)
import tomllib

# isort: split
from tutor.formula import ParseError, parse
from tutor.lessons.checking import answer, parse_quantity
from tutor.lessons.demo_runs import run_demo
from tutor.lessons.demos import DEMOS
from tutor.lessons.model import VIEWS, DemoAnswer, FormulaAnswer, Lesson, Question
from tutor.lessons.switches import SWITCHES
from tutor.lessons.text import LANGUAGES, Text
from tutor.messages import Message, message_of
from tutor.session import CURVES, FORMAT_TAG, FORMAT_VERSION, Session, SessionError

LESSON_FILE = "lesson.toml"
MAX_FILE_BYTES = 256 * 1024
MAX_QUESTIONS = 50
MAX_TITLE_CHARS = 200
MAX_PROMPT_CHARS = 2000
LESSON_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")

TOP_KEYS = ("id", "number", "title", "book_steps", "demo", "switches", "example", "questions")
EXAMPLE_KEYS = ("formula", "variables", "curves", "sweep")
VARIABLE_KEYS = ("name", "value", "min", "max", "step")
SWEEP_KEYS = ("variable", "min", "max", "points")
QUESTION_KEYS = (
    "id", "prompt", "hint", "switches", "tolerance", "abs_tolerance",
    "demo", "line", "item",  # a number a demo prints
    "formula", "at", "quantity",  # a quantity of a formula at a point
)  # fmt: skip
VARIABLE_DEFAULTS = {"min": -5.0, "max": 5.0, "step": 0.01}


class LessonError(ValueError):
    """A lesson folder was refused: ``path`` (the file), ``line`` (or None), ``problem``.

    ``str(error)`` is the English line; ``error.args[0]`` the Message the window
    translates.
    """

    def __init__(self, path: Path, problem: Message | str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        if line is None:
            message = Message("{file}: {problem}", file=self.file, problem=problem)
        else:
            message = Message(
                "{file}, line {line}: {problem}", file=self.file, line=line, problem=problem
            )
        super().__init__(message)

    @property
    def file(self) -> str:
        """The file as the message names it: ``folder/lesson.toml``."""
        return (
            f"{self.path.parent.name}/{self.path.name}" if self.path.parent.name else str(self.path)
        )


# =============================================================================
# reading files: inside the folder, small, UTF-8
# =============================================================================


def _read_text(folder: Path, name: str) -> str:
    path = folder / name
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(folder):
            raise LessonError(
                path, Message("is a link to {target}, outside the lesson folder", target=target)
            )
    if not path.exists():
        raise LessonError(path, Message("is missing"))
    if not path.is_file():
        raise LessonError(path, Message("is not a file"))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LessonError(path, _too_big(size))
        with path.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LessonError(
            path, Message("cannot be read: {reason}", reason=exc.strerror or str(exc))
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise LessonError(path, _too_big(len(raw)))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LessonError(path, Message("is not UTF-8 text"), line) from None


def _too_big(size: int) -> Message:
    return Message(
        "is too big ({size:,.0f} KB; at most {limit} KB)",
        size=size / 1024,
        limit=MAX_FILE_BYTES // 1024,
    )


# =============================================================================
# lesson.toml: where a key is, and what it must hold
# =============================================================================

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]#]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+(?:\s*\.\s*[A-Za-z0-9_\-]+)*)\s*=")


def _key_lines(text: str) -> list[tuple[int, tuple]]:
    """Every table header and key of a TOML text with its line: (line, key path).

    Tables in an array (``[[questions]]``) count from 0: the third question's
    ``formula`` is ``("questions", 2, "formula")``.
    """
    found: list[tuple[int, tuple]] = []
    table: tuple = ()
    counts: dict[tuple, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line)
        if header:
            name = tuple(part.strip().strip('"') for part in header.group(2).split("."))
            if header.group(1) == "[[":
                counts[name] = counts.get(name, -1) + 1
                table = name + (counts[name],)
            else:
                table = name
            found.append((number, table))
            continue
        key = _KEY.match(line)
        if key:
            found.append((number, table + tuple(p.strip() for p in key.group(1).split("."))))
    return found


class _Toml:
    """The parsed lesson.toml with its text, to name the line of a problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            message = str(exc)
            m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
            line = None
            if m:
                line = int(m.group(1))
                message = f"{message[: m.start()]} (column {m.group(2)})"
            elif "(at end of document)" in message:
                line = text.count("\n") + 1
                message = message.replace(" (at end of document)", " (at the end)")
            raise LessonError(
                path, Message("is not valid TOML: {message}", message=message), line
            ) from None
        self._keys = _key_lines(text)

    def line_of(self, keys: Sequence) -> int | None:
        """The line that best matches the key path ``keys`` (or None)."""
        keys = tuple(keys)
        best, best_len = None, 0
        for number, path in self._keys:
            n = min(len(path), len(keys))
            if path[:n] == keys[:n] and n > best_len:
                best, best_len = number, n
        return best

    def error(self, keys: Sequence, problem: Message | str) -> LessonError:
        return LessonError(
            self.path,
            Message("{key}: {problem}", key=_dotted(keys), problem=problem),
            self.line_of(keys),
        )


def _dotted(keys: Iterable) -> str:
    text = ""
    for k in keys:
        text += f"[{k + 1}]" if isinstance(k, int) else (f".{k}" if text else k)
    return text


def _type_name(value: Any) -> Message | str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return Message("a number")
    if isinstance(value, str):
        return Message("text")
    if isinstance(value, list):
        return Message("a list")
    if isinstance(value, dict):
        return Message("a table")
    return type(value).__name__


def _suggest(word: str, known: Iterable[str]) -> Message | str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return Message(" (did you mean '{name}'?)", name=close[0]) if close else ""


class _Checker:
    """Checks the values of one lesson.toml, each problem named by its key path."""

    def __init__(self, toml: _Toml) -> None:
        self.toml = toml

    def fail(self, keys: Sequence, problem: str) -> LessonError:
        return self.toml.error(keys, problem)

    def table(self, value: Any, keys: Sequence, allowed: Sequence[str], required=()) -> dict:
        if not isinstance(value, dict):
            raise self.fail(keys, Message("must be a table, not {value}", value=_type_name(value)))
        for key in value:
            if key not in allowed:
                where = _dotted(keys) or Message("the top level")
                raise LessonError(
                    self.toml.path,
                    Message(
                        "unknown key '{key}' in {where}{suggestion}",
                        key=key,
                        where=where,
                        suggestion=_suggest(key, allowed),
                    ),
                    self.toml.line_of([*keys, key]),
                )
        for key in required:
            if key not in value:
                if keys:
                    raise self.fail(keys, Message("'{key}' is missing", key=key))
                raise LessonError(self.toml.path, Message("'{key}' is missing", key=key))
        return value

    def text(self, value: Any, keys: Sequence, limit: int) -> str:
        if not isinstance(value, str):
            raise self.fail(keys, Message("must be text, not {value}", value=_type_name(value)))
        if not value.strip():
            raise self.fail(keys, Message("is empty"))
        if len(value) > limit:
            raise self.fail(
                keys,
                Message(
                    "is too long ({count:,} characters; at most {limit:,})",
                    count=len(value),
                    limit=limit,
                ),
            )
        return value

    def languages(self, value: Any, keys: Sequence, limit: int) -> Text:
        """A text in every language: ``{ en = "...", ko = "..." }``."""
        table = self.table(value, keys, LANGUAGES)
        for language in LANGUAGES:
            if language not in table:
                raise self.fail(
                    keys, Message("the text in '{language}' is missing", language=language)
                )
        return Text({lang: self.text(table[lang], [*keys, lang], limit) for lang in LANGUAGES})

    def number(self, value: Any, keys: Sequence) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(keys, Message("must be a number, not {value}", value=_type_name(value)))
        if not math.isfinite(value):
            raise self.fail(keys, Message("must be a finite number, not {value}", value=value))
        return float(value)

    def whole(self, value: Any, keys: Sequence, lo: int, hi: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(
                keys, Message("must be a whole number, not {value}", value=_type_name(value))
            )
        if not lo <= value <= hi:
            raise self.fail(
                keys,
                Message("must be between {lo} and {hi:,}, not {value}", lo=lo, hi=hi, value=value),
            )
        return value

    def identifier(self, value: Any, keys: Sequence) -> str:
        value = self.text(value, keys, 64)
        if not LESSON_ID.match(value):
            raise self.fail(
                keys,
                Message(
                    "'{value}' is not a valid id: use lowercase letters, digits and '-' (such as "
                    "'chain-rule')",
                    value=value,
                ),
            )
        return value

    def switches(self, value: Any, keys: Sequence, offered: Iterable[str] | None) -> tuple:
        if not isinstance(value, list):
            raise self.fail(
                keys,
                Message(
                    "must be a list of teaching switches, not {value}", value=_type_name(value)
                ),
            )
        seen: list[str] = []
        for sid in value:
            if not isinstance(sid, str) or sid not in SWITCHES:
                raise self.fail(
                    keys,
                    Message(
                        "unknown teaching switch {sid!r}{suggestion} (known: {known})",
                        sid=sid,
                        suggestion=_suggest(str(sid), SWITCHES),
                        known=", ".join(SWITCHES),
                    ),
                )
            if offered is not None and sid not in offered:
                raise self.fail(
                    keys,
                    Message(
                        "the teaching switch '{sid}' is not offered by this lesson (list it in "
                        "'switches' at the top)",
                        sid=sid,
                    ),
                )
            if sid in seen:
                raise self.fail(keys, Message("'{sid}' is listed twice", sid=sid))
            seen.append(sid)
        return tuple(seen)

    def formula(self, value: Any, keys: Sequence) -> str:
        text = self.text(value, keys, 10_000)
        try:
            parse(text)
        except ParseError as exc:
            raise self.fail(
                keys,
                Message(
                    "the formula '{text}' does not parse: {message} (column {column})",
                    text=text,
                    message=message_of(exc),
                    column=exc.column,
                ),
            ) from None
        return text


# =============================================================================
# the parts of a lesson
# =============================================================================


def _example(check: _Checker, raw: Any, lesson_id: str) -> dict:
    """The example as a session file's dict, validated like a session file."""
    keys = ["example"]
    table = check.table(raw, keys, EXAMPLE_KEYS, required=("formula",))
    formula = check.formula(table["formula"], [*keys, "formula"])
    raw_vars = table.get("variables", [])
    if not isinstance(raw_vars, list):
        raise check.fail(
            [*keys, "variables"], Message("must be a list, not {value}", value=_type_name(raw_vars))
        )
    variables = []
    for i, raw_var in enumerate(raw_vars):
        where = [*keys, "variables", i]
        var = check.table(raw_var, where, VARIABLE_KEYS, required=("name", "value"))
        if not isinstance(var["name"], str):
            raise check.fail(
                [*where, "name"],
                Message("must be text, not {value}", value=_type_name(var["name"])),
            )
        spec = {"name": var["name"]}
        for key in ("value", "min", "max", "step"):
            spec[key] = check.number(var.get(key, VARIABLE_DEFAULTS.get(key)), [*where, key])
        if not spec["min"] <= spec["value"] <= spec["max"]:
            raise check.fail(
                where,
                Message(
                    "the value {value:g} of '{name}' is outside {min:g}…{max:g}",
                    value=spec["value"],
                    name=spec["name"],
                    min=spec["min"],
                    max=spec["max"],
                ),
            )
        variables.append(spec)
    preset: dict[str, Any] = {
        "format": FORMAT_TAG,
        "version": FORMAT_VERSION,
        "expression": formula,
        "variables": variables,
        "curves": list(_curves(check, table.get("curves", ["f", "df"]))),
        "lesson": {"lesson": lesson_id},
    }
    if "sweep" in table:
        preset["sweep"] = check.table(table["sweep"], [*keys, "sweep"], SWEEP_KEYS)
    try:
        Session.from_dict(preset)
    except SessionError as exc:
        raise check.fail(keys, message_of(exc)) from None
    return preset


def _curves(check: _Checker, raw: Any) -> list[str]:
    keys = ["example", "curves"]
    if not isinstance(raw, list):
        raise check.fail(
            keys, Message("must be a list of curve names, not {value}", value=_type_name(raw))
        )
    for curve in raw:
        if curve not in CURVES:
            raise check.fail(
                keys,
                Message(
                    "unknown curve {curve!r} (known: {known})", curve=curve, known=", ".join(CURVES)
                ),
            )
    return raw


def _question(
    check: _Checker, raw: Any, index: int, lesson: dict[str, Any], preset: dict
) -> Question:
    keys = ["questions", index]
    q = check.table(raw, keys, QUESTION_KEYS, required=("id", "prompt"))
    qid = check.identifier(q["id"], [*keys, "id"])
    prompt = check.languages(q["prompt"], [*keys, "prompt"], MAX_PROMPT_CHARS)
    hint = check.languages(q["hint"], [*keys, "hint"], MAX_PROMPT_CHARS) if "hint" in q else None
    offered = lesson["switches"]
    switches = frozenset(check.switches(q.get("switches", []), [*keys, "switches"], offered))
    rel_tol = 1e-3
    if "tolerance" in q:
        rel_tol = check.number(q["tolerance"], [*keys, "tolerance"])
        if not 0 < rel_tol < 1:
            raise check.fail([*keys, "tolerance"], Message("must be more than 0 and less than 1"))
    abs_tol = 1e-9
    if "abs_tolerance" in q:
        abs_tol = check.number(q["abs_tolerance"], [*keys, "abs_tolerance"])
        if abs_tol < 0:
            raise check.fail([*keys, "abs_tolerance"], Message("must not be negative"))

    demo_keys = [k for k in ("demo", "line", "item") if k in q]
    formula_keys = [k for k in ("formula", "at", "quantity") if k in q]
    if demo_keys and formula_keys:
        raise check.fail(
            keys,
            Message(
                "has both '{demo_key}' (a number a demo prints) and '{formula_key}' (a quantity "
                "of a formula): choose one",
                demo_key=demo_keys[0],
                formula_key=formula_keys[0],
            ),
        )
    if "line" in q:
        source = _demo_answer(check, q, keys, lesson["demo"])
    elif "quantity" in q:
        source = _formula_answer(check, q, keys, preset)
    else:
        raise check.fail(
            keys,
            Message(
                "needs either 'line' (the answer is a number the demo prints) or 'quantity' "
                '(the answer is computed from a formula, such as quantity = "df/dx")'
            ),
        )
    question = Question(qid, prompt, source, switches, hint, rel_tol, abs_tol)
    if lesson["check_answers"]:
        _check_answer(check, question, keys)
    return question


def _demo_answer(check: _Checker, q: dict, keys: list, lesson_demo: str | None) -> DemoAnswer:
    demo = lesson_demo
    if "demo" in q:
        demo = _demo_id(check, q["demo"], [*keys, "demo"])
    if demo is None:
        raise check.fail(
            [*keys, "line"],
            Message(
                "asks for a number a demo prints, but neither the question nor the lesson "
                "names a demo"
            ),
        )
    line = check.whole(q["line"], [*keys, "line"], 1, 100_000)
    item = check.whole(q.get("item", 1), [*keys, "item"], 1, 1000)
    return DemoAnswer(demo, line, item)


def _formula_answer(check: _Checker, q: dict, keys: list, preset: dict) -> FormulaAnswer:
    text = preset["expression"]
    if "formula" in q:
        text = check.formula(q["formula"], [*keys, "formula"])
    variables = parse(text).variables
    if "at" in q:
        raw_at = check.table(q["at"], [*keys, "at"], variables)
        at = {name: check.number(v, [*keys, "at", name]) for name, v in raw_at.items()}
    else:
        example = {v["name"]: v["value"] for v in preset["variables"]}
        at = {name: example[name] for name in variables if name in example}
    missing = [name for name in variables if name not in at]
    if missing:
        raise check.fail(
            [*keys, "at"] if "at" in q else keys,
            Message(
                "no value for {names}: give one with at = {{ {name} = 1.0 }}",
                names=", ".join(missing),
                name=missing[0],
            ),
        )
    raw_quantity = check.text(q["quantity"], [*keys, "quantity"], 100)
    quantity = parse_quantity(raw_quantity)
    if quantity is None:
        raise check.fail(
            [*keys, "quantity"],
            Message(
                "'{raw_quantity}' is not a quantity: write f, df/dx or d2f/dx2 (with the "
                "formula's variable for x)",
                raw_quantity=raw_quantity,
            ),
        )
    order, variable = quantity
    if variable is not None and variable not in variables:
        known = ", ".join(variables) or "none"
        raise check.fail(
            [*keys, "quantity"],
            Message(
                "the formula '{text}' has no variable '{variable}' (its variables: {known})",
                text=text,
                variable=variable,
                known=known,
            ),
        )
    point = tuple((name, at[name]) for name in variables)
    return FormulaAnswer(text, point, order, variable)


def _check_answer(check: _Checker, question: Question, keys: list) -> None:
    """Compute the answer once: a question whose answer does not exist is refused."""
    source = question.source
    if isinstance(source, DemoAnswer):
        run = run_demo(source.demo, question.switches)
        if source.line > len(run.lines):
            raise check.fail(
                [*keys, "line"],
                Message(
                    "the demo '{demo}' prints {count} lines, so there is no line {line}",
                    demo=source.demo,
                    count=len(run.lines),
                    line=source.line,
                ),
            )
        values = run.values[source.line - 1]
        printed = run.lines[source.line - 1]
        if source.item > len(values):
            raise check.fail(
                [*keys, "item"],
                Message(
                    "line {line} of the demo ('{printed}') has {count} item(s), so there is no "
                    "item {item}",
                    line=source.line,
                    printed=printed,
                    count=len(values),
                    item=source.item,
                ),
            )
        if values[source.item - 1] is None:
            raise check.fail(
                [*keys, "item"],
                Message(
                    "item {item} of line {line} ('{printed}') is not a number",
                    item=source.item,
                    line=source.line,
                    printed=printed,
                ),
            )
        return
    value = answer(question)
    if not math.isfinite(value):
        point = ", ".join(f"{name} = {v:g}" for name, v in source.point)
        raise check.fail(
            [*keys, "quantity"],
            Message(
                "{quantity} of '{formula}' at {point} is {value}, not a finite number: choose "
                "another point",
                quantity=source.quantity,
                formula=source.formula,
                point=point or Message("no point"),
                value=value,
            ),
        )


def _demo_id(check: _Checker, value: Any, keys: Sequence) -> str:
    demo = check.text(value, keys, 64)
    if demo not in DEMOS:
        raise check.fail(
            keys,
            Message(
                "unknown demo '{demo}'{suggestion}: a lesson can only name a built-in demo "
                "({known})",
                demo=demo,
                suggestion=_suggest(demo, DEMOS),
                known=", ".join(DEMOS),
            ),
        )
    return demo


# =============================================================================
# the Markdown texts: links go to a view or a web page; no images
# =============================================================================

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_WEB = re.compile(r"^https?://\S+$")


def check_markdown(path: Path, text: str) -> None:
    """Refuse a link that is neither ``view:<a view>`` nor a web page, and images."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        plain = _CODE_SPAN.sub("", line)
        targets = [(m.group(1) == "!", m.group(2)) for m in _INLINE_LINK.finditer(plain)]
        targets += [(False, m.group(1)) for m in _REFERENCE.finditer(plain)]
        targets += [(False, m.group(1)) for m in _AUTOLINK.finditer(plain)]
        for image, target in targets:
            if image:
                raise LessonError(
                    path, Message("images are not supported in a lesson's text"), number
                )
            _check_link(path, target, number)


def _check_link(path: Path, target: str, line: int) -> None:
    if target.startswith("view:"):
        view = target[len("view:") :]
        if view not in VIEWS:
            raise LessonError(
                path,
                Message(
                    "unknown view '{view}'{suggestion} in the link '{target}' (views: {known})",
                    view=view,
                    suggestion=_suggest(view, VIEWS),
                    target=target,
                    known=", ".join(VIEWS),
                ),
                line,
            )
    elif not _WEB.match(target):
        raise LessonError(
            path,
            Message(
                "the link '{target}' goes nowhere a lesson can send a learner: link to a view "
                "(view:graph, view:plot, ...) or to a web page (https://...)",
                target=target,
            ),
            line,
        )


# =============================================================================
# a whole folder
# =============================================================================


def load_lesson(folder: str | os.PathLike, *, builtin: bool = False) -> Lesson:
    """Read and check the lesson in ``folder``. Raises ``LessonError`` on any problem.

    Nothing in the folder is executed; every answer is computed by the engine now
    (except for a ``builtin`` lesson: the tests compute those).
    """
    given = Path(folder)
    folder = given.resolve()
    if not folder.is_dir():
        raise LessonError(given, Message("is not a folder"))
    toml_path = folder / LESSON_FILE
    toml = _Toml(toml_path, _read_text(folder, LESSON_FILE))
    check = _Checker(toml)
    data = check.table(toml.data, [], TOP_KEYS, required=("id", "title", "example"))

    lesson_id = check.identifier(data["id"], ["id"])
    title = check.languages(data["title"], ["title"], MAX_TITLE_CHARS)
    number = check.whole(data["number"], ["number"], 1, 9999) if "number" in data else None
    book_steps = data.get("book_steps", "")
    if isinstance(book_steps, int) and not isinstance(book_steps, bool):
        book_steps = str(book_steps)
    if book_steps != "":
        book_steps = check.text(book_steps, ["book_steps"], 40)
    demo = _demo_id(check, data["demo"], ["demo"]) if "demo" in data else None
    switches = check.switches(data.get("switches", []), ["switches"], None)
    preset = _example(check, data["example"], lesson_id)

    raw_questions = data.get("questions", [])
    if not isinstance(raw_questions, list):
        raise check.fail(["questions"], Message("must be a list of [[questions]] tables"))
    if len(raw_questions) > MAX_QUESTIONS:
        raise check.fail(
            ["questions"],
            Message(
                "has {count} questions; at most {limit}",
                count=len(raw_questions),
                limit=MAX_QUESTIONS,
            ),
        )
    # The built-in lessons' answers are checked by the test suite against the book's
    # numbers; computing them at every start would run every demo before the window
    # paints.
    lesson_info = {"demo": demo, "switches": switches, "check_answers": not builtin}
    questions: list[Question] = []
    for i, raw in enumerate(raw_questions):
        question = _question(check, raw, i, lesson_info, preset)
        if any(q.id == question.id for q in questions):
            raise check.fail(
                ["questions", i, "id"], Message("two questions have the id '{id}'", id=question.id)
            )
        questions.append(question)

    texts: dict[str, str] = {}
    for language in LANGUAGES:
        name = f"{language}.md"
        text = _read_text(folder, name)
        if not text.strip():
            raise LessonError(folder / name, Message("is empty"))
        check_markdown(folder / name, text)
        texts[language] = text

    return Lesson(
        id=lesson_id,
        title=title,
        text=Text(texts),
        preset=preset,
        questions=tuple(questions),
        number=number,
        book_steps=book_steps,
        demo=demo,
        switches=switches,
        folder=folder,
        builtin=builtin,
    )


__all__ = ["LESSON_FILE", "MAX_FILE_BYTES", "LessonError", "check_markdown", "load_lesson"]
