"""Lesson 13's demo prints pass and operation counts that match a count by hand.

f = sin(x₁) + … + sin(xₙ) records n Sin and n − 1 Add. A forward pass runs those and
every tangent rule (Sin.jvp: cos and mul; Add.jvp: one add): 5n − 2 operations, times
n passes. Reverse mode builds once (2n − 1) and runs one backward pass (Sin.backward:
cos and mul; Add.backward passes gy on and computes nothing): 4n − 1 in all.
"""

from tutor.formula import parse
from tutor.lessons import builtin_lessons, run_demo
from tutor.mode_cost import compare


def test_demo_counts_match_the_hand_count():
    run = run_demo("why-reverse-mode")
    assert [line[0] for line in run.values] == [1, 10, 100]
    for n, fwd_passes, fwd_ops, back_passes, rev_ops in run.values:
        assert fwd_passes == n and back_passes == 1
        assert fwd_ops == n * (5 * n - 2)
        assert rev_ops == 4 * n - 1


def test_the_tutors_cost_model_agrees_with_the_demo_for_ten_inputs():
    text = " + ".join(f"sin(x{i})" for i in range(10))
    cost = compare(parse(text), {})
    assert (cost.forward.passes, cost.forward.total) == (10, 480)
    assert (cost.reverse.passes, cost.reverse.total) == (1, 39)


def test_the_lesson_is_built_in_and_runs_the_demo():
    lesson = next(lesson for lesson in builtin_lessons() if lesson.id == "why-reverse-mode")
    assert lesson.number == 13
    assert "count_ops" in lesson.code and "jvp(" in lesson.code
