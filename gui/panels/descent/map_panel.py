"""The map: f over two variables as a heat map with contour lines, the point, ∇f and −∇f.

A thin view over the controller. It listens to ``sigResultChanged`` and writes back
only through the controller: ``set_values`` (dragging or clicking the point moves both
sliders, one undoable command per drag) and ``set_panel_state("map", ...)`` for its own
choices (axes, grid size, colour scale), which it shows again whenever that state
changes (undo, redo, a preset, File > Open). An optimizer's trail comes from
``controller.trails``. The grid comes from
``tutor.grid.evaluate_grid`` — one vectorized forward and backward pass — and is
recomputed only when something it depends on changes (the expression, the two ranges,
the grid size, or the value of a variable held fixed); moving the point along the
map's own two variables only moves the marker and the arrows.

The arrows' length on screen is log-scaled in |∇f| (``tutor.grid.arrow_length``: the
largest |∇f| on the map gets the longest arrow, each power of ten less a shorter one),
with |∇f| written beside the tip, so "the gradient shrinks near the minimum" shows as
the point descends. They are drawn in data coordinates, so ∇f is at right angles to
the contour lines whenever the two axes have the same scale.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import tr_message
from gui.widgets.retranslating import Retranslating
from tutor.contours import (
    color_values,
    contour_levels,
    contour_segments,
    log_offset,
    wants_log_scale,
)
from tutor.descent import thin_trail
from tutor.evaluation import EvalResult
from tutor.grid import DEFAULT_GRID, Grid, arrow_length, evaluate_grid
from tutor.numbers import short
from tutor.session import snap_to_step

PANEL_KEY = "map"
MIN_GRID, MAX_GRID = 20, 400
ARROW_PX = 70  # on-screen length of the ∇f and −∇f arrows where |∇f| is largest
ARROW_MIN_PX = 16  # ... and where it is 10⁶ times smaller, or less (a head and a stub)
COLORMAP = "viridis"
SCALES = ("auto", "linear", "log")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapPanel", text)


def map_axes(state: Mapping, used: Sequence[str], sweep: str | None) -> tuple[str, str] | None:
    """The map's (horizontal, vertical) variables; None with fewer than two.

    The two saved in the panel's ``state`` when the expression uses both; else the
    plot's variable (or the first) and the one after it. The optimizer descends along
    the same two, so both read them from the state through this one rule.
    """
    used = tuple(used)
    if len(used) < 2:
        return None
    wanted = (state.get("x"), state.get("y"))
    if wanted[0] in used and wanted[1] in used and wanted[0] != wanted[1]:
        return wanted
    first = sweep if sweep in used else used[0]
    return first, used[(used.index(first) + 1) % len(used)]


def scale_titles() -> dict[str, str]:
    return {"auto": _tr("Auto"), "linear": _tr("Linear"), "log": _tr("Log")}


class MapViewBox(pg.ViewBox):
    """A ViewBox where a left click or drag moves the point instead of panning."""

    # x, y in data coordinates; phase is "click", "start", "move" or "finish"
    sigPointDragged = Signal(float, float, str)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=False, y=False)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 - Qt's name
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.sigPointDragged.emit(p.x(), p.y(), "click")

    def mouseDragEvent(self, ev, axis=None) -> None:  # noqa: N802 - Qt's name
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        phase = "start" if ev.isStart() else "finish" if ev.isFinish() else "move"
        self.sigPointDragged.emit(p.x(), p.y(), phase)


class MapPanel(Retranslating, QWidget):
    """Heat map and contours of f over two chosen variables, with the point and ∇f.

    ``axes()`` names the two variables, ``grid`` is the last ``Grid`` drawn,
    ``arrow_vector`` the gradient the arrow shows. The panel's choices are the
    session's "map" panel state, changed only through the controller.
    """

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapPanel")
        self.controller = controller
        self._axes: tuple[str, str] | None = None
        self._used: tuple[str, ...] = ()
        self._grid: Grid | None = None
        self._grid_key: tuple | None = None
        self._log = False
        self._color_offset = 0.0
        self._point: tuple[float, float] | None = None
        self._grad: tuple[float, float] | None = None
        self._dirty = True
        self._dragging = False
        self._frame: tuple | None = None
        self._held: tuple = ()
        self._build()
        self._load_settings()

        controller.sigResultChanged.connect(self._on_controller_result)
        controller.sigVariablesChanged.connect(self._on_controller_variables)
        controller.sigDocumentReplaced.connect(self._on_controller_document_replaced)
        controller.sigPanelStateChanged.connect(self._on_controller_panel_state_changed)
        controller.sigTrailsChanged.connect(self._draw_trail)
        self._on_controller_result(controller.result)

    # -- construction -----------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)

        controls = QHBoxLayout()
        controls.setSpacing(6)
        self.x_combo = QComboBox(objectName="mapXCombo")
        self.y_combo = QComboBox(objectName="mapYCombo")
        for combo in (self.x_combo, self.y_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(3)
        self.grid_spin = QSpinBox(objectName="mapGridSpin")
        self.grid_spin.setRange(MIN_GRID, MAX_GRID)
        self.grid_spin.setSingleStep(20)
        self.grid_spin.setValue(DEFAULT_GRID)
        self.scale_combo = QComboBox(objectName="mapScaleCombo")
        for key in SCALES:
            self.scale_combo.addItem("", key)
        self.x_label, self.y_label = QLabel(), QLabel()
        self.grid_label, self.scale_label = QLabel(), QLabel()
        controls.addWidget(self.x_label)
        controls.addWidget(self.x_combo)
        controls.addWidget(self.y_label)
        controls.addWidget(self.y_combo)
        controls.addStretch(1)
        controls.addWidget(self.grid_label)
        controls.addWidget(self.grid_spin)
        controls.addWidget(self.scale_label)
        controls.addWidget(self.scale_combo)
        layout.addLayout(controls)

        self.stack = QStackedWidget()
        self.placeholder = QLabel(objectName="mapPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("class", "muted")

        self.view = pg.GraphicsLayoutWidget()
        self.view.setObjectName("mapWidget")
        self.view.setMinimumSize(280, 240)
        self.viewbox = MapViewBox()
        self.plot = self.view.addPlot(row=0, col=0, viewBox=self.viewbox)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=False)

        self.cmap = pg.colormap.get(COLORMAP)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setColorMap(self.cmap)
        self.image.setZValue(-10)
        self.plot.addItem(self.image)

        self.contours = pg.PlotDataItem(
            connect="pairs", pen=pg.mkPen(theme.current().color("contour"), width=1), antialias=True
        )
        self.contours.setZValue(0)
        self.plot.addItem(self.contours)

        t = theme.current()
        self.trail = pg.PlotDataItem(
            pen=pg.mkPen(t.map_trail[0], width=2), antialias=True, connect="finite"
        )
        self.trail.setZValue(5)
        self.plot.addItem(self.trail)
        self.trail_points = pg.ScatterPlotItem(
            size=5, pen=pg.mkPen(t.map_trail[1]), brush=pg.mkBrush(t.map_trail[0])
        )
        self.trail_points.setZValue(6)
        self.plot.addItem(self.trail_points)

        arrow_style = dict(headLen=12, tipAngle=32, tailLen=ARROW_PX - 12, tailWidth=3, pxMode=True)
        self.descent_arrow = pg.ArrowItem(
            pen=pg.mkPen(t.descent_arrow[1], width=1),
            brush=pg.mkBrush(t.descent_arrow[0]),
            **arrow_style,
        )
        self.grad_arrow = pg.ArrowItem(
            pen=pg.mkPen(t.grad_arrow[1], width=1),
            brush=pg.mkBrush(t.grad_arrow[0]),
            **arrow_style,
        )
        for z, item in ((8, self.descent_arrow), (9, self.grad_arrow)):
            item.setZValue(z)
            self.plot.addItem(item)
        # |∇f| beside the tip of the ∇f arrow: the length is log-scaled, the number exact
        self.norm_text = pg.TextItem(anchor=(0.0, 1.0))
        self.norm_text.setObjectName("mapGradientNorm")
        self.norm_text.setZValue(11)
        self.plot.addItem(self.norm_text)
        self._style_norm_text()

        self.marker = pg.ScatterPlotItem(
            size=13,
            pen=pg.mkPen(t.map_point[1], width=2),
            brush=pg.mkBrush(t.map_point[0]),
            symbol="o",
        )
        self.marker.setZValue(10)
        self.plot.addItem(self.marker)

        self.colorbar = pg.ColorBarItem(
            colorMap=self.cmap, interactive=False, width=14, colorMapMenu=False
        )
        self.colorbar.setImageItem(self.image)
        self.view.addItem(self.colorbar, row=0, col=1)

        self.stack.addWidget(self.view)
        self.stack.addWidget(self.placeholder)
        layout.addWidget(self.stack, 1)

        self.readout = QLabel(objectName="mapReadout")
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.readout)
        self.legend = QLabel(objectName="mapLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setProperty("class", "muted")
        layout.addWidget(self.legend)
        self.retranslate()

        self.x_combo.activated.connect(self._on_x_combo_activated)
        self.y_combo.activated.connect(self._on_y_combo_activated)
        self.grid_spin.valueChanged.connect(self._on_grid_spin_changed)
        self.scale_combo.activated.connect(self._on_scale_combo_activated)
        self.viewbox.sigPointDragged.connect(self._on_viewbox_point_dragged)
        self.viewbox.sigResized.connect(self._update_arrows)
        self.viewbox.sigRangeChanged.connect(self._update_arrows)

    def retranslate(self) -> None:
        """Every fixed text, in the current interface language."""
        self.x_label.setText(_tr("Horizontal"))
        self.y_label.setText(_tr("Vertical"))
        self.grid_label.setText(_tr("Grid"))
        self.scale_label.setText(_tr("Colours"))
        self.x_combo.setToolTip(_tr("Variable along the horizontal axis"))
        self.y_combo.setToolTip(_tr("Variable along the vertical axis"))
        self.grid_spin.setAccessibleName(_tr("Grid points per axis"))
        self.view.setAccessibleName(_tr("Map of f: drag or click to move the point"))
        self.grid_spin.setToolTip(
            _tr("Grid points per axis; the whole grid is one vectorized forward and backward pass")
        )
        titles = scale_titles()
        for i, key in enumerate(SCALES):
            self.scale_combo.setItemText(i, titles[key])
        self.scale_combo.setToolTip(
            _tr("Colour scale: a log scale shows the floor of deep valleys (Rosenbrock)")
        )
        self.placeholder.setText(
            _tr("The map needs an expression with two or more variables, e.g. x^2 - y^2.")
        )
        self.legend.setText(
            _tr(
                '<span style="color:{g}">━▶</span> ∇f points uphill &nbsp; '
                '<span style="color:#444">━▷</span> −∇f, the direction of steepest descent'
                "<br>Drag or click the map to move the point."
            ).format(g=theme.current().grad_arrow[0])
        )
        if self._frame is not None:
            self._update_title()
        if self._point is not None and self.controller.result.ok and self._axes:
            self._update_readout(self.controller.result)

    # -- public -------------------------------------------------------------------

    def axes(self) -> tuple[str, str] | None:
        """The map's (horizontal, vertical) variables, or None with fewer than two."""
        return self._axes

    def set_axes(self, var_x: str, var_y: str) -> None:
        """Map f over ``var_x`` (horizontal) and ``var_y`` (vertical): an undoable change."""
        if var_x == var_y or var_x not in self._used or var_y not in self._used:
            raise ValueError(f"cannot map over {var_x!r} and {var_y!r}")
        self._save_state(
            _tr("Map axes {x}, {y}").format(x=var_x, y=var_y), "axes", axes=(var_x, var_y)
        )

    @property
    def grid(self) -> Grid | None:
        """The grid drawn last (None before the first one)."""
        return self._grid

    @property
    def arrow_vector(self) -> tuple[float, float] | None:
        """The gradient (∂f/∂x, ∂f/∂y) the arrow shows, at the point."""
        return self._grad

    def arrow_tip(self) -> tuple[float, float]:
        """Where the ∇f arrow ends, in data coordinates."""
        p = self.grad_arrow.pos()
        return p.x(), p.y()

    def point(self) -> tuple[float, float] | None:
        return self._point

    # -- state in the session file ------------------------------------------------

    def _state(self) -> dict:
        return self.controller.panel_state(PANEL_KEY)

    def _load_settings(self) -> None:
        """Grid size and colour scale as the panel state has them."""
        state = self._state()
        n = state.get("grid")
        if not (isinstance(n, int) and not isinstance(n, bool) and MIN_GRID <= n <= MAX_GRID):
            n = DEFAULT_GRID
        if n != self.grid_spin.value():
            self.grid_spin.blockSignals(True)
            self.grid_spin.setValue(n)
            self.grid_spin.blockSignals(False)
        scale = state.get("scale")
        self.scale_combo.setCurrentIndex(SCALES.index(scale) if scale in SCALES else 0)

    def _save_state(self, label: str, merge: str, axes: tuple[str, str] | None = None) -> None:
        """Store the axes shown (or ``axes``), grid size and colour scale, one command."""
        state = self._state()
        axes = axes or self._axes
        if axes:
            state["x"], state["y"] = axes
        state["grid"] = self.grid_spin.value()
        state["scale"] = self.scale_combo.currentData()
        self.controller.set_panel_state(PANEL_KEY, state, label, merge)

    # -- controller events --------------------------------------------------------

    def _on_controller_result(self, result: EvalResult) -> None:
        if not result.ok:
            return  # keep the last good map on screen while the text has an error
        used = tuple(result.expression.variables)
        if used != self._used:
            self._used = used
            self._sync_combos()
        self._update_axes()
        self._dirty = True
        self._refresh()

    def _on_controller_variables(self) -> None:
        self._dirty = True
        self._refresh()

    def _on_controller_document_replaced(self) -> None:
        self._axes = None
        self._used = ()
        self._grid_key = None

    def _on_controller_panel_state_changed(self, key: str) -> None:
        if key != PANEL_KEY:
            return
        self._load_settings()
        self._update_axes()
        self._dirty = True
        self._refresh()

    # -- user input -----------------------------------------------------------------

    def _on_x_combo_activated(self, _index: int) -> None:
        self._set_axes_from_combo(self.x_combo.currentText(), which=0)

    def _on_y_combo_activated(self, _index: int) -> None:
        self._set_axes_from_combo(self.y_combo.currentText(), which=1)

    def _set_axes_from_combo(self, name: str, which: int) -> None:
        if not self._axes or not name:
            return
        vx, vy = self._axes
        if which == 0:
            vx, vy = name, (vx if name == vy else vy)  # picking the other axis swaps
        else:
            vx, vy = (vy if name == vx else vx), name
        self.set_axes(vx, vy)

    def _on_grid_spin_changed(self, value: int) -> None:
        self._save_state(_tr("Map grid {n} × {n}").format(n=value), "grid")

    def _on_scale_combo_activated(self, _index: int) -> None:
        scale = scale_titles()[self.scale_combo.currentData()]
        self._save_state(_tr("Map colours: {scale}").format(scale=scale), "scale")

    def _on_viewbox_point_dragged(self, x: float, y: float, phase: str) -> None:
        if not self._axes:
            return
        vx, vy = self._axes
        if phase in ("start", "click"):
            self.controller.begin_drag(tuple(sorted(self._axes)))
            self._dragging = True
        variables = self.controller.session.variables
        values = {vx: snap_to_step(variables[vx], x), vy: snap_to_step(variables[vy], y)}
        self.controller.set_values(values)
        if phase in ("finish", "click"):
            self.controller.end_drag()
            self._dragging = False

    # -- drawing ----------------------------------------------------------------------

    def _update_axes(self) -> None:
        """Show the axes the panel state and the expression give (``map_axes``)."""
        axes = map_axes(self._state(), self._used, self.controller.session.sweep.variable)
        if axes is None:
            self.stack.setCurrentWidget(self.placeholder)
            self.readout.clear()
            self.legend.setVisible(False)
        else:
            self.stack.setCurrentWidget(self.view)
            self.legend.setVisible(True)
        if axes != self._axes:
            self._axes = axes
            self._sync_combos()
            self._draw_trail()

    def _sync_combos(self) -> None:
        for combo, which in ((self.x_combo, 0), (self.y_combo, 1)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(list(self._used) if len(self._used) >= 2 else [])
            if self._axes:
                combo.setCurrentText(self._axes[which])
            combo.setEnabled(len(self._used) >= 2)
            combo.blockSignals(False)

    def _draw_trail(self) -> None:
        """The optimizer's path (``controller.trails``) in the map's coordinates; a
        variable the trail does not name was held at its slider's value."""
        trails = self.controller.trails
        variables = self.controller.session.variables
        if not self._axes or not set(self._axes) & set(trails):
            self.trail.setData([], [])
            self.trail_points.setData([], [])
            return
        n = len(next(iter(trails.values())))
        xs, ys = (
            trails[name]
            if name in trails
            else np.full(n, variables[name].value if name in variables else math.nan)
            for name in self._axes
        )
        shown = thin_trail(n)
        self.trail.setData(xs[shown], ys[shown])
        if n <= 60:  # few, large steps (Newton, a first few descent steps): mark each
            self.trail_points.setData(xs, ys)
        else:
            self.trail_points.setData(xs[-1:], ys[-1:])

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self._refresh()

    def _refresh(self) -> None:
        """Redraw from the controller's latest result (only what changed)."""
        if not self._dirty or not self.isVisible():
            return  # a hidden map costs nothing; it catches up when shown
        result = self.controller.result
        if not result.ok or not self._axes:
            return
        vx, vy = self._axes
        session = self.controller.session
        if not {vx, vy} <= set(session.variables) & set(result.expression.variables):
            return  # the document changed ahead of the result: wait for the next one
        self._dirty = False
        sx, sy = session.variables[vx], session.variables[vy]
        n = self.grid_spin.value()
        held = tuple(
            (name, result.point[name])
            for name in result.expression.variables
            if name not in self._axes
        )
        scale = self.scale_combo.currentData()
        key = (result.expression, vx, vy, sx.min, sx.max, sy.min, sy.max, n, held, scale)
        if key != self._grid_key:
            self._grid_key = key
            point = dict(result.point)
            self._grid = evaluate_grid(
                result.expression,
                point,
                vx,
                vy,
                (sx.min, sx.max),
                (sy.min, sy.max),
                n,
                fit_to_budget=True,  # a coarser grid, said in the readout
            )
            self._draw_grid(held)
        self._point = (result.point[vx], result.point[vy])
        self._grad = (result.grads.get(vx, 0.0), result.grads.get(vy, 0.0))
        self.marker.setData([self._point[0]], [self._point[1]])
        self._update_arrows()
        self._update_readout(result)

    def _draw_grid(self, held: tuple) -> None:
        grid = self._grid
        scale = self.scale_combo.currentData()
        self._log = wants_log_scale(grid.f) if scale == "auto" else scale == "log"
        values = color_values(grid.f, self._log)
        finite = values[np.isfinite(values)]
        if finite.size:
            lo, hi = float(finite.min()), float(finite.max())
        else:
            lo, hi = 0.0, 1.0
        if not hi > lo:
            lo, hi = lo - 0.5, hi + 0.5
        if self._log:
            finite_f = grid.f[np.isfinite(grid.f)]
            self._color_offset = log_offset(float(finite_f.min()), float(finite_f.max()))
        self.image.setImage(values, levels=(lo, hi), autoLevels=False)
        x0, x1 = float(grid.xs[0]), float(grid.xs[-1])
        y0, y1 = float(grid.ys[0]), float(grid.ys[-1])
        # pixel centres sit on the grid points: the image reaches half a cell beyond
        hx = (x1 - x0) / (len(grid.xs) - 1) / 2
        hy = (y1 - y0) / (len(grid.ys) - 1) / 2
        self.image.setRect(x0 - hx, y0 - hy, x1 - x0 + 2 * hx, y1 - y0 + 2 * hy)
        self.colorbar.setLevels((lo, hi))
        self.colorbar.axis.setTicks(self._log_ticks(lo, hi) if self._log else None)
        cx, cy = contour_segments(values, grid.xs, grid.ys, contour_levels(values))
        self.contours.setData(cx, cy)

        # Labels, title and range change the plot's layout: touch them only when they
        # differ (a held variable's slider redraws the grid on every move).
        frame = (grid.var_x, grid.var_y, x0, x1, y0, y1, self._log)
        if frame != self._frame:
            self._frame = frame
            vx, vy = grid.var_x, grid.var_y
            self.plot.setLabel("bottom", vx)
            self.plot.setLabel("left", vy)
            ratio = (x1 - x0) / (y1 - y0)
            self.viewbox.setAspectLocked(1 / 3 <= ratio <= 3, ratio=1.0)
            self.viewbox.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0.02)
            self._update_title()
        self._held = held

    def _update_title(self) -> None:
        vx, vy = self._frame[0], self._frame[1]
        title = _tr("f({x}, {y})").format(x=vx, y=vy)
        if self._log:
            title += "   " + _tr("(log colour scale)")
        # from the widget's font, so a window zoom scales it with everything else
        size = max(self.font().pointSizeF(), 6.0)
        self.plot.setTitle(title, size=f"{size:.1f}pt", color=theme.current().axis_text)

    def _log_ticks(self, lo: float, hi: float) -> list:
        """Colour-bar ticks at f = powers of ten (the bar runs over log10(f − offset))."""
        offset = self._color_offset
        major, minor = [], []
        f_lo, f_hi = 10.0**lo + offset, 10.0**hi + offset
        top = math.floor(math.log10(f_hi)) if f_hi > 0 else 0
        gap = 0.08 * (hi - lo)  # labels closer than this would overlap
        for k in range(top, top - 9, -1):
            for m in (1, 2, 5):
                f = m * 10.0**k
                if not (f_lo <= f <= f_hi and f - offset > 0):
                    continue
                pos = math.log10(f - offset)
                if m == 1 and (not major or major[-1][0] - pos >= gap):
                    major.append((pos, f"{f:g}"))
                else:
                    minor.append((pos, ""))
        return [major, minor]

    def _update_arrows(self, *_args) -> None:
        if self._point is None or self._grad is None:
            return
        px, py = self._point
        gx, gy = self._grad
        sx, sy = self._pixel_size()
        # the gradient in screen pixels (y up): its length sets how far to go in data
        length = math.hypot(gx / sx, gy / sy)
        visible = math.isfinite(length) and length > 0
        for item in (self.grad_arrow, self.descent_arrow, self.norm_text):
            item.setVisible(visible)
        if not visible:
            return
        norm = math.hypot(gx, gy)
        pixels = arrow_length(norm, self._largest_gradient(), ARROW_PX, ARROW_MIN_PX)
        t = pixels / length
        text = "|∇f| = " + short(norm, 3)
        if self.norm_text.textItem.toPlainText() != text:
            self.norm_text.setText(text)
        self._place_norm_text(px + t * gx, py + t * gy, gx, gy, sx, sy)
        self.arrow_pixels = pixels
        screen_angle = math.degrees(math.atan2(-gy / sy, gx / sx))  # screen y points down
        # an ArrowItem at angle 0 points left; its position is the tip. One setStyle
        # per arrow: each rebuilds its path.
        tail = max(pixels - 12.0, 0.0)
        self.grad_arrow.setStyle(angle=screen_angle - 180.0, tailLen=tail)
        self.grad_arrow.setPos(px + t * gx, py + t * gy)
        self.descent_arrow.setStyle(angle=screen_angle, tailLen=tail)
        self.descent_arrow.setPos(px - t * gx, py - t * gy)

    def _largest_gradient(self) -> float:
        """The grid's largest |∇f|, computed once per grid (not on every point move)."""
        grid = self._grid
        if grid is None:
            return math.inf
        if getattr(self, "_largest_for", None) is not grid:
            self._largest_for, self._largest = grid, grid.largest_gradient()
        return self._largest

    def _place_norm_text(self, x, y, gx, gy, sx, sy) -> None:
        """The |∇f| label beside the ∇f arrow's tip, on the side the arrow points to,
        and moved inside the map if it would stick out of it."""
        ax = 0.0 if gx >= 0 else 1.0  # text to the right of the tip, or to its left
        ay = 1.0 if gy >= 0 else 0.0  # above it, or below
        self.norm_text.setAnchor((ax, ay))
        rect = self.norm_text.textItem.boundingRect()
        w, h = rect.width() * sx, rect.height() * sy
        (x_lo, x_hi), (y_lo, y_hi) = self.viewbox.viewRange()
        x = min(max(x, x_lo + ax * w), x_hi - (1 - ax) * w)
        y = min(max(y, y_lo + (1 - ay) * h), y_hi - ay * h)
        self.norm_text.setPos(x, y)

    def _style_norm_text(self) -> None:
        """The |∇f| label: in the widget's font (a window zoom scales it), the theme's
        colours (read again on a palette change)."""
        t = theme.current()
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.95, 6.0))
        self.norm_text.setFont(font)
        self.norm_text.setColor(t.grad_arrow[0])
        self.norm_text.fill = pg.mkBrush(t.color("legend_fill"))
        self.norm_text.update()

    def _apply_theme(self) -> None:
        """Every colour this panel draws with, from ``theme.current()`` again."""
        if not hasattr(self, "marker"):  # a palette change while it is being built
            return
        t = theme.current()
        self.contours.setPen(pg.mkPen(t.color("contour"), width=1))
        self.trail.setPen(pg.mkPen(t.map_trail[0], width=2))
        self.trail_points.setPen(pg.mkPen(t.map_trail[1]))
        self.trail_points.setBrush(pg.mkBrush(t.map_trail[0]))
        self.descent_arrow.setStyle(
            pen=pg.mkPen(t.descent_arrow[1], width=1), brush=pg.mkBrush(t.descent_arrow[0])
        )
        self.grad_arrow.setStyle(
            pen=pg.mkPen(t.grad_arrow[1], width=1), brush=pg.mkBrush(t.grad_arrow[0])
        )
        self.marker.setPen(pg.mkPen(t.map_point[1], width=2))
        self.marker.setBrush(pg.mkBrush(t.map_point[0]))
        self._style_norm_text()
        self.retranslate()  # the legend's coloured arrows

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_theme()
        elif event.type() == QEvent.Type.FontChange:
            self._style_norm_text()
            for axis in ("left", "bottom"):
                self.plot.getAxis(axis).setStyle(tickFont=self.font())
            if self._frame is not None:
                self._update_title()

    def _pixel_size(self) -> tuple[float, float]:
        """Data units per screen pixel along x and y (a guess before the first layout)."""
        try:
            sx, sy = self.viewbox.viewPixelSize()
        except Exception:  # no view yet: pyqtgraph raises while the box has no size
            sx = sy = 0.0
        if not (sx > 0 and sy > 0 and math.isfinite(sx) and math.isfinite(sy)):
            xr, yr = self.viewbox.viewRange()
            sx = (xr[1] - xr[0]) / 300 or 1.0
            sy = (yr[1] - yr[0]) / 300 or 1.0
        return sx, sy

    def _update_readout(self, result: EvalResult) -> None:
        vx, vy = self._axes
        gx, gy = self._grad
        norm = math.hypot(gx, gy)
        self.readout.setText(
            _tr(
                "at ({x}, {y}) = ({px}, {py}): f = <b>{f}</b><br>"
                '<span style="color:{gc}">∇f</span> = (∂f/∂{x}, ∂f/∂{y}) = '
                "(<b>{gx}</b>, <b>{gy}</b>), |∇f| = {norm}"
            ).format(
                x=vx,
                y=vy,
                px=short(self._point[0]),
                py=short(self._point[1]),
                f=short(result.value),
                gc=theme.current().grad_arrow[0],
                gx=short(gx),
                gy=short(gy),
                norm=short(norm),
            )
            + (
                "<br>"
                + _tr("holding {values}").format(
                    values=", ".join(f"{name} = {short(v)}" for name, v in self._held)
                )
                if self._held
                else ""
            )
            + (
                "<br>" + html.escape(tr_message(self._grid.notice))
                if self._grid is not None and self._grid.notice is not None
                else ""
            )
        )
