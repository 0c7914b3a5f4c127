"""Exports of a session that need no GUI: JSON, CSV, DOT, a Python script, a notebook.

Each format is a function from a ``Session`` to bytes; ``export_session`` picks one by
the file's suffix and writes it atomically, so a failed export never leaves a partial
file behind. Images of the plot and the graph view (``.png``, ``.svg``) need Qt and
live in ``gui/export_images.py``.

The script and the notebook rebuild the session with ``engine`` itself: the expression
is embedded as a string literal and *parsed* when they run, exactly as the app parses
it, so nothing from the session ever becomes code — and running them prints the very
numbers the app shows, in the format of ``python main.py eval``.
"""

from __future__ import annotations

import datetime
import json
import math
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from engine.core import Variable
from tutor.files import write_atomic
from tutor.numbers import exact
from tutor.session import Session

# The folder holding the ``engine`` package: scripts and notebooks put it on sys.path.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

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
        f"df/d{name} = {exact(result.grads.get(name, 0.0))}"
        for name in sorted(session.variables)
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


def to_script(session: Session) -> bytes:
    """A standalone Python script that rebuilds the session and prints f and its grads."""
    text = _parsed_text(session)
    values = {name: spec.value for name, spec in session.variables.items()}
    expected = "\n".join(f"    {line}" for line in result_lines(session))
    now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    script = f'''\
#!/usr/bin/env python3
"""Autodiff Tutor session, exported {now}.

    f = {_docstring_safe(text)}

Rebuilds the session with the tutor's autograd engine, runs it forward and backward,
and prints f and its partial derivatives, as `python main.py eval` does. When it was
exported, the app showed:

{expected}
"""

import math
import sys

# The folder that holds the tutor's `engine` package (where it was when this script was
# exported); change it if you move the project.
ENGINE_ROOT = {str(PROJECT_ROOT)!r}
sys.path.insert(0, ENGINE_ROOT)

try:
    import numpy as np

    from engine import Variable
    from tutor.formula import parse
except ImportError as exc:
    sys.exit(f"this script needs the Autodiff Tutor engine (set ENGINE_ROOT): {{exc}}")

EXPRESSION = {text!r}
VALUES = {_dict_literal(values)}


def number(value):
    """As `python main.py eval` prints a number: whole ones plainly, others exactly."""
    value = float(value)
    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def main():
    expr = parse(EXPRESSION)  # parsed, never run as Python code
    inputs = {{name: Variable(np.array(value), name=name) for name, value in VALUES.items()}}
    with np.errstate(all="ignore"):  # log(-1) gives nan and 1/0 inf, as in the app
        f = expr.build(inputs)  # forward: records the graph
        f.backward()  # backward: fills the .grad of every input f depends on
    print(f"f = {{number(f.data)}}")
    for name in sorted(inputs):
        grad = inputs[name].grad  # None if f does not depend on it: the derivative is 0
        print(f"df/d{{name}} = {{number(grad.data if grad is not None else 0.0)}}")


if __name__ == "__main__":
    main()
'''
    return script.encode("utf-8")


def to_notebook(session: Session) -> bytes:
    """A Jupyter notebook (nbformat 4) that walks through the session step by step."""
    text = _parsed_text(session)
    values = {name: spec.value for name, spec in session.variables.items()}
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
        "Run the cells from top to bottom."
    )
    code(
        "# Make the tutor's `engine` package importable: this is the project folder where\n"
        "# the notebook was exported. Change it if you moved the project.\n"
        "import math\n"
        "import sys\n"
        "\n"
        f"ENGINE_ROOT = {str(PROJECT_ROOT)!r}\n"
        "if ENGINE_ROOT not in sys.path:\n"
        "    sys.path.insert(0, ENGINE_ROOT)\n"
        "\n"
        "import numpy as np\n"
        "\n"
        "from engine import Variable\n"
        "from tutor.formula import parse\n"
        "\n"
        "\n"
        "def number(value):\n"
        '    """As `python main.py eval` prints a number: whole ones plainly, others exactly."""\n'
        "    value = float(value)\n"
        "    if math.isfinite(value) and value == int(value) and abs(value) < 1e15:\n"
        "        return str(int(value))\n"
        "    return repr(value)"
    )
    markdown(
        "## Variables\n"
        "\n"
        "Each variable is an engine `Variable`: an ndarray with a name, and room for a "
        "gradient (`.grad`) that the backward pass fills in."
    )
    code(
        f"VALUES = {_dict_literal(values)}\n"
        "inputs = {name: Variable(np.array(value), name=name) for name, value in VALUES.items()}\n"
        "inputs"
    )
    markdown(
        "## The expression\n"
        "\n"
        "The text is *parsed* into a tree (never run as Python code). Building the tree "
        "calls one engine Function per operator."
    )
    code(f"expr = parse({text!r})\nprint(expr.pretty())\nprint('variables:', expr.variables)")
    markdown(
        "## Forward pass\n"
        "\n"
        "Building computes f and records the graph: every output remembers the "
        "Function that created it (its `creator`)."
    )
    code(
        'with np.errstate(all="ignore"):  # log(-1) gives nan and 1/0 inf, as in the app\n'
        "    f = expr.build(inputs)\n"
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
        "for name in sorted(inputs):\n"
        "    grad = inputs[name].grad  # None if f does not depend on it: the derivative is 0\n"
        '    print(f"df/d{name} = {number(grad.data if grad is not None else 0.0)}")'
    )
    if sweep.variable is not None and sweep.variable in used:
        s = sweep.variable
        markdown(
            f"## f and f′ along {s}\n"
            "\n"
            f"One vectorized pass: {s} becomes an array of {sweep.points} points. Each "
            f"point of f depends only on its own {s}, so one backward pass gives f′ at "
            "every point."
        )
        code(
            f"xs = np.linspace({sweep.min!r}, {sweep.max!r}, "
            f"{sweep.points})\n"
            "along = {name: Variable(np.array(v), name=name) for name, v in VALUES.items()}\n"
            f"along[{s!r}] = Variable(xs, name={s!r})\n"
            'with np.errstate(all="ignore"):\n'
            "    ys = expr.build(along)\n"
            "    ys.backward()\n"
            "f_curve = np.broadcast_to(ys.data, xs.shape)\n"
            f"df_curve = np.broadcast_to(along[{s!r}].grad.data, xs.shape)\n"
            "\n"
            "try:\n"
            "    import matplotlib.pyplot as plt\n"
            "except ImportError:\n"
            '    print("matplotlib is not installed: skipping the plot")\n'
            "else:\n"
            "    fig, ax = plt.subplots()\n"
            '    ax.plot(xs, f_curve, label="f")\n'
            '    ax.plot(xs, df_curve, label="f′")\n'
            f"    ax.set_xlabel({s!r})\n"
            "    ax.legend()  # Jupyter shows the figure below the cell"
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

    Raises ExportError with one line (unknown suffix, unwritable folder, ...); on error
    no file, not even a partial one, is left at ``out_path``.
    """
    data = export_bytes(session, Path(out_path).suffix)
    write_file(out_path, data)


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
    "export_bytes",
    "export_session",
    "result_lines",
    "to_csv",
    "to_dot",
    "to_json",
    "to_notebook",
    "to_script",
    "write_file",
]
