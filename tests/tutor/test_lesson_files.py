"""Lesson folders: the format of docs/lessons.md, and one clear message for every broken one.

The example lesson in docs/lessons.md is extracted and loaded, so the document stays
true; then each broken variant of it is refused with a message that names the file,
the line and the problem.
"""

from __future__ import annotations

import math
import os
import re
import shutil
from pathlib import Path

import pytest

from tutor.lessons import (
    DEMOS,
    SWITCHES,
    VIEWS,
    Catalogue,
    DemoAnswer,
    FormulaAnswer,
    LessonError,
    answer,
    builtin_lessons,
    load_lesson,
    parse_quantity,
)
from tutor.lessons.catalog import CONTENT
from tutor.lessons.loader import MAX_FILE_BYTES
from tutor.session import Session

pytestmark = pytest.mark.usefixtures("config_left_alone")  # tests/conftest.py

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "lessons.md"
DOC_TEXT = DOC.read_text(encoding="utf-8")


def doc_example_files() -> dict[str, str]:
    """The files of the complete example: fenced blocks whose info string names a file."""
    blocks = re.findall(r"^```\w+ ([\w.]+)\n(.*?)^```$", DOC_TEXT, re.S | re.M)
    return dict(blocks)


@pytest.fixture
def example(tmp_path) -> Path:
    """The documentation's example lesson, written to ``tmp_path/chain-rule``."""
    folder = tmp_path / "chain-rule"
    folder.mkdir()
    for name, text in doc_example_files().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- the documented example -------------------------------------------------------------


def test_the_documentation_holds_a_complete_example_of_three_files():
    assert sorted(doc_example_files()) == ["en.md", "ko.md", "lesson.toml"]


def test_the_documented_example_loads_and_the_engine_answers_its_questions(example):
    lesson = load_lesson(example)
    assert lesson.id == "chain-rule" and not lesson.builtin
    assert lesson.title.get("ko") == "연쇄 법칙 다시 보기"
    assert lesson.switches == ("overwrite_grad",)
    answers = {q.id: answer(q) for q in lesson.questions}
    # By hand: f = sin(x²), f′ = 2x·cos(x²), f″ = 2cos(x²) − 4x²·sin(x²), at x = 1.
    assert answers["value"] == pytest.approx(math.sin(1.0), rel=1e-12)
    assert answers["slope"] == pytest.approx(2 * math.cos(1.0), rel=1e-12)
    assert answers["bend"] == pytest.approx(2 * math.cos(1.0) - 4 * math.sin(1.0), rel=1e-12)
    # The book's step 9: backprop through square(exp(square(x))) at 0.5.
    assert answers["backprop"] == pytest.approx(3.297442541400256, rel=1e-12)
    # Overwriting: Mul hands x·gy to each input; only the last one is kept: 3, not 6.
    assert answers["overwritten"] == 3.0
    assert lesson.question("bend").rel_tol == 0.01
    assert lesson.question("backprop").source == DemoAnswer("variables-functions", 3, 1)


def test_the_documented_example_loads_into_the_window_as_a_session(example):
    lesson = load_lesson(example)
    session = Session.from_dict(lesson.preset)
    result = session.evaluate()
    assert session.expression_text == "sin(x^2)"
    assert session.variables["x"].min == -3.0 and session.variables["x"].step == 0.01
    assert session.curves == ["f", "df", "d2f"]
    assert result.grads["x"] == pytest.approx(2 * math.cos(1.0), rel=1e-12)
    assert session.panels["lesson"] == {"lesson": "chain-rule"}


def test_the_documentation_lists_every_demo_switch_and_view():
    for demo_id in DEMOS:
        assert f"| `{demo_id}`" in DOC_TEXT, demo_id
    for switch_id, switch in SWITCHES.items():
        assert f"| `{switch_id}`" in DOC_TEXT and f"| {switch.book_step} |" in DOC_TEXT
    for view in VIEWS:
        assert f"`view:{view}`" in DOC_TEXT, view


# -- quantities --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, parsed",
    [
        ("f", (0, None)),
        ("df/dx", (1, "x")),
        ("df/dx0", (1, "x0")),
        ("d2f/dx2", (2, "x")),
        ("d2f/dx^2", (2, "x")),
        ("d2f/dx22", (2, "x2")),
        ("d2f / dθ2", (2, "θ")),
        ("f'", None),
        ("df", None),
        ("d3f/dx3", None),
        ("df/d", None),
    ],
)
def test_a_quantity_is_f_or_a_first_or_second_derivative(text, parsed):
    assert parse_quantity(text) == parsed


def test_formula_answers_are_the_evaluations_own_numbers(tmp_path, example):
    lesson = load_lesson(example)
    slope = lesson.question("slope").source
    assert isinstance(slope, FormulaAnswer) and slope.point == (("x", 1.0),)
    assert slope.quantity == "df/dx"
    # Against central differences of the same function, independent of the engine.
    h = 1e-6
    numeric = (math.sin((1 + h) ** 2) - math.sin((1 - h) ** 2)) / (2 * h)
    assert answer(lesson.question("slope")) == pytest.approx(numeric, rel=1e-8)


# -- broken folders: one message each ---------------------------------------------------


def _replace(name: str, old: str, new: str):
    def mutate(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return mutate


def _link_outside(folder: Path) -> None:
    outside = folder.parent / "outside.md"
    outside.write_text("Anything at all.\n", encoding="utf-8")
    (folder / "ko.md").unlink()
    (folder / "ko.md").symlink_to(outside)


def _directory_instead_of_toml(folder: Path) -> None:
    (folder / "lesson.toml").unlink()
    (folder / "lesson.toml").mkdir()


# (what is broken, how, the file named, the line (or None), words of the message, the
# message appears verbatim in docs/lessons.md)
BROKEN = [
    ("missing-language", lambda f: (f / "ko.md").unlink(), "ko.md", None, "is missing", True),
    ("missing-metadata", lambda f: (f / "lesson.toml").unlink(), "lesson.toml", None,
     "is missing", False),
    ("metadata-not-a-file", _directory_instead_of_toml, "lesson.toml", None, "is not a file",
     False),
    ("malformed-toml", _replace("lesson.toml", "number = 9", "number 9"), "lesson.toml", 3,
     "is not valid TOML", True),
    ("unclosed-string", _replace("lesson.toml", 'once more"', "once more"), "lesson.toml", 9,
     "is not valid TOML", False),
    ("unknown-key", _replace("lesson.toml", "[title]", "[titel]"), "lesson.toml", 8,
     "unknown key 'titel' in the top level (did you mean 'title'?)", True),
    ("unknown-key-in-a-variable", _replace("lesson.toml", "value = 1.0, min", "vaule = 1.0, min"),
     "lesson.toml", 15, "unknown key 'vaule' in example.variables[1] (did you mean 'value'?)",
     False),
    ("unknown-switch",
     _replace("lesson.toml", 'switches = ["overwrite_grad"]    #', 'switches = ["plain_stak"] #'),
     "lesson.toml", 6, "unknown teaching switch 'plain_stak' (did you mean 'plain_stack'?)",
     True),
    ("unknown-demo", _replace("lesson.toml", '"variables-functions"', '"os.system"'),
     "lesson.toml", 5, "unknown demo 'os.system': a lesson can only name a built-in demo", True),
    ("formula-does-not-parse",
     _replace("lesson.toml", 'formula = "sin(x^2)"\nat', 'formula = "sin(x^"\nat'),
     "lesson.toml", 36, "questions[3].formula: the formula 'sin(x^' does not parse", False),
    ("example-does-not-parse", _replace("lesson.toml", 'formula = "sin(x^2)"\ncurves',
                                        'formula = "sin x"\ncurves'),
     "lesson.toml", 13, "example.formula: the formula 'sin x' does not parse", False),
    ("demo-line-that-does-not-exist", _replace("lesson.toml", "line = 3", "line = 9"),
     "lesson.toml", 46,
     "questions[4].line: the demo 'variables-functions' prints 3 lines, so there is no line 9",
     True),
    ("demo-item-that-does-not-exist", _replace("lesson.toml", "item = 1", "item = 2"),
     "lesson.toml", 47, "has 1 item(s), so there is no item 2", False),
    ("switch-the-lesson-does-not-offer",
     _replace("lesson.toml", 'switches = ["overwrite_grad"]\nprompt',
              'switches = ["plain_stack"]\nprompt'),
     "lesson.toml", 57, "the teaching switch 'plain_stack' is not offered by this lesson", False),
    ("quantity-of-a-variable-not-in-the-formula",
     _replace("lesson.toml", 'quantity = "d2f/dx2"', 'quantity = "d2f/dy2"'),
     "lesson.toml", 38, "the formula 'sin(x^2)' has no variable 'y'", False),
    ("quantity-that-is-not-one", _replace("lesson.toml", 'quantity = "d2f/dx2"', 'quantity = "dx"'),
     "lesson.toml", 38, "'dx' is not a quantity", False),
    ("point-without-a-variable",
     _replace("lesson.toml", 'formula = "x*x"', 'formula = "x*y"'),
     "lesson.toml", 55, "questions[5].at: no value for y", False),
    ("point-with-a-stranger",
     _replace("lesson.toml", "at = { x = 3.0 }", "at = { x = 3.0, z = 1 }"), "lesson.toml", 55,
     "unknown key 'z' in questions[5].at", False),
    ("answer-not-finite",
     _replace("lesson.toml", 'quantity = "f"', 'formula = "log(x - 2)"\nquantity = "f"'),
     "lesson.toml", 23, "f of 'log(x - 2)' at x = 1 is nan, not a finite number", False),
    ("both-kinds-of-answer",
     _replace("lesson.toml", 'quantity = "f"\n', 'quantity = "f"\nline = 2\n'), "lesson.toml", 20,
     "has both 'line'", False),
    ("no-answer", _replace("lesson.toml", 'quantity = "f"\n', ""), "lesson.toml", 20,
     "needs either 'line'", False),
    ("two-questions-one-id", _replace("lesson.toml", 'id = "slope"', 'id = "value"'),
     "lesson.toml", 27, "two questions have the id 'value'", False),
    ("title-without-korean", _replace("lesson.toml", 'ko = "연쇄 법칙 다시 보기"\n', ""),
     "lesson.toml", 8, "title: the text in 'ko' is missing", False),
    ("true-is-not-a-number", _replace("lesson.toml", "number = 9", "number = true"),
     "lesson.toml", 3, "number: must be a whole number, not true/false", False),
    ("value-outside-its-range", _replace("lesson.toml", "value = 1.0, min", "value = 7.0, min"),
     "lesson.toml", 15, "the value 7 of 'x' is outside -3…3", False),
    ("unknown-curve", _replace("lesson.toml", '"d2f"]', '"d3f"]'), "lesson.toml", 14,
     "unknown curve 'd3f'", False),
    ("bad-id", _replace("lesson.toml", 'id = "chain-rule"', 'id = "Chain Rule"'),
     "lesson.toml", 2, "'Chain Rule' is not a valid id", False),
    ("unknown-view", _replace("en.md", "view:graph", "view:grpah"), "en.md", 12,
     "unknown view 'grpah' (did you mean 'graph'?)", True),
    ("link-to-a-file", _replace("ko.md", "https://ko.wikipedia.org/wiki/연쇄_법칙",
                                "file:///etc/passwd"),
     "ko.md", 15, "the link 'file:///etc/passwd' goes nowhere", False),
    ("image", _replace("en.md", "## Where", "![a graph](graph.png)\n\n## Where"), "en.md", 10,
     "images are not supported", False),
    ("not-utf8", lambda f: (f / "en.md").write_bytes("Fine.\nNa\xefve.\n".encode("latin-1")),
     "en.md", 2, "is not UTF-8 text", False),
    ("empty-text", lambda f: (f / "en.md").write_text(" \n\n", encoding="utf-8"), "en.md", None,
     "is empty", False),
    ("file-too-big", lambda f: (f / "ko.md").write_text("가" * MAX_FILE_BYTES, encoding="utf-8"),
     "ko.md", None, "is too big", False),
    ("symlink-leaving-the-folder", _link_outside, "ko.md", None, "outside the lesson folder",
     False),
]  # fmt: skip


@pytest.mark.parametrize(
    "mutate, file, line, words, documented",
    [case[1:] for case in BROKEN],
    ids=[case[0] for case in BROKEN],
)
def test_a_broken_lesson_folder_is_refused_with_one_message(
    example, mutate, file, line, words, documented
):
    if file == "ko.md" and mutate is _link_outside and not hasattr(os, "symlink"):
        pytest.skip("no symbolic links here")
    mutate(example)
    with pytest.raises(LessonError) as caught:
        load_lesson(example)
    error = caught.value
    message = str(error)
    assert error.path.name == file
    assert error.line == line, message
    assert message.startswith(f"chain-rule/{file}" + (f", line {line}: " if line else ": "))
    assert words in message
    assert "\n" not in message  # one message, one line
    if documented:
        assert message in DOC_TEXT  # the documentation shows real messages


def test_a_symlink_inside_the_folder_is_fine(example):
    (example / "ko.md").rename(example / "korean.md")
    (example / "ko.md").symlink_to(example / "korean.md")
    assert load_lesson(example).text.get("ko").startswith("f(x) = sin(x²)")


def test_links_inside_code_are_not_links(example):
    _replace("en.md", "## Where", "Write `[text](file:anything)` in code.\n\n## Where")(example)
    assert "file:anything" in load_lesson(example).text.get("en")


def test_a_path_that_is_not_a_folder_is_refused(tmp_path):
    with pytest.raises(LessonError, match="is not a folder"):
        load_lesson(tmp_path / "nowhere")


def test_nothing_in_a_lesson_folder_is_ever_executed(example, tmp_path):
    marker = tmp_path / "ran"
    code = f"open({str(marker)!r}, 'w').write('ran')\n"
    for name in ("__init__.py", "demos.py", "lesson.py", "conftest.py"):
        (example / name).write_text(code, encoding="utf-8")
    python = "__import__('os').system('touch ran')"
    _replace("lesson.toml", 'formula = "x*x"', f'formula = "{python}"')(example)
    with pytest.raises(LessonError, match="does not parse"):
        load_lesson(example)
    _replace("lesson.toml", f'formula = "{python}"', 'formula = "x*x"')(example)
    load_lesson(example)  # the .py files in the folder are simply not read
    assert not marker.exists()


# -- the catalogue -----------------------------------------------------------------------


def test_every_built_in_lesson_is_a_folder_of_data_under_content():
    folders = sorted(p for p in CONTENT.iterdir() if p.is_dir())
    assert [lesson.folder for lesson in builtin_lessons()] == folders
    for lesson in builtin_lessons():
        assert lesson.builtin
        assert lesson.folder.name == f"{lesson.number:02d}-{lesson.id}"
        assert {p.name for p in lesson.folder.iterdir()} == {"lesson.toml", "en.md", "ko.md"}


@pytest.mark.parametrize("lesson", builtin_lessons(), ids=lambda lesson: lesson.id)
def test_every_built_in_lesson_passes_the_checks_of_a_folder_from_outside(lesson):
    # Built-in lessons skip computing their answers when the window starts; here they
    # get every check an opened folder gets, answers included.
    again = load_lesson(lesson.folder)
    assert not again.builtin
    assert [answer(q) for q in again.questions] == [answer(q) for q in lesson.questions]


def test_no_lesson_text_is_left_in_python_files():
    hangul = re.compile("[\uac00-\ud7a3]")
    for path in (ROOT / "tutor" / "lessons").rglob("*.py"):
        assert not hangul.search(path.read_text(encoding="utf-8")), path


def test_an_opened_lesson_joins_the_catalogue_and_replaces_its_older_version(example):
    catalogue = Catalogue()
    builtins = len(catalogue)
    index = catalogue.open_folder(example)
    assert index == builtins and catalogue[index].id == "chain-rule"
    _replace("lesson.toml", "The chain rule, once more", "The chain rule, edited")(example)
    assert catalogue.open_folder(example) == index  # opened again after editing
    assert catalogue[index].title.get("en") == "The chain rule, edited"
    assert len(catalogue) == builtins + 1
    assert catalogue.read_panel_state({"lesson": "chain-rule", "switches": ["overwrite_grad"]}) == (
        "chain-rule",
        {"overwrite_grad"},
    )
    assert Catalogue().read_panel_state({"lesson": "chain-rule"}) == (None, frozenset())


def test_an_opened_lesson_cannot_take_a_built_in_lessons_id(example):
    _replace("lesson.toml", 'id = "chain-rule"', 'id = "reuse"')(example)
    catalogue = Catalogue()
    before = list(catalogue)
    with pytest.raises(LessonError, match="belongs to a built-in lesson") as caught:
        catalogue.open_folder(example)
    assert str(caught.value).startswith("chain-rule/lesson.toml: ")
    assert list(catalogue) == before


def test_a_broken_folder_leaves_the_catalogue_as_it_was(example, tmp_path):
    catalogue = Catalogue()
    catalogue.open_folder(example)
    before = list(catalogue)
    broken = tmp_path / "broken"
    shutil.copytree(example, broken)
    (broken / "en.md").unlink()
    with pytest.raises(LessonError, match="en.md: is missing"):
        catalogue.open_folder(broken)
    assert list(catalogue) == before
