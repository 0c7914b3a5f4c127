"""f at the current point, in large type, with the point it was computed at."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from engine.session import EvalResult
from gui.controller import SessionController, format_value


def format_f(value: float) -> str:
    """Ten significant digits at most, and words for what is not a number."""
    if math.isnan(value):
        return QCoreApplication.translate("ValueDisplay", "undefined (NaN)")
    if math.isinf(value):
        return "+∞" if value > 0 else "−∞"
    return f"{value:.10g}"


class ValueDisplay(QFrame):
    """``f(x = 1.00, y = 0.50)`` above ``1.341470985`` in a large font."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueDisplay")
        self.controller = controller

        self.caption = QLabel(self)
        self.caption.setObjectName("valueCaption")
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.caption.setFixedHeight(self.caption.fontMetrics().height() + 2)

        self.value_label = QLabel(self)
        self.value_label.setObjectName("valueLabel")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.value_label.setFont(font)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.value_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.value_label.setFixedHeight(self.value_label.fontMetrics().height() + 4)

        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("noticeLabel")
        self.notice_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.notice_label.setFixedHeight(self.notice_label.fontMetrics().height() + 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(0)
        layout.addWidget(self.caption)
        layout.addWidget(self.value_label)
        layout.addWidget(self.notice_label)

        controller.sigResultChanged.connect(self._on_controller_result_changed)
        self._on_controller_result_changed(controller.result)

    def _on_controller_result_changed(self, result: EvalResult) -> None:
        if result.expression is None:
            return
        variables = self.controller.session.variables
        parts = []
        for name in result.expression.variables:
            step = variables[name].step if name in variables else 0.01
            parts.append(f"{name} = {format_value(result.point.get(name, math.nan), step)}")
        caption = self.tr("f at {point}").format(point=", ".join(parts)) if parts else "f"
        if self.caption.text() != caption:
            self.caption.setText(caption)
        text = format_f(result.value)
        if self.value_label.text() != text:
            self.value_label.setText(text)
        stale = result.error is not None
        if self.value_label.property("stale") != stale:
            self.value_label.setProperty("stale", stale)
            self.value_label.style().unpolish(self.value_label)
            self.value_label.style().polish(self.value_label)
        if stale:
            notice = self.tr("from the last formula that worked")
        else:
            notice = result.notices[0] if result.notices else ""
        if self.notice_label.text() != notice:
            self.notice_label.setText(notice)
            self.notice_label.setToolTip("\n".join(result.notices))
