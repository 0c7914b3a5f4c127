"""Lessons: every number they teach comes from the engine and matches the book."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pytest

from engine import Config, Variable, using_config
from engine.functions import add, square
from tutor.lessons import (
    SWITCHES,
    TeachingSwitches,
    answer,
    builtin_lessons,
    engine_switches_on,
    is_close,
    panel_state,
    parse_prediction,
    read_panel_state,
    run_with_switches,
)

LESSONS = builtin_lessons()
LESSONS_BY_ID = {lesson.id: lesson for lesson in LESSONS}

pytestmark = pytest.mark.usefixtures("config_left_alone")  # tests/conftest.py


def _numpy_linear_regression() -> tuple[float, float, float]:
    """Book step 42 in plain numpy: the first loss, then W and b after 100 steps."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = 5 + 2 * x + np.random.rand(100, 1)
    W, b = np.zeros((1, 1)), np.zeros(1)
    first = None
    for _ in range(100):
        diff = x @ W + b - y
        loss = np.sum(diff**2) / len(diff)
        first = loss if first is None else first
        gy = 2 * diff / len(diff)
        W, b = W - 0.1 * (x.T @ gy), b - 0.1 * gy.sum(axis=0)
    return first, float(W[0, 0]), float(b[0])


def _numpy_first_network_loss() -> float:
    """Book step 43's loss at iteration 0, from its initial weights, in plain numpy."""
    np.random.seed(0)
    x = np.random.rand(100, 1)
    y = np.sin(2 * np.pi * x) + np.random.rand(100, 1)
    W1, W2 = 0.01 * np.random.randn(1, 10), 0.01 * np.random.randn(10, 1)
    h = 1 / (1 + np.exp(-(x @ W1)))
    return float(np.mean((h @ W2 - y) ** 2))


LINREG_FIRST, LINREG_W, LINREG_B = _numpy_linear_regression()

# The book's hand-worked numbers (and the ones printed in its listings), per question.
BOOK_ANSWERS = {
    "variables-functions": {
        "numerical-square": 4.000000000004,
        "backprop-composition": 3.297442541400256,
    },
    "several-inputs": {"z": 13.0, "dz-dx": 4.0, "dz-dy": 6.0},
    "reuse": {"add-x-x": 2.0, "after-cleargrad": 3.0, "without-cleargrad": 5.0},
    "generations": {"y": 32.0, "x-grad": 64.0, "x-grad-stack": 96.0},
    "memory": {"live-weak": 3.0, "live-strong": 15.0, "x0-grad": 2.0},
    "operators": {"a-grad": 2.0, "b-grad": 3.0, "cube-grad": 12.0},
    "higher-order": {"first": 24.0, "second": 44.0, "newton-step": 1.4545454545454546},
    "rosenbrock": {"dx0": -2.0, "dx1": 400.0, "x1-step": 1.6},
    "broadcast": {"x1-grad": 3.0, "sum-to": 7.0, "scalar-grad": 100.0},
    "matmul": {"w-grad-rows": 3, "w-grad-columns": 4, "y": 11.0, "w-grad": 2.0},
    "linear-regression": {"first-loss": LINREG_FIRST, "slope": LINREG_W, "intercept": LINREG_B},
    "neural-network": {"params": 31, "w2-grad-rows": 10, "first-loss": _numpy_first_network_loss()},
    # counted by hand in tests/tutor/test_lesson_why_reverse_mode.py: n(5n − 2) and 4n − 1
    "why-reverse-mode": {
        "slope": math.cos(0.5),
        "forward-passes-100": 100.0,
        "backward-passes-100": 1.0,
        "forward-ops-10": 480.0,
        "reverse-ops-100": 399.0,
    },
}


def test_there_are_at_least_eight_lessons_in_book_order():
    assert len(LESSONS) >= 8
    assert [lesson.number for lesson in LESSONS] == list(range(1, len(LESSONS) + 1))
    assert len({lesson.id for lesson in LESSONS}) == len(LESSONS)
    assert set(BOOK_ANSWERS) == {lesson.id for lesson in LESSONS}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_question_is_answered_by_the_engine_with_the_books_number(lesson):
    expected = BOOK_ANSWERS[lesson.id]
    assert {q.id for q in lesson.questions} == set(expected)
    for question in lesson.questions:
        assert answer(question) == pytest.approx(expected[question.id], rel=1e-12)


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_every_lesson_speaks_english_and_korean(lesson):
    hangul = re.compile("[\uac00-\ud7a3]")
    texts = [lesson.title, lesson.text] + [q.prompt for q in lesson.questions]
    texts += [q.hint for q in lesson.questions if q.hint is not None]
    for text in texts:
        en, ko = text.get("en"), text.get("ko")
        assert en.strip() and ko.strip() and en != ko
        assert not hangul.search(en)
        assert hangul.search(ko), ko
    for sid in lesson.switches:
        assert sid in SWITCHES


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_demo_code_is_shown_without_its_def_line_and_without_answers(lesson):
    code = lesson.code
    assert not code.startswith("def _demo")
    assert "print(" in code
    # The code is shown before the learner predicts: no expected value in comments.
    for value in BOOK_ANSWERS[lesson.id].values():
        for line in code.splitlines():
            if "#" in line:
                assert format(value, "g") not in line.split("#", 1)[1]


def test_lesson_one_numerical_and_automatic_derivatives_agree_to_seven_digits():
    run = LESSONS_BY_ID["variables-functions"].run_demo()
    numerical, automatic = run.value(1), run.value(2)
    assert numerical == pytest.approx(3.2974426293330694, rel=1e-12)  # the book's step 4
    assert automatic == pytest.approx(3.297442541400256, rel=1e-12)  # the book's step 9
    assert numerical != automatic and abs(numerical - automatic) < 1e-7


def test_lesson_four_shows_the_visit_order_by_generation():
    run = LESSONS_BY_ID["generations"].run_demo()
    assert run.lines[0] == "0 1 3"  # generations of x, a, y
    assert run.lines[3] == "Add(2) → Square(1) → Square(1) → Square(0)"
    stack = LESSONS_BY_ID["generations"].run_demo(["plain_stack"])
    assert stack.lines[3] == "Add(2) → Square(1) → Square(0) → Square(1) → Square(0)"


def test_lesson_six_prints_the_books_operator_results():
    lines = list(LESSONS_BY_ID["operators"].run_demo().lines)
    assert lines == [
        "variable(7.0)",
        "variable(2.0) variable(3.0)",
        "variable(5.0)",
        "variable([4.])",
        "variable(0.0) variable(1.0)",
        "variable(1.0) variable(1.5)",
        "variable(8.0) variable(12.0)",
    ]


def test_lesson_seven_newton_reaches_one_in_seven_steps():
    run = LESSONS_BY_ID["higher-order"].run_demo()
    xs = [run.value(line, 1) for line in range(2, len(run.lines))]
    book = [2.0, 1.4545454545454546, 1.1510467893775467, 1.0253259289766978,
            1.0009084519430513, 1.0000012353089454, 1.000000000002289, 1.0]  # fmt: skip
    assert xs == pytest.approx(book, rel=1e-12)


def test_lesson_eight_descends_towards_one_one():
    run = LESSONS_BY_ID["rosenbrock"].run_demo()
    # The book's step 28 after 1,000 iterations of lr = 0.001 from (0, 2).
    assert run.value(len(run.lines) - 1, 1) == pytest.approx(0.6837118569138317, rel=1e-9)
    assert run.value(len(run.lines) - 1, 2) == pytest.approx(0.4659526837427042, rel=1e-9)


def test_lesson_five_retain_grad_and_no_grad():
    lines = LESSONS_BY_ID["memory"].run_demo().lines
    assert lines[7] == "None None"  # y.grad, t.grad after backward(): freed
    assert lines[8] == "variable(2.0) variable(1.0)"
    assert lines[9] == "variable(1.0) variable(1.0)"  # kept with retain_grad=True
    assert lines[10] == "None"  # no creator under no_grad


# -- presets: the window shows the book's numbers ------------------------------------------

PRESET_NUMBERS = {
    # lesson: (f, {variable: ∂f/∂variable})
    "variables-functions": (math.exp(0.5), {"x": 3.297442541400256}),
    "several-inputs": (13.0, {"x": 4.0, "y": 6.0}),
    "reuse": (6.0, {"x": 2.0}),
    "generations": (32.0, {"x": 64.0}),
    "memory": (1.0, {"x": 8.0}),
    "operators": (7.0, {"a": 2.0, "b": 3.0, "c": 1.0}),
    "higher-order": (8.0, {"x": 24.0}),
    "rosenbrock": (401.0, {"x0": -2.0, "x1": 400.0}),
    "broadcast": (36.0, {"c": 3.0, "x0": 1.0, "x1": 1.0, "x2": 1.0}),
    "matmul": (11.0, {"x0": 3.0, "x1": 4.0, "w0": 1.0, "w1": 2.0}),
    "linear-regression": (65.0, {"w": -25.0, "b": -16.0}),
    "neural-network": (0.5, {"x": 0.25}),
    "why-reverse-mode": (3 * math.sin(0.5), dict.fromkeys("xyz", math.cos(0.5))),
}


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.id)
def test_preset_is_a_valid_session_that_reproduces_the_books_numbers(lesson):
    from tutor.session import Session

    session = Session.from_json(json.dumps(lesson.preset))
    result = session.evaluate(sweep=False)
    value, grads = PRESET_NUMBERS[lesson.id]
    assert result.value == pytest.approx(value, rel=1e-12)
    assert result.grads == pytest.approx(grads, rel=1e-12)
    assert session.panels["lesson"] == {"lesson": lesson.id}  # no switch is on in a preset


def test_higher_order_preset_shows_the_second_derivative():
    from tutor.session import Session

    session = Session.from_dict(LESSONS_BY_ID["higher-order"].preset)
    assert "d2f" in session.curves
    assert session.evaluate().d2f_at_point == pytest.approx(44.0)


# -- teaching switches: the wrong answer with, the right one without -------------------------


def _add_x_x() -> float:
    x = Variable(np.array(3.0))
    y = add(x, x)
    y.backward()
    return float(x.grad.data)


def _x_to_the_fourth() -> float:
    x = Variable(np.array(2.0))
    a = square(x)
    y = add(square(a), square(a))
    y.backward()
    return float(x.grad.data)


def test_overwrite_switch_gives_one_for_add_x_x_and_off_restores_two():
    assert run_with_switches(_add_x_x, ["overwrite_grad"]) == 1.0
    assert _add_x_x() == 2.0


def test_plain_stack_switch_gives_96_for_x_to_the_fourth_and_off_restores_64():
    assert run_with_switches(_x_to_the_fourth, ["plain_stack"]) == 96.0
    assert _x_to_the_fourth() == 64.0


def test_no_cleargrad_switch_gives_five_and_off_restores_three():
    reuse = LESSONS_BY_ID["reuse"]
    assert reuse.run_demo(["no_cleargrad"]).value(1) == 5.0
    assert reuse.run_demo().value(1) == 3.0


def test_strong_references_switch_keeps_every_graph_alive_until_the_collector_runs():
    memory = LESSONS_BY_ID["memory"]
    strong = memory.run_demo(["strong_refs"])
    assert [strong.value(i, 1) for i in range(5)] == [3, 6, 9, 12, 15]
    assert list(strong.lines[5:7]) == ["after del: 15", "after gc.collect(): 0"]
    weak = memory.run_demo()
    assert [weak.value(i, 1) for i in range(5)] == [3, 3, 3, 3, 3]
    assert list(weak.lines[5:7]) == ["after del: 0", "after gc.collect(): 0"]


def test_switches_reach_the_window_through_the_session_evaluation():
    from tutor.session import Session

    session = Session.from_dict(LESSONS_BY_ID["reuse"].preset)
    assert run_with_switches(session.evaluate, ["overwrite_grad"]).grads["x"] == 1.0
    assert session.evaluate().grads["x"] == 2.0


def test_run_with_switches_restores_config_even_after_an_error():
    def boom():
        assert engine_switches_on() == {"overwrite_grad", "plain_stack", "strong_refs"}
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        run_with_switches(boom, ["overwrite_grad", "plain_stack", "strong_refs"])
    assert engine_switches_on() == frozenset()


def test_unknown_switch_is_refused():
    with pytest.raises(KeyError):
        run_with_switches(_add_x_x, ["no_such_switch"])
    with pytest.raises(KeyError):
        TeachingSwitches().set("no_such_switch", True)


def test_teaching_switches_stay_on_until_turned_off_and_tell_listeners():
    switches = TeachingSwitches()
    calls = []
    switches.listeners.append(lambda: calls.append(switches.on))
    switches.set("overwrite_grad", True)
    switches.set("overwrite_grad", True)  # no change, no call
    assert Config.accumulate_grad is False
    assert _add_x_x() == 1.0
    switches.set("no_cleargrad", True)
    assert engine_switches_on() == {"overwrite_grad"}  # no_cleargrad lives in code, not Config
    switches.set_all(["plain_stack"])
    assert Config.accumulate_grad is True and Config.order_by_generation is False
    switches.all_off()
    assert engine_switches_on() == frozenset() and switches.on == frozenset()
    assert calls == [
        {"overwrite_grad"},
        {"overwrite_grad", "no_cleargrad"},
        {"overwrite_grad"},  # set_all turns switches off in name order
        frozenset(),
        {"plain_stack"},
        frozenset(),
    ]


def test_switches_nest_with_using_config():
    switches = TeachingSwitches()
    with using_config("accumulate_grad", True):
        switches.set("overwrite_grad", True)
        assert Config.accumulate_grad is False
        switches.set("overwrite_grad", False)
        assert Config.accumulate_grad is True


# -- session file state ----------------------------------------------------------------------


def test_saved_state_keeps_only_the_switches_the_lesson_offers():
    assert panel_state("reuse", ["overwrite_grad", "plain_stack"]) == {
        "lesson": "reuse",
        "switches": ["overwrite_grad"],
    }
    assert panel_state("operators", ["overwrite_grad"]) == {"lesson": "operators"}


@pytest.mark.parametrize(
    "state, expected",
    [
        ({"lesson": "reuse", "switches": ["no_cleargrad"]}, ("reuse", {"no_cleargrad"})),
        ({"lesson": "reuse", "switches": ["strong_refs"]}, ("reuse", set())),
        ({"lesson": "reuse", "switches": "no_cleargrad"}, ("reuse", set())),
        ({"lesson": "reuse", "switches": [1, None, "plain_stack"]}, ("reuse", set())),
        ({"lesson": "nope", "switches": ["no_cleargrad"]}, (None, set())),
        ({"lesson": 3}, (None, set())),
        ([], (None, set())),
        (None, (None, set())),
    ],
)
def test_reading_state_from_a_file_ignores_what_it_does_not_know(state, expected):
    lesson_id, switches = read_panel_state(state)
    assert (lesson_id, set(switches)) == expected


# -- predictions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("64", 64.0),
        (" -2.0 ", -2.0),
        ("−2", -2.0),
        ("1e-3", 1e-3),
        ("16/11", 16 / 11),
        ("3,5", 3.5),
        ("variable(64.0)", 64.0),
        (".5", 0.5),
        ("", None),
        ("abc", None),
        ("1/0", None),
        ("2**3", None),
        ("__import__('os')", None),
        ("1e999", None),
    ],
)
def test_parse_prediction(text, value):
    assert parse_prediction(text) == (pytest.approx(value) if value is not None else None)


def test_a_prediction_is_right_within_a_tolerance():
    lesson = LESSONS_BY_ID["variables-functions"]
    question = lesson.question("backprop-composition")
    expected = answer(question)
    assert is_close(3.297, expected, question)
    assert is_close(3.3, expected, question)
    assert not is_close(3.2, expected, question)
    zero_q = LESSONS_BY_ID["operators"].question("a-grad")
    assert not is_close(0.0, 2.0, zero_q)


def test_numbers_are_shown_the_way_the_engine_prints_them():
    from tutor.numbers import as_book_prints as format_number

    assert format_number(64.0) == "64.0"
    assert format_number(3) == "3"  # a count
    assert format_number(1.4545454545454546) == "1.454545455"
    assert format_number(float("inf")) == "inf"


def test_a_comment_above_the_first_line_is_part_of_the_code():
    assert LESSONS_BY_ID["memory"].code.startswith("# counts live functions")


def test_tensor_lessons_print_the_books_numbers():
    # Printed by the book's own steps 42 and 43 (iteration 0, and W, b after 100 steps).
    assert LINREG_FIRST == pytest.approx(42.296340129442335, rel=1e-12)
    assert LINREG_W == pytest.approx(2.11807369, rel=1e-8)
    assert LINREG_B == pytest.approx(5.46608905, rel=1e-8)
    assert _numpy_first_network_loss() == pytest.approx(0.8473695850105871, rel=1e-12)
    run = LESSONS_BY_ID["neural-network"].run_demo()
    # The book prints 0.2514286285183606 at iteration 1000 and 0.24759485466749875 at 2000.
    assert run.value(3, 1) == pytest.approx(0.2514286285183606, rel=1e-9)
    assert run.value(4, 1) == pytest.approx(0.24759485466749875, rel=1e-9)
    assert "variable([3.])" in LESSONS_BY_ID["broadcast"].run_demo().lines[1]
