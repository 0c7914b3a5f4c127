"""Run a script written for the book: ``import dezero`` resolves to this engine.

    python main.py book steps/step45.py

The book's scripts import ``dezero``, ``dezero.functions``, ``dezero.layers`` and so on,
and its step files put their own folder's parent on ``sys.path`` so that the book's
``dezero/`` folder is found there. ``install()`` puts a finder in front of
``sys.meta_path`` that answers for every ``dezero`` module first, with this engine's:

=====================  ====================================================
``dezero``             Variable, Parameter, Function, Config, Layer, Model, ...
``dezero.core``        the same names and the arithmetic (add, mul, ...)
``dezero.core_simple`` the book's core before step 32: gradients are ndarrays
                       (``setup_variable()`` sets ``Config.grads_as_variables``
                       to False)
``dezero.functions``   ``engine.functions``
``dezero.layers``      ``engine.layers``
``dezero.models``      ``engine.models``
``dezero.optimizers``  ``engine.optimizers``
``dezero.utils``       get_dot_graph, plot_dot_graph, gradient_check, ...
=====================  ====================================================

Any other ``dezero`` module (the book's datasets, data loaders, GPU support,
convolutions, from step 48 on) is not part of this engine: importing one raises an
ImportError that says so. ``run_script`` then runs the script as ``python SCRIPT.py``
would: as ``__main__``, with its own folder first on ``sys.path`` and ``sys.argv`` set.

Nothing here imports Qt.
"""

from __future__ import annotations

import contextlib
import importlib.abc
import importlib.machinery
import os
import runpy
import shutil
import subprocess
import sys
import traceback
import types
from collections.abc import Callable

import numpy as np

import engine.core
import engine.functions
import engine.gradcheck
import engine.layers
import engine.models
import engine.optimizers
from engine.core import Config, Function, Variable
from tutor.dot import dot_escape

PACKAGE = "dezero"

# What ``import dezero`` brings along, as the book's dezero/__init__.py does.
_SUBMODULES = ("core", "functions", "layers", "models", "optimizers", "utils")

_MISSING = {
    "datasets": "the book's datasets (spiral, MNIST, ...) arrive with step 48",
    "dataloaders": "the book's data loaders arrive with step 50",
    "cuda": "this engine runs on the CPU with NumPy only (the book's step 52 adds CuPy)",
    "functions_conv": "convolutions arrive with the book's step 57",
    "transforms": "the book's image transforms arrive with step 55",
}


# =============================================================================
# the modules that stand in for dezero's
# =============================================================================


def _setup_variable_for(grads_as_variables: bool) -> Callable[[], None]:
    def setup_variable() -> None:
        """The book's ``setup_variable``: the operators are attached already; this picks
        whether gradients are Variables (dezero.core) or ndarrays (dezero.core_simple)."""
        Config.grads_as_variables = grads_as_variables

    return setup_variable


def _core_names(grads_as_variables: bool) -> dict:
    F = engine.functions
    return {
        "Config": Config,
        "Variable": Variable,
        "Parameter": engine.core.Parameter,
        "Function": Function,
        "using_config": engine.core.using_config,
        "no_grad": engine.core.no_grad,
        "as_array": engine.core.as_array,
        "as_variable": engine.core.as_variable,
        "setup_variable": _setup_variable_for(grads_as_variables),
        "add": F.add,
        "sub": F.sub,
        "rsub": F.rsub,
        "mul": F.mul,
        "div": F.div,
        "rdiv": F.rdiv,
        "neg": F.neg,
        "pow": F.pow,
    }


def _module(name: str, doc: str, names: dict) -> types.ModuleType:
    module = types.ModuleType(name, doc)
    module.__dict__.update(names)
    return module


def _make_core() -> types.ModuleType:
    return _module("dezero.core", "This engine's core, under the book's name.", _core_names(True))


def _make_core_simple() -> types.ModuleType:
    return _module(
        "dezero.core_simple",
        "The book's core before step 32: after setup_variable(), gradients are ndarrays.",
        _core_names(False),
    )


def _make_utils() -> types.ModuleType:
    names = {
        "get_dot_graph": get_dot_graph,
        "plot_dot_graph": plot_dot_graph,
        "gradient_check": engine.gradcheck.gradient_check,
        "numerical_grad": numerical_grad,
        "sum_to": engine.functions._sum_to_array,
        "logsumexp": engine.functions._logsumexp,
        "array_equal": array_equal,
        "array_allclose": array_allclose,
    }
    return _module("dezero.utils", "The book's utilities, on this engine.", names)


def _make_package() -> types.ModuleType:
    names = {
        name: _core_names(True)[name]
        for name in (
            "Variable",
            "Parameter",
            "Function",
            "Config",
            "using_config",
            "no_grad",
            "as_array",
            "as_variable",
            "setup_variable",
        )
    }
    names["Layer"] = engine.layers.Layer
    names["Model"] = engine.models.Model
    package = _module(PACKAGE, "This engine, under the name of the book's DeZero.", names)
    package.__path__ = []  # a package: its submodules are found by DezeroFinder too
    return package


_MAKERS: dict[str, Callable[[], types.ModuleType]] = {
    PACKAGE: _make_package,
    "dezero.core": _make_core,
    "dezero.core_simple": _make_core_simple,
    "dezero.functions": lambda: engine.functions,
    "dezero.layers": lambda: engine.layers,
    "dezero.models": lambda: engine.models,
    "dezero.optimizers": lambda: engine.optimizers,
    "dezero.utils": _make_utils,
}


class DezeroFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers for ``dezero`` and its submodules before any folder on ``sys.path``."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != PACKAGE and not fullname.startswith(PACKAGE + "."):
            return None
        if fullname not in _MAKERS:
            part = fullname.split(".")[1]
            why = _MISSING.get(part, "the book's dezero has no such module either")
            raise ModuleNotFoundError(
                f"{fullname} is not part of this engine ({why}); python main.py book "
                f"provides {', '.join(sorted(_MAKERS))}",
                name=fullname,
            )
        return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname == PACKAGE)

    def create_module(self, spec):
        return _MAKERS[spec.name]()

    def exec_module(self, module):
        if module.__name__ == PACKAGE:
            for name in _SUBMODULES:
                setattr(module, name, importlib.import_module(f"{PACKAGE}.{name}"))


def install() -> DezeroFinder:
    """Put the finder first on ``sys.meta_path`` and forget any dezero imported before."""
    for name in list(sys.modules):
        if name == PACKAGE or name.startswith(PACKAGE + "."):
            del sys.modules[name]
    finder = DezeroFinder()
    sys.meta_path.insert(0, finder)
    return finder


def uninstall(finder: DezeroFinder) -> None:
    """Take the finder away again and forget the dezero modules it made."""
    with contextlib.suppress(ValueError):
        sys.meta_path.remove(finder)
    for name in list(sys.modules):
        if name == PACKAGE or name.startswith(PACKAGE + "."):
            del sys.modules[name]


# =============================================================================
# dezero.utils: what the book's scripts call
# =============================================================================


def _dot_variable(v: Variable, verbose: bool) -> str:
    label = "" if v.name is None else v.name
    if verbose and v.data is not None:
        label += (": " if v.name is not None else "") + f"{v.shape} {v.dtype}"
    return f'{id(v)} [label="{dot_escape(label)}", color=orange, style=filled]\n'


def get_dot_graph(output: Variable, verbose: bool = True) -> str:
    """The graph that computed ``output``, in Graphviz DOT, as the book's step 26 draws
    it: Variables are orange ovals (with shape and dtype when ``verbose``), Functions
    blue boxes labelled with their class name."""
    text = _dot_variable(output, verbose)
    funcs, seen = [output.creator], set()
    while funcs:
        f = funcs.pop()
        if f is None or f in seen:
            continue
        seen.add(f)
        text += f'{id(f)} [label="{type(f).__name__}", color=lightblue, style=filled, shape=box]\n'
        for x in f.inputs:
            text += f"{id(x)} -> {id(f)}\n"
        for ref in f.outputs:
            text += f"{id(f)} -> {id(ref())}\n"
        for x in f.inputs:
            text += _dot_variable(x, verbose)
            funcs.append(x.creator)
    return "digraph g {\n" + text + "}"


def plot_dot_graph(output: Variable, verbose: bool = True, to_file: str = "graph.png") -> None:
    """Write the graph's DOT text next to ``to_file`` and render it with Graphviz.

    Without Graphviz's ``dot`` program a one-line note on stderr says where the DOT
    text is, so it can be rendered elsewhere.
    """
    stem, suffix = os.path.splitext(to_file)
    dot_path = stem + ".dot" if suffix.lower() != ".dot" else to_file
    with open(dot_path, "w", encoding="utf-8") as out:
        out.write(get_dot_graph(output, verbose))
    program = shutil.which("dot")
    if program is None:
        print(
            f"plot_dot_graph: Graphviz's dot program was not found; the graph is in {dot_path}",
            file=sys.stderr,
        )
        return
    if dot_path != to_file:
        subprocess.run([program, dot_path, "-T", suffix[1:], "-o", to_file], check=False)


def numerical_grad(f, x, *args, **kwargs) -> np.ndarray:
    """The book's name for central differences of ``f(x, *args, **kwargs)`` at ``x``."""
    x = engine.core.as_variable(x)
    return engine.gradcheck.numerical_diff(lambda v: f(v, *args, **kwargs), x)


def array_equal(a, b) -> bool:
    """True when the values (of arrays or Variables) are equal."""
    a = a.data if isinstance(a, Variable) else a
    b = b.data if isinstance(b, Variable) else b
    return bool(np.array_equal(a, b))


def array_allclose(a, b, rtol: float = 1e-4, atol: float = 1e-5) -> bool:
    """True when the values (of arrays or Variables) are equal within the tolerances."""
    a = a.data if isinstance(a, Variable) else a
    b = b.data if isinstance(b, Variable) else b
    return bool(np.allclose(a, b, rtol=rtol, atol=atol))


# =============================================================================
# running a script
# =============================================================================


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    print(exc.code, file=sys.stderr)
    return 1


def run_script(path: str, args: list[str]) -> int:
    """Run the book script at ``path`` with ``args``, on this engine; its exit code.

    An exception the script does not catch prints its traceback from the script's
    own frames on, as ``python SCRIPT.py`` would, and gives exit code 1.
    """
    script = os.path.abspath(path)
    saved_argv, saved_path = sys.argv[:], sys.path[:]
    saved_switch = Config.grads_as_variables
    finder = install()
    sys.argv = [path, *args]
    # As with ``python SCRIPT.py``: the script's folder comes first, not this project's.
    sys.path[0:1] = [os.path.dirname(script)]
    try:
        runpy.run_path(script, run_name="__main__")
    except SystemExit as exc:
        return _exit_code(exc)
    except Exception as exc:  # the script's own error, reported as Python reports it
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != script:
            tb = tb.tb_next
        traceback.print_exception(type(exc), exc, tb or exc.__traceback__)
        return 1
    finally:
        sys.stdout.flush()
        sys.argv, sys.path[:] = saved_argv, saved_path
        Config.grads_as_variables = saved_switch
        uninstall(finder)
    return 0


__all__ = ["DezeroFinder", "get_dot_graph", "install", "plot_dot_graph", "run_script"]
