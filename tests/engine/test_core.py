"""Graph mechanics: Variable, Function, Config, backward, and the book's own numbers.

The numbers in the first section are the ones printed in the learner's notebook while
working through "Deep Learning from Scratch 3"; code written for that book must give
them here too.
"""

from __future__ import annotations

import contextlib
import gc
import math
import operator
import weakref

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine.functions as F
from engine import (
    BackwardTracer,
    Config,
    Function,
    Variable,
    as_array,
    as_variable,
    no_grad,
    using_config,
)

pytestmark = pytest.mark.usefixtures("config_left_alone")  # tests/conftest.py


@contextlib.contextmanager
def cycle_collector_off():
    """Only reference counting frees objects inside; the collector's state is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def var(value, name=None) -> Variable:
    return Variable(np.array(value), name=name)


def x_to_the_fourth(x: Variable) -> Variable:
    """The book's step-16 graph: a = x^2; y = a^2 + a^2 (= 2 x^4)."""
    a = F.square(x)
    return F.add(F.square(a), F.square(a))


# =============================================================================
# the book's numbers
# =============================================================================


def test_book_sum_of_squares_at_two_and_three():
    x, y = var(2.0), var(3.0)
    z = F.add(F.square(x), F.square(y))
    z.backward()
    assert z.data == 13.0
    assert x.grad.data == 4.0
    assert y.grad.data == 6.0


def test_reused_variable_accumulates_gradient():
    x = var(3.0)
    y = F.add(x, x)
    y.backward()
    assert y.data == 6.0
    assert x.grad.data == 2.0


def test_variable_used_three_times_gets_gradient_three():
    x = var(3.0)
    y = F.add(F.add(x, x), x)
    y.backward()
    assert x.grad.data == 3.0


def test_second_backward_without_cleargrad_adds_to_the_first():
    x = var(3.0)
    F.add(x, x).backward()
    assert x.grad.data == 2.0
    F.add(F.add(x, x), x).backward()
    assert x.grad.data == 5.0


def test_cleargrad_starts_the_next_backward_from_zero():
    x = var(3.0)
    F.add(x, x).backward()
    assert x.grad.data == 2.0
    x.cleargrad()
    assert x.grad is None
    F.add(F.add(x, x), x).backward()
    assert x.grad.data == 3.0


def test_book_x_to_the_fourth_gives_32_and_64():
    x = var(2.0)
    y = x_to_the_fourth(x)
    y.backward()
    assert y.data == 32.0
    assert x.grad.data == 64.0


def test_book_a_times_b_plus_c():
    a, b, c = var(3.0), var(2.0), var(1.0)
    y = F.add(F.mul(a, b), c)
    y.backward()
    assert repr(y) == "variable(7.0)"
    assert (a.grad.data, b.grad.data, c.grad.data) == (2.0, 3.0, 1.0)

    a, b, c = var(3.0), var(2.0), var(1.0)
    y = a * b + c
    y.backward()
    assert repr(y) == "variable(7.0)"
    assert (a.grad.data, b.grad.data) == (2.0, 3.0)


def test_book_variable_plus_ndarray_and_numbers():
    x = var(2.0)
    assert repr(x + np.array(3.0)) == "variable(5.0)"
    assert repr(x + 3.0) == "variable(5.0)"
    assert repr(2.0 * x + 1.0) == "variable(5.0)"
    assert repr(2.0 - x) == "variable(0.0)"
    assert repr(x - 1.0) == "variable(1.0)"
    assert (x / 2).data == 1.0
    assert (x**3).data == 8.0
    assert (2.0**x).data == 4.0
    assert (3.0 / x).data == 1.5
    assert (-x).data == -2.0
    assert (+x) is x


def test_book_matrix_variable_shape_len_and_repr():
    x = Variable(np.array([[1, 2, 3], [4, 5, 6]]))
    assert x.shape == (2, 3)
    assert len(x) == 2
    assert x.ndim == 2
    assert x.size == 6
    assert x.dtype == np.array([1]).dtype
    # continuation lines line up under the first: 'variable(' is 9 characters
    assert repr(x) == "variable([[1 2 3]\n          [4 5 6]])"
    assert str(x) == repr(x)


def test_variable_keeps_its_name_and_prints_none_data():
    x = Variable(None, name="x")
    assert x.name == "x"
    assert x.data is None
    assert repr(x) == "variable(None)"


def test_backward_on_a_variable_without_data_raises_a_type_error_saying_so():
    x = Variable(None, name="x")
    with pytest.raises(TypeError, match="data is None; give it a value first"):
        x.backward()
    assert x.grad is None  # no grad of dtype object left behind
    x.data = np.array(3.0)
    x.backward()
    assert x.grad.data == 1.0


OPERATORS = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "**": operator.pow,
}


@pytest.mark.parametrize(
    ("op", "scalar", "vector"),
    [
        ("+", 5.0, [5.0, 6.0]),
        ("-", 1.0, [1.0, 2.0]),
        ("*", 6.0, [6.0, 8.0]),
        ("/", 1.5, [1.5, 2.0]),
        ("**", 9.0, [9.0, 16.0]),
    ],
)
def test_ndarray_on_the_left_of_an_operator_defers_to_variable(op, scalar, vector):
    x = var(2.0)
    for left, expected in ((np.array(3.0), scalar), (np.array([3.0, 4.0]), vector)):
        y = OPERATORS[op](left, x)  # ndarray.__op__ first, which must defer to Variable
        assert isinstance(y, Variable)
        np.testing.assert_allclose(y.data, expected)
        y.backward()  # and it is recorded: x gets a gradient
        assert x.grad is not None
        x.cleargrad()


@pytest.mark.parametrize("op", list(OPERATORS))
def test_numpy_scalar_on_the_left_of_an_operator_gives_a_variable(op):
    y = OPERATORS[op](np.float64(3.0), var(2.0))
    assert isinstance(y, Variable)
    assert y.creator is not None


def test_operator_results_and_gradients_match_hand_values():
    x = var(2.0)
    y = (x / 2 + x**3 - 2.0**x) * (1 - x) / (3 / x)
    y.backward()
    value = (1 + 8 - 4) * (1 - 2) / 1.5
    assert y.data == pytest.approx(value)

    def g(t):
        return (t / 2 + t**3 - 2.0**t) * (1 - t) / (3 / t)

    h = 1e-6
    assert x.grad.data == pytest.approx((g(2 + h) - g(2 - h)) / (2 * h), rel=1e-8)


# =============================================================================
# teaching switches
# =============================================================================


def test_accumulate_grad_off_overwrites_a_reused_variables_gradient():
    x = var(3.0)
    with using_config("accumulate_grad", False):
        F.add(x, x).backward()
    assert x.grad.data == 1.0
    x.cleargrad()
    F.add(x, x).backward()  # and the switch is back on outside the block
    assert x.grad.data == 2.0


def test_order_by_generation_off_gives_the_books_wrong_96():
    x = var(2.0)
    with using_config("order_by_generation", False):
        x_to_the_fourth(x).backward()
    assert x.grad.data == 96.0
    x.cleargrad()
    x_to_the_fourth(x).backward()
    assert x.grad.data == 64.0


@pytest.mark.parametrize("by_generation", [True, False], ids=["heap", "plain_stack"])
def test_both_schedulers_agree_where_the_early_book_was_already_right(by_generation):
    # A reused input and a diamond whose branches start at the input itself: no
    # function is reached twice, so the plain stack of the book before step 16 is right.
    with using_config("order_by_generation", by_generation):
        x = var(3.0)
        F.add(x, x).backward()
        assert x.grad.data == 2.0
        x = var(3.0)
        (x * x + x * x).backward()
        assert x.grad.data == 12.0  # d(2x²)/dx = 4x


def test_generation_queue_gives_highest_generation_first_and_ties_last_arrived_first():
    from engine.core import GenerationQueue

    class Op(Function):
        def __init__(self, generation: int) -> None:
            self.generation = generation

    a, b, c, d = Op(1), Op(3), Op(1), Op(2)
    funcs = GenerationQueue()
    for f in (a, b, c, d, b):  # b arrives twice: it is kept once
        funcs.add(f)
    assert funcs.pending() == [b, d, c, a]
    order = []
    for f in funcs:
        order.append(f)
        if f is d:
            funcs.add(Op(5))  # added while backward runs: it comes out next
    assert [f.generation for f in order] == [3, 2, 5, 1, 1]
    assert order[3:] == [c, a]


@settings(max_examples=60, deadline=None)
@given(
    generations=st.lists(st.integers(0, 4), min_size=1, max_size=30),
    pops_between=st.lists(st.booleans(), min_size=30, max_size=30),
)
def test_generation_queue_gives_the_order_of_the_books_sorted_list(generations, pops_between):
    """The book's step 16: ``funcs.append(f); funcs.sort(key=generation)``, then
    ``funcs.pop()``. Gradients add up in that order, so results agree to the last digit."""
    from engine.core import GenerationQueue

    class Op(Function):
        def __init__(self, generation: int) -> None:
            self.generation = generation

    ops = [Op(g) for g in generations]
    queue, book, ours, theirs = GenerationQueue(), [], [], []
    for op, pop in zip(ops, pops_between, strict=False):
        queue.add(op)
        book.append(op)
        book.sort(key=lambda f: f.generation)
        if pop:
            ours.append(next(iter(queue)))
            theirs.append(book.pop())
    ours.extend(queue)
    theirs.extend(reversed(book))
    assert ours == theirs


def test_plain_stack_gives_last_added_first_and_keeps_repeats():
    from engine.core import PlainStack

    a, b = Function(), Function()
    funcs = PlainStack()
    for f in (a, b, a):
        funcs.add(f)
    assert funcs.pending() == [a, b, a]
    assert list(funcs) == [a, b, a]


def test_weak_outputs_off_keeps_a_discarded_graph_alive_until_the_cycle_collector():
    x = var(2.0)
    with cycle_collector_off():
        with using_config("weak_outputs", False):
            y = F.sin(F.square(x))
            intermediate = weakref.ref(y.creator.inputs[0].creator)
        del y
        assert intermediate() is not None  # a cycle: reference counting cannot free it
    gc.collect()
    assert intermediate() is None


def test_weak_outputs_default_frees_a_discarded_graph_by_reference_counting():
    x = var(2.0)
    with cycle_collector_off():
        y = F.sin(F.square(x))
        intermediate = weakref.ref(y.creator.inputs[0].creator)
        last = weakref.ref(y.creator)
        del y
        assert intermediate() is None
        assert last() is None


def test_using_config_restores_the_switch_after_an_exception():
    with pytest.raises(RuntimeError), using_config("enable_backprop", False):
        assert Config.enable_backprop is False
        raise RuntimeError("boom")
    assert Config.enable_backprop is True


def test_using_config_nests_and_restores_in_order():
    with using_config("accumulate_grad", False):
        with using_config("accumulate_grad", True):
            assert Config.accumulate_grad is True
        assert Config.accumulate_grad is False
    assert Config.accumulate_grad is True


def test_using_config_rejects_an_unknown_switch():
    with pytest.raises(AttributeError, match="no_such_switch"), using_config("no_such_switch", 1):
        pass


# =============================================================================
# backward: scheduling, graphs, memory
# =============================================================================


def test_diamond_graph_sums_both_paths():
    x = var(3.0)
    y = x * x + x * x
    y.backward()
    assert y.data == 18.0
    assert x.grad.data == 12.0


def test_function_waits_until_every_path_has_delivered_its_gradient():
    # a feeds y directly and through a three-function detour; a's creator must run
    # only after the detour has arrived, or part of the gradient is lost.
    x = var(0.7)
    a = F.square(x)
    y = F.add(a, F.exp(F.sin(F.cos(a))))
    y.backward()
    a0 = 0.7**2
    dy_da = 1 + math.exp(math.sin(math.cos(a0))) * math.cos(math.cos(a0)) * -math.sin(a0)
    assert x.grad.data == pytest.approx(dy_da * 2 * 0.7, rel=1e-14)


def test_generations_count_distance_from_the_inputs():
    x = var(2.0)
    a = F.square(x)
    b = F.square(a)
    y = F.add(b, x)
    assert (x.generation, a.generation, b.generation, y.generation) == (0, 1, 2, 3)
    assert y.creator.generation == 2
    assert a.creator.generation == 0


def test_one_variable_feeding_ten_thousand_functions():
    x = var(1.5)
    y = F.square(x)
    for _ in range(9_999):
        y = y + F.square(x)
    y.backward()
    assert y.data == pytest.approx(10_000 * 2.25)
    assert x.grad.data == pytest.approx(10_000 * 3.0)


def test_hundred_thousand_node_chain_backward_without_recursion_error():
    x = var(1.0)
    y = x * 1.00001 + 0.5
    first = weakref.ref(y.creator)
    for _ in range(49_999):  # two nodes per step
        y = y * 1.00001 + 0.5
    y.backward()
    assert x.grad.data == pytest.approx(1.00001**50_000, rel=1e-9)
    with cycle_collector_off():
        del y  # a 100,000-deep chain of objects freed without recursion either
    assert first() is None


def test_discarded_graph_is_freed_without_the_cycle_collector():
    x = var(np.linspace(0, 1, 10))
    with cycle_collector_off():
        refs = []
        for _ in range(100):
            y = F.sum(F.sin(x) * x + F.exp(-x))
            y.backward()
            refs.append(weakref.ref(y.creator))
            refs.append(weakref.ref(y.creator.inputs[0].creator))
            x.cleargrad()
        del y
        assert all(r() is None for r in refs)


def test_no_grad_records_nothing():
    x = var(2.0)
    with no_grad():
        y = F.square(F.exp(x))
    assert y.creator is None
    assert y.generation == 0
    y.backward()
    assert y.grad.data == 1.0
    assert x.grad is None


def test_no_grad_is_switched_back_on_after_the_block():
    with no_grad():
        assert Config.enable_backprop is False
    assert Config.enable_backprop is True
    assert F.square(var(2.0)).creator is not None


def test_intermediate_gradients_are_cleared_by_default():
    x = var(2.0)
    a = F.square(x)
    y = F.exp(a)
    y.backward()
    assert a.grad is None
    assert x.grad.data == pytest.approx(math.exp(4.0) * 4.0)


def test_retain_grad_keeps_intermediate_gradients():
    x = var(2.0)
    a = F.square(x)
    y = F.exp(a)
    y.backward(retain_grad=True)
    assert y.grad.data == 1.0
    assert a.grad.data == pytest.approx(math.exp(4.0))
    assert x.grad.data == pytest.approx(math.exp(4.0) * 4.0)


@pytest.mark.parametrize("value", [3.0, [1.0, 2.0, 3.0], [[1, 2], [3, 4]]])
def test_backward_on_a_variable_without_creator_gives_ones(value):
    x = var(value)
    x.backward()
    np.testing.assert_array_equal(x.grad.data, np.ones_like(np.array(value)))
    assert x.grad.shape == x.shape


def test_backward_seeds_ones_of_the_output_shape_so_a_vector_output_sums():
    x = var([1.0, 2.0, 3.0])
    y = x * x
    y.backward()
    np.testing.assert_array_equal(x.grad.data, [2.0, 4.0, 6.0])


def test_create_graph_false_gives_gradients_without_creator():
    x = var(2.0)
    y = F.sin(x) * x
    y.backward()
    assert x.grad.creator is None


def test_create_graph_true_records_the_backward_pass_for_second_derivatives():
    # the book's step 33: y = x^4 - 2x^2, y' = 4x^3 - 4x = 24, y'' = 12x^2 - 4 = 44
    x = var(2.0)
    y = x**4 - 2 * x**2
    y.backward(create_graph=True)
    gx = x.grad
    assert gx.data == 24.0
    assert gx.creator is not None
    x.cleargrad()
    gx.backward()
    assert x.grad.data == 44.0


def test_newtons_method_with_second_derivatives_converges_like_the_book():
    # the book's step 34: minimising x^4 - 2x^2 from x = 2 reaches 1 in 7 steps
    x = var(2.0)
    for _ in range(7):
        y = x**4 - 2 * x**2
        x.cleargrad()
        y.backward(create_graph=True)
        gx = x.grad
        x.cleargrad()
        gx.backward()
        x.data -= gx.data / x.grad.data
    assert x.data == pytest.approx(1.0, abs=1e-12)


# =============================================================================
# BackwardTracer
# =============================================================================


class RecordingTracer(BackwardTracer):
    def __init__(self) -> None:
        self.events = []

    def on_pop(self, f, pending):
        self.events.append(("pop", f, list(pending)))

    def on_backward(self, f, gys, gxs):
        self.events.append(("backward", f, [g.data for g in gys], [g.data for g in gxs]))

    def on_accumulate(self, f, x, before, gx, after):
        self.events.append(
            ("accumulate", f, x, None if before is None else before.data, gx.data, after.data)
        )


def test_tracer_sees_functions_in_generation_order_for_x_to_the_fourth():
    x = var(2.0)
    a = F.square(x)
    b1, b2 = F.square(a), F.square(a)
    y = F.add(b1, b2)
    tracer = RecordingTracer()
    y.backward(tracer=tracer)

    popped = [e[1] for e in tracer.events if e[0] == "pop"]
    assert popped[0] is y.creator
    assert {id(f) for f in popped[1:3]} == {id(b1.creator), id(b2.creator)}
    assert popped[3] is a.creator
    assert len(popped) == 4  # the Square of x runs once, after both Squares of a

    into_a = [e for e in tracer.events if e[0] == "accumulate" and e[2] is a]
    assert [(e[3], e[4], e[5]) for e in into_a] == [(None, 8.0, 8.0), (8.0, 8.0, 16.0)]
    assert x.grad.data == 64.0


def test_tracer_pending_list_names_the_next_function_first():
    x = var(2.0)
    a = F.square(x)
    y = F.add(F.square(a), F.square(a))
    tracer = RecordingTracer()
    y.backward(tracer=tracer)
    pops = [e for e in tracer.events if e[0] == "pop"]
    # The Squares of a are queued only after Add has run, so Add sees an empty queue.
    assert [len(pending) for _, _, pending in pops] == [0, 1, 1, 0]
    for (_, _, pending), (_, following, _) in zip(pops[1:], pops[2:], strict=False):
        assert pending[0] is following
    assert pops[2][2][0] is a.creator


def test_tracer_events_come_pop_then_backward_then_accumulate_per_function():
    x = var(2.0)
    y = F.sin(x) * x
    tracer = RecordingTracer()
    y.backward(tracer=tracer)
    kinds = [e[0] for e in tracer.events]
    assert kinds == ["pop", "backward", "accumulate", "accumulate", "pop", "backward", "accumulate"]
    _, _, gys, gxs = tracer.events[1]
    assert gys == [1.0]
    assert gxs == [pytest.approx(2.0), pytest.approx(math.sin(2.0))]


def test_tracer_works_with_order_by_generation_off():
    x = var(2.0)
    y = F.add(F.exp(x), F.mul(F.sin(x), F.cos(x)))
    tracer = RecordingTracer()
    with using_config("order_by_generation", False):
        y.backward(tracer=tracer)
    pops = [e for e in tracer.events if e[0] == "pop"]
    assert len(pops) == 5
    assert x.grad.data == pytest.approx(math.exp(2.0) + math.cos(4.0))  # d/dx sin x cos x


def test_tracer_sees_the_books_double_visit_with_order_by_generation_off():
    x = var(2.0)
    a = F.square(x)
    y = F.add(F.square(a), F.square(a))
    tracer = RecordingTracer()
    with using_config("order_by_generation", False):
        y.backward(tracer=tracer)
    popped = [e[1] for e in tracer.events if e[0] == "pop"]
    assert len(popped) == 5
    assert sum(f is a.creator for f in popped) == 2  # the Square of x runs twice
    assert x.grad.data == 96.0


def test_default_tracer_methods_do_nothing():
    x = var(2.0)
    F.square(x).backward(tracer=BackwardTracer())
    assert x.grad.data == 4.0


# =============================================================================
# bad input: a clear error, never a silent wrong answer
# =============================================================================


@pytest.mark.parametrize("data", [1.0, 3, "a", [1.0, 2.0], (1.0,)])
def test_variable_rejects_anything_but_an_ndarray_naming_numpy_ndarray(data):
    with pytest.raises(TypeError, match=r"numpy\.ndarray"):
        Variable(data)


def test_as_array_and_as_variable_wrap_numbers():
    assert isinstance(as_array(2.0), np.ndarray)
    assert isinstance(as_array(np.float64(2.0)), np.ndarray)
    arr = np.array([1.0])
    assert as_array(arr) is arr
    v = var(1.0)
    assert as_variable(v) is v
    assert as_variable(2.0).data == 2.0
    with pytest.raises(TypeError):
        as_array("a")
    with pytest.raises(TypeError):
        as_array(None)


@pytest.mark.parametrize("other", [None, "a", object()])
def test_operator_with_a_non_number_raises_type_error(other):
    x = var(2.0)
    with pytest.raises(TypeError):
        x + other  # noqa: B018
    with pytest.raises(TypeError):
        other * x  # noqa: B018


NONE_OPS = [
    pytest.param(lambda v, w: F.square(v), id="square"),
    pytest.param(lambda v, w: F.sin(v), id="sin"),
    pytest.param(lambda v, w: F.exp(v), id="exp"),
    pytest.param(lambda v, w: F.neg(v), id="neg"),
    pytest.param(lambda v, w: F.relu(v), id="relu"),
    pytest.param(lambda v, w: v**2, id="pow"),
    pytest.param(lambda v, w: F.add(v, w), id="add"),
    pytest.param(lambda v, w: F.add(w, v), id="add_right"),
    pytest.param(lambda v, w: F.mul(v, w), id="mul"),
    pytest.param(lambda v, w: F.sub(v, w), id="sub"),
    pytest.param(lambda v, w: F.div(w, v), id="div"),
    pytest.param(lambda v, w: w**v, id="pow_variable_exponent"),
    pytest.param(lambda v, w: v + 1.0, id="add_number"),
    pytest.param(lambda v, w: 2.0 * v, id="mul_number"),
    pytest.param(lambda v, w: F.sum(v), id="sum"),
    pytest.param(lambda v, w: F.reshape(v, (1,)), id="reshape"),
    pytest.param(lambda v, w: F.broadcast_to(v, (1,)), id="broadcast_to"),
    pytest.param(lambda v, w: F.sum_to(v, (1,)), id="sum_to"),
]


@pytest.mark.parametrize("op", NONE_OPS)
def test_operation_on_none_data_raises_a_clear_type_error(op):
    with pytest.raises(TypeError, match="None"):
        op(Variable(None), var(2.0))


SHAPE_MISMATCH = [
    pytest.param(F.add, id="add"),
    pytest.param(F.sub, id="sub"),
    pytest.param(F.mul, id="mul"),
    pytest.param(F.div, id="div"),
    pytest.param(F.pow, id="pow_variable_exponent"),
]


@pytest.mark.parametrize("op", SHAPE_MISMATCH)
@pytest.mark.parametrize(("s0", "s1"), [((3,), (4,)), ((2, 3), (3, 2)), ((2, 3), (2,))])
def test_shapes_that_do_not_broadcast_raise_value_error(op, s0, s1):
    x0 = Variable(np.ones(s0))
    x1 = Variable(np.ones(s1))
    with pytest.raises(ValueError):
        op(x0, x1)


@pytest.mark.parametrize(
    "op",
    [
        pytest.param(lambda x: F.reshape(x, (4,)), id="reshape"),
        pytest.param(lambda x: F.broadcast_to(x, (4,)), id="broadcast_to"),
        pytest.param(lambda x: F.sum(x, axis=2), id="sum_axis_out_of_range"),
    ],
)
def test_shape_functions_reject_impossible_shapes(op):
    with pytest.raises(ValueError):
        op(Variable(np.ones((2, 3))))


def test_column_with_row_broadcasts_to_a_matrix_and_gradients_keep_input_shapes():
    col = Variable(np.array([[1.0], [2.0], [3.0]]))
    row = Variable(np.array([10.0, 20.0, 30.0, 40.0]))
    y = col * row
    assert y.shape == (3, 4)
    y.backward()
    np.testing.assert_array_equal(col.grad.data, [[100.0], [100.0], [100.0]])
    np.testing.assert_array_equal(row.grad.data, [6.0, 6.0, 6.0, 6.0])


def test_a_custom_function_without_backward_says_which_is_missing():
    class Half(Function):
        def forward(self, x):
            return x / 2

    x = var(2.0)
    y = Half()(x)
    assert y.data == 1.0
    with pytest.raises(NotImplementedError, match="Half"):
        y.backward()
