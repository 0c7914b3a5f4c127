"""Pictures of the plot and the graph view, as PNG or SVG.

The plot is exported with pyqtgraph's own exporters. Their SVG carries a stray
background rectangle (pyqtgraph #2018: ``width="100%"``, a colour some programs read as
black), which ``clean_svg`` strips; the background colour moves to the root element, and
the root gets the picture's real size, so the file shows the same in a browser and in
Inkscape. Every file is written atomically: a failed export leaves nothing behind.

``export_session_image`` is the headless path of ``python main.py --export OUT.png``: it
draws the app's plot panel offscreen and exports its plot.
"""

from __future__ import annotations

import contextlib
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
import pyqtgraph.exporters as pg_exporters
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QWidget

from tutor.export import IMAGE_SUFFIXES, ExportError, write_file
from tutor.session import Session

# The full-size background rectangle pyqtgraph's SVGExporter writes first (#2018).
_STRAY_BACKGROUND = re.compile(rb'<rect width="100%" height="100%"[^>]*/>\s*')
_SVG_ROOT = re.compile(rb"<svg\b[^>]*>")
_VIEWBOX = re.compile(rb'viewBox\s*=\s*"0 0 (\d+) (\d+)"')

CLI_PLOT_SIZE = QSize(960, 600)


def clean_svg(data: bytes, background: QColor | None = None) -> bytes:
    """Strip pyqtgraph's stray background rectangle and give the root its real size.

    An opaque ``background`` becomes a CSS ``background-color`` on the root element
    instead of a rectangle. Raises ExportError unless the result parses as XML.
    """
    data = _STRAY_BACKGROUND.sub(b"", data, count=1)
    root_tag = _SVG_ROOT.search(data)
    if root_tag is None:
        raise ExportError("the SVG export has no <svg> element")
    tag = root_tag.group(0)
    extra = b""
    size = _VIEWBOX.search(tag)
    if size is not None and b" width=" not in tag:
        extra += b' width="%s" height="%s"' % (size.group(1), size.group(2))
    if background is not None and background.alpha() > 0:
        extra += b' style="background-color:%s"' % background.name().encode("ascii")
    data = data[: root_tag.start()] + b"<svg" + extra + tag[4:] + data[root_tag.end() :]
    try:
        ET.fromstring(data)
    except ET.ParseError as exc:
        raise ExportError(f"the SVG export is not valid XML ({exc})") from None
    return data


def _png_bytes(image: QImage) -> bytes:
    if image.isNull():
        raise ExportError("the picture is empty (the view has no size)")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise ExportError("could not encode the picture as PNG")
    return bytes(buffer.data())


def _background_of(scene: QGraphicsScene) -> QColor:
    views = scene.views()
    brush = views[0].backgroundBrush() if views else None
    if brush is None or brush.style() == Qt.BrushStyle.NoBrush:
        return QColor(0, 0, 0, 0)
    return brush.color()


# -- pyqtgraph items and scenes ------------------------------------------------------


def _exportable(widget: QWidget) -> object | None:
    """What pyqtgraph's exporters take for ``widget``: a PlotItem or a scene, or None."""
    if isinstance(widget, pg.PlotWidget):
        return widget.getPlotItem()
    if isinstance(widget, pg.GraphicsView):
        return widget.scene()
    return None


def _pyqtgraph_png(item: object) -> bytes:
    exporter = pg_exporters.ImageExporter(item)
    return _png_bytes(exporter.export(toBytes=True))


def _pyqtgraph_svg(item: object) -> bytes:
    scene = item if isinstance(item, QGraphicsScene) else item.scene()
    data = pg_exporters.SVGExporter(item).export(toBytes=True)
    return clean_svg(bytes(data), _background_of(scene))


# -- any other view: a QGraphicsView draws its whole scene, a widget itself -------------

SCENE_MARGIN = 12  # pixels around a scene's items
PNG_SCALE = 2  # scenes are vector drawings: render PNGs at twice the size, crisp when zoomed


def _painting(widget: QWidget) -> tuple[QSize, Callable[[QPainter], None], QColor]:
    """The size of the picture, how to paint it, and its background colour."""
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        scene = widget.scene()
        source = scene.itemsBoundingRect().adjusted(
            -SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN
        )
        if source.isEmpty():
            raise ExportError("the picture is empty (the view shows nothing)")
        size = source.size().toSize()
        brush = widget.backgroundBrush()
        background = (
            brush.color()
            if brush.style() != Qt.BrushStyle.NoBrush
            else widget.palette().base().color()
        )

        def paint(painter: QPainter) -> None:
            target = QRectF(0, 0, size.width(), size.height())
            scene.render(painter, target, source, Qt.AspectRatioMode.KeepAspectRatio)

        return size, paint, background

    size = widget.size()
    if size.isEmpty():
        raise ExportError("the picture is empty (the view has no size)")

    def paint(painter: QPainter) -> None:
        # Children only: a window background would be one more full-size rectangle.
        flags = QWidget.RenderFlag.DrawChildren
        QWidget.render(widget, painter, QPoint(0, 0), QRegion(), flags)

    return size, paint, widget.palette().window().color()


def _widget_png(widget: QWidget) -> bytes:
    if not isinstance(widget, QGraphicsView):
        return _png_bytes(widget.grab().toImage())
    size, paint, background = _painting(widget)
    image = QImage(size * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.fill(background)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(PNG_SCALE, PNG_SCALE)
        paint(painter)
    finally:
        painter.end()
    return _png_bytes(image)


def _widget_svg(widget: QWidget) -> bytes:
    size, paint, background = _painting(widget)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    generator.setTitle(widget.objectName() or "view")
    # The screen's resolution: fonts given in points keep their size next to the
    # shapes (QSvgGenerator assumes 72 dpi, which would shrink every text).
    generator.setResolution(widget.logicalDpiX())
    painter = QPainter(generator)
    try:
        paint(painter)
    finally:
        painter.end()
    buffer.close()
    return clean_svg(bytes(data), background)


# -- the public entry points ------------------------------------------------------------


def _titled(widget: QWidget):
    """The plot panel's ``titled_for_export`` if ``widget`` is a plot in one (the
    picture then carries the formula and the point), else a context that does nothing."""
    owner = widget.parentWidget()
    while owner is not None and not hasattr(owner, "titled_for_export"):
        owner = owner.parentWidget()
    return owner.titled_for_export() if owner is not None else contextlib.nullcontext()


def image_bytes(widget: QWidget, suffix: str) -> bytes:
    """A picture of ``widget`` (the plot or the graph view) as ``.png`` or ``.svg``.

    A plot's picture has the formula and the point as its title, and its legend in the
    corner where it covers no curve (``PlotPanel.titled_for_export``).
    """
    with _titled(widget):
        return _image_bytes(widget, suffix)


def _image_bytes(widget: QWidget, suffix: str) -> bytes:
    suffix = suffix.lower()
    item = _exportable(widget)
    if suffix == ".png":
        return _pyqtgraph_png(item) if item is not None else _widget_png(widget)
    if suffix == ".svg":
        return _pyqtgraph_svg(item) if item is not None else _widget_svg(widget)
    raise ExportError(f"unknown image format '{suffix}' (use .png or .svg)")


def export_image(widget: QWidget, out_path: str | os.PathLike) -> None:
    """Write a picture of ``widget`` to ``out_path``; the suffix picks PNG or SVG."""
    data = image_bytes(widget, Path(out_path).suffix)
    write_file(out_path, data)


def export_session_image(out_path: str | os.PathLike, session: Session) -> None:
    """Headless: draw the app's plot of ``session`` offscreen and export it.

    The plot panel is built on its own (not inside the window, whose side panels would
    squeeze it) at ``CLI_PLOT_SIZE``. Creates the QApplication, offscreen and styled as
    the app is, if there is none yet. Raises ExportError.
    """
    suffix = Path(out_path).suffix.lower()
    if suffix not in IMAGE_SUFFIXES:
        raise ExportError(f"unknown image format '{suffix}' (use .png or .svg)")
    app = QApplication.instance()
    if app is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from gui.app import create_app

        app = create_app(["autodiff-tutor"])
    from gui.controller import SessionController
    from gui.panels.plot.plot_panel import PlotPanel

    controller = SessionController(session)
    panel = PlotPanel(controller)
    try:
        panel.resize(CLI_PLOT_SIZE)
        panel.show()
        controller.evaluate_now()
        app.processEvents()
        export_image(panel.plot_widget, out_path)
    finally:
        panel.close()
        panel.deleteLater()
        controller.deleteLater()
        app.processEvents()


__all__ = ["clean_svg", "export_image", "export_session_image", "image_bytes"]
