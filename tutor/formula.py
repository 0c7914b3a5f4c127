"""Formulas as text: a safe parser, a small tree, and a builder of engine graphs.

    >>> import numpy as np
    >>> from engine import Variable
    >>> expr = parse("x^2 + 3x")
    >>> expr.variables
    ('x',)
    >>> str(expr)               # canonical text: parses back to the same tree
    'x^2+3*x'
    >>> expr.pretty()           # for display only
    'x² + 3 · x'
    >>> x = Variable(np.array(2.0))
    >>> y = expr.build({"x": x})
    >>> y.backward()
    >>> x.grad
    variable(7.0)

What a learner may want to know:

* The text is never handed to Python (no ``eval``, ``exec``, ``compile`` or ``ast``).
  A tokenizer cuts it into numbers, names, operators and parentheses; a parser arranges
  them into a tree of small immutable nodes (``Number``, ``Name``, ``Constant``,
  ``UnaryOp``, ``BinaryOp``, ``Call``). Anything outside the grammar is a ``ParseError``
  that says what is wrong and where (``.position``, counted from 0).
* The parser is Dijkstra's *shunting-yard* algorithm, the loop form of precedence
  climbing: operands and pending operators wait on two explicit stacks. No function
  calls itself, so a 10,000-character formula cannot overflow Python's call stack.
  Every walk over the tree (printing, building, comparing) uses an explicit stack for
  the same reason.
* A formula may have several outputs: a parenthesised tuple ``(x*y, sin(x) + y^2)``,
  only as the whole formula. Its ``root`` is a ``Tuple`` node, ``expr.outputs`` lists
  the outputs' roots (one for an ordinary formula), and ``build`` returns a tuple of
  Variables, one per output. Where one f is expected (the session, the plot, ``eval``)
  ask for it: ``parse(text, single=True)`` raises ``SeveralOutputsError`` (a
  ``ParseError``) with a message that says so.

      >>> pair = parse("(x*y, sin(x) + y^2)")
      >>> len(pair.outputs), str(pair)
      (2, '(x*y,sin(x)+y^2)')

* A name followed by ``(`` is a call. ``foo(x)``, ``sine(x)`` or ``x(y+1)`` (no such
  function) is a ``ParseError`` at the name that suggests the nearest function and
  says that a product is written ``foo*(x)``: reading it silently as ``foo·x`` would
  give a wrong answer without a word.
* ``Expression.build`` turns the tree into engine calls (``F.add``, ``F.mul``,
  ``F.sin``, ...), one engine Function per operator, so the recorded graph mirrors
  the formula. The one exception: an exponent without variables (the ``2`` in
  ``x^2``) is computed first and passed to ``F.pow`` as a plain number, so the engine
  uses its constant-power rule and no ``log`` appears in the gradient.

Grammar, loosest binding first (see DESIGN.md, "Expression grammar")::

    sum      a + b, a - b                      left to right
    outputs  (a, b, ...)                       only as the whole formula
    product  a * b, a / b, and implicit: 2x, 3(x+1), (x+1)(x-1), (x+1)x
    unary    -a, +a (may repeat: --a)
    power    a ^ b, a ** b                     right to left: 2^3^2 = 2^9;
                                              tighter than unary: -x^2 = -(x^2),
                                              and the exponent may be negated: 2^-1
    atom     2, 2.5, .5, 1e-3, x, θ, pi, π, e, sin(x), (a)   a name before ( is a call

``× ·`` mean ``*``, ``÷`` means ``/``, ``−`` (U+2212) means ``-``. Function names and
the constants ``pi`` (also ``π``) and ``e`` are reserved: they cannot be variables.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

import engine.functions as F
from engine.core import Function, Variable, no_grad
from tutor.messages import Message
from tutor.numbers import SUPERSCRIPT, exact

__all__ = [
    "BinaryOp",
    "Call",
    "Constant",
    "CONSTANTS",
    "Expression",
    "FORMULA_FUNCTIONS",
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MissingVariableError",
    "Name",
    "Node",
    "Number",
    "ParseError",
    "SeveralOutputsError",
    "Tuple",
    "UnaryOp",
    "parse",
    "pretty",
    "to_text",
    "walk",
]

# =============================================================================
# the vocabulary and the limits
# =============================================================================

MAX_LENGTH = 10_000
"""Longest accepted text, in characters."""

MAX_DEPTH = 200
"""Deepest accepted nesting of parentheses and function calls."""

FORMULA_FUNCTIONS: dict[str, type[Function]] = {
    obj.formula_name: obj
    for obj in vars(F).values()
    if isinstance(obj, type) and issubclass(obj, Function) and obj.formula_name
}
"""The engine's Functions a learner may call by name, by their ``formula_name``."""

FUNCTIONS: tuple[str, ...] = tuple(sorted(FORMULA_FUNCTIONS))
"""Names callable as ``name(x)``: the engine's one-argument functions."""

CONSTANTS: dict[str, float] = {"pi": math.pi, "e": math.e}
"""Reserved names with a fixed value."""

# Other spellings of a constant; the tree always stores the canonical name.
_CONSTANT_ALIASES = {"π": "pi"}

# Well-known functions the engine does not have. Followed by '(' they are an error, not
# "a variable times (...)": reading ``ln(x)`` as ln·x would silently give a wrong answer.
_FOREIGN_FUNCTIONS = {
    "ln": "log",
    "log10": None, "log2": None, "exp2": None, "cbrt": None, "pow": None,
    "asin": None, "acos": None, "atan": None, "arcsin": None, "arccos": None,
    "arctan": None, "sinh": None, "cosh": None, "sec": None, "csc": None, "cot": None,
    "sgn": None, "sign": None, "max": None, "min": None, "floor": None, "ceil": None,
}  # fmt: skip

# Characters a learner is likely to try, with a hint of what to write instead.
_CHARACTER_HINTS = {
    "=": Message("write only the formula, e.g. x^2 + 1"),
    "√": Message("write sqrt(x)"),
    "|": Message("write abs(x)"),
    **dict.fromkeys("[]{}", Message("use ( and ) for grouping")),
    **dict.fromkeys("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", Message("write powers with ^, e.g. x^2")),
}

_DIGITS = "0123456789"

# Typed symbol -> the operator it means. '**' is recognised by the tokenizer.
_OPERATORS = {
    "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "/": "/", "÷": "/", "^": "^",
}  # fmt: skip

# Binding strength: a higher number binds tighter. Atoms (numbers, names, calls) bind
# tightest of all. The printer uses the same table to decide where parentheses go.
_SUM, _PRODUCT, _UNARY, _POWER, _ATOM = 1, 2, 3, 4, 5
_BINARY_PRECEDENCE = {"+": _SUM, "-": _SUM, "*": _PRODUCT, "/": _PRODUCT, "^": _POWER}


# =============================================================================
# errors
# =============================================================================


class ParseError(ValueError):
    """The text is not a formula the tutor understands.

    ``str(error)`` is a message meant for the learner (in English; ``error.args[0]`` is
    the ``Message`` the window translates); ``position`` is the index (from 0) of the
    offending character: for an unclosed ``(`` the position of that ``(``, for text that
    stops too early ``len(text)``. Messages that name a column count from 1, as people
    do: ``column == position + 1``.
    """

    def __init__(self, message: Message | str, position: int) -> None:
        super().__init__(message)
        self.message = str(message)
        self.position = position

    @property
    def column(self) -> int:
        """The position counted from 1."""
        return self.position + 1


class SeveralOutputsError(ParseError):
    """A formula with several outputs, ``(f1, f2)``, where a single f is expected.

    Raised by ``parse(text, single=True)``; ``position`` is the tuple's ``(``.
    """


class MissingVariableError(KeyError):
    """``build`` was not given a value for a variable the expression uses."""

    def __str__(self) -> str:
        # KeyError's own str() would wrap the message in quotes.
        return str(self.args[0])


# =============================================================================
# the tree
# =============================================================================


class Node:
    """Base class of the tree's nodes. Every node is immutable and knows its span.

    ``start`` and ``end`` delimit the source text the node came from
    (``text[node.start:node.end]``); a parenthesized node's span includes its
    parentheses. Nodes built by hand have the span (0, 0).

    ``a == b`` compares structure only: spans and a number's original spelling are
    ignored, so ``parse("(x)+2.0").root == parse("x + 2").root``.
    """

    __slots__ = ()

    start: int
    end: int

    @property
    def children(self) -> tuple[Node, ...]:
        """The operands, left to right."""
        return ()

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)`` in the source text."""
        return (self.start, self.end)

    def _label(self) -> tuple:
        """What identifies this node apart from its children (for ==, hash)."""
        raise NotImplementedError

    def _repr_pieces(self) -> list:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return _signature(self) == _signature(other)

    def __hash__(self) -> int:
        return hash(_signature(self))

    def __repr__(self) -> str:
        return _join_pieces(self, lambda node: node._repr_pieces())


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class Number(Node):
    """A number literal: ``2``, ``2.5``, ``.5``, ``1e-3``. Never negative: ``-2`` is
    ``UnaryOp('-', Number(2.0))``. ``text`` keeps the spelling the learner typed."""

    value: float
    text: str = ""
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        value = float(self.value)
        if not (math.isfinite(value) and value >= 0):
            raise ValueError(
                f"Number holds a finite value >= 0, got {value!r}; "
                "write -2 as UnaryOp('-', Number(2.0))"
            )
        object.__setattr__(self, "value", value)  # frozen: the one allowed write

    def _label(self) -> tuple:
        return ("Number", self.value)

    def _repr_pieces(self) -> list:
        return [f"Number({self.value!r})"]


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class Name(Node):
    """A variable: any Python identifier that is not a function or a constant."""

    name: str
    start: int = 0
    end: int = 0

    def _label(self) -> tuple:
        return ("Name", self.name)

    def _repr_pieces(self) -> list:
        return [f"Name({self.name!r})"]


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class Constant(Node):
    """``pi`` or ``e`` (``name`` is the canonical spelling, also when ``π`` was typed)."""

    name: str
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        if self.name not in CONSTANTS:
            raise ValueError(f"unknown constant {self.name!r}; known: {', '.join(CONSTANTS)}")

    @property
    def value(self) -> float:
        return CONSTANTS[self.name]

    def _label(self) -> tuple:
        return ("Constant", self.name)

    def _repr_pieces(self) -> list:
        return [f"Constant({self.name!r})"]


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class UnaryOp(Node):
    """``-operand`` or ``+operand``."""

    op: str
    operand: Node
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        if self.op not in ("+", "-"):
            raise ValueError(f"UnaryOp.op is '+' or '-', got {self.op!r}")

    @property
    def children(self) -> tuple[Node, ...]:
        return (self.operand,)

    def _label(self) -> tuple:
        return ("UnaryOp", self.op)

    def _repr_pieces(self) -> list:
        return [f"UnaryOp({self.op!r}, ", self.operand, ")"]


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class BinaryOp(Node):
    """``left op right`` with ``op`` one of ``+ - * / ^`` (``^`` is the power)."""

    op: str
    left: Node
    right: Node
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        if self.op not in _BINARY_PRECEDENCE:
            raise ValueError(f"BinaryOp.op is one of + - * / ^, got {self.op!r}")

    @property
    def children(self) -> tuple[Node, ...]:
        return (self.left, self.right)

    def _label(self) -> tuple:
        return ("BinaryOp", self.op)

    def _repr_pieces(self) -> list:
        return [f"BinaryOp({self.op!r}, ", self.left, ", ", self.right, ")"]


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class Call(Node):
    """``name(args...)`` for an engine function (all of them take one argument)."""

    name: str
    args: tuple[Node, ...]
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        if self.name not in FORMULA_FUNCTIONS:
            raise ValueError(f"unknown function {self.name!r}; known: {', '.join(FUNCTIONS)}")
        object.__setattr__(self, "args", tuple(self.args))

    @property
    def children(self) -> tuple[Node, ...]:
        return self.args

    def _label(self) -> tuple:
        return ("Call", self.name, len(self.args))

    def _repr_pieces(self) -> list:
        pieces: list = [f"Call({self.name!r}, ("]
        for i, arg in enumerate(self.args):
            pieces += [", "] * (i > 0) + [arg]
        pieces.append(",))" if len(self.args) == 1 else "))")
        return pieces


@dataclass(frozen=True, eq=False, repr=False, slots=True)
class Tuple(Node):
    """``(a, b, ...)``: the outputs of a formula with several of them.

    Only ever the root of a tree: ``(x, y) + 1`` is not a formula.
    """

    items: tuple[Node, ...]
    start: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        items = tuple(self.items)
        if len(items) < 2:
            raise ValueError(f"a Tuple holds at least 2 outputs, got {len(items)}")
        object.__setattr__(self, "items", items)

    @property
    def children(self) -> tuple[Node, ...]:
        return self.items

    def _label(self) -> tuple:
        return ("Tuple", len(self.items))

    def _repr_pieces(self) -> list:
        pieces: list = ["Tuple(("]
        for i, item in enumerate(self.items):
            pieces += [", "] * (i > 0) + [item]
        pieces.append("))")
        return pieces


# =============================================================================
# walking the tree without recursion
# =============================================================================


def walk(root: Node) -> Iterator[Node]:
    """Every node under ``root``, children before their parent, left to right.

    This is the order in which ``Expression.build`` creates engine Functions.
    """
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if children_done:
            yield node
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.children))


def _signature(root: Node) -> tuple:
    """The tree as one flat tuple (pre-order labels), so == never recurses."""
    labels = []
    stack = [root]
    while stack:
        node = stack.pop()
        labels.append(node._label())
        stack.extend(reversed(node.children))
    return tuple(labels)


def _join_pieces(root: Node, pieces_of: Callable[[Node], list]) -> str:
    """Concatenate a node's pieces, expanding every Node piece the same way, in order.

    ``pieces_of(node)`` returns strings and child Nodes; an explicit stack replaces
    the recursion "text of parent = text of children glued together".
    """
    out: list[str] = []
    stack: list = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        else:
            stack.extend(reversed(pieces_of(item)))
    return "".join(out)


def _precedence(node: Node) -> int:
    if isinstance(node, BinaryOp):
        return _BINARY_PRECEDENCE[node.op]
    if isinstance(node, UnaryOp):
        return _UNARY
    return _ATOM


def _wrap(node: Node, needs_parentheses: bool) -> list:
    return ["(", node, ")"] if needs_parentheses else [node]


def _small_integer_power(exponent: Node) -> str | None:
    """``'2'`` for ``2``, ``'-1'`` for ``-1``: exponents pretty() writes as superscripts."""
    sign = ""
    if isinstance(exponent, UnaryOp) and exponent.op == "-":
        sign, exponent = "-", exponent.operand
    if isinstance(exponent, Number) and exponent.value.is_integer() and exponent.value < 1000:
        return sign + str(int(exponent.value))
    return None


def _pieces(node: Node, pretty: bool) -> list:
    """One node as text pieces, with the fewest parentheses that keep its meaning.

    A child gets parentheses when it binds looser than its parent needs:
    ``(a+b)*c``; on the side where the operator does not group, also when it binds
    equally: ``a-(b-c)``, ``a/(b*c)``, ``(a^b)^c``. A negation binds looser than a
    power, so ``(-x)^2`` keeps its parentheses and ``-(x^2)`` is written ``-x^2``.
    """
    if isinstance(node, Number):
        return [exact(node.value)]
    if isinstance(node, Name):
        return [node.name]
    if isinstance(node, Constant):
        return ["π" if pretty and node.name == "pi" else node.name]
    if isinstance(node, Call):
        pieces: list = [node.name, "("]
        for i, arg in enumerate(node.args):
            pieces += [", " if pretty else ","] * (i > 0) + [arg]
        return pieces + [")"]
    if isinstance(node, Tuple):
        pieces = ["("]
        for i, item in enumerate(node.items):
            pieces += [", " if pretty else ","] * (i > 0) + [item]
        return pieces + [")"]
    if isinstance(node, UnaryOp):
        symbol = "−" if pretty and node.op == "-" else node.op
        return [symbol, *_wrap(node.operand, _precedence(node.operand) < _UNARY)]
    assert isinstance(node, BinaryOp)
    left, right = node.left, node.right
    if node.op == "^":
        # The base must be an atom; the exponent may be a negation or another power.
        base = _wrap(left, _precedence(left) <= _POWER)
        superscript = _small_integer_power(right) if pretty else None
        if superscript is not None:
            return [*base, superscript.translate(SUPERSCRIPT)]
        return [*base, "^", *_wrap(right, _precedence(right) < _UNARY)]
    precedence = _BINARY_PRECEDENCE[node.op]
    if pretty:
        symbol = {"+": " + ", "-": " − ", "*": " · ", "/": " / "}[node.op]
    else:
        symbol = node.op
    return [
        *_wrap(left, _precedence(left) < precedence),
        symbol,
        *_wrap(right, _precedence(right) <= precedence),
    ]


def to_text(root: Node) -> str:
    """Canonical text of a tree: ``parse(to_text(t)).root == t``.

    Compact (``x^2*sin(y)+1``), ``^`` for powers, explicit ``*``, no spaces, so a
    formula near the length limit still fits when printed back.
    """
    return _join_pieces(root, lambda node: _pieces(node, pretty=False))


def pretty(root: Node) -> str:
    """Display text of a tree: ``x² · sin(y) − π``. Not meant to be parsed back."""
    return _join_pieces(root, lambda node: _pieces(node, pretty=True))


# =============================================================================
# tokenizer: text -> tokens
# =============================================================================


@dataclass(frozen=True, slots=True)
class _Token:
    """One piece of the text. ``kind``: number, name, op, (, ), ',' or end."""

    kind: str
    text: str  # as typed, for messages
    start: int
    end: int
    op: str = ""  # for kind 'op': the meaning, one of + - * / ^
    value: float = 0.0  # for kind 'number'


def _shorten(text: str, limit: int = 24) -> str:
    """``text`` for a message: a 5,000-digit number should not fill the screen."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _scan_number(text: str, i: int) -> int:
    """End of the number literal starting at ``i`` (digits, '.', exponent)."""
    n = len(text)
    j = i
    while j < n and text[j] in _DIGITS:
        j += 1
    if j < n and text[j] == ".":
        j += 1
        while j < n and text[j] in _DIGITS:
            j += 1
    if j < n and text[j] in "eE":
        # Only an exponent if digits follow: in '2e' or '2ex' the e starts a name
        # (2·e, 2·ex), as implicit multiplication allows.
        k = j + 1
        if k < n and text[k] in "+-":
            k += 1
        if k < n and text[k] in _DIGITS:
            while k < n and text[k] in _DIGITS:
                k += 1
            j = k
    return j


def _is_name_char(ch: str) -> bool:
    # '·' (U+00B7) may continue a Python identifier, but here it means multiply.
    return ch != "·" and ("a" + ch).isidentifier()


def _tokenize(text: str) -> Iterator[_Token]:
    """Yield the tokens of ``text`` one at a time, ending with an 'end' token.

    Lazy, so that an error early in the text is reported before one later in it.
    Only ASCII digits make numbers ('²' is not a 2 here).
    """
    n = len(text)
    i = 0
    while True:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            yield _Token("end", "", n, n)
            return
        ch = text[i]
        if ch in _DIGITS or (ch == "." and i + 1 < n and text[i + 1] in _DIGITS):
            j = _scan_number(text, i)
            literal = text[i:j]
            value = float(literal)  # the scan guarantees a valid float literal
            if not math.isfinite(value):
                raise ParseError(
                    Message("number '{number}' is too large", number=_shorten(literal)), i
                )
            yield _Token("number", literal, i, j, value=value)
        elif text.startswith("**", i):
            yield _Token("op", "**", i, i + 2, op="^")
            j = i + 2
        elif ch in _OPERATORS:
            yield _Token("op", ch, i, i + 1, op=_OPERATORS[ch])
            j = i + 1
        elif ch in "(),":
            yield _Token(ch, ch, i, i + 1)
            j = i + 1
        elif ch.isidentifier():  # a letter, '_', or any other identifier start
            j = i + 1
            while j < n and _is_name_char(text[j]):
                j += 1
            yield _Token("name", text[i:j], i, j)
        elif ch == ".":
            raise ParseError(Message("a '.' must be part of a number, e.g. 0.5"), i)
        else:
            hint = _CHARACTER_HINTS.get(ch)
            if hint is not None:
                raise ParseError(Message("unknown character {ch!r} — {hint}", ch=ch, hint=hint), i)
            raise ParseError(Message("unknown character {ch!r}", ch=ch), i)
        i = j


# =============================================================================
# parser: tokens -> tree (shunting-yard)
# =============================================================================


@dataclass(slots=True)
class _PendingOperator:
    """An operator on the stack, waiting for its right operand to be complete."""

    op: str  # + - * / ^
    unary: bool
    start: int

    @property
    def precedence(self) -> int:
        return _UNARY if self.unary else _BINARY_PRECEDENCE[self.op]


@dataclass(slots=True)
class _OpenParenthesis:
    """A '(' on the stack, waiting for its ')'. ``function`` is set for a call."""

    start: int
    function: _Token | None
    first_operand: int  # len(operands) when it opened: arguments are the ones above


def _suggested_function(name: str) -> str | None:
    """The engine function a learner who typed ``name(`` probably meant, or None."""
    if name in _FOREIGN_FUNCTIONS:
        return _FOREIGN_FUNCTIONS[name]
    if len(name) < 3:
        return None  # x, ab: far more likely a variable than a mistyped function
    close = difflib.get_close_matches(name, FUNCTIONS, n=1, cutoff=0.75)
    return close[0] if close else None


def _looks_like_a_function(name: str) -> bool:
    """Worth listing the functions for: a known function elsewhere, or a longer name."""
    return name in _FOREIGN_FUNCTIONS or len(name) >= 3


def _argument_text(text: str, open_index: int, limit: int = 24) -> str:
    """What stands between the ``(`` at ``open_index`` and its ``)``, for a message:
    ``x`` in ``foo(x)``; ``...`` when it is empty or too long to show."""
    n = len(text)
    stop = min(n, open_index + 1 + limit)
    depth, j = 1, open_index + 1
    while j < stop:
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                break
        j += 1
    else:
        if stop < n:
            return "..."
    inner = " ".join(text[open_index + 1 : j].split())
    if not inner:
        return "..."
    return inner + ")" * (depth - 1)  # 'foo(sin(x' is still being typed


class _Parser:
    """Turns the tokens of one text into a tree. Use ``parse()``, not this class.

    Two stacks: ``operands`` holds finished subtrees; ``operators`` holds operators
    and open parentheses still waiting for what comes after them. When an operator
    arrives, every waiting operator that binds at least as tightly (more tightly, for
    the right-grouping ``^``) is applied first. The loop alternates between two
    states: expecting an operand (a number, name, '(' or a prefix sign) and
    expecting an operator (or ')', ',' or the end).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._tokens = _tokenize(text)
        self.token = next(self._tokens)  # the token being looked at
        self._lookahead: _Token | None = None
        self.previous: _Token | None = None  # the last token consumed, for messages
        self.operands: list[Node] = []
        self.operators: list[_PendingOperator | _OpenParenthesis] = []
        self.depth = 0
        # What the last operand ended with; decides where implicit * is allowed.
        self.last_operand = ""  # 'number', 'variable', 'constant' or ')'

    # -- tokens ---------------------------------------------------------------

    def _peek(self) -> _Token:
        if self._lookahead is None:
            self._lookahead = next(self._tokens)
        return self._lookahead

    def _advance(self) -> None:
        self.previous = self.token
        if self._lookahead is not None:
            self.token, self._lookahead = self._lookahead, None
        else:
            self.token = next(self._tokens)

    # -- the stacks -----------------------------------------------------------

    def _apply_top_operator(self) -> None:
        pending = self.operators.pop()
        assert isinstance(pending, _PendingOperator)
        if pending.unary:
            operand = self.operands.pop()
            node: Node = UnaryOp(pending.op, operand, pending.start, operand.end)
        else:
            right = self.operands.pop()
            left = self.operands.pop()
            node = BinaryOp(pending.op, left, right, left.start, right.end)
        self.operands.append(node)

    def _push_binary(self, op: str, start: int) -> None:
        # A waiting sign binds with _UNARY strength: '*' arriving applies it first
        # (-2*x is (-2)*x), '^' arriving leaves it waiting (-x^2 is -(x^2)).
        precedence = _BINARY_PRECEDENCE[op]
        right_grouping = op == "^"
        while self.operators and isinstance(self.operators[-1], _PendingOperator):
            waiting = self.operators[-1].precedence
            if waiting > precedence or (waiting == precedence and not right_grouping):
                self._apply_top_operator()
            else:
                break
        self.operators.append(_PendingOperator(op, unary=False, start=start))

    def _apply_until_parenthesis(self) -> _OpenParenthesis | None:
        """Apply waiting operators down to the nearest open '(' (returned, not popped)."""
        while self.operators:
            top = self.operators[-1]
            if isinstance(top, _OpenParenthesis):
                return top
            self._apply_top_operator()
        return None

    def _open(self, start: int, function: _Token | None) -> None:
        if self.depth >= MAX_DEPTH:
            raise ParseError(
                Message("parentheses nested deeper than {limit} levels", limit=MAX_DEPTH), start
            )
        self.depth += 1
        self.operators.append(_OpenParenthesis(start, function, len(self.operands)))

    def _close(self, opened: _OpenParenthesis, close: _Token) -> None:
        """Finish a group or a call at ``close``, the ')' token."""
        self.operators.pop()
        self.depth -= 1
        if opened.function is None and len(self.operands) - opened.first_operand > 1:
            # '(a, b)': the commas were only accepted where this is the whole formula.
            items = tuple(self.operands[opened.first_operand :])
            del self.operands[opened.first_operand :]
            self.operands.append(Tuple(items, opened.start, close.end))
            following = self._peek()
            if following.kind != "end":
                raise ParseError(
                    Message(
                        "a tuple of outputs (a, b) must be the whole formula — "
                        "nothing may follow its ')'"
                    ),
                    following.start,
                )
        elif opened.function is None:
            # A group leaves no node of its own; its content's span grows to include
            # the parentheses, so highlighting '(x+1)' covers both of them.
            inner = self.operands.pop()
            self.operands.append(replace(inner, start=opened.start, end=close.end))
        else:
            name = opened.function.text
            args = tuple(self.operands[opened.first_operand :])
            del self.operands[opened.first_operand :]
            if len(args) != 1:
                raise ParseError(
                    Message("'{name}' needs 1 argument, got {count}", name=name, count=len(args)),
                    opened.function.start,
                )
            self.operands.append(Call(name, args, opened.function.start, close.end))
        self.last_operand = ")"

    # -- errors ---------------------------------------------------------------

    def _after(self) -> Message | str:
        return Message(" after '{text}'", text=self.previous.text) if self.previous else ""

    def _expected_operand(self) -> ParseError:
        token = self.token
        if token.kind == "end":
            if self.previous is None:
                return ParseError(Message("the expression is empty"), 0)
            return ParseError(
                Message(
                    "unexpected end of expression — expected a number or name{after}",
                    after=self._after(),
                ),
                token.start,
            )
        if self.previous is None:
            return ParseError(
                Message("expected a number or name before '{text}'", text=token.text), token.start
            )
        return ParseError(
            Message(
                "expected a number or name{after}, got '{text}'",
                after=self._after(),
                text=token.text,
            ),
            token.start,
        )

    def _missing_operator(self) -> ParseError:
        token, previous = self.token, self.previous
        assert previous is not None
        before, after = _shorten(previous.text), _shorten(token.text)
        if self.last_operand == "number" and token.kind == "number":
            return ParseError(
                Message(
                    "two numbers side by side: '{before}' and '{after}' — put an operator "
                    "between them",
                    before=before,
                    after=after,
                ),
                token.start,
            )
        if previous.kind == "name":
            suggestion = _suggested_function(previous.text)
            if suggestion and self.last_operand == "variable":  # 'ln x': meant log(x)
                return ParseError(
                    Message(
                        "'{before} {after}' — did you mean {suggestion}({after})?",
                        before=before,
                        after=after,
                        suggestion=suggestion,
                    ),
                    previous.start,
                )
            if previous.text in _FOREIGN_FUNCTIONS:  # 'cosh t'
                return ParseError(
                    Message(
                        "'{name}' is not a function; the functions are {functions}",
                        name=before,
                        functions=", ".join(FUNCTIONS),
                    ),
                    previous.start,
                )
            return ParseError(
                Message(
                    "missing operator between '{before}' and '{after}' — write {before}*{after}",
                    before=before,
                    after=after,
                ),
                token.start,
            )
        return ParseError(
            Message("missing operator before '{after}' — write * to multiply", after=after),
            token.start,
        )

    # -- the two states -------------------------------------------------------

    def _operand(self) -> bool:
        """Take a token where an operand must come. True when an operand is complete."""
        token = self.token
        if token.kind == "number":
            self.operands.append(Number(token.value, token.text, token.start, token.end))
            self.last_operand = "number"
        elif token.kind == "name":
            return self._name()
        elif token.kind == "(":
            self._open(token.start, function=None)
            self._advance()
            return False
        elif token.kind == "op" and token.op in "+-":
            self.operators.append(_PendingOperator(token.op, unary=True, start=token.start))
            self._advance()
            return False
        elif token.kind == ")" and self._empty_call():
            self._close(self.operators[-1], token)  # raises: 0 arguments
        else:
            raise self._expected_operand()
        self._advance()
        return True

    def _empty_call(self) -> bool:
        top = self.operators[-1] if self.operators else None
        return (
            isinstance(top, _OpenParenthesis)
            and top.function is not None
            and top.first_operand == len(self.operands)
        )

    def _name(self) -> bool:
        token = self.token
        name = token.text
        following = self._peek()
        if name in FORMULA_FUNCTIONS:
            if following.kind != "(":
                if following.kind in ("name", "number"):
                    argument = _shorten(following.text)
                    message = Message(
                        "'{name} {argument}' — write {name}({argument})",
                        name=name,
                        argument=argument,
                    )
                else:
                    message = Message(
                        "'{name}' is a function — write it with parentheses, e.g. {name}(x)",
                        name=name,
                    )
                raise ParseError(message, token.start)
            self._open(following.start, function=token)
            self._advance()  # the name
            self._advance()  # the '('
            return False
        if following.kind == "(":
            raise self._not_a_function(token, following)
        canonical = _CONSTANT_ALIASES.get(name, name)
        if canonical in CONSTANTS:
            self.operands.append(Constant(canonical, token.start, token.end))
            self.last_operand = "constant"
        else:
            self.operands.append(Name(name, token.start, token.end))
            self.last_operand = "variable"
        self._advance()
        return True

    def _not_a_function(self, token: _Token, opening: _Token) -> ParseError:
        """``foo(``: a name before ``(`` is a call, and ``foo`` is no function."""
        name = token.text
        shown = _shorten(name)
        argument = _argument_text(self.text, opening.start)
        if _CONSTANT_ALIASES.get(name, name) in CONSTANTS:
            message = Message(
                "'{name}' is a constant, not a function — to multiply, write {name}*({argument})",
                name=shown,
                argument=argument,
            )
        elif (suggestion := _suggested_function(name)) is not None:
            message = Message(
                "'{name}' is not a function — did you mean {suggestion}({argument})? "
                "To multiply, write {name}*({argument})",
                name=shown,
                suggestion=suggestion,
                argument=argument,
            )
        elif _looks_like_a_function(name):
            message = Message(
                "'{name}' is not a function — to multiply, write {name}*({argument}); "
                "the functions are {functions}",
                name=shown,
                argument=argument,
                functions=", ".join(FUNCTIONS),
            )
        else:
            message = Message(
                "'{name}' is not a function — to multiply, write {name}*({argument})",
                name=shown,
                argument=argument,
            )
        return ParseError(message, token.start)

    def _implicit_multiplication_allowed(self) -> bool:
        """2x, 2(x), 2sin(x), (x)(y), (x)y — but not x y, 2 3. (``x(y)`` is a call.)"""
        return self.token.kind in ("name", "(") and self.last_operand in ("number", ")")

    def _operator(self) -> bool | None:
        """Take a token where an operator may come.

        Returns True when an operand must follow (after + - * / ^ ',' or an implicit
        '*'), False when another operator may follow (after ')'), None at the end.
        """
        token = self.token
        if token.kind == "op":
            self._push_binary(token.op, token.start)
            self._advance()
            return True
        if token.kind == ")":
            opened = self._apply_until_parenthesis()
            if opened is None:
                raise ParseError(Message("unmatched ')' — there is no '(' before it"), token.start)
            self._close(opened, token)
            self._advance()
            return False
        if token.kind == ",":
            opened = self._apply_until_parenthesis()
            if opened is None:
                raise ParseError(
                    Message(
                        "',' outside parentheses — write several outputs as a tuple: ({text})",
                        text=_shorten(" ".join(self.text.split()), 40),
                    ),
                    token.start,
                )
            if opened.function is None and not self._is_whole_formula(opened):
                raise ParseError(
                    Message(
                        "',' inside a formula — a tuple of outputs (a, b) must be the whole formula"
                    ),
                    token.start,
                )
            self._advance()
            return True
        if token.kind == "end":
            return None
        if self._implicit_multiplication_allowed():
            # Same as a typed '*' (same precedence), without consuming a token.
            self._push_binary("*", token.start)
            return True
        raise self._missing_operator()

    def _is_whole_formula(self, opened: _OpenParenthesis) -> bool:
        """True if the group ``opened`` began the formula: nothing before its '('."""
        return bool(self.operators) and self.operators[0] is opened and opened.first_operand == 0

    # -- the loop -------------------------------------------------------------

    def parse(self) -> Node:
        expecting_operand = True
        while True:
            if expecting_operand:
                expecting_operand = not self._operand()
                continue
            operand_next = self._operator()
            if operand_next is None:
                break
            expecting_operand = operand_next
        opened = self._apply_until_parenthesis()
        if opened is not None:
            column = opened.start + 1
            message = Message("missing ')' for the '(' at column {column}", column=column)
            raise ParseError(message, opened.start)
        (root,) = self.operands
        return root


# =============================================================================
# the public entry point and the Expression
# =============================================================================


def parse(text: str, *, single: bool = False) -> Expression:
    """Parse a formula. Raises ``ParseError`` (with ``.position``) if it is not one.

    A tuple ``(a, b)`` is a formula with several outputs. With ``single=True`` (where
    one f is expected) it raises ``SeveralOutputsError``, a ``ParseError`` whose
    message says that one formula is needed here.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse expects text (str), got {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise ParseError(
            Message(
                "the expression is too long: {count:,} characters (the limit is {limit:,})",
                count=len(text),
                limit=MAX_LENGTH,
            ),
            MAX_LENGTH,
        )
    expr = Expression(text, _Parser(text).parse())
    if single:
        expr.check_single()
    return expr


_BINARY_FUNCTIONS: dict[str, Callable[[Any, Any], Variable]] = {
    "+": F.add, "-": F.sub, "*": F.mul, "/": F.div,
}  # fmt: skip

OnNode = Callable[[Node, Variable], None]
Built = Variable | tuple[Variable, ...]  # what build returns: one per output


class Expression:
    """A parsed formula: its ``text``, its tree (``root``) and its ``variables``.

    ``str(expr)`` is the canonical text, ``expr.pretty()`` the display text, and
    ``expr.build(values)`` records the formula in the engine.

    ``outputs`` are the roots of what the formula computes: ``(root,)``, or the items
    of a ``Tuple`` root ``(a, b, ...)``. ``nodes`` lists every node in build order
    (each output's nodes in turn, children before parents, left to right; a Tuple
    records nothing and is not among them); ``is_folded(node)`` tells which of them
    are computed as a constant exponent instead of becoming engine Functions.
    """

    def __init__(self, text: str, root: Node) -> None:
        self.text = text
        self.root = root
        self.outputs: tuple[Node, ...] = root.items if isinstance(root, Tuple) else (root,)
        self.nodes: tuple[Node, ...] = tuple(
            node for output in self.outputs for node in walk(output)
        )
        if any(isinstance(node, Tuple) for node in self.nodes):
            raise ValueError("a Tuple of outputs can only be the root of a formula")
        has_variable: dict[int, bool] = {}  # by id(): == on nodes compares structure
        for node in self.nodes:
            has_variable[id(node)] = isinstance(node, Name) or any(
                has_variable[id(child)] for child in node.children
            )
        # Nodes inside an exponent without variables are computed to a plain number
        # before F.pow sees them (see build).
        self._folded: set[int] = set()
        for node in reversed(self.nodes):  # reversed post-order: parents first
            if id(node) in self._folded:
                self._folded.update(id(child) for child in node.children)
            elif isinstance(node, BinaryOp) and node.op == "^":
                if not has_variable[id(node.right)]:
                    self._folded.add(id(node.right))
        self.variables: tuple[str, ...] = tuple(
            sorted({node.name for node in self.nodes if isinstance(node, Name)})
        )

    @classmethod
    def from_tree(cls, root: Node) -> Expression:
        """An Expression for a tree built by hand; ``text`` is its canonical text."""
        return cls(to_text(root), root)

    # -- text -----------------------------------------------------------------

    def __str__(self) -> str:
        return to_text(self.root)

    def __repr__(self) -> str:
        return f"Expression({self.text!r})"

    def pretty(self) -> str:
        """Display text with proper symbols: ``x² · sin(y) − π``."""
        return pretty(self.root)

    def source(self, node: Node) -> str:
        """The part of ``text`` that ``node`` came from."""
        return self.text[node.start : node.end]

    def node_at(self, index: int) -> Node | None:
        """The smallest node whose span contains character ``index``, or None."""
        best = None
        for node in self.nodes:
            if node.start <= index < node.end:
                if best is None or node.end - node.start < best.end - best.start:
                    best = node
        return best

    def check_single(self) -> None:
        """Raise ``SeveralOutputsError`` if the formula has several outputs: for the
        places that show one f (the plot, the numbers, the graph, ``eval``)."""
        if len(self.outputs) > 1:
            first = self.source(self.outputs[0]) or to_text(self.outputs[0])
            raise SeveralOutputsError(
                Message(
                    "this formula has {count} outputs (a tuple), but one f is expected "
                    "here — write a single formula, e.g. {first}",
                    count=len(self.outputs),
                    first=_shorten(" ".join(first.split()), 40),
                ),
                self.root.start,
            )

    def is_folded(self, node: Node) -> bool:
        """True if ``node`` lies in a constant exponent: ``build`` computes it to a
        plain number for ``F.pow`` and records no Function for it."""
        return id(node) in self._folded

    # -- the engine -------------------------------------------------------------

    def build(self, values: Mapping[str, Any], on_node: OnNode | None = None) -> Built:
        """Record the formula in the engine and return the output Variable.

        ``values`` maps every name in ``variables`` to a Variable (extra names are
        ignored). Pass the same Variables you will read ``.grad`` from; numbers and
        arrays are accepted too and wrapped in new Variables (as constants).

        Numbers and constants become new Variables, each operator one engine call:
        ``F.add F.sub F.mul F.div F.neg F.pow``, and for ``name(...)`` the Function
        whose ``formula_name`` is ``name`` (``sin(x)`` records ``Sin()(x)``).
        Unary ``+`` records nothing. A power whose exponent has no variables calls
        ``F.pow(base, c)`` with ``c`` a Python float (the constant-power rule); the
        exponent's nodes are then computed without recording (``is_folded``).

        ``on_node(node, variable)`` is called for every recorded node in build order
        with the Variable it produced (``variable.creator`` is the Function it
        created, None for numbers, constants and variables): this is how the graph
        view links engine Functions back to spans of the text.

        A formula with several outputs returns a tuple of Variables, one per output.
        """
        missing = [name for name in self.variables if name not in values]
        if missing:
            names = ", ".join(repr(name) for name in missing)
            raise MissingVariableError(
                f"no value for variable {names} (the expression uses {', '.join(self.variables)})"
            )
        inputs = {
            name: value if isinstance(value, Variable) else
            Variable(np.asarray(value, dtype=np.float64))
            for name in self.variables
            for value in (values[name],)
        }  # fmt: skip

        # Post-order: every child's Variable exists before its parent needs it. The
        # results are looked up by id() because == on nodes compares structure.
        results: dict[int, Variable] = {}
        for node in self.nodes:
            if id(node) in self._folded:
                with no_grad():
                    results[id(node)] = self._apply(node, results, inputs)
            else:
                variable = self._apply(node, results, inputs)
                results[id(node)] = variable
                if on_node is not None:
                    on_node(node, variable)
        if isinstance(self.root, Tuple):
            return tuple(results[id(output)] for output in self.outputs)
        return results[id(self.root)]

    def _apply(
        self, node: Node, results: dict[int, Variable], inputs: dict[str, Variable]
    ) -> Variable:
        """The Variable for one node, from its children's (already in ``results``)."""
        if isinstance(node, Number):
            return Variable(np.array(node.value))
        if isinstance(node, Constant):
            return Variable(np.array(node.value), name=node.name)
        if isinstance(node, Name):
            return inputs[node.name]
        if isinstance(node, UnaryOp):
            operand = results[id(node.operand)]
            return F.neg(operand) if node.op == "-" else operand
        if isinstance(node, Call):
            return FORMULA_FUNCTIONS[node.name]()(results[id(node.args[0])])
        assert isinstance(node, BinaryOp)
        left, right = results[id(node.left)], results[id(node.right)]
        if node.op == "^":
            if id(node.right) in self._folded:
                return F.pow(left, float(right.data))  # constant power: c * x^(c-1)
            return F.pow(left, right)  # general power: also d/dy x^y = x^y ln x
        return _BINARY_FUNCTIONS[node.op](left, right)

    def evaluate(self, values: Mapping[str, Any]) -> np.ndarray | tuple[np.ndarray, ...]:
        """The value of the formula (an ndarray; a tuple of them for several outputs),
        computed without recording a graph."""
        with no_grad():
            built = self.build(values)
        if isinstance(built, tuple):
            return tuple(output.data for output in built)
        return built.data
