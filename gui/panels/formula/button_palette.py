"""Buttons that type into the expression field, so a formula can be built by clicks alone.

Each button inserts at the field's cursor (replacing a selection); function buttons
insert ``sin(`` and leave the cursor inside, or wrap the selection: select ``x`` and
click *sin* to get ``sin(x)``. Every click is one undoable edit. Buttons never take
the keyboard focus, so typing and clicking can be mixed freely.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.controller import SessionController
from gui.i18n import tr_message
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
        self._variable_row.addStretch(1)
        self._variable_row.addWidget(self.new_variable_edit)
        self._variable_row.addWidget(self.new_variable_button)
        layout.addLayout(self._variable_row)

        # digits and operators: a calculator keypad
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
        self.new_variable_edit.setPlaceholderText(self.tr("name, then Enter"))
        self.buttons["backspace"].setToolTip(self.tr("Delete before the cursor"))
        self.buttons["clear"].setText(self.tr("clear"))
        self.buttons["clear"].setToolTip(self.tr("Empty the expression field"))
        for name in FUNCTION_BUTTONS:
            tip = self.tr("Insert {name}( — or wrap the selection").format(name=name)
            self.buttons[name].setToolTip(tip)
        for button in self._variable_buttons:
            tip = self.tr("Insert the variable {name}").format(name=button.text())
            button.setToolTip(tip)

    # -- building -------------------------------------------------------------------

    def _make_button(self, key, face, slot, kind) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"paletteButton_{key}")
        button.setText(face)
        button.setProperty("class", "paletteButton")
        button.setProperty("kind", kind)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
            button.setToolTip(self.tr("Insert the variable {name}").format(name=name))
            self._variable_row.insertWidget(i, button)
            self._variable_buttons.append(button)
        self._update_variable_buttons()

    def _on_controller_expression_changed(self, _text: str) -> None:
        self._update_variable_buttons()

    def _update_variable_buttons(self) -> None:
        used = set(self.controller.session.used_variables())
        for button in self._variable_buttons:
            button.setProperty("unused", button.text() not in used)

    # -- typing -----------------------------------------------------------------------

    def _commit(self) -> None:
        # One click, one undoable edit: the field's edit signal may already have sent
        # the text as "typing"; close that burst so the next click starts a new one.
        self.controller.set_expression(self.editor.text(), typing=True)
        self.controller.finish_typing()

    def insert(self, text: str) -> None:
        """Insert ``text`` at the cursor as it is, replacing the selection."""
        self.controller.finish_typing()
        self.editor.insert(text)
        self._commit()

    def _before_cursor(self) -> str:
        if self.editor.hasSelectedText():
            return self.editor.text()[: self.editor.selectionStart()]
        return self.editor.text()[: self.editor.cursorPosition()]

    def insert_token(self, token: str) -> None:
        """Insert an operator, a name or a constant with the spacing a person would type."""
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
        """``name(`` at the cursor, or ``name(selection)`` if something is selected."""
        before = self._before_cursor()
        prefix = " * " if _NAME_END.search(before) else ""
        self.controller.finish_typing()
        if self.editor.hasSelectedText():
            start = self.editor.selectionStart()
            selected = self.editor.selectedText()
            self.editor.insert(f"{prefix}{name}({selected})")
            self.editor.setSelection(start + len(prefix) + len(name) + 1, len(selected))
            self._commit()
        else:
            self.insert(f"{prefix}{name}(")

    def backspace(self) -> None:
        """Delete the selection, or the token before the cursor (``sin(``, `` + ``)."""
        editor = self.editor
        self.controller.finish_typing()
        if editor.hasSelectedText():
            editor.del_()
        else:
            before = self._before_cursor()
            n = 1
            m = re.search(r"(?:\b[^\W\d]\w*\(| [-+*/] )$", before)
            if m:
                n = len(m.group(0))
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
        self.new_variable_button.setVisible(False)
        self.new_variable_edit.clear()
        self.new_variable_edit.setVisible(True)
        self.new_variable_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _close_new_variable_editor(self) -> None:
        self.new_variable_edit.setVisible(False)
        self.new_variable_edit.setProperty("invalid", False)
        self.new_variable_button.setVisible(True)
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_new_variable_return_pressed(self) -> None:
        name = self.new_variable_edit.text().strip()
        if not name:
            self._close_new_variable_editor()
            return
        try:
            self.controller.add_variable(name)
        except SessionError as exc:
            self.new_variable_edit.setProperty("invalid", True)
            self.new_variable_edit.style().unpolish(self.new_variable_edit)
            self.new_variable_edit.style().polish(self.new_variable_edit)
            self.new_variable_edit.setToolTip(tr_message(exc))
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
