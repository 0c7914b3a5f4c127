"""``python main.py book``: scripts written for the book print what the book's DeZero prints.

Each script in tests/book_scripts/ (our own, in the style of the book's steps 23-47) is
run twice, in fresh interpreters: with the PyPI package ``dezero==0.0.13`` (the book's
DeZero; these tests skip when it is not installed) and with ``python main.py book``.
The two outputs must be the same text, every digit.

dezero 0.0.13 predates NumPy 1.24 (it names ``np.int``) and imports matplotlib and PIL
when it is imported (for datasets and image transforms, which steps 23-47 never use):
the reference run gets ``np.int`` back and do-nothing stand-ins for those two.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = sorted((ROOT / "tests" / "book_scripts").glob("step*.py"))
MAIN = ROOT / "main.py"

# Both drivers run each script named on their command line as `python SCRIPT.py` would
# (as __main__, its folder first on sys.path, argv set) and print one JSON object:
# {script: [exit code, what it printed]}. One interpreter per side runs them all,
# which takes a second where an interpreter per script would take twenty.
REFERENCE_DRIVER = """
import contextlib, io, json, os, runpy, sys, traceback
import numpy
numpy.int = int  # dezero 0.0.13 names it; NumPy 1.24 removed it
results, path, argv = {}, list(sys.path), list(sys.argv)
for script in argv[1:]:
    out, code = io.StringIO(), 0
    sys.argv, sys.path[:] = [script], [os.path.dirname(script)] + path[1:]
    with contextlib.redirect_stdout(out):
        try:
            runpy.run_path(script, run_name="__main__")
        except SystemExit as exc:
            code = exc.code or 0
        except Exception:
            traceback.print_exc()
            code = 1
    results[script] = [code, out.getvalue()]
print(json.dumps(results))
"""

# The same through main.py's own command line: main.main(["book", SCRIPT]).
OUR_DRIVER = """
import contextlib, io, json, sys
sys.path.insert(0, sys.argv[1])
import main
results = {}
for script in sys.argv[2:]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main.main(["book", script])
    results[script] = [code, out.getvalue()]
print(json.dumps(results))
"""

STANDINS = {
    "matplotlib/__init__.py": "",
    "matplotlib/pyplot.py": "def __getattr__(name):\n    return lambda *a, **k: None\n",
    "PIL/__init__.py": "",
    "PIL/Image.py": "BILINEAR = 2\n",
}

needs_dezero = pytest.mark.skipif(
    importlib.util.find_spec("dezero") is None, reason="the PyPI package dezero is not installed"
)


@pytest.fixture(scope="module")
def standins(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("standins")
    for name, text in STANDINS.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_text(text)
    return folder


def _env(extra_path: Path | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if extra_path is not None:
        env["PYTHONPATH"] = str(extra_path)
    return env


def _start(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _finish(proc: subprocess.Popen) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err


def run_book(*args: str, cwd: Path, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    return _finish(_start([sys.executable, str(MAIN), "book", *args], cwd, env or _env()))


@pytest.fixture(scope="module")
def both_outputs(standins, tmp_path_factory) -> tuple[dict, dict]:
    """{script: [exit code, output]} from the book's DeZero and from this engine."""
    names = [str(p) for p in SCRIPTS]
    cwd = tmp_path_factory.mktemp("book_runs")
    theirs = _start([sys.executable, "-c", REFERENCE_DRIVER, *names], cwd, _env(standins))
    ours = _start([sys.executable, "-c", OUR_DRIVER, str(ROOT), *names], cwd, _env())
    results = []
    for proc in (theirs, ours):
        code, out, err = _finish(proc)
        assert code == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results[0], results[1]


@needs_dezero
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_a_book_script_prints_the_same_on_this_engine_as_on_the_books_dezero(script, both_outputs):
    theirs, ours = (outputs[str(script)] for outputs in both_outputs)
    assert theirs[0] == 0, "the script fails on the book's DeZero"
    assert ours[0] == 0
    assert theirs[1].strip(), "the script printed nothing"
    assert ours[1] == theirs[1]


@needs_dezero
def test_a_book_script_run_alone_from_the_command_line_prints_the_same(standins, tmp_path):
    script = str(ROOT / "tests" / "book_scripts" / "step47_softmax.py")
    theirs = _start([sys.executable, "-c", REFERENCE_DRIVER, script], tmp_path, _env(standins))
    code, out, err = run_book(script, cwd=tmp_path)
    ref_code, ref_out, ref_err = _finish(theirs)
    assert code == 0 and ref_code == 0, err + ref_err
    assert out == json.loads(ref_out)[script][1]


def test_scripts_cover_every_book_step_with_code_from_23_to_47():
    steps = {int(p.stem[4:6]) for p in SCRIPTS}
    # The book's steps 25, 30, 31 and 32 have no code of their own to run.
    assert steps >= {23, 24, 26, 27, 28, 29, 33, 34, 36, *range(37, 48)}


# =============================================================================
# how the runner runs a script (no dezero needed)
# =============================================================================


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_dezero_is_this_engine_even_beside_the_books_own_dezero_folder(tmp_path):
    # The book's layout: steps/stepNN.py appends its parent, which holds dezero/.
    _write(tmp_path / "dezero" / "__init__.py", "raise SystemExit('the wrong dezero')\n")
    _write(
        tmp_path / "steps" / "step99.py",
        "import os, sys\n"
        "sys.path.append(os.path.join(os.path.dirname(__file__), '..'))\n"
        "import dezero, dezero.functions as F, dezero.layers, dezero.models\n"
        "from dezero.optimizers import SGD\n"
        "from dezero.utils import gradient_check\n"
        "print(dezero.Variable.__module__, F.__name__, dezero.layers.Linear.__module__)\n"
        "print(dezero.functions is F, dezero.models.MLP.__module__, SGD.__module__)\n",
    )
    code, out, err = run_book("steps/step99.py", cwd=tmp_path)
    assert code == 0, err
    assert out.splitlines() == [
        "engine.core engine.functions engine.layers",
        "True engine.models engine.optimizers",
    ]


def test_the_script_runs_as_main_with_its_arguments_and_its_folder_first_on_the_path(tmp_path):
    _write(
        tmp_path / "sub" / "show.py",
        "import os, sys\n"
        "print(__name__, sys.argv[1:])\n"
        "print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))\n"
        "import helper\n"  # a module beside the script, as with `python show.py`
        "print(helper.VALUE)\n",
    )
    _write(tmp_path / "sub" / "helper.py", "VALUE = 42\n")
    code, out, err = run_book("sub/show.py", "--lr", "0.1", "x", cwd=tmp_path)
    assert code == 0, err
    assert out.splitlines() == ["__main__ ['--lr', '0.1', 'x']", "True", "42"]


def test_an_error_in_the_script_shows_its_traceback_from_the_script_and_exits_1(tmp_path):
    _write(tmp_path / "bad.py", "print('before')\n\ndef f():\n    return 1 / 0\n\nf()\n")
    code, out, err = run_book("bad.py", cwd=tmp_path)
    assert code == 1
    assert out == "before\n"
    lines = err.strip().splitlines()
    assert lines[0] == "Traceback (most recent call last):"
    assert "bad.py" in lines[1] and "line 6" in lines[1]
    assert lines[-1] == "ZeroDivisionError: division by zero"
    assert "runpy" not in err and "book_runner" not in err


def test_the_scripts_exit_code_is_the_runs_exit_code(tmp_path):
    _write(tmp_path / "quit.py", "import sys\nsys.exit(3)\n")
    assert run_book("quit.py", cwd=tmp_path)[0] == 3


def test_a_missing_script_is_a_one_line_error_with_exit_2(tmp_path):
    code, out, err = run_book("nowhere.py", cwd=tmp_path)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and "nowhere.py" in err
    code, _, err = run_book(cwd=tmp_path)
    assert code == 2 and err.startswith("error: ")


def test_a_dezero_module_beyond_this_engine_says_which_step_brings_it(tmp_path):
    _write(tmp_path / "spiral.py", "import dezero.datasets\n")
    code, _, err = run_book("spiral.py", cwd=tmp_path)
    assert code == 1
    assert "dezero.datasets is not part of this engine" in err and "step 48" in err


def test_core_simple_gives_gradients_as_arrays_so_step_28s_update_works(tmp_path):
    _write(
        tmp_path / "simple.py",
        "import numpy as np\n"
        "from dezero.core_simple import Variable, setup_variable\n"
        "setup_variable()\n"
        "x = Variable(np.array(3.0))\n"
        "y = x ** 2\n"
        "y.backward()\n"
        "print(type(x.grad).__name__, x.grad)\n"
        "x.data -= 0.1 * x.grad\n"
        "print(x)\n",
    )
    code, out, err = run_book("simple.py", cwd=tmp_path)
    assert code == 0, err
    assert out.splitlines() == ["ndarray 6.0", "variable(2.4)"]


def test_the_full_core_keeps_variable_gradients_and_explains_the_steps_28_mistake(tmp_path):
    _write(
        tmp_path / "mistake.py",
        "import numpy as np\n"
        "from dezero import Variable\n"
        "x = Variable(np.array(3.0))\n"
        "(x ** 2).backward()\n"
        "print(type(x.grad).__name__)\n"
        "x.data -= 0.1 * x.grad\n",
    )
    code, out, err = run_book("mistake.py", cwd=tmp_path)
    assert code == 1
    assert out == "Variable\n"
    assert err.strip().splitlines()[-1].startswith("TypeError: Variable.data must be")
    assert "x.grad.data" in err


def test_plot_dot_graph_writes_the_dot_text_and_says_so_without_graphviz(tmp_path):
    _write(
        tmp_path / "plot.py",
        "import numpy as np\n"
        "from dezero import Variable\n"
        "from dezero.utils import plot_dot_graph\n"
        "x = Variable(np.array(1.0), name='x')\n"
        "y = x * 2 + x\n"
        "y.name = 'y'\n"
        "plot_dot_graph(y, verbose=False, to_file='graph.png')\n",
    )
    env = _env()
    env["PATH"] = str(tmp_path / "no-programs-here")  # no Graphviz
    code, out, err = run_book("plot.py", cwd=tmp_path, env=env)
    assert code == 0, err
    dot = (tmp_path / "graph.dot").read_text()
    assert dot.startswith("digraph g {") and 'label="x"' in dot and 'label="y"' in dot
    assert "graph.dot" in err and "dot program was not found" in err


def test_run_script_leaves_the_interpreter_as_it_found_it(tmp_path, monkeypatch):
    from engine import Config
    from tutor import book_runner

    _write(tmp_path / "s.py", "from dezero.core_simple import setup_variable\nsetup_variable()\n")
    meta_path, path, argv = list(sys.meta_path), list(sys.path), list(sys.argv)
    assert book_runner.run_script(str(tmp_path / "s.py"), ["a"]) == 0
    assert sys.meta_path == meta_path and sys.path == path and sys.argv == argv
    assert not any(name == "dezero" or name.startswith("dezero.") for name in sys.modules)
    assert Config.grads_as_variables is True
