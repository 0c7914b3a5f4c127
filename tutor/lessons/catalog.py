"""Guided lessons that rebuild the engine's ideas one by one, following the book's steps.

Each ``Lesson`` has a short explanation in English and Korean, a preset session (a dict
in the session-file format), a few "predict first" questions, pointers into the
window's views, and a *demo*: a few lines of book-style code that run on the real
engine and print numbers. A question's expected answer is never written down here: it
is one of the numbers the demo prints, computed by the engine when asked (the tests
compare them with the book's hand-worked values).

Teaching switches bring back the bugs the book fixes (see ``SWITCHES``). Three of them
are ``Config`` flags of the real engine, set with ``using_config``; the fourth, "no
cleargrad between runs", is a choice in the learner's code, so the demos that show it
take a ``cleargrad`` argument. ``run_with_switches`` runs anything with switches on;
``TeachingSwitches`` keeps them on until turned off (for the window).

This module never imports Qt.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import inspect
import math
import re
import textwrap
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from engine.core import (
    BackwardTracer,
    Config,
    Function,
    Variable,
    as_array,
    no_grad,
    using_config,
)
from engine.functions import add, exp, square

T = TypeVar("T")

LANGUAGES = ("en", "ko")


@dataclass(frozen=True)
class Text:
    """The same text in English and Korean."""

    en: str
    ko: str

    def get(self, language: str) -> str:
        return self.ko if language == "ko" else self.en


# =============================================================================
# teaching switches
# =============================================================================


@dataclass(frozen=True)
class Switch:
    """A teaching mode that brings back a bug the book fixes.

    ``config`` is the ``(Config attribute, value)`` that turns the bug on, or None for
    a switch that lives in the learner's code rather than in the engine
    (``demo_argument``: the keyword a demo takes, and its value while the switch is on).
    """

    id: str
    book_step: int
    title: Text
    description: Text
    config: tuple[str, Any] | None = None
    demo_argument: tuple[str, Any] | None = None


SWITCHES: dict[str, Switch] = {
    s.id: s
    for s in (
        Switch(
            "overwrite_grad",
            14,
            Text("Overwrite gradients", "미분값 덮어쓰기"),
            Text(
                "A reused variable keeps only the last gradient that reaches it: "
                "add(x, x) gives x.grad = 1 instead of 2.",
                "같은 변수를 여러 번 쓰면 마지막에 도착한 미분값만 남습니다. "
                "add(x, x)에서 x.grad가 2가 아니라 1이 됩니다.",
            ),
            config=("accumulate_grad", False),
        ),
        Switch(
            "no_cleargrad",
            14,
            Text("No cleargrad between runs", "계산 사이에 cleargrad 생략"),
            Text(
                "The second computation reuses x without calling x.cleargrad(), so the "
                "new gradient is added to the old one: 5 instead of 3.",
                "두 번째 계산에서 x.cleargrad()를 호출하지 않고 x를 다시 쓰므로 새 미분값이 "
                "이전 값에 더해집니다. 3이 아니라 5가 됩니다.",
            ),
            demo_argument=("cleargrad", False),
        ),
        Switch(
            "plain_stack",
            16,
            Text("Plain stack instead of generations", "세대 대신 단순 스택"),
            Text(
                "Backward takes functions from a plain list and may visit one before all "
                "of its gradient has arrived, and again later: the x⁴ example gives 96 "
                "instead of 64.",
                "역전파가 함수를 단순한 리스트에서 꺼내므로, 미분값이 다 모이기 전에 함수를 "
                "방문하고 나중에 또 방문할 수 있습니다. x⁴ 예제에서 64가 아니라 96이 나옵니다.",
            ),
            config=("order_by_generation", False),
        ),
        Switch(
            "strong_refs",
            17,
            Text("Strong references to outputs", "출력을 강한 참조로"),
            Text(
                "Every function holds its outputs strongly, so each graph is a reference "
                "cycle: the count of live functions keeps growing until the garbage "
                "collector runs.",
                "함수가 출력 변수를 강한 참조로 붙잡으므로 그래프마다 순환 참조가 생깁니다. "
                "가비지 컬렉터가 돌기 전까지 살아 있는 함수의 수가 계속 늘어납니다.",
            ),
            config=("weak_outputs", False),
        ),
    )
}


def _check_switches(switches: Iterable[str]) -> frozenset[str]:
    switches = frozenset(switches)
    unknown = switches - SWITCHES.keys()
    if unknown:
        raise KeyError(f"unknown teaching switch(es): {', '.join(sorted(unknown))}")
    return switches


def run_with_switches(fn: Callable[..., T], switches: Iterable[str] = (), *args, **kwargs) -> T:
    """Call ``fn(*args, **kwargs)`` with the given teaching switches on, then restore.

    Engine switches are set with ``using_config``; a switch that lives in the learner's
    code (``no_cleargrad``) is passed to ``fn`` as its keyword argument, if ``fn`` takes
    it. The automatic cycle collector is paused meanwhile, so counts of live objects
    come out the same on every run (an explicit ``gc.collect()`` still works).
    """
    switches = _check_switches(switches)
    accepted = inspect.signature(fn).parameters
    gc_was_enabled = gc.isenabled()
    with contextlib.ExitStack() as stack:
        for sid in sorted(switches):
            switch = SWITCHES[sid]
            if switch.config is not None:
                stack.enter_context(using_config(*switch.config))
            if switch.demo_argument is not None and switch.demo_argument[0] in accepted:
                name, value = switch.demo_argument
                kwargs.setdefault(name, value)
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if gc_was_enabled:
                gc.enable()


def engine_switches_on() -> frozenset[str]:
    """The engine switches that ``Config`` has on right now (whoever turned them on)."""
    return frozenset(
        s.id
        for s in SWITCHES.values()
        if s.config is not None and getattr(Config, s.config[0]) == s.config[1]
    )


class TeachingSwitches:
    """Switches that stay on until turned off: the window's teaching modes.

    Engine switches are entered with ``using_config`` and exited when turned off, so the
    engine's own flags are the only state. ``listeners`` are called with no arguments
    after every real change.
    """

    def __init__(self) -> None:
        self._on: dict[str, contextlib.ExitStack] = {}
        self.listeners: list[Callable[[], None]] = []

    def is_on(self, switch_id: str) -> bool:
        return switch_id in self._on

    @property
    def on(self) -> frozenset[str]:
        return frozenset(self._on)

    def set(self, switch_id: str, on: bool) -> None:
        _check_switches([switch_id])
        if on == self.is_on(switch_id):
            return
        if on:
            stack = contextlib.ExitStack()
            config = SWITCHES[switch_id].config
            if config is not None:
                stack.enter_context(using_config(*config))
            self._on[switch_id] = stack
        else:
            self._on.pop(switch_id).close()
        for listener in list(self.listeners):
            listener()

    def set_all(self, switch_ids: Iterable[str]) -> None:
        """Make exactly ``switch_ids`` on."""
        wanted = _check_switches(switch_ids)
        for sid in sorted(self.on - wanted):
            self.set(sid, False)
        for sid in sorted(wanted - self.on):
            self.set(sid, True)

    def all_off(self) -> None:
        self.set_all(())


# =============================================================================
# what the demos print
# =============================================================================


def _value_of(obj: Any) -> float | int | None:
    """The number a printed object shows, if it shows exactly one."""
    if isinstance(obj, Variable):
        obj = obj.data
    if isinstance(obj, (bool, str)) or obj is None:
        return None
    if isinstance(obj, (int, np.integer)):
        return int(obj)  # a count: shown as 3, not 3.0
    if isinstance(obj, (float, np.generic, np.ndarray)):
        arr = np.asarray(obj)
        if arr.size == 1 and np.issubdtype(arr.dtype, np.number):
            return float(arr.reshape(-1)[0])
    return None


class Printer:
    """Stands in for ``print`` in a demo: keeps the text and the numbers printed."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.values: list[list[float | int | None]] = []

    def __call__(self, *objects: Any, sep: str = " ") -> None:
        self.lines.append(sep.join(str(o) for o in objects))
        self.values.append([_value_of(o) for o in objects])


@dataclass
class DemoRun:
    """The output of one run of a lesson's demo."""

    lines: list[str]
    values: list[list[float | int | None]]
    switches: frozenset[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def value(self, line: int, item: int = 0) -> float | int:
        v = self.values[line][item]
        if v is None:
            raise ValueError(f"line {line} item {item} is not a number: {self.lines[line]!r}")
        return v


class LiveFunctions:
    """Counts the recorded Functions of some graphs that are still alive.

    It holds them in a ``weakref.WeakSet``, so counting keeps nothing alive: a Function
    leaves the count the moment it is freed.
    """

    def __init__(self) -> None:
        self._functions: weakref.WeakSet[Function] = weakref.WeakSet()

    def add_graph(self, y: Variable) -> None:
        """Remember every Function that ``y`` was computed through."""
        stack = [y.creator] if y.creator is not None else []
        while stack:
            f = stack.pop()
            if f in self._functions:
                continue
            self._functions.add(f)
            stack.extend(x.creator for x in f.inputs if x.creator is not None)

    def __len__(self) -> int:
        return len(self._functions)


class VisitOrder(BackwardTracer):
    """Records the order in which backward takes functions from its queue."""

    def __init__(self) -> None:
        self.visits: list[tuple[str, int]] = []

    def on_pop(self, f: Function, pending: list[Function]) -> None:
        self.visits.append((type(f).__name__, f.generation))

    def __str__(self) -> str:
        return " → ".join(f"{name}({gen})" for name, gen in self.visits)


# =============================================================================
# the demos: book-style code, shown to the learner exactly as it runs
# =============================================================================
# ``print`` is a parameter so the output can be shown in the window. Nothing here
# writes an expected answer: the numbers come from running the code.


def _demo_variables_functions(print):
    def numerical_diff(f, x, eps=1e-4):
        # x.data - eps is a NumPy scalar, not an
        # ndarray: as_array makes it one again
        x0 = Variable(as_array(x.data - eps))
        x1 = Variable(as_array(x.data + eps))
        return (f(x1).data - f(x0).data) / (2*eps)

    def f(x):
        return square(exp(square(x)))

    x = Variable(np.array(2.0))
    print(numerical_diff(square, x))

    x = Variable(np.array(0.5))
    print(numerical_diff(f, x))
    y = f(x)
    y.backward()
    print(x.grad)


def _demo_several_inputs(print):
    x = Variable(np.array(2.0))
    y = Variable(np.array(3.0))
    z = add(square(x), square(y))
    z.backward()
    print(z)
    print(x.grad)
    print(y.grad)


def _demo_reuse(print, cleargrad=True):
    x = Variable(np.array(3.0))
    y = add(x, x)
    y.backward()
    print(x.grad)

    if cleargrad:  # skipped by "no cleargrad"
        x.cleargrad()
    y = add(add(x, x), x)
    y.backward()
    print(x.grad)


def _demo_generations(print):
    x = Variable(np.array(2.0))
    a = square(x)
    y = add(square(a), square(a))
    print(x.generation, a.generation, y.generation)

    order = VisitOrder()  # backward's visit order
    y.backward(tracer=order)
    print(y.data)
    print(x.grad)
    print(order)


def _demo_memory(print):
    # counts live functions, keeping none alive
    counter = LiveFunctions()
    for i in range(5):
        x = Variable(np.ones(1000))
        y = square(square(square(x)))
        counter.add_graph(y)
        print(i, len(counter))
    del x, y
    print("after del:", len(counter))
    gc.collect()
    print("after gc.collect():", len(counter))

    x0 = Variable(np.array(1.0))
    x1 = Variable(np.array(1.0))
    t = add(x0, x1)
    y = add(x0, t)
    y.backward()
    print(y.grad, t.grad)
    print(x0.grad, x1.grad)

    t = add(x0, x1)
    y = add(x0, t)
    y.backward(retain_grad=True)
    print(y.grad, t.grad)

    with no_grad():
        x = Variable(np.ones(1000))
        y = square(square(square(x)))
    print(y.creator)


def _demo_operators(print):
    a = Variable(np.array(3.0))
    b = Variable(np.array(2.0))
    c = Variable(np.array(1.0))
    y = a * b + c
    y.backward()
    print(y)
    print(a.grad, b.grad)

    x = Variable(np.array(2.0))
    print(2.0 * x + 1.0)
    print(np.array([2.0]) + x)
    print(2.0 - x, x - 1.0)
    print(x / 2, 3.0 / x)
    y = x**3
    y.backward()
    print(y, x.grad)


def _demo_higher_order(print):
    def f(x):
        return x**4 - 2 * x**2

    x = Variable(np.array(2.0))
    y = f(x)
    y.backward(create_graph=True)
    print(x.grad)
    gx = x.grad
    x.cleargrad()
    gx.backward()
    print(x.grad)

    # Newton's method: x <- x - f'(x) / f''(x)
    x = Variable(np.array(2.0))
    for i in range(8):
        print(i, x)
        y = f(x)
        x.cleargrad()
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        gx.backward()
        gx2 = x.grad
        x.data -= gx.data / gx2.data


def _demo_rosenbrock(print):
    def rosenbrock(x0, x1):
        return 100 * (x1 - x0**2)**2 + (1 - x0)**2

    x0 = Variable(np.array(0.0))
    x1 = Variable(np.array(2.0))
    lr = 0.001
    iters = 1000
    for i in range(iters):
        if i < 2 or i % 250 == 0:
            print(i, x0, x1)
        y = rosenbrock(x0, x1)
        x0.cleargrad()
        x1.cleargrad()
        y.backward()
        if i == 0:
            print("grad:", x0.grad, x1.grad)
        x0.data -= lr * x0.grad.data
        x1.data -= lr * x1.grad.data
    print(iters, x0, x1)


def demo_source(demo: Callable) -> str:
    """The body of a demo function, dedented: the code the learner reads."""
    source = textwrap.dedent(inspect.getsource(demo))
    body = ast.parse(source).body[0].body
    lines = source.splitlines()
    start = body[0].lineno - 1
    while start > 1 and lines[start - 1].strip().startswith("#"):
        start -= 1  # a comment above the first statement belongs to the code
    return textwrap.dedent("\n".join(lines[start:])).rstrip() + "\n"


# =============================================================================
# lessons
# =============================================================================


@dataclass(frozen=True)
class Question:
    """A "predict first" question: the learner types a number before seeing it.

    The expected answer is item ``item`` of line ``line`` that the lesson's demo prints,
    with ``switches`` on. A prediction is right within ``rel_tol`` (relative) or
    ``abs_tol`` (absolute).
    """

    id: str
    prompt: Text
    line: int
    item: int = 0
    switches: frozenset[str] = frozenset()
    hint: Text | None = None
    rel_tol: float = 1e-3
    abs_tol: float = 1e-9


@dataclass(frozen=True)
class Lesson:
    """One lesson: explain, load a preset, predict, run the book's code, look."""

    id: str
    number: int
    book_steps: str
    title: Text
    body: Text  # rich text (a small HTML subset)
    pointers: Text  # where in the window the idea shows (rich text)
    preset: dict
    questions: tuple[Question, ...]
    demo: Callable = field(repr=False)
    switches: tuple[str, ...] = ()  # teaching switches this lesson offers

    def run_demo(self, switches: Iterable[str] = ()) -> DemoRun:
        """Run the demo on the engine with ``switches`` on; returns what it printed."""
        switches = _check_switches(switches)
        printer = Printer()
        with np.errstate(all="ignore"):
            run_with_switches(self.demo, switches, printer)
        return DemoRun(printer.lines, printer.values, switches)

    def answer(self, question: Question | str) -> float:
        """The engine's answer to one of this lesson's questions (computed now)."""
        if isinstance(question, str):
            question = self.question(question)
        return self.run_demo(question.switches).value(question.line, question.item)

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(f"lesson {self.id!r} has no question {question_id!r}")

    @property
    def code(self) -> str:
        return demo_source(self.demo)


def _var(name: str, value: float, lo: float = -5.0, hi: float = 5.0, step: float = 0.01) -> dict:
    return {"name": name, "value": value, "min": lo, "max": hi, "step": step}


def _preset(
    lesson_id: str,
    expression: str,
    variables: list[dict],
    curves: tuple[str, ...] = ("f", "df"),
    sweep: dict | None = None,
) -> dict:
    d = {
        "format": "autodiff-tutor-session",
        "version": 1,
        "expression": expression,
        "variables": variables,
        "curves": list(curves),
        "lesson": {"lesson": lesson_id},
    }
    if sweep is not None:
        d["sweep"] = sweep
    return d


def _q(qid: str, en: str, ko: str, line: int, item: int = 0, *, switches=(), hint=None, **kw):
    return Question(
        qid, Text(en, ko), line, item, frozenset(switches), Text(*hint) if hint else None, **kw
    )


LESSONS: tuple[Lesson, ...] = (
    Lesson(
        id="variables-functions",
        number=1,
        book_steps="1–10",
        title=Text("Variables and functions", "변수와 함수"),
        body=Text(
            "<p>A <b>Variable</b> is a box that holds data (an ndarray). A <b>Function</b> "
            "takes Variables in and gives a new Variable out, and the output remembers "
            "its <i>creator</i>. Chaining <code>square</code>, <code>exp</code> and "
            "<code>square</code> records a computational graph.</p>"
            "<p>A derivative can be estimated <b>numerically</b> with the central "
            "difference (f(x+h) − f(x−h)) / 2h: simple, but approximate, and one more "
            "pass for every input. <b>Backpropagation</b> walks the graph backwards "
            "once, multiplying local derivatives (the chain rule), and is exact up to "
            "rounding.</p>",
            "<p><b>Variable</b>은 데이터(ndarray)를 담는 상자입니다. <b>Function</b>은 "
            "Variable을 받아 새 Variable을 돌려주고, 출력 변수는 자신을 만든 함수"
            "(<i>creator</i>)를 기억합니다. <code>square</code>, <code>exp</code>, "
            "<code>square</code>를 차례로 이어 붙이면 계산 그래프가 기록됩니다.</p>"
            "<p>미분은 중앙차분 (f(x+h) − f(x−h)) / 2h로 <b>수치 미분</b>해서 어림할 수 "
            "있습니다. 간단하지만 근삿값이고, 입력이 하나 늘 때마다 계산을 또 해야 합니다. "
            "<b>역전파</b>는 그래프를 거꾸로 한 번 따라가며 국소적인 미분을 곱해 나가므로"
            "(연쇄 법칙), 반올림 오차를 빼면 정확합니다.</p>",
        ),
        pointers=Text(
            "<a href='view:graph'>Graph view</a>: "
            "three function boxes in a row. Step through the backward "
            "pass and watch the gradient get multiplied by each local derivative.<br>"
            "<a href='view:plot'>Plot</a>: "
            "the f′ curve is the derivative backprop gives at every point.",
            "<a href='view:graph'>그래프 보기</a>: "
            "함수 상자 세 개가 한 줄로 놓입니다. 역전파를 한 단계씩 "
            "실행하면서 상자마다 미분값에 국소적인 미분이 곱해지는 것을 보세요.<br>"
            "<a href='view:plot'>플롯</a>: f′ 곡선은 역전파가 각 점에서 구한 미분값입니다.",
        ),
        preset=_preset(
            "variables-functions",
            "square(exp(square(x)))",
            [_var("x", 0.5, -1.5, 1.5)],
        ),
        questions=(
            _q(
                "numerical-square",
                "The central difference of square(x) at x = 2.0 with h = 1e-4: "
                "what number comes out?",
                "x = 2.0에서 square(x)를 h = 1e-4로 중앙차분하면 어떤 값이 나올까요?",
                0,
                hint=("The derivative of x² is 2x.", "x²의 미분은 2x입니다."),
            ),
            _q(
                "backprop-composition",
                "y = square(exp(square(x))) at x = 0.5: what is x.grad after y.backward()?",
                "x = 0.5에서 y = square(exp(square(x)))일 때, y.backward()를 호출한 뒤 "
                "x.grad는 얼마일까요?",
                2,
                hint=(
                    "Chain rule: dy/dx = 2e^(x²) · e^(x²) · 2x = 4x·e^(2x²).",
                    "연쇄 법칙: dy/dx = 2e^(x²) · e^(x²) · 2x = 4x·e^(2x²)입니다.",
                ),
            ),
        ),
        demo=_demo_variables_functions,
    ),
    Lesson(
        id="several-inputs",
        number=2,
        book_steps="11–13",
        title=Text("Several inputs and outputs", "입력과 출력이 여러 개인 함수"),
        body=Text(
            "<p>A Function may take several Variables: <code>add(x0, x1)</code>. "
            "<code>__call__(self, *inputs)</code> gathers them, <code>forward</code> "
            "receives them unpacked, and <code>backward</code> returns one gradient per "
            "input. Addition passes the gradient through unchanged (gy, gy); square "
            "returns 2x·gy.</p>"
            "<p>Here z = x² + y² at (2, 3). One backward pass gives both partial "
            "derivatives.</p>",
            "<p>함수는 변수를 여러 개 받을 수 있습니다: <code>add(x0, x1)</code>. "
            "<code>__call__(self, *inputs)</code>가 입력을 모으고, <code>forward</code>는 "
            "입력을 풀어서 받으며, <code>backward</code>는 입력마다 미분값을 하나씩 "
            "돌려줍니다. 덧셈은 흘러온 미분값을 그대로 흘려보내고(gy, gy), 제곱은 "
            "2x·gy를 돌려줍니다.</p>"
            "<p>여기서는 (2, 3)에서 z = x² + y²를 계산합니다. 역전파 한 번으로 두 편미분을 "
            "모두 얻습니다.</p>",
        ),
        pointers=Text(
            "<a href='view:graph'>Graph view</a>: "
            "the Add box has two inputs; stepping through, its backward "
            "hands gy = 1 to both branches.<br>"
            "<b>Sliders</b>: ∂f/∂x always reads 2x and ∂f/∂y reads 2y.",
            "<a href='view:graph'>그래프 보기</a>: "
            "Add 상자에 입력이 두 개 있습니다. 한 단계씩 실행하면 "
            "Add의 역전파가 두 갈래 모두에 gy = 1을 넘겨줍니다.<br>"
            "<b>슬라이더</b>: ∂f/∂x는 언제나 2x, ∂f/∂y는 2y입니다.",
        ),
        preset=_preset(
            "several-inputs",
            "x^2 + y^2",
            [_var("x", 2.0), _var("y", 3.0)],
        ),
        questions=(
            _q("z", "z = x² + y² at (2, 3): what is z?", "(2, 3)에서 z = x² + y²는 얼마일까요?", 0),
            _q("dz-dx", "What is ∂z/∂x (x.grad)?", "∂z/∂x(x.grad)는 얼마일까요?", 1),
            _q("dz-dy", "What is ∂z/∂y (y.grad)?", "∂z/∂y(y.grad)는 얼마일까요?", 2),
        ),
        demo=_demo_several_inputs,
    ),
    Lesson(
        id="reuse",
        number=3,
        book_steps="14",
        title=Text("Reusing a variable", "같은 변수 반복 사용"),
        body=Text(
            "<p>In <code>y = add(x, x)</code> the same x is used twice, so two gradients "
            "flow back into it. If backward simply <i>assigns</i> "
            "<code>x.grad = gx</code>, the second overwrites the first and x.grad is 1. "
            "The fix is to <b>accumulate</b>: assign the first time, add after that.</p>"
            "<p>Accumulating has a consequence: before reusing x in a new computation, "
            "call <code>x.cleargrad()</code>, or the old gradient is added in.</p>",
            "<p><code>y = add(x, x)</code>에서는 같은 x를 두 번 쓰므로 미분값 두 개가 x로 "
            "흘러 들어옵니다. 역전파에서 <code>x.grad = gx</code>로 그냥 <i>대입</i>하면 "
            "두 번째 값이 첫 번째 값을 덮어써서 x.grad가 1이 됩니다. 해결책은 "
            "<b>누적</b>입니다. 처음에는 대입하고, 그다음부터는 더합니다.</p>"
            "<p>누적하면 주의할 점이 생깁니다. x를 새 계산에 다시 쓰기 전에 "
            "<code>x.cleargrad()</code>를 호출해야 합니다. 그러지 않으면 이전 미분값이 "
            "더해집니다.</p>",
        ),
        pointers=Text(
            "<a href='view:graph'>Graph view</a>: "
            "one x node with two arrows into Add. Step through and "
            "watch x.grad go 1 → 2 as the second contribution arrives.<br>"
            "Type <code>x + x + x</code> in the expression box: ∂f/∂x becomes 3.",
            "<a href='view:graph'>그래프 보기</a>: "
            "x 노드 하나에서 화살표 두 개가 Add로 들어갑니다. 한 단계씩 "
            "실행하면서 두 번째 미분값이 도착할 때 x.grad가 1 → 2로 바뀌는 것을 보세요.<br>"
            "수식 칸에 <code>x + x + x</code>를 입력하면 ∂f/∂x가 3이 됩니다.",
        ),
        preset=_preset("reuse", "x + x", [_var("x", 3.0)]),
        questions=(
            _q(
                "add-x-x",
                "x = 3.0, y = add(x, x), y.backward(): what is x.grad?",
                "x = 3.0, y = add(x, x), y.backward() 후 x.grad는 얼마일까요?",
                0,
            ),
            _q(
                "after-cleargrad",
                "Then x.cleargrad(); y = add(add(x, x), x); y.backward(): x.grad?",
                "이어서 x.cleargrad(); y = add(add(x, x), x); y.backward() 후 x.grad는?",
                1,
            ),
            _q(
                "without-cleargrad",
                "The same second computation without x.cleargrad(): x.grad?",
                "같은 두 번째 계산을 x.cleargrad() 없이 하면 x.grad는?",
                1,
                switches=("no_cleargrad",),
                hint=(
                    "The old gradient is still there when the new one is added.",
                    "새 미분값이 더해질 때 이전 미분값이 아직 남아 있습니다.",
                ),
            ),
        ),
        demo=_demo_reuse,
        switches=("overwrite_grad", "no_cleargrad"),
    ),
    Lesson(
        id="generations",
        number=4,
        book_steps="15–16",
        title=Text("Generations: the order of backward", "세대: 역전파의 순서"),
        body=Text(
            "<p>With a = x² and y = a² + a², the variable a feeds two functions. Its "
            "gradient is complete only after <i>both</i> have passed theirs down, so the "
            "Square that made a must wait. A plain stack takes it too early and visits "
            "it twice.</p>"
            "<p>The fix: a Function's <b>generation</b> is the largest of its inputs', "
            "and its outputs are one generation more. Backward always takes the "
            "function with the highest generation first (here from a heap), so each "
            "function runs once, with its whole gradient.</p>",
            "<p>a = x², y = a² + a²에서 변수 a는 함수 두 개에 쓰입니다. a의 미분값은 "
            "<i>두</i> 함수가 모두 미분값을 내려보낸 뒤에야 완성되므로, a를 만든 Square는 "
            "기다려야 합니다. 단순한 스택은 이 함수를 너무 일찍 꺼내고, 두 번 방문합니다.</p>"
            "<p>해결책: 함수의 <b>세대</b>는 입력 변수의 세대 중 가장 큰 값이고, 출력 "
            "변수의 세대는 그보다 1 큽니다. 역전파는 언제나 세대가 가장 큰 함수부터 "
            "꺼내므로(여기서는 힙을 씁니다) 함수마다 완성된 미분값으로 딱 한 번만 "
            "실행됩니다.</p>",
        ),
        pointers=Text(
            "<a href='view:graph'>Step-through</a>: "
            "watch the queue — Add (generation 2), both Squares of a "
            "(1), and only then the Square of x (0).<br>"
            "Turn on <i>Plain stack</i> below and run the code again: the visit order "
            "shows the Square of x twice.<br>"
            "The window's formula builds a separate x² for each copy, so nothing is "
            "shared there and ∂f/∂x stays 64: the bug needs a shared a.",
            "<a href='view:graph'>단계별 실행</a>: "
            "대기열을 보세요. Add(세대 2), a의 Square 두 개(1), "
            "그다음에야 x의 Square(0)가 나옵니다.<br>"
            "아래에서 <i>세대 대신 단순 스택</i>을 켜고 코드를 다시 실행하면 방문 순서에 "
            "x의 Square가 두 번 나옵니다.<br>"
            "창의 수식은 x²를 나올 때마다 따로 만들기 때문에 공유되는 a가 없습니다. 그래서 "
            "창에서는 ∂f/∂x가 64 그대로입니다. 이 버그는 a를 공유할 때 나타납니다.",
        ),
        preset=_preset(
            "generations",
            "(x^2)^2 + (x^2)^2",
            [_var("x", 2.0, -3.0, 3.0)],
        ),
        questions=(
            _q("y", "x = 2.0: what is y = a² + a²?", "x = 2.0일 때 y = a² + a²는 얼마일까요?", 1),
            _q(
                "x-grad",
                "What is x.grad after y.backward()?",
                "y.backward() 후 x.grad는 얼마일까요?",
                2,
                hint=("y = 2x⁴, so dy/dx = 8x³.", "y = 2x⁴이므로 dy/dx = 8x³입니다."),
            ),
            _q(
                "x-grad-stack",
                "And with a plain stack instead of generations?",
                "세대 대신 단순 스택을 쓰면 x.grad는?",
                2,
                switches=("plain_stack",),
                hint=(
                    "The Square of x runs once too early, with only half of a's "
                    "gradient, and once more at the end.",
                    "x의 Square가 a의 미분값이 절반만 모였을 때 한 번 너무 일찍 실행되고, "
                    "마지막에 한 번 더 실행됩니다.",
                ),
            ),
        ),
        demo=_demo_generations,
        switches=("plain_stack",),
    ),
    Lesson(
        id="memory",
        number=5,
        book_steps="17–18",
        title=Text(
            "Memory: weak references, retain_grad, no_grad",
            "메모리: 약한 참조, retain_grad, no_grad",
        ),
        body=Text(
            "<p>A Variable points to its creator, and the creator to its outputs: a "
            "<b>reference cycle</b>. Reference counting alone cannot free a cycle; only "
            "Python's cycle collector can, later. So a Function holds its outputs by "
            "<b>weak reference</b> (<code>weakref.ref</code>), and a graph is freed the "
            "moment nothing uses it.</p>"
            "<p>Two more savings: <code>backward()</code> keeps only the gradients of "
            "the variables you made yourself unless you pass "
            "<code>retain_grad=True</code>, and inside <code>with no_grad():</code> "
            "values are computed without recording a graph.</p>",
            "<p>변수는 자신을 만든 함수를, 함수는 자신의 출력 변수를 가리킵니다. 이것이 "
            "<b>순환 참조</b>입니다. 참조 카운트만으로는 순환 참조를 해제할 수 없고, 나중에 "
            "파이썬의 가비지 컬렉터가 돌아야 해제됩니다. 그래서 함수는 출력 변수를 "
            "<b>약한 참조</b>(<code>weakref.ref</code>)로 가리키고, 그래프는 아무도 쓰지 "
            "않게 되는 즉시 해제됩니다.</p>"
            "<p>메모리를 아끼는 방법이 두 가지 더 있습니다. <code>backward()</code>는 "
            "<code>retain_grad=True</code>를 주지 않으면 직접 만든 변수의 미분값만 "
            "남기고, <code>with no_grad():</code> 안에서는 계산 그래프를 기록하지 않고 "
            "값만 계산합니다.</p>",
        ),
        pointers=Text(
            "<b>The code below</b> prints how many recorded functions are alive after "
            "each run. Turn on <i>Strong references</i> and run it again: the count "
            "climbs until <code>gc.collect()</code>.<br>"
            "<a href='view:graph'>Graph view</a>: "
            "the intermediate variables show no gradient unless they "
            "are kept.",
            "<b>아래 코드</b>는 계산할 때마다 살아 있는 함수의 수를 출력합니다. "
            "<i>출력을 강한 참조로</i>를 켜고 다시 실행하면 <code>gc.collect()</code> "
            "전까지 수가 계속 늘어납니다.<br>"
            "<a href='view:graph'>그래프 보기</a>: "
            "중간 변수의 미분값은 남겨 두지 않으면 보이지 않습니다.",
        ),
        preset=_preset(
            "memory",
            "square(square(square(x)))",
            [_var("x", 1.0, -1.5, 1.5)],
        ),
        questions=(
            _q(
                "live-weak",
                "After the fifth run of y = square(square(square(x))), how many recorded "
                "functions are alive?",
                "y = square(square(square(x)))를 다섯 번째로 계산한 뒤, 살아 있는 함수는 "
                "몇 개일까요?",
                4,
                1,
                hint=(
                    "Only the graph that y still points to is alive.",
                    "y가 아직 가리키는 그래프만 살아 있습니다.",
                ),
            ),
            _q(
                "live-strong",
                "And with strong references to outputs?",
                "출력을 강한 참조로 붙잡으면?",
                4,
                1,
                switches=("strong_refs",),
                hint=(
                    "No graph is freed: every run adds its functions.",
                    "어떤 그래프도 해제되지 않아서, 계산할 때마다 함수가 늘어납니다.",
                ),
            ),
            _q(
                "x0-grad",
                "x0 = x1 = 1.0, t = add(x0, x1), y = add(x0, t), y.backward(): x0.grad?",
                "x0 = x1 = 1.0, t = add(x0, x1), y = add(x0, t), y.backward() 후 x0.grad는?",
                8,
            ),
        ),
        demo=_demo_memory,
        switches=("strong_refs",),
    ),
    Lesson(
        id="operators",
        number=6,
        book_steps="19–22",
        title=Text("Operator overloading", "연산자 오버로드"),
        body=Text(
            "<p>Writing <code>add(mul(a, b), c)</code> is tiresome. The special methods "
            "<code>__mul__</code> and <code>__add__</code>, with their reflected twins "
            "<code>__rmul__</code> and <code>__radd__</code>, let you write "
            "<code>a * b + c</code>. Numbers are turned into Variables by "
            "<code>as_array</code> and <code>as_variable</code>, so "
            "<code>2.0 * x + 1.0</code> works, and <code>__array_priority__</code> makes "
            "NumPy hand <code>np.array([2.0]) + x</code> over to Variable.</p>"
            "<p>Subtraction and division are not symmetric: <code>2.0 - x</code> calls "
            "<code>x.__rsub__(2.0)</code>, which must compute 2.0 − x, not x − 2.0.</p>",
            "<p><code>add(mul(a, b), c)</code>라고 쓰기는 번거롭습니다. 특수 메서드 "
            "<code>__mul__</code>, <code>__add__</code>와 그 짝인 <code>__rmul__</code>, "
            "<code>__radd__</code>를 정의하면 <code>a * b + c</code>라고 쓸 수 있습니다. "
            "<code>as_array</code>와 <code>as_variable</code>이 숫자를 Variable로 바꿔 "
            "주므로 <code>2.0 * x + 1.0</code>도 동작하고, <code>__array_priority__</code> "
            "덕분에 <code>np.array([2.0]) + x</code>에서도 NumPy가 계산을 Variable에 "
            "넘깁니다.</p>"
            "<p>뺄셈과 나눗셈은 교환법칙이 성립하지 않습니다. <code>2.0 - x</code>는 "
            "<code>x.__rsub__(2.0)</code>를 호출하므로 x − 2.0이 아니라 2.0 − x를 계산해야 "
            "합니다.</p>",
        ),
        pointers=Text(
            "<b>Expression box</b>: <code>a*b + c</code> builds the same Mul and Add "
            "functions as <code>add(mul(a, b), c)</code> — compare them in the graph "
            "view.<br><b>Sliders</b>: ∂f/∂a always equals b, and ∂f/∂b equals a.",
            "<b>수식 칸</b>: <code>a*b + c</code>는 <code>add(mul(a, b), c)</code>와 "
            "똑같은 Mul, Add 함수를 만듭니다. 그래프 보기에서 비교해 보세요.<br>"
            "<b>슬라이더</b>: ∂f/∂a는 언제나 b와 같고, ∂f/∂b는 a와 같습니다.",
        ),
        preset=_preset(
            "operators",
            "a*b + c",
            [_var("a", 3.0), _var("b", 2.0), _var("c", 1.0)],
        ),
        questions=(
            _q(
                "a-grad",
                "a, b, c = 3.0, 2.0, 1.0 and y = a * b + c: what is a.grad?",
                "a, b, c = 3.0, 2.0, 1.0이고 y = a * b + c일 때 a.grad는 얼마일까요?",
                1,
                0,
            ),
            _q("b-grad", "And b.grad?", "b.grad는요?", 1, 1),
            _q(
                "cube-grad",
                "x = 2.0, y = x ** 3, y.backward(): x.grad?",
                "x = 2.0, y = x ** 3, y.backward() 후 x.grad는?",
                6,
                1,
            ),
        ),
        demo=_demo_operators,
    ),
    Lesson(
        id="higher-order",
        number=7,
        book_steps="29, 32–33",
        title=Text("Higher-order derivatives and Newton's method", "고차 미분과 뉴턴 방법"),
        body=Text(
            "<p>Backward is made of ordinary Functions, so it can be recorded too. After "
            "<code>y.backward(create_graph=True)</code>, x.grad is a Variable with a "
            "graph of its own; clear x's gradient and call <code>backward()</code> on it "
            "to get the second derivative f″.</p>"
            "<p><b>Newton's method</b> uses both: x ← x − f′(x) / f″(x). For "
            "f(x) = x⁴ − 2x² from x = 2 it reaches the minimum at x = 1 in about seven "
            "steps; gradient descent needs many more.</p>",
            "<p>역전파도 평범한 함수들로 이루어져 있으므로 그 과정을 계산 그래프로 기록할 수 "
            "있습니다. <code>y.backward(create_graph=True)</code>를 호출하면 x.grad는 "
            "자기만의 계산 그래프를 가진 Variable이 됩니다. x의 미분값을 비우고 x.grad에서 "
            "<code>backward()</code>를 호출하면 2차 미분 f″를 얻습니다.</p>"
            "<p><b>뉴턴 방법</b>은 두 미분을 모두 씁니다: x ← x − f′(x) / f″(x). "
            "f(x) = x⁴ − 2x²를 x = 2에서 시작하면 일곱 번 정도 만에 최솟값 x = 1에 "
            "도달합니다. 경사하강법은 훨씬 많이 반복해야 합니다.</p>",
        ),
        pointers=Text(
            "<a href='view:plot'>Plot</a>: "
            "f″ and the tangent line are on; Newton's step jumps to where "
            "the tangent of f′ crosses zero.<br>"
            "<a href='view:graph'>Graph view</a>: the higher-order toggle shows the graph that "
            "create_graph records for f′.",
            "<a href='view:plot'>플롯</a>: "
            "f″ 곡선과 접선이 켜져 있습니다. 뉴턴 방법은 f′의 접선이 0이 되는 "
            "곳으로 한 번에 이동합니다.<br>"
            "<a href='view:graph'>그래프 보기</a>: "
            "고차 미분 토글을 켜면 create_graph가 f′에 대해 기록한 "
            "그래프가 보입니다.",
        ),
        preset=_preset(
            "higher-order",
            "x^4 - 2x^2",
            [_var("x", 2.0, -2.5, 2.5)],
            curves=("f", "df", "d2f", "tangent"),
        ),
        questions=(
            _q(
                "first",
                "f(x) = x⁴ − 2x² at x = 2.0: what is f′(x)?",
                "x = 2.0에서 f(x) = x⁴ − 2x²의 f′(x)는 얼마일까요?",
                0,
                hint=("f′(x) = 4x³ − 4x.", "f′(x) = 4x³ − 4x입니다."),
            ),
            _q(
                "second",
                "And f″(x), from gx.backward()?",
                "gx.backward()로 구한 f″(x)는요?",
                1,
                hint=("f″(x) = 12x² − 4.", "f″(x) = 12x² − 4입니다."),
            ),
            _q(
                "newton-step",
                "Where is x after one Newton step from 2.0?",
                "2.0에서 뉴턴 방법으로 한 번 갱신하면 x는 어디로 갈까요?",
                3,
                1,
                hint=("x − f′(x) / f″(x).", "x − f′(x) / f″(x)를 계산해 보세요."),
            ),
        ),
        demo=_demo_higher_order,
    ),
    Lesson(
        id="rosenbrock",
        number=8,
        book_steps="28",
        title=Text("Gradient descent on the Rosenbrock function", "로젠브록 함수와 경사하강법"),
        body=Text(
            "<p>The gradient points uphill, so a small step against it goes down: "
            "x ← x − lr · ∂y/∂x. The Rosenbrock function "
            "y = 100(x₁ − x₀²)² + (1 − x₀)² has its minimum at (1, 1), at the bottom of "
            "a long, curved, nearly flat valley.</p>"
            "<p>From (0, 2) with lr = 0.001, a thousand steps get only to about "
            "(0.68, 0.47); it takes some ten thousand to come close to (1, 1). Call "
            "<code>cleargrad()</code> in every iteration: gradients accumulate!</p>",
            "<p>기울기는 값이 커지는 방향을 가리키므로, 그 반대 방향으로 조금씩 움직이면 "
            "값이 작아집니다: x ← x − lr · ∂y/∂x. 로젠브록 함수 "
            "y = 100(x₁ − x₀²)² + (1 − x₀)²는 길고 휘어진, 거의 평평한 골짜기 바닥의 "
            "(1, 1)에서 최솟값을 가집니다.</p>"
            "<p>(0, 2)에서 lr = 0.001로 시작하면 천 번을 갱신해도 (0.68, 0.47) 근처에 "
            "머물고, (1, 1) 가까이 가려면 만 번쯤 반복해야 합니다. 반복할 때마다 "
            "<code>cleargrad()</code>를 호출하세요. 미분값은 누적됩니다!</p>",
        ),
        pointers=Text(
            "<a href='view:map'>Map view</a>: "
            "at (0, 2) the gradient arrow points almost straight along "
            "x₁ (400 against −2). Run gradient descent and watch the trail creep along "
            "the valley.",
            "<a href='view:map'>지도 보기</a>: (0, 2)에서 기울기 화살표는 거의 x₁ 방향을 가리킵니다"
            "(400 대 −2). 경사하강법을 실행하고 자취가 골짜기를 따라 천천히 움직이는 것을 "
            "보세요.",
        ),
        preset=_preset(
            "rosenbrock",
            "100*(x1 - x0^2)^2 + (1 - x0)^2",
            [_var("x0", 0.0, -2.0, 2.0), _var("x1", 2.0, -1.0, 3.0)],
        ),
        questions=(
            _q(
                "dx0",
                "At (x₀, x₁) = (0, 2): what is ∂y/∂x₀ (x0.grad)?",
                "(x₀, x₁) = (0, 2)에서 ∂y/∂x₀(x0.grad)는 얼마일까요?",
                1,
                1,
                hint=(
                    "∂y/∂x₀ = −400x₀(x₁ − x₀²) − 2(1 − x₀).",
                    "∂y/∂x₀ = −400x₀(x₁ − x₀²) − 2(1 − x₀)입니다.",
                ),
            ),
            _q(
                "dx1",
                "And ∂y/∂x₁ (x1.grad)?",
                "∂y/∂x₁(x1.grad)는요?",
                1,
                2,
                hint=("∂y/∂x₁ = 200(x₁ − x₀²).", "∂y/∂x₁ = 200(x₁ − x₀²)입니다."),
            ),
            _q(
                "x1-step",
                "With lr = 0.001, where is x₁ after the first step?",
                "lr = 0.001로 한 번 갱신하면 x₁은 얼마가 될까요?",
                2,
                2,
            ),
        ),
        demo=_demo_rosenbrock,
    ),
)

LESSONS_BY_ID: dict[str, Lesson] = {lesson.id: lesson for lesson in LESSONS}


def lesson(lesson_id: str) -> Lesson:
    """The lesson with this id (KeyError if there is none)."""
    return LESSONS_BY_ID[lesson_id]


# =============================================================================
# checking a prediction
# =============================================================================

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def parse_prediction(text: str) -> float | None:
    """The number a learner typed, or None if it is not one.

    Accepts what a learner is likely to type: ``64``, ``-2.0``, ``1e-3``, a fraction
    ``16/11``, a Unicode minus, a comma as decimal separator, or the engine's own
    ``variable(64.0)``.
    """
    t = text.strip().replace("−", "-").replace(" ", "")
    m = re.fullmatch(r"variable\((.*)\)", t)
    if m:
        t = m.group(1)
    if t.count(",") == 1 and "." not in t:
        t = t.replace(",", ".")
    parts = t.split("/")
    if len(parts) > 2 or not all(_NUMBER.match(p) for p in parts):
        return None
    try:
        value = float(parts[0])
        if len(parts) == 2:
            value /= float(parts[1])
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    return value if math.isfinite(value) else None


def is_close(predicted: float, expected: float, question: Question) -> bool:
    """Whether a prediction counts as right, within the question's tolerance."""
    return math.isclose(predicted, expected, rel_tol=question.rel_tol, abs_tol=question.abs_tol)


# =============================================================================
# lesson state in a session file
# =============================================================================


def panel_state(lesson_id: str, switches: Iterable[str] = ()) -> dict:
    """The session file's ``"lesson"`` object: the lesson, and switches it asks for.

    Switches the lesson does not offer are never written: a saved file turns on only
    what its lesson is about.
    """
    offered = set(LESSONS_BY_ID[lesson_id].switches)
    state: dict[str, Any] = {"lesson": lesson_id}
    on = sorted(set(switches) & offered)
    if on:
        state["switches"] = on
    return state


def read_panel_state(state: Any) -> tuple[str | None, frozenset[str]]:
    """Lesson id and switches from a session file's ``"lesson"`` object.

    Anything unknown or malformed is ignored (files come from anyone); switches count
    only if the lesson offers them.
    """
    if not isinstance(state, dict):
        return None, frozenset()
    lesson_id = state.get("lesson")
    if not isinstance(lesson_id, str) or lesson_id not in LESSONS_BY_ID:
        return None, frozenset()
    raw = state.get("switches", [])
    offered = set(LESSONS_BY_ID[lesson_id].switches)
    switches = frozenset(s for s in raw if isinstance(s, str) and s in offered) if isinstance(
        raw, list
    ) else frozenset()
    return lesson_id, switches


__all__ = [
    "LESSONS",
    "LESSONS_BY_ID",
    "SWITCHES",
    "DemoRun",
    "Lesson",
    "LiveFunctions",
    "Question",
    "Switch",
    "TeachingSwitches",
    "Text",
    "VisitOrder",
    "demo_source",
    "engine_switches_on",
    "is_close",
    "lesson",
    "panel_state",
    "parse_prediction",
    "read_panel_state",
    "run_with_switches",
]
