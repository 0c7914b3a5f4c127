"""The computational graph the engine recorded, and its backward pass, step by step.

``GraphPanel`` draws the graph of the current formula at the current point: Variables
as rounded cards (name, value, grad), Functions as boxes (their op), left to right by
generation. Below it, step-through controls replay the backward pass one function at a
time: the function just popped is orange, the queue of functions still waiting is
numbered, ``gy`` arriving and ``gx`` leaving are written on the edges, and the text
under the graph writes the local rule out with the numbers plugged in.

With *graph of the sweep* ticked (saved as ``{"sweep": true}`` in the session's
``"graph"`` panel state) it draws instead the graph the plot records over its sweep, at
no more than 50 of its points (``tutor.backward_trace.record_sweep``): shapes on every
edge, arrays as heat strips with their minimum and maximum, and the step-through saying
where ``sum_to`` sums a gradient back to a broadcast input's shape.

Everything shown comes from ``tutor.snapshot`` and ``tutor.backward_trace`` (a snapshot
and a trace of one backward pass), rebuilt from the controller's result on every
change. When only the numbers change (a slider moves), the items are kept and only
their texts are updated.
"""

from __future__ import annotations

import html
import unicodedata
import warnings

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRectF, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStyle,
    QStyleOptionGraphicsItem,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import theme
from gui.i18n import tr_message
from gui.panels.graph.layered_layout import Layout, layered_layout
from gui.panels.graph.semantic_zoom import GROUP_OP, Collapsed, collapse
from gui.widgets.refresh_when_shown import RefreshWhenShown
from gui.widgets.retranslating import Retranslating
from tutor.backward_trace import (
    BackwardTrace,
    TraceState,
    grad_sum_text,
    record_derivative,
    record_expression,
    record_sweep,
    sweep_graph_points,
    value_text,
)
from tutor.evaluation import EvalResult
from tutor.forward_trace import ForwardState, ForwardTrace, record_forward
from tutor.mode_cost import CostComparison, compare
from tutor.nan_origin import NanOrigin, find_origin
from tutor.numbers import array_summary, short
from tutor.snapshot import FunctionNode, GraphSnapshot, Node, VariableNode, shape_text

# Graphs larger than this are not drawn (a 10,000-character formula can record
# thousands of nodes; laying those out on every keystroke would freeze the window).
MAX_DRAWN_NODES = 2500

COLUMN_GAP = 40.0
ROW_GAP = 22.0
QUEUE_CHIPS = 12  # queue entries listed by name under the graph; the rest are counted
READABLE_PX = 11.0  # the smallest text on screen the automatic fit accepts (body text)
DETAIL_PX = 7.5  # below this a card's three lines give way to its name, drawn large
MAX_FIT_SCALE = 1.6  # a small graph is enlarged to use the pane, up to this
ORIENT_NODES = 200  # up to this size, the layout turns top-to-bottom if that fits better
GROUP_NODES = 40  # larger graphs seen whole collapse subexpressions into groups
GROUP_TARGET = 28  # ... until about this many nodes are drawn
GROUP_LABEL_CHARS = 28  # a group's formula text is cut after this many characters
MINIMAP_NODES = 50  # larger graphs get a minimap
# The widest number a card is sized for: array_summary keeps 4 significant digits.
WIDEST_NUMBER = "grad −0.1234"  # wider ones are squeezed, never cut

# An array's value or gradient on a card: a strip of cells (a heat map) between its
# minimum and maximum. Colour maps by name (pyqtgraph's), as the map panel's.
VALUE_COLORMAP = "viridis"  # low to high
GRADIENT_COLORMAP = "CET-D1A"  # diverging: blue below zero, white at zero, red above
STRIP_CELLS = 50  # at most this many cells along a strip (more are averaged in bands)
STRIP_ROWS = 6  # ... and rows, for a 2-D array
STRIP_WIDTH = 52.0  # the strip's width at body size (scaled with the text)
STRIP_NUMBER = "−0.123"  # the widest min / max a strip is sized for (3 digits)
PANEL_KEY = "graph"
MODES = ("reverse", "forward")  # the step-through's mode, saved as {"mode": ...}
EXPLANATION_LINES = (3, 9)  # the explanation takes what its text needs, in this range


def dotted(label: str) -> str:
    """The tangent's name of a variable: ẋ for x, ṫ1 for t1 (a dot over the letter)."""
    if label and label[0].isalpha():
        return unicodedata.normalize("NFC", label[0] + "\u0307") + label[1:]
    return f"d({label})"

# Each role of a variable node, and the function nodes, by the theme's name for them.
_NODE_COLORS = {
    "input": "node_input",
    "constant": "node_constant",
    "intermediate": "node_intermediate",
    "output": "node_output",
    "function": "node_function",
}


def _group_title(node) -> str:
    text = node.label
    if len(text) > GROUP_LABEL_CHARS:
        text = text[: GROUP_LABEL_CHARS - 1].rstrip() + "…"
    return text


def _small(font: QFont, size: float) -> QFont:
    small = QFont(font)
    small.setPointSizeF(size)
    return small


def _monospace(size: float) -> QFont:
    font = QFont("DejaVu Sans Mono")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(size)
    return font


# =============================================================================
# scene items
# =============================================================================


class NodeItem(QGraphicsItem):
    """One node, painted in one go: a Variable card or a Function box.

    Texts and state are plain attributes; setting them calls ``update()`` only when
    something changed, so a slider move costs a few string comparisons per node.
    """

    def __init__(
        self,
        node: Node,
        size: tuple[float, float],
        fonts: dict[str, QFont],
        shapes: bool = False,
        caption_w: float = 0.0,
    ) -> None:
        super().__init__()
        self.node_id = node.id
        self.kind = node.kind
        self.role = node.role if node.kind == "variable" else "function"
        self.w, self.h = size
        self.fonts = fonts
        self.title = node.label if node.kind == "variable" else (node.label or node.symbol)
        self.value_text = ""
        self.grad_text = ""
        self.grad_known = False
        self.state = "normal"  # normal, current, queued, done, fresh
        self.badge = ""
        self.origin = False  # the first node whose result was not finite
        self.origin_text = ""
        self.group = False  # a collapsed subexpression: click to open
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(2)
        self.tooltip_provider = None
        # In a graph of arrays: the shape beside the name, and an array's value and
        # gradient as heat strips (children, so a test can find them) instead of text.
        self.value_strip: HeatStrip | None = None
        self.grad_strip: HeatStrip | None = None
        if shapes and node.kind == "variable":
            self.title = f"{node.label}  {shape_text(node.shape)}"
            if np.ndim(node.data) > 0 and np.size(node.data) > 1:
                rows = self._line_rects()
                for k in (1, 2):
                    r = rows[k]
                    rows[k] = QRectF(r.left() + caption_w + 4, r.top(), r.width() - caption_w - 4,
                                     r.height())  # fmt: skip
                self.value_strip = HeatStrip(self, rows[1], fonts, diverging=False)
                if node.needs_grad:
                    self.grad_strip = HeatStrip(self, rows[2], fonts, diverging=True)

    def _line_rects(self) -> list[QRectF]:
        """The three lines of a card: name, value, gradient."""
        pad = 4.0
        line_h = (self.h - 2 * pad) / 3
        inner = QRectF(-self.w / 2, -self.h / 2, self.w, self.h).adjusted(6, pad, -6, -pad)
        return [
            QRectF(inner.left(), inner.top() + k * line_h, inner.width(), line_h)
            for k in range(3)
        ]

    def set_arrays(self, value: np.ndarray | None, grad: np.ndarray | None) -> None:
        """An array card's value and gradient (None: not reached yet)."""
        if self.value_strip is not None:
            self.value_strip.set_data(value)
        if self.grad_strip is not None:
            self.grad_strip.set_data(grad)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        pad = 4.0
        top = self._px("badge") + 6  # room for the queue or NaN badge
        return QRectF(-self.w / 2 - pad, -self.h / 2 - top, self.w + 2 * pad, self.h + top + pad)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(QRectF(-self.w / 2, -self.h / 2, self.w, self.h))
        return path

    def set_texts(self, value: str, grad: str, grad_known: bool) -> None:
        if (value, grad, grad_known) != (self.value_text, self.grad_text, self.grad_known):
            self.value_text, self.grad_text, self.grad_known = value, grad, grad_known
            self.update()

    def set_state(self, state: str, badge: str = "") -> None:
        if (state, badge) != (self.state, self.badge):
            self.state, self.badge = state, badge
            self.update()

    def set_origin(self, origin: bool, text: str = "") -> None:
        if (origin, text) != (self.origin, self.origin_text):
            self.origin, self.origin_text = origin, text
            self.update()

    def _px(self, font: str) -> float:
        """The height of ``font``'s text in scene units (its pixel size at zoom 1)."""
        return QFontMetricsF(self.fonts[font]).height()

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.tooltip_provider is not None:
            self.setToolTip(self.tooltip_provider(self.node_id))
        super().hoverEnterEvent(event)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        rect = QRectF(-self.w / 2, -self.h / 2, self.w, self.h)
        t = theme.current()
        fill, border = (QColor(c) for c in getattr(t, _NODE_COLORS[self.role]))
        width = 1.2
        style = Qt.PenStyle.SolidLine
        if self.kind == "function":
            if self.state == "current":
                fill, border, width = t.color("current_fill"), t.color("current_border"), 2.6
            elif self.state == "queued":
                border, width, style = t.color("queued_border"), 2.0, Qt.PenStyle.DashLine
            elif self.state == "done":
                fill, border = t.color("done_fill"), t.color("done_border")
        elif self.state == "fresh":
            border, width = t.color("fresh_border"), 2.6
        if self.origin:
            border, width, style = t.color("error"), 3.4, Qt.PenStyle.SolidLine
        if self.isSelected():
            border, width, style = t.color("selection"), 3.0, Qt.PenStyle.SolidLine
        pen = QPen(border, width, style)
        pen.setCosmetic(lod < 0.5)
        painter.setPen(pen)
        painter.setBrush(QBrush(fill))
        if self.kind == "variable":
            painter.drawRoundedRect(rect, 12, 12)
        elif self.group:  # a stack of boxes: there is more inside
            painter.drawRect(rect.translated(4, 4))
            painter.drawRect(rect)
        else:
            painter.drawRect(rect)
        if widget is not None and isinstance(widget.parentWidget(), Minimap):
            return  # the minimap is a map of boxes; the main view writes their names
        if self.origin:
            self._paint_origin_badge(painter, t)
        if lod * self._px("value") < DETAIL_PX:
            # Too small for three lines: the name alone, as large as the box allows, so
            # that no box is ever drawn without text.
            painter.setFont(self.fonts["symbol"])
            painter.setPen(t.color("node_text"))
            self._draw_fitted(painter, rect.adjusted(3, 2, -3, -2), self.title, "symbol", big=True)
            return

        if self.kind == "function":
            painter.setFont(self.fonts["symbol"])
            painter.setPen(t.color("node_text" if self.state != "done" else "node_muted"))
            self._draw_fitted(painter, rect.adjusted(3, 0, -3, 0), self.title, "symbol")
            if self.badge and not self.origin:
                painter.setFont(self.fonts["badge"])
                fm = QFontMetricsF(self.fonts["badge"])
                bw = fm.horizontalAdvance(self.badge) + 8
                bh = fm.height() + 1
                badge = QRectF(-bw / 2, -self.h / 2 - bh - 2, bw, bh)
                painter.setPen(Qt.PenStyle.NoPen)
                queued = self.state == "queued"
                painter.setBrush(t.color("queued_fill" if queued else "popped_fill"))
                painter.drawRoundedRect(badge, 6, 6)
                painter.setPen(t.color("queued_text" if queued else "current_border"))
                painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.badge)
            return

        r1, r2, r3 = self._line_rects()
        painter.setFont(self.fonts["title"])
        painter.setPen(
            QColor(getattr(t, _NODE_COLORS[self.role])[1]).darker(130)
            if self.role != "intermediate"
            else t.color("node_muted")
        )
        self._draw_fitted(painter, r1, self.title, "title")
        if self.value_strip is not None:  # an array: captions left of the heat strips
            painter.setFont(self.fonts["value"])
            painter.setPen(t.color("node_text"))
            left = self.value_strip.rect.left() - 4 - r2.left()
            flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(QRectF(r2.left(), r2.top(), left, r2.height()), flags,
                             self.value_text)  # fmt: skip
            if self.grad_strip is not None:
                painter.setPen(t.color("grad_text" if self.grad_known else "node_muted"))
                painter.drawText(QRectF(r3.left(), r3.top(), left, r3.height()), flags,
                                 self.grad_text)  # fmt: skip
            return
        painter.setFont(self.fonts["value"])
        painter.setPen(t.color("node_text"))
        self._draw_fitted(painter, r2, self.value_text, "value")
        if self.grad_text:  # a constant has none: nobody needs its gradient
            bold = self.state == "fresh"
            painter.setFont(self.fonts["grad_bold"] if bold else self.fonts["value"])
            painter.setPen(t.color("grad_text" if self.grad_known else "node_muted"))
            self._draw_fitted(painter, r3, self.grad_text, "grad_bold" if bold else "value")

    def _draw_fitted(
        self, painter: QPainter, rect: QRectF, text: str, font: str, big: bool = False
    ) -> None:
        """``text`` centred in ``rect``, whole: squeezed sideways if it is too wide, never
        cut short (an exported picture must show every digit). ``big`` scales it up to
        fill the rectangle (the name of a node seen from far away)."""
        fm = QFontMetricsF(self.fonts[font])
        w, h = fm.horizontalAdvance(text), fm.height()
        if w <= 0:
            return
        sx = sy = 1.0
        if big:
            sy = min(rect.height() / h, rect.width() / w)
            sx = sy
        elif w > rect.width():
            sx = rect.width() / w
        painter.save()
        painter.translate(rect.center())
        painter.scale(sx, sy)
        painter.drawText(QRectF(-w / 2 - 2, -h / 2, w + 4, h), Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def _paint_origin_badge(self, painter: QPainter, t) -> None:
        """A tag over the node: its value (or gradient) was the first not finite."""
        painter.setFont(self.fonts["badge"])
        fm = QFontMetricsF(self.fonts["badge"])
        text = self.origin_text or "NaN"
        bw = fm.horizontalAdvance(text) + 10
        bh = fm.height() + 2
        badge = QRectF(-bw / 2, -self.h / 2 - bh - 2, bw, bh)
        painter.setPen(QPen(t.color("error"), 1.6))
        painter.setBrush(t.color("edge_label_fill"))
        painter.drawRoundedRect(badge, 6, 6)
        painter.setPen(t.color("error"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


def _strip_cells(a: np.ndarray) -> np.ndarray:
    """``a`` as a 2-D grid of at most STRIP_ROWS × STRIP_CELLS (a vector is one row)."""
    a = np.asarray(a, dtype=np.float64)
    a = a.reshape(1, -1) if a.ndim <= 1 else a.reshape(-1, a.shape[-1])
    for axis, limit in ((0, STRIP_ROWS), (1, STRIP_CELLS)):
        n = a.shape[axis]
        if n > limit:
            bands = np.array_split(np.arange(n), limit)
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # a band of NaN only
                a = np.stack([np.nanmean(a.take(b, axis=axis), axis=axis) for b in bands], axis)
    return a


class HeatStrip(QGraphicsItem):
    """An array on a card: its minimum, a strip of coloured cells, its maximum.

    ``vmin`` and ``vmax`` are the array's (NaN ignored); ``data`` the array itself (None:
    no gradient yet, drawn as a dash). A value runs low to high through a sequential
    colour map; a gradient (``diverging``) through a diverging one centred at 0, so
    its sign reads at a glance. NaN and ∞ cells are drawn in the theme's error colour.
    """

    def __init__(self, parent: QGraphicsItem, rect: QRectF, fonts: dict[str, QFont],
                 diverging: bool) -> None:  # fmt: skip
        super().__init__(parent)
        self.rect = rect
        self.fonts = fonts
        self.diverging = diverging
        self.data: np.ndarray | None = None
        self.vmin = self.vmax = float("nan")
        self._cells: np.ndarray | None = None
        self._image: QImage | None = None  # one pixel per cell, scaled when painted
        self._rgba: np.ndarray | None = None  # the image's memory
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_data(self, data: np.ndarray | None) -> None:
        if data is self.data:
            return
        old, self.data = self.data, data
        if (
            data is not None
            and old is not None
            and np.shape(data) == np.shape(old)
            and np.array_equal(data, old, equal_nan=True)
        ):
            return  # the same numbers (a slider that moved another input): nothing to redo
        if data is None or np.size(data) == 0:
            self._cells, self._image, self._rgba = None, None, None
            self.vmin = self.vmax = float("nan")
            self.update()
            return
        a = np.asarray(data, dtype=np.float64)
        finite = a[np.isfinite(a)]
        self.vmin = float(np.min(finite)) if finite.size else float("nan")
        self.vmax = float(np.max(finite)) if finite.size else float("nan")
        cells = _strip_cells(a)
        self._cells = cells
        ok = np.isfinite(cells)
        if self.diverging:
            peak = max(abs(self.vmin), abs(self.vmax)) if finite.size else 0.0
            t = (cells / peak + 1) / 2 if peak > 0 else np.full(cells.shape, 0.5)
        else:
            span = self.vmax - self.vmin
            t = (cells - self.vmin) / span if span > 0 else np.full(cells.shape, 0.5)
        t = np.clip(np.where(ok, t, 0.5), 0.0, 1.0)
        cmap = pg.colormap.get(GRADIENT_COLORMAP if self.diverging else VALUE_COLORMAP)
        rows, cols = cells.shape
        # one numpy lookup and one image: cheap enough for every slider move
        self._rgba = np.ascontiguousarray(cmap.map(t.ravel(), mode="byte").reshape(rows, cols, 4))
        self._image = QImage(self._rgba.data, cols, rows, cols * 4, QImage.Format.Format_RGBA8888)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if widget is not None and isinstance(widget.parentWidget(), Minimap):
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        font = self.fonts["value"]
        fm = QFontMetricsF(font)
        if lod * fm.height() < DETAIL_PX:
            return  # the card shows its name alone from this far
        t = theme.current()
        painter.setFont(font)
        r = self.rect
        if self._cells is None:
            painter.setPen(t.color("node_muted"))
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "—")
            return
        number_w = fm.horizontalAdvance(STRIP_NUMBER)
        left = QRectF(r.left(), r.top(), number_w, r.height())
        right = QRectF(r.right() - number_w, r.top(), number_w, r.height())
        painter.setPen(t.color("node_text"))
        _draw_squeezed(painter, fm, left, short(self.vmin, 3), Qt.AlignmentFlag.AlignRight)
        _draw_squeezed(painter, fm, right, short(self.vmax, 3), Qt.AlignmentFlag.AlignLeft)
        strip = QRectF(left.right() + 4, r.top() + 2, right.left() - left.right() - 8,
                       r.height() - 4)  # fmt: skip
        rows, cols = self._cells.shape
        cw, ch = strip.width() / cols, strip.height() / rows
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp cells
        painter.drawImage(strip, self._image)
        painter.restore()
        error = t.color("error")
        for i, j in zip(*np.nonzero(~np.isfinite(self._cells)), strict=True):
            painter.fillRect(QRectF(strip.left() + j * cw, strip.top() + i * ch, cw, ch), error)
        pen = QPen(t.color("node_muted"), 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(strip)


def _draw_squeezed(painter: QPainter, fm: QFontMetricsF, rect: QRectF, text: str, align) -> None:
    """``text`` in ``rect``, squeezed sideways if too wide (never cut)."""
    w = fm.horizontalAdvance(text)
    if w <= rect.width():
        painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)
        return
    painter.save()
    painter.translate(rect.left(), rect.top())
    painter.scale(rect.width() / w, 1.0)
    painter.drawText(QRectF(0, 0, w, rect.height()), Qt.AlignmentFlag.AlignVCenter, text)
    painter.restore()


class EdgeLabel(QGraphicsItem):
    """A small pill on an edge: ``gy = 1`` arriving or ``gx = 0.878`` leaving."""

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self.font = font
        self.text = ""
        self.color = theme.current().color("gx_edge")
        self.setZValue(5)
        self._rect = QRectF()

    def set(self, text: str, color: QColor, at: QPointF) -> None:
        fm = QFontMetricsF(self.font)
        w, h = fm.horizontalAdvance(text) + 8, fm.height() + 2
        if text != self.text or w != self._rect.width():
            self.prepareGeometryChange()
            self.text = text
            self._rect = QRectF(-w / 2, -h / 2, w, h)
        self.color = color
        self.setPos(at)
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(self.color, 1.2))
        painter.setBrush(theme.current().color("edge_label_fill"))
        painter.drawRoundedRect(self._rect, 7, 7)
        painter.setFont(self.font)
        painter.setPen(self.color.darker(115))
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter, self.text)


def _route_path(points: list[tuple[float, float]], vertical: bool = False) -> QPainterPath:
    """A smooth curve through the route's points, leaving and arriving along the flow
    (horizontally, or vertically in a top-to-bottom layout)."""
    path = QPainterPath(QPointF(*points[0]))
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        if vertical:
            dy = (y1 - y0) / 2
            path.cubicTo(QPointF(x0, y0 + dy), QPointF(x1, y1 - dy), QPointF(x1, y1))
        else:
            dx = (x1 - x0) / 2
            path.cubicTo(QPointF(x0 + dx, y0), QPointF(x1 - dx, y1), QPointF(x1, y1))
    # an open chevron at the end: arrows show which way values flow
    x, y = points[-1]
    if vertical:
        path.moveTo(x - 4, y - 7)
        path.lineTo(x, y)
        path.lineTo(x + 4, y - 7)
    else:
        path.moveTo(x - 7, y - 4)
        path.lineTo(x, y)
        path.lineTo(x - 7, y + 4)
    return path


def _route_label_point(
    points: list[tuple[float, float]], near_end: bool, vertical: bool = False
) -> QPointF:
    """Where an edge's label goes: on the curve's first (or last) segment.

    Midway for an ordinary edge; close to the function for a steep one, so the label
    stays next to the function it belongs to.
    """
    if vertical:  # the same curve with x and y exchanged
        p = _route_label_point([(y, x) for x, y in points], near_end)
        return QPointF(p.y(), p.x())
    (x0, y0), (x1, y1) = (points[-2], points[-1]) if near_end else (points[0], points[1])
    t = 0.5
    if abs(y1 - y0) > 120:
        t = 0.85 if near_end else 0.15
    # the segment is the cubic of _route_path: controls halfway across, at each end's y
    u = 1 - t
    sx = 1.5 * u * u * t + 1.5 * u * t * t + t**3
    sy = 3 * u * t * t + t**3
    return QPointF(x0 + (x1 - x0) * sx, y0 + (y1 - y0) * sy)


class Minimap(QGraphicsView):
    """The whole graph in a corner, with the part the main view shows outlined; a click
    or a drag there moves the main view."""

    def __init__(self, main: QGraphicsView) -> None:
        super().__init__(main.scene(), main)
        self.main = main
        self.setObjectName("graphMinimap")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setFixedSize(170, 120)
        self.setRenderHints(QPainter.RenderHint.Antialiasing)

    def refit(self) -> None:
        self.fitInView(self.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        shown = self.main.mapToScene(self.main.viewport().rect()).boundingRect()
        pen = QPen(theme.current().color("selection"), 2)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(shown)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.main.centerOn(self.mapToScene(event.position().toPoint()))
        self.viewport().update()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.buttons():
            self.mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # arrows pan the main view, a screen-width at a time
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0),
                 Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}  # fmt: skip
        if event.key() in steps:
            dx, dy = steps[event.key()]
            shown = self.main.mapToScene(self.main.viewport().rect()).boundingRect()
            c = shown.center()
            self.main.centerOn(c.x() + dx * shown.width() / 2, c.y() + dy * shown.height() / 2)
            self.viewport().update()
            return
        super().keyPressEvent(event)


class GraphView(QGraphicsView):
    """Zoom with the wheel, pan by dragging, ``fit()`` to see everything."""

    sigUserZoomed = Signal()
    sigWheelZoom = Signal(float, QPointF)  # factor, the scene point under the mouse

    def __init__(self, scene: QGraphicsScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("graphView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundBrush(theme.current().color("graph_background"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(160)
        self.key_handler = None
        # Dragging pans; scroll bars would only take room from the graph.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.minimap = Minimap(self)
        self.minimap.hide()
        self.minimap_wanted = False  # the panel's call: a graph large enough for one
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.valueChanged.connect(self.minimap.viewport().update)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        m = self.minimap
        m.move(self.width() - m.width() - 6, self.height() - m.height() - 6)
        self.sync_minimap()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 - Qt's name
        super().scrollContentsBy(dx, dy)
        self.sync_minimap()

    def sync_minimap(self) -> None:
        """Shown for a large graph while part of it is out of view (it would only
        cover a graph that is seen whole)."""
        if self.scene() is None:  # being torn down
            return
        items = self.scene().itemsBoundingRect().adjusted(4, 4, -4, -4)
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        want = self.minimap_wanted and not shown.contains(items)
        if want != self.minimap.isVisible():
            self.minimap.setVisible(want)
            if want:
                self.minimap.raise_()
                self.minimap.refit()
        self.minimap.viewport().update()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        super().drawForeground(painter, rect)
        if self.minimap.isVisible():
            self.minimap.viewport().update()  # its outline follows every zoom and pan

    def zoom(self, factor: float) -> None:
        current = self.transform().m11()
        factor = max(0.02 / current, min(4.0 / current, factor))
        self.scale(factor, factor)
        self.sync_minimap()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # The panel's keys (arrows step, Space plays) come before QGraphicsView's own
        # use of them (scrolling).
        if self.key_handler is not None and self.key_handler(event):
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt's name
        delta = event.angleDelta().y()
        if delta:
            factor = 1.15 ** (delta / 120)
            self.zoom(factor)
            self.sigUserZoomed.emit()
            self.sigWheelZoom.emit(factor, self.mapToScene(event.position().toPoint()))
        event.accept()

    def fit(
        self,
        min_scale: float = 0.0,
        focus: QPointF | None = None,
        max_scale: float = MAX_FIT_SCALE,
        start: QRectF | None = None,
        vertical: bool = False,
    ) -> None:
        """Show the whole graph, filling the pane: a small graph is enlarged up to
        ``max_scale``.

        With ``min_scale``, never zoom out further than that (text stays readable); if
        the graph is then too large, the view centers on ``focus`` instead, or without
        one starts where the graph starts: ``start`` (the inputs' cards) at the top of
        a top-to-bottom layout (``vertical``), at the left of a left-to-right one.
        """
        rect = self.scene().itemsBoundingRect().adjusted(-12, -12, 12, 12)
        if rect.isEmpty():
            return
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if scale > max_scale or scale < min_scale:
            self.resetTransform()
            scale = min(max_scale, max(scale, min_scale))
            self.scale(scale, scale)
            self.centerOn(rect.center())
            if focus is not None and scale <= min_scale:
                self.centerOn(focus)
            elif start is not None and scale <= min_scale:
                self.centerOn(self._start_center(rect, start, vertical))
        self.sync_minimap()

    def _start_center(self, rect: QRectF, start: QRectF, vertical: bool) -> QPointF:
        """The view's centre that puts the graph's first layer at its top (or left)
        edge, across centred on the inputs, never past the graph's other edge."""
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        w, h = shown.width(), shown.height()

        def along(lo: float, hi: float, size: float) -> float:  # the start edge in view
            return lo + size / 2 if size < hi - lo else (lo + hi) / 2

        def across(lo: float, hi: float, size: float, at: float) -> float:
            if size >= hi - lo:
                return (lo + hi) / 2
            return min(max(at, lo + size / 2), hi - size / 2)

        if vertical:
            return QPointF(across(rect.left(), rect.right(), w, start.center().x()),
                           along(rect.top(), rect.bottom(), h))  # fmt: skip
        return QPointF(along(rect.left(), rect.right(), w),
                       across(rect.top(), rect.bottom(), h, start.center().y()))  # fmt: skip


# =============================================================================
# the panel
# =============================================================================


class GraphPanel(Retranslating, RefreshWhenShown, QWidget):
    """The graph view with step-through controls and the explanation under it.

    Reads the controller's result; never changes the document. Keyboard (when the
    panel has focus): ← / → step, Space play/pause, Home reset, End finish, F fit.

    Linked to the formula field through the controller, never directly: the field's
    cursor (``sigFormulaCursorMoved``) selects the node there (``select_at``), and the
    parts of the formula the selected node comes from go to
    ``controller.set_selection`` — none while nothing is selected or the panel is hidden.
    """

    sigStepChanged = Signal(int)

    def __init__(self, controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.controller = controller
        self.trace: BackwardTrace | None = None
        self.snapshot: GraphSnapshot | None = None
        self.layout_result: Layout | None = None
        self.step = 0
        self.state: TraceState | None = None
        self.items: dict[int, NodeItem] = {}
        self.edge_items: list[QGraphicsPathItem] = []
        self.labels: list[EdgeLabel] = []
        self._structure = None
        self.collapsed: Collapsed | None = None
        self.expanded: set[int] = set()  # groups the learner opened
        self._semantic = True  # collapse a large graph into groups (until zoomed in)
        self._forward_size = 0
        self._dirty = True
        self._view_mode = "auto"  # auto: readable fit; all: whole graph; user: wheel zoom
        self._syncing_selection = False
        self._result: EvalResult | None = None
        self._shapes = False  # the graph drawn has arrays: shapes on edges, heat strips
        self._sweep_shown: tuple[str, int, int] | None = None  # (variable, drawn, points)
        self.shape_labels: dict[int, EdgeLabel] = {}

        self.fonts: dict[str, QFont] = {}
        self._make_fonts()
        base = self._base_points()
        self._style_key = ((base, self.font().family()), theme.current())

        # -- the formula, linked to the graph ------------------------------------
        self.expression_view = QPlainTextEdit(self)
        self.expression_view.setObjectName("graphExpression")
        self.expression_view.setReadOnly(True)
        self.expression_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.expression_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.expression_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.expression_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.expression_view.setFont(_monospace(base * 1.1))
        fm = self.expression_view.fontMetrics()
        self.expression_view.setFixedHeight(fm.height() + 14)
        self.expression_view.cursorPositionChanged.connect(self._on_expression_cursor_moved)

        # -- controls ---------------------------------------------------------------
        def button(name: str, icon=None) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            if icon is not None:
                b.setIcon(self.style().standardIcon(icon))
            b.setAutoRaise(False)
            return b

        sp = QStyle.StandardPixmap
        self.reset_button = button("graphReset", sp.SP_MediaSkipBackward)
        self.back_button = button("graphBack", sp.SP_MediaSeekBackward)
        self.play_button = button("graphPlay", sp.SP_MediaPlay)
        self.forward_button = button("graphForward", sp.SP_MediaSeekForward)
        self.end_button = button("graphEnd", sp.SP_MediaSkipForward)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.speed_slider.setObjectName("graphSpeed")
        self.speed_slider.setRange(1, 10)
        self.speed_slider.setValue(4)
        self.speed_slider.setFixedWidth(70)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("graphStepLabel")
        self.step_label.setMinimumWidth(90)
        self.fit_button = button("graphFit")
        self.origin_button = button("graphNanOrigin", sp.SP_MessageBoxWarning)
        self.origin_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.origin_button.setVisible(False)
        self.origin: NanOrigin | None = None

        self.derivative_check = QCheckBox(self)
        self.derivative_check.setObjectName("graphDerivativeToggle")
        self.derivative_var = QComboBox(self)
        self.derivative_var.setObjectName("graphDerivativeVariable")
        self.derivative_var.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sweep_check = QCheckBox(self)
        self.sweep_check.setObjectName("graphSweepToggle")
        # Reverse or forward mode (saved as {"mode": "forward", "direction": "x"}).
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("graphModeSelect")
        self.mode_combo.addItems(["", ""])  # texts in retranslate
        self.direction_caption = QLabel(self)
        self.direction_caption.setProperty("class", "muted")
        self.direction_combo = QComboBox(self)
        self.direction_combo.setObjectName("graphDirection")
        self.direction_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.direction_caption.setBuddy(self.direction_combo)
        self.cost_label = QLabel(self)  # forward mode: both modes' passes and operations
        self.cost_label.setObjectName("graphModeCost")
        self.cost_label.setWordWrap(True)
        self.cost_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cost_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.cost_label.setVisible(False)
        self.cost: CostComparison | None = None
        self._cost_key = None
        self.count_label = QLabel(self)  # put over the graph's top left corner, below
        self.count_label.setObjectName("graphNodeCount")
        self.count_label.setProperty("class", "muted")

        controls = QHBoxLayout()
        controls.setSpacing(3)
        for w in (self.reset_button, self.back_button, self.play_button, self.forward_button,
                  self.end_button):  # fmt: skip
            controls.addWidget(w)
        controls.addSpacing(4)
        self.speed_caption = QLabel(self)
        self.speed_caption.setProperty("class", "muted")
        controls.addWidget(self.speed_caption)
        controls.addWidget(self.speed_slider)
        controls.addSpacing(6)
        controls.addWidget(self.step_label)
        controls.addStretch(1)
        controls.addWidget(self.origin_button)
        controls.addWidget(self.fit_button)

        options = QHBoxLayout()
        options.setSpacing(4)
        options.addWidget(self.derivative_check)
        options.addWidget(self.derivative_var)
        options.addSpacing(8)
        options.addWidget(self.sweep_check)
        options.addStretch(1)

        # -- the graph --------------------------------------------------------------
        self.scene = QGraphicsScene(self)
        self.view = GraphView(self.scene, self)
        self.view.sigUserZoomed.connect(self._on_view_user_zoomed)
        self.view.sigWheelZoom.connect(self._on_view_wheel_zoom)
        # The node count (and for the sweep's graph, at how many points it was recorded)
        # over the graph's corner: the row of choices above has no room left in a
        # narrow pane, and the graph's margin has.
        self.count_label.setParent(self.view)
        self.count_label.move(6, 4)
        self._style_count_label()
        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.empty_text = QGraphicsSimpleTextItem()
        self.empty_text.setBrush(theme.current().color("node_muted"))

        # -- the explanation ----------------------------------------------------------
        self.explanation = QLabel(self)
        self.explanation.setObjectName("graphExplanation")
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        # As high as its text needs within EXPLANATION_LINES, scrolling beyond: the
        # graph gets the rest of the pane.
        self.explanation_area = QScrollArea(self)
        self.explanation_area.setObjectName("graphExplanationArea")
        self.explanation_area.setWidget(self.explanation)
        self.explanation_area.setWidgetResizable(True)
        self.explanation_area.setFrameShape(QFrame.Shape.NoFrame)
        self.explanation_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._set_explanation_height()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)
        formula_row = QHBoxLayout()
        formula_row.setSpacing(6)
        self.f_caption = QLabel(self)
        self.f_caption.setFont(_monospace(base * 1.1))
        formula_row.addWidget(self.f_caption)
        formula_row.addWidget(self.expression_view, 1)
        # the mode on a row of its own: the rows below have no room left in a narrow pane
        mode_row = QHBoxLayout()
        mode_row.setSpacing(4)
        mode_row.addWidget(self.mode_combo)
        mode_row.addSpacing(4)
        mode_row.addWidget(self.direction_caption)
        mode_row.addWidget(self.direction_combo)
        mode_row.addStretch(1)
        layout.addLayout(formula_row)
        layout.addLayout(mode_row)
        layout.addLayout(controls)
        layout.addLayout(options)
        layout.addWidget(self.cost_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.explanation_area)

        # -- wiring -------------------------------------------------------------------
        self.play_timer = QTimer(self)
        self.play_timer.timeout.connect(self._on_play_timer_timeout)
        self.reset_button.clicked.connect(self.reset)
        self.back_button.clicked.connect(self.step_back)
        self.forward_button.clicked.connect(self.step_forward)
        self.end_button.clicked.connect(self.finish)
        self.play_button.clicked.connect(self.toggle_play)
        self.fit_button.clicked.connect(self.fit)
        self.origin_button.clicked.connect(self.go_to_origin)
        self.speed_slider.valueChanged.connect(self._on_speed_changed)
        self.derivative_check.toggled.connect(self._on_derivative_toggled)
        self.derivative_var.currentTextChanged.connect(self._on_derivative_variable_changed)
        self.sweep_check.setChecked(self._sweep_state())
        self.sweep_check.toggled.connect(self._on_sweep_toggled)
        self._sync_mode_widgets()
        self.mode_combo.currentIndexChanged.connect(self._on_mode_chosen)
        self.direction_combo.currentIndexChanged.connect(self._on_direction_chosen)
        controller.sigPanelStateChanged.connect(self._on_controller_panel_state_changed)
        self._keys = {
            Qt.Key.Key_Left: self.step_back,
            Qt.Key.Key_Right: self.step_forward,
            Qt.Key.Key_Space: self.toggle_play,
            Qt.Key.Key_Home: self.reset,
            Qt.Key.Key_End: self.finish,
            Qt.Key.Key_F: self.fit,
        }
        self.view.key_handler = self.handle_key
        # The same steps from anywhere in the window while the graph is shown (bare
        # arrows belong to the focused slider or text field; these do not clash).
        self.actions_by_name: dict[str, QAction] = {}
        for name, keys, slot in (
            ("graphActionBack", "Alt+Left", self.step_back),
            ("graphActionForward", "Alt+Right", self.step_forward),
            ("graphActionReset", "Alt+Home", self.reset),
            ("graphActionEnd", "Alt+End", self.finish),
            ("graphActionPlay", "Ctrl+Shift+Space", self.toggle_play),
            ("graphActionFit", "Alt+0", self.fit),
            ("graphActionOrigin", "Alt+N", self.go_to_origin),
            ("graphActionMode", "Alt+M", self.toggle_mode),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            self.addAction(action)
            self.actions_by_name[name] = action
        self._on_speed_changed(self.speed_slider.value())
        self._set_fixed_texts()

        controller.sigResultChanged.connect(self._on_controller_result_changed)
        controller.sigFormulaCursorMoved.connect(self.select_at)
        self._on_controller_result_changed(controller.result)

    def _base_points(self) -> float:
        """The body text's size in points (the window's zoom changes it)."""
        size = self.font().pointSizeF()
        if size <= 0:  # a font set in pixels
            size = self.font().pixelSize() * 72.0 / max(1.0, self.logicalDpiY())
        return size if size > 0 else 9.0

    def _make_fonts(self) -> None:
        """The scene's fonts, all derived from the widget's: body size for every text a
        learner reads, a little smaller for badges and edge labels only."""
        base = self._base_points()
        title = QFont(self.font())
        title.setBold(True)
        symbol = QFont(self.font())
        symbol.setBold(True)
        symbol.setPointSizeF(base * 1.1)
        value = _monospace(base)
        grad_bold = _monospace(base)
        grad_bold.setBold(True)
        badge = QFont(self.font())
        badge.setPointSizeF(base * 0.9)
        badge.setBold(True)
        self.fonts.clear()
        self.fonts.update(title=title, symbol=symbol, value=value, grad_bold=grad_bold,
                          badge=badge, label=_small(self.font(), base * 0.95))  # fmt: skip

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.PaletteChange) and hasattr(self, "view"):
            # A window zoom (font) or a theme change (palette). Redrawn after the event:
            # it may arrive while the window is being painted, when items must stay.
            QTimer.singleShot(0, self, self._restyle)

    def _restyle(self) -> None:
        """Fonts from the widget's font, colours from theme.current(): rebuild if changed."""
        fonts = (self._base_points(), self.font().family())
        colors = theme.current()
        if (fonts, colors) == getattr(self, "_style_key", None):
            return
        self._style_key = (fonts, colors)
        self._make_fonts()
        self.view.setBackgroundBrush(colors.color("graph_background"))
        self._style_count_label()
        self._structure = None
        self._dirty = True
        if self.isVisible() and self._result is not None:
            step = self.step
            self.refresh()
            self.set_step(step)
            self._fit_view()

    def retranslate(self) -> None:
        """The language changed: the fixed texts, and the scene's words (gen, now, grad)."""
        self._set_fixed_texts()
        self._structure = None
        self._dirty = True
        if self.isVisible():
            step = self.step
            self.refresh()
            self.set_step(step)

    def _set_fixed_texts(self) -> None:
        self.f_caption.setText(self.tr("f ="))
        self.expression_view.setToolTip(
            self.tr(
                "Click in the formula to find its part of the graph; "
                "select a node to see where it comes from."
            )
        )
        def keys(name: str) -> str:
            seq = self.actions_by_name[name].shortcut()
            return seq.toString(QKeySequence.SequenceFormat.NativeText)

        for widget, name, tip, action in (
            (self.reset_button, self.tr("Reset"),
             self.tr("Reset: start the backward pass"), "graphActionReset"),
            (self.back_button, self.tr("Step back"), self.tr("Step back"), "graphActionBack"),
            (self.play_button, self.tr("Play or pause"), self.tr("Play / pause"),
             "graphActionPlay"),
            (self.forward_button, self.tr("Step forward"), self.tr("Step forward"),
             "graphActionForward"),
            (self.end_button, self.tr("Finish"), self.tr("Finish the backward pass"),
             "graphActionEnd"),
            (self.fit_button, self.tr("Fit the graph"), self.tr("Show the whole graph"),
             "graphActionFit"),
            (self.origin_button, self.tr("Go to where the NaN began"),
             self.tr("Go to the first operation whose result was not finite"),
             "graphActionOrigin"),
        ):  # fmt: skip
            widget.setAccessibleName(name)
            widget.setToolTip(f"{tip} ({keys(action)})")
            self.actions_by_name[action].setText(name)
        self.speed_caption.setText(self.tr("speed"))
        self.speed_slider.setToolTip(self.tr("Playback speed"))
        self.speed_slider.setAccessibleName(self.tr("Playback speed"))
        self.fit_button.setText(self.tr("Fit"))
        self.origin_button.setText(self.tr("NaN origin"))
        self.derivative_check.setAccessibleName(self.tr("Show the graph of ∂f/∂"))
        self.derivative_var.setAccessibleName(self.tr("Variable of the derivative graph"))
        self.derivative_var.setToolTip(self.tr("Variable of the derivative graph"))
        self.expression_view.setAccessibleName(self.tr("The formula the graph was recorded from"))
        self.view.setAccessibleName(self.tr("Computational graph"))
        self.view.minimap.setAccessibleName(self.tr("Minimap of the whole graph"))
        self.view.minimap.setToolTip(
            self.tr("The whole graph; click or use the arrow keys to move the view")
        )
        self.sweep_check.setText(self.tr("graph of the sweep"))
        self.sweep_check.setAccessibleName(self.tr("Show the graph of the plot's sweep"))
        self.sweep_check.setToolTip(
            self.tr(
                "Show the graph the plot records: the swept variable an array of points, "
                "the others numbers that broadcast. Shapes are on every edge, arrays are "
                "heat strips, and the step-through says where sum_to sums a gradient back."
            )
        )
        self.derivative_check.setText(self.tr("graph of ∂f/∂"))
        self.mode_combo.setItemText(0, self.tr("Reverse mode"))
        self.mode_combo.setItemText(1, self.tr("Forward mode"))
        self.mode_combo.setAccessibleName(self.tr("Mode of the step-through"))
        self.mode_combo.setToolTip(self.tr(
            "Reverse mode: one backward pass gives ∂f/∂ of every input. Forward mode: one "
            "pass carries tangents from the inputs along a direction ({keys} switches)"
        ).format(keys=self._keys_of("graphActionMode")))  # fmt: skip
        self.actions_by_name["graphActionMode"].setText(self.tr("Switch reverse / forward mode"))
        self.direction_caption.setText(self.tr("tangent 1 on"))
        self.direction_combo.setAccessibleName(self.tr("Direction of the forward pass"))
        self.direction_combo.setToolTip(self.tr(
            "The input whose tangent is 1 (the others 0): the pass computes ∂f/∂ of it"
        ))  # fmt: skip
        self._set_mode_tooltips()
        self._update_cost_label()

    # -- from the controller ----------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)  # redraws first if a result came while hidden
        self._announce_selection()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self._announce_selection(shown=False)  # no highlight for a graph out of sight

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._set_explanation_height()  # a new width wraps the text differently
        if self.snapshot is not None and len(self.snapshot) <= ORIENT_NODES:
            # never rebuild the scene inside a resize (a paint may be under way)
            QTimer.singleShot(0, self._reorient)
        self._fit_view()

    def _reorient(self) -> None:
        """Lay a small graph out again if the pane's new shape favours the other way."""
        snap, lay = self.snapshot, self.layout_result
        if snap is None or lay is None or self.trace is None or len(snap) > ORIENT_NODES:
            return
        if self._layout(snap).vertical != lay.vertical:
            step = self.step
            self._build_scene(snap)
            self.step = -1
            self.set_step(step)
            self._fit_view()

    def readable_scale(self) -> float:
        """The zoom at which a card's numbers are as large as body text (11 px at least)."""
        px = QFontInfo(self.fonts["value"]).pixelSize()
        return READABLE_PX / px if px > 0 else 1.0

    def _fit_view(self) -> None:
        """Re-apply the zoom mode: readable (auto), everything (after Fit), or the user's.

        Auto shows the whole graph when its text stays readable that way, and
        otherwise zooms to readable text on the function at work (or the output)."""
        if self._view_mode == "all":
            self.view.fit()
        elif self._view_mode == "auto":
            vertical = self.layout_result is not None and self.layout_result.vertical
            self.view.fit(self.readable_scale(), self._focus_point(), start=self._inputs_rect(),
                          vertical=vertical)  # fmt: skip

    def _focus_point(self) -> QPointF | None:
        """What the view should show when the graph does not fit: the current function
        while stepping, the first in the queue at the start; None once the pass is done
        (the view then starts at the inputs, where a reader starts)."""
        if self.snapshot is None or self.state is None or self.done:
            return None
        node_id = None
        if self.state.current is not None:
            node_id = self.state.current
        elif self.state.queue and self.step == 0:
            node_id = self.state.queue[0]
        item = self.items.get(node_id) if node_id is not None else None
        return item.pos() if item is not None else None

    def _inputs_rect(self) -> QRectF | None:
        """The cards of the graph's inputs (the variables with sliders), in the scene."""
        if self.snapshot is None:
            return None
        rect = QRectF()
        for node in self.snapshot.variables:
            item = self.items.get(node.id)
            if node.role == "input" and item is not None:
                rect = rect.united(item.sceneBoundingRect())
        return rect if not rect.isEmpty() else None

    def refresh(self) -> None:
        """Trace the current result's backward pass and redraw (items kept if possible)."""
        self._dirty = False
        result = self._result
        if result is None or result.expression is None:
            self._show_message(self.tr("Type a formula to see the graph it records."))
            return
        expr = result.expression
        self._sync_variables(expr.variables)
        self._sync_expression_text(expr.text)
        self._sync_directions(expr.variables)
        wrt = self.derivative_var.currentText()
        sweep = self.controller.session.sweep
        forward = self.forward_mode
        swept = not forward and self.sweep_check.isChecked() and sweep.variable in expr.variables
        self._sync_mode_widgets()
        self._sweep_shown = None
        self._value_origin = None
        # log(-1) and 1/0 give nan and inf in the graph, as everywhere in the tutor
        with np.errstate(all="ignore"):
            if forward:
                # Recorded only here: while the tab is shown in forward mode.
                direction = self._direction(expr.variables)
                trace = record_forward(expr, result.point, direction or {})
                forward_size = len(trace.snapshot)
                if not all(np.isfinite(n.data).all() for n in trace.snapshot.variables):
                    origin = find_origin(record_expression(expr, result.point))
                    if origin is not None and origin.direction == "forward":
                        self._value_origin = origin  # a value's NaN: the same in both modes
                key = (expr.text, tuple(sorted(result.point.items())))
                if key != self._cost_key:
                    self.cost, self._cost_key = compare(expr, result.point), key
            elif swept:
                trace = record_sweep(expr, result.point, sweep)
                forward_size = len(trace.snapshot)
                drawn = len(sweep_graph_points(sweep))
                self._sweep_shown = (sweep.variable, drawn, sweep.points)
            elif self.derivative_check.isChecked() and wrt and not self.sweep_check.isChecked():
                trace = record_derivative(expr, result.point, wrt)
                forward_size = len(record_expression(expr, result.point).snapshot)
            else:
                trace = record_expression(expr, result.point)
                forward_size = len(trace.snapshot)
        self._forward_size = forward_size
        self.set_trace(trace)
        self._update_cost_label()
        self._announce_selection()  # new text, new spans; a rebuilt scene selects nothing

    def set_trace(self, trace: BackwardTrace | ForwardTrace) -> None:
        """Show ``trace`` (its graph and its backward pass, or its forward pass). Keeps
        the step if it can."""
        snap = trace.snapshot
        if len(snap) > MAX_DRAWN_NODES:
            self.trace = None
            self._show_message(
                self.tr("This graph has {n} nodes, too many to draw (at most {m}).").format(
                    n=len(snap), m=MAX_DRAWN_NODES
                )
            )
            return
        key = snap.structure_key()
        rebuilt = key != self._structure
        was_done = self.trace is None or self.step >= self.end
        self.trace = trace
        self.snapshot = snap
        self.origin = (
            getattr(self, "_value_origin", None)
            if isinstance(trace, ForwardTrace)
            else find_origin(trace)
        )
        self.origin_button.setVisible(self.origin is not None)
        if rebuilt:
            self._structure = key
            self.expanded.clear()
            self._semantic = True
            self._build_scene(snap)
        if rebuilt or was_done:
            self.step = self.end
        self.step = min(self.step, self.end)
        self._apply_step()
        self._update_count_label()
        if rebuilt:
            self._view_mode = "auto"
            self._fit_view()
            self._update_minimap()

    # -- stepping ---------------------------------------------------------------------

    @property
    def end(self) -> int:
        """The last position: after the last step, the pass is *done* (len(trace) + 1).

        Positions: 0 is the start (only the output's grad is set), k = 1..len(trace)
        shows the k-th function being processed, ``end`` shows the finished pass
        calmly (every grad, nothing highlighted); it is where live updates show.
        """
        return len(self.trace) + 1 if self.trace is not None else 0

    @property
    def done(self) -> bool:
        return self.trace is None or self.step >= self.end

    def set_step(self, step: int) -> None:
        """Go to position ``step`` (0 = start, 1..len(trace) = steps, ``end`` = done)."""
        if self.trace is None:
            return
        step = max(0, min(self.end, step))
        if step != self.step:
            self.step = step
            self._apply_step()
            focus = self._focus_point()
            if focus is not None:  # follow the backward pass through a large graph
                visible = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
                if not visible.contains(QRectF(focus, focus).adjusted(-50, -40, 50, 40)):
                    self.view.centerOn(focus)
            self.sigStepChanged.emit(step)

    def step_forward(self) -> None:
        self.set_step(self.step + 1)

    def step_back(self) -> None:
        self.stop()
        self.set_step(self.step - 1)

    def reset(self) -> None:
        self.stop()
        self.set_step(0)

    def finish(self) -> None:
        self.stop()
        self.set_step(self.end)

    def toggle_play(self) -> None:
        if self.play_timer.isActive():
            self.stop()
        else:
            self.play()

    def play(self) -> None:
        if self.trace is None or len(self.trace) == 0:
            return
        if self.step >= self.end:
            self.set_step(0)  # done: play from the start
        self.play_timer.start()
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPause))

    def stop(self) -> None:
        self.play_timer.stop()
        self.play_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay))

    @property
    def playing(self) -> bool:
        return self.play_timer.isActive()

    def _on_play_timer_timeout(self) -> None:
        if self.trace is None or self.step >= self.end:
            self.stop()
            return
        self.step_forward()
        if self.step >= self.end:
            self.stop()

    def handle_key(self, event) -> bool:
        """← / → step, Space plays or pauses, Home / End, F fits. True if handled."""
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        action = self._keys.get(event.key())
        if action is None:
            return False
        action()
        event.accept()
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def _on_speed_changed(self, value: int) -> None:
        # 1..10 -> 0.33 .. 6 steps per second, evenly on a log scale
        steps_per_second = (1 / 3) * 18 ** ((value - 1) / 9)
        self.play_timer.setInterval(int(1000 / steps_per_second))

    def fit(self) -> None:
        """Show the whole graph (F), however small; resizing keeps it whole."""
        self._view_mode = "all"
        if not self._semantic and self.snapshot is not None:
            self._semantic = True  # the whole graph: its large parts as groups
            self._rebuild_keep_step()
        self.view.fit()

    def _on_view_user_zoomed(self) -> None:
        self._view_mode = "user"

    def _on_view_wheel_zoom(self, factor: float, at: QPointF) -> None:
        """Semantic zoom: zooming in on groups opens them all, around the node under
        the mouse; zooming far out on a large open graph collapses it again."""
        if self.snapshot is None or self.collapsed is None:
            return
        if factor > 1 and self.collapsed.groups:
            item = next((i for i in self.scene.items(at) if isinstance(i, NodeItem)), None)
            node_id = item.node_id if item is not None else self.snapshot.output
            self._semantic = False
            self._rebuild_keep_step()
            if self.view.transform().m11() < self.readable_scale():
                self.view.resetTransform()
                scale = self.readable_scale()
                self.view.scale(scale, scale)
            target = self.items.get(node_id) or self.items.get(self.snapshot.output)
            if target is not None:
                self.view.centerOn(target)
        elif factor < 1 and not self._semantic:
            drawn = len(self.items)
            if drawn > GROUP_NODES and self.view.transform().m11() < 0.5 * self.readable_scale():
                self._semantic = True
                self._rebuild_keep_step()
                self._view_mode = "all"
                self.view.fit()

    def open_group(self, root: int) -> None:
        """Open a collapsed subexpression (a click on it): its insides are drawn, its
        own smaller parts may stay grouped."""
        if self.collapsed is None or root not in self.collapsed.groups:
            return
        self.expanded.add(root)
        self._rebuild_keep_step()
        item = self.items.get(self.snapshot.nodes[root].outputs[0]) if self.snapshot else None
        self._fit_view()
        if item is not None and self._view_mode != "all":
            self.view.centerOn(item)

    def _update_minimap(self) -> None:
        """A minimap for graphs of more than MINIMAP_NODES nodes."""
        snap = self.snapshot
        drawn = 0 if snap is None else sum(
            1 for n in snap.nodes if getattr(n, "folded_into", None) is None
        )
        self.view.minimap_wanted = drawn > MINIMAP_NODES
        if self.view.minimap.isVisible():
            self.view.minimap.refit()
        self.view.sync_minimap()

    def _rebuild_keep_step(self) -> None:
        if self.snapshot is None or self.trace is None:
            return
        step = self.step
        self._build_scene(self.snapshot)
        self.step = -1
        self.set_step(step)
        self._update_minimap()

    # -- the scene ----------------------------------------------------------------------

    def _node_size(self, node: Node) -> tuple[float, float]:
        """Sized from the fonts, wide enough for the widest number a card shows, so the
        size never depends on the values (a slider move never lays the graph out)."""
        if node.kind == "variable":
            value = QFontMetricsF(self.fonts["grad_bold"])
            title = QFontMetricsF(self.fonts["title"])
            label = node.label
            numbers = value.horizontalAdvance(WIDEST_NUMBER)
            if self._shapes:
                label = f"{label}  {shape_text(node.shape)}"
                if np.size(node.data) > 1:  # caption, min, strip, max
                    strip = STRIP_WIDTH * self._base_points() / 9.0
                    numbers = (self._caption_width() + 4 + 2 * value.horizontalAdvance(STRIP_NUMBER)
                               + 8 + strip)  # fmt: skip
            width = max(numbers, title.horizontalAdvance(label))
            return (width + 16, 3 * max(value.height(), title.height()) + 10)
        fm = QFontMetricsF(self.fonts["symbol"])
        label = _group_title(node) if node.op == GROUP_OP else node.label or node.symbol
        return (max(fm.height() * 1.6, fm.horizontalAdvance(label) + 18), fm.height() * 1.8)

    def _style_count_label(self) -> None:
        t = theme.current()
        self.count_label.setStyleSheet(
            f"QLabel {{ background: {t.graph_background}; color: {t.muted_text}; "
            "padding: 1px 4px; }"
        )

    def _set_explanation_height(self) -> None:
        """As high as the text needs, between EXPLANATION_LINES (two more for a graph
        of arrays, whose steps add shapes and a sentence on broadcasting); a longer
        text scrolls. The graph gets the rest."""
        area = getattr(self, "explanation_area", None)
        if area is None or self.layout() is None:
            return
        spacing = self.fontMetrics().lineSpacing()
        low, high = EXPLANATION_LINES
        if self._shapes:
            high += 2
        width = max(120, area.width() - area.verticalScrollBar().sizeHint().width() - 2)
        need = self.explanation.heightForWidth(width) if self.explanation.text() else 0
        height = int(min(max(need, low * spacing), high * spacing)) + 6
        # never more than the pane has beside the rest's minimum (the tab must not grow)
        others = self.layout().minimumSize().height() - area.minimumHeight()
        room = self.height() - others
        height = min(height, max(int(low * spacing) + 6, room))
        if area.height() != height:
            area.setFixedHeight(height)

    def _caption_width(self) -> float:
        """The column left of an array card's heat strips: ``=`` and ``grad``."""
        fm = QFontMetricsF(self.fonts["value"])
        return max(fm.horizontalAdvance("="), fm.horizontalAdvance(self.tr("grad")))

    def _collapse(self, snap: GraphSnapshot) -> Collapsed:
        """The graph to draw: a large one with subexpressions collapsed into groups,
        unless the learner zoomed in (semantic zoom) or opened them. Groups grow until
        the whole graph fits the pane with readable text (or cannot grow more)."""
        text = self.expression_view.toPlainText()
        drawn = sum(1 for n in snap.nodes if getattr(n, "folded_into", None) is None)
        expanded = frozenset(self.expanded)
        if drawn <= GROUP_NODES or not self._semantic:
            return collapse(snap, text, len(snap), expanded=expanded)
        readable = self.readable_scale()
        c = None
        for target in range(GROUP_TARGET, 5, -2):  # the most nodes that still fit
            c = collapse(snap, text, target, expanded=expanded)
            if self._fit_scale(self._layout_of(c)) >= readable:
                break
        return c

    def _layout(self, snap: GraphSnapshot) -> Layout:
        """The layout of what is drawn now (``self.collapsed``, or ``snap`` collapsed)."""
        c = self.collapsed if self.collapsed is not None else self._collapse(snap)
        return self._layout_of(c)

    def _layout_of(self, c: Collapsed) -> Layout:
        """Left to right, or top to bottom when that shows a small graph larger in this
        pane (a wide graph in a tall pane would leave most of it empty)."""
        snap, hidden = c.snapshot, c.hidden
        scale = self._base_points() / 9.0  # gaps grow with the text
        options = dict(column_gap=COLUMN_GAP * scale, row_gap=ROW_GAP * scale, hidden=hidden)
        across = layered_layout(snap, self._node_size, **options)
        if len(snap) - len(hidden) > ORIENT_NODES:
            return across
        options["column_gap"] = ROW_GAP * scale  # layers stacked: the gap is a row's
        down = layered_layout(snap, self._node_size, vertical=True, **options)
        return down if self._fit_scale(down) > self._fit_scale(across) * 1.05 else across

    def _fit_scale(self, lay: Layout) -> float:
        view = self.view.viewport().size()
        margin = 60.0
        return min(view.width() / (lay.width + margin), view.height() / (lay.height + margin))

    def _build_scene(self, snap: GraphSnapshot) -> None:
        with QSignalBlocker(self.scene):
            self.scene.clear()
        self.items.clear()
        self.edge_items.clear()
        self.labels.clear()
        self.shape_labels.clear()
        self.empty_text = QGraphicsSimpleTextItem()
        self.empty_text.setBrush(theme.current().color("node_muted"))
        if snap.has_arrays != self._shapes:
            self._shapes = snap.has_arrays
            self._set_explanation_height()
        self.collapsed = self._collapse(snap)
        snap = self.collapsed.snapshot
        self.layout_result = lay = self._layout(snap)
        edge_pen = QPen(theme.current().color("edge"), 1.3)
        edge_pen.setCosmetic(False)
        for route in lay.routes:
            item = QGraphicsPathItem(_route_path(route, lay.vertical) if route else QPainterPath())
            item.setPen(edge_pen)
            item.setZValue(0)
            item.setVisible(bool(route))
            self.scene.addItem(item)
            self.edge_items.append(item)
        for node in snap.nodes:
            if node.id not in lay.centers:
                continue  # a constant folded into its function's label
            item = NodeItem(
                node, lay.sizes[node.id], self.fonts, self._shapes, self._caption_width()
            )
            if node.kind == "function" and node.op == GROUP_OP:
                item.title = _group_title(node)
                item.group = True
            item.setPos(*lay.centers[node.id])
            item.tooltip_provider = self.describe_node
            self.scene.addItem(item)
            self.items[node.id] = item
        # generation ruler beside the variable columns (above them, or left of the rows)
        if lay.columns:
            top = min(lay.centers[i][1] - lay.sizes[i][1] / 2 for i in lay.centers)
            left = min(lay.centers[i][0] - lay.sizes[i][0] / 2 for i in lay.centers)
            seen: set[int] = set()
            for nid, c in lay.columns.items():
                if c % 2 or c in seen or nid not in lay.centers:
                    continue
                seen.add(c)
                tag = QGraphicsSimpleTextItem(self.tr("gen {g}").format(g=c // 2))
                tag.setFont(self.fonts["badge"])
                tag.setBrush(theme.current().color("generation_tag"))
                box = tag.boundingRect()
                if lay.vertical:
                    y = lay.centers[nid][1] - box.height() / 2
                    tag.setPos(left - box.width() - 24, y)
                else:
                    x = lay.centers[nid][0] - box.width() / 2
                    tag.setPos(x, top - box.height() * 2.6)
                self.scene.addItem(tag)
        if self._shapes:
            self._add_shape_labels(snap, lay)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-40, -40, 40, 40))

    def _add_shape_labels(self, view: GraphSnapshot, lay: Layout) -> None:
        """The shape that flows along every drawn edge, ``(50,)`` or ``()``, on the edge."""
        color = theme.current().color("node_muted")
        placed: list[QRectF] = []
        for ei, (u, v) in enumerate(view.edges):
            if not lay.routes[ei]:
                continue
            var = view.nodes[u] if view.nodes[u].kind == "variable" else view.nodes[v]
            if var.kind != "variable":
                continue  # an edge between groups
            label = EdgeLabel(self.fonts["label"])
            label.setZValue(3)
            self.scene.addItem(label)
            is_input_edge = view.nodes[v].kind == "function"
            at = _route_label_point(lay.routes[ei], is_input_edge, lay.vertical)
            label.set(shape_text(var.shape), color, at)
            label.setPos(self._free_spot(label, at, placed))
            placed.append(label.sceneBoundingRect())
            self.shape_labels[ei] = label

    def _show_message(self, text: str) -> None:
        self.stop()
        self.view.minimap_wanted = False
        self.view.minimap.hide()
        self.collapsed = None
        with QSignalBlocker(self.scene):
            self.scene.clear()
        self.items.clear()
        self.edge_items.clear()
        self.labels.clear()
        self.shape_labels.clear()
        self._structure = None
        self.snapshot = None
        self.trace = None
        self.empty_text = QGraphicsSimpleTextItem(text)
        self.empty_text.setBrush(theme.current().color("node_muted"))
        self.scene.addItem(self.empty_text)
        self.scene.setSceneRect(self.scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        self.explanation.setText("")
        self.step_label.setText("")
        self.count_label.setText("")
        self.count_label.hide()
        self._update_buttons()
        self._announce_selection()

    def _apply_step(self) -> None:
        """Show the trace's state after ``self.step`` steps on every item."""
        trace, snap = self.trace, self.snapshot
        final = self.step >= self.end
        state = trace.state_at(min(self.step, len(trace)))
        self.state = state
        forward = isinstance(state, ForwardState)
        grads = state.tangents if forward else state.grads
        fresh: set[int] = set()
        if state.current is not None and not final:
            s = trace.steps[self.step - 1]
            fresh = set(s.outputs) if forward else {a.var for a in s.accumulations}
        queue_pos = {fid: i for i, fid in enumerate(state.queue)}
        grad_word = self.tr("grad")
        for nid, item in self.items.items():
            node = snap.nodes[nid]
            if node.kind == "variable" and forward:
                t = grads.get(nid)  # the tangent, once its function has run
                tangent = f"{dotted(node.label)} = {array_summary(t)}"
                if item.value_strip is not None:
                    item.set_texts("=", dotted(node.label), t is not None)
                    item.set_arrays(node.data, t)
                else:
                    item.set_texts("= " + array_summary(node.data), tangent, t is not None)
                item.set_state("fresh" if nid in fresh and not final else "normal")
            elif node.kind == "variable":
                g = (
                    grads.get(nid)
                    if not final
                    else (node.grad if node.grad is not None else grads.get(nid))
                )
                value_text = "= " + array_summary(node.data)
                if item.value_strip is not None:  # an array: heat strips, captions
                    shown = g if node.needs_grad else None
                    item.set_texts("=", grad_word, g is not None)
                    item.set_arrays(node.data, shown)
                elif not node.needs_grad:
                    item.set_texts(value_text, "", False)  # a constant: no gradient
                else:
                    item.set_texts(value_text, f"{grad_word} {array_summary(g)}", g is not None)
                item.set_state("fresh" if nid in fresh and not final else "normal")
            elif item.group:
                members = [f for f, root in self.collapsed.group_of.items() if root == nid]
                if state.current in members and not final:
                    item.set_state("current", self.tr("now"))
                elif any(f in queue_pos for f in members):
                    k = min(queue_pos[f] for f in members if f in queue_pos)
                    item.set_state("queued", self.tr("#{k} · g{g}").format(
                        k=k + 1, g=snap.nodes[members[0]].generation))  # fmt: skip
                elif all(f in state.done for f in members) and not final:
                    item.set_state("done")
                else:
                    item.set_state("normal")
            else:
                if nid == state.current and not final:
                    item.set_state("current", self.tr("now"))
                elif nid in queue_pos:
                    badge = self.tr("#{k} · g{g}").format(k=queue_pos[nid] + 1, g=node.generation)
                    item.set_state("queued", badge)
                elif nid in state.done and not final:
                    item.set_state("done")
                else:
                    item.set_state("normal")
        self._update_origin_marker()
        self._update_edge_highlights(final)
        self._update_step_label()
        self._update_explanation()
        self._update_buttons()

    def _update_origin_marker(self) -> None:
        """Mark the first node whose result was not finite: the Function's output for a
        forward NaN (the value it made), the Function itself for a backward one."""
        target = None
        if self.origin is not None:
            f = self.snapshot.nodes[self.origin.function]
            target = f.outputs[0] if self.origin.direction == "forward" and f.outputs else f.id
        for nid, item in self.items.items():
            if nid == target:
                text = self.tr("first NaN") if self._origin_is_nan() else self.tr("first ∞")
                item.set_origin(True, text)
            else:
                item.set_origin(False)

    def _origin_is_nan(self) -> bool:
        o, snap = self.origin, self.snapshot
        if o is None:
            return False
        if o.direction == "forward":
            f = snap.nodes[o.function]
            values = [snap.nodes[i].data for i in f.outputs]
        else:
            step = self.trace.steps[o.step - 1]
            values = [g for g in step.gxs if g is not None]
        return any(np.isnan(np.asarray(v)).any() for v in values if v is not None)

    def go_to_origin(self) -> None:
        """Show where the NaN began: the step of the backward pass that made it, or, for
        a value, the finished pass with that node in view and selected."""
        if self.origin is None or self.trace is None:
            return
        self.stop()
        if self.origin.direction == "backward" and self.origin.step is not None:
            self.set_step(self.origin.step)
        else:
            self.set_step(self.end)
        f = self.snapshot.nodes[self.origin.function]
        target = f.outputs[0] if self.origin.direction == "forward" and f.outputs else f.id
        item = self.items.get(target)
        if item is not None:
            self.select_node(target)
            self.view.centerOn(item)

    def _update_edge_highlights(self, final: bool) -> None:
        trace, snap, lay = self.trace, self.snapshot, self.layout_result
        view = self.collapsed.snapshot if self.collapsed is not None else snap
        for label in self.labels:
            label.setVisible(False)
        t = theme.current()
        plain = QPen(t.color("edge"), 1.3)
        active: dict[int, tuple[QColor, str]] = {}
        s = trace.steps[self.step - 1] if not final and self.step > 0 else None
        if isinstance(trace, ForwardTrace):
            if s is not None and view.nodes[s.function].op != GROUP_OP:
                active = self._forward_edges(s, view)
        elif s is not None and view.nodes[s.function].op != GROUP_OP:
            f = snap.nodes[s.function]
            for ei, (u, v) in enumerate(view.edges):
                if u == s.function:  # output edge: gy arrives from the right
                    k = f.outputs.index(v)
                    text = "gy = " + self._edge_value(s.gys[k] if k < len(s.gys) else None)
                    active[ei] = (t.color("gy_edge"), text)
            slot = 0
            for ei, (_u, v) in enumerate(view.edges):
                if v == s.function:  # input edge: gx leaves to the left
                    name = "gx" if len(f.inputs) == 1 else f"gx{slot}"
                    gx = s.gxs[slot] if slot < len(s.gxs) else None
                    active[ei] = (t.color("gx_edge"), f"{name} = {self._edge_value(gx)}")
                    slot += 1
        for ei, item in enumerate(self.edge_items):
            if ei in active:
                color, _ = active[ei]
                pen = QPen(color, 2.4)
                if item.pen() != pen:
                    item.setPen(pen)
                item.setZValue(1)
            elif item.pen() != plain:
                item.setPen(plain)
                item.setZValue(0)
        placed: list[QRectF] = []
        for ei, label in self.shape_labels.items():
            label.setVisible(ei not in active)  # an active edge's label names its shape
            if ei not in active:
                placed.append(label.sceneBoundingRect())
        for i, (ei, (color, text)) in enumerate(active.items()):
            if i >= len(self.labels):
                label = EdgeLabel(self.fonts["label"])
                self.scene.addItem(label)
                self.labels.append(label)
            u, v = view.edges[ei]
            if not lay.routes[ei]:
                continue  # a folded constant's edge is not drawn
            is_input_edge = snap.nodes[v].kind == "function"
            at = _route_label_point(lay.routes[ei], is_input_edge, lay.vertical)
            self.labels[i].set(text, color, at)
            self.labels[i].setPos(self._free_spot(self.labels[i], at, placed))
            placed.append(self.labels[i].sceneBoundingRect())
            self.labels[i].setVisible(True)

    def _forward_edges(self, s, view: GraphSnapshot) -> dict[int, tuple[QColor, str]]:
        """Forward mode: ẋ arriving on the input edges, ẏ leaving on the output edges."""
        t = theme.current()
        f = self.snapshot.nodes[s.function]
        active: dict[int, tuple[QColor, str]] = {}
        slot = 0
        for ei, (u, v) in enumerate(view.edges):
            if v == s.function:  # input edge: its tangent comes in
                name = "ẋ" if len(f.inputs) == 1 else f"ẋ{slot}"
                xdot = s.input_tangents[slot] if slot < len(s.input_tangents) else None
                active[ei] = (t.color("gy_edge"), f"{name} = {self._edge_value(xdot)}")
                slot += 1
            elif u == s.function:  # output edge: the tangent the rule made goes on
                k = f.outputs.index(v)
                ydot = s.tangents[k] if k < len(s.tangents) else None
                active[ei] = (t.color("gx_edge"), f"ẏ = {self._edge_value(ydot)}")
        return active

    def _edge_value(self, g) -> str:
        """A gradient on an edge; in a graph of arrays with its shape (``50  ()``)."""
        if not self._shapes:
            return array_summary(g)
        text = value_text(g)
        return text if g is None or np.size(g) > 4 else f"{text}  {shape_text(np.shape(g))}"

    def _free_spot(self, label: EdgeLabel, at: QPointF, placed: list[QRectF]) -> QPointF:
        """The point nearest ``at`` (up or down, then sideways) where ``label`` covers no
        node and no other label: an edge label never hides a value."""
        rect = label.boundingRect()
        step = rect.height() * 0.6
        w = rect.width()
        by_bounds = Qt.ItemSelectionMode.IntersectsItemBoundingRect
        for k in range(0, 16):
            dy = ((k + 1) // 2) * step * (1 if k % 2 else -1)
            for dx in (0.0, -0.4 * w, 0.4 * w, -0.7 * w, 0.7 * w, -1.1 * w, 1.1 * w):
                p = QPointF(at.x() + dx, at.y() + dy)
                r = rect.translated(p)
                if any(r.intersects(q) for q in placed):
                    continue
                near = r.adjusted(-2, -2, 2, 2)  # the badges above a box count too
                if not any(
                    isinstance(it, NodeItem) for it in self.scene.items(near, by_bounds)
                ):
                    return p
        return at

    def _update_step_label(self) -> None:
        n = len(self.trace)
        if self.step >= self.end:
            text = self.tr("done · {n} steps").format(n=n)
        elif self.step == 0:
            text = self.tr("start · {n} steps").format(n=n)
        else:
            text = self.tr("step {k} of {n}").format(k=self.step, n=n)
        self.step_label.setText(text)

    def _update_buttons(self) -> None:
        has = self.trace is not None and len(self.trace) > 0
        at_start = not has or self.step == 0
        at_end = not has or self.step >= self.end
        self.reset_button.setEnabled(not at_start)
        self.back_button.setEnabled(not at_start)
        self.forward_button.setEnabled(not at_end)
        self.end_button.setEnabled(not at_end)
        self.play_button.setEnabled(has)

    def _update_count_label(self) -> None:
        n = len(self.snapshot)
        if self._sweep_shown is not None:
            name, drawn, points = self._sweep_shown
            if drawn < points:
                text = self.tr("{v}: {k} of {p} points · {n} nodes").format(
                    v=name, k=drawn, p=f"{points:,}", n=n
                )
                tip = self.tr(
                    "The graph of the plot's sweep along {v}, recorded at {k} of its {p} "
                    "points (evenly spread) to stay quick: {n} nodes"
                ).format(v=name, k=drawn, p=f"{points:,}", n=n)
            else:
                text = self.tr("{v}: {k} points · {n} nodes").format(v=name, k=drawn, n=n)
                tip = self.tr("The graph of the plot's sweep along {v}, {k} points: {n} nodes"
                              ).format(v=name, k=drawn, n=n)  # fmt: skip
        elif self.forward_mode:
            text = self.tr("{n} nodes").format(n=n)
        elif self.sweep_check.isChecked():
            text = self.tr("the plot sweeps no variable of f: the graph at the point · {n} nodes"
                           ).format(n=n)  # fmt: skip
            tip = text
        elif self.derivative_check.isChecked():
            text = self.tr("∂f/∂{v}: {n} nodes · f: {m} nodes").format(
                v=self.derivative_var.currentText(), n=n, m=self._forward_size
            )
        else:
            text = self.tr("{n} nodes").format(n=n)
        self.count_label.setText(text)
        self.count_label.setToolTip(tip if self._sweep_shown is not None
                                    or (self.sweep_check.isChecked() and not self.forward_mode)
                                    else "")  # fmt: skip
        self.count_label.adjustSize()
        self.count_label.show()
        self.count_label.raise_()

    # -- words ------------------------------------------------------------------------

    def _partial(self, var: str) -> str:
        """∂f/∂x, or in the graph of f′ = ∂f/∂x: ∂²f/∂x², ∂²f/∂x∂y."""
        out = self.snapshot.nodes[self.snapshot.output].label
        wrt = self.derivative_var.currentText()
        if self.derivative_check.isChecked() and out == f"∂f/∂{wrt}":
            return f"∂²f/∂{wrt}²" if var == wrt else f"∂²f/∂{wrt}∂{var}"
        return f"∂{out}/∂{var}"

    def _fn_name(self, f: FunctionNode) -> str:
        return f"{f.label or f.symbol} ({f.op})"  # ÷4 (Div): the box's own label

    def _update_explanation(self) -> None:
        trace, snap, state = self.trace, self.snapshot, self.state
        n = len(trace)
        esc = html.escape
        mono = "<span style='font-family:\"DejaVu Sans Mono\",monospace'>{}</span>"
        parts: list[str] = []

        def queue_html() -> str:
            if not state.queue:
                return esc(self.tr("empty"))
            chips = []
            gen = self.tr("gen")
            for i, fid in enumerate(state.queue[:QUEUE_CHIPS]):
                f = snap.nodes[fid]
                t = theme.current()
                chips.append(
                    f"<span style='background:{t.queued_fill}; color:{t.queued_text}'>"
                    f"&nbsp;#{i + 1} "
                    f"{esc(f.label or f.symbol)} · {esc(gen)} {f.generation}"
                    "&nbsp;</span>"
                )
            more = len(state.queue) - QUEUE_CHIPS
            if more > 0:
                chips.append(esc(self.tr("… and {n} more").format(n=more)))
            return " ".join(chips)

        out = snap.nodes[snap.output]
        if self.origin is not None:
            color = theme.current().error
            heading = esc(self.tr("Not finite:"))
            parts.append(
                f"<span style='color:{color}'><b>{heading}</b> "
                f"{esc(tr_message(self.origin.note()))}</span> "
                + esc(self.tr("({keys} goes there)").format(
                    keys=self._keys_of("graphActionOrigin")))
            )
        if isinstance(trace, ForwardTrace):
            parts.extend(self._forward_explanation(queue_html, mono))
        elif n == 0:
            parts.append(esc(self.tr(
                "{f} was not computed by any function: its gradient is 1 and there is "
                "nothing to step through."
            ).format(f=out.label)))  # fmt: skip
        elif self.step >= self.end:
            show = value_text if self._shapes else array_summary
            grads = [
                f"{self._partial(v.label)} = {show(v.grad)}"
                for v in snap.variables
                if v.role == "input"
            ]
            parts.append(
                "<b>"
                + esc(self.tr("Backward pass done in {n} steps.").format(n=n))
                + "</b> "
                + esc(self.tr("Press ← or Home to replay it one function at a time."))
            )
            if grads:
                parts.append(mono.format(esc(",   ".join(grads))))
        elif self.step == 0:
            parts.append("<b>" + esc(self.tr("Start.")) + "</b> " + esc(self.tr(
                "The output's gradient is set to 1 ({f}.grad = 1), and the function that "
                "made it waits in the queue. Press → to pop it."
            ).format(f=out.label)))  # fmt: skip
            parts.append(esc(self.tr("Queue (highest generation first):")) + " " + queue_html())
        else:
            s = trace.steps[self.step - 1]
            f = snap.nodes[s.function]
            parts.append("<b>" + esc(self.tr("Step {k} of {n}: pop {f}, generation {g}.").format(
                k=self.step, n=n, f=self._fn_name(f), g=s.generation)) + "</b>")  # fmt: skip
            for note in trace.broadcast_notes(self.step):  # first: it is the lesson here
                parts.append("<i>" + esc(tr_message(note)) + "</i>")
            lines = []
            if self._shapes:  # x0 (50,), x1 () → y (50,)
                names = ["x"] if len(f.inputs) == 1 else [f"x{i}" for i in range(len(f.inputs))]
                ins = ", ".join(f"{a} {shape_text(snap.nodes[i].shape)}"
                                for a, i in zip(names, f.inputs, strict=True))  # fmt: skip
                outs = ", ".join(f"y {shape_text(snap.nodes[o].shape)}" for o in f.outputs)
                lines.append(self.tr("shapes: {ins} → {outs}").format(ins=ins, outs=outs))
            for k, gy in enumerate(s.gys):
                out_label = snap.nodes[f.outputs[k]].label if k < len(f.outputs) else "y"
                shown = value_text(gy) if self._shapes else array_summary(gy)
                lines.append(f"gy = {out_label}.grad = {shown}")
            lines.extend(trace.rule_lines(self.step))
            lines.extend(trace.accumulation_lines(self.step))
            parts.append(mono.format("<br>".join(esc(line) for line in lines)))
            kink = self._kink_note(f)
            if kink:
                parts.append(f"<span style='color:{theme.current().warning}'>{esc(kink)}</span>")
            parts.append(esc(self.tr("Queue now:")) + " " + queue_html())
        self.explanation.setText("<br>".join(parts))
        self._set_explanation_height()

    def _direction_text(self) -> str:
        """ẋ = 1, ẏ = 0: the seeds of the inputs, the direction of the pass."""
        trace = self.trace
        return ", ".join(f"{dotted(name)} = {short(u)}" for name, u in trace.direction.items())

    def _forward_explanation(self, queue_html, mono: str) -> list[str]:
        """The forward pass's text: the seeds, each step's tangent rule, ḟ at the end."""
        trace, snap = self.trace, self.snapshot
        esc = html.escape
        n = len(trace)
        out = snap.nodes[snap.output]
        names = [name for name, u in trace.direction.items() if u != 0]
        wrt = names[0] if len(names) == 1 and trace.direction[names[0]] == 1 else None
        value = array_summary(trace.output_tangent)
        result = f"{dotted(out.label)} = {value}"
        if wrt is not None:
            result = f"{dotted(out.label)} = ∂{out.label}/∂{wrt} = {value}"
        parts: list[str] = []
        if n == 0:
            parts.append(esc(self.tr(
                "{f} was not computed by any function: its tangent is its input's, and "
                "there is nothing to step through."
            ).format(f=out.label)))  # fmt: skip
            parts.append(mono.format(esc(result)))
        elif self.step >= self.end:
            parts.append("<b>" + esc(self.tr("Forward pass done in {n} steps.").format(n=n))
                         + "</b> " + esc(self.tr(
                "One pass gave the derivative along one direction; the other inputs' "
                "derivatives need a pass each. Press ← or Home to replay it."
            )))  # fmt: skip
            parts.append(mono.format(esc(f"{self._direction_text()}   →   {result}")))
        elif self.step == 0:
            parts.append("<b>" + esc(self.tr("Start.")) + "</b> " + esc(self.tr(
                "Each input's tangent is set to the direction ({seeds}). The functions run "
                "in generation order, inputs first, each computing its value and its "
                "tangent. Press → to run the first."
            ).format(seeds=self._direction_text())))  # fmt: skip
            parts.append(esc(self.tr("To run (in generation order):")) + " " + queue_html())
        else:
            s = trace.steps[self.step - 1]
            f = snap.nodes[s.function]
            parts.append("<b>" + esc(self.tr("Run {f}, generation {g}.").format(
                f=self._fn_name(f), g=s.generation)) + "</b> "
                + esc(tr_message(trace.step_message(self.step))))  # fmt: skip
            lines = []
            for k, x in enumerate(s.inputs):
                name = "x" if len(s.inputs) == 1 else f"x{k}"
                label = snap.nodes[x].label
                xdot = s.input_tangents[k] if k < len(s.input_tangents) else None
                value = array_summary(snap.nodes[x].data)
                if label == name:  # x = 1, ẋ = 1 (not x = x = 1)
                    lines.append(f"{name} = {value},   {dotted(name)} = {array_summary(xdot)}")
                    continue
                tangent = f"{dotted(name)} = {dotted(label)} = {array_summary(xdot)}"
                lines.append(f"{name} = {label} = {value},   {tangent}")
            lines.extend(trace.rule_lines(self.step))
            parts.append(mono.format("<br>".join(esc(line) for line in lines)))
            parts.append(esc(self.tr("Still to run:")) + " " + queue_html())
        return parts

    def _keys_of(self, action: str) -> str:
        seq = self.actions_by_name[action].shortcut()
        return seq.toString(QKeySequence.SequenceFormat.NativeText)

    def _kink_note(self, f: FunctionNode) -> str:
        if f.rule.kink is None:
            return ""
        x = self.snapshot.nodes[f.inputs[0]].data
        if x is not None and (x == 0).any():
            why = self.tr("{f} has a corner at 0; backprop uses the subgradient {sub}").format(
                f=f.symbol, sub=f.rule.kink
            )
            return self.tr("Not differentiable here: {why}.").format(why=why)
        return ""

    def describe_node(self, node_id: int) -> str:
        """The tooltip of a node: what it is, its value, its gradient, its rule."""
        snap = self.snapshot
        if snap is None or node_id >= len(snap.nodes):
            return ""
        node = snap.nodes[node_id]
        esc = html.escape
        rows: list[str] = []
        if self.collapsed is not None and node_id in self.collapsed.groups:
            text = self.collapsed.snapshot.nodes[node_id].label
            size = sum(1 for root in self.collapsed.group_of.values() if root == node_id)
            rows.append(f"<b>{esc(text)}</b>")
            rows.append(esc(self.tr("a group of {n} functions: click to open it").format(n=size)))
            return "<p style='white-space:pre'>" + "<br>".join(rows) + "</p>"
        if isinstance(node, VariableNode):
            what = {
                "input": self.tr("an input variable, set with its slider"),
                "constant": self.tr("a constant"),
                "output": self.tr("the output"),
                "intermediate": self.tr("an intermediate result"),
            }[node.role]
            rows.append(f"<b>{esc(node.label)}</b> — {esc(self.tr('Variable'))}, {esc(what)}")
            if node.creator is not None:
                maker = snap.nodes[node.creator]
                rows.append(esc(self.tr("made by {f}").format(f=self._fn_name(maker))))
            show = value_text if self._shapes else array_summary
            if self._shapes:
                rows.append(esc(self.tr("shape: {s}").format(s=shape_text(node.shape))))
            rows.append(esc(self.tr("value: {v}").format(v=show(node.data))))
            grads = self.state.grads if isinstance(self.state, TraceState) else {}
            final = self.done
            g = node.grad if final and node.grad is not None else grads.get(node.id)
            if isinstance(self.state, ForwardState):
                t = self.state.tangents.get(node.id)
                rows.append(esc(self.tr("tangent: {d} = {t}").format(
                    d=dotted(node.label), t=show(t))))  # fmt: skip
            elif node.needs_grad:
                rows.append(
                    esc(
                        self.tr("grad: {d} = {g}").format(
                            d=self._partial(node.label), g=show(g)
                        )
                    )
                )
            else:
                rows.append(esc(self.tr("no gradient: it depends on no input")))
            contributions = (
                self.state.contributions.get(node.id)
                if isinstance(self.state, TraceState)
                else None
            )
            if contributions and len(contributions) > 1:
                rows.append(esc(grad_sum_text(node.label, contributions)))
            rows.append(esc(self.tr("generation {g}").format(g=node.generation)))
        else:
            rule = node.rule
            rows.append(
                f"<b>{esc(node.label or node.symbol)}</b> — "
                f"{esc(self.tr('Function'))} {esc(node.op)}, "
                + esc(self.tr("generation {g}").format(g=node.generation))
            )
            ins = ", ".join(
                f"{snap.nodes[i].label} = {array_summary(snap.nodes[i].data)}" for i in node.inputs
            )
            outs = ", ".join(
                f"{snap.nodes[o].label} = {array_summary(snap.nodes[o].data)}" for o in node.outputs
            )
            rows.append(esc(self.tr("forward: {rule};  {ins} → {outs}").format(
                rule=rule.forward, ins=ins, outs=outs)))  # fmt: skip
            rows.append(esc(self.tr("backward: {rules}").format(
                rules=";  ".join(rule.rules))))  # fmt: skip
            if self.trace is not None:
                visits = [s.index for s in self.trace.steps if s.function == node.id]
                if visits:
                    rows.append(esc(self.tr("at step {k}:").format(k=visits[-1])))
                    rows.extend(esc(line) for line in self.trace.rule_lines(visits[-1]))
            kink = self._kink_note(node)
            if kink:
                rows.append(esc(kink))
        return "<p style='white-space:pre'>" + "<br>".join(rows) + "</p>"

    # -- the formula and selection ----------------------------------------------------

    def _sync_expression_text(self, text: str) -> None:
        if self.expression_view.toPlainText() != text:
            with QSignalBlocker(self.expression_view):
                self.expression_view.setPlainText(text)

    def _sync_variables(self, names) -> None:
        current = [self.derivative_var.itemText(i) for i in range(self.derivative_var.count())]
        if current != list(names):
            keep = self.derivative_var.currentText()
            with QSignalBlocker(self.derivative_var):
                self.derivative_var.clear()
                self.derivative_var.addItems(list(names))
                if keep in names:
                    self.derivative_var.setCurrentText(keep)
        enabled = bool(names) and not self.sweep_check.isChecked() and not self.forward_mode
        self.derivative_check.setEnabled(enabled)
        self.derivative_var.setEnabled(enabled)

    def _on_derivative_toggled(self, _checked: bool) -> None:
        self.stop()
        self.refresh()
        self.fit()  # the graph of ∂f/∂x is the point: open it whole

    # -- the graph of the sweep: a choice saved in the session ------------------------

    def _sweep_state(self) -> bool:
        return self.controller.panel_state(PANEL_KEY).get("sweep") is True

    def _on_sweep_toggled(self, checked: bool) -> None:
        """The learner's choice goes to the session (undoable, saved); the panel redraws
        when the controller says the state changed."""
        if checked == self._sweep_state():
            return
        state = self.controller.panel_state(PANEL_KEY)
        state["sweep"] = bool(checked)
        label = (self.tr("Show the graph of the plot's sweep") if checked
                 else self.tr("Show the graph at the point"))  # fmt: skip
        self.controller.set_panel_state(PANEL_KEY, state, label)

    def _on_controller_panel_state_changed(self, key: str) -> None:
        if key != PANEL_KEY:
            return
        on = self._sweep_state()
        if self.sweep_check.isChecked() != on:
            with QSignalBlocker(self.sweep_check):
                self.sweep_check.setChecked(on)
        self._sync_mode_widgets()
        self.stop()
        self._dirty = True
        if self.isVisible():
            shown = type(self.trace)
            self.refresh()  # a different graph: shown readable (the auto zoom), F fits all
            if self.trace is not None and type(self.trace) is not shown:
                self.set_step(0)  # the other mode: its pass from the start

    # -- reverse or forward mode: a choice saved in the session -------------------------

    @property
    def forward_mode(self) -> bool:
        return self.controller.panel_state(PANEL_KEY).get("mode") == "forward"

    def _direction(self, names) -> str | None:
        """The input whose tangent is 1 in forward mode (the saved one, else the first)."""
        names = list(names)
        saved = self.controller.panel_state(PANEL_KEY).get("direction")
        if isinstance(saved, str) and saved in names:
            return saved
        return names[0] if names else None

    def set_mode(self, mode: str) -> None:
        """Step through in ``"reverse"`` or ``"forward"`` mode (undoable, saved)."""
        if mode not in MODES or (mode == "forward") == self.forward_mode:
            return
        state = self.controller.panel_state(PANEL_KEY)
        state["mode"] = mode
        label = (self.tr("Step through in forward mode") if mode == "forward"
                 else self.tr("Step through in reverse mode"))  # fmt: skip
        self.controller.set_panel_state(PANEL_KEY, state, label, merge="mode")

    def set_direction(self, name: str) -> None:
        """Forward mode along the input ``name`` (tangent 1 on it, 0 on the others)."""
        state = self.controller.panel_state(PANEL_KEY)
        if not name or state.get("direction") == name:
            return
        state["direction"] = name
        self.controller.set_panel_state(
            PANEL_KEY, state, self.tr("Forward mode along {v}").format(v=name), merge="direction"
        )

    def toggle_mode(self) -> None:
        self.set_mode("reverse" if self.forward_mode else "forward")

    def _on_mode_chosen(self, index: int) -> None:
        if 0 <= index < len(MODES):
            self.set_mode(MODES[index])

    def _on_direction_chosen(self, index: int) -> None:
        if index >= 0:
            self.set_direction(self.direction_combo.itemText(index))

    def _sync_directions(self, names) -> None:
        names = list(names)
        current = [self.direction_combo.itemText(i) for i in range(self.direction_combo.count())]
        with QSignalBlocker(self.direction_combo):
            if current != names:
                self.direction_combo.clear()
                self.direction_combo.addItems(names)
            chosen = self._direction(names)
            if chosen is not None:
                self.direction_combo.setCurrentText(chosen)

    def _sync_mode_widgets(self) -> None:
        """The combo shows the saved mode; forward mode shows its direction and the cost,
        and greys out the choices it has no meaning for (their tooltips say why)."""
        forward = self.forward_mode
        with QSignalBlocker(self.mode_combo):
            self.mode_combo.setCurrentIndex(MODES.index("forward" if forward else "reverse"))
        if self._result is not None and self._result.expression is not None:
            self._sync_directions(self._result.expression.variables)
        self.direction_caption.setVisible(forward)
        self.direction_combo.setVisible(forward)
        self.cost_label.setVisible(forward and self.cost is not None)
        has_vars = self.derivative_var.count() > 0
        self.sweep_check.setEnabled(not forward)
        swept = self.sweep_check.isChecked()
        self.derivative_check.setEnabled(has_vars and not forward and not swept)
        self.derivative_var.setEnabled(self.derivative_check.isEnabled())
        self._set_mode_tooltips()

    def _set_mode_tooltips(self) -> None:
        if not hasattr(self, "actions_by_name") or "graphActionMode" not in self.actions_by_name:
            return
        forward = self.forward_mode
        why = self.tr("Forward mode steps through the graph of f at the point; switch to "
                      "reverse mode (Alt+M) for this graph.")  # fmt: skip
        self.derivative_check.setToolTip(why if forward else self.tr(
            "Show the graph that backward(create_graph=True) records for the "
            "derivative: the graph a second derivative is taken on."
        ))  # fmt: skip
        self.sweep_check.setToolTip(why if forward else self.tr(
            "Show the graph the plot records: the swept variable an array of points, "
            "the others numbers that broadcast. Shapes are on every edge, arrays are "
            "heat strips, and the step-through says where sum_to sums a gradient back."
        ))  # fmt: skip
        keys = self._keys_of
        if forward:
            self.reset_button.setToolTip(
                self.tr("Reset: start the forward pass") + f" ({keys('graphActionReset')})")
            self.end_button.setToolTip(
                self.tr("Finish the forward pass") + f" ({keys('graphActionEnd')})")
        else:
            self.reset_button.setToolTip(
                self.tr("Reset: start the backward pass") + f" ({keys('graphActionReset')})")
            self.end_button.setToolTip(
                self.tr("Finish the backward pass") + f" ({keys('graphActionEnd')})")

    def _update_cost_label(self) -> None:
        """Forward mode: what the full gradient costs in each mode, measured."""
        c = self.cost
        if not self.forward_mode or c is None or self.trace is None:
            self.cost_label.setVisible(False)
            return
        def passes(n: int) -> str:
            return self.tr("1 pass") if n == 1 else self.tr("{n} passes").format(n=n)

        def operations(n: int) -> str:
            return self.tr("1 operation") if n == 1 else self.tr("{n} operations").format(n=n)

        self.cost_label.setText(self.tr(
            "Full gradient: forward mode {fp}, {fo} · reverse mode {rp}, {ro}"
        ).format(fp=passes(c.forward.passes), fo=operations(c.forward.total),
                 rp=passes(c.reverse.passes), ro=operations(c.reverse.total)))  # fmt: skip
        self.cost_label.setToolTip(self.tr(
            "Forward mode gets one input's derivative per pass, so the full gradient takes "
            "one pass per input; reverse mode gets every input's from one backward pass "
            "per output. Operations: every function the engine evaluated (building the "
            "graph, and the tangent rules or backward methods), counted as they ran."
        ))  # fmt: skip
        self.cost_label.setVisible(True)

    def _on_derivative_variable_changed(self, _name: str) -> None:
        if self.derivative_check.isChecked():
            self.stop()
            self.refresh()

    def selected_node(self) -> int | None:
        for item in self.scene.selectedItems():
            if isinstance(item, NodeItem):
                return item.node_id
        return None

    def select_node(self, node_id: int | None) -> None:
        """Select a node (None: nothing); the formula highlights where it comes from."""
        item = self.items.get(node_id) if node_id is not None else None
        if item is not None and self.scene.selectedItems() == [item]:
            return  # already so: no selection signals (the cursor moved within a node)
        self.scene.clearSelection()
        if item is not None:
            item.setSelected(True)

    def _selected_spans(self) -> tuple[tuple[int, int], ...]:
        node_id = self.selected_node()
        if self.snapshot is None or node_id is None:
            return ()
        return self.snapshot.spans.get(node_id, ())

    def _on_scene_selection_changed(self) -> None:
        node_id = self.selected_node()
        if (
            node_id is not None
            and self.collapsed is not None
            and node_id in self.collapsed.groups
            and not self._syncing_selection
        ):
            # a click on a group opens it (after this signal: the scene is rebuilt)
            QTimer.singleShot(0, lambda root=node_id: self.open_group(root))
        spans = self._selected_spans()
        self._highlight_spans(spans)
        if spans and not self._syncing_selection:
            with QSignalBlocker(self.expression_view):
                cursor = self.expression_view.textCursor()
                cursor.setPosition(spans[0][0])
                self.expression_view.setTextCursor(cursor)
        self._announce_selection()

    def _announce_selection(self, shown: bool = True) -> None:
        """Publish the selected node's parts of the formula (the field highlights them)."""
        spans = list(self._selected_spans()) if shown and self.isVisible() else []
        self.controller.set_selection(self.expression_view.toPlainText(), spans)

    def select_at(self, text: str, position: int) -> None:
        """Select the node whose part of ``text`` holds ``position`` (a formula field's
        cursor). Nothing happens unless ``text`` is the formula the graph shows — not
        while the field is mid-edit — nor while the panel is hidden."""
        if not self.isVisible() or self.snapshot is None or self._dirty:
            return
        if text != self.expression_view.toPlainText():
            return
        self._select_at(position)

    def highlighted_spans(self) -> list[tuple[int, int]]:
        """The (start, end) parts of the formula highlighted now."""
        return [
            (sel.cursor.selectionStart(), sel.cursor.selectionEnd())
            for sel in self.expression_view.extraSelections()
        ]

    def _highlight_spans(self, spans) -> None:
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(theme.current().color("highlight_fill"))
        fmt.setForeground(theme.current().color("highlight_text"))
        for start, end in spans:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.expression_view.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.expression_view.setExtraSelections(selections)

    def _on_expression_cursor_moved(self) -> None:
        if self.snapshot is None:
            return
        self._select_at(self.expression_view.textCursor().position())

    def _select_at(self, position: int) -> None:
        node_id = self.snapshot.node_at(position)
        self._syncing_selection = True
        try:
            self.select_node(node_id)
            if node_id is not None:
                self.view.ensureVisible(self.items[node_id], 40, 40)
        finally:
            self._syncing_selection = False


__all__ = ["MAX_DRAWN_NODES", "GraphPanel", "GraphView", "NodeItem"]
