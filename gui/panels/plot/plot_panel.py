"""The plot: f, f′ and f″ along the swept variable, the tangent, and the current point.

Plot items are created once and refreshed with ``setData`` — never cleared and re-added.
A curve is only handed new arrays when they differ from what it shows (dragging the
swept variable itself moves only the marker). Gaps where a value is not finite
(``log(x)`` for x ≤ 0) come from ``connect="finite"``, and so do the breaks where a
curve jumps or has a pole (``1/x`` at 0, ``relu′`` at 0): ``result.breaks``, from
``tutor.curve_breaks``, puts a NaN inside each such segment.

The y range fits the visible curves, ignoring isolated spikes (``tan``, ``1/x``), and
only moves when the curves leave it or shrink well inside it, so the axes stay calm
while a slider moves. Panning or zooming by hand turns fitting off until *Fit view*.
A click in the plot moves the point: the swept variable jumps to the clicked x.
An optimizer's trail (``controller.trails``, published by the descent panel) is drawn as
(x, f) pairs along the swept variable.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGraphicsItem,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.controller import SessionController
from gui.widgets.live_label import LiveLabel
from gui.widgets.retranslating import Retranslating
from tutor.curve_breaks import with_gaps
from tutor.descent import thin_trail
from tutor.evaluation import EvalResult
from tutor.numbers import on_grid
from tutor.session import CURVES, snap_to_step

ARRAY_CURVES = ("f", "df", "d2f")

# Where the legend may sit: (its anchor point, the view's anchor point, offset in px).
LEGEND_CORNERS = {
    "top-left": ((0, 0), (0, 0), (12, 10)),
    "top-right": ((1, 0), (1, 0), (-12, 10)),
    "bottom-left": ((0, 1), (0, 1), (12, -10)),
    "bottom-right": ((1, 1), (1, 1), (-12, -10)),
}


def curve_titles(var: str | None) -> dict[str, str]:
    """Legend and checkbox texts; ``var`` is the swept variable."""
    v = var or "x"
    return {
        "f": f"f({v})",
        "df": f"f′({v}) = ∂f/∂{v}",
        "d2f": f"f″({v}) = ∂²f/∂{v}²",
        "tangent": QCoreApplication.translate("PlotPanel", "tangent at the point"),
    }


def fit_range(arrays: list[np.ndarray]) -> tuple[float, float] | None:
    """A y range showing the curves, ignoring spikes near poles. None if nothing is finite.

    Each curve counts with its own range — or, when a few huge values (``tan`` or
    ``1/x`` near a pole) stretch it more than four times wider than the band where
    the middle 80 % of its points lie, with that band widened by its own width on
    each side.
    """
    bounds = []
    for a in arrays:
        values = a[np.isfinite(a)]
        if not values.size:
            continue
        # Beyond this the plot cannot draw anyway, and spans would overflow to inf.
        values = np.clip(values, -1e150, 1e150)
        lo, hi = float(values.min()), float(values.max())
        if values.size > 20:
            q_lo, q_hi = (float(v) for v in np.quantile(values, [0.1, 0.9]))
            if q_hi > q_lo and hi - lo > 4 * (q_hi - q_lo):
                span = q_hi - q_lo
                lo, hi = max(lo, q_lo - span), min(hi, q_hi + span)
        bounds.append((lo, hi))
    if not bounds:
        return None
    lo, hi = min(b[0] for b in bounds), max(b[1] for b in bounds)
    if hi - lo < 1e-12 * max(1.0, abs(lo), abs(hi)):
        pad = max(1.0, abs(lo) * 0.1)
        return lo - pad, hi + pad
    pad = 0.08 * (hi - lo)
    return lo - pad, hi + pad


class _SafeLegend(pg.LegendItem):
    """A legend that survives its plot being torn down around it.

    The legend re-anchors itself whenever its geometry changes, reading its parent's
    size. While a window is being deleted the parent ViewBox can go first, and the
    legend's own teardown then raised "Internal C++ object (ViewBox) already deleted".
    """

    def _GraphicsWidgetAnchor__geometryChanged(self) -> None:  # noqa: N802 - pyqtgraph's
        parent = getattr(self, "_GraphicsWidgetAnchor__parent", None)
        if not shiboken6.isValid(self) or (parent is not None and not shiboken6.isValid(parent)):
            return
        super()._GraphicsWidgetAnchor__geometryChanged()


class PlotPanel(Retranslating, QWidget):
    """Curve toggles above a pyqtgraph PlotWidget (objectName ``plotWidget``)."""

    sigPointClicked = Signal(float)  # the swept variable's new value, after a click

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plotPanel")
        self.controller = controller
        self.auto_fit = True
        self._force_fit = True
        self._shown: dict[str, tuple[np.ndarray, np.ndarray] | None] = dict.fromkeys(ARRAY_CURVES)
        self._last_x: np.ndarray | None = None

        # -- the toggles ------------------------------------------------------------
        self.curve_boxes: dict[str, QCheckBox] = {}
        header = QHBoxLayout()
        header.setContentsMargins(4, 0, 4, 0)
        header.setSpacing(8)
        # Both give way before the toggles do (the plot column must stay narrow enough
        # for the side panels), and neither re-lays out the window when its text changes.
        self.title = LiveLabel(self, all_or_nothing=True)
        self.title.setObjectName("plotTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        header.addWidget(self.title)
        t = theme.current()
        # whole or not at all: "(y =…" would tell nothing (the tooltip has it whole)
        self.held_label = LiveLabel(self, color="muted_text", all_or_nothing=True)
        self.held_label.setObjectName("plotHeldLabel")
        header.addWidget(self.held_label, 1)
        for key in CURVES:
            box = QCheckBox(self)
            box.setObjectName(f"curve_{key}")
            box.setStyleSheet(f"QCheckBox {{ color: {t.curves[key]}; font-weight: 600; }}")
            box.toggled.connect(self._on_curve_box_toggled)
            self.curve_boxes[key] = box
            header.addWidget(box)
        self.fit_button = QToolButton(self)
        self.fit_button.setObjectName("fitButton")
        self.fit_button.clicked.connect(self.fit_view)
        header.addWidget(self.fit_button)

        # -- the plot -----------------------------------------------------------------
        self.plot_widget = pg.PlotWidget(self)
        self.plot_widget.setObjectName("plotWidget")
        self.plot_widget.setMinimumSize(300, 260)
        item = self.plot_widget.getPlotItem()
        self.plot_item = item
        self.view_box = item.getViewBox()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.showGrid(x=True, y=True, alpha=0.18)
        self.view_box.disableAutoRange()
        self.view_box.setDefaultPadding(0.0)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(t.axis))
            axis.setTextPen(pg.mkPen(t.axis_text))
            # The axes also draw the grid across the whole plot; replaying that on every
            # frame cost ~7 ms. Cached as a pixmap, they redraw only when the range moves.
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.zero_line = pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen(t.zero_line, width=1))
        item.addItem(self.zero_line, ignoreBounds=True)
        self.point_line = pg.InfiniteLine(
            pos=0, angle=90, pen=pg.mkPen(t.axis, width=1, style=Qt.PenStyle.DashLine)
        )
        item.addItem(self.point_line, ignoreBounds=True)

        self.legend = _SafeLegend(
            offset=(12, 10), labelTextSize=self._label_size(0.95), verSpacing=-4
        )
        self.legend.setParentItem(self.view_box)
        # Below the curves: where no corner is free of them (1/x in a narrow plot), the
        # curves are drawn across the legend, never hidden behind it.
        self.legend.setZValue(-100)
        item.legend = self.legend
        self.legend.setBrush(pg.mkBrush(t.color("legend_fill")))
        self.legend.setPen(pg.mkPen(t.key_border))
        self.curves: dict[str, pg.PlotDataItem] = {}
        for key in ARRAY_CURVES:
            pen = pg.mkPen(t.curves[key], width=1)  # wider pens cost 2-4x per frame
            curve = pg.PlotDataItem(pen=pen, antialias=True)
            curve.setZValue({"f": 3, "df": 2, "d2f": 1}[key])
            item.addItem(curve)
            self.curves[key] = curve
        tangent_pen = pg.mkPen(t.curve_tangent, width=1, style=Qt.PenStyle.DashLine)
        self.curves["tangent"] = pg.PlotDataItem(pen=tangent_pen, antialias=True)
        self.curves["tangent"].setZValue(4)
        item.addItem(self.curves["tangent"], ignoreBounds=True)
        self.marker = pg.ScatterPlotItem(
            size=11,
            pen=pg.mkPen(t.curve_f, width=2),
            brush=pg.mkBrush(t.marker_fill),
            antialias=True,
        )
        self.marker.setZValue(10)
        item.addItem(self.marker, ignoreBounds=True)
        self.descent_trail = pg.PlotDataItem(
            pen=pg.mkPen(t.trail, width=1.5),
            symbolSize=5,
            symbolPen=pg.mkPen(t.marker_fill),
            symbolBrush=pg.mkBrush(t.trail),
            antialias=True,
        )
        self.descent_trail.setZValue(8)
        item.addItem(self.descent_trail, ignoreBounds=True)
        self.legend.sigSampleClicked.connect(self._on_legend_sample_clicked)

        self.empty_text = pg.TextItem(anchor=(0.5, 0.5), color=t.muted_text)
        self.empty_text.setZValue(20)
        item.addItem(self.empty_text, ignoreBounds=True)
        self.empty_text.setVisible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.plot_widget, 1)

        self.view_box.sigRangeChangedManually.connect(self._on_view_range_changed_manually)
        # the legend finds its corner again when the view's size or range changes
        self.view_box.sigResized.connect(self.place_legend)
        self.view_box.sigRangeChanged.connect(self.place_legend)
        self.plot_widget.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)
        controller.sigResultChanged.connect(self._on_controller_result_changed)
        controller.sigCurvesChanged.connect(self._on_controller_curves_changed)
        controller.sigSweepChanged.connect(self._on_controller_sweep_changed)
        controller.sigExpressionChanged.connect(self._on_controller_expression_changed)
        controller.sigDocumentReplaced.connect(self._on_controller_document_replaced)
        controller.sigTrailsChanged.connect(self._draw_trail)
        self._on_controller_sweep_changed()
        self._on_controller_curves_changed(controller.session.curves)
        self.retranslate()

    def retranslate(self) -> None:
        self.fit_button.setText(self.tr("Fit view"))
        self.fit_button.setToolTip(self.tr("Fit the axes to the curves again (Ctrl+0)"))
        self.fit_button.setAccessibleName(self.tr("Fit view"))
        self.plot_widget.setAccessibleName(
            self.tr("Plot of f and its derivatives: click to move the point")
        )
        self._update_texts()
        self._on_controller_result_changed(self.controller.result)

    # -- from the document ----------------------------------------------------------------

    def _on_controller_curves_changed(self, curves: list[str]) -> None:
        for key, box in self.curve_boxes.items():
            if box.isChecked() != (key in curves):
                box.blockSignals(True)
                box.setChecked(key in curves)
                box.blockSignals(False)
            self.curves[key].setVisible(key in curves)
        self._sync_legend(curve_titles(self.controller.session.sweep.variable))
        self._update_left_label()
        self._force_fit = True
        self._on_controller_result_changed(self.controller.result)

    def _on_controller_sweep_changed(self) -> None:
        sweep = self.controller.session.sweep
        self._update_texts()
        if sweep.variable is not None:
            self.view_box.setXRange(sweep.min, sweep.max, padding=0.02)
        self._force_fit = True
        self._draw_trail()

    def _update_texts(self) -> None:
        """The toggles, legend, axis labels and title, for the swept variable."""
        sweep = self.controller.session.sweep
        titles = curve_titles(sweep.variable)
        # Short texts that do not grow with the variable's name (the header must not
        # widen the window when x becomes x0); the tooltip and legend say f′(x0) = ∂f/∂x0.
        short = {"f": "f", "df": "f′", "d2f": "f″", "tangent": self.tr("tangent")}
        for key, box in self.curve_boxes.items():
            box.setText(short[key])
            box.setToolTip(titles[key])
        self._sync_legend(titles)
        label_style = {"font-size": self._label_size(), "color": theme.current().axis_text}
        self.plot_item.setLabel("bottom", sweep.variable or "", **label_style)
        self._update_left_label()
        self.title.setText(
            self.tr("f along {name}").format(name=sweep.variable) if sweep.variable else ""
        )
        self.title.updateGeometry()  # rare: the title's width may change the header

    def _label_size(self, share: float = 1.05) -> str:
        """A font size for the axis labels and legend, from the widget's font: a window
        zoom (a larger application font) scales them with everything else."""
        return f"{max(self.font().pointSizeF(), 6.0) * share:.1f}pt"

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        kind = event.type()
        if kind == QEvent.Type.PaletteChange and hasattr(self, "marker"):
            self._apply_theme()
        elif kind == QEvent.Type.FontChange and hasattr(self, "legend"):
            self.legend.opts["labelTextSize"] = self._label_size(0.95)
            for axis in ("left", "bottom"):
                self.plot_item.getAxis(axis).setStyle(tickFont=self.font())
            self._update_texts()

    def _apply_theme(self) -> None:
        """Every colour the plot draws with, from ``theme.current()`` again (a dark
        theme, a palette change)."""
        t = theme.current()
        for key, box in self.curve_boxes.items():
            box.setStyleSheet(f"QCheckBox {{ color: {t.curves[key]}; font-weight: 600; }}")
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(t.axis))
            axis.setTextPen(pg.mkPen(t.axis_text))
        self.zero_line.setPen(pg.mkPen(t.zero_line, width=1))
        self.point_line.setPen(pg.mkPen(t.axis, width=1, style=Qt.PenStyle.DashLine))
        self.legend.setBrush(pg.mkBrush(t.color("legend_fill")))
        self.legend.setPen(pg.mkPen(t.key_border))
        self.legend.setLabelTextColor(t.axis_text)
        for key in ARRAY_CURVES:
            self.curves[key].setPen(pg.mkPen(t.curves[key], width=1))
        self.curves["tangent"].setPen(
            pg.mkPen(t.curve_tangent, width=1, style=Qt.PenStyle.DashLine)
        )
        self.marker.setPen(pg.mkPen(t.curve_f, width=2))
        self.marker.setBrush(pg.mkBrush(t.marker_fill))
        self.descent_trail.setPen(pg.mkPen(t.trail, width=1.5))
        self.descent_trail.setSymbolPen(pg.mkPen(t.marker_fill))
        self.descent_trail.setSymbolBrush(pg.mkBrush(t.trail))
        self._update_texts()  # the axis labels carry their colour
        self.empty_text.setColor(t.muted_text)
        self._update_texts()

    def _update_left_label(self) -> None:
        shown = [n for k, n in (("f", "f"), ("df", "f′"), ("d2f", "f″")) if k in self.curves_on()]
        style = {"font-size": self._label_size(), "color": theme.current().axis_text}
        self.plot_item.setLabel("left", ", ".join(shown) or "f", **style)

    def curves_on(self) -> list[str]:
        return self.controller.session.curves

    def _on_controller_expression_changed(self, _text: str) -> None:
        if self.controller.session.error is None:
            self._force_fit = True

    def _on_controller_document_replaced(self) -> None:
        self.auto_fit = True
        self._force_fit = True

    def _sync_legend(self, titles: dict[str, str]) -> None:
        """The legend lists the curves on show (rarely called: toggles, a new sweep)."""
        self.legend.clear()
        for key in CURVES:
            if key in self.controller.session.curves:
                self.legend.addItem(self.curves[key], titles[key])

    def _on_controller_result_changed(self, result: EvalResult) -> None:
        if result.expression is None:
            return  # nothing has ever parsed: keep the plot as it is
        x = result.x
        curves = self.controller.session.curves
        has_sweep = result.sweep_variable is not None and x.size > 0
        self.empty_text.setVisible(not has_sweep)
        if not has_sweep:
            for key in CURVES:
                self.curves[key].setData([], [])
            self._shown = dict.fromkeys(ARRAY_CURVES)
            self.marker.setData([], [])
            self.empty_text.setText(
                self.tr("f = {value} has no variable to plot along").format(
                    value=f"{result.value:.6g}"
                )
            )
            vr = self.view_box.viewRect()
            self.empty_text.setPos(vr.center())
            return

        data_changed = False
        arrays = {"f": result.f, "df": result.df, "d2f": result.d2f}
        for key in ARRAY_CURVES:
            if key not in curves:
                continue
            y = arrays[key]
            shown = self._shown[key]
            if shown is not None and shown[0] is x and shown[1] is y:
                continue  # the same curves (the swept variable moved): nothing to redraw
            if (
                shown is not None
                and shown[0].shape == x.shape
                and np.array_equal(shown[0], x)
                and np.array_equal(shown[1], y, equal_nan=True)
            ):
                continue
            # a NaN inside every segment that crosses a jump or a pole: never a line there
            gx, gy = with_gaps(x, y, result.breaks.get(key))
            if np.isfinite(gy).all():
                self.curves[key].setData(gx, gy, connect="all", skipFiniteCheck=True)
            else:
                self.curves[key].setData(gx, gy, connect="finite")
            self._shown[key] = (x, y)
            data_changed = True

        s = result.sweep_variable
        variables = self.controller.session.variables
        held = [
            f"{name} = {on_grid(value, variables[name].step if name in variables else 0.01)}"
            for name, value in result.point.items()
            if name != s
        ]
        held_text = self.tr("({values} held fixed)").format(values=", ".join(held)) if held else ""
        if self.held_label.text() != held_text:
            self.held_label.setText(held_text)
            self.held_label.setToolTip(held_text)
        x0 = result.point.get(s, math.nan)
        f0 = result.value
        slope = result.grads.get(s, 0.0)
        self.point_line.setPos(x0 if math.isfinite(x0) else 0.0)
        if math.isfinite(x0) and math.isfinite(f0):
            self.marker.setData([x0], [f0])
        else:
            self.marker.setData([], [])
        if "tangent" in curves:
            if math.isfinite(x0) and math.isfinite(f0) and math.isfinite(slope):
                xs = np.array([x[0], x[-1]])
                self.curves["tangent"].setData(xs, f0 + slope * (xs - x0))
            else:
                self.curves["tangent"].setData([], [])

        if self.auto_fit and (data_changed or self._force_fit):
            self._fit_y([arrays[k] for k in ARRAY_CURVES if k in curves], force=self._force_fit)
        if data_changed or self._force_fit:
            self.place_legend()
        self._force_fit = False

    # -- the view range -------------------------------------------------------------------

    def _fit_y(self, arrays: list[np.ndarray], force: bool) -> None:
        target = fit_range(arrays)
        if target is None:
            return
        lo, hi = target
        if not (math.isfinite(lo) and math.isfinite(hi) and hi > lo):
            return
        (_, _), (vlo, vhi) = self.view_box.viewRange()
        span = hi - lo
        outside = lo < vlo or hi > vhi
        too_loose = span < 0.45 * (vhi - vlo)
        if force or outside or too_loose:
            # A little extra room, so that small moves do not refit at once.
            self.view_box.setYRange(lo - 0.05 * span, hi + 0.05 * span, padding=0)

    def fit_view(self) -> None:
        """Fit both axes to the curves and follow them again."""
        self.auto_fit = True
        self._force_fit = True
        sweep = self.controller.session.sweep
        if sweep.variable is not None:
            self.view_box.setXRange(sweep.min, sweep.max, padding=0.02)
        self._on_controller_result_changed(self.controller.result)

    def _on_view_range_changed_manually(self, *_args) -> None:
        self.auto_fit = False
        self.place_legend()

    # -- the legend and the title of an export --------------------------------------------

    def legend_corner_counts(self) -> dict[str, int]:
        """For each corner, how many drawn curve samples the legend would cover there."""
        vb = self.view_box
        box = vb.boundingRect()
        legend = self.legend.boundingRect()
        vr = vb.viewRect()
        if box.width() <= 0 or box.height() <= 0 or legend.isEmpty():
            return dict.fromkeys(LEGEND_CORNERS, 0)
        # the legend's size (and its 12 px / 10 px margin) in data units
        w = (legend.width() + 12) * vr.width() / box.width()
        h = (legend.height() + 10) * vr.height() / box.height()
        x_lo, x_hi, y_lo, y_hi = vr.left(), vr.right(), vr.top(), vr.bottom()  # y up
        points = []
        for key in (*ARRAY_CURVES, "tangent"):
            curve = self.curves[key]
            if not curve.isVisible():
                continue
            xs, ys = curve.getData()
            if xs is None or len(xs) == 0:
                continue
            xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            if key == "tangent" and xs.size == 2:  # a line: sample it
                t = np.linspace(0.0, 1.0, 200)
                xs, ys = xs[0] + t * (xs[1] - xs[0]), ys[0] + t * (ys[1] - ys[0])
            points.append((xs, ys))
        counts = {}
        for corner in LEGEND_CORNERS:
            left = corner.endswith("left")
            top = corner.startswith("top")
            cx = (x_lo, x_lo + w) if left else (x_hi - w, x_hi)
            cy = (y_hi - h, y_hi) if top else (y_lo, y_lo + h)
            n = 0
            for xs, ys in points:
                with np.errstate(invalid="ignore"):
                    inside = (xs >= cx[0]) & (xs <= cx[1]) & (ys >= cy[0]) & (ys <= cy[1])
                n += int(np.count_nonzero(inside))
            counts[corner] = n
        return counts

    def place_legend(self, *_args) -> None:
        """Put the legend in the corner where it covers the fewest curve samples
        (staying where it is on a tie, so it does not hop while a slider moves)."""
        counts = self.legend_corner_counts()
        current = getattr(self, "legend_corner", "top-left")
        best = min(counts, key=lambda c: (counts[c], c != current))
        if best != current or not hasattr(self, "legend_corner"):
            item_pos, parent_pos, offset = LEGEND_CORNERS[best]
            self.legend.anchor(itemPos=item_pos, parentPos=parent_pos, offset=offset)
            self.legend_corner = best

    def export_title(self) -> str:
        """The formula and the point, for the title of an exported picture:
        ``f(x) = sin(x) · x² + y   at x = 1.50, y = 0.50``."""
        session = self.controller.session
        expr = session.expression
        if expr is None:
            return ""
        s = session.sweep.variable
        point = ", ".join(
            f"{name} = {on_grid(spec.value, spec.step)}"
            for name, spec in sorted(session.variables.items())
            if name in expr.variables
        )
        head = f"f({s}) = {expr.pretty()}" if s else f"f = {expr.pretty()}"
        return (
            self.tr("{formula}   (at {point})").format(formula=head, point=point) if point else head
        )

    @contextlib.contextmanager
    def titled_for_export(self) -> Iterator[None]:
        """While exporting: the formula and point as the plot's title, the legend out of
        the curves' way; the window's plot is as it was afterwards."""
        t = theme.current()
        size = max(self.font().pointSizeF(), 6.0) * 1.15
        self.plot_item.setTitle(self.export_title(), color=t.axis_text, size=f"{size:.1f}pt")
        self.plot_item.layout.activate()
        self.place_legend()
        try:
            yield
        finally:
            self.plot_item.setTitle(None)
            self.plot_item.layout.activate()
            self.place_legend()

    # -- from the user ----------------------------------------------------------------------

    def _on_curve_box_toggled(self, _checked: bool) -> None:
        self.controller.set_curves([k for k in CURVES if self.curve_boxes[k].isChecked()])

    def _on_legend_sample_clicked(self, _item) -> None:
        # The legend has already toggled the curve's visibility: make that the document.
        self.controller.set_curves([k for k in CURVES if self.curves[k].isVisible()])

    def _on_scene_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or event.isAccepted() or event.double():
            return
        pos = event.scenePos()
        if not self.view_box.sceneBoundingRect().contains(pos):
            return
        self.click_at(self.view_box.mapSceneToView(pos).x())

    def click_at(self, x: float) -> None:
        """Move the swept variable to ``x``, snapped to its step and clamped to its range."""
        session = self.controller.session
        name = session.sweep.variable
        if name is None or name not in session.variables:
            return
        value = snap_to_step(session.variables[name], x)
        self.controller.set_value(name, value)
        self.sigPointClicked.emit(value)

    # -- an optimizer's trail ----------------------------------------------------------------

    def _draw_trail(self) -> None:
        """The points an optimizer visited, as (x, f) pairs, while it moves the swept
        variable; nothing otherwise."""
        xs = self.controller.trails.get(self.controller.session.sweep.variable)
        fs = self.controller.trail_values
        if xs is None or len(xs) != len(fs):
            self.descent_trail.setData([], [])
            return
        shown = thin_trail(len(xs))
        self.descent_trail.setSymbol("o" if len(xs) <= 60 else None)
        self.descent_trail.setData(xs[shown], fs[shown])

    def point_to_widget(self, x: float, y: float):
        """Widget coordinates of the data point (x, y) in ``plot_widget`` (for tests)."""
        from PySide6.QtCore import QPointF

        scene = self.view_box.mapViewToScene(QPointF(x, y))
        return self.plot_widget.mapFromScene(scene)
