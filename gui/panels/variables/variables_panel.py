"""One row per variable: a slider, its value, its range, and ∂f/∂(that variable).

Rows are built only when the set of variables changes; every other update (a value,
a range, the gradients after an evaluation) changes the existing widgets in place,
with their signals blocked so that showing the model never writes back to it.

A range or step the model refuses gets a red frame and its reason in a line of its own
under the row (always there, so nothing moves when a reason comes or goes); both clear
as soon as the text is acceptable, before Enter. Ctrl+Z in a field that shows the
model's value is Edit > Undo, not the field's own history.
"""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.controller import SessionController
from gui.i18n import tr_message
from gui.widgets.field_undo import undo_passes_through
from gui.widgets.retranslating import Retranslating
from tutor.evaluation import EvalResult
from tutor.numbers import on_grid, readout, step_decimals
from tutor.session import SessionError, VariableSpec, snap_to_step, validate_range


def format_gradient(name: str, value: float) -> str:
    """``∂f/∂x = 1.23457``: six significant digits (the readout promises at least four)."""
    return f"∂f/∂{name} = {readout(value, 6)}"


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class ValueSpinBox(QDoubleSpinBox):
    """A variable's value as it truly is: on its slider's grid with the step's decimals
    (``1.50``), off it with the digits it needs (an optimizer's ``0.9975`` on a 0.01
    slider, never ``1.00``). The arrows go to the next point of the grid."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid_step = 0.01
        self.setDecimals(10)  # keeps the value itself; textFromValue decides what shows

    def set_grid_step(self, step: float) -> None:
        self.grid_step = step
        self.setSingleStep(step)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        # four decimals more than the grid's at most: the box stays narrow, and an
        # off-grid value still never reads as its rounded neighbour
        return on_grid(value, self.grid_step, step_decimals(self.grid_step) + 4)

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt's name
        try:
            return float(text.strip().replace("−", "-"))
        except ValueError:
            return super().valueFromText(text)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        k = self.value() / self.grid_step
        base = math.floor(k + 1e-9) if steps > 0 else math.ceil(k - 1e-9)
        decimals = max(step_decimals(self.grid_step), 1)
        self.setValue(round((base + steps) * self.grid_step, decimals))

    def sizeHint(self):  # noqa: N802 - Qt's name
        # as wide as the range's ends on the grid, plus the four digits off-grid values add
        hint = super().sizeHint()
        metrics = self.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(on_grid(v, self.grid_step) + "0000")
            for v in (self.minimum(), self.maximum())
        )
        hint.setWidth(widest + 34)
        return hint

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        return self.sizeHint()


class _WheelGuard(QObject):
    """Scrolling the panel must not move a slider the wheel happens to pass over."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()
            return True
        return False


class VariableRow(Retranslating, QFrame):
    """The controls of one variable. Object names end in ``_<name>`` for tests."""

    def __init__(
        self,
        controller: SessionController,
        spec: VariableSpec,
        sweep_group: QButtonGroup,
        wheel_guard: QObject,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("variableRow")
        self.controller = controller
        self.name = spec.name
        name = spec.name
        self._index_count = 0
        self._spec = VariableSpec(name)

        self.sweep_button = QRadioButton(self)
        self.sweep_button.setObjectName(f"sweep_{name}")
        sweep_group.addButton(self.sweep_button)
        self.sweep_button.toggled.connect(self._on_sweep_toggled)

        self.name_label = QLabel(name, self)
        self.name_label.setObjectName(f"name_{name}")
        name_font = QFont(self.font())
        name_font.setBold(True)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.15)
        self.name_label.setFont(name_font)
        self.name_label.setMinimumWidth(18)

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName(f"slider_{name}")
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(10)
        self.slider.installEventFilter(wheel_guard)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.sliderPressed.connect(lambda: controller.begin_drag(self.name))
        self.slider.sliderReleased.connect(controller.end_drag)

        self.spin = ValueSpinBox(self)
        self.spin.setObjectName(f"value_{name}")
        self.spin.setKeyboardTracking(False)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.spin.setMinimumWidth(86)
        self.spin.installEventFilter(wheel_guard)
        self.spin.valueChanged.connect(self._on_spin_value_changed)
        undo_passes_through(
            self.spin,
            lambda: self.spin.lineEdit().text() == self.spin.textFromValue(self.spin.value()),
        )

        self.grad_label = QLabel(self)
        self.grad_label.setObjectName(f"grad_{name}")
        grad_font = QFont(self.font())
        grad_font.setWeight(QFont.Weight.Medium)
        self.grad_label.setFont(grad_font)
        self.grad_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A fixed size: a new number must not make the whole column lay itself out again.
        sample = format_gradient(name, -1.23456e-05)
        self.grad_label.setFixedSize(
            self.grad_label.fontMetrics().horizontalAdvance(sample) + 4,
            self.grad_label.fontMetrics().height() + 2,
        )

        self.range_edits: dict[str, QLineEdit] = {}
        self._shown_range: dict[str, str] = {}  # the text configure() put in each field
        range_row = QHBoxLayout()
        range_row.setSpacing(3)
        range_row.addWidget(self.grad_label)
        range_row.addStretch(1)
        self.step_caption = QLabel(self)
        captions = {"min": None, "max": QLabel("…", self), "step": self.step_caption}
        for key, caption in captions.items():
            if caption is not None:
                caption.setProperty("class", "muted")
                range_row.addWidget(caption)
            edit = QLineEdit(self)
            edit.setObjectName(f"{key}_{name}")
            edit.setFixedWidth(46)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.editingFinished.connect(self._on_range_editing_finished)
            edit.textEdited.connect(self._on_range_text_edited)
            undo_passes_through(
                edit, lambda e=edit, k=key: e.text() == self._shown_range.get(k, e.text())
            )
            self.range_edits[key] = edit
            range_row.addWidget(edit)

        # Why a range was refused, in place; one line is always kept for it.
        self.range_message = QLabel(self)
        self.range_message.setObjectName(f"rangeMessage_{name}")
        self.range_message.setProperty("feedback", "invalid")
        self.range_message.setWordWrap(True)
        self.range_message.setTextFormat(Qt.TextFormat.PlainText)
        self.range_message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        message_font = QFont(self.font())
        message_font.setPointSizeF(message_font.pointSizeF() * 0.9)
        self.range_message.setFont(message_font)
        self.range_message.setMinimumHeight(self.range_message.fontMetrics().lineSpacing())

        self.remove_button = QToolButton(self)
        self.remove_button.setObjectName(f"remove_{name}")
        self.remove_button.setText("✕")
        self.remove_button.setAutoRaise(True)
        policy = self.remove_button.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the slider keeps its length either way
        self.remove_button.setSizePolicy(policy)
        self.remove_button.clicked.connect(lambda: controller.remove_variable(self.name))

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 2)  # the message line below is the bottom margin
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.sweep_button, 0, 0)
        grid.addWidget(self.name_label, 0, 1)
        grid.addWidget(self.slider, 0, 2)
        grid.addWidget(self.spin, 0, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addLayout(range_row, 1, 0, 1, 5)
        grid.addWidget(self.range_message, 2, 0, 1, 5)
        grid.setColumnStretch(2, 1)
        for first, second in pairwise(self.tab_chain()):  # as the row is read
            QWidget.setTabOrder(first, second)

        self._used = True
        self.configure(spec)
        self.set_used(True)
        self.retranslate()

    def tab_chain(self) -> list[QWidget]:
        """The row's controls in reading order: the first line, then the range."""
        return [
            self.sweep_button,
            self.slider,
            self.spin,
            self.remove_button,
            *self.range_edits.values(),
        ]

    def retranslate(self) -> None:
        name = self.name
        self.sweep_button.setToolTip(self.tr("Plot f along {name}").format(name=name))
        self.sweep_button.setAccessibleName(self.tr("Plot along {name}").format(name=name))
        self.slider.setAccessibleName(self.tr("Value of {name}").format(name=name))
        self.spin.setAccessibleName(self.tr("Value of {name}").format(name=name))
        self.step_caption.setText(self.tr("step"))
        accessible = {
            "min": self.tr("Smallest value of {name}"),
            "max": self.tr("Largest value of {name}"),
            "step": self.tr("Slider step of {name}"),
        }
        for key, edit in self.range_edits.items():
            edit.setAccessibleName(accessible[key].format(name=name))
        marked = [key for key, edit in self.range_edits.items() if edit.property("invalid")]
        if marked:  # the reason, in the new language
            self._mark_range_error(marked, self._range_problem(self._range_texts())[1])
        else:
            self.retranslate_range_tips()
        self.remove_button.setToolTip(
            self.tr("Remove {name} (f does not use it)").format(name=name)
        )
        self.remove_button.setAccessibleName(self.tr("Remove {name}").format(name=name))
        self.grad_label.setToolTip(
            self.tr("How fast f changes when {name} moves, the others held still").format(name=name)
            if self._used
            else self.tr("f does not use {name}: moving it changes nothing").format(name=name)
        )

    # -- from the document ------------------------------------------------------------

    def configure(self, spec: VariableSpec) -> None:
        """Take the range, step and value of ``spec`` (signals blocked)."""
        self._spec = VariableSpec(spec.name, spec.value, spec.min, spec.max, spec.step)
        self._index_count = max(1, round((spec.max - spec.min) / spec.step))
        self.slider.blockSignals(True)
        self.slider.setRange(0, self._index_count)
        self.slider.blockSignals(False)
        self.spin.blockSignals(True)
        self.spin.set_grid_step(spec.step)
        self.spin.setRange(spec.min, spec.max)
        self.spin.setSingleStep(spec.step)
        self.spin.blockSignals(False)
        for key, value in (("min", spec.min), ("max", spec.max), ("step", spec.step)):
            self._shown_range[key] = f"{value:g}"
            self.range_edits[key].setText(self._shown_range[key])
        self._mark_range_error([], "")
        self.set_value(spec.value)

    def set_value(self, value: float) -> None:
        self._spec.value = value
        index = self._index_of(value)
        if self.slider.value() != index:
            self.slider.blockSignals(True)
            self.slider.setValue(index)
            self.slider.blockSignals(False)
        if self.spin.value() != value:
            self.spin.blockSignals(True)
            self.spin.setValue(value)
            self.spin.blockSignals(False)

    def set_gradient(self, value: float | None) -> None:
        text = format_gradient(self.name, 0.0 if value is None else value)
        if self.grad_label.text() != text:
            self.grad_label.setText(text)

    def set_used(self, used: bool) -> None:
        if self.property("unused") != (not used):
            self.setProperty("unused", not used)
            _repolish(self)
            for label in self.findChildren(QLabel):
                _repolish(label)
        self.remove_button.setVisible(not used)
        if used != self._used:
            self._used = used
            self.retranslate()

    def set_swept(self, swept: bool) -> None:
        if self.sweep_button.isChecked() != swept:
            self.sweep_button.blockSignals(True)
            self.sweep_button.setChecked(swept)
            self.sweep_button.blockSignals(False)

    # -- from the user --------------------------------------------------------------------

    def _index_of(self, value: float) -> int:
        spec = self._spec
        return min(max(round((value - spec.min) / spec.step), 0), self._index_count)

    def value_at_index(self, index: int) -> float:
        spec = self._spec
        if index >= self._index_count:
            return spec.max
        return snap_to_step(spec, spec.min + index * spec.step)

    def _on_slider_value_changed(self, index: int) -> None:
        self.controller.set_value(self.name, self.value_at_index(index))

    def _on_spin_value_changed(self, value: float) -> None:
        if math.isfinite(value):
            # What is typed or stepped to lands on the step's grid (0.8 + 4 × 0.01 is
            # 0.8400000000000001 in binary floating point: keep the step's decimals).
            decimals = max(step_decimals(self._spec.step), 1)
            self.controller.set_value(self.name, round(value, decimals))

    def _on_sweep_toggled(self, checked: bool) -> None:
        if checked:
            self.controller.set_sweep_variable(self.name)

    def _range_texts(self) -> dict[str, str]:
        edits = self.range_edits
        return {key: edit.text().strip().replace("−", "-") for key, edit in edits.items()}

    def _range_problem(self, texts: dict[str, str]) -> tuple[list[str], str]:
        """The fields whose text the model would refuse, and why (none: acceptable)."""
        bad = [key for key, text in texts.items() if not _is_float(text)]
        if bad:
            return bad, self.tr("not a number")
        values = {key: float(text) for key, text in texts.items()}
        try:
            validate_range(self.name, values["min"], values["max"], values["step"])
        except SessionError as exc:
            spec = self._spec
            current = {"min": spec.min, "max": spec.max, "step": spec.step}
            changed = [key for key in values if values[key] != current[key]]
            return changed or list(values), tr_message(exc)
        return [], ""

    def _on_range_text_edited(self, _text: str) -> None:
        # A red frame goes as soon as its field is acceptable; new ones wait for Enter.
        marked = [key for key, edit in self.range_edits.items() if edit.property("invalid")]
        if not marked:
            return
        keys, message = self._range_problem(self._range_texts())
        still = [key for key in marked if key in keys]
        self._mark_range_error(still, message if still else "")

    def _on_range_editing_finished(self) -> None:
        texts = self._range_texts()
        keys, message = self._range_problem(texts)
        if keys:
            self._mark_range_error(keys, message)
            return
        values = {key: float(text) for key, text in texts.items()}
        spec = self._spec
        if values == {"min": spec.min, "max": spec.max, "step": spec.step}:
            self._mark_range_error([], "")
            return
        try:
            self.controller.set_range(self.name, values["min"], values["max"], values["step"])
        except SessionError as exc:  # refused for a reason validate_range does not know
            self._mark_range_error(list(values), tr_message(exc))
            return
        self._mark_range_error([], "")

    def _mark_range_error(self, keys: list[str], message: str) -> None:
        """Red frames on ``keys``, and ``message`` under the row (none: all clear)."""
        for key, edit in self.range_edits.items():
            invalid = key in keys
            if edit.property("invalid") != invalid:
                edit.setProperty("invalid", invalid)
                _repolish(edit)
        if self.range_message.text() != message:
            self.range_message.setText(message)
            self.range_message.setToolTip(message)
        self.retranslate_range_tips(message if keys else "")

    def retranslate_range_tips(self, message: str = "") -> None:
        tips = {
            "min": self.tr("Smallest value of {name}"),
            "max": self.tr("Largest value of {name}"),
            "step": self.tr("Slider step of {name}"),
        }
        for key, edit in self.range_edits.items():
            tip = tips[key].format(name=self.name)
            invalid = bool(edit.property("invalid"))
            edit.setToolTip(message + "\n\n" + tip if invalid and message else tip)
            edit.setAccessibleDescription(message if invalid else "")


def _is_float(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class VariablesPanel(Retranslating, QWidget):
    """The list of variable rows, in a scroll area."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("variablesPanel")
        self.controller = controller
        self.rows: dict[str, VariableRow] = {}
        self._sweep_group = QButtonGroup(self)
        self._sweep_group.setExclusive(True)
        self._wheel_guard = _WheelGuard(self)

        self._container = QWidget()
        self._container.setObjectName("variablesContainer")
        self._rows_layout = QVBoxLayout(self._container)
        self._rows_layout.setContentsMargins(0, 0, 4, 0)
        self._rows_layout.setSpacing(6)
        self._empty_label = QLabel(self._container)
        self._empty_label.setWordWrap(True)
        self._empty_label.setProperty("class", "muted")
        self._rows_layout.addWidget(self._empty_label)
        self._rows_layout.addStretch(1)
        self.hint_label = QLabel(self._container)
        self.hint_label.setObjectName("variablesHint")
        self.hint_label.setWordWrap(True)
        self.hint_label.setProperty("class", "muted")
        self._rows_layout.addWidget(self.hint_label)

        scroll = QScrollArea(self)
        scroll.setObjectName("variablesScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._container)
        scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._container.setAutoFillBackground(False)
        scroll.viewport().setAutoFillBackground(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        controller.sigVariablesChanged.connect(self._on_controller_variables_changed)
        controller.sigValueChanged.connect(self._on_controller_value_changed)
        controller.sigExpressionChanged.connect(self._on_controller_expression_changed)
        controller.sigSweepChanged.connect(self._on_controller_sweep_changed)
        controller.sigResultChanged.connect(self._on_controller_result_changed)
        self._on_controller_variables_changed()
        self._on_controller_result_changed(controller.result)
        self.retranslate()

    def retranslate(self) -> None:
        self._empty_label.setText(
            self.tr("No variables yet: type a name such as x in the formula.")
        )
        self.hint_label.setText(
            self.tr(
                "∂f/∂x is how fast f changes when x alone moves: the slope of the "
                "tangent in the plot. The engine gets every ∂f/∂· from one backward pass."
            )
        )

    def row(self, name: str) -> VariableRow:
        return self.rows[name]

    # -- from the document ----------------------------------------------------------------

    def _on_controller_variables_changed(self) -> None:
        variables = self.controller.session.variables
        names = sorted(variables)
        if names != list(self.rows):
            self._rebuild(names)
        for name in names:
            self.rows[name].configure(variables[name])
        self._on_controller_expression_changed("")
        self._on_controller_sweep_changed()

    def _rebuild(self, names: list[str]) -> None:
        for name in list(self.rows):
            if name not in names:
                row = self.rows.pop(name)
                self._sweep_group.removeButton(row.sweep_button)
                self._rows_layout.removeWidget(row)
                row.hide()
                row.setParent(None)
                row.deleteLater()
        spec_of = self.controller.session.variables
        for name in names:
            if name not in self.rows:
                self.rows[name] = VariableRow(
                    self.controller,
                    spec_of[name],
                    self._sweep_group,
                    self._wheel_guard,
                    self._container,
                )
        # order: sorted by name, before the stretch at the end
        for i, name in enumerate(names):
            self._rows_layout.insertWidget(i, self.rows[name])
        self.rows = {name: self.rows[name] for name in names}
        # Tab runs down the rows as they are shown, not in the order they were made.
        chain = [widget for name in names for widget in self.rows[name].tab_chain()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self._empty_label.setVisible(not names)

    def _on_controller_value_changed(self, name: str, value: float) -> None:
        row = self.rows.get(name)
        if row is not None:
            row.set_value(value)

    def _on_controller_expression_changed(self, _text: str) -> None:
        used = set(self.controller.session.used_variables())
        for name, row in self.rows.items():
            row.set_used(name in used)

    def _on_controller_sweep_changed(self) -> None:
        swept = self.controller.session.sweep.variable
        for name, row in self.rows.items():
            row.set_swept(name == swept)

    def _on_controller_result_changed(self, result: EvalResult) -> None:
        if result.expression is None:
            return  # nothing has ever parsed: keep what is shown
        for name, row in self.rows.items():
            row.set_gradient(result.grads.get(name, 0.0))
