"""Gradient check: every partial derivative from backprop beside a central difference.

The central difference ``(f(v + h) − f(v − h)) / 2h`` is the independent witness: it
uses values of f only. Its error has two parts that pull in opposite directions:

* **truncation**, about h² · f‴/6, shrinks as h shrinks;
* **round-off**, about ε · |f| / h (ε ≈ 2.2e−16), grows as h shrinks, because f(v + h)
  and f(v − h) agree in more and more leading digits.

The log slider for h and the error-versus-h plot make both visible: the error falls
along a line of slope 2, reaches a floor near h ≈ 1e−5, and climbs again with slope −1.
Where the formula has a kink (``abs`` or ``relu`` at 0), backprop uses a subgradient and
the difference quotient straddles the corner; the panel says so.
"""

from __future__ import annotations

import html
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.widgets.refresh_when_shown import RefreshWhenShown
from gui.widgets.retranslating import Retranslating
from tutor.backward_trace import record_expression
from tutor.evaluation import EvalResult
from tutor.formula import FORMULA_FUNCTIONS, Expression
from tutor.gradient_check import (
    ZERO_FLOOR,
    both_near_zero,
    central_differences,
    relative_error,
    zero_floor,
)
from tutor.numbers import short, times_ten_to
from tutor.op_rules import NONDIFFERENTIABLE_AT_ZERO

H_MIN_EXP, H_MAX_EXP = -12.0, -1.0
H_TICKS_PER_DECADE = 4
DEFAULT_H_EXP = -5.0
# the names a formula calls the ops with a corner by (abs, relu)
KINKED_FUNCTIONS = frozenset(
    name for name, op in FORMULA_FUNCTIONS.items() if op.__name__ in NONDIFFERENTIABLE_AT_ZERO
)


def h_from_slider(position: int) -> float:
    return 10 ** (H_MIN_EXP + position / H_TICKS_PER_DECADE)


class GradientCheckPanel(Retranslating, RefreshWhenShown, QWidget):
    """Autograd ∂f/∂v, the central difference, their relative error, and h to play with."""

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradientCheckPanel")
        self.controller = controller
        self._result: EvalResult | None = None
        self._dirty = True
        self.rows: list[dict] = []
        self._floor = ZERO_FLOOR

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setProperty("class", "muted")

        self.h_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.h_slider.setObjectName("gradcheckH")
        self.h_slider.setRange(0, int((H_MAX_EXP - H_MIN_EXP) * H_TICKS_PER_DECADE))
        self.h_slider.setValue(int((DEFAULT_H_EXP - H_MIN_EXP) * H_TICKS_PER_DECADE))
        self.h_label = QLabel(self)
        self.h_label.setObjectName("gradcheckHLabel")
        self.h_label.setMinimumWidth(110)
        h_row = QHBoxLayout()
        self.h_caption = QLabel(self)
        h_row.addWidget(self.h_caption)
        h_row.addWidget(self.h_slider, 1)
        h_row.addWidget(self.h_label)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("gradcheckTable")
        self.table.verticalHeader().setVisible(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # (a light selection, from the theme: it only marks whose error curve is plotted)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)

        self.plot = pg.PlotWidget(self)
        self.plot.setObjectName("gradcheckPlot")
        self.plot.setLogMode(x=True, y=True)
        for axis in ("bottom", "left"):
            self.plot.getAxis(axis).enableAutoSIPrefix(False)
        self.plot.showGrid(x=True, y=True, alpha=0.25)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(160)
        t = theme.current()
        self.curve = self.plot.plot(
            [], [], pen=pg.mkPen(t.curve_f, width=1),
            symbol="o", symbolSize=4, symbolBrush=t.curve_f, symbolPen=None,
        )  # fmt: skip
        self.h_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(t.curve_df, width=1))
        self.plot.addItem(self.h_line)
        self.h_marker = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(t.curve_df), pen=None)
        self.plot.addItem(self.h_marker)
        # where each kind of error dominates (positions set with the data)
        self.roundoff_text = pg.TextItem(color=t.muted_text, anchor=(0, 0))
        self.truncation_text = pg.TextItem(color=t.muted_text, anchor=(1, 0))
        for item in (self.roundoff_text, self.truncation_text):
            self.plot.addItem(item)
        self.plot_title = QLabel(self)
        self.plot_title.setObjectName("gradcheckPlotTitle")

        self.notes = QLabel(self)
        self.notes.setObjectName("gradcheckNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.intro)
        layout.addLayout(h_row)
        layout.addWidget(self.table)
        layout.addWidget(self.notes)
        layout.addWidget(self.plot_title)
        layout.addWidget(self.plot, 1)

        self._set_fixed_texts()
        self.h_slider.valueChanged.connect(self._on_h_slider_changed)
        controller.sigResultChanged.connect(self._on_controller_result_changed)
        self._on_h_slider_changed(self.h_slider.value())
        self._on_controller_result_changed(controller.result)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "h_marker"):
            t = theme.current()  # a dark theme, a palette change: every colour again
            self.curve.setPen(pg.mkPen(t.curve_f, width=1))
            self.curve.setSymbolBrush(t.curve_f)
            self.h_line.setPen(pg.mkPen(t.curve_df, width=1))
            self.h_marker.setBrush(pg.mkBrush(t.curve_df))
            for item in (self.roundoff_text, self.truncation_text):
                item.setColor(t.muted_text)
            if self.rows:
                self._fill_table()

    def retranslate(self) -> None:
        """The language changed: the fixed texts, and the table's and notes' words."""
        self._set_fixed_texts()
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def _set_fixed_texts(self) -> None:
        self.intro.setText(
            self.tr(
                "Backprop's ∂f/∂v beside the central difference (f(v+h) − f(v−h)) / 2h. "
                "Move h: too large and truncation error grows (∝ h²), too small and "
                "round-off takes over (∝ ε/h)."
            )
        )
        self.h_slider.setToolTip(self.tr("Step h of the central difference (log scale)"))
        self.h_slider.setAccessibleName(self.tr("Step h of the central difference"))
        self.table.setAccessibleName(self.tr("Backprop against the central difference"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Column headings"))
        self.table.horizontalHeader().setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.plot.setAccessibleName(self.tr("Relative error as h varies"))
        self.h_caption.setText(self.tr("step h"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("variable"),
                self.tr("backprop"),
                self.tr("central diff."),
                self.tr("rel. error"),
            ]  # fmt: skip
        )
        self.table.horizontalHeaderItem(3).setToolTip(
            self.tr(
                "|backprop − difference| / max(|backprop|, |difference|, {floor}); "
                "“both ≈ 0” when both are below {floor}, where a difference quotient "
                "cannot tell a derivative from 0"
            ).format(floor=times_ten_to(ZERO_FLOOR, 0))
        )
        self.plot.setLabel("bottom", self.tr("step h"))
        self.plot.setLabel("left", self.tr("relative error"))
        self.roundoff_text.setText(self.tr("round-off ∝ ε/h"))
        self.truncation_text.setText(self.tr("truncation ∝ h²"))

    @property
    def h(self) -> float:
        return h_from_slider(self.h_slider.value())

    def set_h(self, h: float) -> None:
        """Move the h slider to the tick nearest ``h``."""
        pos = round((math.log10(h) - H_MIN_EXP) * H_TICKS_PER_DECADE)
        self.h_slider.setValue(max(self.h_slider.minimum(), min(self.h_slider.maximum(), pos)))

    # -- updates ------------------------------------------------------------------------

    def _on_h_slider_changed(self, _value: int) -> None:
        self.h_label.setText("h = " + times_ten_to(self.h))
        self.h_line.setValue(math.log10(self.h))
        if self._result is not None and self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def refresh(self) -> None:
        self._dirty = False
        result = self._result
        expr = result.expression if result is not None else None
        if expr is None or not expr.variables:
            self.rows = []
            self.table.setRowCount(0)
            self.notes.setText(self.tr("No variables: nothing to check."))
            self.curve.setData([], [])
            self.plot_title.setText("")
            return
        h = self.h
        point = {n: result.point.get(n, 1.0) for n in expr.variables}
        hs = self.h_ticks()
        tick = self.h_slider.value()
        self.rows = []
        floor = zero_floor(result.value)
        self._floor = floor
        for name in expr.variables:
            autograd = result.grads.get(name, math.nan)
            # every h tick at once: the table's value and the error curve, one pass
            numeric = central_differences(expr, point, name, hs)
            errors = np.array([relative_error(autograd, float(n), floor) for n in numeric])
            self.rows.append(
                {
                    "name": name,
                    "autograd": autograd,
                    "numeric": float(numeric[tick]),
                    "error": float(errors[tick]),
                    "curve": errors,
                    "zero": both_near_zero(autograd, float(numeric[tick]), floor),
                }  # fmt: skip
            )
        self._fill_table()
        notes = self._kink_notes(expr, point, h)
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))
        self._update_curve()

    def _fill_table(self) -> None:
        selected = self._selected_row()
        if self.table.rowCount() != len(self.rows):
            self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            err = row["error"]
            texts = [
                row["name"],
                f"{row['autograd']:.11g}",
                f"{row['numeric']:.11g}",
                self.tr("both ≈ 0")
                if row.get("zero")
                else f"{err:.1e}"
                if math.isfinite(err)
                else "—",
            ]
            for c, text in enumerate(texts):
                item = self.table.item(r, c)
                if item is None:
                    item = QTableWidgetItem()
                    align = Qt.AlignmentFlag.AlignVCenter | (
                        Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                    )
                    item.setTextAlignment(align)
                    self.table.setItem(r, c, item)
                if item.text() != text:
                    item.setText(text.replace("-", "−") if c else text)
            t = theme.current()
            color = (
                t.ok if row.get("zero") or (math.isfinite(err) and err < 1e-7)
                else t.warning if math.isfinite(err) and err < 1e-4
                else t.error
            )  # fmt: skip
            self.table.item(r, 3).setForeground(QBrush(QColor(color)))
        self.table.setFixedHeight(
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
            + 4
        )
        if self.rows and selected is None:
            self.table.selectRow(0)

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def _on_table_selection_changed(self) -> None:
        self._update_curve()

    def h_ticks(self) -> np.ndarray:
        """Every h the slider can take."""
        return np.array([h_from_slider(i) for i in range(self.h_slider.maximum() + 1)])

    def error_curve(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """Relative error of the central difference for ``name`` at every h tick."""
        row = next(r for r in self.rows if r["name"] == name)
        return self.h_ticks(), row["curve"]

    def _update_curve(self) -> None:
        row = self._selected_row()
        if row is None or row >= len(self.rows) or self._result is None:
            self.curve.setData([], [])
            self.plot_title.setText("")
            return
        name = self.rows[row]["name"]
        hs, errors = self.error_curve(name)
        # exact agreement has no logarithm: draw it at the floor of double precision
        shown = np.where(np.isfinite(errors), np.maximum(errors, 1e-17), np.nan)
        if np.isfinite(shown).any():
            self.curve.setData(hs, shown, connect="finite")
        else:  # nothing to draw (f is not finite here); all-NaN points upset pyqtgraph
            self.curve.setData([], [])
        current = relative_error(self.rows[row]["autograd"], self.rows[row]["numeric"], self._floor)
        if math.isfinite(current):
            self.h_marker.setData([math.log10(self.h)], [math.log10(max(current, 1e-17))])
        else:
            self.h_marker.setData([], [])
        finite = shown[np.isfinite(shown)]
        top = math.log10(finite.max()) if finite.size else 0.0
        self.roundoff_text.setPos(math.log10(hs[0]), top)
        self.truncation_text.setPos(math.log10(hs[-1]) - 2.0, top)
        self.plot_title.setText(self.tr("Relative error for ∂f/∂{v} as h varies").format(v=name))

    def _kink_notes(self, expr: Expression, point: dict[str, float], h: float) -> str:
        """Flags for abs/relu whose input is at (or within h of) their kink at 0."""
        names = {getattr(node, "name", None) for node in expr.nodes}
        if not names & KINKED_FUNCTIONS:
            return ""
        with np.errstate(all="ignore"):
            snap = record_expression(expr, point).snapshot
        notes = []
        for f in snap.functions:
            if f.op not in NONDIFFERENTIABLE_AT_ZERO:
                continue
            x = snap.nodes[f.inputs[0]].data
            if x is None:
                continue
            spans = snap.spans.get(f.id, ())
            where = expr.text[spans[0][0] : spans[0][1]] if spans else f.symbol
            xv = float(np.asarray(x).reshape(-1)[0])
            if xv == 0:
                notes.append(
                    self.tr(
                        "⚠ {where}: its input is exactly 0, where {op} has a corner and no "
                        "derivative. Backprop uses the subgradient {sub}; the central "
                        "difference averages the two slopes."
                    ).format(where=html.escape(where), op=f.op.lower(), sub=f.rule.kink)
                )
            elif abs(xv) < h:
                notes.append(
                    self.tr(
                        "⚠ {where}: its input {x} is within h of the corner at 0, so "
                        "f(v ± h) fall on both sides of it and the central difference "
                        "mixes two slopes. Make h smaller."
                    ).format(where=html.escape(where), x=short(xv))
                )
        if not notes:
            return ""
        color = theme.current().warning
        return f"<span style='color:{color}'>" + "<br>".join(notes) + "</span>"


__all__ = ["GradientCheckPanel"]
