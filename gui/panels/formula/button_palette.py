"""Buttons that type into the expression field, so a formula can be built by clicks alone.

Each button inserts at the field's cursor (replacing a selection). Parentheses stay
balanced, so clicks alone never leave a formula open: a function button inserts
``sin()`` with the cursor inside, or wraps the selection (select ``x``, click *sin*:
``sin(x)``); ``(`` inserts a pair the same way; ``)`` steps over the ``)`` after the
cursor, and otherwise closes only a ``(`` that is open; ⌫ after an empty pair removes
both halves. Every click is one undoable edit (applied at once, new variables too).

A click never takes the keyboard focus, so typing and clicking can be mixed freely;
Tab still reaches every button, in reading order, and Space presses it. Each button has
an accessible name, and its tooltip says which key types the same thing.
"""

from __future__ import annotations

import re
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.controller import SessionController
from gui.i18n import tr_message
from gui.widgets.field_undo import undo_passes_through
from gui.widgets.retranslating import Retranslating
from tutor.session import SessionError

FUNCTION_BUTTONS = ("sin", "cos", "tan", "tanh", "exp", "log", "sqrt", "sigmoid", "relu", "abs")

# (object-name suffix, face, what it types). Operators get spaces around them.
OPERATOR_BUTTONS = (
    ("plus", "+", "+"),
    ("minus", "−", "-"),
    ("times", "×", "*"),
    ("divide", "÷", "/"),
    ("power", "^", "^"),
    ("lparen", "(", "("),
    ("rparen", ")", ")"),
    ("pi", "π", "pi"),
    ("e", "e", "e"),
)

_BINARY = {"+", "-", "*", "/"}
_IDENT_CHAR = re.compile(r"[\w.]$")  # an identifier, a number or a decimal point ends here
_NAME_END = re.compile(r"[^\W\d]\w*$")  # the text before the cursor ends in a name


def _matching_close(after: str) -> int | None:
    """Index in ``after`` of the ``)`` that closes a ``(`` just before it, or None."""
    depth = 0
    for i, ch in enumerate(after):
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
    return None


def _open_parentheses(text: str) -> int:
    """How many ``(`` in ``text`` are not closed by a ``)`` after them."""
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth


class Palette(Retranslating, QWidget):
    """The button palette for one expression field."""

    def __init__(
        self, controller: SessionController, editor: QLineEdit, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("palette")
        self.controller = controller
        self.editor = editor
        self.buttons: dict[str, QToolButton] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)

        # variables: one button each, then "new variable…" with its inline editor
        self._variable_row = QHBoxLayout()
        self._variable_row.setSpacing(4)
        self._variable_buttons: list[QToolButton] = []
        self.new_variable_button = self._make_button(
            "newVariable", "", self._on_new_variable_clicked, "variable"
        )
        self.new_variable_edit = QLineEdit(self)
        self.new_variable_edit.setObjectName("newVariableEdit")
        self.new_variable_edit.setMaximumWidth(140)
        self.new_variable_edit.setVisible(False)
        self.new_variable_edit.returnPressed.connect(self._on_new_variable_return_pressed)
        self.new_variable_edit.installEventFilter(self)
        self.new_variable_edit.textEdited.connect(self._on_new_variable_text_edited)
        undo_passes_through(self.new_variable_edit, lambda: not self.new_variable_edit.text())
        # Why a name was refused, in place: beside the name field, in the room the
        # variable buttons leave while it is open, so nothing below moves.
        self.new_variable_message = QLabel(self)
        self.new_variable_message.setObjectName("newVariableMessage")
        self.new_variable_message.setProperty("feedback", "invalid")
        self.new_variable_message.setWordWrap(True)
        self.new_variable_message.setTextFormat(Qt.TextFormat.PlainText)
        self.new_variable_message.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.new_variable_message.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored
        )
        message_font = QFont(self.font())
        message_font.setPointSizeF(message_font.pointSizeF() * 0.9)
        self.new_variable_message.setFont(message_font)
        self._variable_row.addWidget(self.new_variable_message, 1)  # also the row's stretch
        self._variable_row.addWidget(self.new_variable_edit)
        self._variable_row.addWidget(self.new_variable_button)
        layout.addLayout(self._variable_row)

        # digits and operators: a calculator keypad (Tab follows it row by row)
        self._keypad_order: list[QToolButton] = []
        keypad = QGridLayout()
        keypad.setSpacing(4)
        digits = [*"789", *"456", *"123", "0", "."]
        for i, d in enumerate(digits):
            key = "point" if d == "." else d
            button = self._make_button(key, d, lambda _=False, d=d: self.insert(d), "digit")
            keypad.addWidget(button, i // 3, i % 3)
        backspace = self._make_button("backspace", "⌫", self.backspace, "edit")
        keypad.addWidget(backspace, 3, 2)
        for i, (key, face, token) in enumerate(OPERATOR_BUTTONS):
            kind = "constant" if key in ("pi", "e") else "operator"
            button = self._make_button(
                key, face, lambda _=False, t=token: self.insert_token(t), kind
            )
            keypad.addWidget(button, i // 3, 3 + i % 3)
        clear = self._make_button("clear", "", self.clear, "edit")
        keypad.addWidget(clear, 3, 3, 1, 3)
        for c in range(6):
            keypad.setColumnStretch(c, 1)
        layout.addLayout(keypad)
        for row in range(keypad.rowCount()):
            for column in range(keypad.columnCount()):
                item = keypad.itemAtPosition(row, column)
                widget = item.widget() if item is not None else None
                if isinstance(widget, QToolButton) and widget not in self._keypad_order:
                    self._keypad_order.append(widget)

        # functions: two rows of five
        functions = QGridLayout()
        functions.setSpacing(4)
        for i, name in enumerate(FUNCTION_BUTTONS):
            button = self._make_button(
                name, name, lambda _=False, n=name: self.insert_function(n), "function"
            )
            functions.addWidget(button, i // 5, i % 5)
        for c in range(5):
            functions.setColumnStretch(c, 1)
        layout.addSpacing(2)
        layout.addLayout(functions)

        controller.sigVariablesChanged.connect(self._rebuild_variable_buttons)
        controller.sigExpressionChanged.connect(self._on_controller_expression_changed)
        self._rebuild_variable_buttons()
        self.retranslate()

    def retranslate(self) -> None:
        self.new_variable_button.setText(self.tr("new variable…"))
        self.new_variable_button.setToolTip(self.tr("Add a variable with a name of your choice"))
        self.new_variable_button.setAccessibleName(self.tr("New variable"))
        self.new_variable_edit.setPlaceholderText(self.tr("name, then Enter"))
        self.new_variable_edit.setAccessibleName(self.tr("Name of the new variable"))
        self.new_variable_edit.setToolTip(
            self.tr("A name such as a, theta or x2; Enter adds it, Esc closes")
        )
        self.buttons["clear"].setText(self.tr("clear"))
        # (key, accessible name, tooltip): the tooltip names the key that types the same
        words = {
            "point": (self.tr("decimal point"), self.tr("Insert a decimal point (key .)")),
            "backspace": (
                self.tr("Delete before the cursor"),
                self.tr("Delete before the cursor: a whole sin( or + at once (key Backspace)"),
            ),
            "clear": (
                self.tr("Clear the formula"),
                self.tr("Empty the expression field (Ctrl+A, then Delete)"),
            ),
            "plus": (self.tr("plus"), self.tr("Insert + (key +)")),
            "minus": (self.tr("minus"), self.tr("Insert − (key -)")),
            "times": (self.tr("times"), self.tr("Insert × (key *)")),
            "divide": (self.tr("divided by"), self.tr("Insert ÷ (key /)")),
            "power": (self.tr("to the power"), self.tr("Insert a power ^ (key ^)")),
            "lparen": (
                self.tr("open parenthesis"),
                self.tr("Put ( ) around the selection, or insert a pair (key ()"),
            ),
            "rparen": (
                self.tr("close parenthesis"),
                self.tr("Step over the next ), or close an open ( (key ))"),
            ),
            "pi": (self.tr("pi"), self.tr("Insert π = 3.14159… (type pi)")),
            "e": (self.tr("e, Euler's number"), self.tr("Insert e = 2.71828… (type e)")),
        }
        for digit in "0123456789":
            words[digit] = (digit, self.tr("Insert {digit} (key {digit})").format(digit=digit))
        for key, (name, tip) in words.items():
            self.buttons[key].setAccessibleName(name)
            self.buttons[key].setToolTip(tip)
        for name in FUNCTION_BUTTONS:
            self.buttons[name].setAccessibleName(self.tr("function {name}").format(name=name))
            self.buttons[name].setToolTip(
                self.tr(
                    "Insert {name}() with the cursor inside, or wrap the selection (type {name}( )"
                ).format(name=name)
            )
        for button in self._variable_buttons:
            self._name_variable_button(button)

    def _name_variable_button(self, button: QToolButton) -> None:
        name = button.text()
        button.setAccessibleName(self.tr("variable {name}").format(name=name))
        button.setToolTip(self.tr("Insert the variable {name} (type {name})").format(name=name))

    # -- building -------------------------------------------------------------------

    def _make_button(self, key, face, slot, kind) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"paletteButton_{key}")
        button.setText(face)
        button.setProperty("class", "paletteButton")
        button.setProperty("kind", kind)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Tab reaches it; a click does not
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.clicked.connect(slot)
        self.buttons[key] = button
        return button

    def _rebuild_variable_buttons(self) -> None:
        names = sorted(self.controller.session.variables)
        if [b.text() for b in self._variable_buttons] == names:
            return
        for button in self._variable_buttons:
            self._variable_row.removeWidget(button)
            self.buttons.pop(f"var_{button.text()}", None)
            button.hide()
            button.setParent(None)
            button.deleteLater()
        self._variable_buttons = []
        for i, name in enumerate(names):
            button = self._make_button(
                f"var_{name}", name, lambda _=False, n=name: self.insert_token(n), "variable"
            )
            button.setObjectName(f"paletteVar_{name}")
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self._name_variable_button(button)
            self._variable_row.insertWidget(i, button)
            self._variable_buttons.append(button)
        self._update_variable_buttons()
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes from the field through the buttons as they are read: the variables'
        row, the keypad row by row, then the functions."""
        chain = [
            self.editor,
            *self._variable_buttons,
            self.new_variable_edit,
            self.new_variable_button,
            *self._keypad_order,
            *(self.buttons[name] for name in FUNCTION_BUTTONS),
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def tab_chain(self) -> list[QWidget]:
        """The palette's focusable widgets in Tab order (for tests and screen readers)."""
        return [
            *self._variable_buttons,
            self.new_variable_button,
            *self._keypad_order,
            *(self.buttons[name] for name in FUNCTION_BUTTONS),
        ]

    def _on_controller_expression_changed(self, _text: str) -> None:
        self._update_variable_buttons()

    def _update_variable_buttons(self) -> None:
        used = set(self.controller.session.used_variables())
        for button in self._variable_buttons:
            button.setProperty("unused", button.text() not in used)

    # -- typing -----------------------------------------------------------------------

    def _commit(self) -> None:
        # One click, one undoable edit, applied whatever it names: the field's edit
        # signal may already have sent the text as "typing"; commit closes that burst.
        self.controller.commit_expression(self.editor.text())

    def insert(self, text: str, cursor_back: int = 0) -> None:
        """Insert ``text`` at the cursor as it is, replacing the selection; then move
        the cursor ``cursor_back`` characters back (into a pair of parentheses)."""
        self.controller.finish_typing()
        self.editor.insert(text)
        if cursor_back:
            self.editor.setCursorPosition(self.editor.cursorPosition() - cursor_back)
        self._commit()

    def _before_cursor(self) -> str:
        if self.editor.hasSelectedText():
            return self.editor.text()[: self.editor.selectionStart()]
        return self.editor.text()[: self.editor.cursorPosition()]

    def _after_cursor(self) -> str:
        editor = self.editor
        if editor.hasSelectedText():
            return editor.text()[editor.selectionStart() + len(editor.selectedText()) :]
        return editor.text()[editor.cursorPosition() :]

    def insert_token(self, token: str) -> None:
        """Insert an operator, a name or a constant with the spacing a person would type."""
        if token == "(":
            self._wrap_or_pair("")
            return
        if token == ")":
            self.close_parenthesis()
            return
        before = self._before_cursor()
        if token in _BINARY:
            stripped = before.rstrip()
            if token == "-" and (not stripped or stripped[-1] in "(^*/+-"):
                text = "-"  # unary minus: no spaces
            else:
                text = ("" if before.endswith(" ") or not before else " ") + token + " "
        elif token == "^":
            text = "^"
        elif token[0].isalpha() or token[0] == "_":
            # "x" then "y" must not become the one name "xy"
            text = (" * " if _NAME_END.search(before) else "") + token
        else:
            text = token
        self.insert(text)

    def insert_function(self, name: str) -> None:
        """``name()`` with the cursor inside, or ``name(selection)`` if something is
        selected."""
        self._wrap_or_pair(name)

    def _wrap_or_pair(self, name: str) -> None:
        """``name(selection)``, or ``name()`` with the cursor between the parentheses."""
        before = self._before_cursor()
        # sin after a name is a product, not the name 'xsin'; ( after a name, a product
        # too (x(…) would be a call of x).
        prefix = " * " if _NAME_END.search(before) else ""
        self.controller.finish_typing()
        if self.editor.hasSelectedText():
            start = self.editor.selectionStart()
            selected = self.editor.selectedText()
            self.editor.insert(f"{prefix}{name}({selected})")
            self.editor.setSelection(start + len(prefix) + len(name) + 1, len(selected))
            self._commit()
        else:
            self.insert(f"{prefix}{name}()", cursor_back=1)

    def close_parenthesis(self) -> None:
        """Step over a ``)`` right after the cursor; else insert ``)`` if a ``(`` before
        the cursor is still open. Never an unmatched ``)``."""
        editor = self.editor
        after = self._after_cursor()
        if not editor.hasSelectedText() and after.lstrip().startswith(")"):
            self.controller.finish_typing()
            editor.setCursorPosition(editor.cursorPosition() + len(after) - len(after.lstrip()) + 1)
            return
        if _open_parentheses(self._before_cursor()) > 0:
            self.insert(")")

    def backspace(self) -> None:
        """Delete the selection, or the token before the cursor (``sin(``, `` + ``),
        keeping the parentheses balanced: deleting ``sin(`` or ``(`` also deletes its
        ``)`` (``sin(x)`` becomes ``x``), and before a ``)`` the cursor steps inside."""
        editor = self.editor
        self.controller.finish_typing()
        if editor.hasSelectedText():
            editor.del_()
        else:
            before = self._before_cursor()
            if before.endswith(")"):
                editor.cursorBackward(False)  # into the group: its content goes next
                return
            n = 1
            m = re.search(r"(?:\b[^\W\d]\w*\(| [-+*/] )$", before)
            if m:
                n = len(m.group(0))
            if before.endswith("("):
                close = _matching_close(self._after_cursor())
                if close is not None:
                    position = editor.cursorPosition()
                    text = editor.text()
                    at = position + close
                    editor.setText(text[:at] + text[at + 1 :])  # its ')'
                    editor.setCursorPosition(position)
            for _ in range(min(n, len(before))):
                editor.backspace()
        self._commit()

    def clear(self) -> None:
        self.controller.finish_typing()
        self.editor.clear()
        self._commit()

    # -- a new variable -------------------------------------------------------------

    def _on_new_variable_clicked(self) -> None:
        self._saved_cursor = (self.editor.cursorPosition(), self.editor.selectionStart())
        # as tall as the button it stands in for: the rows below stay where they are
        self.new_variable_edit.setFixedHeight(self.new_variable_button.height())
        self.new_variable_button.setVisible(False)
        self.new_variable_edit.clear()
        self._show_name_problem("")
        self.new_variable_edit.setVisible(True)
        for button in self._variable_buttons:  # their room is the message's now
            button.setVisible(False)
        self.new_variable_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_new_variable_editor(self) -> None:
        self.new_variable_edit.setVisible(False)
        self._show_name_problem("")
        for button in self._variable_buttons:
            button.setVisible(True)
        self.new_variable_button.setVisible(True)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_name_problem(self, message: str) -> None:
        """A red frame and ``message`` under the name field; "" clears both."""
        edit = self.new_variable_edit
        invalid = bool(message)
        if edit.property("invalid") != invalid:
            edit.setProperty("invalid", invalid)
            edit.style().unpolish(edit)
            edit.style().polish(edit)
        self.new_variable_message.setText(message)
        edit.setAccessibleDescription(message)

    def _on_new_variable_text_edited(self, text: str) -> None:
        # The frame and the reason go as soon as the name is acceptable (or empty).
        if not self.new_variable_edit.property("invalid"):
            return
        try:
            if text.strip():
                self.controller.check_variable_name(text)
        except SessionError:
            return
        self._show_name_problem("")

    def _on_new_variable_return_pressed(self) -> None:
        name = self.new_variable_edit.text().strip()
        if not name:
            self._close_new_variable_editor()
            return
        try:
            self.controller.add_variable(name)
        except SessionError as exc:
            self._show_name_problem(tr_message(exc))
            return
        self._close_new_variable_editor()
        self.insert_token(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.new_variable_edit:
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self._close_new_variable_editor()
                return True
            if event.type() == QEvent.Type.FocusOut and self.new_variable_edit.isVisible():
                if not self.new_variable_edit.text().strip():
                    self._close_new_variable_editor()
        return super().eventFilter(watched, event)
