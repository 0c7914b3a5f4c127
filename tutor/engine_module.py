"""The engine as one self-contained module, for exports that must run anywhere.

An exported script or notebook needs the autograd engine but not this app. Rather than
keep a second copy of the engine (which would drift), ``engine_module_source`` joins the
engine's own source, ``engine/core.py`` then ``engine/functions.py``, into one module
in the book's style (``autodiff_engine.py``: ``from autodiff_engine import Variable``).
Only numpy is needed to import it.

Two edits make the join work, both checked when the text is built:

* ``functions.py``'s ``from engine.core import ...`` is dropped: the names are now in
  the same module.
* ``functions.py`` defines ``max``, ``min``, ``sum``, ``abs`` and ``pow`` (the book's
  names). In one module they would replace the builtins that ``core.py`` calls, so
  those calls in the core part are spelled ``builtins.max(...)``.
"""

from __future__ import annotations

import ast
import builtins
import io
import tokenize
from functools import lru_cache
from pathlib import Path

MODULE_NAME = "autodiff_engine"
"""The module's name (``autodiff_engine.py`` beside the script): not ``dezero``, so that
the book's own package, if installed, is neither shadowed nor picked up instead."""

_ENGINE = Path(__file__).resolve().parent.parent / "engine"
_FUTURE = "from __future__ import annotations\n"


def _top_level_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return names


def _qualify_builtins(source: str, names: set[str]) -> str:
    """``source`` with every bare use of the builtins in ``names`` written
    ``builtins.<name>`` (names after a ``.`` and inside strings are left alone)."""
    if not names:
        return source
    lines = source.splitlines(keepends=True)
    edits: list[tuple[int, int, str]] = []
    previous = None
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.NAME and tok.string in names:
            after_dot = previous is not None and previous.string == "."
            if not after_dot:
                edits.append((tok.start[0], tok.start[1], tok.string))
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            previous = tok
    for row, col, name in reversed(edits):
        line = lines[row - 1]
        lines[row - 1] = line[:col] + "builtins." + line[col:]
        assert lines[row - 1][col + len("builtins.") :].startswith(name)
    return "".join(lines)


@lru_cache(maxsize=1)
def engine_module_source() -> str:
    """The text of ``autodiff_engine.py``: engine/core.py and engine/functions.py as one module."""
    core = (_ENGINE / "core.py").read_text(encoding="utf-8")
    functions = (_ENGINE / "functions.py").read_text(encoding="utf-8")
    core_tree, functions_tree = ast.parse(core), ast.parse(functions)

    clash = _top_level_names(core_tree) & _top_level_names(functions_tree)
    if clash:  # the join would silently replace a core name: refuse instead
        raise RuntimeError(f"engine/core.py and functions.py both define {sorted(clash)}")
    shadowed = {
        n.id
        for n in ast.walk(core_tree)
        if isinstance(n, ast.Name) and n.id in _top_level_names(functions_tree)
    }
    unknown = {n for n in shadowed if not hasattr(builtins, n)}
    if unknown:
        raise RuntimeError(f"engine/core.py uses functions.py's {sorted(unknown)}")

    def body(source: str, drop: tuple[str, ...]) -> str:
        kept = [line for line in source.splitlines(keepends=True) if line not in drop]
        return "".join(kept)

    core_body = _qualify_builtins(body(core, (_FUTURE,)), shadowed)
    import_line = next(
        line for line in functions.splitlines(keepends=True) if line.startswith("from engine.core ")
    )
    functions_body = body(functions, (_FUTURE, import_line))
    for stray in ("from engine", "import engine"):
        if stray in functions_body.replace("``engine", ""):
            raise RuntimeError("engine/functions.py imports more of the engine than core.py")
    header = (
        '"""The autograd engine of Autodiff Tutor in one file, in the style of DeZero\n'
        '("Deep Learning from Scratch 3"). Written beside an exported session by the app;\n'
        "it needs only numpy.\n\n"
        "    from autodiff_engine import Variable\n"
        "    import autodiff_engine as F  # F.sin, F.exp, ... as in dezero.functions\n\n"
        "The first part is the app's engine/core.py (Variable, Function, backward), the\n"
        'second its engine/functions.py (every operation), joined unchanged."""\n\n'
        f"{_FUTURE}\nimport builtins\n\n"
    )
    rule = "#" + "-" * 78 + "\n"
    return (
        header
        + rule
        + "# engine/core.py\n"
        + rule
        + core_body.lstrip("\n")
        + "\n\n"
        + rule
        + "# engine/functions.py\n"
        + rule
        + functions_body.lstrip("\n")
    )


__all__ = ["MODULE_NAME", "engine_module_source"]
