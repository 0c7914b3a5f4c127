"""The work budget: how much one evaluation may compute, known before it runs.

Running a formula over many points costs about the same for every recorded Function
and every point: each Function computes an array of ``points`` numbers forward, and
a few more backward. So what an evaluation costs is the product, in *node-points*::

    work = recorded Functions × points

Neither factor alone says much: 3,000 factors ``x*x*…*x`` are quick at one point, and
100,000 points are quick for ``x^2``, but the two together took 104 s and 11.8 GB.
Every evaluation over points (the plot's sweep, the map's grid, the gradient check's
steps h) may do at most ``WORK_BUDGET`` node-points; ``benchmarks/bench_budget.py``
measures what one node-point costs, in time and memory, and prints the budget beside
it. At a single point (the readouts, ``python main.py eval``) the work is just the
number of Functions, which the formula's length limit keeps far inside the budget.

What happens at the limit is the caller's choice: the window lowers the points to what
fits and says so (``points_within_budget``); the command line refuses, with one line
(``check_work``). An optimizer run takes, per frame of the window, at most the steps
whose scalar runs record ``STEP_BUDGET`` Functions (``steps_within_budget``).
"""

from __future__ import annotations

from tutor.formula import BinaryOp, Call, Expression, UnaryOp
from tutor.messages import Message

# Node-points one evaluation may do: about 0.2 s and 200 MB at the most on the 2-core
# machine these figures come from (benchmarks/bench_budget.py prints them again).
WORK_BUDGET = 5_000_000


# Functions one frame of an optimizer run may record: its steps are scalar runs, whose
# cost is the Python work per Function, whatever the points (about 15–45 µs each here).
STEP_BUDGET = 20_000


class WorkBudgetError(ValueError):
    """An evaluation would do more work than the budget allows; the message says how
    much, and what would fit."""


def recorded_functions(expr: Expression) -> int:
    """How many Functions ``expr.build`` records: one per operator, call and unary
    minus; none for numbers, names, constants, a unary plus or a constant exponent
    (which is computed to a plain number first)."""
    count = 0
    for node in expr.nodes:
        if expr.is_folded(node):
            continue
        if isinstance(node, (BinaryOp, Call)) or (isinstance(node, UnaryOp) and node.op == "-"):
            count += 1
    return count


def work(expr: Expression, points: int) -> int:
    """Node-points of running ``expr`` at ``points`` points. A formula without any
    Function (``x``, ``3``) still counts one per point: its arrays are made all the same."""
    return max(1, recorded_functions(expr)) * int(points)


def points_within_budget(expr: Expression, points: int, budget: int = WORK_BUDGET) -> int:
    """The most points, at most ``points``, that ``expr`` can be run at within ``budget``."""
    return max(1, min(int(points), budget // max(1, recorded_functions(expr))))


def steps_within_budget(expr: Expression, steps: int, budget: int = STEP_BUDGET) -> int:
    """How many of ``steps`` optimizer steps on ``expr`` fit in one frame (at least one:
    a run always moves)."""
    return max(1, min(int(steps), budget // max(1, recorded_functions(expr))))


def over_budget(expr: Expression, points: int, what: Message, budget: int = WORK_BUDGET) -> Message:
    """The sentence that says ``what`` (e.g. "the sweep") would do too much work."""
    return Message(
        "{what} is too much work: {functions:,} recorded operations × {points:,} points "
        "= {work:,} node-points, more than the budget of {budget:,}; "
        "at most {fit:,} points would fit",
        what=what,
        functions=recorded_functions(expr),
        points=int(points),
        work=work(expr, points),
        budget=budget,
        fit=points_within_budget(expr, points, budget),
    )


def check_work(expr: Expression, points: int, what: Message, budget: int = WORK_BUDGET) -> None:
    """Raise WorkBudgetError (saying what would fit) if ``expr`` at ``points`` points
    is more work than ``budget``."""
    if work(expr, points) > budget:
        raise WorkBudgetError(over_budget(expr, points, what, budget))


__all__ = [
    "STEP_BUDGET",
    "WORK_BUDGET",
    "WorkBudgetError",
    "check_work",
    "over_budget",
    "points_within_budget",
    "recorded_functions",
    "steps_within_budget",
    "work",
]
