"""Exports of a session that need no GUI: JSON, CSV, DOT, a Python script, a notebook.

Each format is a function from a ``Session`` to bytes; ``export_session`` picks one by
the file's suffix and writes it atomically, so a failed export never leaves a partial
file behind. Images of the plot and the graph view (``.png``, ``.svg``) need Qt and
live in ``gui/export_images.py``.

The script and the notebook run anywhere Python and numpy do, with nothing of this app:
the formula is written as engine code (``f = F.sin(x) * x ** 2 + y``) generated from the
parsed tree — variable names are checked identifiers, numbers are ``repr`` of floats, so
no text of the session is ever pasted into code — and the engine travels with them,
as ``autodiff_engine.py`` beside the script (``export_files`` lists both) or inlined in
the notebook's first cell (``tutor.engine_module``, generated from engine/core.py and
engine/functions.py). Running them prints the very numbers the app shows, in the format
of ``python main.py eval``.
"""

from __future__ import annotations

import builtins
import datetime
import json
import keyword
import math
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np

from engine.core import Variable
from tutor.engine_module import MODULE_NAME, engine_module_source
from tutor.files import write_atomic
from tutor.formula import (
    _ATOM,
    _POWER,
    _PRODUCT,
    _SUM,
    _UNARY,
    BinaryOp,
    Call,
    Constant,
    Expression,
    Name,
    Node,
    Number,
    UnaryOp,
)
from tutor.numbers import exact
from tutor.session import Session

IMAGE_SUFFIXES = (".png", ".svg")
SUFFIXES = (".json", ".png", ".svg", ".csv", ".dot", ".py", ".ipynb")


class ExportError(ValueError):
    """An export failed; the message says why, in one line."""


def result_lines(session: Session) -> list[str]:
    """``f = <value>`` then ``df/d<name> = <value>`` for every variable, sorted by name.

    The lines ``python main.py eval EXPR name=value ...`` prints for the session's
    variables (0 for one the expression does not use), and the exported script prints.
    """
    result = session.evaluate(sweep=False)
    if not result.ok:
        raise ExportError(f"the expression does not parse: {session.error}")
    lines = [f"f = {exact(result.value)}"]
    lines += [
        f"df/d{name} = {exact(result.grads.get(name, 0.0))}" for name in sorted(session.variables)
    ]
    return lines


def _parsed_text(session: Session) -> str:
    """The text of the expression the app evaluates (the last one that parsed)."""
    if session.expression is None:
        raise ExportError(f"the expression does not parse: {session.error}")
    return session.expression.text


# =============================================================================
# the formats
# =============================================================================


def to_json(session: Session) -> bytes:
    return session.to_json().encode("utf-8")


def to_csv(session: Session) -> bytes:
    """The sweep as CSV: a header, then one row per point: x, f, f′, f″."""
    _parsed_text(session)
    result = session.evaluate()
    s = result.sweep_variable
    if s is None:
        raise ExportError("nothing to sweep: the session has no variables")
    rows = [f"{s},f,df/d{s},d2f/d{s}2"]
    rows += [
        ",".join(repr(float(v)) for v in row)  # full precision, one type per column
        for row in zip(result.x, result.f, result.df, result.d2f, strict=True)
    ]
    return ("\n".join(rows) + "\n").encode("utf-8")


def to_dot(session: Session) -> bytes:
    """The computational graph recorded at the current point, with values and grads."""
    _parsed_text(session)
    from tutor.dot import to_dot as graph_to_dot
    from tutor.snapshot import snapshot

    expr = session.expression
    inputs = {
        name: Variable(np.array(session.variables[name].value), name=name)
        for name in expr.variables
    }
    with np.errstate(all="ignore"):
        y = expr.build(inputs)
        y.backward(retain_grad=True)  # keep every intermediate gradient for the labels
    return graph_to_dot(snapshot(y)).encode("utf-8")


# -- the formula as engine code ---------------------------------------------------

# Names the exported code itself uses: a variable called one of these gets another name.
_TAKEN = frozenset(
    {
        "F",
        "np",
        "math",
        "os",
        "sys",
        "Variable",
        "number",
        "main",
        "f",
        "xs",
        "ys",
        "plt",
        "fig",
        "ax",
        "inputs",
        "grad",
        "name",
        "along",
        "f_curve",
        "df_curve",
        "here",
    }
    | set(dir(builtins))
)


def python_names(names) -> dict[str, str]:
    """A Python identifier for every formula variable: the name itself when that is safe
    (not a keyword, not a builtin or a name the export uses, unchanged by Python's NFKC
    normalisation of identifiers), else ``v_<i>``."""
    chosen: dict[str, str] = {}
    used: set[str] = set()
    for i, name in enumerate(sorted(names)):
        safe = (
            name.isidentifier()
            and not keyword.iskeyword(name)
            and not keyword.issoftkeyword(name)
            and name not in _TAKEN
            and not name.startswith("_")
            and unicodedata.normalize("NFKC", name) == name
        )
        py = name if safe else f"v_{i}"
        while py in used or py in _TAKEN:
            py += "_"
        chosen[name] = py
        used.add(py)
    return chosen


def formula_code(expr: Expression, names: dict[str, str]) -> str:
    """``expr`` as Python on engine Variables: ``F.sin(x) * x ** 2 + y``.

    It computes what ``Expression.build`` computes, operation for operation (the same
    IEEE operations in the same order), so the numbers agree to the last bit: a
    constant exponent is a plain number (``x ** 2``, the constant-power rule), every
    operator becomes Python's, every call ``F.<name>(...)``. A plain number is written
    as an integer only where the other operand is a Variable, so Python never does
    integer arithmetic that the engine would have done in floating point. Built by a
    walk over the nodes in post-order (no recursion: a 10,000-character formula is fine).
    """
    has_var: dict[int, bool] = {}
    for node in expr.nodes:
        has_var[id(node)] = isinstance(node, Name) or any(has_var[id(c)] for c in node.children)
    # A number may be an int literal if its parent's other operand holds a Variable.
    int_ok: set[int] = set()
    for node in expr.nodes:
        if isinstance(node, BinaryOp):
            if has_var[id(node.right)]:
                int_ok.add(id(node.left))
            if has_var[id(node.left)]:
                int_ok.add(id(node.right))
        elif isinstance(node, Call):
            int_ok.add(id(node.args[0]))

    def literal(value: float, as_int: bool) -> str:
        if as_int and value.is_integer() and abs(value) < 2**31:
            return str(int(value))
        return repr(float(value))

    code: dict[int, tuple[str, int]] = {}  # id(node) -> (text, precedence)

    def wrapped(node: Node, at_least: int) -> str:
        text, prec = code[id(node)]
        return text if prec >= at_least else f"({text})"

    for node in expr.nodes:
        if expr.is_folded(node):
            continue  # inside a constant exponent: its power writes the number
        if isinstance(node, BinaryOp) and node.op == "^" and expr.is_folded(node.right):
            c = _folded_value(expr, node.right)
            exponent = literal(c, has_var[id(node.left)])
            if c < 0 or not math.isfinite(c):
                exponent = f"({exponent})" if math.isfinite(c) else f"float({exponent!r})"
            code[id(node)] = (f"{wrapped(node.left, _ATOM)} ** {exponent}", _POWER)
        elif isinstance(node, Number):
            code[id(node)] = (literal(node.value, id(node) in int_ok), _ATOM)
        elif isinstance(node, Constant):
            code[id(node)] = ({"pi": "math.pi", "e": "math.e"}[node.name], _ATOM)
        elif isinstance(node, Name):
            code[id(node)] = (names[node.name], _ATOM)
        elif isinstance(node, UnaryOp):
            operand = wrapped(node.operand, _UNARY)
            code[id(node)] = (f"-{operand}" if node.op == "-" else operand, _UNARY)
        elif isinstance(node, Call):
            code[id(node)] = (f"F.{node.name}({code[id(node.args[0])][0]})", _ATOM)
        elif isinstance(node, BinaryOp):
            if node.op == "^":
                text = f"{wrapped(node.left, _ATOM)} ** {wrapped(node.right, _UNARY)}"
                code[id(node)] = (text, _POWER)
            else:
                prec = _SUM if node.op in "+-" else _PRODUCT
                # the right operand keeps its parentheses even for + and *: the engine
                # adds in the formula's order, and so must Python
                text = f"{wrapped(node.left, prec)} {node.op} {wrapped(node.right, prec + 1)}"
                code[id(node)] = (text, prec)
        else:  # a Tuple: several outputs are refused before this
            raise ExportError("a formula with several outputs cannot be exported as a script")
    text = code[id(expr.root)][0]
    if not has_var[id(expr.root)] and not _records_a_function(expr.root):
        text = f"Variable(np.array({text}))"  # a bare number: f still needs .backward()
    return text


def _records_a_function(node: Node) -> bool:
    """True if the Python code for ``node`` returns a Variable even without variables."""
    return isinstance(node, Call) or (isinstance(node, BinaryOp) and node.op == "^")


def _folded_value(expr: Expression, node: Node) -> float:
    """The number a constant exponent computes to, as ``build`` computes it."""
    sub = Expression.from_tree(node)
    return float(np.asarray(sub.evaluate({}), dtype=np.float64))


def _variable_lines(session: Session, names: dict[str, str]) -> list[str]:
    return [
        f"{names[name]} = Variable(np.array({_float_literal(spec.value)}), name={name!r})"
        for name, spec in sorted(session.variables.items())
    ]


_NUMBER_FUNCTION = '''\
def number(value):
    """As `python main.py eval` prints a number: whole ones plainly, others exactly."""
    value = float(value) + 0.0  # + 0.0: no "-0"
    if math.isfinite(value) and value == int(value) and abs(value) < 1e16:
        return str(int(value))
    return repr(value)
'''

_FIND_ENGINE = f"""\
# {MODULE_NAME}.py, written beside this script, is the engine: found from here,
# wherever the script is run from.
here = os.path.dirname(os.path.abspath(__file__))
if here not in sys.path:
    sys.path.insert(0, here)

import numpy as np  # noqa: E402

import {MODULE_NAME} as F  # noqa: E402
from {MODULE_NAME} import Variable  # noqa: E402
"""


def engine_file_name() -> str:
    """The engine module's file name, written beside an exported script."""
    return f"{MODULE_NAME}.py"


def to_script(session: Session) -> bytes:
    """A Python script that rebuilds the session with the engine written beside it
    (``autodiff_engine.py``, see ``export_files``) and prints what ``main.py eval`` prints.

    The formula is engine code (``f = F.sin(x) * x ** 2 + y``): the script needs Python
    and numpy only, and no path of this machine.
    """
    text = _parsed_text(session)
    names = python_names(session.variables)
    expected = "\n".join(f"    {line}" for line in result_lines(session))
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    prints = "\n".join(
        f'    print(f"df/d{_braces(name)} = {{number({names[name]}.grad.data '
        f'if {names[name]}.grad is not None else 0.0)}}")'
        for name in sorted(session.variables)
    )
    variables = "\n".join(f"    {line}" for line in _variable_lines(session, names))
    script = f'''\
#!/usr/bin/env python3
"""Autodiff Tutor session, exported {now}.

    f = {_docstring_safe(text)}

Runs f forward and backward with the tutor's autograd engine ({MODULE_NAME}.py, which
must sit beside this file; it needs only numpy) and prints f and its partial
derivatives, as `python main.py eval` does. When it was exported, the app showed:

{expected}
"""

import math
import os
import sys

{_FIND_ENGINE}

{_NUMBER_FUNCTION}

def main():
{variables}
    with np.errstate(all="ignore"):  # log(-1) gives nan and 1/0 inf, as in the app
        f = {formula_code(session.expression, names)}  # forward: records the graph
        f.backward()  # backward: fills the .grad of every variable f depends on
    print(f"f = {{number(f.data)}}")
{prints}


if __name__ == "__main__":
    main()
'''
    return script.encode("utf-8")


def export_files(out_path: str | os.PathLike, session: Session) -> dict[Path, bytes]:
    """Every file an export writes, by path: one, or for a script also the engine
    module beside it."""
    out = Path(out_path)
    data = export_bytes(session, out.suffix)
    files = {out: data}
    if out.suffix.lower() == ".py":
        engine = out.with_name(engine_file_name())
        if engine == out:
            raise ExportError(f"choose another name than {engine.name}: the engine goes there")
        files = {engine: engine_module_source().encode("utf-8"), out: data}
    return files


def to_notebook(session: Session) -> bytes:
    """A Jupyter notebook (nbformat 4): the engine in its first cell, then the session
    step by step, the formula written as engine code."""
    text = _parsed_text(session)
    names = python_names(session.variables)
    used = session.used_variables()
    sweep = session.sweep
    cells: list[dict] = []

    def markdown(source: str) -> None:
        cells.append({"cell_type": "markdown", "metadata": {}, "source": source})

    def code(source: str) -> None:
        cells.append(
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": source,
            }
        )

    markdown(
        "# Autodiff Tutor session\n"
        "\n"
        f"f = `{_markdown_code(text)}`, computed forward, then differentiated backward "
        "with reverse-mode automatic differentiation.\n"
        "\n"
        "The first cell is the whole engine (Variable, Function, backward and every "
        f"operation, in the style of DeZero): it writes `{MODULE_NAME}.py` beside the "
        "notebook. It needs only numpy. Run the cells from top to bottom."
    )
    code(f"%%writefile {MODULE_NAME}.py\n" + engine_module_source())
    code(
        "import math\n"
        "\n"
        "import numpy as np\n"
        "\n"
        f"import {MODULE_NAME} as F\n"
        f"from {MODULE_NAME} import Variable\n"
        "\n"
        "\n" + _NUMBER_FUNCTION.rstrip("\n")
    )
    markdown(
        "## Variables\n"
        "\n"
        "Each variable is an engine `Variable`: an ndarray with a name, and room for a "
        "gradient (`.grad`) that the backward pass fills in."
    )
    code("\n".join(_variable_lines(session, names)))
    markdown(
        "## Forward pass\n"
        "\n"
        "Each operator and function call runs one engine Function: it computes f and "
        "records the graph (every output remembers its `creator`)."
    )
    code(
        'with np.errstate(all="ignore"):  # log(-1) gives nan and 1/0 inf, as in the app\n'
        f"    f = {formula_code(session.expression, names)}\n"
        'print(f"f = {number(f.data)}")'
    )
    markdown(
        "## Backward pass\n"
        "\n"
        "`backward()` walks the graph from f back to the inputs, newest Function first, "
        "applying the chain rule at each step."
    )
    code('with np.errstate(all="ignore"):\n    f.backward()')
    markdown("## Gradients\n\nThe same numbers the app shows next to each slider.")
    code(
        "\n".join(
            f'print(f"df/d{_braces(name)} = {{number({names[name]}.grad.data '
            f'if {names[name]}.grad is not None else 0.0)}}")'
            for name in sorted(session.variables)
        )
    )
    if sweep.variable is not None and sweep.variable in used:
        s = sweep.variable
        along = python_names(session.variables) | {s: "xs"}
        markdown(
            f"## f and f′ along {s}\n"
            "\n"
            f"One vectorized pass: {s} becomes an array of {sweep.points} points. Each "
            f"point of f depends only on its own {s}, so one backward pass gives f′ at "
            "every point. Where f or f′ jumps (a pole, a corner) the curve is broken, "
            "not joined across."
        )
        code(
            f"xs = Variable(np.linspace({sweep.min!r}, {sweep.max!r}, {sweep.points}), "
            f"name={s!r})\n"
            'with np.errstate(all="ignore"):\n'
            f"    ys = {formula_code(session.expression, along)}\n"
            "    ys.backward()\n"
            "f_curve = np.broadcast_to(ys.data, xs.shape)\n"
            "df_curve = np.broadcast_to(xs.grad.data, xs.shape)\n"
            "\n"
            "try:\n"
            "    import matplotlib.pyplot as plt\n"
            "except ImportError:\n"
            '    print("matplotlib is not installed: skipping the plot")\n'
            "else:\n"
            "    fig, ax = plt.subplots()\n"
            '    ax.plot(xs.data, f_curve, label="f")\n'
            '    ax.plot(xs.data, df_curve, label="f′")\n'
            f"    ax.set_xlabel({s!r})\n"
            f"    ax.set_title({_title(session)!r})\n"
            '    ax.legend(loc="best")  # Jupyter shows the figure below the cell'
        )
    notebook = {
        "cells": [
            {"id": f"cell-{i}", **cell, "source": _source_lines(cell["source"])}
            for i, cell in enumerate(cells)
        ],
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return (json.dumps(notebook, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _title(session: Session) -> str:
    point = ", ".join(f"{n} = {exact(v.value)}" for n, v in sorted(session.variables.items()))
    return f"f = {_parsed_text(session)}" + (f"  at  {point}" if point else "")


def _braces(name: str) -> str:
    """A variable's name inside an f-string of the generated code (an identifier: it
    holds no brace, quote or backslash; checked all the same)."""
    if not name.isidentifier():
        raise ExportError(f"cannot export the variable name {name!r}")
    return name


def _source_lines(source: str) -> list[str]:
    """A cell's source as nbformat stores it: lines that keep their newlines."""
    return source.splitlines(keepends=True)


def _dict_literal(values: dict[str, float]) -> str:
    """A dict of names to numbers as Python source: repr() for both, so exact."""
    items = ", ".join(f"{name!r}: {_float_literal(v)}" for name, v in values.items())
    return "{" + items + "}"


def _float_literal(value: float) -> str:
    if not math.isfinite(value):  # cannot come from a valid session; be explicit anyway
        raise ExportError(f"cannot export the non-finite value {value}")
    return repr(float(value))


def _docstring_safe(text: str) -> str:
    """The expression inside a triple-quoted docstring: backslashes and quotes escaped."""
    return text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')


def _markdown_code(text: str) -> str:
    """The expression inside Markdown backticks (it may not contain one itself)."""
    return text.replace("`", "'")


EXPORTERS: dict[str, Callable[[Session], bytes]] = {
    ".json": to_json,
    ".csv": to_csv,
    ".dot": to_dot,
    ".py": to_script,
    ".ipynb": to_notebook,
}


def export_bytes(session: Session, suffix: str) -> bytes:
    """The contents of an export in the format named by ``suffix`` (``".csv"``, ...)."""
    suffix = suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        raise ExportError(f"{suffix} images need the GUI (gui.export_images)")
    exporter = EXPORTERS.get(suffix)
    if exporter is None:
        known = " ".join(SUFFIXES)
        shown = f"'{suffix}'" if suffix else "(the file name has no suffix)"
        raise ExportError(f"unknown export format {shown}: use one of {known}")
    return exporter(session)


def export_session(out_path: str | os.PathLike, session: Session) -> None:
    """Write ``session`` to ``out_path`` in the format its suffix names, atomically.

    A ``.py`` export also writes the engine, ``autodiff_engine.py``, beside the script
    (``export_files``). Raises ExportError with one line (unknown suffix, unwritable
    folder, ...); on error no file, not even a partial one, is left at ``out_path``.
    """
    for path, data in export_files(out_path, session).items():
        write_file(path, data)


def write_file(out_path: str | os.PathLike, data: bytes) -> None:
    """``write_atomic``, with an OSError turned into a one-line ExportError."""
    try:
        write_atomic(out_path, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(f"cannot write {os.fspath(out_path)!r}: {reason}") from None


__all__ = [
    "EXPORTERS",
    "IMAGE_SUFFIXES",
    "SUFFIXES",
    "ExportError",
    "engine_file_name",
    "export_bytes",
    "export_files",
    "export_session",
    "formula_code",
    "python_names",
    "result_lines",
    "to_csv",
    "to_dot",
    "to_json",
    "to_notebook",
    "to_script",
    "write_file",
]
