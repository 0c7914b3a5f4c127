"""One training step's graph, one box per layer, each parameter's gradient as a heat map.

Draws a ``tutor.training.StepView``: the data x and t, then every layer in forward
order (Linear -> activation -> ... -> MSE), the shape of what flows along each arrow,
and under every Linear box its parameters' gradients as small heat maps (blue below
zero, red above, white at zero, scaled to the largest |value| of that parameter) with
the norm ‖g‖ beside them. The layer the backward step-through is at is outlined.
Colours come from ``gui.theme`` at every paint, so a theme change shows at once.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui import theme
from tutor.numbers import short
from tutor.training import LayerNode, StepView

GRADIENT_COLORMAP = "CET-D1A"  # diverging: blue below zero, white at zero, red above
CELL = 12  # the side of one heat-map cell, in pixels
MAX_CELLS = 16  # a longer side is drawn in this many cells (each the mean of a band)


def _tr(text: str) -> str:
    return QCoreApplication.translate("StepGraph", text)


def node_title(node: LayerNode) -> str:
    """A layer's title in the interface's language."""
    if node.kind == "linear":
        return _tr("Linear {key}").format(key=node.key)
    if node.kind == "loss":
        return node.title  # MSE
    if node.kind == "activation":
        return node.ops[0].name.lower() if node.ops else node.title
    return node.key


def shape_text(shape: tuple[int, ...]) -> str:
    return "()" if not shape else "(" + ", ".join(str(n) for n in shape) + ")"


def _cells(a: np.ndarray) -> np.ndarray:
    """``a`` as a 2-D grid of at most MAX_CELLS a side (a bias is one row)."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        a = a.reshape(1, -1)
    for axis in (0, 1):
        n = a.shape[axis]
        if n > MAX_CELLS:
            bands = np.array_split(np.arange(n), MAX_CELLS)
            a = np.stack([a.take(b, axis=axis).mean(axis=axis) for b in bands], axis=axis)
    return a


class StepGraph(QWidget):
    """The layer-collapsed graph of one training step (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trainStepGraph")
        self.view: StepView | None = None
        self.current: str | None = None  # the key of the layer the step-through is at
        self._cmap = pg.colormap.get(GRADIENT_COLORMAP)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(190)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 220)

    def set_view(self, view: StepView | None, current: str | None = None) -> None:
        self.view = view
        self.current = current
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self.update()
        super().changeEvent(event)

    # -- drawing ---------------------------------------------------------------------

    def _boxes(self, nodes: list[LayerNode], fm: QFontMetrics, top: float) -> dict[str, QRectF]:
        """One row of boxes: x, the layers, the loss, and t after it (its arrow points
        back at the loss), so the space under the boxes is the heat maps' alone."""
        row = [n for n in nodes if n.key != "t"] + [n for n in nodes if n.key == "t"]
        widths = [max(fm.horizontalAdvance(node_title(n)) + 14, 34) for n in row]
        gap_total = self.width() - 8 - sum(widths)
        gap = max(14.0, gap_total / max(1, len(row) - 1))
        scale = min(1.0, (self.width() - 8 - gap * (len(row) - 1)) / sum(widths))
        boxes, x = {}, 4.0
        h = fm.height() + 10
        for n, w in zip(row, widths, strict=True):
            w *= scale
            boxes[n.key] = QRectF(x, top, w, h)
            x += w + gap
        return boxes

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        t = theme.current()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(t.graph_background))
        if self.view is None:
            p.setPen(QColor(t.node_muted))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, _tr("No step yet"))
            return
        font = QFont(self.font())
        p.setFont(font)
        fm = QFontMetrics(font)
        small = QFont(font)
        small.setPointSizeF(max(6.5, font.pointSizeF() * 0.82))
        fm_small = QFontMetrics(small)
        boxes = self._boxes(self.view.nodes, fm, fm_small.height() + 4)

        # arrows, each labelled with the shape that flows along it
        edge_pen = QPen(QColor(t.edge), 1.4)
        for node in self.view.nodes:
            for src in node.inputs:
                a, b = boxes.get(src), boxes.get(node.key)
                if a is None or b is None:
                    continue
                p.setPen(edge_pen)
                y = a.center().y()
                if a.left() > b.left():  # t, after the loss: the arrow points back
                    left, right = b.right(), a.left()
                    p.drawLine(int(left), int(y), int(right), int(y))
                    self._arrow_head(p, (left, y), left_pointing=True, color=QColor(t.edge))
                else:
                    left, right = a.right(), b.left()
                    p.drawLine(int(left), int(y), int(right), int(y))
                    self._arrow_head(p, (right, y), color=QColor(t.edge))
                shape = next(n for n in self.view.nodes if n.key == src).output_shape
                p.setFont(small)
                p.setPen(QColor(t.node_muted))
                text = shape_text(shape)
                tw = fm_small.horizontalAdvance(text)
                if tw <= right - left + 6:
                    mid = (left + right) / 2
                    p.drawText(int(mid - tw / 2), int(a.bottom() + fm_small.ascent() + 2), text)
                p.setFont(font)

        # boxes
        for node in self.view.nodes:
            r = boxes.get(node.key)
            if r is None:
                continue
            fill, border = {
                "data": t.node_input,
                "linear": t.node_function,
                "activation": t.node_intermediate,
                "loss": t.node_output,
            }[node.kind]
            if node.key == self.current:
                fill, border = t.current_fill, t.current_border
            path = QPainterPath()
            path.addRoundedRect(r, 5, 5)
            p.fillPath(path, QColor(fill))
            p.setPen(QPen(QColor(border), 2.2 if node.key == self.current else 1.2))
            p.drawPath(path)
            p.setPen(QColor(t.node_text))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, node_title(node))

        # the loss's value beside it, the gradients' heat maps under each layer
        # the loss's value above its box, right-aligned with it
        loss_box = boxes.get("loss")
        if loss_box is not None:
            p.setFont(small)
            p.setPen(QColor(t.grad_text))
            text = "L = " + short(self.view.loss)
            tw = fm_small.horizontalAdvance(text)
            p.drawText(int(loss_box.right() - tw), int(fm_small.ascent() + 1), text)

        # each layer's gradients as heat maps, one under the other, sized to fit
        legend_h = fm_small.height() + 4
        label_h = fm_small.height() + 1
        for node in self.view.nodes:
            r = boxes.get(node.key)
            if r is None or not node.params:
                continue
            y = r.bottom() + fm_small.height() + 6
            grids = [_cells(_as_row(param.grad)) for param in node.params]
            rows = sum(g.shape[0] for g in grids)
            room = self.height() - legend_h - y - len(grids) * (label_h + 5)
            width_room = max(40.0, self._room_right(node, boxes) - r.left() - 4)
            cols = max(g.shape[1] for g in grids)
            cell = int(max(3, min(CELL, room / max(1, rows), width_room / cols)))
            for param, grid in zip(node.params, grids, strict=True):
                y = self._heat_map(p, param, grid, cell, r.left(), y, small, fm_small, t)
        p.setFont(small)
        p.setPen(QColor(t.node_muted))
        p.drawText(4, self.height() - 4, _tr("∂L/∂W: blue < 0 < red, scaled to each one's largest"))
        p.end()

    def _room_right(self, node: LayerNode, boxes: dict[str, QRectF]) -> float:
        """Where the next layer with parameters starts (or the right edge)."""
        later = [
            boxes[n.key].left()
            for n in self.view.nodes
            if n.params and n.key in boxes and boxes[n.key].left() > boxes[node.key].left()
        ]
        return min(later, default=float(self.width()))

    def _arrow_head(
        self, p: QPainter, tip: tuple[float, float], color: QColor, left_pointing: bool = False
    ) -> None:
        x, y = tip
        back = 7 if left_pointing else -7
        path = QPainterPath()
        path.moveTo(x, y)
        path.lineTo(x + back, y - 4)
        path.lineTo(x + back, y + 4)
        path.closeSubpath()
        p.fillPath(path, color)

    def _heat_map(self, p, param, cells, cell, x, y, small, fm_small, t) -> float:
        """∂L/∂W as coloured cells, its name and norm above them; returns the next y."""
        p.setFont(small)
        p.setPen(QColor(t.grad_text))
        label = f"∂L/∂{param.name.split('.')[1]}  ‖g‖ = {short(param.grad_norm, 3)}"
        p.drawText(int(x), int(y + fm_small.ascent()), label)
        y += fm_small.height() + 1
        peak = float(np.max(np.abs(cells))) or 1.0
        colors = self._cmap.map(((cells / peak + 1) / 2).ravel(), mode="qcolor")
        rows, cols = cells.shape
        k = 0
        for i in range(rows):
            for j in range(cols):
                p.fillRect(QRectF(x + j * cell, y + i * cell, cell - 1, cell - 1), colors[k])
                k += 1
        p.setPen(QPen(QColor(t.light_border), 1))
        p.drawRect(QRectF(x - 1, y - 1, cols * cell, rows * cell))
        return y + rows * cell + 5


def _as_row(grad: np.ndarray) -> np.ndarray:
    """A column (n, 1) is drawn as a row, to stay short."""
    grad = np.asarray(grad)
    if grad.ndim == 2 and grad.shape[1] == 1:
        return grad.reshape(1, -1)
    return grad
