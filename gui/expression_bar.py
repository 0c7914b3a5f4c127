"""The expression field: type a formula, see at once whether (and where) it is wrong.

The field writes every edit through the controller (one "Edit expression" command per
typing burst) and shows the parse state the controller reports: a red frame and
"column N: what is wrong" when the text does not parse, otherwise the formula as the
tutor reads it, in pretty form. The plot and the numbers keep showing the last formula
that parsed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from gui.controller import SessionController


class ExpressionBar(QWidget):
    """``f(x, y) = [expressionEdit]`` and a one-line message under it."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller

        self.caption = QLabel(self)
        self.caption.setObjectName("expressionCaption")
        caption_font = QFont(self.font())
        caption_font.setPointSizeF(caption_font.pointSizeF() * 1.15)
        caption_font.setItalic(True)
        self.caption.setFont(caption_font)

        self.edit = QLineEdit(self)
        self.edit.setObjectName("expressionEdit")
        self.edit.setPlaceholderText(self.tr("type a formula, e.g. sin(x) * x^2"))
        self.edit.setClearButtonEnabled(False)
        edit_font = QFont("DejaVu Sans Mono")
        edit_font.setStyleHint(QFont.StyleHint.Monospace)
        edit_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        self.edit.setFont(edit_font)
        self._help = self.tr(
            "The function f. Operators + - * / ^, functions such as sin(x), "
            "constants pi and e; 2x means 2*x. (Ctrl+L)"
        )
        self.edit.setToolTip(self._help)
        self.edit.setAccessibleName(self.tr("Expression"))
        # Ctrl+Z / Ctrl+Y in the field undo document edits (Edit menu), not only the
        # field's own text, so the field and the document never disagree.
        self.edit.installEventFilter(self)

        self.message = QLabel(self)
        self.message.setObjectName("expressionMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        # Room for two lines, always: the palette below must not jump as errors come and go.
        self.message.setFixedHeight(2 * self.message.fontMetrics().lineSpacing() + 2)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.caption)
        row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.message)

        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.editingFinished.connect(self.controller.finish_typing)
        controller.sigExpressionChanged.connect(self._on_controller_expression_changed)
        controller.sigDocumentReplaced.connect(self._on_controller_document_replaced)
        self._on_controller_document_replaced()

    # -- from the user ----------------------------------------------------------

    def _on_edit_text_edited(self, text: str) -> None:
        self.controller.set_expression(text, typing=True)

    def insert_text(self, text: str) -> None:
        """Insert at the cursor, replacing the selection (used by the palette)."""
        self.edit.insert(text)
        self._on_edit_text_edited(self.edit.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if watched is self.edit and event.type() == QEvent.Type.ShortcutOverride:
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                # Not accepted here, so the window's Undo/Redo shortcut fires.
                self.controller.finish_typing()
                return True
        return super().eventFilter(watched, event)

    # -- from the document ------------------------------------------------------

    def _on_controller_document_replaced(self) -> None:
        self._on_controller_expression_changed(self.controller.session.expression_text)

    def _on_controller_expression_changed(self, text: str) -> None:
        if self.edit.text() != text:
            cursor = self.edit.cursorPosition()
            self.edit.blockSignals(True)
            self.edit.setText(text)
            self.edit.setCursorPosition(min(cursor, len(text)))
            self.edit.blockSignals(False)
        self._show_parse_state()

    def _show_parse_state(self) -> None:
        session = self.controller.session
        error = session.error
        expr = session.expression
        names = ", ".join(expr.variables) if expr is not None else ""
        self.caption.setText(f"f({names}) =")
        if error is not None:
            message = self.tr("column {column}: {message}").format(
                column=error.position + 1, message=getattr(error, "message", str(error))
            )
            self._set_invalid(True)
            self.message.setText(message)
            self.message.setToolTip(
                self.tr("The plot and numbers show the last formula that worked.")
            )
            self.edit.setToolTip(message + "\n\n" + self._help)
        else:
            self._set_invalid(False)
            self.message.setText(("= " + expr.pretty()) if expr is not None else "")
            self.message.setToolTip(self.tr("How the tutor reads your formula"))
            self.edit.setToolTip(self._help)

    def _set_invalid(self, invalid: bool) -> None:
        for widget in (self.edit, self.message):
            if widget.property("invalid") != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    @property
    def is_invalid(self) -> bool:
        return bool(self.edit.property("invalid"))

    def focus_expression(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
