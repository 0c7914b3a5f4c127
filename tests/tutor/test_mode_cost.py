"""Pass and operation counts of both modes, against counts done by hand.

Hand counts (each Function evaluation is one operation):
* Mul.jvp = ẋ0·x1 + x0·ẋ1 is 3 ops, Mul.backward (gy·x1, gy·x0) 2, Add's rules 1 / 0,
  Sin.jvp and Sin.backward cos + mul = 2 each.
"""

from tutor.formula import parse
from tutor.mode_cost import compare


def test_product_of_two_inputs():
    c = compare(parse("x*y"), {"x": 2.0, "y": 3.0})
    assert (c.inputs, c.outputs) == (2, 1)
    # forward: 2 passes × (Mul + its rule's 3 ops)
    assert (c.forward.passes, c.forward.primal, c.forward.rules, c.forward.total) == (2, 2, 2, 8)
    # reverse: 1 pass: Mul + its backward's 2 ops
    assert (c.reverse.passes, c.reverse.primal, c.reverse.rules, c.reverse.total) == (1, 1, 1, 3)


def test_a_sum_of_n_inputs_costs_n_passes_forward_and_one_backward():
    c = compare(parse("a + b + c + d"), {})
    # forward: 4 passes × (3 Adds + 3 rule Adds); reverse: 3 Adds, backward adds nothing
    assert (c.forward.passes, c.forward.total) == (4, 24)
    assert (c.reverse.passes, c.reverse.rules, c.reverse.total) == (1, 3, 3)


def test_two_outputs_take_two_backward_passes():
    c = compare(parse("(x*y, sin(x) + y^2)"), {"x": 0.5, "y": 2.0})
    assert (c.inputs, c.outputs) == (2, 2)
    assert c.forward.passes == 2 and c.reverse.passes == 2
    # each pass builds all four ops (Mul, Sin, Pow, Add)
    assert c.forward.primal == 8 and c.reverse.primal == 8
    # backward: output 1 reaches Mul; output 2 reaches Add, Sin, Pow
    assert c.reverse.rules == 4
    assert "forward mode needs 2 passes" in str(c.summary())


def test_one_input_costs_the_same_either_way():
    c = compare(parse("sin(x)"), {"x": 1.0})
    assert c.forward.passes == c.reverse.passes == 1
    assert c.forward.total == c.reverse.total == 3
