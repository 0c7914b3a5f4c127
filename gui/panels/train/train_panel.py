"""The Train tab: a small network learning to fit a curve, with every gradient shown.

A thin view over ``tutor.training``. The learner's choices (the hidden layers' widths,
the activation, the optimizer, the learning rate, the target) are the session's "train"
panel state: every change goes through ``controller.set_panel_state("train", ...)``, so
it is undoable and saved, and the panel rebuilds its ``Training`` whenever that state
changes (its own edits, undo, redo, File > Open). The weights are not saved: a changed
network or target starts from the same seeded weights, like Reset.

Run drives a QTimer: each tick trains for a short time slice, then lets Qt paint and
handle input, so the window never blocks. The plots, the step's graph and the backward
tree are redrawn at most ~30 times a second, however fast the training runs.
"""

from __future__ import annotations

import math
import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import tr_message
from gui.panels.train.step_graph import StepGraph, node_title, shape_text
from gui.widgets.retranslating import Retranslating
from tutor.numbers import short
from tutor.training import (
    ACTIVATIONS,
    MAX_HIDDEN_LAYERS,
    MAX_LR,
    MAX_WIDTH,
    MIN_LR,
    MIN_WIDTH,
    OPTIMIZERS,
    StepView,
    TargetError,
    Training,
    TrainSettings,
    target_data,
)

PANEL_KEY = "train"
SLICE_SECONDS = 0.012  # training time per timer tick; the rest of the tick is Qt's
REDRAW_SECONDS = 1 / 30
LR_STEPS_PER_DECADE = 20
FIT_POINTS = 200
MAX_LOSS_POINTS = 2000  # the loss curve is thinned to about this many points


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainPanel", text)


def lr_to_slider(lr: float) -> int:
    return round(math.log10(lr / MIN_LR) * LR_STEPS_PER_DECADE)


def slider_to_lr(position: int) -> float:
    lr = MIN_LR * 10 ** (position / LR_STEPS_PER_DECADE)
    return float(f"{lr:.2g}")  # 0.2, not 0.19952623149688797


class TrainPanel(Retranslating, QWidget):
    """The network, the optimizer, Step / Run / Reset, and the live views of training.

    ``training`` is the ``tutor.training.Training`` being run; ``step_view`` the last
    ``StepView`` drawn; ``running`` whether Run is on.
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainPanel")
        self.controller = controller
        self.settings = TrainSettings.from_state(controller.panel_state(PANEL_KEY))
        self.training = Training(self.settings)
        self.step_view: StepView | None = None
        self._backward_at = -1  # the backward layer the step-through shows, -1: none
        self._last_redraw = 0.0
        self._rate = 0.0  # iterations per second while running
        self._rate_count = 0
        self._rate_start = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._build()
        self._show_settings()
        self.retranslate()
        controller.sigPanelStateChanged.connect(self._on_controller_panel_state_changed)
        controller.sigDocumentReplaced.connect(self._on_controller_document_replaced)
        self._redraw()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)

        # the network: − / + a hidden layer, one width per hidden layer, the activation
        net_row = QHBoxLayout()
        self.network_label = QLabel()
        net_row.addWidget(self.network_label)
        self.remove_layer_button = QPushButton("−")
        self.remove_layer_button.setObjectName("trainRemoveLayer")
        self.add_layer_button = QPushButton("+")
        self.add_layer_button.setObjectName("trainAddLayer")
        for b in (self.remove_layer_button, self.add_layer_button):
            b.setFixedWidth(30)
            net_row.addWidget(b)
        self.remove_layer_button.clicked.connect(self._on_remove_layer_clicked)
        self.add_layer_button.clicked.connect(self._on_add_layer_clicked)
        self.width_spins: list[QSpinBox] = []
        for i in range(MAX_HIDDEN_LAYERS):
            spin = QSpinBox()
            spin.setObjectName(f"trainWidth{i}")
            spin.setRange(MIN_WIDTH, MAX_WIDTH)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(self._on_width_spin_changed)
            self.width_spins.append(spin)
            net_row.addWidget(spin)
        self.activation_combo = QComboBox()
        self.activation_combo.setObjectName("trainActivation")
        for name in ACTIVATIONS:
            self.activation_combo.addItem(name, name)
        self.activation_combo.activated.connect(self._on_activation_combo_activated)
        net_row.addWidget(self.activation_combo)
        net_row.addStretch(1)
        layout.addLayout(net_row)

        # the target: the book's data, or a formula in x
        target_row = QHBoxLayout()
        self.target_label = QLabel()
        target_row.addWidget(self.target_label)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("trainTargetKind")
        self.target_combo.addItem("", "book")
        self.target_combo.addItem("", "formula")
        self.target_combo.activated.connect(self._on_target_combo_activated)
        target_row.addWidget(self.target_combo)
        self.target_edit = QLineEdit()
        self.target_edit.setObjectName("trainTargetEdit")
        self.target_edit.returnPressed.connect(self._on_target_edit_return_pressed)
        target_row.addWidget(self.target_edit, 1)
        layout.addLayout(target_row)
        self.target_message = QLabel()
        self.target_message.setObjectName("trainTargetMessage")
        self.target_message.setWordWrap(True)
        self.target_message.hide()
        layout.addWidget(self.target_message)

        # the optimizer and its learning rate (a log-scale slider)
        opt_row = QHBoxLayout()
        self.optimizer_label = QLabel()
        opt_row.addWidget(self.optimizer_label)
        self.optimizer_combo = QComboBox()
        self.optimizer_combo.setObjectName("trainOptimizer")
        for name in OPTIMIZERS:
            self.optimizer_combo.addItem("", name)
        self.optimizer_combo.activated.connect(self._on_optimizer_combo_activated)
        opt_row.addWidget(self.optimizer_combo)
        self.lr_label = QLabel()
        opt_row.addWidget(self.lr_label)
        self.lr_slider = QSlider(Qt.Orientation.Horizontal)
        self.lr_slider.setObjectName("trainLearningRate")
        self.lr_slider.setRange(0, lr_to_slider(MAX_LR))
        self.lr_slider.setPageStep(LR_STEPS_PER_DECADE // 4)
        self.lr_slider.valueChanged.connect(self._on_lr_slider_changed)
        opt_row.addWidget(self.lr_slider, 1)
        self.lr_value = QLabel()
        self.lr_value.setObjectName("trainLearningRateValue")
        self.lr_value.setMinimumWidth(48)
        opt_row.addWidget(self.lr_value)
        layout.addLayout(opt_row)

        # Step, Run / Pause, Reset and what the training is at
        run_row = QHBoxLayout()
        self.step_button = QPushButton()
        self.step_button.setObjectName("trainStep")
        self.step_button.clicked.connect(self._on_step_button_clicked)
        self.run_button = QPushButton()
        self.run_button.setObjectName("trainRun")
        self.run_button.setCheckable(True)
        self.run_button.toggled.connect(self._on_run_button_toggled)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("trainReset")
        self.reset_button.clicked.connect(self._on_reset_button_clicked)
        for b in (self.step_button, self.run_button, self.reset_button):
            run_row.addWidget(b)
        self.status = QLabel()
        self.status.setObjectName("trainStatus")
        run_row.addWidget(self.status, 1)
        layout.addLayout(run_row)

        # the fit over the data and the loss curve (log scale), side by side
        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setObjectName("trainPlots")
        self.plots.setMinimumHeight(150)
        self.fit_plot = self.plots.addPlot(row=0, col=0)
        self.loss_plot = self.plots.addPlot(row=0, col=1)
        for plot in (self.fit_plot, self.loss_plot):
            plot.hideButtons()
            plot.setMenuEnabled(False)
            plot.showGrid(x=True, y=True, alpha=0.15)
        self.loss_plot.setLogMode(x=False, y=True)
        self.data_points = pg.ScatterPlotItem(size=4)
        self.fit_curve = pg.PlotDataItem()
        self.fit_plot.addItem(self.data_points)
        self.fit_plot.addItem(self.fit_curve)
        self.loss_curve = pg.PlotDataItem()
        self.loss_plot.addItem(self.loss_curve)

        self.graph = StepGraph()

        # backward, layer by layer; each layer opens into the Functions it ran
        backward_box = QWidget()
        backward_layout = QVBoxLayout(backward_box)
        backward_layout.setContentsMargins(0, 0, 0, 0)
        backward_layout.setSpacing(2)
        nav = QHBoxLayout()
        self.backward_title = QLabel()
        nav.addWidget(self.backward_title, 1)
        self.previous_button = QPushButton()
        self.previous_button.setObjectName("trainBackwardPrevious")
        self.previous_button.clicked.connect(lambda: self._move_backward(-1))
        self.next_button = QPushButton()
        self.next_button.setObjectName("trainBackwardNext")
        self.next_button.clicked.connect(lambda: self._move_backward(+1))
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        backward_layout.addLayout(nav)
        self.backward_tree = QTreeWidget()
        self.backward_tree.setObjectName("trainBackwardTree")
        self.backward_tree.setHeaderHidden(True)
        self.backward_tree.setColumnCount(1)
        self.backward_tree.setMinimumHeight(90)
        self.backward_tree.currentItemChanged.connect(self._on_tree_current_changed)
        backward_layout.addWidget(self.backward_tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.plots)
        self.splitter.addWidget(self.graph)
        self.splitter.addWidget(backward_box)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        layout.addWidget(self.splitter, 1)
        self._apply_theme()

    def _apply_theme(self) -> None:
        t = theme.current()
        self.plots.setBackground(t.surface)
        for plot in (self.fit_plot, self.loss_plot):
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(pg.mkPen(t.axis))
                axis.setTextPen(pg.mkPen(t.axis_text))
        self.data_points.setPen(pg.mkPen(None))
        self.data_points.setBrush(pg.mkBrush(t.curve_f))
        self.fit_curve.setPen(pg.mkPen(t.curve_df, width=2.5))
        self.loss_curve.setPen(pg.mkPen(t.trail, width=1.5))
        self.target_message.setStyleSheet(f"color: {t.error};")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.network_label.setText(self.tr("Hidden layers:"))
        self.remove_layer_button.setToolTip(self.tr("Remove the last hidden layer"))
        self.remove_layer_button.setAccessibleName(self.tr("Remove a hidden layer"))
        self.add_layer_button.setToolTip(self.tr("Add a hidden layer"))
        self.add_layer_button.setAccessibleName(self.tr("Add a hidden layer"))
        for i, spin in enumerate(self.width_spins):
            spin.setAccessibleName(self.tr("Width of hidden layer {n}").format(n=i + 1))
            spin.setToolTip(self.tr("Neurons in hidden layer {n}").format(n=i + 1))
        self.activation_combo.setAccessibleName(self.tr("Activation"))
        self.activation_combo.setToolTip(self.tr("The function between two Linear layers"))
        self.target_label.setText(self.tr("Target:"))
        self.target_combo.setItemText(0, self.tr("The book's noisy sin(2πx)"))
        self.target_combo.setItemText(1, self.tr("A formula in x"))
        self.target_combo.setAccessibleName(self.tr("Target data"))
        self.target_edit.setPlaceholderText(self.tr("a formula in x, e.g. x^2 - 0.5"))
        self.target_edit.setAccessibleName(self.tr("Target formula"))
        self.optimizer_label.setText(self.tr("Optimizer:"))
        titles = {"sgd": "SGD", "momentum": "Momentum", "adam": "Adam"}
        for i, name in enumerate(OPTIMIZERS):
            self.optimizer_combo.setItemText(i, titles[name])
        self.optimizer_combo.setAccessibleName(self.tr("Optimizer"))
        self.lr_label.setText(self.tr("lr"))
        self.lr_slider.setAccessibleName(self.tr("Learning rate (log scale)"))
        self.lr_slider.setToolTip(self.tr("Learning rate, from 0.0001 to 1 on a log scale"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setAccessibleName(self.tr("One training step"))
        self.step_button.setToolTip(self.tr("One iteration: forward, backward, update"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setAccessibleName(self.tr("Reset the weights"))
        self.run_button.setAccessibleName(self.tr("Run or pause training"))
        self.plots.setAccessibleName(self.tr("The fit over the data, and the loss"))
        self.graph.setAccessibleName(self.tr("One training step, by layer"))
        self.backward_title.setText(self.tr("Backward, layer by layer:"))
        self.previous_button.setText(self.tr("◀ Previous"))
        self.previous_button.setAccessibleName(self.tr("Previous layer of backward"))
        self.next_button.setText(self.tr("Next ▶"))
        self.next_button.setAccessibleName(self.tr("Next layer of backward"))
        self.backward_tree.setAccessibleName(self.tr("Backward, layer by layer"))
        self.fit_plot.setTitle(self.tr("Fit"), size="9pt")
        self.loss_plot.setTitle(self.tr("Loss (log scale)"), size="9pt")
        self._update_run_text()
        self._update_status()
        self._fill_tree()
        self.graph.update()

    def _update_run_text(self) -> None:
        self.run_button.setText(self.tr("Pause") if self.running else self.tr("Run"))

    # -- settings <-> widgets ----------------------------------------------------------------

    def _show_settings(self) -> None:
        """Make every control show ``self.settings`` (without sending anything back)."""
        s = self.settings
        for i, spin in enumerate(self.width_spins):
            spin.blockSignals(True)
            spin.setVisible(i < len(s.hidden))
            if i < len(s.hidden):
                spin.setValue(s.hidden[i])
            spin.blockSignals(False)
        self.remove_layer_button.setEnabled(len(s.hidden) > 1)
        self.add_layer_button.setEnabled(len(s.hidden) < MAX_HIDDEN_LAYERS)
        self.activation_combo.setCurrentIndex(ACTIVATIONS.index(s.activation))
        self.optimizer_combo.setCurrentIndex(OPTIMIZERS.index(s.optimizer))
        self.lr_slider.blockSignals(True)
        self.lr_slider.setValue(lr_to_slider(s.lr))
        self.lr_slider.blockSignals(False)
        self.lr_value.setText(short(s.lr, 3))
        formula = bool(s.target)
        self.target_combo.setCurrentIndex(1 if formula else 0)
        self.target_edit.setEnabled(formula or self.target_combo.currentIndex() == 1)
        if formula and self.target_edit.text() != s.target:
            self.target_edit.setText(s.target)

    def _save(self, settings: TrainSettings, label: str, merge: str | None = None) -> None:
        self.controller.set_panel_state(PANEL_KEY, settings.to_state(), label, merge)

    def _apply(self, settings: TrainSettings) -> None:
        """Follow new settings: a new network for a new spec or target, else keep it."""
        old, self.settings = self.settings, settings
        same_net = (old.hidden, old.activation, old.target) == (
            settings.hidden,
            settings.activation,
            settings.target,
        )
        if same_net:
            if old.optimizer != settings.optimizer:
                self.training.set_optimizer(settings.optimizer)
            if old.lr != settings.lr:
                self.training.set_lr(settings.lr)
        else:
            self._new_training()
        self._show_settings()
        self._redraw(force=True)

    def _new_training(self) -> None:
        try:
            self.training = Training(self.settings)
        except TargetError as error:  # a saved target that no longer parses
            self._show_target_error(error)
            self.settings = TrainSettings(**{**self.settings.__dict__, "target": ""})
            self.training = Training(self.settings)
        self._backward_at = -1

    # -- controller events ---------------------------------------------------------------

    def _on_controller_panel_state_changed(self, key: str) -> None:
        if key == PANEL_KEY:
            self._apply(TrainSettings.from_state(self.controller.panel_state(PANEL_KEY)))

    def _on_controller_document_replaced(self) -> None:
        self.run_button.setChecked(False)
        self._apply(TrainSettings.from_state(self.controller.panel_state(PANEL_KEY)))

    # -- user input -----------------------------------------------------------------------

    def _with(self, **changes) -> TrainSettings:
        return TrainSettings(**{**self.settings.__dict__, **changes})

    def _on_add_layer_clicked(self) -> None:
        if len(self.settings.hidden) < MAX_HIDDEN_LAYERS:
            hidden = (*self.settings.hidden, self.settings.hidden[-1])
            self._save(self._with(hidden=hidden), self.tr("Add a hidden layer"))

    def _on_remove_layer_clicked(self) -> None:
        if len(self.settings.hidden) > 1:
            hidden = self.settings.hidden[:-1]
            self._save(self._with(hidden=hidden), self.tr("Remove a hidden layer"))

    def _on_width_spin_changed(self, _value: int) -> None:
        n = len(self.settings.hidden)
        hidden = tuple(spin.value() for spin in self.width_spins[:n])
        self._save(self._with(hidden=hidden), self.tr("Change the network's widths"), "width")

    def _on_activation_combo_activated(self, index: int) -> None:
        name = self.activation_combo.itemData(index)
        self._save(
            self._with(activation=name),
            self.tr("Change the activation to {name}").format(name=name),
        )

    def _on_optimizer_combo_activated(self, index: int) -> None:
        name = self.optimizer_combo.itemData(index)
        self._save(
            self._with(optimizer=name),
            self.tr("Change the optimizer to {name}").format(
                name=self.optimizer_combo.itemText(index)
            ),
        )

    def _on_lr_slider_changed(self, position: int) -> None:
        lr = slider_to_lr(position)
        self.lr_value.setText(short(lr, 3))
        self._save(self._with(lr=lr), self.tr("Change the learning rate"), "lr")

    def _on_target_combo_activated(self, index: int) -> None:
        if self.target_combo.itemData(index) == "book":
            self.target_edit.setEnabled(False)
            self._hide_target_error()
            if self.settings.target:
                self._save(self._with(target=""), self.tr("Train on the book's data"))
        else:
            self.target_edit.setEnabled(True)
            self.target_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.target_edit.text().strip():
                self._on_target_edit_return_pressed()

    def _on_target_edit_return_pressed(self) -> None:
        text = self.target_edit.text().strip()
        if not text:
            return
        try:
            target_data(text)
        except TargetError as error:
            self._show_target_error(error)
            return
        self._hide_target_error()
        self._save(self._with(target=text), self.tr("Train on {formula}").format(formula=text))

    def _show_target_error(self, error: TargetError) -> None:
        self.target_message.setText(tr_message(error.args[0]))
        self.target_message.show()

    def _hide_target_error(self) -> None:
        self.target_message.hide()

    def _on_step_button_clicked(self) -> None:
        if self.running:
            self.run_button.setChecked(False)
        self.training.step()
        self._redraw(force=True)

    def _on_reset_button_clicked(self) -> None:
        self._new_training()
        self._redraw(force=True)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def _on_run_button_toggled(self, checked: bool) -> None:
        if checked and not self.training.diverged:
            self._rate_start, self._rate_count = time.perf_counter(), 0
            self._timer.start()
        else:
            self._timer.stop()
            self.run_button.setChecked(False)
            self._redraw(force=True)
        self._update_run_text()

    def _on_timer_timeout(self) -> None:
        """Train for one time slice, then redraw if the last redraw is old enough."""
        training = self.training
        end = time.perf_counter() + SLICE_SECONDS
        while True:
            training.step()
            self._rate_count += 1
            if training.diverged:
                self.run_button.setChecked(False)
                break
            if time.perf_counter() >= end:
                break
        now = time.perf_counter()
        if now - self._rate_start >= 0.5:
            self._rate = self._rate_count / (now - self._rate_start)
            self._rate_start, self._rate_count = now, 0
        if now - self._last_redraw >= REDRAW_SECONDS:
            self._redraw()

    # -- drawing ---------------------------------------------------------------------------

    def _update_status(self) -> None:
        training = self.training
        if training.iteration == 0:
            text = self.tr("{net} network · not trained yet").format(net=self.settings.label)
        else:
            text = self.tr("iteration {i} · loss {loss}").format(
                i=f"{training.iteration:,}", loss=short(training.losses[-1], 4)
            )
            if training.diverged:
                text += " · " + self.tr("diverged: lower the learning rate and Reset")
            elif self.running and self._rate:
                text += " · " + self.tr("{rate} it/s").format(rate=f"{self._rate:,.0f}")
        self.status.setText(text)

    def _redraw(self, force: bool = False) -> None:
        self._last_redraw = time.perf_counter()
        training = self.training
        self.data_points.setData(training.x[:, 0], training.y[:, 0])
        grid = np.linspace(0, 1, FIT_POINTS)
        fit = training.predict(grid.reshape(-1, 1))[:, 0]
        self.fit_curve.setData(grid, np.where(np.isfinite(fit), fit, np.nan), connect="finite")
        losses = training.losses
        stride = max(1, len(losses) // MAX_LOSS_POINTS)
        shown = losses[::stride]
        iterations = np.arange(0, len(losses), stride)[: len(shown)]
        good = np.isfinite(shown) & (shown > 0)
        self.loss_curve.setData(iterations[good], shown[good])
        self.step_view = training.inspect()
        self._backward_at = min(self._backward_at, len(self.step_view.backward) - 1)
        self._fill_tree()
        self._show_backward_position()
        self._update_status()

    def _fill_tree(self) -> None:
        """The backward pass: one item per layer, in order; its children are its ops."""
        view = self.step_view
        tree = self.backward_tree
        if view is None:
            return
        expanded = {
            tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
            for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).isExpanded()
        }
        tree.blockSignals(True)
        tree.clear()
        titles = {n.key: node_title(n) for n in view.nodes}
        for number, layer in enumerate(view.backward, start=1):
            sent = [
                titles.get(_key_of(view, what), what)
                for op in layer.ops
                for what, _shape, norm in op.gxs
                if norm is not None
            ]
            item = QTreeWidgetItem(
                [
                    self.tr("{n}. {layer} → {gets}").format(
                        n=number, layer=titles[layer.key], gets=", ".join(sent)
                    )
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, layer.key)
            for op in layer.ops:
                head = QTreeWidgetItem(
                    [
                        self.tr("{op}.backward, gy {shape} ‖gy‖ = {norm}").format(
                            op=op.name, shape=shape_text(op.gy_shape), norm=short(op.gy_norm, 3)
                        )
                    ]
                )
                item.addChild(head)
                for k, (what, shape, norm) in enumerate(op.gxs):
                    rule = op.rules[k] if k < len(op.rules) else ""
                    if norm is None:
                        text = self.tr("{rule}  ({what}: no gradient)").format(rule=rule, what=what)
                    else:
                        text = self.tr("{rule}  → {what} {shape}, ‖g‖ = {norm}").format(
                            rule=rule,
                            what=titles.get(_key_of(view, what), what),
                            shape=shape_text(shape),
                            norm=short(norm, 3),
                        )
                    child = QTreeWidgetItem([text])
                    child.setToolTip(0, text)
                    head.addChild(child)
            tree.addTopLevelItem(item)
            item.setExpanded(layer.key in expanded)
            for k in range(item.childCount()):
                item.child(k).setExpanded(True)  # a layer opens straight onto its rules
        if 0 <= self._backward_at < tree.topLevelItemCount():
            tree.setCurrentItem(tree.topLevelItem(self._backward_at))
        tree.blockSignals(False)

    def _move_backward(self, delta: int) -> None:
        if self.step_view is None:
            return
        n = len(self.step_view.backward)
        self._backward_at = max(0, min(n - 1, self._backward_at + delta))
        item = self.backward_tree.topLevelItem(self._backward_at)
        if item is not None:
            self.backward_tree.setCurrentItem(item)
            item.setExpanded(True)
        self._show_backward_position()

    def _on_tree_current_changed(self, current, _previous) -> None:
        if current is None:
            return
        while current.parent() is not None:
            current = current.parent()
        self._backward_at = self.backward_tree.indexOfTopLevelItem(current)
        self._show_backward_position()

    def _show_backward_position(self) -> None:
        view = self.step_view
        key = None
        if view is not None and 0 <= self._backward_at < len(view.backward):
            key = view.backward[self._backward_at].key
        self.graph.set_view(view, key)
        n = len(view.backward) if view is not None else 0
        self.previous_button.setEnabled(self._backward_at > 0)
        self.next_button.setEnabled(self._backward_at < n - 1)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # A hidden tab does not keep a core busy.
        self.run_button.setChecked(False)
        super().hideEvent(event)


def _key_of(view: StepView, what: str) -> str:
    """The node key a backward label names (a layer title, "x", "t", "l0.W" ...)."""
    for n in view.nodes:
        if n.title == what:
            return n.key
    return what
