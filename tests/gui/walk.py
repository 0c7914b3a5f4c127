"""Walk a widget tree as a keyboard or screen-reader user meets it.

Shared by the window's tests and each panel's: ``a11y_problems(root)`` lists every
visible interactive widget that Tab cannot reach, that has no accessible name (as Qt's
accessibility layer reports it to a screen reader), or that shows only an icon and has no
tooltip. ``english_words(root)`` lists visible texts that still hold an English word,
for the Korean interface. Both return readable strings, so a failing test says which
widget to fix.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QAbstractItemView,
    QGraphicsView,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


def describe(widget: QWidget) -> str:
    """``QPushButton 'stepButton' in graphPanel``: enough to find it in the code."""
    name = widget.objectName() or "(no objectName)"
    owner = widget.parentWidget()
    while owner is not None and not owner.objectName():
        owner = owner.parentWidget()
    where = f" in {owner.objectName()}" if owner is not None else ""
    return f"{type(widget).__name__} {name!r}{where}"


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The visible widgets under ``root`` a user can act on (the viewport of a scroll
    area and a spin box's inner line edit are parts of their owner, not widgets of their
    own)."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or not widget.isVisibleTo(root):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, (QAbstractSpinBox, QComboBox)):
            continue
        if (
            isinstance(widget, QAbstractSlider)
            and parent is not None
            and (parent.inherits("QAbstractScrollArea") or parent.inherits("QScrollBar"))
        ):
            continue  # a scroll area's own scroll bars
        if widget.inherits("QScrollBar"):
            continue
        if (
            isinstance(widget, QTabBar)
            and isinstance(parent, QWidget)
            and parent.inherits("QTabWidget")
        ):
            continue  # the tab widget's own bar: reached with Ctrl+Tab
        found.append(widget)
    return found


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: Qt's accessible Name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name) or ""


def widget_problems(widget: QWidget) -> list[str]:
    """What keeps a keyboard or screen-reader user from one widget."""
    what = describe(widget)
    problems = []
    if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        problems.append(f"{what}: not reachable with Tab")
    if not accessible_name(widget).strip():
        problems.append(f"{what}: no accessible name")
    if isinstance(widget, QAbstractButton) and not widget.text().strip():
        if not widget.toolTip().strip():
            problems.append(f"{what}: an icon-only button without a tooltip")
    return problems


def a11y_problems(root: QWidget) -> list[str]:
    return [p for widget in interactive_widgets(root) for p in widget_problems(widget)]


# Words that may stay in Latin letters in the Korean interface: formulas, code, units,
# names of things (the book's library, file formats, function names the engine uses).
ALLOWED_LATIN = set(
    """
    dezero numpy torch pytorch jax json csv png svg dot py ipynb sin cos tan tanh exp
    log sqrt relu abs sigmoid pi e f x y z t grad sgd adam momentum mlp mse linear
    matmul sum sum_to broadcast_to reshape transpose ctrl shift alt tab enter esc space
    backspace del home end pgup pgdown f1 f5 f11 nan inf ms px vjp jvp autodiff tutor
    backward forward variable function config retain_grad create_graph enable_backprop
    cleargrad step df dx dy rosenbrock true false none delete insert noqa
    """.split()
)

_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9]{2,}")


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append((widget, widget.text()))
        elif isinstance(widget, QGroupBox):
            texts.append((widget, widget.title()))
        elif isinstance(widget, QTabBar):
            texts.extend((widget, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit) and not widget.objectName() == "expressionEdit":
            texts.append((widget, widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            texts.extend((widget, widget.itemText(i)) for i in range(widget.count()))
        if widget.toolTip():
            texts.append((widget, widget.toolTip()))
    return texts


def _strip_markup(text: str) -> str:
    text = re.sub(r"<head>.*?</head>|<style[^>]*>.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"<code>.*?</code>|<pre>.*?</pre>|<tt>.*?</tt>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>|&[a-z]+;", " ", text)
    return re.sub(r"`[^`]*`", " ", text)


def english_words(root: QWidget, allowed: set[str] = ALLOWED_LATIN) -> list[str]:
    found = []
    for widget, text in visible_texts(root):
        words = [w for w in _WORD.findall(_strip_markup(text)) if w.lower() not in allowed]
        if words:
            found.append(f"{describe(widget)}: {' '.join(words)!r} in {text[:60]!r}")
    return found
