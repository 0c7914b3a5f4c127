"""The expression field: type a formula, see at once whether (and where) it is wrong.

The field writes every edit through the controller (one "Edit expression" command per
typing burst) and shows the parse state the controller reports: a red frame, a caret
under the offending column and "column N: what is wrong" in full under the field when
the text does not parse, otherwise the formula as the tutor reads it, in pretty form.
The plot and the numbers follow the text while it parses and names no new variable,
and otherwise keep showing the last formula that did. A text that names a new variable
waits (the controller holds it) until Enter, leaving the field, or a short pause; Enter
always applies exactly what the field holds, however the text got there.

The field is also one end of the link between the formula and the graph, through the
controller: it tells it where its cursor is (``set_formula_cursor``), and paints a
highlight over the parts of the formula the controller says are selected
(``sigSelectionChanged``: the selected graph node's). It never talks to the graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QKeySequence, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionFrame,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.controller import SessionController
from gui.i18n import tr_message
from gui.widgets.retranslating import Retranslating
from tutor.formula import SeveralOutputsError, parse

# Lines of the message under the field that are always reserved, so that the palette
# below does not jump as errors come and go; a longer message makes room for itself.
MESSAGE_LINES = 3


class FormulaEdit(QLineEdit):
    """A line edit that can paint a highlight over parts of its text.

    The highlight is painted, not selected: it never moves the cursor, takes focus, or
    touches the text or its undo history, and a palette button still inserts at the
    cursor. It shows only while the field holds the very text its spans index into.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._highlight: tuple[str, tuple[tuple[int, int], ...]] = ("", ())
        self._error: tuple[str, int] | None = None

    def set_error_position(self, text: str, position: int | None) -> None:
        """Mark character ``position`` of ``text`` as the error (a caret under it and a
        red underline); shown while ``text()`` is ``text``. None: no mark."""
        error = None if position is None else (text, int(position))
        if error != self._error:
            self._error = error
            self.update()

    def error_position(self) -> int | None:
        """The position marked as the error now, or None."""
        if self._error is None or self._error[0] != self.text():
            return None
        return self._error[1]

    def _text_origin(self, fm: QFontMetricsF) -> float:
        """Where the text's first character starts, in widget coordinates."""
        # QLineEdit does not say where its text starts (it scrolls); the caret does.
        caret = QRectF(self.cursorRect())
        return caret.center().x() - fm.horizontalAdvance(self.text()[: self.cursorPosition()])

    def error_caret_x(self) -> float | None:
        """The x (widget coordinates) of the caret under the error column, or None."""
        position = self.error_position()
        if position is None:
            return None
        fm = QFontMetricsF(self.font())
        text = self.text()
        left = self._text_origin(fm) + fm.horizontalAdvance(text[:position])
        width = fm.horizontalAdvance(text[position] if position < len(text) else " ")
        return left + width / 2

    def set_highlight(self, text: str, spans: Iterable[tuple[int, int]]) -> None:
        """Highlight ``spans`` (start, end) of ``text``; shown while ``text()`` is ``text``."""
        highlight = (text, tuple((int(a), int(b)) for a, b in spans))
        if highlight != self._highlight:
            self._highlight = highlight
            self.update()

    def highlighted_spans(self) -> list[tuple[int, int]]:
        """The (start, end) parts of the text highlighted now."""
        text, spans = self._highlight
        return list(spans) if spans and text == self.text() else []

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        spans = self.highlighted_spans()
        caret_x = self.error_caret_x()
        if not spans and caret_x is None:
            return
        text = self.text()
        fm = QFontMetricsF(self.font())
        caret = QRectF(self.cursorRect())
        origin = self._text_origin(fm)
        top, bottom = caret.top() + 1, caret.bottom()
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        painter = QPainter(self)
        contents = self.style().subElementRect(
            QStyle.SubElement.SE_LineEditContents, option, self
        )
        painter.setClipRect(contents)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if caret_x is not None:
            self._paint_error_caret(painter, caret_x, fm, contents.bottom())
        line = QPen(theme.current().color("highlight_line"), 1.5)
        for start, end in spans:
            left = origin + fm.horizontalAdvance(text[:start])
            right = origin + fm.horizontalAdvance(text[:end])
            rect = QRectF(left - 1, top, right - left + 2, bottom - top)
            # multiplied onto the text: a marker pen behind the glyphs, which stay dark
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.current().color("highlight_fill"))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
            painter.setPen(line)
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.end()

    def _paint_error_caret(
        self, painter: QPainter, x: float, fm: QFontMetricsF, bottom: float
    ) -> None:
        """A caret ^ under the error column, and the character underlined, in red."""
        colour = theme.current().color("error")
        position = self.error_position() or 0
        text = self.text()
        width = fm.horizontalAdvance(text[position] if position < len(text) else " ")
        baseline = QRectF(self.cursorRect()).bottom()
        painter.setPen(QPen(colour, 1.5))
        painter.drawLine(QPointF(x - width / 2, baseline), QPointF(x + width / 2, baseline))
        size = max(3.0, min(5.0, bottom - baseline - 1))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x, bottom - size),
                    QPointF(x - size, bottom + 1),
                    QPointF(x + size, bottom + 1),
                ]
            )
        )


class ExpressionBar(Retranslating, QWidget):
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

        self.edit = FormulaEdit(self)
        self.edit.setObjectName("expressionEdit")
        self.edit.setClearButtonEnabled(False)
        edit_font = QFont("DejaVu Sans Mono")
        edit_font.setStyleHint(QFont.StyleHint.Monospace)
        edit_font.setPointSizeF(self.font().pointSizeF() * 1.25)
        self.edit.setFont(edit_font)
        # Ctrl+Z / Ctrl+Y in the field undo document edits (Edit menu), not only the
        # field's own text, so the field and the document never disagree.
        self.edit.installEventFilter(self)

        self.message = QLabel(self)
        self.message.setObjectName("expressionMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The whole message, wrapped: a list of functions must not be cut off. Room for
        # MESSAGE_LINES lines is always kept, so the palette does not jump as errors come
        # and go; a longer message (a narrow column, another language) grows the room.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self._reserve_message_room()

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
        # Enter applies what the field holds (also a text set without typing); so does
        # leaving the field (editingFinished also comes on focus-out).
        self.edit.returnPressed.connect(self._on_edit_editing_finished)
        self.edit.editingFinished.connect(self._on_edit_editing_finished)
        self.edit.cursorPositionChanged.connect(self._on_edit_cursor_moved)
        controller.sigExpressionChanged.connect(self._on_controller_expression_changed)
        controller.sigPendingExpressionChanged.connect(self._show_parse_state)
        controller.sigDocumentReplaced.connect(self._on_controller_document_replaced)
        controller.sigSelectionChanged.connect(self._on_controller_selection_changed)
        self.retranslate()
        self._on_controller_document_replaced()
        self._on_controller_selection_changed(*controller.selection)

    def _reserve_message_room(self) -> None:
        self.message.setMinimumHeight(
            MESSAGE_LINES * self.message.fontMetrics().lineSpacing() + 4
        )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == event.Type.FontChange:  # View > Zoom: the room grows too
            self._reserve_message_room()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("type a formula, e.g. sin(x) * x^2"))
        self._help = self.tr(
            "The function f. Operators + - * / ^, functions such as sin(x), "
            "constants pi and e; 2x means 2*x. (Ctrl+L)"
        )
        self.edit.setAccessibleName(self.tr("Expression"))
        self._show_parse_state()

    # -- from the user ----------------------------------------------------------

    def _on_edit_text_edited(self, text: str) -> None:
        self.controller.set_expression(text, typing=True)
        self._show_parse_state()  # also when the document did not change (a held text)

    def _on_edit_editing_finished(self) -> None:
        self.controller.commit_expression(self.edit.text())
        self._show_parse_state()

    def _on_edit_cursor_moved(self, _old: int, new: int) -> None:
        self.controller.set_formula_cursor(self.edit.text(), new)

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
        controller = self.controller
        session = controller.session
        error = session.error
        expr = session.expression
        names = ", ".join(expr.variables) if expr is not None else ""
        self.caption.setText(f"f({names}) =")
        field = self.edit.text()
        held = controller.pending_expression
        if held is not None and held == field:
            # Parses by construction: the controller holds only such texts.
            pretty = parse(held).pretty()
            message = self.tr("= {formula}    (Enter or a short pause adds {names})").format(
                formula=pretty, names=", ".join(controller.pending_variables)
            )
            self._set_invalid(False)
            self.edit.set_error_position(field, None)
            self.message.setText(message)
            self.message.setToolTip(
                self.tr("The plot and numbers show the last formula that worked.")
            )
            self.edit.setToolTip(self._help)
            self.edit.setAccessibleDescription(message)
        elif isinstance(error, SeveralOutputsError):
            # Not a mistake: a tuple of outputs is for the Jacobian tab.
            count = len(parse(session.expression_text).outputs)
            message = self.tr(
                "{count} outputs: the Jacobian tab shows them all; the plot, the graph "
                "and the numbers keep the last formula with one f."
            ).format(count=count)
            self._set_invalid(False)
            self.edit.set_error_position(field, None)
            self.message.setText(message)
            self.message.setToolTip(message)
            self.edit.setToolTip(self._help)
            self.edit.setAccessibleDescription(message)
        elif error is not None:
            message = self.tr("column {column}: {message}").format(
                column=error.position + 1, message=tr_message(error)
            )
            self._set_invalid(True)
            self.edit.set_error_position(session.expression_text, error.position)
            self.message.setText(message)
            self.message.setToolTip(
                self.tr("The plot and numbers show the last formula that worked.")
            )
            self.edit.setToolTip(message + "\n\n" + self._help)
            self.edit.setAccessibleDescription(message)
        else:
            self._set_invalid(False)
            self.edit.set_error_position(field, None)
            self.message.setText(("= " + expr.pretty()) if expr is not None else "")
            self.message.setToolTip(self.tr("How the tutor reads your formula"))
            self.edit.setToolTip(self._help)
            self.edit.setAccessibleDescription(self.message.text())

    def _set_invalid(self, invalid: bool) -> None:
        for widget in (self.edit, self.message):
            if widget.property("invalid") != invalid:
                widget.setProperty("invalid", invalid)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _on_controller_selection_changed(self, text: str, spans: list) -> None:
        # The selected graph node's parts of the formula; nothing shows while the
        # field holds a different text.
        self.edit.set_highlight(text, spans)

    @property
    def is_invalid(self) -> bool:
        return bool(self.edit.property("invalid"))

    def focus_expression(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
