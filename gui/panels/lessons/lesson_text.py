"""A lesson's Markdown text, shown as rich text that wraps to the panel's width.

Qt's own Markdown reader (``QTextDocument.setMarkdown``, GitHub dialect) turns the
text into rich text; raw HTML in the file is shown as written, not interpreted.
Links are reported with ``linkActivated`` (``view:graph``, ``https://...``) and
never followed here. The text is converted again when the palette or font changes,
so links and code take the current colours.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


def markdown_to_html(markdown: str, widget: QWidget) -> str:
    """``markdown`` as rich text in ``widget``'s font and palette."""
    document = QTextDocument()
    document.setDefaultFont(widget.font())
    document.setMarkdown(markdown, _FEATURES)
    _tone_down_headings(document)
    return document.toHtml()


def _tone_down_headings(document: QTextDocument) -> None:
    """Headings inside a lesson stay below the lesson's title: ``#`` one step larger
    than the text, the others its size, all bold, with some room above."""
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level:
            cursor = QTextCursor(block)  # at the block's start: block formats touch it alone
            spacing = block.blockFormat()
            spacing.setTopMargin(8)
            spacing.setBottomMargin(2)
            cursor.setBlockFormat(spacing)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            heading = QTextCharFormat()
            heading.setProperty(QTextFormat.Property.FontSizeAdjustment, 1 if level == 1 else 0)
            heading.setFontWeight(QFont.Weight.Bold)
            cursor.mergeCharFormat(heading)
        block = block.next()


class LessonText(QLabel):
    """A label that shows Markdown; ``markdown()`` is the text it was given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._markdown = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def markdown(self) -> str:
        return self._markdown

    def set_markdown(self, markdown: str) -> None:
        self._markdown = markdown
        self.setText(markdown_to_html(markdown, self))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            if self._markdown:
                self.setText(markdown_to_html(self._markdown, self))
        super().changeEvent(event)


__all__ = ["LessonText", "markdown_to_html"]
