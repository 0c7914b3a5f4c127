"""f at the current point, in large type, with the point it was computed at."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QGuiApplication
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from gui import theme
from gui.controller import SessionController
from gui.i18n import tr_message
from gui.widgets.live_label import LiveLabel
from gui.widgets.retranslating import Retranslating
from tutor.evaluation import EvalResult
from tutor.numbers import on_grid, readout


def format_f(value: float) -> str:
    """Ten significant digits at most, and words for what is not a number."""
    if math.isnan(value):
        return QCoreApplication.translate("ValueDisplay", "undefined (NaN)")
    return readout(value)


class ValueDisplay(Retranslating, QFrame):
    """``f(x = 1.00, y = 0.50)`` above ``1.341470985`` in a large font."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueDisplay")
        self.controller = controller

        # Live labels: these change under a moving slider and must not re-lay out the window.
        self.caption = LiveLabel(self, color="muted_text")
        self.caption.setObjectName("valueCaption")

        self.value_label = LiveLabel(self, color="text")
        self.value_label.setObjectName("valueLabel")
        self._size_value_font()

        self.notice_label = LiveLabel(self, color="muted_text")
        self.notice_label.setObjectName("noticeLabel")

        self.copy_action = QAction(self)
        self.copy_action.triggered.connect(self.copy_value)
        self.addAction(self.copy_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value_label)
        layout.addWidget(self.notice_label)

        controller.sigResultChanged.connect(self._on_controller_result_changed)
        self.retranslate()

    def _size_value_font(self) -> None:
        """f in 2.4 times the panel's font: it grows with View > Zoom."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * theme.VALUE_FONT_SCALE)
        font.setWeight(QFont.Weight.DemiBold)
        self.value_label.setFont(font)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == event.Type.FontChange:
            # Once the new application font has reached every widget (the style sheet
            # would otherwise put the value's old font back on its way down).
            QTimer.singleShot(0, self, self._size_value_font)
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.value_label.setToolTip(self.tr("f at the point (right-click to copy)"))
        self.copy_action.setText(self.tr("Copy Value"))
        self._on_controller_result_changed(self.controller.result)

    def _on_controller_result_changed(self, result: EvalResult) -> None:
        if result.expression is None:
            return
        variables = self.controller.session.variables
        parts = []
        for name in result.expression.variables:
            step = variables[name].step if name in variables else 0.01
            parts.append(f"{name} = {on_grid(result.point.get(name, math.nan), step)}")
        caption = self.tr("f at {point}").format(point=", ".join(parts)) if parts else "f"
        if self.caption.text() != caption:
            self.caption.setText(caption)
        text = format_f(result.value)
        if self.value_label.text() != text:
            self.value_label.setText(text)
        stale = result.error is not None
        # stale: the value of the last formula that parsed
        self.value_label.setColor("faint_text" if stale else "text")
        if stale:
            notice = self.tr("from the last formula that worked")
        else:
            notice = tr_message(result.notices[0]) if result.notices else ""
        if self.notice_label.text() != notice:
            self.notice_label.setText(notice)
            self.notice_label.setToolTip("\n".join(tr_message(n) for n in result.notices))

    def copy_value(self) -> None:
        """Put f at the point on the clipboard, with every digit (repr)."""
        QGuiApplication.clipboard().setText(repr(float(self.controller.result.value)))
