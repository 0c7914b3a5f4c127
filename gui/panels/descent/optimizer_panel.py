"""Optimizers you can watch: gradient descent and Newton's method, step by step or running.

The panel drives a ``tutor.descent`` stepper from the current point and asks the
controller to move there (``controller.set_values``) — so the sliders, the readouts, the
plot, the graph and the map all follow the optimizer, and a whole run is one undoable
command. It publishes the trail of visited points with ``controller.set_trails``; the
map and the 1-D plot draw it from there. It knows no other panel: its settings and the
map's axes (the two variables descent moves) are the "map" panel state, read and
written through the controller.

Running is a QTimer at about 60 Hz; each tick takes ``steps per frame`` steps, then
redraws once, so the speed of descent does not depend on the speed of drawing.
Moving a slider by hand during a run stops it; the next step starts from the new point.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import tr_message
from gui.panels.descent.map_panel import PANEL_KEY, MapPanel, map_axes
from gui.widgets.retranslating import Retranslating
from tutor.budget import steps_within_budget
from tutor.descent import (
    PRESETS,
    GradientDescent,
    Newton,
    Preset,
    Stepper,
    Stop,
    describe_stop,
    preset,
)
from tutor.evaluation import EvalResult
from tutor.numbers import short
from tutor.session import Session, VariableSpec

FRAME_MS = 16
MIN_LR, MAX_LR = 1e-7, 100.0
MAX_STEPS_PER_FRAME = 10_000
DEFAULT_LR, DEFAULT_STEPS_PER_FRAME = 0.001, 50
METHODS = ("gd", "newton")


def _tr(text: str) -> str:
    return QCoreApplication.translate("OptimizerPanel", text)


def preset_titles() -> dict[str, str]:
    return {
        "rosenbrock": _tr("Rosenbrock, 100(x1 − x0²)² + (1 − x0)²: descent from (0, 2)"),
        "quartic_newton": _tr("x⁴ − 2x²: Newton's method from x = 2"),
        "saddle": _tr("Saddle x² − y²: descent slides off the ridge"),
    }


def stop_message(stepper: Stepper) -> str:
    """Why the run stopped, in the interface's language."""
    return tr_message(describe_stop(stepper.stop)) if stepper.stop is not None else ""


class LearningRateSpinBox(QDoubleSpinBox):
    """A learning rate: arrows step through 1, 2, 5 × powers of ten."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDecimals(7)
        self.setRange(MIN_LR, MAX_LR)

    def stepBy(self, steps: int) -> None:  # noqa: N802 - Qt's name
        ladder = [m * 10.0**k for k in range(-7, 3) for m in (1, 2, 5)]
        value = self.value()
        i = int(np.searchsorted(ladder, value * (1 + 1e-9) if steps > 0 else value * (1 - 1e-9)))
        i = i - 1 + steps if steps > 0 else i + steps
        self.setValue(ladder[max(0, min(len(ladder) - 1, i))])

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt's name
        return f"{value:.7g}"


class OptimizerPanel(Retranslating, QWidget):
    """Step, run, stop and reset an optimizer on the current expression.

    Gradient descent on two of several variables moves along the map's axes (the same
    rule the map uses, ``map_axes``, on the same panel state).
    """

    sigStepped = Signal()  # after every frame or single step (tests, benchmarks)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optimizerPanel")
        self.controller = controller
        self.stepper: Stepper | None = None
        self._pushed: dict[str, float] = {}
        self._build()
        self._load_state()

        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        controller.sigResultChanged.connect(self._on_controller_result)
        controller.sigDocumentReplaced.connect(self._on_controller_document_replaced)
        controller.sigPanelStateChanged.connect(self._on_controller_panel_state_changed)
        self._on_controller_result(controller.result)

    # -- construction -----------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)

        self.preset_combo = QComboBox(objectName="presetCombo")
        self.preset_combo.addItem("", None)
        for p in PRESETS:
            self.preset_combo.addItem("", p.key)
        layout.addWidget(self.preset_combo)

        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(6)
        self.method_combo = QComboBox(objectName="methodCombo")
        self.method_combo.addItem("", "gd")
        self.method_combo.addItem("", "newton")
        self.variables_label = QLabel(objectName="optimizerVariables")
        self.variables_label.setWordWrap(True)
        self.lr_spin = LearningRateSpinBox()
        self.lr_spin.setObjectName("learningRateSpin")
        self.lr_spin.setValue(DEFAULT_LR)
        self.steps_spin = QSpinBox(objectName="stepsPerFrameSpin")
        self.steps_spin.setRange(1, MAX_STEPS_PER_FRAME)
        self.steps_spin.setValue(DEFAULT_STEPS_PER_FRAME)
        self.method_label, self.moves_label = QLabel(), QLabel()
        self.lr_label, self.steps_label = QLabel(), QLabel()
        form.addWidget(self.method_label, 0, 0)
        form.addWidget(self.method_combo, 0, 1)
        form.addWidget(self.moves_label, 0, 2)
        form.addWidget(self.variables_label, 0, 3)
        form.addWidget(self.lr_label, 1, 0)
        form.addWidget(self.lr_spin, 1, 1)
        form.addWidget(self.steps_label, 1, 2)
        form.addWidget(self.steps_spin, 1, 3)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.step_button = QPushButton(objectName="stepButton")
        self.run_button = QPushButton(objectName="runButton")
        self.run_button.setCheckable(True)
        self.reset_button = QPushButton(objectName="resetButton")
        for b in (self.step_button, self.run_button, self.reset_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self.status_label = QLabel(objectName="optimizerStatus")
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for three lines from the start (iteration, point, |∇f|, wrapped): the
        # status growing as a run goes on must not move Step / Run / Reset.
        self._reserve_status_room()
        layout.addWidget(self.status_label)
        self.message_label = QLabel(objectName="optimizerMessage")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        self.retranslate()

        self.preset_combo.activated.connect(self._on_preset_combo_activated)
        self.method_combo.activated.connect(self._on_method_combo_activated)
        self.lr_spin.valueChanged.connect(self._on_lr_spin_changed)
        self.steps_spin.valueChanged.connect(self._on_steps_spin_changed)
        self.step_button.clicked.connect(self.step_once)
        self.run_button.toggled.connect(self._on_run_button_toggled)
        self.reset_button.clicked.connect(self.reset)

    def retranslate(self) -> None:
        """Every fixed text, in the current interface language."""
        self.preset_combo.setItemText(0, _tr("Load a preset…"))
        titles = preset_titles()
        for i, p in enumerate(PRESETS, start=1):
            self.preset_combo.setItemText(i, titles.get(p.key, p.key))
        self.preset_combo.setToolTip(_tr("Replace the expression with a ready-made landscape"))
        self.method_combo.setItemText(0, _tr("Gradient descent"))
        self.method_combo.setItemText(1, _tr("Newton's method (one variable)"))
        self.method_label.setText(_tr("Method"))
        self.moves_label.setText(_tr("Moves"))
        self.lr_label.setText(_tr("Learning rate"))
        self.steps_label.setText(_tr("Steps per frame"))
        self.lr_spin.setAccessibleName(_tr("Learning rate"))
        self.steps_spin.setAccessibleName(_tr("Steps per frame"))
        self.lr_spin.setToolTip(_tr("Each step moves by −(learning rate) × ∇f"))
        self.steps_spin.setToolTip(
            _tr("Steps taken between two redraws while running (about 60 redraws a second)")
        )
        self.step_button.setText(_tr("Step"))
        self.step_button.setToolTip(_tr("Take one step"))
        self.run_button.setText(_tr("Stop") if self.run_button.isChecked() else _tr("Run"))
        self.run_button.setToolTip(_tr("Keep stepping, redrawing about 60 times a second"))
        self.reset_button.setText(_tr("Reset"))
        self.reset_button.setToolTip(_tr("Back to where the run started; forget the trail"))
        if hasattr(self, "timer"):  # after construction: the live texts too
            self._update_status()
            st = self.stepper
            if st is not None and st.stopped and st.stop.reason != "error":
                self.message_label.setText(stop_message(self.stepper))

    # -- public -------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def method(self) -> str:
        return self.method_combo.currentData()

    def optimized_variables(self) -> tuple[str, ...]:
        """What the next step moves: the map's two axes, or one variable (the plot's)."""
        result = self.controller.result
        used = tuple(result.expression.variables) if result.expression else ()
        if not used:
            return ()
        sweep = self.controller.session.sweep.variable
        if self.method() == "newton" or len(used) == 1:
            return (sweep if sweep in used else used[0],)
        return map_axes(self.controller.panel_state(PANEL_KEY), used, sweep)

    def step_once(self) -> None:
        """Take one step (a stopped run stays stopped until Reset or a new point)."""
        self.stop()
        if self._ensure_stepper():
            self._step(1)
            self._after_steps()

    def run(self) -> None:
        if self.running:
            return
        if not self._ensure_stepper() or self.stepper.stopped:
            self._after_steps()
            self.run_button.setChecked(False)
            return
        self.controller.begin_drag(self._drag_key())  # the whole run: one undo step
        self.timer.start()
        self.run_button.setChecked(True)
        self.run_button.setText(_tr("Stop"))

    def stop(self) -> None:
        if self.running:
            self.timer.stop()
            self.controller.end_drag()
        self.run_button.blockSignals(True)
        self.run_button.setChecked(False)
        self.run_button.blockSignals(False)
        self.run_button.setText(_tr("Run"))

    def reset(self) -> None:
        """Stop, put the point back where the run started and clear the trail."""
        self.stop()
        stepper, self.stepper = self.stepper, None
        self._pushed = {}
        if stepper is not None:
            start = dict(zip(stepper.variables, stepper.start.tolist(), strict=True))
            self.controller.set_values(start)
        self.controller.set_trails({})
        self.message_label.clear()
        self._update_status()

    def apply_preset(self, key: str) -> None:
        """Load a preset as one undoable change: expression, ranges, start point, the
        map's axes and the optimizer's settings (undo brings all of them back)."""
        p = preset(key)
        self.reset()
        self.stepper = None
        state = self.controller.panel_state(PANEL_KEY)
        if p.map_vars:
            state["x"], state["y"] = p.map_vars
        state["optimizer"] = {"method": p.method, "lr": p.lr, "steps_per_frame": p.steps_per_frame}

        def load(session: Session) -> None:
            load_preset(session, p)
            session.set_panel_state(PANEL_KEY, state)

        self.controller.edit(
            _tr("Load preset {name}").format(name=preset_titles().get(p.key, p.key)), load
        )
        self.controller.flush()
        self._update_status()

    # -- state in the session file ------------------------------------------------

    def _load_state(self) -> None:
        """The widgets show the settings in the panel state (defaults where it has none)."""
        state = self.controller.panel_state(PANEL_KEY).get("optimizer", {})
        if not isinstance(state, dict):
            state = {}
        method = state.get("method")
        self.method_combo.setCurrentIndex(METHODS.index(method) if method in METHODS else 0)
        lr = state.get("lr")
        lr = float(lr) if _is_number(lr) and MIN_LR <= lr <= MAX_LR else DEFAULT_LR
        steps = state.get("steps_per_frame")
        if isinstance(steps, int) and not isinstance(steps, bool):
            steps = max(1, min(MAX_STEPS_PER_FRAME, steps))
        else:
            steps = DEFAULT_STEPS_PER_FRAME
        for spin, value in ((self.lr_spin, lr), (self.steps_spin, steps)):
            if spin.value() != value:
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self._update_enabled()

    def _save_state(self, label: str, merge: str) -> None:
        """Store the settings the widgets show: one undoable change named ``label``."""
        state = self.controller.panel_state(PANEL_KEY)
        state["optimizer"] = {
            "method": self.method(),
            "lr": self.lr_spin.value(),
            "steps_per_frame": self.steps_spin.value(),
        }
        self.controller.set_panel_state(PANEL_KEY, state, label, merge)

    # -- events -------------------------------------------------------------------

    def _on_controller_result(self, result: EvalResult) -> None:
        if self.stepper is not None and not self._stepper_matches():
            # the expression or the point changed under the optimizer: a new run next
            self.stop()
            self.stepper = None
            self._pushed = {}
            self.controller.set_trails({})
            self.message_label.clear()
        self._update_enabled()
        self._update_status()

    def _on_controller_document_replaced(self) -> None:
        self.stop()
        self.stepper = None
        self._pushed = {}  # the controller clears the trails and reloads panel state

    def _on_controller_panel_state_changed(self, key: str) -> None:
        """The settings or the map's axes changed (by these widgets, undo, a preset)."""
        if key != PANEL_KEY:
            return
        self._load_state()
        st = self.stepper
        if st is not None:
            if isinstance(st, Newton) != (self.method() == "newton") or (
                st.variables != self.optimized_variables()
            ):
                # another method or other variables: a new run from here
                self.stop()
                self.stepper = None
                self._pushed = {}
                self.controller.set_trails({})
                self.message_label.clear()
            elif isinstance(st, GradientDescent) and st.lr != self.lr_spin.value():
                if st.stopped:
                    self.stepper = None  # try again from here with the new rate
                    self.message_label.clear()
                else:
                    st.lr = self.lr_spin.value()  # the trail goes on at the new rate
        self._update_enabled()
        self._update_status()

    def _on_preset_combo_activated(self, index: int) -> None:
        key = self.preset_combo.itemData(index)
        self.preset_combo.setCurrentIndex(0)
        if key:
            self.apply_preset(key)

    def _on_method_combo_activated(self, _index: int) -> None:
        name = self.method_combo.currentText()
        self._save_state(_tr("Optimizer method: {name}").format(name=name), "method")

    def _on_lr_spin_changed(self, value: float) -> None:
        self._save_state(_tr("Learning rate {lr}").format(lr=short(value, 7)), "lr")

    def _on_steps_spin_changed(self, value: int) -> None:
        self._save_state(_tr("Steps per frame {n}").format(n=value), "steps")

    def _on_run_button_toggled(self, checked: bool) -> None:
        if checked:
            self.run()
        else:
            self.stop()

    def _on_timer_timeout(self) -> None:
        if self.stepper is None or not self._stepper_matches():
            self.stop()
            return
        # a long formula takes fewer steps per frame: the window stays responsive
        self._step(steps_within_budget(self.stepper.expr, self.steps_spin.value()))
        self._after_steps()
        if self.stepper.stopped:
            self.stop()

    # -- machinery --------------------------------------------------------------------

    def _drag_key(self) -> tuple[str, ...]:
        return tuple(sorted(self.optimized_variables()))

    def _stepper_matches(self) -> bool:
        """Is the stepper still about this expression, these variables and this point?"""
        st = self.stepper
        result = self.controller.result
        if st is None or not result.ok or st.expr is not result.expression:
            return False
        if st.variables != self.optimized_variables():
            return False
        point = self.controller.session.point()
        expected = self._pushed or st.point
        if any(point.get(name) != value for name, value in expected.items()):
            return False
        return all(point.get(name) == value for name, value in st.fixed.items())

    def _ensure_stepper(self) -> bool:
        """A stepper at the current point (a new one unless the current one fits)."""
        if self.stepper is not None and self._stepper_matches():
            return True
        result = self.controller.result
        variables = self.optimized_variables()
        if not result.ok or not variables:
            self.stepper = None
            return False
        session = self.controller.session
        point = session.point()
        bounds = {
            name: (session.variables[name].min, session.variables[name].max) for name in variables
        }
        if self.method() == "newton":
            self.stepper = Newton(result.expression, point, variables[0], point, bounds)
        else:
            self.stepper = GradientDescent(
                result.expression, point, variables, self.lr_spin.value(), point, bounds
            )
        self._pushed = {}
        self.message_label.clear()
        return True

    def _step(self, n: int) -> int:
        """Let the stepper take ``n`` steps; an unexpected engine error stops the run."""
        try:
            return self.stepper.step(n)
        except Exception as exc:  # an engine bug must not take the window down
            self.stop()
            self.message_label.setStyleSheet(f"color: {theme.current().error};")
            self.message_label.setText(_tr("The engine failed: {error}").format(error=exc))
            self.stepper.stop = Stop("error", self.stepper.iteration, {"error": str(exc)})
            return 0

    def _after_steps(self) -> None:
        """Move the sliders to the stepper's point and redraw the trails and readouts."""
        st = self.stepper
        if st is None:
            return
        point = st.point
        if self._pushed != point:
            self._pushed = self.controller.set_values(point)
            # set_values clamps into the slider range; the stepper's bounds make that a
            # no-op, but what matters for "did someone else move it" is what was set
        self._publish_trail()
        if st.stopped and st.stop.reason != "error":
            color = theme.current().error if st.diverged else theme.current().ok
            self.message_label.setStyleSheet(f"color: {color};")
            self.message_label.setText(stop_message(st))
        self._update_status()
        self.sigStepped.emit()

    def _publish_trail(self) -> None:
        """The visited points and f at each, for the map and the plot to draw."""
        st = self.stepper
        hist = st.history
        trails = {name: hist[:, i] for i, name in enumerate(st.variables)}
        self.controller.set_trails(trails, st.values)

    def _update_enabled(self) -> None:
        has = bool(self.optimized_variables())
        for w in (self.step_button, self.run_button):
            w.setEnabled(has)
        self.lr_spin.setEnabled(self.method() == "gd")

    def _reserve_status_room(self) -> None:
        self.status_label.setMinimumHeight(_status_room(self.status_label))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and hasattr(self, "status_label"):
            self._reserve_status_room()

    def _update_status(self) -> None:
        variables = self.optimized_variables()
        expr = self.controller.result.expression
        held = [v for v in (expr.variables if expr else ()) if v not in variables]
        if not variables:
            self.variables_label.setText(_tr("nothing: the expression has no variables"))
        else:
            text = ", ".join(variables)
            if held:
                text += "  " + _tr("(holding {names} fixed)").format(names=", ".join(held))
            self.variables_label.setText(text)
        st = self.stepper
        if st is None:
            self.status_label.setText(_tr("Iteration 0 — press Step or Run."))
            return
        coords = ", ".join(short(v) for v in st.point.values())
        names = ", ".join(st.variables)
        text = _tr(
            "Iteration <b>{n}</b> &nbsp; f = <b>{f}</b> &nbsp; ({names}) = ({coords})"
        ).format(n=st.iteration, f=short(st.value), names=names, coords=coords)
        if isinstance(st, Newton):
            text += "<br>" + _tr("f′ = {g}, f″ = {h}").format(
                g=short(st.gradient[0]), h=short(st.d2f)
            )
        else:
            text += "<br>" + _tr("|∇f| = {g}").format(g=short(float(np.linalg.norm(st.gradient))))
        self.status_label.setText(text)


def _status_room(label: QLabel) -> int:
    return 3 * label.fontMetrics().lineSpacing() + 4


def _is_number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def load_preset(session: Session, p: Preset) -> None:
    """Put preset ``p`` into ``session``: expression, slider ranges, start point, sweep.

    Variables the preset does not use are removed: a preset is a fresh landscape.
    """
    session.set_expression(p.expression)
    for name in [n for n in session.variables if n not in p.variables]:
        session.remove_variable(name)
    for name, (start, lo, hi) in p.variables.items():
        if name in session.variables:
            session.set_range(name, lo, hi, 0.01)
            session.set_value(name, start)
        else:
            session.add_variable(VariableSpec(name, start, lo, hi, 0.01))
    session.set_sweep_variable(next(iter(p.variables)))


class MapDescentPanel(QWidget):
    """The side tab: the map above, the optimizer controls below (each on its own over
    the one controller)."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapDescentPanel")
        self.map_panel = MapPanel(controller)
        self.optimizer_panel = OptimizerPanel(controller)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.map_panel)
        splitter.addWidget(self.optimizer_panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
