"""Exports: every format says the same numbers the app shows, and a failed export
leaves no file behind."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

from tutor.export import ExportError, export_bytes, export_session, result_lines
from tutor.session import Session, VariableSpec

SVG_NS = "{http://www.w3.org/2000/svg}"


def make_session(expression: str = "sin(x) * x^2 + y", **values: float) -> Session:
    s = Session(expression)
    for name, value in values.items():
        s.set_value(name, value)
    return s


SESSIONS = {
    "default": lambda: make_session(x=1.5, y=0.5),
    "unicode name": lambda: make_session("θ^3 - 2θ + exp(-θ)", θ=0.3),
    "nan and inf": lambda: make_session("log(x) + 1/y", x=-1.0, y=0.0),
    "unused variable": lambda: _with_unused(),
    "constant": lambda: make_session("2^10 + pi"),
}


def _with_unused() -> Session:
    s = make_session("x * x", x=-2.25)
    s.add_variable(VariableSpec("k", 3.0, 0.0, 10.0, 0.5))
    return s


def app_numbers(session: Session) -> dict[str, float]:
    """What the app shows, from Session.evaluate: f and df/d<name> for every variable."""
    r = session.evaluate(sweep=False)
    numbers = {"f": r.value}
    numbers.update({f"df/d{n}": r.grads.get(n, 0.0) for n in sorted(session.variables)})
    return numbers


def parse_lines(lines: list[str]) -> dict[str, float]:
    pairs = [line.split(" = ") for line in lines]
    assert all(len(p) == 2 for p in pairs), lines
    return {key: float(value) for key, value in pairs}


def assert_same_numbers(lines: list[str], session: Session) -> None:
    """Exactly the app's numbers (nan where the app has nan), in the app's order."""
    got, expected = parse_lines(lines), app_numbers(session)
    assert list(got) == list(expected)
    for key, value in expected.items():
        assert got[key] == value or (math.isnan(got[key]) and math.isnan(value)), key


def run_python(*args, cwd=None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# -- the Python script ------------------------------------------------------------


@pytest.mark.parametrize("key", list(SESSIONS))
def test_exported_script_prints_the_apps_numbers(key, tmp_path):
    session = SESSIONS[key]()
    script = tmp_path / "deep" / "session.py"
    script.parent.mkdir()
    export_session(script, session)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    lines = run_python(script, cwd=elsewhere).splitlines()
    assert lines == result_lines(session)
    assert_same_numbers(lines, session)


@pytest.mark.parametrize("key", ["default", "unicode name", "unused variable"])
def test_exported_script_prints_what_main_py_eval_prints(key, tmp_path):
    session = SESSIONS[key]()
    script = tmp_path / "session.py"
    export_session(script, session)
    used = session.expression.variables  # eval refuses a name the formula does not use
    assignments = [f"{n}={s.value!r}" for n, s in session.variables.items() if n in used]
    main_py = Path(__file__).resolve().parents[2] / "main.py"
    evaluated = run_python(main_py, "eval", session.expression_text, *assignments, cwd=tmp_path)
    printed = run_python(script, cwd=tmp_path).splitlines()
    # the script also lists the session's unused variables, whose derivative is 0
    unused = [f"df/d{n} = 0" for n in sorted(session.variables) if n not in used]
    assert [line for line in printed if line not in unused] == evaluated.splitlines()
    assert all(line in printed for line in unused)


def test_exported_script_matches_hand_computed_values(tmp_path):
    x, y = 1.5, 0.5
    script = tmp_path / "s.py"
    export_session(script, make_session(x=x, y=y))
    values = dict(line.split(" = ") for line in run_python(script).splitlines())
    assert set(values) == {"f", "df/dx", "df/dy"}
    assert math.isclose(float(values["f"]), math.sin(x) * x**2 + y, rel_tol=1e-14)
    expected_dx = math.cos(x) * x**2 + math.sin(x) * 2 * x
    assert math.isclose(float(values["df/dx"]), expected_dx, rel_tol=1e-14)
    assert values["df/dy"] == "1"  # whole numbers print plainly, as `main.py eval` does


def test_script_writes_the_formula_as_engine_code():
    source = export_bytes(make_session(x=1.5, y=0.5), ".py").decode()
    assert "f = F.sin(x) * x ** 2 + y" in source
    assert "x = Variable(np.array(1.5), name='x')" in source


@pytest.mark.parametrize(
    "text, code",
    [
        ("sin(x) * x^2 + y", "F.sin(x) * x ** 2 + y"),
        ("-x^2", "-x ** 2"),  # both languages: the power binds tighter than the minus
        ("(-x)^3", "(-x) ** 3"),
        ("x^2^3", "x ** 8"),  # a constant exponent is one number, as build computes it
        ("x^-1", "x ** (-1)"),
        ("x-(y-x)", "x - (y - x)"),
        ("x+(y+x)", "x + (y + x)"),  # kept: floating-point addition is not associative
        ("2^x", "2 ** x"),
        ("1/2x", "1.0 / 2.0 * x"),  # (1/2)·x: constants in floating point, as in the engine
        ("3(x+1)", "3 * (x + 1)"),
    ],
)
def test_formula_code_is_the_formula_in_python(text, code):
    from tutor.export import formula_code, python_names
    from tutor.formula import parse

    expr = parse(text)
    assert formula_code(expr, python_names(expr.variables)) == code


def test_variable_names_that_are_python_keywords_or_builtins_are_renamed():
    from tutor.export import python_names

    names = python_names(["lambda", "print", "__import__", "ℌ", "H", "θ", "x"])
    assert names["θ"] == "θ" and names["x"] == "x" and names["H"] == "H"
    renamed = [names[n] for n in ("lambda", "print", "__import__", "ℌ")]
    assert all(n.startswith("v_") for n in renamed)  # ℌ: Python would read it as H
    assert len(set(names.values())) == len(names)


TRICKY = {
    "keywords and builtins": (
        "lambda * x + print - __import__",
        {"lambda": 2.0, "x": 3.0, "print": 0.5, "__import__": 1.25},
    ),
    "NFKC twins": ("ℌ^2 + H", {"ℌ": 1.5, "H": -2.0}),
    "constant exponents": ("x^(1/2) + x^-1 + x^(2*pi) + x^sin(1) + x^2^3", {"x": 1.7}),
    "general powers": ("2^x + x^x + (-x)^3 - -x^2", {"x": 0.6}),
    "big numbers": ("1e20*1e20 + 3^50 + x", {"x": 1.0}),
    "no variable": ("2^10 + pi", {}),
    "pole": ("1/x + log(x)", {"x": 0.0}),
    "kinks": ("relu(x) + abs(x - 1) + sqrt(x^2 + 1)", {"x": 0.0}),
}


@pytest.mark.parametrize("key", list(TRICKY))
def test_exported_script_runs_isolated_and_prints_the_apps_lines(key, tmp_path):
    # `python -I` ignores PYTHONPATH, the user's site-packages and the current folder:
    # the only engine it can find is the autodiff_engine.py exported beside the script.
    text, values = TRICKY[key]
    session = make_session(text, **values)
    folder = tmp_path / "only-the-export"
    folder.mkdir()
    export_session(folder / "session.py", session)
    assert sorted(p.name for p in folder.iterdir()) == ["autodiff_engine.py", "session.py"]
    for path in folder.iterdir():
        source = path.read_text(encoding="utf-8")
        assert str(Path(__file__).resolve().parents[2]) not in source  # no path of ours
        for app_import in ("import tutor", "from tutor", "import engine", "from engine", "gui"):
            assert app_import not in source
    printed = run_python("-I", folder / "session.py", cwd=tmp_path).splitlines()
    assert printed == result_lines(session)
    assert_same_numbers(printed, session)


def test_engine_module_is_the_engines_own_source():
    # generated from engine/core.py and engine/functions.py, not a copy kept by hand
    from tutor.engine_module import engine_module_source

    root = Path(__file__).resolve().parents[2] / "engine"
    module = engine_module_source()
    for name in ("core.py", "functions.py"):
        for line in (root / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("from engine"):
                assert line not in module
            elif "max(" not in line:
                assert line in module, line
    assert "builtins.max([x.generation" in module  # core's max, not functions.py's


def test_a_script_named_like_the_engine_is_refused(tmp_path):
    with pytest.raises(ExportError, match="autodiff_engine.py"):
        export_session(tmp_path / "autodiff_engine.py", make_session())
    assert list(tmp_path.iterdir()) == []


# -- the notebook -------------------------------------------------------------------


def run_notebook_cells(nb) -> str:
    """Exec every code cell in order in one namespace (our own output, in a test), in
    the current folder. A ``%%writefile NAME`` cell writes its body to NAME, as Jupyter
    does."""
    namespace: dict = {"__name__": "__notebook__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            first, _, body = cell.source.partition("\n")
            if first.startswith("%%writefile "):
                Path(first.split(None, 1)[1]).write_text(body, encoding="utf-8")
                continue
            exec(compile(cell.source, f"<cell {cell.id}>", "exec"), namespace)  # noqa: S102
    return out.getvalue(), namespace


@pytest.mark.parametrize("key", list(SESSIONS))
def test_notebook_is_nbformat4_and_its_cells_give_the_apps_numbers(key, tmp_path, monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    session = SESSIONS[key]()
    path = tmp_path / "session.ipynb"
    export_session(path, session)
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    kinds = [c.cell_type for c in nb.cells]
    assert kinds[0] == "markdown" and "code" in kinds
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert first_code.source.startswith("%%writefile autodiff_engine.py\n")
    assert "class Variable" in first_code.source  # the engine travels in the notebook
    assert str(Path(__file__).resolve().parents[2]) not in path.read_text(encoding="utf-8")
    assert "tutor.formula" not in path.read_text(encoding="utf-8")

    monkeypatch.chdir(tmp_path)
    # only the folder holding the notebook (where its first cell writes the engine)
    monkeypatch.setattr(
        sys,
        "path",
        [str(tmp_path), *(p for p in sys.path if "site-packages" in p or "lib/python" in p)],
    )
    for name in [m for m in sys.modules if m == "autodiff_engine"]:
        monkeypatch.delitem(sys.modules, name)
    printed, namespace = run_notebook_cells(nb)
    lines = [ln for ln in printed.splitlines() if ln.startswith(("f = ", "df/d"))]
    assert lines == result_lines(session)
    assert_same_numbers(lines, session)
    result = session.evaluate()
    if result.sweep_variable in session.used_variables():
        np.testing.assert_array_equal(namespace["f_curve"], result.f)
        np.testing.assert_array_equal(namespace["df_curve"], result.df)


def test_notebook_plot_cell_skips_gracefully_without_matplotlib(tmp_path, monkeypatch):
    nb = nbformat.reads(export_bytes(make_session(x=1.0), ".ipynb").decode(), as_version=4)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    printed, _ = run_notebook_cells(nb)
    assert "matplotlib is not installed: skipping the plot" in printed


# -- CSV and DOT ----------------------------------------------------------------------


def test_csv_has_a_header_and_every_sweep_point(tmp_path):
    session = make_session("log(x) * y", x=2.0, y=3.0)
    path = tmp_path / "sweep.csv"
    export_session(path, session)
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["x", "f", "df/dx", "d2f/dx2"]
    body = np.array([[float(v) for v in row] for row in rows[1:]])
    assert body.shape == (2000, 4)
    r = session.evaluate()
    for column, expected in zip(body.T, (r.x, r.f, r.df, r.d2f), strict=True):
        np.testing.assert_array_equal(column, expected)  # nan where log(x<=0)
    assert np.isnan(body[0, 1])  # log(-5)


def test_dot_names_values_and_gradients():
    text = export_bytes(make_session("x * y", x=2.0, y=3.0), ".dot").decode()
    assert text.startswith("digraph")
    assert text.rstrip().endswith("}")
    assert "value 2" in text and "grad 3" in text  # x: value 2, ∂f/∂x = y = 3
    assert "value 6" in text  # f


def test_json_export_is_the_session_file():
    session = make_session(x=0.25)
    again = Session.from_json(export_bytes(session, ".json"))
    assert again.to_dict() == session.to_dict()


# -- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["out.txt", "out", "out.PDF"])
def test_unknown_suffix_is_one_clear_line_and_no_file(name, tmp_path):
    with pytest.raises(ExportError) as info:
        export_session(tmp_path / name, make_session())
    message = str(info.value)
    assert "\n" not in message and "unknown export format" in message
    assert list(tmp_path.iterdir()) == []


def test_unwritable_folder_is_one_clear_line_and_no_partial_file(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(ExportError) as info:
            export_session(folder / "out.csv", make_session())
        assert "cannot write" in str(info.value) and "\n" not in str(info.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_missing_folder_and_directory_target_fail_cleanly(tmp_path):
    with pytest.raises(ExportError, match="cannot write"):
        export_session(tmp_path / "nope" / "out.py", make_session())
    (tmp_path / "afile").write_text("")
    with pytest.raises(ExportError, match="cannot write .*Not a directory"):
        export_session(tmp_path / "afile" / "out.ipynb", make_session())
    (tmp_path / "afile").unlink()
    target = tmp_path / "adir.json"
    target.mkdir()
    with pytest.raises(ExportError, match="cannot write"):
        export_session(target, make_session())
    assert [p.name for p in tmp_path.iterdir()] == ["adir.json"]
    assert list(target.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "out.json"
    path.write_text("old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ExportError, match="No space left"):
        export_session(path, make_session())
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_images_need_the_gui():
    with pytest.raises(ExportError, match="GUI"):
        export_bytes(make_session(), ".png")


def test_notebook_json_is_plain_data():
    nb = json.loads(export_bytes(make_session(), ".ipynb"))
    assert nb["nbformat"] == 4 and nb["nbformat_minor"] >= 4


# -- pictures: PNG and SVG, from the command line and from a plot -----------------------
