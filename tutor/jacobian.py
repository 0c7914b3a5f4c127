"""The Jacobian of a formula with several outputs, and the two products autodiff gives.

For ``(x*y, sin(x) + y^2)``, f: R² → R², the Jacobian J holds ∂fᵢ/∂xⱼ in row i,
column j. Autodiff never builds J directly; it computes products with it:

* a **VJP** vᵀJ is one *backward* pass: the output grads seeded with v. With a one-hot
  v (1 on output i) it is row i of J, the gradient of fᵢ.
* a **JVP** J·u is one *forward* pass (``engine.forward.jvp``): the inputs' tangents set
  to u. With a one-hot u (1 on input j) it is column j of J.

So J takes m backward passes, or n forward ones. ``jacobian`` gets its rows by m VJPs.
A single-output formula is the m = 1 case: J is the gradient as a 1×n matrix.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

import engine.forward
from engine.core import Variable, using_config
from tutor.formula import Expression
from tutor.numbers import short


@dataclass(frozen=True)
class Product:
    """The result of one pass: ``kind`` "vjp" (vᵀJ, length n) or "jvp" (J·u, length m).

    ``fills`` is ("row", i) for a VJP with a one-hot v, ("column", j) for a JVP with a
    one-hot u, and None for a general vector (then the result mixes rows or columns).
    """

    kind: str
    vector: tuple[float, ...]
    result: tuple[float, ...]
    fills: tuple[str, int] | None


def _point(expr: Expression, point: Mapping[str, float]) -> dict[str, float]:
    return {name: float(point.get(name, 1.0)) for name in expr.variables}


def _scalar(a) -> float:
    a = np.asarray(a, dtype=np.float64)
    return float(a.reshape(-1)[0]) + 0.0 if a.size else float("nan")


def one_hot_index(vector: Sequence[float]) -> int | None:
    """The index of the single 1 in a vector of 0s and one 1, else None."""
    nonzero = [i for i, v in enumerate(vector) if v != 0]
    if len(nonzero) == 1 and vector[nonzero[0]] == 1:
        return nonzero[0]
    return None


def values(expr: Expression, point: Mapping[str, float]) -> tuple[float, ...]:
    """f₁, ..., fₘ at ``point``."""
    with np.errstate(all="ignore"):
        out = expr.evaluate(_point(expr, point))
    outs = out if isinstance(out, tuple) else (out,)
    return tuple(_scalar(o) for o in outs)


def vjp(expr: Expression, point: Mapping[str, float], v: Sequence[float]) -> Product:
    """vᵀJ in one backward pass.

    One output: its grad is seeded with v₁ before ``backward()``. Several outputs: the
    pass starts from vᵀf = Σ vᵢ·fᵢ (recorded, so backward reaches every fᵢ with grad
    vᵢ), which is what seeding each output's grad with vᵢ means.
    """
    m = len(expr.outputs)
    if len(v) != m:
        raise ValueError(f"v has {len(v)} entries but the formula has {m} outputs")
    xs = {name: Variable(np.array(value), name=name) for name, value in _point(expr, point).items()}
    with np.errstate(all="ignore"), using_config("enable_backprop", True):
        built = expr.build(xs)
        outs = built if isinstance(built, tuple) else (built,)
        if m == 1:
            start = outs[0]
            start.grad = Variable(np.full_like(start.data, float(v[0]), dtype=np.float64))
        else:
            start = outs[0] * float(v[0])
            for vi, y in zip(v[1:], outs[1:], strict=True):
                start = start + y * float(vi)
        start.backward()
    result = tuple(
        0.0 if xs[name].grad is None else _scalar(xs[name].grad.data) for name in expr.variables
    )
    index = one_hot_index(v)
    return Product("vjp", tuple(map(float, v)), result, None if index is None else ("row", index))


def jvp(expr: Expression, point: Mapping[str, float], u: Sequence[float]) -> Product:
    """J·u in one forward pass of ``engine.forward.jvp`` (no backward)."""
    names = list(expr.variables)
    if len(u) != len(names):
        raise ValueError(f"u has {len(u)} entries but the formula has {len(names)} inputs")
    p = _point(expr, point)

    def fn(*xs: Variable):
        return expr.build(dict(zip(names, xs, strict=True)))

    with np.errstate(all="ignore"):
        _, tangents = engine.forward.jvp(
            fn, [np.array(p[n]) for n in names], [np.array(float(c)) for c in u]
        )
    index = one_hot_index(u)
    return Product(
        "jvp",
        tuple(map(float, u)),
        tuple(_scalar(t.data) for t in tangents),
        None if index is None else ("column", index),
    )


def jacobian(expr: Expression, point: Mapping[str, float]) -> np.ndarray:
    """The m×n Jacobian at ``point``, row by row: m backward passes (one-hot VJPs)."""
    m, n = len(expr.outputs), len(expr.variables)
    rows = [vjp(expr, point, [1.0 if k == i else 0.0 for k in range(m)]).result for i in range(m)]
    return np.array(rows, dtype=np.float64).reshape(m, n)


def output_labels(expr: Expression) -> list[str]:
    """f₁, f₂, ... (just f for a single output)."""
    m = len(expr.outputs)
    if m == 1:
        return ["f"]
    subscripts = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
    return [f"f{str(i + 1).translate(subscripts)}" for i in range(m)]


def output_texts(expr: Expression) -> list[str]:
    """Each output's formula, as the learner typed it."""
    return [" ".join((expr.source(o) or str(o)).split()) for o in expr.outputs]


def entry_label(output: str, variable: str) -> str:
    """``∂f₁/∂x``: the label of one Jacobian entry."""
    return f"∂{output}/∂{variable}"


def product_text(product: Product, digits: int = 4) -> str:
    """``(0.5, 1.2)``: a pass's result vector as text."""
    return "(" + ", ".join(short(c, digits) for c in product.result) + ")"


__all__ = [
    "Product",
    "entry_label",
    "jacobian",
    "jvp",
    "one_hot_index",
    "output_labels",
    "output_texts",
    "product_text",
    "values",
    "vjp",
]
