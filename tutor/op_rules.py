"""What each engine op looks like in the tutor: its box's symbol and its local rule.

The step-through view plugs numbers into these rules (``gx = gy · cos(x) = 1 · cos(0.5)``)
and the gradient check reads which ops have a kink.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpRule:
    """How one op is drawn and what its ``backward`` computes.

    ``symbol`` labels the Function's box (``{c}`` stands for the op's constant).
    ``rules`` has one entry per input: the
    symbolic rule (``gx = gy · cos(x)``) and the same right-hand side with placeholders
    for the numbers (``{gy} · cos({x})``), or None when plugging in adds nothing.
    Placeholders: ``x`` (or ``x0``, ``x1``) the inputs, ``y`` the output, ``gy`` the
    gradient arriving, ``c`` a constant exponent; ``{x!p}`` puts a negative number in
    parentheses.
    """

    symbol: str
    forward: str
    rules: tuple[tuple[str, str | None], ...]
    kink: str | None = None  # where the op is not differentiable, and the subgradient used


OP_RULES: dict[str, OpRule] = {
    "Add": OpRule("+", "y = x0 + x1", (("gx0 = gy", None), ("gx1 = gy", None))),
    "Sub": OpRule("−", "y = x0 − x1", (("gx0 = gy", None), ("gx1 = −gy", "−{gy!p}"))),
    "AddConst": OpRule("+{c}", "y = x + c", (("gx = gy", None),)),
    "MulConst": OpRule("×{c}", "y = c · x", (("gx = gy · c", "{gy!p} · {c!p}"),)),
    "DivConst": OpRule("÷{c}", "y = x / c", (("gx = gy / c", "{gy!p} / {c!p}"),)),
    "Mul": OpRule(
        "×",
        "y = x0 · x1",
        (("gx0 = gy · x1", "{gy!p} · {x1!p}"), ("gx1 = gy · x0", "{gy!p} · {x0!p}")),
    ),
    "Div": OpRule(
        "÷",
        "y = x0 / x1",
        (
            ("gx0 = gy / x1", "{gy!p} / {x1!p}"),
            ("gx1 = gy · (−x0 / x1²)", "{gy!p} · (−{x0!p} / {x1!p}²)"),
        ),
    ),
    "Neg": OpRule("−x", "y = −x", (("gx = −gy", "−{gy!p}"),)),
    "Pow": OpRule("x^{c}", "y = x^c", (("gx = c · x^(c−1) · gy", "{c} · {x!p}^{cm1!p} · {gy!p}"),)),
    "PowVar": OpRule(
        "^",
        "y = x0^x1",
        (
            ("gx0 = gy · x1 · x0^(x1−1)", "{gy!p} · {x1!p} · {x0!p}^{x1m1!p}"),
            ("gx1 = gy · y · log(x0)", "{gy!p} · {y!p} · log({x0})"),
        ),
    ),
    "Square": OpRule("x²", "y = x²", (("gx = 2 · x · gy", "2 · {x!p} · {gy!p}"),)),
    "Exp": OpRule("exp", "y = exp(x)", (("gx = gy · y", "{gy!p} · {y!p}"),)),
    "Log": OpRule("log", "y = log(x)", (("gx = gy / x", "{gy!p} / {x!p}"),)),
    "Sin": OpRule("sin", "y = sin(x)", (("gx = gy · cos(x)", "{gy!p} · cos({x})"),)),
    "Cos": OpRule("cos", "y = cos(x)", (("gx = gy · (−sin(x))", "{gy!p} · (−sin({x}))"),)),
    "Tan": OpRule("tan", "y = tan(x)", (("gx = gy · (1 + y²)", "{gy!p} · (1 + {y!p}²)"),)),
    "Tanh": OpRule("tanh", "y = tanh(x)", (("gx = gy · (1 − y²)", "{gy!p} · (1 − {y!p}²)"),)),
    "Sqrt": OpRule("√", "y = √x", (("gx = gy / (2 · y)", "{gy!p} / (2 · {y!p})"),)),
    "Sigmoid": OpRule(
        "σ", "y = σ(x)", (("gx = gy · y · (1 − y)", "{gy!p} · {y!p} · (1 − {y!p})"),)
    ),
    "ReLU": OpRule(
        "relu",
        "y = max(x, 0)",
        (("gx = gy · [x > 0]", "{gy!p} · [{x} > 0]"),),
        kink="relu′(0) is undefined; the subgradient 0 is used",
    ),
    "Abs": OpRule(
        "|x|",
        "y = |x|",
        (("gx = gy · sign(x)", "{gy!p} · sign({x})"),),
        kink="|x|′ at 0 is undefined; the subgradient sign(0) = 0 is used",
    ),
    "Sum": OpRule("Σ", "y = sum(x)", (("gx = broadcast_to(gy, x.shape)", None),)),
    "SumTo": OpRule("sum_to", "y = sum_to(x)", (("gx = broadcast_to(gy, x.shape)", None),)),
    "BroadcastTo": OpRule(
        "broadcast", "y = broadcast_to(x)", (("gx = sum_to(gy, x.shape)", None),)
    ),
    "Reshape": OpRule("reshape", "y = reshape(x)", (("gx = reshape(gy, x.shape)", None),)),
}

# Ops whose derivative is undefined at x = 0 (the kink), for the gradient check.
NONDIFFERENTIABLE_AT_ZERO = frozenset(op for op, rule in OP_RULES.items() if rule.kink)


def op_rule(op: str) -> OpRule:
    """The rule for an op's class name; a user-defined Function gets a generic one."""
    rule = OP_RULES.get(op)
    if rule is None:
        rule = OpRule(op.lower(), f"y = {op.lower()}(x)", (("gx = backward(gy)", None),))
    return rule


__all__ = ["NONDIFFERENTIABLE_AT_ZERO", "OP_RULES", "OpRule", "op_rule"]
